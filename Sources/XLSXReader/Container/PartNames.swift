/// Part-name arithmetic of the Open Packaging Conventions: resolving relationship targets.
enum PartNames {
  /// The folder of a part (`xl/workbook.xml` → `xl/`), empty at the package root.
  static func folder(of partName: String) -> String {
    guard let slash = partName.lastIndex(of: "/") else { return "" }
    return String(partName[...slash])
  }

  /// The relationships part of a source part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`).
  static func relationshipsPart(of partName: String) -> String {
    let folder = folder(of: partName)
    let file = partName.dropFirst(folder.count)
    return "\(folder)_rels/\(file).rels"
  }

  /// Resolves a relationship target against the source part's folder: absolute targets (`/xl/x.xml`) start
  /// at the package root, relative ones (`worksheets/sheet1.xml`, `../x.xml`) at the source's folder;
  /// backslashes count as slashes, `.` and `..` segments are folded, percent-escapes are decoded.
  static func resolve(_ target: String, from sourcePart: String) -> String {
    var target = target.replacingAll("\\", with: "/")
    if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
    target = percentDecoded(target)
    let base = target.hasPrefix("/") ? "" : folder(of: sourcePart)
    var segments: [Substring] = []
    for segment in (base + target).split(separator: "/", omittingEmptySubsequences: true) {
      if segment == "." { continue }
      if segment == ".." {
        if !segments.isEmpty { segments.removeLast() }
        continue
      }
      segments.append(segment)
    }
    return segments.joined(separator: "/")
  }

  private static func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      if byte == 0x25, utf8.count >= 2, let high = hexValue(utf8[utf8.startIndex]),
        let low = hexValue(utf8[utf8.startIndex + 1])
      {
        bytes.append(high << 4 | low)
        utf8 = utf8.dropFirst(2)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }
}
