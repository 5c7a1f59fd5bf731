import Foundation

/// An XLSX workbook opened for reading: metadata up front, sheets on demand.
///
/// Opening reads the package graph the way Excel does — `[Content_Types].xml`, `_rels/.rels`, the workbook and
/// its relationships — then the shared strings, the styles (each cell format classified once) and the document
/// properties. Worksheets are parsed only when asked for, as streams. The document owns the zip handle; keep it
/// alive while you read its sheets. Not thread-safe: use one document per thread (open the file again to read in
/// parallel).
///
/// Files that are not XLSX workbooks are recognised and refused with a specific ``XLSXReadError/Kind``: legacy
/// .xls and WPS .et, password-protected workbooks, OpenDocument, .xlsb, HTML or CSV renamed, empty, truncated
/// or corrupt zips.
///
/// ```swift
/// let document = try XLSXDocument(contentsOf: URL(fileURLWithPath: "卫生健康局.xlsx"))
/// for sheet in document.sheets where sheet.state == .visible {
///   let reader = try document.cells(of: sheet)
///   while let cell = try reader.next() { print(sheet.name, cell.reference, cell.value) }
/// }
/// ```
public final class XLSXDocument {
  /// The file that was opened.
  public let url: URL
  /// The limits in force.
  public let limits: ReadLimits
  /// Every sheet in workbook order (hidden ones included; check ``SheetInfo/state``).
  public let sheets: [SheetInfo]
  /// Core and custom document properties.
  public let properties: DocumentProperties
  /// The workbook's defined names, in file order.
  public let definedNames: [DefinedName]
  /// Whether serial dates count from 1904 (`<workbookPr date1904="1">`).
  public let uses1904Dates: Bool
  /// Whether the workbook is Strict OOXML (`http://purl.oclc.org/ooxml/…` namespaces).
  public let isStrict: Bool
  /// The workbook part (`xl/workbook.xml`), as found through `_rels/.rels`.
  public let workbookPartName: String

  private let package: Package
  private let sharedStrings: [String]
  private let styles: StyleTable

