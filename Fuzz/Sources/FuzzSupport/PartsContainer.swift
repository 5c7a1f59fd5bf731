/// A plain-text container of package parts, so a fuzzer can mutate a whole workbook's XML without breaking the zip.
///
/// The input is a sequence of records, each `==> name\n` followed by the part's bytes up to the next `\n==> `.
/// Bytes before the first marker are ignored. ``StoredZip`` then builds a valid package (correct CRCs) from the
/// records, so every mutation reaches the XML parsers instead of stopping at a checksum. `scripts/make_seeds.py`
/// writes real workbooks in this form.
public enum PartsContainer {
  /// The marker that starts a record; at the very start of the input the leading newline may be absent.
  static let marker = Array("\n==> ".utf8)

  /// The most records taken from one input (a real return has about a dozen parts).
  public static let maximumParts = 64

  /// The records of `bytes`, in order, as (part name, content).
  public static func unpack(_ bytes: UnsafeBufferPointer<UInt8>) -> [(name: String, content: [UInt8])] {
    var starts: [Int] = []  // index of the first byte after each marker
    let header = marker.dropFirst()
    if bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) { starts.append(header.count) }
    var index = 0
    while index + marker.count <= bytes.count, starts.count < maximumParts {
      if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) {
        starts.append(index + marker.count)
        index += marker.count
      } else {
        index += 1
      }
    }
    var records: [(name: String, content: [UInt8])] = []
    for (position, start) in starts.enumerated() {
      let end = position + 1 < starts.count ? starts[position + 1] - marker.count : bytes.count
      guard start <= end else { continue }
      let record = bytes[start..<end]
      let newline = record.firstIndex(of: UInt8(ascii: "\n")) ?? end
      let name = String(decoding: record[start..<newline], as: UTF8.self)
      let content = newline < end ? Array(record[(newline + 1)..<end]) : []
      guard !name.isEmpty, name.utf8.count < 256 else { continue }
      records.append((name, content))
    }
    return records
  }
}
