import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing

/// The returns made by `Tests/Fixtures/validate/make_returns.py` against the fixture schema, one mistake per file.
private enum ValidationFixtures {
  static let schemaDirectory = TestSupport.fixture("validate/xiaoyang")

  static let schema: Schema? = try? SchemaLoader.load(directory: schemaDirectory)

  static let isAvailable = schema != nil && TestSupport.pythonHasModules(["openpyxl"])

  /// The folder with every case, made once per test run.
  static let directory: URL? = {
    guard isAvailable, let schema, let directory = try? TestSupport.makeTemporaryDirectory("validate-returns") else {
      return nil
    }
    let script = TestSupport.fixture("validate/make_returns.py").path
    guard let result = try? TestSupport.python([script, directory.path, schema.version]), result.status == 0 else {
      return nil
    }
    return directory
  }()

  static func url(_ name: String) throws -> URL {
    try #require(directory).appendingPathComponent("\(name).xlsx")
  }

  static func report(_ name: String, history: [StoredValue] = [], year: Int? = nil) throws -> ReturnReport {
    let validator = ReturnValidator(schema: try #require(schema), history: history)
    return try validator.validate(fileAt: try url(name), expectedYear: year)
  }

  /// A stored value of an earlier year, for history checks.
  static func stored(_ code: String, _ year: Int, _ value: Double) -> StoredValue {
    StoredValue(
      indicatorCode: code, year: year, quantity: .number(value), department: "health",
      provenance: Provenance(fileName: "\(year).xlsx", sha256: "", sheet: "监测数据", cell: "G5", rawText: "\(value)"),
      submissionID: 1, schemaVersion: "")
  }
}

extension ReturnReport {
  fileprivate func findings(_ rule: String) -> [Finding] { findings.filter { $0.rule == rule } }

  fileprivate func finding(_ rule: String, at cell: String? = nil) -> Finding? {
    findings.first { $0.rule == rule && (cell == nil || $0.cell == cell) }
  }

  fileprivate func value(_ code: String) -> ReportedValue? { values.first { $0.indicatorCode == code } }

  fileprivate var problems: [Finding] { findings.filter { $0.severity != .info } }
}

@Suite(.enabled(if: ValidationFixtures.isAvailable, "needs python3 with openpyxl"))
struct ValidationTests {
  // MARK: - Identification and provenance

  @Test func cleanReturnHasNoErrorsOrWarnings() throws {
    let report = try ValidationFixtures.report("clean", year: 2025)
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(report.identification == .customProperty)
    #expect(report.identity?.department == "health")
    #expect(report.identity?.year == 2025)
    #expect(report.values.count == 6)
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.value("W-HE-05")?.quantity == .text("已健全"))
  }

  @Test func everyValueKeepsItsProvenance() throws {
    let url = try ValidationFixtures.url("clean")
    let report = try ValidationFixtures.report("clean")
    let provenance = try #require(report.value("W-HE-01")?.provenance)
    #expect(provenance.fileName == "clean.xlsx")
    #expect(provenance.sha256 == (try FileDigest.sha256(of: url)))
    #expect(provenance.sha256.count == 64)
    #expect(provenance.sheet == FormLayout.formSheet)
    #expect(provenance.cell == "G5")
    #expect(provenance.rawText == "6.5")
    #expect(report.sha256 == provenance.sha256)
  }

  @Test func metadataSheetIdentifiesWhenPropertiesAreLost() throws {
    let report = try ValidationFixtures.report("metadata_only")
    #expect(report.identification == .metadataSheet)
    #expect(report.identity?.department == "health")
    #expect(report.finding("file.identified_by_metadata_sheet")?.severity == .info)
    #expect(report.problems.isEmpty)
  }

