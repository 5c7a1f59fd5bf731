/// What a cell holds. Write it with ``Worksheet/write(_:row:column:format:)``.
///
/// Numbers are written so that every finite `Double` reads back bit for bit (see "Promises" on
/// the module page); NaN and infinities are refused.
public enum CellContent: Hashable, Sendable {
  /// A number.
  case number(Double)
  /// A text (up to ``WriteLimits/maxCellTextCharacters`` characters, no NUL).
  /// An empty text writes an empty cell, like ``blank``.
  case string(String)
  /// A formula such as `"SUM(B2:B9)"` (a leading `=` is allowed), with the value it evaluates to
  /// if known. Without a cached value the file stores no value at all (not 0), so readers see
  /// "not calculated" and Excel/LibreOffice compute it on load. Functions newer than Excel 2007
  /// need their `_xlfn.` prefix (e.g. `_xlfn.STDEV.S`), as libxlsxwriter stores formulas verbatim.
  case formula(String, cached: FormulaResult? = nil)
  /// `TRUE` or `FALSE`.
  case bool(Bool)
  /// A calendar date (stored as an Excel serial number; shown as `yyyy-mm-dd` unless the format
  /// gives a number format).
  case date(year: Int, month: Int, day: Int)
  /// A date with a time of day (shown as `yyyy-mm-dd hh:mm:ss` unless the format gives one).
  case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double)
  /// No value: clears the cell; with a format, an empty styled cell (e.g. an unlocked input cell).
  case blank
}
