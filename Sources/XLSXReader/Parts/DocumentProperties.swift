/// The value of a custom document property (`docProps/custom.xml`).
public enum CustomPropertyValue: Sendable, Equatable, Hashable {
  /// Text (`vt:lpwstr`, `vt:lpstr`, `vt:bstr`).
  case string(String)
  /// A number (`vt:i4`, `vt:r8`, `vt:decimal` …).
  case number(Double)
  /// A boolean (`vt:bool`).
  case bool(Bool)
  /// A date and time (`vt:filetime`, `vt:date`), as the ISO 8601 text stored in the file.
  case date(String)
}

/// One custom document property, in file order.
public struct CustomProperty: Sendable, Equatable, Hashable {
  /// The property name (`TemplateID`, `KSOProductBuildVer`).
  public var name: String
  /// The typed value.
  public var value: CustomPropertyValue

  /// Creates a custom property.
  public init(name: String, value: CustomPropertyValue) {
    self.name = name
    self.value = value
  }
}

/// The core (`docProps/core.xml`) and custom (`docProps/custom.xml`) document properties.
///
/// Read leniently: a missing or broken properties part leaves the fields empty and never fails the workbook.
/// Dates are kept as the W3C date-time text stored in the file.
public struct DocumentProperties: Sendable, Equatable {
  /// `dc:title`.
  public var title: String?
  /// `dc:subject`.
  public var subject: String?
  /// `dc:creator` (the author).
  public var creator: String?
  /// `cp:keywords`.
  public var keywords: String?
  /// `dc:description` (comments).
  public var description: String?
  /// `cp:lastModifiedBy`.
  public var lastModifiedBy: String?
  /// `cp:category`.
  public var category: String?
  /// `cp:contentStatus`.
  public var contentStatus: String?
  /// `cp:revision`.
  public var revision: String?
  /// `dc:language`.
  public var language: String?
  /// `dc:identifier`.
  public var identifier: String?
  /// `cp:version`.
  public var version: String?
  /// `dcterms:created`, as stored (`2025-01-02T03:04:05Z`).
  public var created: String?
  /// `dcterms:modified`, as stored.
  public var modified: String?
  /// The custom properties in file order.
  public var custom: [CustomProperty] = []

  /// Creates empty properties.
  public init() {}

  /// The value of the first custom property with this name.
  public func custom(_ name: String) -> CustomPropertyValue? {
    custom.first { $0.name == name }?.value
  }

  /// The core properties as (name, value) pairs in a fixed order, leaving out absent ones.
  public var coreFields: [(name: String, value: String)] {
    let all: [(String, String?)] = [
      ("title", title), ("subject", subject), ("creator", creator), ("keywords", keywords),
      ("description", description), ("lastModifiedBy", lastModifiedBy), ("category", category),
      ("contentStatus", contentStatus), ("revision", revision), ("language", language),
      ("identifier", identifier), ("version", version), ("created", created), ("modified", modified),
    ]
    return all.compactMap { name, value in value.map { (name, $0) } }
  }
}

/// Reads `docProps/core.xml` into ``DocumentProperties``.
final class CorePropertiesHandler: XMLContentHandler {
  var properties = DocumentProperties()
  let contentError: XLSXReadError? = nil
  private var depth = 0
  private var text = TextBuffer()

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    depth += 1
    if depth == 2 { text.removeAll() }
  }

  func endElement(_ name: XMLBytes) {
    defer { depth -= 1 }
    guard depth == 2 else { return }
    let value = text.makeString()
    switch name.string {
    case "title": properties.title = value
    case "subject": properties.subject = value
    case "creator": properties.creator = value
    case "keywords": properties.keywords = value
    case "description": properties.description = value
    case "lastModifiedBy": properties.lastModifiedBy = value
    case "category": properties.category = value
    case "contentStatus": properties.contentStatus = value
    case "revision": properties.revision = value
    case "language": properties.language = value
    case "identifier": properties.identifier = value
    case "version": properties.version = value
    case "created": properties.created = value.trimmingASCIISpaces
    case "modified": properties.modified = value.trimmingASCIISpaces
    default: break
    }
  }

  func characters(_ text: XMLBytes) {
    if depth == 2, self.text.count < 1 << 20 { self.text.append(text) }
  }
}

/// Reads `docProps/custom.xml`: `<property name="…"><vt:lpwstr>…</vt:lpwstr></property>`.
final class CustomPropertiesHandler: XMLContentHandler {
  private(set) var properties: [CustomProperty] = []
  let contentError: XLSXReadError? = nil
  private var pendingName: String?
  private var valueType = ""
  private var inValue = false
  private var text = TextBuffer()

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    if name.equals("property") {
      pendingName = attributes.string(of: "name")
    } else if pendingName != nil {
      valueType = name.string
      inValue = true
      text.removeAll()
    }
  }

  func endElement(_ name: XMLBytes) {
    if name.equals("property") {
      pendingName = nil
    } else if inValue, let propertyName = pendingName {
      inValue = false
      let raw = text.makeString()
      let value: CustomPropertyValue
      switch valueType {
      case "lpwstr", "lpstr", "bstr": value = .string(raw)
      case "bool": value = .bool(raw.trimmingASCIISpaces == "true" || raw.trimmingASCIISpaces == "1")
      case "filetime", "date": value = .date(raw.trimmingASCIISpaces)
      case "i1", "i2", "i4", "i8", "int", "ui1", "ui2", "ui4", "ui8", "uint", "r4", "r8", "decimal":
        value = Double(raw.trimmingASCIISpaces).map(CustomPropertyValue.number) ?? .string(raw)
      default: value = .string(raw)
      }
      properties.append(CustomProperty(name: propertyName, value: value))
      pendingName = nil
    }
  }

  func characters(_ text: XMLBytes) {
    if inValue, self.text.count < 1 << 20 { self.text.append(text) }
  }
}
