import Foundation
import NianjianCore
import Schema
import Testing

@Suite struct ContractTests {
  @Test func templateIDJoinsJurisdictionDepartmentYearAndSchemaVersionPrefix() {
    let id = TemplateIdentity.makeID(
      jurisdiction: "guandu", department: "health", year: 2026, schemaVersion: "0123456789abcdef0123")
    #expect(id == "guandu-health-2026-0123456789ab")
  }

  @Test func bilingualTextFollowsTheChosenLanguage() {
    let text = BilingualText(zh: "错误", en: "error")
    #expect(text.text(.zh) == "错误")
    #expect(text.text(.en) == "error")
  }

  @Test func reportIsAcceptableOnlyWithoutErrors() {
    let warning = Finding(
      severity: .warning, rule: "history.large_change", message: BilingualText(zh: "波动", en: "swing"))
    var report = ReturnReport(
      path: "/tmp/a.xlsx", fileName: "a.xlsx", sha256: "00", identity: nil, identification: .customProperty,
      values: [], findings: [warning])
    #expect(report.isAcceptable)
    report.findings.append(
      Finding(severity: .error, rule: "value.out_of_range", message: BilingualText(zh: "超出", en: "out")))
    #expect(!report.isAcceptable)
    #expect(report.count(.warning) == 1)
  }

  @Test func missingIsNeverANumber() {
    #expect(ReportedQuantity.missing(.notApplicable).number == nil)
    #expect(ReportedQuantity.number(0).number == 0)
  }
}
