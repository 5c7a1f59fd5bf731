/// The value of a cell, decoded from its type attribute, its style and its text.
public enum CellValue: Sendable, Equatable {
  /// A number (`t="n"` or no type) whose style is not a date format.
  case number(Double)
  /// Text: a shared string (rich-text runs joined, phonetic runs skipped, `_xHHHH_` escapes decoded), an inline
  /// string or a formula's string result.
  case string(String)
  /// A boolean (`t="b"`).
  case bool(Bool)
  /// A date or time: a number with a date format, or an ISO 8601 value (`t="d"`).
  case date(ExcelDate)
  /// An error value exactly as written (`#DIV/0!`, `#N/A`, `#SPILL!` …).
  case error(String)
  /// A formula with no cached result: "not calculated", which is not the same as 0 or blank.
  case uncalculated

  /// The number behind a number or a date (its serial), else `nil`.
  public var numericValue: Double? {
    switch self {
    case .number(let number): return number
    case .date(let date): return date.serial
    default: return nil
    }
  }
}

/// What a cell's style says, reduced to what readers need; computed once per style, not per cell.
public struct CellStyleSummary: Sendable, Equatable {
  /// The index into the workbook's `cellXfs`.
  public var styleIndex: Int
  /// The number format id (built-in below 164, custom from 164).
  public var numberFormatId: Int
  /// The number format code (built-in codes spelled out, `nil` for General).
  public var numberFormat: String?
  /// Whether the number format shows a date or a time.
  public var isDate: Bool
  /// Whether the number format shows a percentage (`0.0%`): the stored value is the fraction (0.935 for 93.5%).
  public var isPercent: Bool
  /// Whether the number format is text (`@`).
  public var isText: Bool
  /// The solid fill colour as `AARRGGBB` hex when the style has one with an explicit RGB value.
  public var fillColor: String?

  /// Creates a summary.
  public init(
    styleIndex: Int, numberFormatId: Int, numberFormat: String?, isDate: Bool, isPercent: Bool, isText: Bool,
    fillColor: String?
  ) {
    self.styleIndex = styleIndex
    self.numberFormatId = numberFormatId
    self.numberFormat = numberFormat
    self.isDate = isDate
    self.isPercent = isPercent
    self.isText = isText
    self.fillColor = fillColor
  }
}

/// One cell that holds a value, with the exact text it was decoded from.
public struct Cell: Sendable, Equatable {
  /// The 1-based row number.
  public var row: Int
  /// The 1-based column number (A = 1).
  public var column: Int
  /// The decoded value.
  public var value: CellValue
  /// The formula text without a leading `=` (`SUM(B1:B2)`), if the cell has one. Dependents of a shared
  /// formula get the master's formula moved to their own position.
  public var formula: String?
  /// The exact text of `<v>` (or of the string), for provenance: never reformatted, so no digit is lost.
  /// `nil` when the reader was asked for values only.
  public var rawValue: String?
  /// The style, shared by every cell of that style (one reference keeps `Cell` small and cheap to copy).
  var format: CellFormat?

  /// The number format code of the cell's style (`0.0%`, `yyyy"年"m"月"d"日"`), `nil` for General.
  public var numberFormat: String? {
    get { format?.numberFormat }
    set { format = CellFormat(numberFormat: newValue, style: style) }
  }

  /// A summary of the cell's style, `nil` for the default style.
  public var style: CellStyleSummary? {
    get { format?.style }
    set { format = CellFormat(numberFormat: numberFormat, style: newValue) }
  }

  /// Creates a cell.
  public init(
    row: Int, column: Int, value: CellValue, formula: String? = nil, rawValue: String? = nil,
    numberFormat: String? = nil, style: CellStyleSummary? = nil
  ) {
    self.row = row
    self.column = column
    self.value = value
    self.formula = formula
    self.rawValue = rawValue
    self.format = numberFormat == nil && style == nil ? nil : CellFormat(numberFormat: numberFormat, style: style)
  }

  init(row: Int, column: Int, value: CellValue, rawValue: String?, format: CellFormat?) {
    self.row = row
    self.column = column
    self.value = value
    self.rawValue = rawValue
    self.format = format
  }

  public static func == (lhs: Cell, rhs: Cell) -> Bool {
    lhs.row == rhs.row && lhs.column == rhs.column && lhs.value == rhs.value && lhs.formula == rhs.formula
      && lhs.rawValue == rhs.rawValue && lhs.numberFormat == rhs.numberFormat && lhs.style == rhs.style
  }

  /// The A1 reference of the cell (`B3`).
  public var reference: String { CellReference.name(row: row, column: column) }
}

/// The number format and style summary of one cell format, shared by reference between cells.
final class CellFormat: Sendable {
  let numberFormat: String?
  let style: CellStyleSummary?

  init(numberFormat: String?, style: CellStyleSummary?) {
    self.numberFormat = numberFormat
    self.style = style
  }
}
