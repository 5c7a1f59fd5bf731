internal import CXLSXWriter

/// The libxlsxwriter calls that act on one worksheet. Each checks its arguments first, calls the
/// library, and turns the returned `lxw_error` into an ``XLSXWriteError`` on the next line.
extension WorkbookCore {
  func site(_ function: String, sheet index: Int, cell: String? = nil) -> CallSite {
    CallSite(function, sheet: sheets[index].name, cell: cell)
  }

  func site(_ function: String, sheet index: Int, address: CellAddress) -> CallSite {
    CallSite(function, sheet: sheets[index].name, address: address)
  }

  /// The open worksheet handle (throws once the workbook is closed).
  func sheetHandle(_ index: Int, _ site: CallSite) throws -> UnsafeMutablePointer<lxw_worksheet> {
    _ = try open(site)
    return sheets[index].handle
  }

  // MARK: Cells

  func write(_ content: CellContent, at address: CellAddress, format: CellFormat?, sheet index: Int) throws {
    let site = site("Worksheet.write", sheet: index, address: address)
    let sheet = try sheetHandle(index, site)
    try site.requireInsideGrid(address)
    let row = lxw_row_t(address.row)
    let column = lxw_col_t(address.column)
    var valueEdit: XMLPatches.ValueEdit?
    switch content {
    case .number(let value):
      try site.requireFinite(value, what: "the number")
      let cellFormat = try self.format(format, site)
      try site.calling("worksheet_write_number").check(worksheet_write_number(sheet, row, column, value, cellFormat))
      valueEdit = NumberText.exactReplacement(for: value).map { .replace($0) }
    case .string(let text):
      try site.requireNoNUL(text, what: "the text")
      try site.requireScalars(text, atMost: WriteLimits.maxCellTextCharacters, what: "the text")
      // An empty text or a blank without a format still replaces what the cell held.
      let cellFormat = try self.format(text.isEmpty ? format ?? CellFormat() : format, site)
      if text.isEmpty {
        try site.calling("worksheet_write_blank").check(worksheet_write_blank(sheet, row, column, cellFormat))
      } else {
        let stored = TextEscaping.escapeUnderscores(text)
        try site.calling("worksheet_write_string").check(
          worksheet_write_string(sheet, row, column, stored, cellFormat))
      }
    case .formula(let formula, let cached):
      try site.requireNoNUL(formula, what: "the formula")
      let body = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
      try site.requireNonEmpty(body, what: "the formula")
      let cellFormat = try self.format(format, site)
      switch cached {
      case nil:
        try site.calling("worksheet_write_formula").check(
          worksheet_write_formula(sheet, row, column, body, cellFormat))
        valueEdit = .remove
      case .number(let value):
        try site.requireFinite(value, what: "the formula's cached value")
        try site.calling("worksheet_write_formula_num").check(
          worksheet_write_formula_num(sheet, row, column, body, cellFormat, value))
        valueEdit = NumberText.exactReplacement(for: value).map { .replace($0) }
      case .string(let text):
        try site.requireNoNUL(text, what: "the formula's cached text")
        try site.requireScalars(text, atMost: WriteLimits.maxCellTextCharacters, what: "the formula's cached text")
        try site.calling("worksheet_write_formula_str").check(
          worksheet_write_formula_str(sheet, row, column, body, cellFormat, TextEscaping.escapeUnderscores(text)))
      }
    case .bool(let value):
      let cellFormat = try self.format(format, site)
      try site.calling("worksheet_write_boolean").check(
        worksheet_write_boolean(sheet, row, column, value ? 1 : 0, cellFormat))
    case .date(let year, let month, let day):
      let serial = try DateSerial.serial(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, site)
      let cellFormat = try self.format(DateSerial.withDefaultNumberFormat(format, hasTime: false), site)
      try site.calling("worksheet_write_number").check(worksheet_write_number(sheet, row, column, serial, cellFormat))
      valueEdit = NumberText.exactReplacement(for: serial).map { .replace($0) }
    case .dateTime(let year, let month, let day, let hour, let minute, let second):
      let serial = try DateSerial.serial(
        year: year, month: month, day: day, hour: hour, minute: minute, second: second, site)
      let cellFormat = try self.format(DateSerial.withDefaultNumberFormat(format, hasTime: true), site)
      try site.calling("worksheet_write_number").check(worksheet_write_number(sheet, row, column, serial, cellFormat))
      valueEdit = NumberText.exactReplacement(for: serial).map { .replace($0) }
    case .blank:
      let cellFormat = try self.format(format ?? CellFormat(), site)
      try site.calling("worksheet_write_blank").check(worksheet_write_blank(sheet, row, column, cellFormat))
    }
    setValueEdit(valueEdit, for: address, sheet: index)
  }

