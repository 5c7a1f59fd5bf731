/// One `<Relationship>` of a `.rels` part.
struct Relationship: Equatable {
  /// The relationship id (`rId1`), referenced by `r:id` attributes.
  var id: String
  /// The relationship type URI (Transitional or Strict).
  var type: String
  /// The target resolved to a part name (`xl/worksheets/sheet1.xml`), or the raw target when external.
  var target: String
  /// Whether the target lies outside the package (`TargetMode="External"`).
  var isExternal: Bool

  /// Whether the type ends with `/suffix` (so Transitional `http://schemas.openxmlformats.org/…` and Strict
  /// `http://purl.oclc.org/ooxml/…` types both match).
  func hasType(_ suffix: String) -> Bool {
    type.hasSuffix("/" + suffix)
  }
}

/// Reads a `.rels` part into relationships with targets resolved against the source part.
final class RelationshipsHandler: XMLContentHandler {
  private let sourcePart: String
  private(set) var relationships: [Relationship] = []
  let contentError: XLSXReadError? = nil

  init(sourcePart: String) { self.sourcePart = sourcePart }

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    guard name.equals("Relationship") else { return }
    var id = ""
    var type = ""
    var target = ""
    var external = false
    for attribute in attributes {
      if attribute.name.equals("Id") {
        id = attribute.value.string
      } else if attribute.name.equals("Type") {
        type = attribute.value.string
      } else if attribute.name.equals("Target") {
        target = attribute.value.string
      } else if attribute.name.equals("TargetMode") {
        external = attribute.value.equals("External")
      }
    }
    let resolved = external ? target : PartNames.resolve(target, from: sourcePart)
    relationships.append(Relationship(id: id, type: type, target: resolved, isExternal: external))
  }

  func endElement(_ name: XMLBytes) {}
  func characters(_ text: XMLBytes) {}
}

/// Reads `[Content_Types].xml`: default content types by extension and overrides by part name.
final class ContentTypesHandler: XMLContentHandler {
  private(set) var defaults: [String: String] = [:]
  private(set) var overrides: [String: String] = [:]
  let contentError: XLSXReadError? = nil

  func startElement(_ name: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
    if name.equals("Default") {
      if let ext = attributes.string(of: "Extension"), let type = attributes.string(of: "ContentType") {
        defaults[ext.lowercased()] = type
      }
    } else if name.equals("Override") {
      if let part = attributes.string(of: "PartName"), let type = attributes.string(of: "ContentType") {
        overrides[ZipArchive.normalize(part).lowercased()] = type
      }
    }
  }

  func endElement(_ name: XMLBytes) {}
  func characters(_ text: XMLBytes) {}

  /// The content type of a part: its override, else the default for its extension.
  func contentType(of partName: String) -> String? {
    let key = ZipArchive.normalize(partName).lowercased()
    if let type = overrides[key] { return type }
    guard let dot = key.lastIndex(of: ".") else { return nil }
    return defaults[String(key[key.index(after: dot)...])]
  }
}

/// The package: the zip plus helpers to parse parts by name with the right limits.
final class Package {
  let archive: ZipArchive
  let file: String

  init(archive: ZipArchive, file: String) {
    self.archive = archive
    self.file = file
  }

  var limits: ReadLimits { archive.limits }

  /// Parses a part with `handler`; returns `false` (and parses nothing) when the zip lacks the part.
  @discardableResult
  func parse(
    _ partName: String, with handler: any XMLContentHandler, maxBytes: Int? = nil,
    limitName: String = "maxOtherPartBytes"
  ) throws(XLSXReadError) -> Bool {
    guard let entry = archive.entry(partName) else { return false }
    let stream = try archive.open(entry, maxBytes: maxBytes ?? limits.maxOtherPartBytes, limitName: limitName)
    let parser = try XMLPushParser(
      source: stream, handler: handler, errorContext: .init(file: file, part: entry.partName))
    try parser.parseAll()
    return true
  }

  /// The relationships of a source part (empty when it has no `.rels` part).
  func relationships(of sourcePart: String) throws(XLSXReadError) -> [Relationship] {
    let handler = RelationshipsHandler(sourcePart: sourcePart)
    try parse(PartNames.relationshipsPart(of: sourcePart), with: handler)
    return handler.relationships
  }
}
