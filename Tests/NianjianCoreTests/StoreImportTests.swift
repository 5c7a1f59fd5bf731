import Foundation
@_spi(Testing) import NianjianCore
import NianjianTestSupport
import Schema
import Testing

/// Builds reports by hand (no validator) and opens scratch stores.
enum StoreFixture {
  static let schemaVersion = String(repeating: "ab", count: 32)
  static let receivedAt = Date(timeIntervalSince1970: 1_740_818_400)  // 2025-03-01T08:40:00Z

  static func newStore() throws -> (SQLiteStore, URL) {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-store")
    let path = folder.appendingPathComponent("nianjian.sqlite").path
    return (try SQLiteStore(path: path), folder)
  }

  static var schemaFolder: URL { TestSupport.fixture("store/schema/teststore") }

  static func schema() throws -> Schema { try SchemaLoader.load(directory: schemaFolder) }

  /// A SHA-256-looking digest unique to `name`.
  static func digest(_ name: String) -> String {
    var hex = ""
    for byte in Array(name.utf8) { hex += String(format: "%02x", byte) }
    return String((hex + String(repeating: "0", count: 64)).prefix(64))
  }

  static func value(
    _ code: String, _ quantity: ReportedQuantity, year: Int = 2025, file: String, cell: String = "G5",
    raw: String? = nil, explanation: String? = nil
  ) -> ReportedValue {
    let rawText: String
    switch quantity {
    case .number(let n): rawText = raw ?? NumberText.plain(n)
    case .text(let t): rawText = raw ?? t
    case .missing: rawText = raw ?? ""
    }
    return ReportedValue(
      indicatorCode: code, year: year, quantity: quantity,
      provenance: Provenance(fileName: file, sha256: digest(file), sheet: "监测数据", cell: cell, rawText: rawText),
      explanation: explanation)
  }

  static func report(
    _ file: String, department: String, year: Int = 2025, values: [ReportedValue], findings: [Finding] = []
  ) -> ReturnReport {
    ReturnReport(
      path: "/returns/\(file)", fileName: file, sha256: digest(file),
      identity: TemplateIdentity(
        templateID: TemplateIdentity.makeID(
          jurisdiction: "teststore", department: department, year: year, schemaVersion: schemaVersion),
        schemaVersion: schemaVersion, jurisdiction: "teststore", department: department, year: year),
      identification: .customProperty, values: values, findings: findings)
  }

  static func warning(_ code: String, explained: Bool = false) -> Finding {
    Finding(
      severity: .warning, rule: "history.swing", indicator: code, sheet: "监测数据", cell: "G5", value: "60",
      message: BilingualText(zh: "与上年相比变化过大", en: "large change from last year"), explained: explained)
  }

  static func error(_ code: String) -> Finding {
    Finding(
      severity: .error, rule: "value.range", indicator: code, sheet: "监测数据", cell: "G5", value: "120",
      message: BilingualText(zh: "超出合理范围", en: "out of range"))
  }
}

@Suite struct StoreImportTests {
  @Test func cleanReturnIsAcceptedWithValuesAndProvenance() throws {
    let (store, _) = try StoreFixture.newStore()
    let report = StoreFixture.report(
      "卫生健康局.xlsx", department: "health",
      values: [
        StoreFixture.value("T-HE-01", .number(96.25), file: "卫生健康局.xlsx", cell: "G5", raw: "96.25"),
        StoreFixture.value("T-HE-02", .missing(.noData), file: "卫生健康局.xlsx", cell: "G6", raw: "—"),
      ])
    let result = try store.importReturn(
      report, schemaVersion: StoreFixture.schemaVersion, receivedAt: StoreFixture.receivedAt)
    #expect(result.outcome == .accepted)
    #expect(result.newValues == 2)
    #expect(result.revisions == 0 && result.conflicts == 0)

    let values = try store.acceptedValues(through: 2025)
    #expect(values.count == 2)
    let first = try #require(values.first)
    #expect(first.indicatorCode == "T-HE-01")
    #expect(first.quantity == .number(96.25))
    #expect(first.department == "health")
    #expect(first.provenance.fileName == "卫生健康局.xlsx")
    #expect(first.provenance.sha256 == StoreFixture.digest("卫生健康局.xlsx"))
    #expect(first.provenance.sheet == "监测数据" && first.provenance.cell == "G5" && first.provenance.rawText == "96.25")
    #expect(first.schemaVersion == StoreFixture.schemaVersion)
    #expect(first.submissionID == result.submissionID)
    #expect(values[1].quantity == .missing(.noData))
    #expect(values[1].provenance.rawText == "—")

    let submissions = try store.submissions(year: 2025)
    #expect(submissions.count == 1)
    #expect(submissions[0].fileName == "卫生健康局.xlsx")
    #expect(submissions[0].department == "health")
    #expect(submissions[0].outcome == .accepted)
    #expect(submissions[0].receivedAt == "2025-03-01T08:40:00Z")
    #expect(submissions[0].schemaVersion == StoreFixture.schemaVersion)
    #expect(try store.submission(id: try #require(result.submissionID)) == submissions[0])
  }

