internal import CXLSXWriter
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The single owner of the `lxw_workbook` and of every worksheet, format and chart in it.
///
/// ``Workbook`` and ``Worksheet`` hold a reference to this object; after ``close()`` (or a
/// failed close) the handle is gone and every call throws ``XLSXWriteError/Code/workbookClosed``.
final class WorkbookCore {
  /// libxlsxwriter's default column width (characters) and row height (points).
  static let defaultColumnWidth = 8.43
  static let defaultRowHeight = 15.0

  /// The start of the private folder's name in the system's temporary folder.
  static let privateFolderPrefix = "nianjian-xlsx-"
  /// The name of the package inside the private folder.
  static let privateFileName = "workbook.xlsx"

  let destinationPath: String
  /// The private folder the package is written in (made by ``close()``, removed afterwards).
  let privateFolder: String
  /// The package being written, inside ``privateFolder``.
  let temporaryPath: String
  let options: WorkbookOptions
  private(set) var handle: UnsafeMutablePointer<lxw_workbook>?
  var sheets: [SheetState] = []
  var formats: [CellFormat: UnsafeMutablePointer<lxw_format>] = [:]
  var properties = DocumentProperties()
  var customPropertyNames: Set<String> = []
  var definedNames: Set<String> = []
  var structureProtection: (enabled: Bool, passwordHash: String?) = (false, nil)
  var activeSheet: Int?
  var firstSheet: Int?
  var listSheet: Int?
  var listColumns: [[String]: SheetReference] = [:]