  @Test func retypedReturnIsMatchedByCodeUnderItsHeader() throws {
    let report = try ValidationFixtures.report("retyped_by_code")
    #expect(report.identification == .headerByCode)
    #expect(report.identity?.department == "health")
    #expect(report.identity?.year == 2025)
    #expect(report.identity?.templateID == "")
    let finding = try #require(report.finding("file.identified_by_header"))
    #expect(finding.severity == .warning)
    #expect(finding.sheet == "Sheet1")
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.value("W-HE-02")?.provenance.cell == "G3")
    #expect(report.count(.error) == 0)
  }

  @Test func retypedReturnWithoutCodesIsMatchedByName() throws {
    let report = try ValidationFixtures.report("retyped_by_name")
    #expect(report.identification == .headerByName)
    #expect(report.identity?.department == "health")
    #expect(report.identity?.year == 2025)
    #expect(report.finding("file.identified_by_name")?.message.zh.contains("填报单位") == true)
    #expect(report.values.count == 6)
    #expect(report.value("W-HE-04")?.quantity == .number(3.2))
    #expect(report.value("W-HE-04")?.provenance.cell == "C8")
    #expect(report.count(.error) == 0)
  }

  @Test func aReturnSplitOverSeveralSheetsIsReadWhole() throws {
    let report = try ValidationFixtures.report("split_sheets")
    #expect(report.identification == .headerByCode)
    #expect(report.values.count == 6)
    #expect(report.value("W-HE-01")?.provenance.sheet == "表1")
    #expect(report.value("W-HE-04")?.provenance.sheet == "表2")
    #expect(report.value("W-HE-04")?.provenance.cell == "C3")
    #expect(report.findings("structure.missing_indicator").isEmpty)
  }

  @Test func fileWithoutIdentityOrHeaderIsUnidentified() throws {
    let report = try ValidationFixtures.report("no_identity_no_table")
    #expect(report.identification == .unidentified)
    #expect(report.identity == nil)
    #expect(report.finding("file.unidentified")?.severity == .error)
  }

  // MARK: - What people type

  @Test func numbersStoredAsTextAreReadAndReported() throws {
    let report = try ValidationFixtures.report("text_numbers")
    #expect(report.finding("coerce.text_number", at: "G6")?.severity == .info)
    #expect(report.finding("coerce.whitespace", at: "G7")?.severity == .info)
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.value("W-HE-03")?.quantity == .number(2))
    #expect(report.value("W-HE-03")?.provenance.rawText == " 2 ")
    #expect(report.problems.isEmpty)
  }

  @Test func fullWidthDigitsAreReadAndReported() throws {
    let report = try ValidationFixtures.report("full_width")
    #expect(report.finding("coerce.full_width", at: "G6")?.severity == .info)
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.value("W-HE-02")?.provenance.rawText == "９５．５")
  }

  @Test func thousandsSeparatorsAreRemovedAndReported() throws {
    let report = try ValidationFixtures.report("thousands")
    #expect(report.finding("coerce.thousands_separator", at: "G7") != nil)
    #expect(report.value("W-HE-03")?.quantity == .number(1234))
  }

  @Test func trailingUnitsMatchingTheIndicatorAreAccepted() throws {
    let report = try ValidationFixtures.report("units")
    #expect(report.findings("coerce.unit_suffix").map(\.cell) == ["G6", "G7", "G9"])
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.value("W-HE-03")?.quantity == .number(2))
    #expect(report.value("W-HE-04")?.quantity == .number(3.2))
    #expect(report.problems.isEmpty)
  }

  @Test func aTrailingUnitOfAnotherKindIsAnError() throws {
    let report = try ValidationFixtures.report("unit_mismatch")
    let finding = try #require(report.finding("value.unit_mismatch"))
    #expect(finding.cell == "G9")
    #expect(finding.severity == .error)
    #expect(finding.value == "0.32%")
    #expect(report.value("W-HE-04") == nil)
  }

  @Test func percentFormattedFractionIsReadExactlyAsAPercentage() throws {
    let report = try ValidationFixtures.report("percent_format")
    #expect(report.finding("coerce.percent_format", at: "G6")?.severity == .info)
    // Exactly 95.5: shifted as a decimal, not multiplied in binary floating point.
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.value("W-HE-02")?.provenance.rawText == "0.955")
    #expect(report.problems.isEmpty)
  }

  @Test func aPercentFormatOnAnotherUnitIsAWarningAndTheNumberIsKept() throws {
    let report = try ValidationFixtures.report("percent_format_other_unit")
    #expect(report.finding("value.percent_format_mismatch", at: "G9")?.severity == .warning)
    #expect(report.value("W-HE-04")?.quantity == .number(0.0032))
  }

  @Test func noDataNotApplicableBlankAndZeroStayApart() throws {
    let report = try ValidationFixtures.report("missing_markers")
    #expect(report.value("W-HE-01")?.quantity == .missing(.noData))
    #expect(report.value("W-HE-02")?.quantity == .missing(.notApplicable))
    #expect(report.value("W-HE-03")?.quantity == .missing(.blank))
    #expect(report.value("W-HE-03a")?.quantity == .number(0))
    #expect(report.finding("value.declared_missing", at: "G5")?.severity == .info)
    #expect(report.finding("value.declared_missing", at: "G6")?.severity == .info)
    #expect(report.finding("value.blank", at: "G7")?.severity == .warning)
    #expect(!report.findings.contains { $0.cell == "G8" && $0.severity != .info })
    #expect(report.count(.error) == 0)
  }

  @Test func textInANumericIndicatorIsAnError() throws {
    let report = try ValidationFixtures.report("not_a_number")
    let finding = try #require(report.finding("value.not_a_number"))
    #expect(finding.cell == "G6")
    #expect(finding.sheet == "监测数据")
    #expect(finding.indicator == "W-HE-02")
    #expect(finding.value == "约九成")
    #expect(finding.severity == .error)
  }

  @Test func formulaWithoutCachedValueIsNotCalculatedNeverZero() throws {
    let report = try ValidationFixtures.report("uncalculated")
    let finding = try #require(report.finding("value.uncalculated_formula"))
    #expect(finding.cell == "G7")
    #expect(finding.severity == .error)
    #expect(finding.value == "=G8+1")
    #expect(report.value("W-HE-03") == nil)
  }

  // MARK: - Structure

  @Test func rowsMovedSortedInsertedAndHiddenAreFoundByCode() throws {
    let report = try ValidationFixtures.report("moved_rows")
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(report.value("W-HE-01")?.provenance.cell == "G14")
    #expect(report.value("W-HE-02")?.provenance.cell == "G13")
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
    #expect(report.finding("structure.hidden_row", at: "G13")?.severity == .info)
    #expect(report.values.count == 6)
  }

  @Test func footerLinesAndRepeatedHeadersAreNotRows() throws {
    let report = try ValidationFixtures.report("footer")
    #expect(report.problems.isEmpty, "\(report.problems)")
    #expect(report.values.count == 6)
  }

  @Test func unknownCodesAndDuplicateRowsAreReported() throws {
    let report = try ValidationFixtures.report("unknown_duplicate")
    let unknown = try #require(report.finding("structure.unknown_code"))
    #expect(unknown.cell == "B11")
    #expect(unknown.severity == .warning)
    let duplicate = try #require(report.finding("structure.duplicate_code"))
    #expect(duplicate.cell == "G12")
    #expect(duplicate.severity == .error)
    #expect(report.value("W-HE-02")?.quantity == .number(95.5))
  }

  @Test func aMissingIndicatorRowIsAnError() throws {
    let report = try ValidationFixtures.report("missing_indicator")
    let finding = try #require(report.finding("structure.missing_indicator"))
    #expect(finding.indicator == "W-HE-04")
    #expect(finding.severity == .error)
    #expect(report.findings("structure.missing_indicator").count == 1)
  }

  @Test func aRowOfAnotherDepartmentIsAWarning() throws {
    let report = try ValidationFixtures.report("foreign_row")
    let finding = try #require(report.finding("structure.other_department_row"))
    #expect(finding.indicator == "W-ED-01")
    #expect(finding.cell == "G11")
    #expect(finding.severity == .warning)
    #expect(finding.message.zh.contains("区教育局"))
  }

  @Test func aNumberTurnedIntoADateIsAnError() throws {
    let report = try ValidationFixtures.report("date_typed")
    #expect(report.finding("value.date_not_number", at: "G9")?.severity == .error)
    #expect(report.value("W-HE-04") == nil)
  }

  @Test func rulesAreCompletedByTheSameYearsHistory() throws {
    #expect(try ValidationFixtures.report("without_total").finding("W-R-01") == nil)
    let total = ValidationFixtures.stored("W-HE-03", 2025, 0)
    let report = try ValidationFixtures.report("without_total", history: [total])
    let finding = try #require(report.finding("W-R-01"))
    #expect(finding.indicator == "W-HE-03a")
    #expect(finding.message.zh.contains("W-HE-03=0"))
    #expect(report.finding("structure.missing_indicator")?.indicator == "W-HE-03")
  }

  @Test func anotherDepartmentsTemplateIsAnError() throws {
    let report = try ValidationFixtures.report("wrong_department")
    #expect(report.finding("structure.wrong_department")?.severity == .error)
  }

  @Test func aReturnForAnotherYearIsAnError() throws {
    let report = try ValidationFixtures.report("wrong_year", year: 2025)
    #expect(report.finding("structure.wrong_year")?.severity == .error)
    #expect(try ValidationFixtures.report("wrong_year").finding("structure.wrong_year") == nil)
  }

  @Test func aYearOutsideThePlanIsAnError() throws {
    let report = try ValidationFixtures.report("year_outside_plan")
    #expect(report.finding("structure.year_outside_plan")?.severity == .error)
  }

  @Test func aReturnOfAnotherJurisdictionIsAnError() throws {
    let report = try ValidationFixtures.report("other_jurisdiction")
    #expect(report.finding("structure.other_jurisdiction")?.severity == .error)
  }

  @Test func anOldSchemaVersionIsAWarningAndRowsAreStillChecked() throws {
    let report = try ValidationFixtures.report("old_schema_version")
    #expect(report.finding("structure.old_schema_version")?.severity == .warning)
    #expect(report.values.count == 6)
    #expect(report.count(.error) == 0)
  }

  // MARK: - Values

  @Test func valuesOutOfRangeAndPercentagesOver100AreErrors() throws {
    let report = try ValidationFixtures.report("out_of_range")
    #expect(report.finding("value.out_of_range", at: "G5")?.severity == .error)
    #expect(report.finding("value.percent_over_100", at: "G6")?.severity == .error)
    #expect(report.finding("value.out_of_range", at: "G6") == nil)
  }

  @Test func negativeAndFractionalCountsAreErrors() throws {
    #expect(
      try ValidationFixtures.report("negative_count").finding("value.negative_count", at: "G7")?.severity == .error)
    #expect(try ValidationFixtures.report("not_integer").finding("value.not_integer", at: "G7")?.severity == .error)
  }

  @Test func tooManyDecimalsIsNotedAndNeverRounded() throws {
    let report = try ValidationFixtures.report("too_many_decimals")
    #expect(report.finding("value.too_many_decimals", at: "G9")?.severity == .info)
    #expect(report.value("W-HE-04")?.quantity == .number(3.256))
  }

  @Test func consistencyRuleViolationCarriesTheRegistryRuleID() throws {
    let report = try ValidationFixtures.report("rule_violation")
    let finding = try #require(report.finding("W-R-01"))
    #expect(finding.severity == .error)
    #expect(finding.cell == "G8")
    #expect(finding.indicator == "W-HE-03a")
  }

  // MARK: - History and targets

  static let lastYear = [
    ValidationFixtures.stored("W-HE-01", 2024, 6.8), ValidationFixtures.stored("W-HE-02", 2024, 95.5),
    ValidationFixtures.stored("W-HE-04", 2024, 3.2),
  ]

  @Test func largeChangesNeedAnExplanationAndSmallRatesGetAWideBand() throws {
    let report = try ValidationFixtures.report("history_swing", history: Self.lastYear)
    let unexplained = try #require(report.finding("history.large_change", at: "G6"))
    #expect(unexplained.severity == .warning)
    #expect(!unexplained.explained)
    let explained = try #require(report.finding("history.large_change", at: "G9"))
    #expect(explained.explained)
    #expect(explained.message.zh.contains("口径调整"))
    #expect(report.value("W-HE-04")?.explanation == "今年起按户籍人口统计，口径调整")
    // 6.8 → 15 per 10万 is a handful of deaths in a district: not a swing.
    #expect(report.finding("history.large_change", at: "G5") == nil)
  }

  @Test func aPercentageTypedAsAFractionIsSuspected() throws {
    let report = try ValidationFixtures.report("fraction", history: Self.lastYear)
    #expect(report.finding("value.possible_fraction", at: "G6")?.severity == .warning)
  }

  @Test func aRateTenTimesItsUsualScaleIsSuspected() throws {
    let report = try ValidationFixtures.report("scale", history: Self.lastYear)
    #expect(report.finding("value.scale_suspect", at: "G9")?.severity == .warning)
  }

  @Test func attainmentOfEachTargetIsReportedAsInfo() throws {
    let report = try ValidationFixtures.report("clean")
    let attainment = report.findings("target.attainment")
    #expect(attainment.map(\.indicator) == ["W-HE-01", "W-HE-02", "W-HE-04"])
    #expect(attainment.allSatisfy { $0.severity == .info && $0.message.zh.contains("达标") })
  }

  // MARK: - Files that are not returns

  @Test func unreadableFilesThrowWithTheReadersMessage() throws {
    let schema = try #require(ValidationFixtures.schema)
    let directory = try TestSupport.makeTemporaryDirectory("validate-bad")
    let csv = directory.appendingPathComponent("renamed.xlsx")
    try Data("指标代码,本年数值\nW-HE-01,6.5\n".utf8).write(to: csv)
    let ole = directory.appendingPathComponent("legacy.xlsx")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024)).write(to: ole)
    let validator = ReturnValidator(schema: schema)
    for url in [csv, ole] {
      #expect {
        _ = try validator.validate(fileAt: url)
      } throws: { error in
        guard let error = error as? ReturnReadError else { return false }
        return error.kind == .unreadable && error.message.zh.contains(url.lastPathComponent)
      }
    }
    #expect {
      _ = try validator.validate(fileAt: directory.appendingPathComponent("absent.xlsx"))
    } throws: { error in
      (error as? ReturnReadError)?.kind == .io
    }
  }

  // MARK: - Real tools and real schemas

  @Test(.enabled(if: TestSupport.hasLibreOffice, "needs LibreOffice"))
  func aReturnSavedByLibreOfficeIsReadTheSame() throws {
    let output = try TestSupport.makeTemporaryDirectory("validate-lo")
    let profile = "file:///tmp/lo-\(UUID().uuidString)"
    let result = try TestSupport.run(
      URL(fileURLWithPath: "/usr/bin/soffice"),
      [
        "-env:UserInstallation=\(profile)", "--headless", "--convert-to", "xlsx", "--outdir", output.path,
        try ValidationFixtures.url("clean").path, try ValidationFixtures.url("uncalculated").path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let validator = ReturnValidator(schema: try #require(ValidationFixtures.schema))
    let original = try ValidationFixtures.report("clean")
    let saved = try validator.validate(fileAt: output.appendingPathComponent("clean.xlsx"))
    #expect(saved.problems.isEmpty, "\(saved.problems)")
    #expect(saved.identity == original.identity)
    #expect(saved.values.map(\.quantity) == original.values.map(\.quantity))
    #expect(saved.values.map(\.provenance.cell) == original.values.map(\.provenance.cell))
    // LibreOffice calculated the formula on loading: now there is a value (G8 + 1 = 2).
    let recalculated = try validator.validate(fileAt: output.appendingPathComponent("uncalculated.xlsx"))
    #expect(recalculated.finding("value.uncalculated_formula") == nil)
    #expect(recalculated.value("W-HE-03")?.quantity == .number(2))
  }

  @Test func aReturnOfARealJurisdictionIsReadRowByRow() throws {
    let schema = try SchemaLoader.load(directory: TestSupport.templatesDirectory.appendingPathComponent("guandu"))
    let indicators = schema.indicators(department: "health")
    #expect(!indicators.isEmpty)
    let rows: [[String: Any]] = indicators.map { indicator in
      var value: Any = "已完成"
      if !indicator.isQualitative {
        let low = indicator.range.lowerBound ?? 0
        let high = indicator.range.upperBound ?? low + 100
        value = Int(((low + high) / 2).rounded(.down))
      }
      return ["code": indicator.code, "name": indicator.name, "unit": indicator.unit.symbol, "value": value]
    }
    let spec: [String: Any] = [
      "jurisdiction": "guandu", "department": "health", "department_name": "区卫生健康局", "year": 2025,
      "schema_version": schema.version, "rows": rows,
    ]
    let directory = try TestSupport.makeTemporaryDirectory("validate-guandu")
    let specURL = directory.appendingPathComponent("spec.json")
    try JSONSerialization.data(withJSONObject: spec).write(to: specURL)
    let output = directory.appendingPathComponent("health.xlsx")
    let made = try TestSupport.python([
      TestSupport.fixture("validate/make_returns.py").path, "--spec", specURL.path, output.path,
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let report = try ReturnValidator(schema: schema).validate(fileAt: output, expectedYear: 2025)
    #expect(report.identification == .customProperty)
    #expect(report.values.count == indicators.count)
    let structural = report.findings.filter {
      $0.severity == .error && ($0.rule.hasPrefix("structure.") || $0.rule.hasPrefix("value."))
    }
    #expect(structural.isEmpty, "\(structural)")
  }
}

/// What the department typed above the table (title, 填报单位) against the template's identity, on the committed
/// samples of `Samples/` (returns made from the real 官渡区 templates; see `Samples/README.md`).
@Suite struct ValidationFilledInIdentityTests {
  static let validator: ReturnValidator? = {
    guard
      let schema = try? SchemaLoader.load(directory: TestSupport.templatesDirectory.appendingPathComponent("guandu"))
    else { return nil }
    return ReturnValidator(schema: schema)
  }()

  static func sample(_ folder: String, _ department: String) throws -> URL {
    let directory = TestSupport.packageRoot.appendingPathComponent("Samples/\(folder)")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    let name = try #require(names.first { $0.contains("_\(department)_") })
    return directory.appendingPathComponent(name)
  }

  @Test func aTemplateFilledInByAnotherMemberUnitIsAnError() throws {
    let validator = try #require(Self.validator)
    let report = try validator.validate(fileAt: try Self.sample("2025", "团区委"))
    #expect(report.identity?.department == "science_association")
    let finding = try #require(report.finding("structure.reporting_unit_mismatch"))
    #expect(finding.severity == .error)
    #expect(finding.value == "团区委")
    #expect(finding.message.zh.contains("区科协") && finding.message.en.contains("区科协"))
  }

  @Test func lastYearsTemplateRetitledForThisYearIsAnErrorEvenWithoutTheYearBeingCollected() throws {
    let validator = try #require(Self.validator)
    let report = try validator.validate(fileAt: try Self.sample("2025", "司法局"))
    #expect(report.identity?.year == 2024)
    let finding = try #require(report.finding("structure.title_year_mismatch"))
    #expect(finding.severity == .error)
    #expect(finding.value == "2025")
    #expect(finding.message.en.contains("2024") && finding.message.en.contains("2025"))
  }

  @Test func aTemplateWithItsOwnTitleAndReportingUnitRaisesNeither() throws {
    let validator = try #require(Self.validator)
    let directory = TestSupport.packageRoot.appendingPathComponent("Samples/returns/2024")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".xlsx") }
    #expect(names.count == 30)
    for name in names {
      let report = try validator.validate(fileAt: directory.appendingPathComponent(name), expectedYear: 2024)
      #expect(report.finding("structure.title_year_mismatch") == nil, "\(name)")
      #expect(report.finding("structure.reporting_unit_mismatch") == nil, "\(name)")
    }
  }
}
