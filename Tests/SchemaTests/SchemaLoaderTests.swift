import Foundation
import NianjianTestSupport
import Schema
import Testing

@Suite struct SchemaLoaderTests {
  private let valid = TestSupport.fixture("schema/valid")

  @Test func theValidFixtureLoadsWithoutErrorsOrWarnings() throws {
    let (schema, diagnostics) = SchemaLoader.check(directory: valid)
    #expect(schema != nil)
    #expect(diagnostics.filter { $0.severity != .info }.isEmpty, "\(diagnostics)")
    let loaded = try SchemaLoader.load(directory: valid)
    #expect(loaded.jurisdiction.id == "sample")
    #expect(loaded.jurisdiction.formPrefix == "样妇儿监测表")
    #expect(loaded.departments.map(\.id) == ["health", "education", "civil_affairs", "statistics"])
    #expect(loaded.plans.map(\.id) == ["children", "women"])
  }

  @Test func lookupsFindIndicatorsPlansAndDepartments() throws {
    let schema = try SchemaLoader.load(directory: valid)
    let indicator = try #require(schema.indicator(code: "W-HE-01"))
    #expect(indicator.name == "孕产妇死亡率")
    #expect(indicator.unit.kind == .perHundredThousand)
    #expect(indicator.baseline == Baseline(year: 2020, value: 5.2))
    #expect(indicator.targets.map(\.year) == [2025, 2030])
    #expect(indicator.targets[1].expression == .compare(.lessOrEqual, 8))
    #expect(indicator.source?.line == 212)
    #expect(schema.plan(ofIndicator: "C-ED-01")?.id == "children")
    #expect(schema.indicator(code: "X-00") == nil)
    #expect(schema.indicators(department: "education").map(\.code) == ["C-ED-01", "C-ED-02"])
    #expect(schema.indicators(department: "civil_affairs").map(\.code) == ["W-EC-02"])
    #expect(schema.indicators(mainDepartment: "civil_affairs").isEmpty)
    #expect(schema.disaggregationRows(ofGroup: "W-HE-02").map(\.code) == ["W-HE-02a", "W-HE-02b"])
    #expect(schema.rules(involving: "W-HE-02b").map(\.id) == ["W-R-01", "W-R-02"])
    #expect(schema.department(id: "health")?.name == "区卫生健康局")
  }

  @Test func indicatorsCanBeFoundByANormalisedName() throws {
    let schema = try SchemaLoader.load(directory: valid)
    #expect(schema.indicators(named: " 孕产妇 死亡率 ").map(\.code) == ["W-HE-01"])
    #expect(schema.indicators(named: "学前三年毛入园率").map(\.code) == ["C-ED-01"])
    #expect(schema.indicators(named: "").isEmpty)
    #expect(Schema.normalizedName("５岁以下 儿童死亡率（‰）") == "5岁以下儿童死亡率(‰)")
  }

  @Test func defaultsComeFromTheUnitAndTheTargets() throws {
    let schema = try SchemaLoader.load(directory: valid)
    let count = try #require(schema.indicator(code: "W-HE-02a"))
    #expect(count.decimals == 0)
    #expect(count.range == ValueRange(0, nil))
    let qualitative = try #require(schema.indicator(code: "W-EC-02"))
    #expect(qualitative.isQualitative)
    #expect(qualitative.targets.first?.expression == .qualitative)
    let aliased = try #require(schema.indicator(code: "C-ED-01"))
    #expect(aliased.targets.last?.expression == .trend(.increase, yearly: true))
  }

  @Test func theVersionIsTheDigestOfTheYAMLFilesAndIsStable() throws {
    let first = try SchemaLoader.load(directory: valid)
    let second = try SchemaLoader.load(directory: valid)
    #expect(first.version == second.version)
    #expect(first.version.count == 64)
    let names = ["children.yaml", "departments.yaml", "women.yaml"]
    let files = try names.map { ($0, try Data(contentsOf: valid.appendingPathComponent($0))) }
    #expect(SchemaVersion.digest(of: files) == first.version)
    #expect(SchemaVersion.digest(of: files.reversed()) == first.version)
    var edited = files
    edited[0].1.append(contentsOf: Array("\n".utf8))
    #expect(SchemaVersion.digest(of: edited) != first.version)
  }

