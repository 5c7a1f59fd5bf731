import Foundation
import Schema
import Testing

@testable import NianjianCore

/// `YearbookInput.fromReturns`: a yearbook straight from validated returns, without a store.
@Suite struct YearbookReturnsTests {
  static func provenance(_ file: String, _ cell: String, _ raw: String) -> Provenance {
    Provenance(fileName: file, sha256: YearbookFixture.sha(file), sheet: "表1", cell: cell, rawText: raw)
  }

  static func report(
    _ file: String, department: String, values: [ReportedValue], findings: [Finding] = []
  ) -> ReturnReport {
    ReturnReport(
      path: "/returns/\(file)", fileName: file, sha256: YearbookFixture.sha(file),
      identity: TemplateIdentity(
        templateID: "hexi-\(department)-2024-abc", schemaVersion: "abc", jurisdiction: "hexi", department: department,
        year: 2024),
      identification: .customProperty, values: values, findings: findings)
  }

  static func reports() -> [ReturnReport] {
    let health = report(
      "卫健.xlsx", department: "health",
      values: [
        ReportedValue(
          indicatorCode: "W-HE-02", year: 2024, quantity: .number(85.2),
          provenance: provenance("卫健.xlsx", "E6", "85.2"),
          explanation: "口径调整"),
        ReportedValue(
          indicatorCode: "W-HE-01", year: 2024, quantity: .missing(.blank), provenance: provenance("卫健.xlsx", "E5", "")),
        ReportedValue(
          indicatorCode: "W-HE-01", year: 2023, quantity: .number(9.6), provenance: provenance("卫健.xlsx", "D5", "9.6")),
      ],
      findings: [
        Finding(
          severity: .warning, rule: "history.swing", indicator: "W-HE-02", sheet: "表1", cell: "E6",
          message: BilingualText(zh: "变化较大", en: "large change"), explained: true),
        Finding(severity: .info, rule: "coercion", message: BilingualText(zh: "提示", en: "note")),
      ])
    let education = report(
      "教育.xlsx", department: "education",
      values: [
        ReportedValue(
          indicatorCode: "W-ED-02", year: 2024, quantity: .number(96.5), provenance: provenance("教育.xlsx", "E6", "96.5")
        )
      ])
    let statistics = report(
      "统计.xlsx", department: "statistics",
      values: [
        ReportedValue(
          indicatorCode: "W-ED-02", year: 2024, quantity: .number(95.8),
          provenance: provenance("统计.xlsx", "E9", "95.80"))
      ],
      findings: [
        Finding(
          severity: .warning, rule: "value.range", indicator: "W-ED-02", message: BilingualText(zh: "偏低", en: "low"))
      ])
    let rejected = report(
      "民政.xlsx", department: "civil_affairs",
      values: [
        ReportedValue(
          indicatorCode: "C-WE-01", year: 2024, quantity: .number(-3), provenance: provenance("民政.xlsx", "E5", "-3"))
      ],
      findings: [
        Finding(
          severity: .error, rule: "value.range", indicator: "C-WE-01", message: BilingualText(zh: "负数", en: "negative"))
      ])
    return [statistics, rejected, health, education]
  }

  @Test func submissionsAreNumberedByFileNameWithOutcomesFromFindings() throws {
    let input = YearbookInput.fromReturns(
      schema: try YearbookFixture.schema(), year: 2024, reports: Self.reports()
    ) { "2025-02-01T00:00:00Z+\($0.fileName)" }
    #expect(input.submissions.map(\.fileName) == ["卫健.xlsx", "教育.xlsx", "民政.xlsx", "统计.xlsx"])
    #expect(input.submissions.map(\.id) == [1, 2, 3, 4])
    #expect(input.submissions.map(\.outcome) == [.acceptedWithWarnings, .accepted, .rejected, .acceptedWithWarnings])
    #expect(input.submissions[2].errorCount == 1)
    #expect(input.submissions[0].receivedAt == "2025-02-01T00:00:00Z+卫健.xlsx")
    #expect(input.submissions.allSatisfy { $0.year == 2024 && $0.schemaVersion == "abc" })
  }

  @Test func acceptedValuesKeepProvenanceAndBlanksAndRejectedFilesAreLeftOut() throws {
    let input = YearbookInput.fromReturns(schema: try YearbookFixture.schema(), year: 2024, reports: Self.reports())
    let codes = input.values.map { "\($0.indicatorCode)/\($0.year)" }.sorted()
    #expect(codes == ["W-ED-02/2024", "W-ED-02/2024", "W-HE-01/2023", "W-HE-02/2024"])
    let swing = try #require(input.values.first { $0.indicatorCode == "W-HE-02" })
    #expect(swing.quantity == .number(85.2))
    #expect(swing.department == "health")
    #expect(swing.submissionID == 1)
    #expect(swing.provenance.cell == "E6")
    #expect(swing.explanation == "口径调整")
  }

  @Test func warningsOfAcceptedFilesCarryTheirExplanations() throws {
    let input = YearbookInput.fromReturns(schema: try YearbookFixture.schema(), year: 2024, reports: Self.reports())
    #expect(input.warnings.count == 2)
    let explained = try #require(input.warnings.first { $0.finding.indicator == "W-HE-02" })
    #expect(explained.explanation == "口径调整")
    #expect(!explained.isOutstanding)
    let outstanding = try #require(input.warnings.first { $0.department == "statistics" })
    #expect(outstanding.isOutstanding)
    #expect(outstanding.fileName == "统计.xlsx")
  }

  @Test func disagreeingFilesMakeAConflictAndTheYearbookShowsIt() throws {
    let input = YearbookInput.fromReturns(schema: try YearbookFixture.schema(), year: 2024, reports: Self.reports())
    #expect(input.conflicts.count == 1)
    #expect(input.conflicts.first?.indicatorCode == "W-ED-02")
    #expect(input.conflicts.first?.values.map(\.quantity) == [.number(96.5), .number(95.8)])
    #expect(input.revisions.isEmpty)
    let book = try ReadYearbook(try YearbookScratch.write(input))
    #expect(book.text("妇女发展规划", "I11") == "※ 数据冲突")
    let rejected = try #require(book.rows("报送情况", column: "C", equal: "民政.xlsx").first)
    #expect(book.text("报送情况", "F\(rejected)") == "已退回（有错误）")
  }

  @Test func unidentifiedReturnIsListedAsSuch() throws {
    var unknown = Self.report("乱码.xlsx", department: "x", values: [])
    unknown.identity = nil
    unknown.identification = .unidentified
    unknown.findings = [
      Finding(severity: .error, rule: "structure.unidentified", message: BilingualText(zh: "无法识别", en: "unknown"))
    ]
    let input = YearbookInput.fromReturns(schema: try YearbookFixture.schema(), year: 2024, reports: [unknown])
    #expect(input.submissions.first?.department == "")
    #expect(input.submissions.first?.year == 2024)
    let book = try ReadYearbook(try YearbookScratch.write(input))
    let row = try #require(book.rows("报送情况", column: "C", equal: "乱码.xlsx").first)
    #expect(book.text("报送情况", "A\(row)") == "未识别")
  }

  @Test func valuesAfterTheYearAreNotTaken() throws {
    let input = YearbookInput.fromReturns(schema: try YearbookFixture.schema(), year: 2023, reports: Self.reports())
    #expect(input.values.map(\.year) == [2023])
  }
}