  func setValueEdit(_ edit: XMLPatches.ValueEdit?, for reference: CellAddress, sheet index: Int) {
    if let edit {
      sheets[index].valueEdits[reference] = edit
    } else if !sheets[index].valueEdits.isEmpty {
      sheets[index].valueEdits[reference] = nil
    }
  }

  func merge(_ range: CellRange, content: CellContent, format: CellFormat?, sheet index: Int) throws {
    let site = site("Worksheet.merge", sheet: index, cell: range.a1)
    let sheet = try sheetHandle(index, site)
    try site.requireInsideGrid(range)
    guard range.first != range.last else {
      throw site.error(.invalidArgument, "a merged range needs at least two cells")
    }
    if let other = sheets[index].merges.first(where: { $0.overlaps(range) }) {
      throw site.error(.overlappingMerge, "\(range.a1) overlaps the merged range \(other.a1)")
    }
    let cellFormat = try self.format(format, site)
    try site.calling("worksheet_merge_range").check(
      worksheet_merge_range(
        sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column), lxw_row_t(range.last.row),
        lxw_col_t(range.last.column), "", cellFormat))
    sheets[index].merges.append(range)
    if !sheets[index].valueEdits.isEmpty {
      for row in range.first.row...range.last.row {
        for column in range.first.column...range.last.column {
          sheets[index].valueEdits[CellAddress(row: row, column: column)] = nil
        }
      }
    }
    if content != .blank {
      try write(content, at: range.first, format: format, sheet: index)
    }
  }

  // MARK: Rows and columns

  func updateRow(_ row: Int, sheet index: Int, _ function: String, _ change: (inout SheetState.RowSetting) -> Void)
    throws
  {
    let site = site(function, sheet: index, cell: "row \(row + 1)")
    let sheet = try sheetHandle(index, site)
    guard (0..<WriteLimits.maxRows).contains(row) else {
      throw site.error(.invalidArgument, "row \(row) (0-based) is outside the sheet")
    }
    var setting = sheets[index].rows[row] ?? SheetState.RowSetting()
    change(&setting)
    if let height = setting.height {
      guard height.isFinite, (0...409).contains(height) else {
        throw site.error(.invalidArgument, "row height \(height) is outside Excel's 0…409 points")
      }
    }
    let cellFormat = try format(setting.format, site)
    var options = lxw_row_col_options()
    options.hidden = setting.hidden ? 1 : 0
    try site.calling("worksheet_set_row_opt").check(
      worksheet_set_row_opt(
        sheet, lxw_row_t(row), setting.height ?? Self.defaultRowHeight, cellFormat, &options))
    sheets[index].rows[row] = setting
  }

  func updateColumns(
    _ columns: ClosedRange<Int>, sheet index: Int, _ function: String,
    _ change: (inout SheetState.ColumnSetting) -> Void
  ) throws {
    let site = site(function, sheet: index)
    let sheet = try sheetHandle(index, site)
    guard columns.lowerBound >= 0, columns.upperBound < WriteLimits.maxColumns else {
      throw site.error(.invalidArgument, "columns \(columns) (0-based) are outside the sheet")
    }
    for column in columns {
      var setting = sheets[index].columns[column] ?? SheetState.ColumnSetting()
      change(&setting)
      if let width = setting.width {
        guard width.isFinite, (0...255).contains(width) else {
          throw site.error(.invalidArgument, "column width \(width) is outside Excel's 0…255 characters")
        }
      }
      let cellFormat = try format(setting.format, site)
      var options = lxw_row_col_options()
      options.hidden = setting.hidden ? 1 : 0
      try site.calling("worksheet_set_column_opt").check(
        worksheet_set_column_opt(
          sheet, lxw_col_t(column), lxw_col_t(column), setting.width ?? Self.defaultColumnWidth, cellFormat,
          &options))
      sheets[index].columns[column] = setting
    }
  }

  func freezePanes(rows: Int, columns: Int, sheet index: Int) throws {
    let site = site("Worksheet.freezePanes", sheet: index)
    let sheet = try sheetHandle(index, site)
    guard (0..<WriteLimits.maxRows).contains(rows), (0..<WriteLimits.maxColumns).contains(columns) else {
      throw site.error(.invalidArgument, "cannot freeze \(rows) rows and \(columns) columns")
    }
    worksheet_freeze_panes(sheet, lxw_row_t(rows), lxw_col_t(columns))
  }

  func setAutofilter(_ range: CellRange, sheet index: Int) throws {
    let site = site("Worksheet.setAutofilter", sheet: index, cell: range.a1)
    let sheet = try sheetHandle(index, site)
    try site.requireInsideGrid(range)
    try site.calling("worksheet_autofilter").check(
      worksheet_autofilter(
        sheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column), lxw_row_t(range.last.row),
        lxw_col_t(range.last.column)))
  }

  func setZoom(_ percent: Int, sheet index: Int) throws {
    let site = site("Worksheet.setZoom", sheet: index)
    let sheet = try sheetHandle(index, site)
    guard (10...400).contains(percent) else {
      throw site.error(.invalidArgument, "zoom \(percent)% is outside Excel's 10…400%")
    }
    worksheet_set_zoom(sheet, UInt16(percent))
  }

  // MARK: Sheet state

  func activate(sheet index: Int) throws {
    let site = site("Worksheet.activate", sheet: index)
    _ = try sheetHandle(index, site)
    guard !sheets[index].isHidden else { throw site.error(.invalidArgument, "a hidden sheet cannot be active") }
    activeSheet = index
  }

  func setFirstSheet(sheet index: Int) throws {
    let site = site("Worksheet.setFirstSheet", sheet: index)
    _ = try sheetHandle(index, site)
    guard !sheets[index].isHidden else {
      throw site.error(.invalidArgument, "a hidden sheet cannot be the first visible tab")
    }
    firstSheet = index
  }

  func hide(sheet index: Int) throws {
    let site = site("Worksheet.hide", sheet: index)
    try hideSheet(index, site)
  }

  func protect(password: String?, options: SheetProtection, sheet index: Int) throws {
    let site = site("Worksheet.protect", sheet: index)
    let sheet = try sheetHandle(index, site)
    try Passwords.validate(password, site)
    var flags = lxw_protection()
    flags.no_select_locked_cells = options.selectLockedCells ? 0 : 1
    flags.no_select_unlocked_cells = options.selectUnlockedCells ? 0 : 1
    flags.format_cells = options.formatCells ? 1 : 0
    flags.format_columns = options.formatColumns ? 1 : 0
    flags.format_rows = options.formatRows ? 1 : 0
    flags.insert_columns = options.insertColumns ? 1 : 0
    flags.insert_rows = options.insertRows ? 1 : 0
    flags.insert_hyperlinks = options.insertHyperlinks ? 1 : 0
    flags.delete_columns = options.deleteColumns ? 1 : 0
    flags.delete_rows = options.deleteRows ? 1 : 0
    flags.sort = options.sort ? 1 : 0
    flags.autofilter = options.autofilter ? 1 : 0
    flags.pivot_tables = options.pivotTables ? 1 : 0
    flags.scenarios = options.editScenarios ? 1 : 0
    flags.objects = options.editObjects ? 1 : 0
    worksheet_protect(sheet, password, &flags)
  }

  // MARK: Notes and links

  func addNote(_ text: String, at address: CellAddress, author: String?, visible: Bool, sheet index: Int) throws {
    let site = site("Worksheet.addNote", sheet: index, cell: address.a1)
    let sheet = try sheetHandle(index, site)
    try site.requireInsideGrid(address)
    try site.requireNoNUL(text, what: "the note")
    // libxlsxwriter 1.1.4 overflows its heap on an empty note (lxw#446, fixed in 1.1.8).
    try site.requireNonEmpty(text, what: "the note")
    try site.requireScalars(text, atMost: WriteLimits.maxNoteCharacters, what: "the note")
    let arena = CStringArena()
    var options = lxw_comment_options()
    if let author {
      try site.requireNoNUL(author, what: "the note's author")
      try site.requireNonEmpty(author, what: "the note's author")
      try site.requireScalars(author, atMost: 255, what: "the note's author")
      options.author = arena.copy(author)
    }
    options.visible = UInt8(visible ? LXW_COMMENT_DISPLAY_VISIBLE.rawValue : LXW_COMMENT_DISPLAY_HIDDEN.rawValue)
    try withExtendedLifetime(arena) {
      try site.calling("worksheet_write_comment_opt").check(
        worksheet_write_comment_opt(sheet, lxw_row_t(address.row), lxw_col_t(address.column), text, &options))
    }
  }

  func writeURL(
    _ url: String, at address: CellAddress, text: String?, tooltip: String?, format: CellFormat?, sheet index: Int
  ) throws {
    let site = site("Worksheet.writeURL", sheet: index, cell: address.a1)
    let sheet = try sheetHandle(index, site)
    try site.requireInsideGrid(address)
    try site.requireNoNUL(url, what: "the link")
    try site.requireNonEmpty(url, what: "the link")
    if let text {
      try site.requireNoNUL(text, what: "the link text")
      try site.requireNonEmpty(text, what: "the link text")
      try site.requireScalars(text, atMost: WriteLimits.maxCellTextCharacters, what: "the link text")
    }
    if let tooltip {
      try site.requireNoNUL(tooltip, what: "the link tooltip")
      try site.requireScalars(tooltip, atMost: 255, what: "the link tooltip")
    }
    let cellFormat = try self.format(format, site)
    try site.calling("worksheet_write_url_opt").check(
      worksheet_write_url_opt(
        sheet, lxw_row_t(address.row), lxw_col_t(address.column), url, cellFormat,
        text.map(TextEscaping.escapeUnderscores), tooltip))
    setValueEdit(nil, for: address, sheet: index)
  }

  // MARK: Page setup

  func setPrintSetup(_ setup: PrintSetup, sheet index: Int) throws {
    let site = site("Worksheet.setPrintSetup", sheet: index)
    let sheet = try sheetHandle(index, site)
    guard !sheets[index].hasPrintSetup else {
      throw site.error(.invalidArgument, "the page setup of a sheet can be set only once")
    }
    for (text, what) in [(setup.header, "the page header"), (setup.footer, "the page footer")] {
      if let text {
        try site.requireNoNUL(text, what: what)
        try site.requireScalars(text, atMost: WriteLimits.maxHeaderFooterCharacters, what: what)
      }
    }
    if let rows = setup.repeatRows, rows.lowerBound < 0 || rows.upperBound >= WriteLimits.maxRows {
      throw site.error(.invalidArgument, "repeated rows \(rows) are outside the sheet")
    }
    if let columns = setup.repeatColumns, columns.lowerBound < 0 || columns.upperBound >= WriteLimits.maxColumns {
      throw site.error(.invalidArgument, "repeated columns \(columns) are outside the sheet")
    }
    if let area = setup.printArea { try site.requireInsideGrid(area) }
    for pages in [setup.fitToPagesWide, setup.fitToPagesTall].compactMap({ $0 }) where !(0...32767).contains(pages) {
      throw site.error(.invalidArgument, "fit to \(pages) pages is outside 0…32767")
    }
    if let margins = setup.margins {
      for value in [margins.left, margins.right, margins.top, margins.bottom] where !(value.isFinite && value >= 0) {
        throw site.error(.invalidArgument, "margin \(value) must be a number of inches ≥ 0")
      }
    }

    switch setup.paper {
    case .printerDefault: break
    case .letter: worksheet_set_paper(sheet, 1)
    case .a3: worksheet_set_paper(sheet, 8)
    case .a4: worksheet_set_paper(sheet, 9)
    }
    switch setup.orientation {
    case .portrait: worksheet_set_portrait(sheet)
    case .landscape: worksheet_set_landscape(sheet)
    }
    if setup.fitToPagesWide != nil || setup.fitToPagesTall != nil {
      worksheet_fit_to_pages(sheet, UInt16(setup.fitToPagesWide ?? 0), UInt16(setup.fitToPagesTall ?? 0))
    }
    if let rows = setup.repeatRows {
      try site.calling("worksheet_repeat_rows").check(
        worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound)))
    }
    if let columns = setup.repeatColumns {
      try site.calling("worksheet_repeat_columns").check(
        worksheet_repeat_columns(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound)))
    }
    if let area = setup.printArea {
      try site.calling("worksheet_print_area").check(
        worksheet_print_area(
          sheet, lxw_row_t(area.first.row), lxw_col_t(area.first.column), lxw_row_t(area.last.row),
          lxw_col_t(area.last.column)))
    }
    if let margins = setup.margins {
      worksheet_set_margins(sheet, margins.left, margins.right, margins.top, margins.bottom)
    }
    if let header = setup.header {
      try site.calling("worksheet_set_header").check(worksheet_set_header(sheet, header))
    }
    if let footer = setup.footer {
      try site.calling("worksheet_set_footer").check(worksheet_set_footer(sheet, footer))
    }
    if setup.centersHorizontally { worksheet_center_horizontally(sheet) }
    if setup.printsGridlines { worksheet_gridlines(sheet, UInt8(LXW_SHOW_ALL_GRIDLINES.rawValue)) }
    sheets[index].hasPrintSetup = true
  }
}