  @Test func numbersTextsAndMissingValuesComeBackExactly() throws {
    let (store, _) = try StoreFixture.newStore()
    let numbers: [Double] = [
      0.1 + 0.2, 93.5, 1e-300, 123_456_789.123_456_78, 9_007_199_254_740_992, -0.0, 0, Double.leastNonzeroMagnitude,
      1.797_693_134_862_315_7e308,
    ]
    var values = numbers.enumerated().map { index, number in
      StoreFixture.value("T-HE-01", .number(number), year: 2000 + index, file: "a.xlsx")
    }
    values.append(StoreFixture.value("T-HE-03", .text("已建立 “一站式” 服务；\n覆盖 100%"), file: "a.xlsx"))
    values.append(StoreFixture.value("T-HE-02", .missing(.notApplicable), file: "a.xlsx", raw: "不适用"))
    values.append(StoreFixture.value("T-ED-01", .missing(.blank), file: "a.xlsx"))
    values.append(StoreFixture.value("T-ED-02", .number(0), file: "a.xlsx"))
    _ = try store.importReturn(
      StoreFixture.report("a.xlsx", department: "health", values: values), schemaVersion: "v",
      receivedAt: StoreFixture.receivedAt)
    let stored = try store.acceptedValues(through: 2100)
    for (index, number) in numbers.enumerated() {
      let value = try #require(stored.first { $0.indicatorCode == "T-HE-01" && $0.year == 2000 + index })
      let readBack = try #require(value.quantity.number)
      #expect(readBack == number, "\(number)")
      if number != 0 { #expect(readBack.bitPattern == number.bitPattern, "\(number)") }
    }
    #expect(stored.first { $0.indicatorCode == "T-HE-03" }?.quantity == .text("已建立 “一站式” 服务；\n覆盖 100%"))
    #expect(stored.first { $0.indicatorCode == "T-HE-02" }?.quantity == .missing(.notApplicable))
    #expect(stored.first { $0.indicatorCode == "T-ED-01" }?.quantity == .missing(.blank))
    #expect(stored.first { $0.indicatorCode == "T-ED-02" }?.quantity == .number(0))
  }

  @Test func reimportingTheSameFileChangesNothingAndSaysSo() throws {
    let (store, _) = try StoreFixture.newStore()
    let report = StoreFixture.report(
      "卫生健康局.xlsx", department: "health",
      values: [StoreFixture.value("T-HE-01", .number(96.25), file: "卫生健康局.xlsx")])
    let first = try store.importReturn(report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let again = try store.importReturn(
      report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt.addingTimeInterval(60))
    #expect(again.outcome == .alreadyImported)
    #expect(again.submissionID == first.submissionID)
    #expect(again.newValues == 0 && again.revisions == 0 && again.conflicts == 0)
    #expect(try store.submissions(year: 2025).count == 1)
    #expect(try store.acceptedValues(through: 2025).count == 1)
  }

  @Test func rejectedReturnKeepsOnlyTheSubmissionRecord() throws {
    let (store, _) = try StoreFixture.newStore()
    let report = StoreFixture.report(
      "教育局.xlsx", department: "education",
      values: [StoreFixture.value("T-ED-01", .number(120), file: "教育局.xlsx")],
      findings: [StoreFixture.error("T-ED-01"), StoreFixture.warning("T-ED-01")])
    let result = try store.importReturn(report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(result.outcome == .rejected)
    #expect(result.newValues == 0)
    #expect(try store.acceptedValues(through: 2025).isEmpty)
    let submission = try #require(try store.submissions(year: 2025).first)
    #expect(submission.outcome == .rejected)
    #expect(submission.errorCount == 1 && submission.warningCount == 1)
    #expect(try store.warnings(year: 2025).isEmpty)
    // The same rejected file again, same schema: nothing changes.
    #expect(
      try store.importReturn(report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt).outcome
        == .alreadyImported)
    // Under a new schema version it is checked and recorded again.
    #expect(
      try store.importReturn(report, schemaVersion: "v2", receivedAt: StoreFixture.receivedAt).outcome == .rejected)
    #expect(try store.submissions(year: 2025).count == 2)
  }

  @Test func resubmissionThatChangesAValueIsARevisionKeepingBothFiles() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "卫生健康局.xlsx", department: "health",
        values: [
          StoreFixture.value("T-HE-01", .number(96.25), file: "卫生健康局.xlsx"),
          StoreFixture.value("T-HE-02", .number(7.5), file: "卫生健康局.xlsx", cell: "G6"),
        ]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let second = try store.importReturn(
      StoreFixture.report(
        "卫生健康局（修改）.xlsx", department: "health",
        values: [
          StoreFixture.value("T-HE-01", .number(97), file: "卫生健康局（修改）.xlsx"),
          StoreFixture.value("T-HE-02", .number(7.5), file: "卫生健康局（修改）.xlsx", cell: "G6"),
        ]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(second.outcome == .accepted)
    #expect(second.revisions == 1)
    #expect(second.newValues == 0)
    #expect(second.conflicts == 0)

    let revisions = try store.revisions(through: 2025)
    #expect(revisions.count == 1)
    let revision = try #require(revisions.first)
    #expect(revision.indicatorCode == "T-HE-01" && revision.year == 2025)
    #expect(revision.oldValue.quantity == .number(96.25))
    #expect(revision.oldValue.provenance.fileName == "卫生健康局.xlsx")
    #expect(revision.newValue.quantity == .number(97))
    #expect(revision.newValue.provenance.fileName == "卫生健康局（修改）.xlsx")

    let current = try store.acceptedValues(through: 2025)
    #expect(current.count == 2)
    #expect(current.first { $0.indicatorCode == "T-HE-01" }?.quantity == .number(97))
    #expect(try store.conflicts(through: 2025).isEmpty)
    #expect(try store.submissions(year: 2025).map(\.fileName) == ["卫生健康局.xlsx", "卫生健康局（修改）.xlsx"])
  }

  @Test func blankCellNeverWithdrawsAValueButDeclaredMissingRevisesIt() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "r1.xlsx", department: "health",
        values: [
          StoreFixture.value("T-HE-01", .number(96.25), file: "r1.xlsx"),
          StoreFixture.value("T-HE-02", .number(7.5), file: "r1.xlsx"),
        ]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let second = try store.importReturn(
      StoreFixture.report(
        "r2.xlsx", department: "health",
        values: [
          StoreFixture.value("T-HE-01", .missing(.blank), file: "r2.xlsx"),
          StoreFixture.value("T-HE-02", .missing(.noData), file: "r2.xlsx", raw: "—"),
        ]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(second.revisions == 1)
    let current = try store.acceptedValues(through: 2025)
    #expect(current.first { $0.indicatorCode == "T-HE-01" }?.quantity == .number(96.25))
    #expect(current.first { $0.indicatorCode == "T-HE-02" }?.quantity == .missing(.noData))
  }

  @Test func differentDepartmentsThatDisagreeAreAConflictWithBothValuesKept() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "卫生健康局.xlsx", department: "health",
        values: [StoreFixture.value("T-HE-02", .number(7.5), file: "卫生健康局.xlsx")]),
      schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let second = try store.importReturn(
      StoreFixture.report(
        "民政局.xlsx", department: "civil_affairs",
        values: [StoreFixture.value("T-HE-02", .number(8.1), file: "民政局.xlsx")]),
      schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(second.outcome == .accepted)
    #expect(second.conflicts == 1)
    #expect(second.revisions == 0)

    let conflicts = try store.conflicts(through: 2025)
    #expect(conflicts.count == 1)
    #expect(conflicts[0].indicatorCode == "T-HE-02" && conflicts[0].year == 2025)
    #expect(conflicts[0].values.map(\.department) == ["health", "civil_affairs"])
    #expect(conflicts[0].values.map(\.quantity) == [.number(7.5), .number(8.1)])
    let values = try store.acceptedValues(through: 2025).filter { $0.indicatorCode == "T-HE-02" }
    #expect(values.count == 2)
    #expect(try store.revisions(through: 2025).isEmpty)

    // The health department corrects its value to agree: no conflict any more (nothing was guessed).
    _ = try store.importReturn(
      StoreFixture.report(
        "卫生健康局-2.xlsx", department: "health",
        values: [StoreFixture.value("T-HE-02", .number(8.1), file: "卫生健康局-2.xlsx")]),
      schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(try store.conflicts(through: 2025).isEmpty)
    #expect(try store.revisions(through: 2025).count == 1)
  }

  @Test func agreeingOrMissingValuesFromAnotherDepartmentAreNoConflict() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "卫生健康局.xlsx", department: "health",
        values: [
          StoreFixture.value("T-HE-02", .number(7.5), file: "卫生健康局.xlsx"),
          StoreFixture.value("T-HE-01", .number(96), file: "卫生健康局.xlsx"),
        ]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let second = try store.importReturn(
      StoreFixture.report(
        "民政局.xlsx", department: "civil_affairs",
        values: [
          StoreFixture.value("T-HE-02", .missing(.blank), file: "民政局.xlsx"),
          StoreFixture.value("T-HE-01", .number(96.0), file: "民政局.xlsx", raw: "96.00"),
        ]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(second.conflicts == 0)
    #expect(try store.conflicts(through: 2025).isEmpty)
    // The given value comes first, so values(ofYear:) never hides it behind a blank.
    #expect(try store.values(ofYear: 2025)["T-HE-02"]?.quantity == .number(7.5))
  }

  @Test func warningsStayOutstandingUntilAResubmissionExplainsThem() throws {
    let (store, _) = try StoreFixture.newStore()
    let first = try store.importReturn(
      StoreFixture.report(
        "r1.xlsx", department: "health",
        values: [StoreFixture.value("T-HE-01", .number(60), file: "r1.xlsx")],
        findings: [StoreFixture.warning("T-HE-01")]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(first.outcome == .acceptedWithWarnings)
    var warnings = try store.warnings(year: 2025)
    #expect(warnings.count == 1)
    #expect(warnings[0].isOutstanding)
    #expect(warnings[0].fileName == "r1.xlsx" && warnings[0].department == "health")
    #expect(try store.acceptedValues(through: 2025).first?.quantity == .number(60))

    _ = try store.importReturn(
      StoreFixture.report(
        "r2.xlsx", department: "health",
        values: [StoreFixture.value("T-HE-01", .number(60), file: "r2.xlsx", explanation: "统计口径调整，含流动人口")],
        findings: [StoreFixture.warning("T-HE-01", explained: true)]), schemaVersion: "v",
      receivedAt: StoreFixture.receivedAt)
    warnings = try store.warnings(year: 2025)
    #expect(warnings.count == 1)
    #expect(!warnings[0].isOutstanding)
    #expect(warnings[0].explanation == "统计口径调整，含流动人口")
    #expect(warnings[0].fileName == "r2.xlsx")
    #expect(try store.acceptedValues(through: 2025).first?.explanation == "统计口径调整，含流动人口")
  }

  @Test func explanationInTheSameReturnExplainsItsWarning() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "r1.xlsx", department: "health",
        values: [StoreFixture.value("T-HE-01", .number(60), file: "r1.xlsx", explanation: "新建院区投入使用")],
        findings: [StoreFixture.warning("T-HE-01", explained: true)]), schemaVersion: "v",
      receivedAt: StoreFixture.receivedAt)
    let warnings = try store.warnings(year: 2025)
    #expect(warnings.map(\.explanation) == ["新建院区投入使用"])
  }

  @Test func acceptableReturnWithoutIdentityIsRefused() throws {
    let (store, _) = try StoreFixture.newStore()
    var report = StoreFixture.report(
      "x.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(1), file: "x.xlsx")])
    report.identity = nil
    #expect(throws: StoreError.self) {
      try store.importReturn(report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    }
    report.findings = [StoreFixture.error("T-HE-01")]
    #expect(
      try store.importReturn(report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt).outcome == .rejected)
    #expect(try store.submissions(year: 2025).first?.department == "")
  }

  @Test func returnWithTwoDifferentValuesForOneIndicatorIsRefusedWhole() throws {
    let (store, _) = try StoreFixture.newStore()
    let report = StoreFixture.report(
      "x.xlsx", department: "health",
      values: [
        StoreFixture.value("T-HE-02", .number(1), file: "x.xlsx"),
        StoreFixture.value("T-HE-01", .number(1), file: "x.xlsx"),
        StoreFixture.value("T-HE-01", .number(2), file: "x.xlsx"),
      ])
    #expect(throws: StoreError.self) {
      try store.importReturn(report, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    }
    #expect(try store.submissions(year: 2025).isEmpty)
    #expect(try store.acceptedValues(through: 2025).isEmpty)
  }
}
