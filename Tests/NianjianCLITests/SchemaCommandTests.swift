import Foundation
import NianjianTestSupport
import Testing

/// `nianjian schema check|export` through the built binary.
@Suite struct SchemaCommandTests {
  private let valid = TestSupport.fixture("schema/valid").path

  @Test func checkOfAValidSchemaExitsZeroAndPrintsASummary() throws {
    let result = try TestSupport.nianjian(["schema", "check", "--schema", valid])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("辖区：样例区（sample）"))
    #expect(result.stdout.contains("规划 women（women.yaml）"))
    #expect(result.stdout.contains("8 项指标"))
    #expect(result.stdout.contains("目标 5 个数值 / 1 个定性"))
    #expect(result.stdout.contains("部门：4 个"))
    #expect(result.stdout.contains("检查结果：0 个错误，0 个警告"))
  }

  @Test func checkReportsErrorsWithFileLineAndColumnAndExitsTwo() throws {
    let folder = TestSupport.fixture("schema/broken-target-percent").path
    let result = try TestSupport.nianjian(["schema", "check", "--schema", folder])
    #expect(result.status == 2)
    #expect(result.stdout.contains("\(folder)/women.yaml:33:21: 错误：目标“>= 120”中的 120 超出单位“%”的取值范围 [0, 100]"))
    #expect(result.stdout.contains("检查结果：1 个错误"))
  }

  @Test func checkSpeaksEnglishOnRequest() throws {
    let folder = TestSupport.fixture("schema/broken-bad-expression").path
    let result = try TestSupport.nianjian(["schema", "check", "--schema", folder, "--lang", "en"])
    #expect(result.status == 2)
    #expect(result.stdout.contains("\(folder)/women.yaml:33:26: error: target expression '>= 7O', character 5"))
    #expect(result.stdout.contains("result: 1 error(s)"))
  }

  @Test func checkWithOnlyWarningsExitsOne() throws {
    let folder = TestSupport.fixture("schema/warning-precision-loss").path
    let result = try TestSupport.nianjian(["schema", "check", "--schema", folder])
    #expect(result.status == 1)
    #expect(result.stdout.contains("women.yaml:18:35: 警告："))
  }

  @Test func checkComparesSourcesWithTheSeedsWhenAsked() throws {
    guard let shared = TestSupport.sharedDirectory else { return }
    let seeds = shared.appendingPathComponent("seeds").path
    let result = try TestSupport.nianjian(["schema", "check", "--schema", valid, "--seeds", seeds])
    #expect(result.status == 1)
    #expect(result.stdout.contains("women.yaml:"))
    let missing = try TestSupport.nianjian(["schema", "check", "--schema", valid, "--seeds", "/nonexistent"])
    #expect(missing.status == 64)
  }

  @Test func exportFollowsTheContract() throws {
    let result = try TestSupport.nianjian(["schema", "export", "--schema", valid, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    #expect((object["schema_version"] as? String)?.count == 64)
    let jurisdiction = try #require(object["jurisdiction"] as? [String: Any])
    #expect(jurisdiction["id"] as? String == "sample")
    #expect(jurisdiction["name"] as? String == "样例区")
    let departments = try #require(object["departments"] as? [[String: Any]])
    #expect(departments.map { $0["id"] as? String } == ["health", "education", "civil_affairs", "statistics"])
    let plans = try #require(object["plans"] as? [[String: Any]])
    #expect(plans.map { $0["id"] as? String } == ["children", "women"])
    let women = plans[1]
    #expect(women["title"] as? String == "样例区妇女发展规划（2021—2030年）")
    let period = try #require(women["period"] as? [String: Any])
    #expect(period["start"] as? Int == 2021)
    #expect(period["end"] as? Int == 2030)
    let domains = try #require(women["domains"] as? [[String: Any]])
    #expect(domains.map { $0["code"] as? String } == ["HE", "EC"])
    let indicators = try #require(women["indicators"] as? [[String: Any]])
    let first = indicators[0]
    for key in ["code", "name", "domain", "unit", "departments", "baseline", "targets", "source"] {
      #expect(first[key] != nil, "missing \(key)")
    }
    #expect(first["code"] as? String == "W-HE-01")
    #expect(first["unit"] as? String == "1/10万")
    #expect(first["departments"] as? [String] == ["health"])
    let baseline = try #require(first["baseline"] as? [String: Any])
    #expect(baseline["year"] as? Int == 2020)
    #expect(baseline["value"] as? Double == 5.2)
    let targets = try #require(first["targets"] as? [[String: Any]])
    #expect(targets.map { $0["year"] as? Int } == [2025, 2030])
    #expect(targets.map { $0["expression"] as? String } == ["<= 9", "<= 8"])
    #expect(targets.map { $0["text"] as? String } == ["控制在9/10万以下", "控制在8/10万以下"])
    #expect(first["source"] as? String == "孕产妇死亡率控制在8/10万以下。")
    #expect(indicators[1]["baseline"] is NSNull)
  }

  @Test func exportIsDeterministicAndMatchesTheSnapshot() throws {
    let first = try TestSupport.nianjian(["schema", "export", "--schema", valid])
    let second = try TestSupport.nianjian(["schema", "export", "--schema", valid])
    #expect(first.stdoutData == second.stdoutData)
    #expect(!first.stdout.contains("\\u"))  // Chinese is written as UTF-8, not escaped
    let snapshot = TestSupport.fixture("schema/snapshots/valid-export.json")
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
    if record || !FileManager.default.fileExists(atPath: snapshot.path) {
      try FileManager.default.createDirectory(
        at: snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
      try first.stdoutData.write(to: snapshot)
      Issue.record("recorded \(snapshot.path); review it and run again")
      return
    }
    let expected = try Data(contentsOf: snapshot)
    #expect(first.stdoutData == expected, "export differs from \(snapshot.path); RECORD_SNAPSHOTS=1 to re-record")
  }

  @Test func exportWritesTheSameBytesToAFile() throws {
    let directory = try TestSupport.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("schema.json")
    let result = try TestSupport.nianjian(["schema", "export", "--schema", valid, "--out", out.path])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    let stdout = try TestSupport.nianjian(["schema", "export", "--schema", valid])
    #expect(try Data(contentsOf: out) == stdout.stdoutData)
  }

  @Test func exportAsXLSXNeedsAnOutputFile() throws {
    let result = try TestSupport.nianjian(["schema", "export", "--schema", valid, "--format", "xlsx"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("--out FILE"))
  }

  @Test func exportOfABrokenSchemaExitsSixtyFive() throws {
    let folder = TestSupport.fixture("schema/broken-unknown-unit").path
    let result = try TestSupport.nianjian(["schema", "export", "--schema", folder])
    #expect(result.status == 65)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("women.yaml:26:11: 错误：未知的单位“百分比”"))
    #expect(result.stderr.contains("nianjian schema check"))
  }

  @Test func theSchemaFolderComesFromTheEnvironmentOrTheOnlyJurisdiction() throws {
    let directory = try TestSupport.makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let templates = directory.appendingPathComponent("Templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)

    let none = try TestSupport.nianjian(["schema", "check"], in: directory, environment: ["NIANJIAN_SCHEMA": ""])
    #expect(none.status == 64)
    #expect(none.stderr.contains("--schema"))

    try FileManager.default.copyItem(
      at: TestSupport.fixture("schema/mini"), to: templates.appendingPathComponent("mini"))
    let only = try TestSupport.nianjian(["schema", "check"], in: directory, environment: ["NIANJIAN_SCHEMA": ""])
    #expect(only.status == 0, "\(only.stdout)\(only.stderr)")
    #expect(only.stdout.contains("小样区（mini）"))

    try FileManager.default.copyItem(
      at: TestSupport.fixture("schema/valid"), to: templates.appendingPathComponent("sample"))
    let several = try TestSupport.nianjian(["schema", "check"], in: directory, environment: ["NIANJIAN_SCHEMA": ""])
    #expect(several.status == 64)
    #expect(several.stderr.contains("Templates/mini"))
    #expect(several.stderr.contains("Templates/sample"))

    let fromEnvironment = try TestSupport.nianjian(
      ["schema", "check"], in: directory, environment: ["NIANJIAN_SCHEMA": "Templates/sample"])
    #expect(fromEnvironment.status == 0)
    #expect(fromEnvironment.stdout.contains("样例区（sample）"))

    let parent = try TestSupport.nianjian(["schema", "check", "--schema", "Templates"], in: directory)
    #expect(parent.status == 64)
    #expect(parent.stderr.contains("Templates/mini、Templates/sample"))

    let missing = try TestSupport.nianjian(["schema", "check", "--schema", "nowhere"], in: directory)
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("找不到指标库文件夹：nowhere"))
  }
}
