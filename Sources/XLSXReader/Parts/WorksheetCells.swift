/// How much a ``WorksheetCellReader`` builds for each cell.
public struct CellReadOptions: Sendable, Equatable {
  /// Whether cells carry ``Cell/rawValue``, ``Cell/formula``, ``Cell/numberFormat`` and ``Cell/style``.
  /// Turning this off (``valuesOnly``) avoids building those strings: the fast path for sums and counts.
  public var includeDetails: Bool

  /// Creates options.
  public init(includeDetails: Bool = true) { self.includeDetails = includeDetails }

  /// Everything: values, raw text, formulas, formats and styles.
  public static let full = CellReadOptions(includeDetails: true)
  /// Values only (``Cell/value``, row and column); uncalculated formulas are still reported as such.
  public static let valuesOnly = CellReadOptions(includeDetails: false)
}

/// A pull iterator over the cells of one worksheet that hold a value, row by row, in document order.
///
/// The sheet is parsed in chunks as you call ``next()``: memory stays bounded by one chunk of XML and the
/// workbook's shared strings and styles, however many rows the sheet has. Cells with only a style are skipped.
/// After ``next()`` has returned `nil`, ``mergedRanges``, ``hiddenRows``, ``hiddenColumns`` and ``dimension``
/// describe the whole sheet.
///
/// ```swift
/// let reader = try document.cells(of: document.sheets[0])
/// while let cell = try reader.next() {
///   print(cell.reference, cell.value)
/// }
/// ```
public final class WorksheetCellReader {
  /// The sheet being read.
  public let sheet: SheetInfo
  private let parser: XMLPushParser?
  private let handler: WorksheetHandler
  private var position = 0

  init(sheet: SheetInfo, parser: XMLPushParser?, handler: WorksheetHandler) {
    self.sheet = sheet
    self.parser = parser
    self.handler = handler
  }

  /// The next cell with a value, or `nil` at the end of the sheet.
  ///
  /// - Throws: ``XLSXReadError`` when the sheet is malformed, exceeds a limit or names a shared string that
  ///   does not exist; the error names the sheet and, when known, the cell.
  public func next() throws(XLSXReadError) -> Cell? {
    while true {
      if position < handler.scanner.cells.count {
        defer { position += 1 }
        return handler.scanner.cells[position]
      }
      guard let parser, !parser.isFinished else { return nil }
      handler.scanner.cells.removeAll(keepingCapacity: true)
      position = 0
      do {
        try parser.parseNextChunk()
      } catch {
        handler.scanner.cells.removeAll()
        throw error
      }
    }
  }

  /// Merged ranges (`<mergeCells>`), complete once ``next()`` has returned `nil`.
  public var mergedRanges: [CellRange] { handler.scanner.mergedRanges }
  /// Rows marked hidden (1-based), complete once ``next()`` has returned `nil`.
  public var hiddenRows: [Int] { handler.scanner.hiddenRows }
  /// Column ranges marked hidden (1-based, inclusive), complete once ``next()`` has returned `nil`.
  public var hiddenColumns: [ClosedRange<Int>] { handler.scanner.hiddenColumns }
  /// The `<dimension ref>` the file claims, a hint only (never trusted for sizes).
  public var dimension: String? { handler.scanner.dimension }
}

/// The SAX handler of a worksheet: forwards every event to one ``WorksheetScanner`` value, so the hot state is
/// reached through a single access per event.
final class WorksheetHandler: XMLContentHandler {
  private let state: HandlerState<WorksheetScanner>

  /// The scanner (cells parsed so far, merged ranges, hidden rows …).
  var scanner: WorksheetScanner {
    _read { yield state.value }
    _modify { yield &state.value }
  }

  init(
    sharedStrings: [String], styles: StyleTable, uses1904: Bool, limits: ReadLimits, options: CellReadOptions,
    errorContext: XLSXReadError.Context
  ) {
    state = HandlerState(
      WorksheetScanner(
        sharedStrings: sharedStrings, styles: styles, uses1904: uses1904, limits: limits, options: options,
        errorContext: errorContext))
  }

