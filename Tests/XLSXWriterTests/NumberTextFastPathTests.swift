import Testing

@testable import XLSXWriter

/// The cheap decision "libxlsxwriter's `%.16G` reads back exactly" must agree with printing and reading back, for
/// every kind of double: it only skips work, it never skips a patch.
@Suite("Numbers: the fast exactness check agrees with printing")
struct NumberTextFastPathTests {
  /// Deterministic pseudo-random 64-bit values (xorshift).
  static func randomBits(_ count: Int, seed: UInt64) -> [UInt64] {
    var state = seed
    return (0..<count).map { _ in
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  /// Doubles of the kinds returns and yearbooks hold, and the awkward ones around them.
  static var samples: [Double] {
    var values: [Double] = [
      0, -0.0, 0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, .pi, 93.5, 99.99999999999999, 100 * 1.1, 1e-7, 1e300,
      .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
      9_007_199_254_740_991, 9_007_199_254_740_992, 9_007_199_254_740_993, 12_345_678_901_234_568, 1e16, 1e15 + 0.5,
    ]
    // Powers of two and their neighbours (where the rounding interval is lopsided).
    for exponent in -1074...1023 {
      let power = Double(sign: .plus, exponent: exponent, significand: 1)
      values += [power, power.nextUp, power.nextDown, -power]
    }
    let bits = randomBits(40_000, seed: 0x9E37_79B9_7F4A_7C15)
    for (index, pattern) in bits.enumerated() {
      let raw = Double(bitPattern: pattern)
      if raw.isFinite { values.append(raw) }
      // Decimal-looking values: cents, per mille, percentages with 1 to 6 decimals, big counts.
      let integer = Double(pattern % 100_000_000)
      values.append(integer / 100)
      values.append(integer / 1000)
      values.append(integer / Double([10, 100, 1000, 10_000, 100_000, 1_000_000][index % 6]))
      values.append(Double(pattern >> 11) / 7)
    }
    return values
  }

  @Test func agreesWithPrintingAndReadingBackForEveryKindOfDouble() {
    var disagreements: [Double] = []
    for value in Self.samples
    where NumberText.exactReplacement(for: value) != NumberText.slowExactReplacement(for: value) {
      disagreements.append(value)
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
  }

  @Test func stillPatchesTheNumbersSixteenDigitsCannotCarry() {
    #expect(NumberText.exactReplacement(for: 0.1 + 0.2) == "0.30000000000000004")
    #expect(NumberText.exactReplacement(for: 1.0 / 3) == NumberText.slowExactReplacement(for: 1.0 / 3))
    #expect(NumberText.exactReplacement(for: 93.5) == nil)
    #expect(NumberText.exactReplacement(for: 12_345.67) == nil)
  }

  @Test func countsSignificantDigitsOfDecimalTexts() {
    #expect(NumberText.significantDigits(of: "0.0") == 0)
    #expect(NumberText.significantDigits(of: "-0.00123") == 3)
    #expect(NumberText.significantDigits(of: "1234.5") == 5)
    #expect(NumberText.significantDigits(of: "1000.0") == 1)
    #expect(NumberText.significantDigits(of: "100.25") == 5)
    #expect(NumberText.significantDigits(of: "1.5e-07") == 2)
    #expect(NumberText.significantDigits(of: "0.30000000000000004") == 17)
  }
}
