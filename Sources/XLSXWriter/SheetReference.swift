import Foundation

/// A range on a named sheet, used by charts, list validations and links: `'表 1'!$B$2:$B$9`.
public struct SheetReference: Hashable, Sendable, CustomStringConvertible {
  /// The sheet's name as given to ``Workbook/addWorksheet(_:)``.
  public var sheet: String
  /// The cells on that sheet.
  public var range: CellRange

  /// A reference to `range` on `sheet`.
  public init(sheet: String, range: CellRange) {
    self.sheet = sheet
    self.range = range
  }

  /// A reference to one cell on `sheet`.
  public init(sheet: String, cell: CellAddress) {
    self.init(sheet: sheet, range: CellRange(cell))
  }

  /// The sheet name quoted for a formula: `'表 1'` (always quoted; `'` doubled).
  public var quotedSheet: String {
    "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// The absolute formula text without `=`: `'表 1'!$B$2:$B$9`.
  public var formula: String { quotedSheet + "!" + range.absoluteA1 }

  /// The formula text.
  public var description: String { formula }
}