  /// Opens a workbook and reads its metadata, shared strings and styles.
  ///
  /// - Parameters:
  ///   - url: A local file.
  ///   - limits: Safety limits; ``ReadLimits/default`` suits any real workbook.
  /// - Throws: ``XLSXReadError`` naming the file and saying what it is when it is not a readable XLSX workbook.
  public init(contentsOf url: URL, limits: ReadLimits = .default) throws(XLSXReadError) {
    self.url = url
    self.limits = limits
    let file = url.path
    let context = XLSXReadError.Context(file: file)
    switch try FormatSniffer.sniff(url) {
    case .zip: break
    case .refused(let kind, let detail): throw XLSXReadError(kind, context, detail: detail)
    }
    let archive = try ZipArchive(path: file, limits: limits)
    let package = Package(archive: archive, file: file)
    self.package = package

    try Self.refuseOtherPackages(archive, context: context)
    let contentTypes = ContentTypesHandler()
    guard try package.parse("[Content_Types].xml", with: contentTypes) else {
      throw XLSXReadError(.unknownPackage, context, detail: "no [Content_Types].xml")
    }
    let packageRelationships = try package.relationships(of: "")
    let workbookPart = try Self.findWorkbook(
      archive: archive, relationships: packageRelationships, contentTypes: contentTypes, context: context)
    workbookPartName = workbookPart

    let workbookContext = XLSXReadError.Context(file: file, part: workbookPart)
    let workbook = WorkbookHandler(maxSheets: limits.maxSheets, errorContext: workbookContext)
    try package.parse(workbookPart, with: workbook)
    uses1904Dates = workbook.uses1904
    definedNames = workbook.definedNames

    let workbookRelationships = try package.relationships(of: workbookPart)
    var byId: [String: Relationship] = [:]
    for relationship in workbookRelationships where byId[relationship.id] == nil {
      byId[relationship.id] = relationship
    }
    var sheets: [SheetInfo] = []
    for (index, entry) in workbook.sheets.enumerated() {
      if entry.relationshipId.isEmpty { continue }  // names no part (seen in files Excel opens)
      let sheetContext = XLSXReadError.Context(file: file, part: workbookPart, sheet: entry.name)
      guard let relationship = byId[entry.relationshipId], !relationship.isExternal else {
        throw XLSXReadError(.missingPart, sheetContext, detail: "no relationship \(entry.relationshipId)")
      }
      let kind: SheetInfo.Kind
      if relationship.hasType("chartsheet") {
        kind = .chartsheet
      } else if relationship.hasType("dialogsheet") {
        kind = .dialogsheet
      } else if relationship.hasType("xlMacrosheet") || relationship.hasType("xlIntlMacrosheet") {
        kind = .macrosheet
      } else {
        kind = .worksheet
      }
      guard let entryInZip = archive.entry(relationship.target) else {
        if kind != .worksheet { continue }
        var missing = sheetContext
        missing.part = relationship.target
        throw XLSXReadError(.missingPart, missing, detail: "\(relationship.target) is not in the zip")
      }
      sheets.append(
        SheetInfo(name: entry.name, index: index, state: entry.state, partName: entryInZip.partName, kind: kind))
    }
    self.sheets = sheets
    isStrict = workbook.isStrict

    // Shared strings and styles: through the workbook's relationships, else the usual names next to it.
    let folder = PartNames.folder(of: workbookPart)
    let stringsPart =
      workbookRelationships.first { $0.hasType("sharedStrings") && !$0.isExternal }?.target
      ?? folder + "sharedStrings.xml"
    let strings = SharedStringsHandler(limits: limits, errorContext: .init(file: file, part: stringsPart))
    try package.parse(
      stringsPart, with: strings, maxBytes: limits.maxSharedStringsBytes, limitName: "maxSharedStringsBytes")
    sharedStrings = strings.strings

    let stylesPart =
      workbookRelationships.first { $0.hasType("styles") && !$0.isExternal }?.target ?? folder + "styles.xml"
    let stylesHandler = StylesHandler()
    try package.parse(stylesPart, with: stylesHandler)
    styles = stylesHandler.makeTable()

    properties = Self.readProperties(package: package, relationships: packageRelationships)
  }

  /// Refuses ODS and XLSB packages, whatever their extension.
  private static func refuseOtherPackages(_ archive: ZipArchive, context: XLSXReadError.Context) throws(XLSXReadError) {
    if let mimetype = archive.entry("mimetype") {
      let bytes = (try? archive.readAll(mimetype, maxBytes: 4096, limitName: "mimetype")) ?? []
      let text = String(decoding: bytes, as: UTF8.self)
      if text.contains("opendocument") {
        throw XLSXReadError(.openDocument, context, detail: text.trimmingASCIISpaces)
      }
    }
    if archive.entry("xl/workbook.bin") != nil {
      throw XLSXReadError(.binaryWorkbook, context, detail: "xl/workbook.bin")
    }
  }