  var contentError: XLSXReadError? { state.value.contentError }

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    state.value.startElement(name, attributes: attributes)
  }

  func endElement(_ name: XMLBytes) { state.value.endElement(name) }

  func characters(_ text: XMLBytes) { state.value.characters(text) }
}

/// Turns `<row>`/`<c>` events into ``Cell`` values with reused buffers.
struct WorksheetScanner {
  private enum CellType {
    case number, sharedString, boolean, error, formulaString, inlineString, isoDate, unknown
  }

  var cells: [Cell] = []
  private(set) var mergedRanges: [CellRange] = []
  private(set) var hiddenRows: [Int] = []
  private(set) var hiddenColumns: [ClosedRange<Int>] = []
  private(set) var dimension: String?
  private(set) var contentError: XLSXReadError?
  private var failed = false

  private let sharedStrings: [String]
  private let styles: StyleTable
  private let uses1904: Bool
  private let limits: ReadLimits
  private let includeDetails: Bool
  private let errorContext: XLSXReadError.Context

  private var inSheetData = false
  private var row = 0
  private var column = 0
  private var cellCount = 0

  // The cell being read.
  private var cellType = CellType.number
  private var styleIndex = -1
  private var sawValue = false
  private var sawInline = false
  private var sawFormula = false
  private var inValue = false
  private var inFormula = false
  private var inInline = false
  private var inInlineText = false
  private var phoneticDepth = 0
  private var value = TextBuffer(capacity: 256)
  private var formula = TextBuffer(capacity: 256)
  private var unknownType = ""
  private var sharedFormulaIndex: Int?
  private var sharedFormulaIsMaster = false
  private var sharedFormulas: [Int: (text: String, row: Int, column: Int)] = [:]

  init(
    sharedStrings: [String], styles: StyleTable, uses1904: Bool, limits: ReadLimits, options: CellReadOptions,
    errorContext: XLSXReadError.Context
  ) {
    self.sharedStrings = sharedStrings
    self.styles = styles
    self.uses1904 = uses1904
    self.limits = limits
    self.includeDetails = options.includeDetails
    self.errorContext = errorContext
    cells.reserveCapacity(4096)
  }

  private mutating func fail(_ kind: XLSXReadError.Kind, _ detail: String, cell: Bool = true) {
    guard !failed else { return }
    failed = true
    var context = errorContext
    if cell { context.cell = CellReference.name(row: max(row, 1), column: max(column, 1)) }
    contentError = XLSXReadError(kind, context, detail: detail)
  }

  mutating func startElement(_ name: XMLBytes, attributes: XMLAttributes) {
    guard !failed else { return }
    switch name.count {
    case 1:
      switch name[0] {
      case 0x63:  // c
        if inSheetData { startCell(attributes) }
      case 0x76:  // v
        inValue = true
        sawValue = true
        value.removeAll()
      case 0x66:  // f
        startFormula(attributes)
      case 0x74:  // t
        inInlineText = inInline && phoneticDepth == 0
      default: break
      }
    case 2:
      if name.equals("is") {
        inInline = true
        sawInline = true
        value.removeAll()
      }
    case 3:
      if name.equals("row") {
        startRow(attributes)
      } else if name.equals("rPh") {
        phoneticDepth += 1
      } else if name.equals("col") {
        startColumn(attributes)
      }
    default:
      if name.equals("sheetData") {
        inSheetData = true
      } else if name.equals("mergeCell") {
        if let reference = attributes.string(of: "ref"), let range = CellRange(reference) {
          mergedRanges.append(range)
        }
      } else if name.equals("dimension") {
        dimension = attributes.string(of: "ref")
      }
    }
  }

