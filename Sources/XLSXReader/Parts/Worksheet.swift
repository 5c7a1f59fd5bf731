/// A whole worksheet in memory: its cells with values, merged ranges and hidden rows and columns.
///
/// Made by ``XLSXDocument/readSheet(_:options:)`` for small sheets (department returns, templates); use
/// ``XLSXDocument/cells(of:options:)`` to stream big ones.
public struct Worksheet: Sendable, Equatable {
  /// The sheet.
  public var sheet: SheetInfo
  /// The cells that hold a value, in document order (row by row).
  public var cells: [Cell]
  /// Merged ranges, as listed in the sheet.
  public var mergedRanges: [CellRange]
  /// Hidden rows (1-based).
  public var hiddenRows: [Int]
  /// Hidden column ranges (1-based, inclusive).
  public var hiddenColumns: [ClosedRange<Int>]
  /// The `<dimension ref>` the file claims (a hint; compute the used range from ``cells``).
  public var dimension: String?

  /// Creates a worksheet value.
  public init(
    sheet: SheetInfo, cells: [Cell], mergedRanges: [CellRange] = [], hiddenRows: [Int] = [],
    hiddenColumns: [ClosedRange<Int>] = [], dimension: String? = nil
  ) {
    self.sheet = sheet
    self.cells = cells
    self.mergedRanges = mergedRanges
    self.hiddenRows = hiddenRows
    self.hiddenColumns = hiddenColumns
    self.dimension = dimension
  }

  /// The cell at a 1-based row and column, if it holds a value (the last one written wins).
  public func cell(row: Int, column: Int) -> Cell? {
    cells.last { $0.row == row && $0.column == column }
  }

  /// The cell at an A1 reference (`B3`), if it holds a value.
  public func cell(_ reference: String) -> Cell? {
    guard let position = CellReference.parse(reference) else { return nil }
    return cell(row: position.row, column: position.column)
  }

  /// Whether a 1-based column is hidden.
  public func isColumnHidden(_ column: Int) -> Bool {
    hiddenColumns.contains { $0.contains(column) }
  }
}
