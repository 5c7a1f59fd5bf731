import Foundation
import NianjianTestSupport
import Testing

/// Returns for the command-line tests, made once by `Tests/Fixtures/validate/make_returns.py`.
enum ValidateCLIFixtures {
  static let schemaDirectory = TestSupport.fixture("validate/xiaoyang")

  static let isAvailable = TestSupport.pythonHasModules(["openpyxl"])

  /// The fixture schema's version, as `schema export` prints it.
  static let schemaVersion: String? = {
    guard let result = try? TestSupport.nianjian(["schema", "export", "--schema", schemaDirectory.path]),
      result.status == 0,
      let object = try? JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
    else { return nil }
    return object["schema_version"] as? String
  }()

  static let directory: URL? = {
    guard isAvailable, let schemaVersion, let directory = try? TestSupport.makeTemporaryDirectory("validate-cli")
    else { return nil }
    let script = TestSupport.fixture("validate/make_returns.py").path
    guard let result = try? TestSupport.python([script, directory.path, schemaVersion]), result.status == 0 else {
      return nil
    }
    return directory
  }()

  static func path(_ name: String) throws -> String {
    try #require(directory).appendingPathComponent("\(name).xlsx").path
  }

  static func validate(_ arguments: [String], in folder: URL? = nil) throws -> TestSupport.ProcessResult {
    try TestSupport.nianjian(["validate", "--schema", schemaDirectory.path] + arguments, in: folder)
  }

  static func json(_ result: TestSupport.ProcessResult) throws -> [[String: Any]] {
    try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
  }
}

@Suite(.enabled(if: ValidateCLIFixtures.isAvailable, "needs python3 with openpyxl"))
struct ValidateCLITests {
  typealias Fixtures = ValidateCLIFixtures