  /// The workbook part: the `officeDocument` relationship of `_rels/.rels`, else the part whose content type is
  /// a workbook, else `xl/workbook.xml`.
  private static func findWorkbook(
    archive: ZipArchive, relationships: [Relationship], contentTypes: ContentTypesHandler,
    context: XLSXReadError.Context
  ) throws(XLSXReadError) -> String {
    let officeDocument = relationships.first { $0.hasType("officeDocument") && !$0.isExternal }
    var candidate = officeDocument?.target
    if candidate == nil {
      candidate =
        contentTypes.overrides.first { $0.value.contains("spreadsheetml") && $0.value.hasSuffix(".main+xml") }?
        .key
    }
    if candidate == nil, archive.entry("xl/workbook.xml") != nil { candidate = "xl/workbook.xml" }
    guard let part = candidate else {
      let types = contentTypes.overrides.values
      if types.contains(where: { $0.contains("wordprocessingml") || $0.contains("presentationml") }) {
        throw XLSXReadError(.notSpreadsheet, context)
      }
      throw XLSXReadError(.unknownPackage, context, detail: "no workbook part")
    }
    let type = contentTypes.contentType(of: part) ?? ""
    if type.contains("wordprocessingml") || type.contains("presentationml") {
      throw XLSXReadError(.notSpreadsheet, context, detail: type)
    }
    if type.contains("sheet.binary") || part.lowercased().hasSuffix(".bin") {
      throw XLSXReadError(.binaryWorkbook, context, detail: part)
    }
    guard let entry = archive.entry(part) else {
      var missing = context
      missing.part = part
      throw XLSXReadError(.missingPart, missing, detail: "\(part) is not in the zip")
    }
    return entry.partName
  }

  /// Core and custom properties, read leniently: any problem leaves them empty.
  private static func readProperties(package: Package, relationships: [Relationship]) -> DocumentProperties {
    let corePart = relationships.first { $0.hasType("core-properties") }?.target ?? "docProps/core.xml"
    let customPart = relationships.first { $0.hasType("custom-properties") }?.target ?? "docProps/custom.xml"
    let core = CorePropertiesHandler()
    _ = try? package.parse(corePart, with: core)
    var properties = core.properties
    let custom = CustomPropertiesHandler()
    if (try? package.parse(customPart, with: custom)) != nil { properties.custom = custom.properties }
    return properties
  }

  /// The sheet with this name (exact match first, then case-insensitive, as Excel compares names).
  public func sheet(named name: String) -> SheetInfo? {
    sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
  }

  /// A pull iterator over the cells of a sheet that hold a value.
  ///
  /// Chart, dialog and macro sheets give an empty iterator.
  /// - Parameters:
  ///   - sheet: One of ``sheets``.
  ///   - options: ``CellReadOptions/full`` (default) or ``CellReadOptions/valuesOnly`` for speed.
  /// - Throws: ``XLSXReadError`` (``XLSXReadError/Kind/unknownSheet`` for a sheet of another document).
  public func cells(of sheet: SheetInfo, options: CellReadOptions = .full) throws(XLSXReadError) -> WorksheetCellReader
  {
    let context = XLSXReadError.Context(file: url.path, part: sheet.partName, sheet: sheet.name)
    guard sheet.index >= 0, sheets.contains(sheet) else { throw XLSXReadError(.unknownSheet, context) }
    let handler = WorksheetHandler(
      sharedStrings: sharedStrings, styles: styles, uses1904: uses1904Dates, limits: limits, options: options,
      errorContext: context)
    guard sheet.kind == .worksheet else { return WorksheetCellReader(sheet: sheet, parser: nil, handler: handler) }
    guard let entry = package.archive.entry(sheet.partName) else {
      throw XLSXReadError(.missingPart, context, detail: "\(sheet.partName) is not in the zip")
    }
    let stream = try package.archive.open(entry, maxBytes: limits.maxWorksheetBytes, limitName: "maxWorksheetBytes")
    let parser = try XMLPushParser(source: stream, handler: handler, errorContext: context)
    return WorksheetCellReader(sheet: sheet, parser: parser, handler: handler)
  }

  /// Reads a whole sheet into memory: cells, merged ranges, hidden rows and columns. For small sheets.
  public func readSheet(_ sheet: SheetInfo, options: CellReadOptions = .full) throws(XLSXReadError) -> Worksheet {
    let reader = try cells(of: sheet, options: options)
    var cells: [Cell] = []
    while let cell = try reader.next() { cells.append(cell) }
    return Worksheet(
      sheet: sheet, cells: cells, mergedRanges: reader.mergedRanges, hiddenRows: reader.hiddenRows,
      hiddenColumns: reader.hiddenColumns, dimension: reader.dimension)
  }
}
