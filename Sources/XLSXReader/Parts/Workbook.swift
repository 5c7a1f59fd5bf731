/// A sheet of the workbook, in workbook order.
public struct SheetInfo: Sendable, Equatable, Hashable {
  /// Whether people see the sheet.
  public enum State: String, Sendable, Equatable, Hashable {
    /// Shown as a tab.
    case visible
    /// Hidden; people can unhide it from the Excel/WPS menu.
    case hidden
    /// Hidden so that only code (VBA, this tool) can unhide it.
    case veryHidden
  }

  /// What kind of sheet it is; only worksheets hold cells.
  public enum Kind: String, Sendable, Equatable, Hashable {
    /// A grid of cells.
    case worksheet
    /// A chart on its own tab (no cells).
    case chartsheet
    /// An Excel 5 dialog sheet (no cells read).
    case dialogsheet
    /// An Excel 4 macro sheet (no cells read).
    case macrosheet
  }

  /// The sheet name shown on the tab.
  public var name: String
  /// The 0-based position in workbook order (also the `localSheetId` of defined names).
  public var index: Int
  /// Visible, hidden or very hidden.
  public var state: State
  /// The part that holds the sheet (`xl/worksheets/sheet1.xml`), found through the workbook's relationships.
  public var partName: String
  /// Worksheet, chart sheet, dialog sheet or macro sheet.
  public var kind: Kind

  /// Creates a sheet description.
  public init(name: String, index: Int, state: State, partName: String, kind: Kind = .worksheet) {
    self.name = name
    self.index = index
    self.state = state
    self.partName = partName
    self.kind = kind
  }
}

/// A defined name of the workbook (`<definedName>`), such as a named range or `_xlnm.Print_Area`.
public struct DefinedName: Sendable, Equatable, Hashable {
  /// The name (`TemplateID`, `_xlnm.Print_Area`).
  public var name: String
  /// What it refers to, as written (`'表1'!$A$1:$C$9`, `"2025"`), without a leading `=`.
  public var refersTo: String
  /// The sheet index it is local to (`localSheetId`), `nil` for a workbook-wide name.
  public var localSheetIndex: Int?
  /// Whether the name is hidden from the name manager.
  public var isHidden: Bool

  /// The formula it refers to (the same as ``refersTo``).
  public var formula: String { refersTo }

  /// Creates a defined name.
  public init(name: String, refersTo: String, localSheetIndex: Int? = nil, isHidden: Bool = false) {
    self.name = name
    self.refersTo = refersTo
    self.localSheetIndex = localSheetIndex
    self.isHidden = isHidden
  }
}

/// Reads `xl/workbook.xml`: the date system, the sheets (name, state, relationship id) and the defined names.
final class WorkbookHandler: XMLContentHandler {
  struct SheetEntry {
    var name: String
    var state: SheetInfo.State
    var relationshipId: String
  }

  private(set) var sheets: [SheetEntry] = []
  private(set) var definedNames: [DefinedName] = []
  private(set) var uses1904 = false
  private(set) var isStrict = false
  private(set) var contentError: XLSXReadError?
  private var depth = 0
  private var pendingName: DefinedName?
  private var text = TextBuffer()
  private let maxSheets: Int
  private let errorContext: XLSXReadError.Context

  init(maxSheets: Int, errorContext: XLSXReadError.Context) {
    self.maxSheets = maxSheets
    self.errorContext = errorContext
  }

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    depth += 1
    if depth == 1 {
      isStrict = namespace.equals("http://purl.oclc.org/ooxml/spreadsheetml/main")
      if let conformance = attributes.value(of: "conformance"), conformance.equals("strict") { isStrict = true }
    } else if name.equals("workbookPr") {
      if let value = attributes.value(of: "date1904") { uses1904 = value.booleanValue ?? false }
    } else if name.equals("sheet") {
      var entry = SheetEntry(name: "", state: .visible, relationshipId: "")
      for attribute in attributes {
        if attribute.name.equals("name") {
          entry.name = attribute.value.string
        } else if attribute.name.equals("state") {
          if attribute.value.equals("hidden") {
            entry.state = .hidden
          } else if attribute.value.equals("veryHidden") {
            entry.state = .veryHidden
          }
        } else if attribute.name.equals("id") && !attribute.namespace.isEmpty {
          entry.relationshipId = attribute.value.string
        }
      }
      sheets.append(entry)
      if sheets.count > maxSheets {
        contentError = XLSXReadError(.limitExceeded, errorContext, detail: "maxSheets: more than \(maxSheets) sheets")
      }
    } else if name.equals("definedName") {
      var definedName = DefinedName(name: "", refersTo: "")
      for attribute in attributes {
        if attribute.name.equals("name") {
          definedName.name = attribute.value.string
        } else if attribute.name.equals("localSheetId") {
          definedName.localSheetIndex = attribute.value.parseIndex()
        } else if attribute.name.equals("hidden") {
          definedName.isHidden = attribute.value.booleanValue ?? false
        }
      }
      pendingName = definedName
      text.removeAll()
    }
  }

  func endElement(_ name: XMLBytes) {
    depth -= 1
    if name.equals("definedName"), var definedName = pendingName {
      var formula = text.makeString()
      if formula.hasPrefix("=") { formula.removeFirst() }
      definedName.refersTo = formula
      definedNames.append(definedName)
      pendingName = nil
    }
  }

  func characters(_ text: XMLBytes) {
    if pendingName != nil, self.text.count < 1 << 20 { self.text.append(text) }
  }
}
