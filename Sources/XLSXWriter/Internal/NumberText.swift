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
