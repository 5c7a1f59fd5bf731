import Crypto
import Foundation
import Schema
import XLSXReader

/// Recognises and reads history tables (see ``HistoryTable`` and `docs/history-format.md`).
///
/// A file is a history table by its content, never by its name: a text file (CSV or tab-separated) whose header
/// row names the columns 指标代码, 年份, 数值 (or `code`, `year`, `value`), or an XLSX workbook without template
/// metadata whose sheet 历史数据 (else its first sheet) has that header row among its first rows.
///
/// ```swift
/// if HistoryTableReader.detect(fileAt: url) != .notHistoryTable {
///   let table = try HistoryTableReader.read(fileAt: url, schema: schema)
///   print(table.rows.count, table.count(.error))
/// }
/// ```
public enum HistoryTableReader {
  /// What a file looks like.
  public enum Detection: Sendable, Hashable {
    /// A text file: read it as CSV (its header is checked when read).
    case csv
    /// A workbook whose named sheet holds a history header row.
    case xlsx(sheet: String)
    /// Not a history table (a return workbook, or something the return reader should explain).
    case notHistoryTable
  }

  /// The name of the sheet preferred in a workbook.
  public static let preferredSheetName = "历史数据"
  /// The sheet name used in provenance for a CSV file.
  public static let csvSheetName = "CSV"

  /// Looks at a file's content and says whether it is a history table. Never throws: a file that cannot be
  /// read is `notHistoryTable`, and the return reader then explains what is wrong with it.
  public static func detect(fileAt url: URL) -> Detection {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return .notHistoryTable }
    let head = (try? handle.read(upToCount: 4096)) ?? Data()
    try? handle.close()
    switch HistoryText.sniff(head) {
    case .zip:
      guard let document = try? XLSXDocument(contentsOf: url), !isTemplateWorkbook(document),
        let sheet = candidateSheet(document), let grid = try? HistoryGrid(document: document, sheet: sheet),
        HistoryHeader.find(in: grid) != nil
      else { return .notHistoryTable }
      return .xlsx(sheet: sheet.name)
    case .text: return .csv
    case .binary: return .notHistoryTable
    }
  }

  /// Reads a history table and checks every row against the schema.
  ///
  /// Rows with problems become error findings naming the file, the sheet (`CSV` for a text file) and the cell;
  /// the table is still returned so every problem can be listed at once.
  /// - Throws: ``HistoryReadError`` when the file cannot be read, is not text or a workbook, or has no header row.
  public static func read(fileAt url: URL, schema: Schema) throws(HistoryReadError) -> HistoryTable {
    let path = url.path
    let fileName = url.lastPathComponent
    let data: Data
    do {
      let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
      if size > max(HistoryLimits.maximumTextBytes, HistoryLimits.maximumWorkbookBytes) {
        throw HistoryReadError(path: path, kind: .tooLarge, message: HistoryMessages.tooLarge(fileName))
      }
      data = try Data(contentsOf: url)
    } catch let error as HistoryReadError {
      throw error
    } catch {
      throw HistoryReadError(path: path, kind: .io, message: HistoryMessages.cannotOpen(fileName))
    }
    let sha256 = SHA256.hash(data: data).map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()

    var findings: [Finding] = []
    let grid: HistoryGrid
    let format: HistoryTable.Format
    switch HistoryText.sniff(data.prefix(4096)) {
    case .zip:
      let document: XLSXDocument
      do {
        document = try XLSXDocument(contentsOf: url)
      } catch {
        throw HistoryReadError(
          path: path, kind: .unreadable,
          message: BilingualText(zh: error.message(chinese: true), en: error.message(chinese: false)))
      }
      guard let sheet = candidateSheet(document) else {
        throw HistoryReadError(path: path, kind: .notHistoryTable, message: HistoryMessages.noHeader(fileName))
      }
      do {
        grid = try HistoryGrid(document: document, sheet: sheet)
      } catch {
        throw HistoryReadError(
          path: path, kind: .unreadable,
          message: BilingualText(zh: error.message(chinese: true), en: error.message(chinese: false)))
      }
      format = .xlsx(sheet: sheet.name)
    case .binary:
      throw HistoryReadError(path: path, kind: .unreadable, message: HistoryMessages.notText(fileName))
    case .text:
      if data.count > HistoryLimits.maximumTextBytes {
        throw HistoryReadError(path: path, kind: .tooLarge, message: HistoryMessages.tooLarge(fileName))
      }
      guard let decoded = HistoryText.decode(data) else {
        throw HistoryReadError(path: path, kind: .unreadable, message: HistoryMessages.unknownEncoding(fileName))
      }
      if decoded.encoding == HistoryText.gb18030Name {
        findings.append(
          Finding(
            severity: .info, rule: "history.encoding",
            message: BilingualText(
              zh: "\(fileName) 不是 UTF-8 编码，已按 GB18030（GBK）读取；请核对中文是否正确",
              en: "\(fileName) is not UTF-8; read as GB18030 (GBK): check that the Chinese text is right")))
      }
      guard let parsed = HistoryCSV.grid(decoded.text) else {
        throw HistoryReadError(path: path, kind: .notHistoryTable, message: HistoryMessages.noHeader(fileName))
      }
      grid = parsed
      format = .csv(encoding: decoded.encoding)
    }
    guard let header = HistoryHeader.find(in: grid) else {
      throw HistoryReadError(path: path, kind: .notHistoryTable, message: HistoryMessages.noHeader(fileName))
    }
    if grid.rows.count - header.row > HistoryLimits.maximumRows {
      throw HistoryReadError(path: path, kind: .tooLarge, message: HistoryMessages.tooLarge(fileName))
    }
    var interpreter = HistoryRowInterpreter(
      schema: schema, fileName: fileName, sha256: sha256, sheet: grid.sheetName, header: header)
    interpreter.findings = findings
    for row in grid.rows where row.number > header.row {
      interpreter.interpret(row)
    }
    return HistoryTable(
      path: path, fileName: fileName, sha256: sha256, format: format, rows: interpreter.rows,
      findings: interpreter.findings)
  }

  /// Whether a workbook carries nianjian template metadata (then it is a return, not a history table).
  private static func isTemplateWorkbook(_ document: XLSXDocument) -> Bool {
    document.properties.custom(FormLayout.Property.templateID) != nil
      || document.sheet(named: FormLayout.metadataSheet) != nil
  }

  /// The sheet 历史数据 if present, else the first worksheet.
  private static func candidateSheet(_ document: XLSXDocument) -> SheetInfo? {
    if let named = document.sheet(named: preferredSheetName), named.kind == .worksheet { return named }
    return document.sheets.first { $0.kind == .worksheet }
  }
}

