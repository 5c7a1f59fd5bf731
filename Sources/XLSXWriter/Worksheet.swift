/// One sheet of a ``Workbook``. Rows and columns are 0-based.
///
/// A `Worksheet` is a handle: it stays valid while its workbook is open and every method throws
/// ``XLSXWriteError/Code/workbookClosed`` after ``Workbook/close()``.
public final class Worksheet {
  let core: WorkbookCore
  let index: Int

  init(core: WorkbookCore, index: Int) {
    self.core = core
    self.index = index
  }

  /// The sheet's name.
  public var name: String { core.sheets[index].name }

  // MARK: Cells

  /// Writes a value into a cell, replacing what was there.
  ///
  /// - Parameters:
  ///   - value: The content (see ``CellContent``).
  ///   - row: 0-based row.
  ///   - column: 0-based column.
  ///   - format: The look; `nil` is the default look (dates get `yyyy-mm-dd`).
  /// - Throws: ``XLSXWriteError``: `nonFiniteNumber` for NaN/∞, `embeddedNUL`, `textTooLong`,
  ///   `invalidArgument` outside the grid or for an impossible date, `library` from libxlsxwriter.
  public func write(_ value: CellContent, row: Int, column: Int, format: CellFormat? = nil) throws {
    try core.write(value, at: CellAddress(row: row, column: column), format: format, sheet: index)
  }

  /// Writes a value into a cell given as a ``CellAddress``.
  public func write(_ value: CellContent, at address: CellAddress, format: CellFormat? = nil) throws {
    try core.write(value, at: address, format: format, sheet: index)
  }

  /// Writes a row of values starting at a cell, one per column.
  public func writeRow(_ values: [CellContent], at start: CellAddress, format: CellFormat? = nil) throws {
    for (offset, value) in values.enumerated() {
      try core.write(
        value, at: CellAddress(row: start.row, column: start.column + offset), format: format, sheet: index)
    }
  }

  /// Merges a range and writes a value (default: nothing) in its top-left cell, formatting every
  /// cell of the range.
  ///
  /// - Throws: ``XLSXWriteError`` with `overlappingMerge` when it overlaps an earlier merge (Excel
  ///   would "repair" the file), `invalidArgument` for a single cell.
  public func merge(_ range: CellRange, value: CellContent = .blank, format: CellFormat? = nil) throws {
    try core.merge(range, content: value, format: format, sheet: index)
  }

  // MARK: Rows and columns

