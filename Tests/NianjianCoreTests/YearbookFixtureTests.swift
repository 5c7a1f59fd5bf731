import Foundation
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@testable import NianjianCore

/// The hand-made yearbook input over the fictional jurisdiction in `Tests/Fixtures/yearbook/schema/hexi`.
///
/// Year 2024, values from 2021: a swing and an off-track indicator (W-HE-02), a year without a value so the
/// judgement falls back to 2023 (W-HE-03), a qualitative text (W-HE-04), declared missing values (W-ED-01,
/// W-ED-02), a conflict (W-ED-02 2024), a revision (C-HE-01 2023), warnings with and without explanations, a
/// rejected file, and a department with indicators that sent nothing in 2024 (civil_affairs).
enum YearbookFixture {
  static let year = 2024

  static func schema() throws -> Schema {
    try SchemaLoader.load(directory: TestSupport.fixture("yearbook/schema/hexi"))
  }

  /// A fake SHA-256 for a file name (64 hex digits, stable).
  static func sha(_ fileName: String) -> String {
    var hash: UInt64 = 1_469_598_103_934_665_603
    for byte in fileName.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
    let part = String(hash, radix: 16)
    let padded = String(repeating: "0", count: 16 - part.count) + part
    return String(repeating: padded, count: 4)
  }

  /// The submission id of a department's file for a year.
  static func submissionID(_ department: String, _ year: Int) -> Int64 {
    let departments = ["health", "education", "statistics", "civil_affairs"]
    return Int64((year - 2020) * 10 + (departments.firstIndex(of: department) ?? 9))
  }

  static func value(
    _ code: String, _ year: Int, _ quantity: ReportedQuantity, _ department: String, row: Int, raw: String? = nil,
    file: String? = nil, submission: Int64? = nil, explanation: String? = nil
  ) -> StoredValue {
    let fileName = file ?? "\(department)-\(year).xlsx"
    let rawText: String
    switch quantity {
    case .number(let number): rawText = raw ?? NumberText.plain(number)
    case .text(let text): rawText = raw ?? text
    case .missing: rawText = raw ?? "—"
    }
    return StoredValue(
      indicatorCode: code, year: year, quantity: quantity, department: department,
      provenance: Provenance(
        fileName: fileName, sha256: sha(fileName), sheet: "表1", cell: "E\(row)", rawText: rawText),
      submissionID: submission ?? submissionID(department, year), schemaVersion: "v1", explanation: explanation)
  }

  /// Numbers for the years from 2021 on (nil skips a year).
  static func series(_ code: String, _ department: String, row: Int, _ numbers: [Double?]) -> [StoredValue] {
    numbers.enumerated().compactMap { offset, number in
      number.map { value(code, 2021 + offset, .number($0), department, row: row) }
    }
  }

  /// The conflicting values of W-ED-02 in 2024.
  static let conflictEducation = value("W-ED-02", 2024, .number(96.5), "education", row: 6)
  static let conflictStatistics = value("W-ED-02", 2024, .number(95.8), "statistics", row: 9, raw: "95.80")
  /// The revised value of C-HE-01 in 2023 (old and new).
  static let revisedOld = value(
    "C-HE-01", 2023, .number(4.2), "health", row: 11, file: "health-2023.xlsx", submission: 31)
  static let revisedNew = value(
    "C-HE-01", 2023, .number(4.1), "health", row: 11, file: "health-2023-v2.xlsx", submission: 35)

  /// Every accepted value.
  static func values() -> [StoredValue] {
    var values: [StoredValue] = []
    values += series("W-HE-01", "health", row: 5, [10.2, 9.8, 9.6, 9.55])
    values += series("W-HE-02", "health", row: 6, [92.5, 93.1, 93.4])
    values.append(value("W-HE-02", 2024, .number(85.2), "health", row: 6, explanation: explainedSwing))
    values += series("W-HE-03", "health", row: 7, [60.5, 62.25, 64.125, nil])
    values.append(value("W-HE-04", 2024, .text("已建立区、街道两级妇幼健康服务网络"), "health", row: 8))
    values += series("W-ED-01", "education", row: 5, [nil, 10.1, 10.3])
    values.append(value("W-ED-01", 2024, .missing(.noData), "education", row: 5, raw: "无"))
    values.append(value("W-ED-02", 2022, .missing(.notApplicable), "education", row: 6, raw: "不适用"))
    values += series("W-ED-02", "education", row: 6, [nil, nil, 94.0])
    values += [conflictEducation, conflictStatistics]
    values += series("C-HE-01", "health", row: 10, [4.4, 4.3])
    values.append(revisedNew)
    values.append(value("C-HE-01", 2024, .number(3.95), "health", row: 10))
    values += series("C-HE-02", "health", row: 12, [12034, 12510, 13001, 13500])
    values += series("C-HE-03", "health", row: 13, [nil, 18.5, 17.0, 16.6])
    values += series("C-WE-01", "civil_affairs", row: 5, [nil, 55, 52])
    values += series("C-WE-02", "statistics", row: 5, [108.2, 107.5, 106.9, 106.1])
    return values
  }