  @Test func aCleanReturnExitsZero() throws {
    let result = try Fixtures.validate([try Fixtures.path("clean"), "--year", "2025"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("审核通过"))
    #expect(result.stdout.contains("区卫生健康局"))
  }

  @Test func warningsOnlyExitOne() throws {
    let result = try Fixtures.validate([try Fixtures.path("missing_markers")])
    #expect(result.status == 1)
    #expect(result.stdout.contains("警告"))
    #expect(result.stdout.contains("监测数据!G7"))
    #expect(result.stdout.contains("未填报"))
  }

  @Test func errorsAreListedWithSheetCellIndicatorAndValue() throws {
    let result = try Fixtures.validate([try Fixtures.path("not_a_number")])
    #expect(result.status == 2)
    let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("value.not_a_number") })
    #expect(line.contains("监测数据!G6"))
    #expect(line.contains("W-HE-02"))
    #expect(line.contains("约九成"))
    #expect(line.contains("不是数值"))
    #expect(result.stdout.contains("错误（1）"))
    #expect(result.stdout.contains("合计：错误 1 条"))
  }

  @Test func infoFindingsAreCountedUnlessVerbose() throws {
    let short = try Fixtures.validate([try Fixtures.path("units")])
    #expect(short.stdout.contains("coerce.unit_suffix ×3"))
    let long = try Fixtures.validate([try Fixtures.path("units"), "--verbose"])
    #expect(long.stdout.contains("监测数据!G7  W-HE-03  填报值“2人”"))
  }

  @Test func englishOnRequest() throws {
    let result = try Fixtures.validate([try Fixtures.path("rule_violation"), "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stdout.contains("Rule W-R-01 is not met"))
    #expect(result.stdout.contains("Summary: 1 error(s)"))
  }

  @Test func jsonFollowsTheContract() throws {
    let result = try Fixtures.validate([try Fixtures.path("rule_violation"), "--format", "json"])
    #expect(result.status == 2)
    let files = try Fixtures.json(result)
    #expect(files.count == 1)
    let file = try #require(files.first)
    #expect(file["file"] as? String == (try Fixtures.path("rule_violation")))
    #expect((file["sha256"] as? String)?.count == 64)
    let template = try #require(file["template"] as? [String: Any])
    #expect(template["department"] as? String == "health")
    #expect(template["year"] as? Int == 2025)
    #expect((template["id"] as? String)?.hasPrefix("xiaoyang-health-2025-") == true)
    let findings = try #require(file["findings"] as? [[String: Any]])
    for finding in findings {
      for key in ["severity", "rule", "indicator", "sheet", "cell", "value", "message"] {
        #expect(finding.keys.contains(key), "finding lacks \(key)")
      }
    }
    let rule = try #require(findings.first { $0["rule"] as? String == "W-R-01" })
    #expect(rule["severity"] as? String == "error")
    #expect(rule["sheet"] as? String == "监测数据")
    #expect(rule["cell"] as? String == "G8")
    #expect(rule["indicator"] as? String == "W-HE-03a")
    #expect(rule["value"] as? String == "3")
    let summary = try #require(file["summary"] as? [String: Int])
    #expect(summary["errors"] == findings.filter { $0["severity"] as? String == "error" }.count)
    #expect(summary["warnings"] == 0)
    #expect(summary["infos"] == findings.filter { $0["severity"] as? String == "info" }.count)
    // UTF-8, unescaped.
    #expect(result.stdout.contains("监测数据"))
  }

  @Test func jsonIsDeterministic() throws {
    let arguments = [try Fixtures.path("units"), try Fixtures.path("history_swing"), "--format", "json"]
    let first = try Fixtures.validate(arguments)
    let second = try Fixtures.validate(arguments)
    #expect(first.stdoutData == second.stdoutData)
  }

  @Test func aRetypedReturnSaysHowItWasIdentified() throws {
    let result = try Fixtures.validate([try Fixtures.path("retyped_by_code"), "--format", "json"])
    let file = try #require(try Fixtures.json(result).first)
    #expect(file["identification"] as? String == "header_by_code")
    let template = try #require(file["template"] as? [String: Any])
    #expect(template["id"] is NSNull)
    #expect(template["department"] as? String == "health")
  }

  @Test func renamedCSVAndOLEFilesExit65() throws {
    let directory = try TestSupport.makeTemporaryDirectory("validate-cli-bad")
    let csv = directory.appendingPathComponent("卫生健康局.xlsx")
    try Data("指标代码,本年数值\nW-HE-01,6.5\n".utf8).write(to: csv)
    let ole = directory.appendingPathComponent("legacy.xlsx")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024)).write(to: ole)
    for url in [csv, ole] {
      let result = try Fixtures.validate([url.path])
      #expect(result.status == 65)
      #expect(result.stdout.contains(url.lastPathComponent))
      #expect(result.stdout.contains("另存为 .xlsx"))
    }
  }

  @Test func aMissingFileExits74() throws {
    let result = try Fixtures.validate(["/nonexistent/卫生健康局.xlsx"])
    #expect(result.status == 74)
    #expect(result.stdout.contains("文件不存在"))
  }

  @Test func usageErrorsExit64() throws {
    #expect(try Fixtures.validate([]).status == 64)
    #expect(try Fixtures.validate([try Fixtures.path("clean"), "--format", "xml"]).status == 64)
  }

  @Test func severalFilesAreReportedInOrderAndOneBrokenFileStopsNothing() throws {
    let directory = try TestSupport.makeTemporaryDirectory("validate-cli-many")
    let broken = directory.appendingPathComponent("broken.xlsx")
    try Data("<html><body><table></table></body></html>".utf8).write(to: broken)
    let names = [try Fixtures.path("clean"), broken.path, try Fixtures.path("rule_violation")]
    let result = try Fixtures.validate(names + ["--format", "json"])
    #expect(result.status == 65)
    let files = try Fixtures.json(result)
    #expect(files.map { $0["file"] as? String } == names)
    #expect((files[0]["summary"] as? [String: Int])?["errors"] == 0)
    #expect(files[1]["template"] is NSNull)
    #expect((files[1]["sha256"] as? String)?.count == 64)
    #expect(((files[1]["findings"] as? [[String: Any]])?.first?["rule"] as? String) == "file.unreadable")
    #expect((files[2]["summary"] as? [String: Int])?["errors"] == 1)
    let text = try Fixtures.validate(names)
    #expect(text.status == 65)
    #expect(text.stdout.contains("共 3 个文件：无法读取 1 个，有错误 1 个，仅有警告 0 个，通过 1 个"))
  }

  @Test func aMissingStoreIsNeitherCreatedNorRequired() throws {
    let directory = try TestSupport.makeTemporaryDirectory("validate-cli-store")
    let store = directory.appendingPathComponent("nianjian.sqlite")
    let result = try Fixtures.validate([try Fixtures.path("clean"), "--store", store.path])
    #expect(result.status == 0)
    #expect(!FileManager.default.fileExists(atPath: store.path))
  }

  @Test func markedCopiesAreWrittenOrTheFailureIsReported() throws {
    let directory = try TestSupport.makeTemporaryDirectory("validate-cli-marked")
    let result = try Fixtures.validate([try Fixtures.path("clean"), "--marked", directory.path])
    if result.status == 74 {
      #expect(result.stderr.contains("标注副本"))
    } else {
      #expect(result.status == 0)
      let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      #expect(!written.isEmpty)
    }
  }
}