/// The messages of history reading, in both languages.
enum HistoryMessages {
  static func cannotOpen(_ file: String) -> BilingualText {
    BilingualText(zh: "无法打开文件 \(file)", en: "cannot open \(file)")
  }

  static func tooLarge(_ file: String) -> BilingualText {
    BilingualText(
      zh: "\(file) 太大，超过历史数据表的安全上限（\(HistoryLimits.maximumRows) 行）",
      en: "\(file) is too large for a history table (limit \(HistoryLimits.maximumRows) rows)")
  }

  static func notText(_ file: String) -> BilingualText {
    BilingualText(zh: "\(file) 不是文本文件，也不是 XLSX 工作簿", en: "\(file) is neither a text file nor an XLSX workbook")
  }

  static func unknownEncoding(_ file: String) -> BilingualText {
    BilingualText(
      zh: "\(file) 的编码无法识别（不是 UTF-8，也不是 GB18030/GBK）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”",
      en: "\(file) is in an unknown encoding (neither UTF-8 nor GB18030/GBK): save it as \"CSV UTF-8\" from Excel")
  }

  static func noHeader(_ file: String) -> BilingualText {
    BilingualText(
      zh: "\(file) 不是历史数据表：前 \(HistoryLimits.headerSearchRows) 行中找不到表头“指标代码, 年份, 数值”"
        + "（或 code, year, value）；如果这是部门报表，请保存为 .xlsx 工作簿",
      en: "\(file) is not a history table: no header row \"code, year, value\" (or its Chinese form) in its first "
        + "\(HistoryLimits.headerSearchRows) rows; if it is a department's return, save it as an .xlsx workbook")
  }
}
