/// What users may still do on a protected sheet (``Worksheet/protect(password:options:)``).
///
/// The defaults match Excel's protect dialog: selecting cells is allowed, everything else is
/// not. Cells formatted with ``CellFormat/isLocked`` `= false` stay editable.
public struct SheetProtection: Hashable, Sendable {
  /// Select locked cells (default `true`).
  public var selectLockedCells: Bool
  /// Select unlocked cells (default `true`).
  public var selectUnlockedCells: Bool
  /// Format cells.
  public var formatCells: Bool
  /// Format columns (width, hide/unhide).
  public var formatColumns: Bool
  /// Format rows (height, hide/unhide).
  public var formatRows: Bool
  /// Insert columns.
  public var insertColumns: Bool
  /// Insert rows.
  public var insertRows: Bool
  /// Insert hyperlinks.
  public var insertHyperlinks: Bool
  /// Delete columns.
  public var deleteColumns: Bool
  /// Delete rows.
  public var deleteRows: Bool
  /// Sort.
  public var sort: Bool
  /// Use autofilter.
  public var autofilter: Bool
  /// Use pivot tables.
  public var pivotTables: Bool
  /// Edit scenarios.
  public var editScenarios: Bool
  /// Edit objects (charts, notes).
  public var editObjects: Bool

  /// Protection options; by default only cell selection is allowed.
  public init(
    selectLockedCells: Bool = true, selectUnlockedCells: Bool = true, formatCells: Bool = false,
    formatColumns: Bool = false, formatRows: Bool = false, insertColumns: Bool = false, insertRows: Bool = false,
    insertHyperlinks: Bool = false, deleteColumns: Bool = false, deleteRows: Bool = false, sort: Bool = false,
    autofilter: Bool = false, pivotTables: Bool = false, editScenarios: Bool = false, editObjects: Bool = false
  ) {
    self.selectLockedCells = selectLockedCells
    self.selectUnlockedCells = selectUnlockedCells
    self.formatCells = formatCells
    self.formatColumns = formatColumns
    self.formatRows = formatRows
    self.insertColumns = insertColumns
    self.insertRows = insertRows
    self.insertHyperlinks = insertHyperlinks
    self.deleteColumns = deleteColumns
    self.deleteRows = deleteRows
    self.sort = sort
    self.autofilter = autofilter
    self.pivotTables = pivotTables
    self.editScenarios = editScenarios
    self.editObjects = editObjects
  }
}
