import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

/// Shared helpers of the forms tests.
enum FormsSupport {
  /// The sample jurisdiction of the forms tests (`Tests/Fixtures/forms/sample`).
  static func sampleSchema() throws -> Schema {
    try SchemaLoader.load(directory: TestSupport.fixture("forms/sample"))
  }

  /// The real guandu jurisdiction in `Templates/`.
  static func guanduSchema() throws -> Schema {
    try SchemaLoader.load(directory: TestSupport.templatesDirectory.appendingPathComponent("guandu"))
  }

  /// Whether openpyxl is importable (installed by `make deps-python` on CI).
  static var hasOpenpyxl: Bool { TestSupport.pythonHasModules(["openpyxl"]) }

  /// Runs a script of `Tests/Fixtures/forms` and decodes its JSON output.
  static func script(_ name: String, _ arguments: [String]) throws -> [String: Any] {
    let result = try TestSupport.python([TestSupport.fixture("forms/\(name)").path] + arguments)
    guard result.status == 0 else {
      Issue.record("\(name) failed: \(result.stderr)")
      return [:]
    }
    let object = try JSONSerialization.jsonObject(with: result.stdoutData)
    return object as? [String: Any] ?? [:]
  }

  /// The form sheet of a workbook, read whole.
  static func formSheet(_ document: XLSXDocument, language: Language = .zh) throws -> XLSXReader.Worksheet {
    let info = try #require(document.sheet(named: FormLayout.formSheet(language)))
    return try document.readSheet(info)
  }

  /// The header row (1-based) and the 1-based column of each header label prefix.
  static func header(of sheet: XLSXReader.Worksheet) -> (row: Int, columns: [FormLayout.Column: Int])? {
    for cell in sheet.cells {
      guard case .string(let text) = cell.value,
        text == FormLayout.Column.code.rawValue || text == FormLayout.Column.code.englishLabel
      else { continue }
      var columns: [FormLayout.Column: Int] = [:]
      for other in sheet.cells where other.row == cell.row {
        guard case .string(let label) = other.value else { continue }
        for column in FormLayout.Column.allCases
        where (label.hasPrefix(column.rawValue) || label.hasPrefix(column.englishLabel)) && columns[column] == nil {
          if column == .unit && label != column.rawValue && label != column.englishLabel { continue }
          columns[column] = other.column
        }
      }
      return (cell.row, columns)
    }
    return nil
  }

  /// The 1-based row of each indicator code below the header.
  static func rowsByCode(_ sheet: XLSXReader.Worksheet) -> [String: Int] {
    guard let header = header(of: sheet), let codeColumn = header.columns[.code] else { return [:] }
    var rows: [String: Int] = [:]
    for cell in sheet.cells where cell.column == codeColumn && cell.row > header.row {
      if case .string(let code) = cell.value { rows[code] = cell.row }
    }
    return rows
  }

  /// The text of a string cell.
  static func string(_ cell: Cell?) -> String? {
    if case .string(let text) = cell?.value { return text }
    return nil
  }

  /// A finding for the tests.
  static func finding(
    _ severity: Severity, _ rule: String, _ code: String?, cell: String?, value: String?, _ zh: String
  ) -> Finding {
    Finding(
      severity: severity, rule: rule, indicator: code, sheet: "监测数据", cell: cell, value: value,
      message: BilingualText(zh: zh, en: "EN " + zh))
  }

  /// A reported value for the tests.
  static func value(_ code: String, _ quantity: ReportedQuantity, raw: String, cell: String, explanation: String? = nil)
    -> ReportedValue
  {
    ReportedValue(
      indicatorCode: code, year: 2026, quantity: quantity,
      provenance: Provenance(fileName: "卫生健康局.xlsx", sha256: "ab", sheet: "监测数据", cell: cell, rawText: raw),
      explanation: explanation, dataSource: "卫生统计年报")
  }
}
