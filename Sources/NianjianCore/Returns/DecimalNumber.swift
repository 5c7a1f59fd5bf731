/// A decimal number kept as its digits, so that reading, shifting and counting decimals never goes through binary
/// floating point (`0.935` shifted two places is exactly `93.5`, never `93.50000000000001`).
///
/// The value is `digits × 10^exponent`, with a sign.
public struct DecimalNumber: Sendable, Hashable, CustomStringConvertible {
  /// Whether the number is negative.
  public var isNegative: Bool
  /// The decimal digits without leading zeros (`"0"` for zero).
  public var digits: String
  /// The power of ten the digits are scaled by.
  public var exponent: Int

  /// The largest exponent accepted when parsing; larger ones are not numbers people type.
  public static let maximumExponent = 400

  /// Parses plain ASCII decimal text: an optional sign, digits with an optional point, an optional exponent
  /// (`93.5`, `-12`, `.5`, `1e-05`). Returns `nil` for anything else (no grouping, no spaces).
  public init?(_ text: String) {
    var bytes = Array(text.utf8)[...]
    guard !bytes.isEmpty else { return nil }
    var negative = false
    if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      bytes = bytes.dropFirst()
    }
    var mantissa: [UInt8] = []
    var fractionCount = 0
    var seenPoint = false
    var seenDigit = false
    while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
      if byte == UInt8(ascii: ".") {
        guard !seenPoint else { return nil }
        seenPoint = true
      } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
        mantissa.append(byte)
        seenDigit = true
        if seenPoint { fractionCount += 1 }
      } else {
        return nil
      }
      bytes = bytes.dropFirst()
    }
    guard seenDigit else { return nil }
    var exponent = 0
    if !bytes.isEmpty {
      bytes = bytes.dropFirst()
      var exponentNegative = false
      if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        exponentNegative = first == UInt8(ascii: "-")
        bytes = bytes.dropFirst()
      }
      guard !bytes.isEmpty, bytes.count <= 4 else { return nil }
      for byte in bytes {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
      }
      guard exponent <= Self.maximumExponent else { return nil }
      if exponentNegative { exponent = -exponent }
    }
    let trimmed = mantissa.drop { $0 == UInt8(ascii: "0") }
    self.digits = trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)
    self.exponent = trimmed.isEmpty ? 0 : exponent - fractionCount
    self.isNegative = negative && !trimmed.isEmpty
  }

  /// The exact decimal form of a finite double: its shortest round-trip text (`0.935`, `1e-05`), parsed; `nil` for
  /// infinities and NaN.
  public init?(_ value: Double) {
    guard value.isFinite else { return nil }
    // Swift's description is the shortest text that reads back as the same double.
    self.init(value.description)
  }

  private init(digits: String, exponent: Int, isNegative: Bool) {
    self.digits = digits
    self.exponent = exponent
    self.isNegative = isNegative
  }

  /// Whether the number is zero.
  public var isZero: Bool { digits == "0" }

  /// The number multiplied by `10^places` (exact).
  public func shifted(by places: Int) -> DecimalNumber {
    isZero ? self : DecimalNumber(digits: digits, exponent: exponent + places, isNegative: isNegative)
  }

  /// The number of decimals that carry information; trailing zeros of the fraction do not count (1 for `93.50`,
  /// 0 for `1200`).
  public var significantDecimals: Int {
    let trailingZeros = digits.reversed().prefix { $0 == "0" }.count
    let effectiveExponent = isZero ? 0 : exponent + trailingZeros
    return max(0, -effectiveExponent)
  }

  /// Whether the number has no fractional part.
  public var isInteger: Bool { significantDecimals == 0 }

  /// Plain text without an exponent (`93.5`, `-0.00001`, `1200`).
  public var plainText: String {
    var text: String
    if exponent >= 0 {
      text = isZero ? "0" : digits + String(repeating: "0", count: exponent)
    } else {
      let places = -exponent
      if digits.count > places {
        let split = digits.index(digits.endIndex, offsetBy: -places)
        text = String(digits[..<split]) + "." + String(digits[split...])
      } else {
        text = "0." + String(repeating: "0", count: places - digits.count) + digits
      }
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return (isNegative ? "-" : "") + text
  }

  /// The nearest double (correctly rounded from the decimal text).
  public var doubleValue: Double { Double(plainText) ?? .nan }

  /// ``plainText``.
  public var description: String { plainText }
}
