internal import CXLSXWriter

/// How libxlsxwriter 1.1.4 prints a number, and the text to use instead when that would change it.
///
/// libxlsxwriter writes `<v>` with `%.16G` (Debian builds it without the dtoa option). Sixteen
/// significant digits are not always enough: `0.1 + 0.2` prints as `0.3`, a different double.
/// Seventeen always are (IEEE 754 binary64), so for such numbers the package is patched after
/// writing with the `%.17G` text.
enum NumberText {
  /// `nil` when libxlsxwriter's own text reads back as exactly `value`; else a text that does.
  static func exactReplacement(for value: Double) -> String? {
    if sixteenDigitsSuffice(value) { return nil }
    return slowExactReplacement(for: value)
  }

  /// The largest magnitude below which every integral double has at most 16 digits (2^53).
  private static let exactIntegerLimit = 0x1p53
  /// The digits `%.16G` prints.
  private static let printedDigits = 16

  /// Whether `%.16G` surely reads back as `value`, decided without printing it (the common case, cheaply).
  ///
  /// - An integral value below 2^53 has at most 16 digits, all printed exactly.
  /// - Otherwise: when the shortest text that reads back as `value` (Swift's `description`) has at most 16
  ///   significant digits, that text padded with zeros is a 16-digit decimal inside `value`'s rounding interval,
  ///   and `%.16G` prints the 16-digit decimal nearest to `value`, which is at least as near. The interval is
  ///   symmetric except at a power of two (a zero significand), where the nearer decimal may fall on the narrower
  ///   side: those values, and anything else, take the slow check.
  static func sixteenDigitsSuffice(_ value: Double) -> Bool {
    guard value.isFinite else { return false }
    if abs(value) < exactIntegerLimit, value == value.rounded(.towardZero) { return true }
    guard value.significandBitPattern != 0 else { return false }
    return significantDigits(of: value.description) <= printedDigits
  }

  /// The significant digits of a decimal text such as `-0.00123`, `1234.5` or `1.5e-07` (exponent ignored,
  /// leading and trailing zeros not counted).
  static func significantDigits(of text: String) -> Int {
    var digits = 0
    var pendingZeros = 0
    var seenNonZero = false
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "e"), UInt8(ascii: "E"): return digits
      case UInt8(ascii: "0"):
        if seenNonZero { pendingZeros += 1 }
      case UInt8(ascii: "1")...UInt8(ascii: "9"):
        digits += pendingZeros + 1
        pendingZeros = 0
        seenNonZero = true
      default: continue
      }
    }
    return digits
  }

  /// The check by printing: `%.16G`, read back, compared bit for bit.
  static func slowExactReplacement(for value: Double) -> String? {
    let printed = format(value, digits: 16)
    if let parsed = Double(printed), parsed.bitPattern == value.bitPattern { return nil }
    return format(value, digits: 17)
  }

  static func format(_ value: Double, digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 40)
    let count = buffer.withUnsafeMutableBufferPointer { pointer in
      digits == 16
        ? nianjian_format_double_16(pointer.baseAddress, pointer.count, value)
        : nianjian_format_double_17(pointer.baseAddress, pointer.count, value)
    }
    return String(decoding: buffer.prefix(Int(max(count, 0))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