  mutating func endElement(_ name: XMLBytes) {
    guard !failed else { return }
    switch name.count {
    case 1:
      switch name[0] {
      case 0x63: if inSheetData { finishCell() }
      case 0x76: inValue = false
      case 0x66: inFormula = false
      case 0x74: inInlineText = false
      default: break
      }
    case 2: if name.equals("is") { inInline = false }
    case 3: if name.equals("rPh") { phoneticDepth -= 1 }
    default: if name.equals("sheetData") { inSheetData = false }
    }
  }

  mutating func characters(_ text: XMLBytes) {
    if inValue || inInlineText {
      value.append(text)
      if value.count > limits.maxStringBytes {
        fail(.limitExceeded, "maxStringBytes: a value longer than \(limits.maxStringBytes) bytes")
      }
    } else if inFormula {
      formula.append(text)
      if formula.count > limits.maxStringBytes {
        fail(.limitExceeded, "maxStringBytes: a formula longer than \(limits.maxStringBytes) bytes")
      }
    }
  }

  private mutating func startRow(_ attributes: XMLAttributes) {
    var explicitRow: Int?
    var hidden = false
    for attribute in attributes {
      if attribute.name.equals("r") {
        if !attribute.value.isEmpty {
          guard let number = attribute.value.parseIndex(limit: ReadLimits.maxRow), number > 0 else {
            fail(.invalidCell, "row number out of range", cell: false)
            return
          }
          explicitRow = number
        }
      } else if attribute.name.equals("hidden") {
        hidden = attribute.value.booleanValue ?? false
      }
    }
    row = explicitRow ?? row + 1
    guard row <= ReadLimits.maxRow else {
      fail(.invalidCell, "row number out of range", cell: false)
      return
    }
    column = 0
    if hidden { hiddenRows.append(row) }
  }

  private mutating func startColumn(_ attributes: XMLAttributes) {
    guard attributes.value(of: "hidden")?.booleanValue == true,
      let first = attributes.value(of: "min")?.parseIndex(limit: ReadLimits.maxColumn),
      let last = attributes.value(of: "max")?.parseIndex(limit: ReadLimits.maxColumn), first >= 1, first <= last
    else { return }
    hiddenColumns.append(first...last)
  }

  private mutating func startCell(_ attributes: XMLAttributes) {
    cellCount += 1
    if cellCount > limits.maxCellsPerSheet {
      fail(.limitExceeded, "maxCellsPerSheet: more than \(limits.maxCellsPerSheet) cells", cell: false)
      return
    }
    cellType = .number
    styleIndex = -1
    sawValue = false
    sawInline = false
    sawFormula = false
    sharedFormulaIndex = nil
    var explicit = false
    for attribute in attributes {
      let name = attribute.name
      guard name.count == 1 else { continue }
      switch name[0] {
      case 0x72:  // r
        if attribute.value.isEmpty { continue }
        guard
          let reference = attribute.value.parseCellReference(maxRow: ReadLimits.maxRow, maxColumn: ReadLimits.maxColumn)
        else {
          fail(.invalidCell, "cell reference outside the sheet", cell: false)
          return
        }
        if reference.row > 0 {
          if reference.row != row { row = reference.row }
        }
        column = reference.column
        explicit = true
      case 0x73:  // s
        styleIndex = attribute.value.parseIndex() ?? -1
      case 0x74:  // t
        cellType = Self.type(of: attribute.value)
        if cellType == .unknown { unknownType = attribute.value.string }
      default: break
      }
    }
    if !explicit { column += 1 }
    if row == 0 { row = 1 }
    guard column <= ReadLimits.maxColumn else {
      fail(.invalidCell, "column beyond XFD", cell: false)
      return
    }
  }

  private static func type(of value: XMLBytes) -> CellType {
    if value.count == 1 {
      switch value[0] {
      case 0x6E: return .number  // n
      case 0x73: return .sharedString  // s
      case 0x62: return .boolean  // b
      case 0x65: return .error  // e
      case 0x64: return .isoDate  // d
      default: return .unknown
      }
    }
    if value.equals("str") { return .formulaString }
    if value.equals("inlineStr") || value.equals("is") { return .inlineString }
    if value.isEmpty { return .number }
    return .unknown
  }

