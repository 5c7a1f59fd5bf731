import Foundation

/// Recognising and decoding text files.
enum HistoryText {
  /// What the first bytes of a file say.
  enum Sniffed: Equatable {
    /// A zip package (an XLSX workbook, or something the workbook reader will name).
    case zip
    /// Text (a CSV or tab-separated file).
    case text
    /// Some other binary file (legacy .xls, a NUL byte …): left to the return reader to explain.
    case binary
  }

  /// The encoding name reported for GB18030 (which includes GBK and GB2312).
  static let gb18030Name = "GB18030"
  private static let gb18030 = String.Encoding(rawValue: 0x8000_0632)
  private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
  private static let utf16LittleEndianBOM: [UInt8] = [0xFF, 0xFE]
  private static let utf16BigEndianBOM: [UInt8] = [0xFE, 0xFF]

  static func sniff(_ head: Data) -> Sniffed {
    let bytes = [UInt8](head)
    if bytes.starts(with: [0x50, 0x4B]) { return .zip }
    if bytes.isEmpty { return .binary }
    if bytes.starts(with: utf16LittleEndianBOM) || bytes.starts(with: utf16BigEndianBOM) { return .text }
    if bytes.contains(0) { return .binary }
    // HTML or XML saved under another name: the workbook reader has a specific message for those.
    let firstVisible = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    if firstVisible.first == UInt8(ascii: "<") { return .binary }
    return .text
  }

  /// Decodes text: UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (what Chinese Excel writes
  /// for "CSV (逗号分隔)"). Returns `nil` when none fits.
  static func decode(_ data: Data) -> (text: String, encoding: String)? {
    let bytes = [UInt8](data)
    if bytes.starts(with: utf8BOM) {
      guard let text = String(validating: bytes.dropFirst(utf8BOM.count), as: UTF8.self) else { return nil }
      return (text, "UTF-8 (BOM)")
    }
    if bytes.starts(with: utf16LittleEndianBOM) || bytes.starts(with: utf16BigEndianBOM) {
      guard var text = String(data: data, encoding: .utf16) else { return nil }
      if text.first == "\u{FEFF}" { text.removeFirst() }
      return (text, "UTF-16")
    }
    if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
    if let text = String(data: data, encoding: gb18030) { return (text, gb18030Name) }
    return nil
  }
}

/// A small RFC 4180 reader: quoted fields with `""` escapes and line breaks, CRLF, LF or CR line ends.
enum HistoryCSV {
  /// The delimiters tried, in order; the first that yields a header row wins.
  static let delimiters: [Character] = [",", "\t", ";", "，"]

  /// The text as a grid, with the delimiter that makes a header row appear; `nil` when none does.
  static func grid(_ text: String) -> HistoryGrid? {
    for delimiter in delimiters {
      let head = records(text, delimiter: delimiter, limit: HistoryLimits.headerSearchRows)
      let headGrid = makeGrid(head)
      if HistoryHeader.find(in: headGrid) != nil {
        return makeGrid(records(text, delimiter: delimiter, limit: HistoryLimits.maximumRows + 1 + head.count))
      }
    }
    return nil
  }

  private static func makeGrid(_ records: [(line: Int, fields: [String])]) -> HistoryGrid {
    var rows: [HistoryGridRow] = []
    for record in records {
      var cells: [Int: HistoryCellContent] = [:]
      for (index, field) in record.fields.enumerated() where !field.isEmpty {
        cells[index + 1] = .text(field)
      }
      if !cells.isEmpty { rows.append(HistoryGridRow(number: record.line, cells: cells)) }
    }
    return HistoryGrid(sheetName: HistoryTableReader.csvSheetName, rows: rows)
  }

  /// Splits text into records, each with the 1-based line where it starts (the row number Excel shows).
  static func records(_ text: String, delimiter: Character, limit: Int) -> [(line: Int, fields: [String])] {
    var result: [(line: Int, fields: [String])] = []
    var fields: [String] = []
    var field = ""
    var inQuotes = false
    var line = 1
    var recordLine = 1
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func nextCharacter() -> Character? {
      if let character = pending {
        pending = nil
        return character
      }
      return iterator.next()
    }
    func endRecord() {
      fields.append(field)
      field = ""
      result.append((recordLine, fields))
      fields = []
    }
    while result.count < limit, let character = nextCharacter() {
      if inQuotes {
        if character == "\"" {
          if let following = nextCharacter() {
            if following == "\"" {
              field.append("\"")
            } else {
              inQuotes = false
              pending = following
            }
          } else {
            inQuotes = false
          }
        } else {
          if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"" where field.isEmpty:
        inQuotes = true
      case delimiter:
        fields.append(field)
        field = ""
      case "\n", "\r\n", "\r":
        endRecord()
        line += 1
        recordLine = line
      default:
        field.append(character)
      }
    }
    if result.count < limit, !field.isEmpty || !fields.isEmpty { endRecord() }
    return result
  }
}