  static func submission(
    _ department: String, file: String? = nil, id: Int64? = nil, outcome: SubmissionOutcome, errors: Int = 0,
    warnings: Int = 0, at time: String
  ) -> Submission {
    let fileName = file ?? "\(department)-2024.xlsx"
    return Submission(
      id: id ?? submissionID(department, 2024), fileName: fileName, sha256: sha(fileName), department: department,
      year: 2024, receivedAt: time, outcome: outcome, errorCount: errors, warningCount: warnings,
      schemaVersion: "v1")
  }

  static func submissions() -> [Submission] {
    [
      submission("health", outcome: .acceptedWithWarnings, warnings: 2, at: "2025-02-10T09:00:00Z"),
      submission(
        "education", file: "education-2024-draft.xlsx", id: 39, outcome: .rejected, errors: 3,
        at: "2025-02-11T09:00:00Z"),
      submission("education", outcome: .accepted, at: "2025-02-12T09:00:00Z"),
      submission("statistics", outcome: .acceptedWithWarnings, warnings: 1, at: "2025-02-13T09:00:00Z"),
    ]
  }

  static let explainedSwing = "2024年起按常住人口口径统计，分母扩大"

  static func warnings() -> [StoredWarning] {
    [
      StoredWarning(
        finding: Finding(
          severity: .warning, rule: "history.swing", indicator: "W-HE-02", sheet: "表1", cell: "E6", value: "85.2",
          message: BilingualText(zh: "与上年相比变化较大", en: "large change from last year"), explained: true),
        department: "health", year: 2024, fileName: "health-2024.xlsx", explanation: explainedSwing),
      StoredWarning(
        finding: Finding(
          severity: .warning, rule: "target.off_track", indicator: "C-HE-03", sheet: "表1", cell: "E13",
          value: "16.6", message: BilingualText(zh: "未达到目标", en: "target not met")),
        department: "health", year: 2024, fileName: "health-2024.xlsx", explanation: nil),
      StoredWarning(
        finding: Finding(
          severity: .warning, rule: "value.range", indicator: "W-ED-02", sheet: "表1", cell: "E9", value: "95.80",
          message: BilingualText(zh: "与教育部门数据不一致", en: "differs from the education bureau")),
        department: "statistics", year: 2024, fileName: "statistics-2024.xlsx", explanation: ""),
    ]
  }

  static func input() throws -> YearbookInput {
    YearbookInput(
      schema: try schema(), year: year, values: values(), submissions: submissions(), warnings: warnings(),
      revisions: [Revision(indicatorCode: "C-HE-01", year: 2023, oldValue: revisedOld, newValue: revisedNew)],
      conflicts: [Conflict(indicatorCode: "W-ED-02", year: 2024, values: [conflictEducation, conflictStatistics])])
  }
}

/// A written yearbook read back with XLSXReader: cells by sheet and A1 reference.
struct ReadYearbook {
  var sheetNames: [String]
  var states: [String: SheetInfo.State]
  var cells: [String: [String: CellValue]]
  var notes: [String: Int] = [:]

  init(_ url: URL) throws {
    let document = try XLSXDocument(contentsOf: url)
    sheetNames = document.sheets.map(\.name)
    states = Dictionary(uniqueKeysWithValues: document.sheets.map { ($0.name, $0.state) })
    cells = [:]
    for sheet in document.sheets {
      let worksheet = try document.readSheet(sheet)
      var byReference: [String: CellValue] = [:]
      for cell in worksheet.cells { byReference[cell.reference] = cell.value }
      cells[sheet.name] = byReference
    }
  }

  func value(_ sheet: String, _ reference: String) -> CellValue? { cells[sheet]?[reference] }

  func text(_ sheet: String, _ reference: String) -> String? {
    if case .string(let text) = value(sheet, reference) { return text }
    return nil
  }

  func number(_ sheet: String, _ reference: String) -> Double? {
    if case .number(let number) = value(sheet, reference) { return number }
    return nil
  }

  /// The 1-based row numbers of a sheet whose column `column` (A, B …) holds `text`.
  func rows(_ sheet: String, column: String, equal text: String) -> [Int] {
    (cells[sheet] ?? [:]).compactMap { reference, value -> Int? in
      guard case .string(let found) = value, found == text, reference.hasPrefix(column),
        let row = Int(reference.dropFirst(column.count))
      else { return nil }
      return row
    }.sorted()
  }
}

/// Writes yearbooks into a scratch folder.
enum YearbookScratch {
  static func write(_ input: YearbookInput, language: Language = .zh, name: String = "年鉴.xlsx") throws -> URL {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook")
    let url = folder.appendingPathComponent(name)
    try YearbookWriter.write(input, to: url, language: language)
    return url
  }
}

@Suite struct YearbookFixtureTests {
  @Test func fixtureSchemaLoadsWithBothPlans() throws {
    let schema = try YearbookFixture.schema()
    #expect(schema.plans.map(\.id) == ["children", "women"])
    #expect(schema.allIndicators.count == 11)
  }
}
