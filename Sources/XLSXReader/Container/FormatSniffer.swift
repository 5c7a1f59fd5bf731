import Foundation

/// What the first bytes of a file say it is, before any zip reading.
enum SniffedFormat: Equatable {
  /// A zip archive (`PK\3\4` or an empty `PK\5\6`).
  case zip
  /// Anything else, with the error kind that names it.
  case refused(XLSXReadError.Kind, detail: String?)
}

/// Recognises files that are not XLSX packages by their content, never by their extension.
///
/// - OLE/CFB (`D0 CF 11 E0 A1 B1 1A E1`): an encrypted OOXML package when the directory names the streams
///   `EncryptionInfo` or `EncryptedPackage`, else a legacy .xls or WPS .et workbook.
/// - HTML (`<html`, `<table`, `<!DOCTYPE html` near the start), Excel 2003 XML (`<?xml` with `<Workbook` or
///   `urn:schemas-microsoft-com:office:spreadsheet`), text and CSV (no NUL bytes, mostly printable).
enum FormatSniffer {
  /// How many leading bytes are looked at for text formats.
  static let headLength = 8 * 1024
  /// How many bytes of a CFB file are scanned for stream names (the directory is near the start or the end).
  static let compoundScanLength = 64 << 20

  private static let compoundSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// Classifies the file at `url`.
  static func sniff(_ url: URL) throws(XLSXReadError) -> SniffedFormat {
    let context = XLSXReadError.Context(file: url.path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw XLSXReadError(.fileNotFound, context)
    }
    guard !isDirectory.boolValue else { throw XLSXReadError(.unreadableFile, context, detail: "a directory") }
    let head: [UInt8]
    do {
      let handle = try FileHandle(forReadingFrom: url)
      defer { try? handle.close() }
      head = [UInt8](try handle.read(upToCount: headLength) ?? Data())
    } catch {
      throw XLSXReadError(.unreadableFile, context, detail: "\(type(of: error))")
    }
    if head.isEmpty { return .refused(.emptyFile, detail: nil) }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if head.starts(with: compoundSignature) { return .refused(compoundKind(url), detail: "OLE/CFB container") }
    if head.starts(with: [0x50, 0x4B]) { return .zip }
    return .refused(textKind(head), detail: nil)
  }

  /// Encrypted OOXML or legacy workbook, from the stream names in a CFB file.
  private static func compoundKind(_ url: URL) -> XLSXReadError.Kind {
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return .legacyXLS }
    let scanned = data.count > compoundScanLength ? data.prefix(compoundScanLength) : data[...]
    for name in ["EncryptionInfo", "EncryptedPackage"] {
      let pattern = Data(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
      if scanned.range(of: pattern) != nil { return .encrypted }
    }
    return .legacyXLS
  }

  /// HTML, Excel 2003 XML, text/CSV or unknown, from the first bytes.
  static func textKind(_ head: [UInt8]) -> XLSXReadError.Kind {
    var bytes = head[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      // UTF-16 text: keep every other byte to look for markup.
      let start = bytes.startIndex + 2
      bytes = ArraySlice(
        stride(from: start + (bytes.starts(with: [0xFF, 0xFE]) ? 0 : 1), to: bytes.endIndex, by: 2).map { head[$0] })
      return markupKind(bytes) ?? .textRenamed
    }
    if let kind = markupKind(bytes) { return kind }
    // A PDF starts with a line of text but is no table: unrecognised, not "a CSV renamed".
    if bytes.starts(with: Array("%PDF-".utf8)) { return .notAZip }
    var printable = 0
    for byte in bytes {
      if byte == 0 { return .notAZip }
      if byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { printable += 1 }
    }
    return printable * 100 >= bytes.count * 95 ? .textRenamed : .notAZip
  }

  private static func markupKind(_ bytes: ArraySlice<UInt8>) -> XLSXReadError.Kind? {
    let text = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
    let trimmed = text.drop { $0.isWhitespace }
    guard trimmed.hasPrefix("<") else { return nil }
    if text.contains("urn:schemas-microsoft-com:office:spreadsheet") || text.contains("<workbook") {
      return .xml2003
    }
    if text.contains("<html") || text.contains("<table") || text.contains("<!doctype html") || text.contains("<meta")
      || text.contains("<body")
    {
      return .htmlRenamed
    }
    return .notAZip
  }
}
