/// Estimates column widths for Chinese and mixed texts (libxlsxwriter has no autofit).
///
/// Excel measures widths in characters of the default font (Calibri 11). A Han character is about
/// two of those, an ASCII character a little over one. The estimate follows the East-Asian-width
/// approach (wide and full-width characters count 2, others 1.1) plus padding, taking the longest
/// line of each text.
///
/// ```swift
/// try sheet.setColumnWidth(ColumnWidth.fitting(["指标名称", "孕产妇系统管理率（%）"]), columns: 0...0)
/// ```
public enum ColumnWidth {
  /// Extra characters added to the longest text.
  public static let padding = 2.0
  /// The narrowest width returned.
  public static let minimum = 4.0
  /// The widest width returned (Excel's limit is 255).
  public static let maximum = 100.0

  /// A width that fits the longest line of the given texts, between ``minimum`` and ``maximum``.
  public static func fitting(_ texts: [String]) -> Double {
    var widest = 0.0
    for text in texts {
      for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        widest = max(widest, line.unicodeScalars.reduce(0) { $0 + units($1) })
      }
    }
    return min(maximum, max(minimum, (widest + padding).rounded(.up)))
  }

  /// The width of one character in default-font character units.
  static func units(_ scalar: Unicode.Scalar) -> Double {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      return 1.1
    }
  }
}
