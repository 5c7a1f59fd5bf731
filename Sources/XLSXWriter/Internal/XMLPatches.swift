/// Byte-level edits of the XML that libxlsxwriter 1.1.4 writes. They rely on its fixed output
/// shape (`<c r="B3" s="1"><f>…</f><v>…</v></c>`; texts and formulas are escaped, so `<c r="`
/// appears only as a real cell tag) and are checked by the tests that read the files back.
enum XMLPatches {
  /// What to do with the `<v>` of one cell.
  enum ValueEdit: Equatable {
    /// Replace the text of `<v>` (an exact number).
    case replace(String)
    /// Remove `<v>…</v>` (a formula with no known result).
    case remove
  }

  /// Applies `edits` (keyed by A1 reference) to a worksheet part.
  static func editCellValues(_ xml: [UInt8], _ edits: [String: ValueEdit]) -> [UInt8] {
    let cellOpen = Array("<c r=\"".utf8)
    let valueOpen = Array("<v>".utf8)
    let valueClose = Array("</v>".utf8)
    let cellClose = Array("</c>".utf8)
    var output: [UInt8] = []
    output.reserveCapacity(xml.count + edits.count * 8)
    var position = 0
    var copiedUpTo = 0
    while let start = find(cellOpen, in: xml, from: position) {
      let referenceStart = start + cellOpen.count
      guard let quote = xml[referenceStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
      position = quote
      let reference = String(decoding: xml[referenceStart..<quote], as: UTF8.self)
      guard let edit = edits[reference],
        let tagEnd = xml[quote...].firstIndex(of: UInt8(ascii: ">")),
        xml[tagEnd - 1] != UInt8(ascii: "/"),
        let end = find(cellClose, in: xml, from: tagEnd),
        let valueStart = find(valueOpen, in: xml, from: tagEnd, before: end),
        let valueEnd = find(valueClose, in: xml, from: valueStart, before: end)
      else { continue }
      output.append(contentsOf: xml[copiedUpTo..<valueStart])
      switch edit {
      case .replace(let text):
        output.append(contentsOf: valueOpen)
        output.append(contentsOf: Array(text.utf8))
        output.append(contentsOf: valueClose)
      case .remove:
        break
      }
      copiedUpTo = valueEnd + valueClose.count
      position = copiedUpTo
    }
    output.append(contentsOf: xml[copiedUpTo...])
    return output
  }

  /// Inserts `<workbookProtection …/>` where the schema wants it (before `<bookViews>`).
  static func protectStructure(_ xml: [UInt8], passwordHash: String?) -> [UInt8]? {
    var element = "<workbookProtection"
    if let passwordHash { element += " workbookPassword=\"\(passwordHash)\"" }
    element += " lockStructure=\"1\"/>"
    guard let anchor = find(Array("<bookViews".utf8), in: xml, from: 0) else { return nil }
    var output = Array(xml[..<anchor])
    output.append(contentsOf: Array(element.utf8))
    output.append(contentsOf: xml[anchor...])
    return output
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, before limit: Int? = nil) -> Int? {
    let end = (limit ?? haystack.count) - needle.count
    guard !needle.isEmpty, start <= end else { return nil }
    let first = needle[0]
    var index = start
    while index <= end {
      if haystack[index] == first {
        var matched = true
        for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
          matched = false
          break
        }
        if matched { return index }
      }
      index += 1
    }
    return nil
  }
}