  /// Each broken fixture (made by `Tests/Fixtures/schema/make_broken.py`) holds one mistake.
  @Test(arguments: [
    ("broken-unknown-key", [("women.yaml", 23, SchemaDiagnostic.Code.missingKey), ("women.yaml", 26, .unknownKey)]),
    ("broken-missing-key", [("women.yaml", 23, .missingKey)]),
    ("broken-wrong-type", [("women.yaml", 27, .wrongType)]),
    ("broken-duplicate-code", [("women.yaml", 23, .duplicateIdentifier)]),
    ("broken-unknown-department", [("women.yaml", 29, .unknownDepartment)]),
    ("broken-unknown-domain", [("women.yaml", 25, .unknownDomain)]),
    ("broken-unknown-group", [("women.yaml", 49, .unknownGroup)]),
    ("broken-unknown-rule-code", [("women.yaml", 56, .unknownRuleCode)]),
    ("broken-bad-expression", [("women.yaml", 33, .badExpression)]),
    ("broken-target-percent", [("women.yaml", 33, .targetOutOfRange)]),
    ("broken-negative-count", [("women.yaml", 43, .targetOutOfRange)]),
    ("broken-baseline-range", [("women.yaml", 30, .baselineOutOfRange)]),
    ("broken-target-year", [("women.yaml", 32, .targetYear)]),
    ("broken-rule-units", [("women.yaml", 53, .ruleUnitMismatch)]),
    ("broken-decimals", [("women.yaml", 15, .decimalsOutOfBounds)]),
    ("broken-unquoted-expression", [("women.yaml", 33, .yamlSyntax)]),
    ("broken-unknown-unit", [("women.yaml", 26, .unknownUnit)]),
    ("broken-duplicate-key", [("women.yaml", 24, .duplicateKey)]),
    ("broken-missing-departments", [("departments.yaml", 0, .missingFile)]),
    (
      "broken-undeclared-department",
      [
        ("women.yaml", 17, .unknownDepartment), ("women.yaml", 29, .unknownDepartment),
        ("women.yaml", 40, .unknownDepartment), ("women.yaml", 48, .unknownDepartment),
      ]
    ),
  ])
  func eachBrokenFixtureReportsItsMistake(folder: String, expected: [(String, Int, SchemaDiagnostic.Code)]) throws {
    let (schema, diagnostics) = SchemaLoader.check(directory: TestSupport.fixture("schema/\(folder)"))
    #expect(schema == nil)
    let errors = diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.file) == expected.map(\.0), "\(errors)")
    #expect(errors.map(\.line) == expected.map(\.1), "\(errors)")
    #expect(errors.map(\.code) == expected.map(\.2), "\(errors)")
    #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(diagnostics)")
    #expect(throws: SchemaError.self) { try SchemaLoader.load(directory: TestSupport.fixture("schema/\(folder)")) }
  }

  @Test func aBadExpressionIsReportedAtItsCharacter() throws {
    let (_, diagnostics) = SchemaLoader.check(directory: TestSupport.fixture("schema/broken-bad-expression"))
    let error = try #require(diagnostics.first { $0.severity == .error })
    // `        expression: ">= 7O"`: the quote is column 21, the letter O is the 5th character inside it.
    #expect(error.column == 26)
    #expect(error.keyPath == "indicators[1].targets[0].expression")
    #expect(error.message.zh.contains("第 5 个字符"))
    #expect(error.formatted().hasPrefix("women.yaml:33:26: 错误："))
    #expect(error.formatted(english: true).hasPrefix("women.yaml:33:26: error: "))
  }

  @Test func aMisspeltKeyGetsASuggestion() throws {
    let (_, diagnostics) = SchemaLoader.check(directory: TestSupport.fixture("schema/broken-unknown-key"))
    let unknown = try #require(diagnostics.first { $0.code == .unknownKey })
    #expect(unknown.message.zh.contains("“unit”"))
    #expect(unknown.keyPath == "indicators[1].unti")
  }

  @Test func aRoundedBaselineIsOnlyAWarning() throws {
    let (schema, diagnostics) = SchemaLoader.check(directory: TestSupport.fixture("schema/warning-precision-loss"))
    #expect(schema != nil)
    let warnings = diagnostics.filter { $0.severity == .warning }
    #expect(warnings.map(\.code) == [.precisionLoss])
    #expect(warnings.map(\.line) == [18])
  }

  @Test func diagnosticsAreSortedByFileThenLine() throws {
    let (_, diagnostics) = SchemaLoader.check(directory: TestSupport.fixture("schema/broken-unknown-key"))
    #expect(diagnostics.map(\.file) == ["departments.yaml", "women.yaml", "women.yaml"])
    #expect(diagnostics.map(\.line) == [2, 23, 26])
  }

  @Test func aFileThatIsNotUTF8IsReported() throws {
    let departments = try Data(contentsOf: TestSupport.fixture("schema/mini/departments.yaml"))
    let gbk = Data([0x70, 0x6C, 0x61, 0x6E, 0x3A, 0x20, 0xC3, 0x28, 0xB5, 0xC4, 0x0A])
    let inspection = SchemaLoader.inspect(
      files: [("departments.yaml", departments), ("women.yaml", gbk)], folderName: "mini")
    #expect(inspection.diagnostics.map(\.code).contains(.unreadableFile))
    #expect(inspection.hasErrors)
  }

  @Test func twoRowsOfAGroupWithOneLabelAreAnError() throws {
    let departments = try Data(contentsOf: TestSupport.fixture("schema/mini/departments.yaml"))
    let extraRow = """
        - code: W-HE-03b
          name: 农村孕产妇死亡人数（重复）
          domain: HE
          unit: 人
          departments: [health]
          disaggregation: {group: W-HE-03, label: 农村}
      rules:

      """
    let plan = try String(contentsOf: TestSupport.fixture("schema/mini/women.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "rules:\n", with: extraRow)
    let inspection = SchemaLoader.inspect(
      files: [("departments.yaml", departments), ("women.yaml", Data(plan.utf8))], folderName: "mini")
    let errors = inspection.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.duplicateIdentifier], "\(inspection.diagnostics)")
    #expect(errors.first?.message.zh.contains("W-HE-03a") == true)
  }

  @Test(arguments: ["93.5%", "0x10", ".nan", "1,000", "９３"])
  func numbersMustBePlainDecimals(text: String) throws {
    let departments = try Data(contentsOf: TestSupport.fixture("schema/mini/departments.yaml"))
    let plan = try String(contentsOf: TestSupport.fixture("schema/mini/women.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "value: 5.2}", with: "value: \"\(text)\"}")
    let inspection = SchemaLoader.inspect(
      files: [("departments.yaml", departments), ("women.yaml", Data(plan.utf8))], folderName: "mini")
    let errors = inspection.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.wrongType], "\(text): \(inspection.diagnostics)")
    #expect(errors.map(\.keyPath) == ["indicators[0].baseline.value"])
  }

  @Test func aMissingFolderIsAnError() {
    let missing = URL(fileURLWithPath: "/nonexistent/nianjian-schema")
    #expect(throws: SchemaError.notADirectory(path: missing.path)) { try SchemaLoader.load(directory: missing) }
    #expect(SchemaLoader.check(directory: missing).diagnostics.map(\.code) == [.missingFile])
  }

  @Test func sourcesAreCheckedAgainstTheSeedText() throws {
    guard let shared = TestSupport.sharedDirectory else { return }
    let seeds = shared.appendingPathComponent("seeds")
    let (_, diagnostics) = SchemaLoader.check(directory: valid, seedsDirectory: seeds)
    let mismatches = diagnostics.filter { $0.code == .sourceMismatch }
    // The fixture's line numbers are made up: each of the four sources in women.yaml (the plan with a seed) is
    // reported; children.yaml has no seed and is not checked.
    #expect(mismatches.map(\.file) == Array(repeating: "women.yaml", count: 4), "\(mismatches)")
    #expect(mismatches.allSatisfy { $0.severity == .warning })
  }

  @Test func rulesCheckValues() throws {
    let schema = try SchemaLoader.load(directory: valid)
    let rules = schema.allRules
    #expect(rules.map(\.id) == ["W-R-01", "W-R-02"])
    #expect(rules[0].isSatisfied(by: ["W-HE-02b": 3, "W-HE-02": 5]) == true)
    #expect(rules[0].isSatisfied(by: ["W-HE-02b": 6, "W-HE-02": 5]) == false)
    #expect(rules[1].isSatisfied(by: ["W-HE-02a": 2, "W-HE-02b": 3, "W-HE-02": 5]) == true)
    #expect(rules[1].isSatisfied(by: ["W-HE-02a": 2, "W-HE-02": 5]) == nil)
  }
}
