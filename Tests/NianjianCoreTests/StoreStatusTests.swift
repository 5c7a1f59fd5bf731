import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing

@Suite struct StoreStatusTests {
  @Test func aReturnOnAnotherUnitsTemplateIsNotChargedToThatUnit() throws {
    let schema = try StoreFixture.schema()
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "卫生健康局.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(96), file: "卫生健康局.xlsx")]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    // Another unit filled in health's template (填报单位 says so): rejected, and health's own return stays accepted.
    let mismatch = Finding(
      severity: .error, rule: RuleID.structureReportingUnitMismatch, indicator: nil, sheet: "监测数据", cell: nil,
      value: nil, message: BilingualText(zh: "填报单位不符", en: "reporting unit differs"))
    let result = try store.importReturn(
      StoreFixture.report(
        "团区委.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(50), file: "团区委.xlsx")],
        findings: [mismatch]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    #expect(result.outcome == .rejected)
    let status = try store.status(year: 2025, schema: schema)
    let health = try #require(status.departments.first { $0.department.id == "health" })
    #expect(health.state == .accepted)
    #expect(health.current?.fileName == "卫生健康局.xlsx")
    // The rejection is still on record (with no department), and no value changed.
    let rejected = try #require(try store.submissions(year: 2025).first { $0.fileName == "团区委.xlsx" })
    #expect(rejected.outcome == .rejected)
    #expect(rejected.department == "")
    #expect(try store.acceptedValues(through: 2025).map(\.quantity) == [.number(96)])
  }

  @Test func statusListsEveryExpectedDepartmentWithItsState() throws {
    let schema = try StoreFixture.schema()
    let (store, _) = try StoreFixture.newStore()
    // health: accepted clean.
    _ = try store.importReturn(
      StoreFixture.report(
        "卫生健康局.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(96), file: "卫生健康局.xlsx")]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    // education: rejected with two errors.
    _ = try store.importReturn(
      StoreFixture.report(
        "教育局.xlsx", department: "education", values: [],
        findings: [StoreFixture.error("T-ED-01"), StoreFixture.error("T-ED-02")]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    // civil affairs: accepted with one open and one explained warning.
    _ = try store.importReturn(
      StoreFixture.report(
        "民政局.xlsx", department: "civil_affairs",
        values: [StoreFixture.value("T-HE-02", .number(9), file: "民政局.xlsx", explanation: "统计口径变化")],
        findings: [StoreFixture.warning("T-HE-03"), StoreFixture.warning("T-HE-02", explained: true)]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    // A history table is not a department's return.
    _ = try store.importReturn(
      StoreFixture.report(
        "历史.csv", department: HistoryTable.department,
        values: [StoreFixture.value("T-HE-01", .number(95), file: "历史.csv")]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)

    let status = try store.status(year: 2025, schema: schema)
    // statistics reports no indicator: not expected, not listed.
    #expect(status.departments.map(\.department.id) == ["health", "education", "civil_affairs"])
    #expect(status.departments.map(\.state) == [.accepted, .rejected, .acceptedWithOpenWarnings])
    #expect(status.departments[1].errorCount == 2)
    #expect(status.departments[2].openWarnings == 1)
    #expect(status.departments[2].explainedWarnings == 1)
    #expect(status.departments[0].current?.fileName == "卫生健康局.xlsx")
    #expect(status.count(.notReceived) == 0)

    let empty = try store.status(year: 2026, schema: schema)
    #expect(empty.departments.allSatisfy { $0.state == .notReceived && $0.latest == nil })
  }

  @Test func acceptedReturnStaysInForceWhenAResubmissionIsRejected() throws {
    let schema = try StoreFixture.schema()
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "r1.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(96), file: "r1.xlsx")]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    _ = try store.importReturn(
      StoreFixture.report(
        "r2.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(160), file: "r2.xlsx")],
        findings: [StoreFixture.error("T-HE-01")]),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    let health = try #require(try store.status(year: 2025, schema: schema).departments.first)
    #expect(health.state == .accepted)
    #expect(health.hasRejectedResubmission)
    #expect(health.errorCount == 1)
    #expect(health.submissionCount == 2)
    #expect(health.current?.fileName == "r1.xlsx")
    #expect(health.latest?.fileName == "r2.xlsx")
    #expect(try store.acceptedValues(through: 2025).map(\.quantity) == [.number(96)])
  }

  @Test func departmentOutsideTheSchemaThatSentAFileIsListedAsNotExpected() throws {
    let schema = try StoreFixture.schema()
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report("x.xlsx", department: "women_federation", values: []),
      schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    let status = try store.status(year: 2025, schema: schema)
    let extra = try #require(status.departments.last)
    #expect(extra.department.id == "women_federation")
    #expect(!extra.isExpected)
    #expect(extra.state == .accepted)
  }

  @Test func statusListsTheYearsConflicts() throws {
    let schema = try StoreFixture.schema()
    let (store, _) = try StoreFixture.newStore()
    for (file, department, value) in [("卫生健康局.xlsx", "health", 7.5), ("民政局.xlsx", "civil_affairs", 8.1)] {
      _ = try store.importReturn(
        StoreFixture.report(
          file, department: department, values: [StoreFixture.value("T-HE-02", .number(value), file: file)]),
        schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    }
    let status = try store.status(year: 2025, schema: schema)
    #expect(status.conflicts.map(\.indicatorCode) == ["T-HE-02"])
    #expect(try store.status(year: 2026, schema: schema).conflicts.isEmpty)
  }
}
