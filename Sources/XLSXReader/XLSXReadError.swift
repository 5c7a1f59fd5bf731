/// Why a workbook could not be read, and where: file, part, sheet and cell.
///
/// Every failure of ``XLSXDocument`` and ``WorksheetCellReader`` is an `XLSXReadError`. Its ``kind`` says what
/// went wrong (switch on it); ``message(chinese:)`` gives a one-line sentence for people that names the file,
/// says what the file is and what to do. The ``detail`` is technical (libxml2 or libzip text, the limit that was
/// hit) and never contains cell values from the file.
public struct XLSXReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// The file does not exist.
    case fileNotFound
    /// The file exists but cannot be read (permissions, I/O error).
    case unreadableFile
    /// The file is empty (0 bytes).
    case emptyFile
    /// A legacy Excel 97–2003 workbook (.xls) or a WPS spreadsheet (.et): an OLE/CFB file, not a zip.
    case legacyXLS
    /// A password-protected OOXML workbook (an OLE/CFB file holding `EncryptionInfo` and `EncryptedPackage`),
    /// or a zip whose entries are encrypted.
    case encrypted
    /// An OpenDocument spreadsheet (.ods).
    case openDocument
    /// A binary Excel workbook (.xlsb).
    case binaryWorkbook
    /// A zip archive that is not an Office package (no `[Content_Types].xml`, no workbook).
    case unknownPackage
    /// An Office package that is not a workbook (a Word document or a PowerPoint presentation).
    case notSpreadsheet
    /// An HTML page saved with a spreadsheet extension (typical of "export to Excel" on web sites).
    case htmlRenamed
    /// An Excel 2003 XML spreadsheet (SpreadsheetML 2003).
    case xml2003
    /// A CSV or plain-text file saved with a spreadsheet extension.
    case textRenamed
    /// Some other kind of file, not a zip package.
    case notAZip
    /// A zip whose end is missing (an incomplete download or copy).
    case truncated
    /// A damaged zip (bad headers, checksum mismatch, unsupported compression).
    case corruptZip
    /// Two zip entries with the same part name (compared case-insensitively).
    case duplicateEntry
    /// A part the package names (through a relationship) is absent from the zip.
    case missingPart
    /// A safety limit of ``ReadLimits`` was exceeded (zip bomb, too many cells, entries or bytes).
    case limitExceeded
    /// A part is not well-formed XML.
    case malformedXML
    /// A part carries a document type declaration (`<!DOCTYPE`), refused to rule out entity attacks.
    case documentTypeDeclaration
    /// A cell that cannot be read (a reference beyond the sheet, a shared-string index out of range).
    case invalidCell
    /// The sheet does not belong to this document.
    case unknownSheet
    /// libxml2 or libzip could not allocate what it needed.
    case resourceFailure
  }

  /// Where an error happened; every field is optional.
  public struct Context: Sendable, Equatable {
    /// The file path as given to ``XLSXDocument/init(contentsOf:limits:)``.
    public var file: String
    /// The part inside the package, such as `xl/worksheets/sheet1.xml`.
    public var part: String?
    /// The sheet name.
    public var sheet: String?
    /// The cell reference, such as `B3`.
    public var cell: String?

    /// Creates a context.
    public init(file: String, part: String? = nil, sheet: String? = nil, cell: String? = nil) {
      self.file = file
      self.part = part
      self.sheet = sheet
      self.cell = cell
    }
  }

  /// What went wrong.
  public var kind: Kind
  /// Where it happened.
  public var context: Context
  /// Technical detail (library message, limit name); no cell content.
  public var detail: String?

  /// The file path.
  public var file: String { context.file }
  /// The part, if known.
  public var part: String? { context.part }
  /// The sheet name, if known.
  public var sheet: String? { context.sheet }
  /// The cell reference, if known.
  public var cell: String? { context.cell }

  /// Creates an error.
  public init(_ kind: Kind, _ context: Context, detail: String? = nil) {
    self.kind = kind
    self.context = context
    self.detail = detail
  }

  /// The English message.
  public var description: String { message(chinese: false) }

  /// One line for people: names the file (and sheet, cell, part when known), says what the file is and what to do.
  ///
  /// - Parameter chinese: `true` for Simplified Chinese (the default language of the tool), `false` for English.
  public func message(chinese: Bool) -> String {
    let name = Self.fileName(context.file)
    var location = ""
    if chinese {
      if let sheet = context.sheet { location += "工作表“\(sheet)”" }
      if let cell = context.cell { location += "单元格 \(cell)" }
      if location.isEmpty, let part = context.part { location = "部件 \(part)" }
      let place = location.isEmpty ? "" : "（\(location)）"
      let extra = detail.map { "［\(Self.oneLine($0))］" } ?? ""
      return "无法读取“\(name)”\(place)：\(Self.chineseText(kind))\(extra)"
    } else {
      var parts: [String] = []
      if let sheet = context.sheet { parts.append("sheet \"\(sheet)\"") }
      if let cell = context.cell { parts.append("cell \(cell)") }
      if parts.isEmpty, let part = context.part { parts.append("part \(part)") }
      let place = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
      let extra = detail.map { " [\(Self.oneLine($0))]" } ?? ""
      return "Cannot read \"\(name)\"\(place): \(Self.englishText(kind))\(extra)"
    }
  }

  private static func fileName(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
  }

  private static func oneLine(_ text: String) -> String {
    let flat = String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
    return flat.count > 160 ? String(flat.prefix(160)) + "…" : flat
  }

  private static func chineseText(_ kind: Kind) -> String {
    switch kind {
    case .fileNotFound: return "文件不存在，请检查路径。"
    case .unreadableFile: return "文件无法打开（权限或读写错误），请检查文件权限后重试。"
    case .emptyFile: return "文件是空的（0 字节），请重新导出或索取文件。"
    case .legacyXLS: return "这是旧版 Excel（.xls）或 WPS 表格（.et）文件，请在 Excel/WPS 中另存为 .xlsx 格式。"
    case .encrypted: return "文件设置了打开密码，请在 Excel/WPS 中取消密码后另存为 .xlsx 格式。"
    case .openDocument: return "这是 OpenDocument 表格（.ods），请在 Excel/WPS/LibreOffice 中另存为 .xlsx 格式。"
    case .binaryWorkbook: return "这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 格式。"
    case .unknownPackage: return "这是普通压缩包（zip），不是 .xlsx 工作簿，请解压后提交其中的 .xlsx 文件或另存为 .xlsx 格式。"
    case .notSpreadsheet: return "这是 Word 或 PowerPoint 文件，不是 Excel 工作簿，请提交 .xlsx 表格。"
    case .htmlRenamed: return "这是网页（HTML）文件，只是扩展名改成了表格，请在 Excel/WPS 中打开后另存为 .xlsx 格式。"
    case .xml2003: return "这是 Excel 2003 XML 表格，请在 Excel/WPS 中另存为 .xlsx 格式。"
    case .textRenamed: return "这是 CSV 或纯文本文件，只是扩展名改成了表格，请在 Excel/WPS 中打开后另存为 .xlsx 格式。"
    case .notAZip: return "这不是 .xlsx 工作簿（文件格式无法识别），请在 Excel/WPS 中另存为 .xlsx 格式。"
    case .truncated: return "文件不完整（可能下载或复制中断），请重新获取完整文件。"
    case .corruptZip: return "文件已损坏（压缩包结构错误），请在 Excel/WPS 中打开修复后另存为 .xlsx 格式，或重新获取文件。"
    case .duplicateEntry: return "文件结构异常（压缩包中有重名部件），请在 Excel/WPS 中打开后另存为 .xlsx 格式。"
    case .missingPart: return "文件不完整（工作簿引用的部件缺失），请在 Excel/WPS 中打开后另存为 .xlsx 格式。"
    case .limitExceeded: return "文件超出安全限制（可能是压缩炸弹或异常巨大的表格），已拒绝读取；如确属正常数据，请拆分后再提交。"
    case .malformedXML: return "文件内容已损坏（XML 格式错误），请在 Excel/WPS 中打开后另存为 .xlsx 格式。"
    case .documentTypeDeclaration: return "文件含有不允许的 DOCTYPE 声明（可能是恶意文件），已拒绝读取。"
    case .invalidCell: return "单元格内容无效，请在 Excel/WPS 中打开后另存为 .xlsx 格式。"
    case .unknownSheet: return "工作簿中没有这个工作表。"
    case .resourceFailure: return "内存不足，无法读取，请稍后重试。"
    }
  }

  private static func englishText(_ kind: Kind) -> String {
    switch kind {
    case .fileNotFound: return "the file does not exist; check the path."
    case .unreadableFile: return "the file cannot be opened (permissions or I/O error); check it and try again."
    case .emptyFile: return "the file is empty (0 bytes); export or request it again."
    case .legacyXLS:
      return "this is a legacy Excel (.xls) or WPS (.et) workbook; open it in Excel/WPS and save it as .xlsx."
    case .encrypted:
      return "the workbook is password-protected; remove the password in Excel/WPS and save it as .xlsx."
    case .openDocument: return "this is an OpenDocument spreadsheet (.ods); save it as .xlsx."
    case .binaryWorkbook: return "this is a binary Excel workbook (.xlsb); save it as .xlsx in Excel."
    case .unknownPackage: return "this is a plain zip archive, not an .xlsx workbook; send the .xlsx file itself."
    case .notSpreadsheet: return "this is a Word or PowerPoint file, not a workbook; send the .xlsx workbook."
    case .htmlRenamed:
      return "this is an HTML page renamed to a spreadsheet; open it in Excel/WPS and save it as .xlsx."
    case .xml2003: return "this is an Excel 2003 XML spreadsheet; open it in Excel/WPS and save it as .xlsx."
    case .textRenamed:
      return "this is a CSV or text file renamed to a spreadsheet; open it in Excel/WPS and save it as .xlsx."
    case .notAZip: return "this is not an .xlsx workbook (unknown format); save it as .xlsx in Excel/WPS."
    case .truncated: return "the file is incomplete (interrupted download or copy); get the complete file again."
    case .corruptZip:
      return "the file is damaged (broken zip structure); repair it in Excel/WPS and save it as .xlsx, or get it again."
    case .duplicateEntry:
      return "the package holds two parts with the same name; open it in Excel/WPS and save it as .xlsx."
    case .missingPart: return "a part the workbook refers to is missing; open it in Excel/WPS and save it as .xlsx."
    case .limitExceeded:
      return
        "the file exceeds a safety limit (zip bomb or an abnormally large sheet) and was refused; split it if the data is genuine."
    case .malformedXML: return "the content is damaged (malformed XML); open it in Excel/WPS and save it as .xlsx."
    case .documentTypeDeclaration:
      return "a part carries a forbidden DOCTYPE declaration (possibly malicious); refused."
    case .invalidCell: return "a cell cannot be read; open the file in Excel/WPS and save it as .xlsx."
    case .unknownSheet: return "the workbook has no such sheet."
    case .resourceFailure: return "out of memory; try again later."
    }
  }
}