  private mutating func startFormula(_ attributes: XMLAttributes) {
    sawFormula = true
    inFormula = true
    formula.removeAll()
    guard includeDetails else { return }
    var isShared = false
    var hasReference = false
    for attribute in attributes {
      if attribute.name.equals("t") {
        isShared = attribute.value.equals("shared")
      } else if attribute.name.equals("si") {
        sharedFormulaIndex = attribute.value.parseIndex()
      } else if attribute.name.equals("ref") {
        hasReference = true
      }
    }
    if !isShared { sharedFormulaIndex = nil }
    sharedFormulaIsMaster = hasReference
  }

  private mutating func finishCell() {
    inValue = false
    inFormula = false
    inInline = false
    inInlineText = false
    guard sawValue || sawInline || sawFormula else { return }  // style only
    let hasStyle = styleIndex >= 0 && styleIndex < styles.entries.count
    var cellValue: CellValue
    var raw: String?
    let hasValueText = sawValue && !value.isEmpty
    // Whether the cell carries a value of its type; a formula without one is "not calculated", never 0.
    let hasContent: Bool
    switch cellType {
    case .formulaString: hasContent = sawValue
    case .inlineString: hasContent = sawInline || sawValue
    case .unknown: hasContent = hasValueText || sawInline
    default: hasContent = hasValueText
    }
    if !hasContent {
      guard sawFormula else { return }
      cellValue = .uncalculated
    } else {
      switch cellType {
      case .number:
        if let number = value.parseDouble() {
          if hasStyle, styles.entries[styleIndex].isDate,
            let date = ExcelDate(serial: number, uses1904: uses1904, timeOnly: styles.entries[styleIndex].isTimeOnly)
          {
            cellValue = .date(date)
          } else {
            cellValue = .number(number)
          }
        } else {
          cellValue = .string(value.makeString())  // not a number: keep the text, never invent a value
        }
        if includeDetails { raw = value.makeString() }
      case .sharedString:
        guard let index = value.parseIndex(), index < sharedStrings.count else {
          fail(.invalidCell, "shared string index out of range (\(sharedStrings.count) strings)")
          return
        }
        let text = sharedStrings[index]
        cellValue = .string(text)
        if includeDetails { raw = text }
      case .boolean:
        let isFalse = value.equals("0") || value.equals("false") || value.equals("FALSE")
        cellValue = .bool(!isFalse)
        if includeDetails { raw = value.makeString() }
      case .error:
        let text = value.makeString()
        cellValue = .error(text)
        if includeDetails { raw = text }
      case .formulaString:
        let text = value.makeDecodedString()
        cellValue = .string(text)
        if includeDetails { raw = value.makeString() }
      case .inlineString:
        let text = value.makeDecodedString()
        cellValue = .string(text)
        if includeDetails { raw = value.makeString() }
      case .isoDate:
        let text = value.makeString()
        cellValue = ExcelDate(iso: text, uses1904: uses1904).map(CellValue.date) ?? .string(text)
        if includeDetails { raw = text }
      case .unknown:
        let text = value.makeString()
        cellValue = .string(text)  // an unknown type keeps its raw text
        if includeDetails { raw = text }
      }
    }
    var cell = Cell(
      row: row, column: column, value: cellValue, rawValue: raw,
      format: includeDetails && hasStyle ? styles.entries[styleIndex].format : nil)
    if includeDetails && sawFormula { cell.formula = formulaText() }
    cells.append(cell)
  }

  private mutating func formulaText() -> String? {
    var text = formula.makeString()
    if text.hasPrefix("=") { text.removeFirst() }
    if let index = sharedFormulaIndex {
      if sharedFormulaIsMaster || sharedFormulas[index] == nil, !text.isEmpty {
        sharedFormulas[index] = (text, row, column)
        return text
      }
      if let master = sharedFormulas[index] {
        return FormulaTranslator.shift(master.text, rows: row - master.row, columns: column - master.column)
      }
    }
    return text.isEmpty ? nil : text
  }
}