  /// Sets the width of columns, in characters of the default font (Excel's unit).
  public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>) throws {
    try core.updateColumns(columns, sheet: index, "Worksheet.setColumnWidth") { $0.width = width }
  }

  /// Sets the default format of whole columns (e.g. `"@"` text for ID columns).
  public func setColumnFormat(_ format: CellFormat?, columns: ClosedRange<Int>) throws {
    try core.updateColumns(columns, sheet: index, "Worksheet.setColumnFormat") { $0.format = format }
  }

  /// Hides columns.
  public func hideColumns(_ columns: ClosedRange<Int>) throws {
    try core.updateColumns(columns, sheet: index, "Worksheet.hideColumns") { $0.hidden = true }
  }

  /// Sets a row's height in points.
  public func setRowHeight(_ height: Double, row: Int) throws {
    try core.updateRow(row, sheet: index, "Worksheet.setRowHeight") { $0.height = height }
  }

  /// Sets the default format of a whole row.
  public func setRowFormat(_ format: CellFormat?, row: Int) throws {
    try core.updateRow(row, sheet: index, "Worksheet.setRowFormat") { $0.format = format }
  }

  /// Hides a row.
  public func hideRow(_ row: Int) throws {
    try core.updateRow(row, sheet: index, "Worksheet.hideRow") { $0.hidden = true }
  }

  /// Adds filter buttons to the header row of a range (the first row holds the headers).
  public func setAutofilter(_ range: CellRange) throws {
    try core.setAutofilter(range, sheet: index)
  }

  /// Keeps the top `topRows` rows and the left `leftColumns` columns in view while scrolling.
  public func freezePanes(topRows: Int, leftColumns: Int = 0) throws {
    try core.freezePanes(rows: topRows, columns: leftColumns, sheet: index)
  }

  /// Sets the zoom, 10…400 percent.
  public func setZoom(_ percent: Int) throws {
    try core.setZoom(percent, sheet: index)
  }

  // MARK: Validation and protection

  /// Adds a data-validation rule to a range.
  ///
  /// - Throws: ``XLSXWriteError``: `textTooLong` for titles over 32 or messages over 255
  ///   characters, `invalidArgument` for inconsistent bounds, `unknownSheet` for a list source.
  public func addValidation(_ validation: DataValidation, to range: CellRange) throws {
    try core.addValidation(validation, to: range, sheet: index)
  }

  /// Protects the sheet: locked cells cannot be edited (format input cells with
  /// ``CellFormat/isLocked`` `= false`).
  ///
  /// - Parameters:
  ///   - password: 1…15 printable ASCII characters, or `nil` for none. Excel's sheet passwords
  ///     are weak and only deter casual edits.
  ///   - options: What users may still do.
  public func protect(password: String? = nil, options: SheetProtection = .init()) throws {
    try core.protect(password: password, options: options, sheet: index)
  }

  // MARK: Notes and links

  /// Attaches a note (a classic comment) to a cell.
  ///
  /// - Throws: ``XLSXWriteError`` with `emptyText` for an empty note (libxlsxwriter 1.1.4 would
  ///   corrupt memory, lxw#446).
  public func addNote(_ text: String, at address: CellAddress, author: String? = nil, visible: Bool = false) throws {
    try core.addNote(text, at: address, author: author, visible: visible, sheet: index)
  }

  /// Attaches a note to a cell given by 0-based row and column.
  public func addNote(_ text: String, row: Int, column: Int, author: String? = nil, visible: Bool = false) throws {
    try core.addNote(text, at: CellAddress(row: row, column: column), author: author, visible: visible, sheet: index)
  }

  /// Writes a hyperlink to a web address, e-mail (`mailto:`) or file.
  ///
  /// - Parameters:
  ///   - url: The target, e.g. `https://www.stats.gov.cn/`.
  ///   - text: The text shown; `nil` shows the address.
  ///   - tooltip: Shown on hover.
  ///   - format: `nil` uses Excel's blue underlined hyperlink style.
  public func writeURL(
    _ url: String, at address: CellAddress, text: String? = nil, tooltip: String? = nil, format: CellFormat? = nil
  ) throws {
    try core.writeURL(url, at: address, text: text, tooltip: tooltip, format: format, sheet: index)
  }

  /// Writes a link to a cell of a sheet in the same workbook (`internal:'目录'!A1`), e.g. for a
  /// table of contents.
  ///
  /// - Throws: ``XLSXWriteError`` with `unknownSheet` when the target sheet does not exist yet.
  public func writeInternalLink(
    to target: SheetReference, at address: CellAddress, text: String? = nil, format: CellFormat? = nil
  ) throws {
    try core.requireSheet(target.sheet, CallSite("Worksheet.writeInternalLink", sheet: name, cell: address.a1))
    let url = "internal:" + target.quotedSheet + "!" + target.range.a1
    try core.writeURL(url, at: address, text: text ?? target.sheet, tooltip: nil, format: format, sheet: index)
  }

  // MARK: Sheet state

  /// Hides the sheet (Excel's "hidden", which users can unhide unless the structure is protected).
  public func hide() throws {
    try core.hide(sheet: index)
  }

  /// Makes this the sheet shown when the file opens.
  public func activate() throws {
    try core.activate(sheet: index)
  }

  /// Makes this the leftmost visible tab when there are more tabs than fit (ignored when it lies
  /// right of the active sheet, which must stay in view).
  public func setFirstSheet() throws {
    try core.setFirstSheet(sheet: index)
  }

  /// Sets paper, orientation, fitting, repeated rows, margins, header and footer (once per sheet).
  public func setPrintSetup(_ setup: PrintSetup) throws {
    try core.setPrintSetup(setup, sheet: index)
  }

  // MARK: Charts

  /// Inserts a chart with its top-left corner in a cell.
  ///
  /// Every sheet a series refers to must already exist; write the data before ``Workbook/close()``.
  ///
  /// - Throws: ``XLSXWriteError``: `invalidArgument` without series or for values that are not one
  ///   row or column, `unknownSheet` for a missing data sheet.
  public func insertChart(_ spec: ChartSpec, at address: CellAddress, xOffset: Int = 0, yOffset: Int = 0) throws {
    try core.insertChart(spec, at: address, xOffset: xOffset, yOffset: yOffset, sheet: index)
  }
}
