internal import CXLSXWriter

/// An .xlsx workbook being written: the only owner of libxlsxwriter's workbook.
///
/// Add sheets, write them, then call ``close()``. The file appears at `path` only when
/// ``close()`` succeeds: the workbook is written in a private folder of the system's temporary
/// folder, then its finished bytes are copied into an anonymous file in the destination folder that
/// gets its name only once complete and on disk (see ``AtomicFile``). A failure, a crash or even
/// `kill -9` never leaves a half-written or temporary file beside `path`, and an existing file at
/// `path` stays untouched until the new one replaces it in one step. A workbook dropped without
/// ``close()`` writes nothing.
///
/// ```swift
/// let book = try Workbook(path: "/tmp/年鉴.xlsx")
/// let sheet = try book.addWorksheet("表1")
/// try sheet.write(.string("指标"), at: CellAddress("A1"), format: CellFormat(bold: true))
/// try sheet.write(.number(93.5), row: 1, column: 0)
/// try book.close()
/// ```
///
/// Rows and columns are 0-based everywhere (``CellAddress`` converts from `"B3"`). Same inputs give
/// the same bytes: the creation date comes from ``WorkbookOptions/creationDate``, never the clock.
///
/// A `Workbook` and its sheets are not thread-safe; use them from one task at a time.
public final class Workbook {
  let core: WorkbookCore

  /// Starts a workbook that ``close()`` will write to `path`.
  ///
  /// - Parameters:
  ///   - path: The destination file (its folder must exist).
  ///   - options: Creation date, list sheet name and ZIP64.
  /// - Throws: ``XLSXWriteError`` (`fileSystem`) when the folder is missing.
  public init(path: String, options: WorkbookOptions = .init()) throws {
    core = try WorkbookCore(path: path, options: options)
  }

  /// The version of the libxlsxwriter library in use, e.g. `"1.1.4"`.
  public static var libraryVersion: String { String(cString: nianjian_lxw_version()) }

  /// The destination path given to ``init(path:options:)``.
  public var path: String { core.destinationPath }

  /// Whether ``close()`` has been called (successfully or not).
  public var isClosed: Bool { core.handle == nil }

  /// The names of the sheets in workbook order (including the hidden list sheet once created).
  public var sheetNames: [String] { core.sheets.map(\.name) }

  /// Adds a worksheet at the end.
  ///
  /// The name is checked before libxlsxwriter sees it: 1…31 characters, none of `[ ] : * ? / \`,
  /// no apostrophe at either end, not `History`, and not already used (ignoring case).
  ///
  /// - Throws: ``XLSXWriteError`` with `invalidSheetName` or `duplicateSheetName`.
  public func addWorksheet(_ name: String) throws -> Worksheet {
    let index = try core.addSheet(name, CallSite("Workbook.addWorksheet", sheet: name))
    return Worksheet(core: core, index: index)
  }

  /// The worksheet with exactly this name, if any.
  public func worksheet(named name: String) -> Worksheet? {
    core.sheetIndex(named: name).map { Worksheet(core: core, index: $0) }
  }

  /// Sets the core and extended document properties (title, author, company …).
  ///
  /// - Throws: ``XLSXWriteError`` for texts with NUL characters or a closed workbook.
  public func setProperties(_ properties: DocumentProperties) throws {
    try core.setProperties(properties)
  }

  /// Adds a custom document property (File ▸ Properties ▸ Custom), e.g. a template id.
  ///
  /// - Throws: ``XLSXWriteError`` for an empty or repeated name, texts over 255 characters,
  ///   non-finite numbers or dates outside 1900…9999.
  public func setCustomProperty(_ name: String, _ value: CustomPropertyValue) throws {
    try core.setCustomProperty(name, value)
  }

  /// Defines a name such as `TemplateID` → `'_meta'!$B$1`.
  ///
  /// - Parameters:
  ///   - name: ASCII letters, digits, `_` and `.`, starting with a letter or `_`, not a cell
  ///     reference (libxlsxwriter 1.1.4 truncates non-ASCII names).
  ///   - formula: What the name refers to, with or without `=`; at most 127 UTF-8 bytes.
  ///   - scope: A sheet name for a sheet-local name; `nil` for a workbook-wide name.
  /// - Throws: ``XLSXWriteError`` with `invalidDefinedName`, or `unknownSheet` for a bad scope.
  public func defineName(_ name: String, refersTo formula: String, scope: String? = nil) throws {
    try core.defineName(name, refersTo: formula, scope: scope)
  }

  /// Protects the workbook structure: sheets cannot be added, deleted, renamed, moved, hidden or
  /// unhidden.
  ///
  /// libxlsxwriter 1.1.4 has no such call; XLSXWriter adds `<workbookProtection>` to the finished
  /// file. The password (1…15 printable ASCII characters) only deters casual changes.
  ///
  /// - Throws: ``XLSXWriteError`` with `invalidPassword`.
  public func protectStructure(password: String? = nil) throws {
    try core.protectStructure(password: password)
  }

  /// Writes values into a column of the hidden list sheet (``WorkbookOptions/listSheetName``) and
  /// returns where they are, for ``DataValidation/Rule/listFrom(_:)``. The same list twice gives
  /// the same column.
  ///
  /// - Throws: ``XLSXWriteError`` for an empty list, empty items, or a name clash of the list sheet.
  public func addListValues(_ values: [String]) throws -> SheetReference {
    try core.listReference(for: values, CallSite("Workbook.addListValues", sheet: core.options.listSheetName))
  }

  /// Writes the workbook and moves it to ``path``.
  ///
  /// Whatever the outcome, the workbook is finished afterwards: every ``Worksheet`` of it throws
  /// `workbookClosed`. On failure no file is left at ``path`` (an older file there is kept) and
  /// the private temporary folder is removed.
  ///
  /// - Throws: ``XLSXWriteError``: `library` for libxlsxwriter failures, `fileSystem` when the
  ///   file cannot be written or renamed, `invalidArgument` when no sheet is visible.
  public func close() throws {
    try core.close()
  }
}