  init(path: String, options: WorkbookOptions) throws {
    let site = CallSite("Workbook.init")
    try site.requireNoNUL(path, what: "file path")
    try site.requireNonEmpty(path, what: "file path")
    try site.requireNoNUL(options.listSheetName, what: "list sheet name")
    let destination = URL(fileURLWithPath: path)
    let folder = destination.deletingLastPathComponent()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw site.error(.fileSystem, "the folder \(folder.path) does not exist")
    }
    destinationPath = destination.path
    // libxlsxwriter and libzip write (and patch) the package in a private folder of the system's temporary
    // folder, made only when closing; the finished bytes then reach the destination through `FilePublisher`.
    let unique = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    privateFolder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("\(Self.privateFolderPrefix)\(unique)").path
    temporaryPath = privateFolder + "/" + Self.privateFileName
    self.options = options
    var libraryOptions = lxw_workbook_options()
    libraryOptions.constant_memory = 0
    libraryOptions.use_zip64 = options.usesZip64 ? 1 : 0
    guard let handle = workbook_new_opt(temporaryPath, &libraryOptions) else {
      throw site.calling("workbook_new_opt").error(.library(1), "libxlsxwriter could not create a workbook")
    }
    self.handle = handle
  }

  deinit {
    // Never closed: free everything without writing (no file was created yet).
    if let handle { lxw_workbook_free(handle) }
  }

  /// The open workbook handle, or `workbookClosed`.
  func open(_ site: CallSite) throws -> UnsafeMutablePointer<lxw_workbook> {
    guard let handle else {
      throw site.error(.workbookClosed, "the workbook is already closed; its sheets can no longer be used")
    }
    return handle
  }

  /// The libxlsxwriter format for a value, created on first use.
  func format(_ format: CellFormat?, _ site: CallSite) throws -> UnsafeMutablePointer<lxw_format>? {
    guard let format else { return nil }
    let workbook = try open(site)
    if let existing = formats[format] { return existing }
    try FormatFactory.validate(format, site)
    guard let made = FormatFactory.make(format, in: workbook) else {
      throw site.calling("workbook_add_format").error(.library(1), "libxlsxwriter could not allocate a format")
    }
    formats[format] = made
    return made
  }

  // MARK: Sheets

  func validateSheetName(_ name: String, _ site: CallSite) throws {
    try site.requireNoNUL(name, what: "sheet name")
    try site.requireXMLCharacters(name, what: "sheet name")
    guard !name.isEmpty else { throw site.error(.invalidSheetName, "a sheet name cannot be empty") }
    let length = name.utf16.count
    guard length <= WriteLimits.maxSheetNameCharacters else {
      throw site.error(
        .invalidSheetName,
        "sheet name '\(name)' has \(length) characters; Excel allows \(WriteLimits.maxSheetNameCharacters)")
    }
    if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
      throw site.error(.invalidSheetName, "sheet name '\(name)' contains '\(bad)'; Excel forbids [ ] : * ? / \\")
    }
    if name.hasPrefix("'") || name.hasSuffix("'") {
      throw site.error(.invalidSheetName, "sheet name '\(name)' starts or ends with an apostrophe")
    }
    if name.lowercased() == "history" {
      throw site.error(.invalidSheetName, "Excel reserves the sheet name 'History'")
    }
    if sheets.contains(where: { $0.name.lowercased() == name.lowercased() }) {
      throw site.error(.duplicateSheetName, "the workbook already has a sheet named '\(name)'")
    }
    let workbook = try open(site)
    try site.calling("workbook_validate_sheet_name").check(workbook_validate_sheet_name(workbook, name))
  }

  func addSheet(_ name: String, _ site: CallSite) throws -> Int {
    let workbook = try open(site)
    try validateSheetName(name, site)
    guard let sheet = workbook_add_worksheet(workbook, name) else {
      throw site.calling("workbook_add_worksheet").error(.library(1), "libxlsxwriter refused the sheet '\(name)'")
    }
    sheets.append(SheetState(name: name, handle: sheet))
    return sheets.count - 1
  }

  func sheetIndex(named name: String) -> Int? {
    sheets.firstIndex { $0.name == name }
  }

  func requireSheet(_ name: String, _ site: CallSite) throws {
    guard sheetIndex(named: name) != nil else {
      throw site.error(.unknownSheet, "the workbook has no sheet named '\(name)'")
    }
  }

  // MARK: Hidden list sheet

  /// Writes `values` to a column of the hidden list sheet (reusing a column holding the same list).
  func listReference(for values: [String], _ site: CallSite) throws -> SheetReference {
    _ = try open(site)
    guard !values.isEmpty else { throw site.error(.emptyText, "a validation list needs at least one item") }
    guard values.count <= WriteLimits.maxRows else {
      throw site.error(.invalidArgument, "a list of \(values.count) items does not fit in one column")
    }
    for value in values {
      try site.requireNoNUL(value, what: "list item")
      try site.requireNonEmpty(value, what: "list item")
      try site.requireScalars(value, atMost: WriteLimits.maxCellTextCharacters, what: "list item")
    }
    if let existing = listColumns[values] { return existing }
    let sheetIndex: Int
    if let listSheet {
      sheetIndex = listSheet
    } else {
      sheetIndex = try addSheet(options.listSheetName, site)
      try hideSheet(sheetIndex, site)
      listSheet = sheetIndex
    }
    let column = listColumns.count
    guard column < WriteLimits.maxColumns else {
      throw site.error(.invalidArgument, "the list sheet is full (\(WriteLimits.maxColumns) lists)")
    }
    let handle = sheets[sheetIndex].handle
    for (row, value) in values.enumerated() {
      let cellSite = CallSite(
        "worksheet_write_string", sheet: options.listSheetName, cell: CellAddress(row: row, column: column).a1)
      let stored = TextEscaping.escapeUnderscores(value)
      try cellSite.check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), stored, nil))
    }
    let reference = SheetReference(
      sheet: options.listSheetName,
      range: CellRange(firstRow: 0, firstColumn: column, lastRow: values.count - 1, lastColumn: column))
    listColumns[values] = reference
    return reference
  }

  func hideSheet(_ index: Int, _ site: CallSite) throws {
    _ = try open(site)
    worksheet_hide(sheets[index].handle)
    sheets[index].isHidden = true
    if activeSheet == index { activeSheet = nil }
    if firstSheet == index { firstSheet = nil }
  }

  // MARK: Closing

  func close() throws {
    let site = CallSite("Workbook.close")
    let workbook = try open(site)
    // Whatever happens next, libxlsxwriter frees the workbook: no handle stays usable.
    handle = nil
    do {
      try prepareSheetsForClose(site)
      try requireDestinationFolder(site)
      guard mkdir(privateFolder, 0o700) == 0 else {
        let reason = String(cString: strerror(errno))
        throw site.calling("mkdir").error(.fileSystem, "cannot make a private folder \(privateFolder): \(reason)")
      }
    } catch {
      lxw_workbook_free(workbook)
      throw error
    }
    defer { try? FileManager.default.removeItem(atPath: privateFolder) }
    let arena = CStringArena()
    var documentProperties = lxw_doc_properties()
    documentProperties.title = arena.copyOptional(properties.title)
    documentProperties.subject = arena.copyOptional(properties.subject)
    documentProperties.author = arena.copyOptional(properties.author)
    documentProperties.manager = arena.copyOptional(properties.manager)
    documentProperties.company = arena.copyOptional(properties.company)
    documentProperties.category = arena.copyOptional(properties.category)
    documentProperties.keywords = arena.copyOptional(properties.keywords)
    documentProperties.comments = arena.copyOptional(properties.comments)
    documentProperties.status = arena.copyOptional(properties.status)
    documentProperties.hyperlink_base = arena.copyOptional(properties.hyperlinkBase)
    // libxlsxwriter reads the clock when `created` is 0, so the epoch itself becomes second 1.
    documentProperties.created = max(1, time_t(options.creationDate.timeIntervalSince1970.rounded(.down)))
    let propertiesResult = withExtendedLifetime(arena) { workbook_set_properties(workbook, &documentProperties) }
    guard propertiesResult == LXW_NO_ERROR else {
      lxw_workbook_free(workbook)
      try site.calling("workbook_set_properties").check(propertiesResult)
      return
    }

    let locale = nianjian_enter_c_locale()
    let result = workbook_close(workbook)
    nianjian_leave_c_locale(locale)
    try site.calling("workbook_close").check(result)

    var edits: [(part: String, edit: ([UInt8]) throws -> [UInt8])] = []
    for (index, sheet) in sheets.enumerated() where !sheet.valueEdits.isEmpty {
      let valueEdits = Dictionary(uniqueKeysWithValues: sheet.valueEdits.map { ($0.key.a1, $0.value) })
      edits.append(("xl/worksheets/sheet\(index + 1).xml", { XMLPatches.editCellValues($0, valueEdits) }))
    }
    if structureProtection.enabled {
      let hash = structureProtection.passwordHash
      edits.append(
        (
          "xl/workbook.xml",
          { xml in
            guard let patched = XMLPatches.protectStructure(xml, passwordHash: hash) else {
              throw site.error(.fileSystem, "xl/workbook.xml has no <bookViews> to protect")
            }
            return patched
          }
        ))
    }
    if !edits.isEmpty { try PackagePatcher.apply(to: temporaryPath, edits: edits) }

    try FilePublisher.publish(temporaryPath, to: destinationPath, site)
  }

  /// Throws unless the destination's folder still exists (checked again before the work of writing).
  private func requireDestinationFolder(_ site: CallSite) throws {
    let folder = URL(fileURLWithPath: destinationPath).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw site.error(.fileSystem, "the folder \(folder) does not exist")
    }
  }

  /// A hidden sheet can be neither active nor the first tab; at least one sheet must be visible.
  private func prepareSheetsForClose(_ site: CallSite) throws {
    guard !sheets.isEmpty else { throw site.error(.invalidArgument, "a workbook needs at least one sheet") }
    guard let firstVisible = sheets.firstIndex(where: { !$0.isHidden }) else {
      throw site.error(.invalidArgument, "every sheet is hidden; Excel needs at least one visible sheet")
    }
    let active = activeSheet ?? firstVisible
    worksheet_activate(sheets[active].handle)
    if let firstSheet, firstSheet <= active {
      worksheet_set_first_sheet(sheets[firstSheet].handle)
    } else if firstVisible > 0 {
      worksheet_set_first_sheet(sheets[min(firstVisible, active)].handle)
    }
  }
}
