import Foundation
import NianjianTestSupport
import Testing

@Suite struct StatusCommandTests {
  let schema = TestSupport.fixture("store/schema/teststore").path

  @Test func missingStoreIsNotCreatedAndExits74() throws {
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-status")
    let result = try TestSupport.nianjian(["status", "--year", "2025", "--schema", schema], in: dir)
    #expect(result.status == 74)
    #expect(result.stderr.contains("nianjian.sqlite 不存在"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nianjian.sqlite").path))
  }

  @Test func emptyStoreListsEveryExpectedDepartmentAsNotReceived() throws {
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-status")
    try Data("指标代码,年份,数值\nT-HE-01,2024,95\n".utf8).write(to: dir.appendingPathComponent("历史.csv"))
    let imported = try TestSupport.nianjian(["import", "历史.csv", "--schema", schema], in: dir)
    #expect(imported.status == 0)
    let result = try TestSupport.nianjian(["status", "--year", "2025", "--schema", schema], in: dir)
    #expect(result.status == 0)
    let expected = """
      测试区 2025 年监测数据报送情况

      部门          状态    文件  接收时间
      区卫生健康局  未报送
      区教育体育局  未报送
      区民政局      未报送

      合计 3 个部门：已接收 0，待说明 0，已退回 0，未报送 3

      """
    #expect(result.stdout == expected)
  }

  @Test func jsonStatusIsForScriptsAndStable() throws {
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-status")
    try Data("指标代码,年份,数值\nT-HE-01,2024,95\n".utf8).write(to: dir.appendingPathComponent("历史.csv"))
    _ = try TestSupport.nianjian(["import", "历史.csv", "--schema", schema], in: dir)
    let first = try TestSupport.nianjian(["status", "--year", "2024", "--schema", schema, "--format", "json"], in: dir)
    let second = try TestSupport.nianjian(
      ["status", "--year", "2024", "--schema", schema, "--format", "json"], in: dir)
    #expect(first.status == 0)
    #expect(first.stdoutData == second.stdoutData)
    let object = try #require(try JSONSerialization.jsonObject(with: first.stdoutData) as? [String: Any])
    #expect(object["year"] as? Int == 2024)
    let departments = try #require(object["departments"] as? [[String: Any]])
    #expect(departments.map { $0["id"] as? String } == ["health", "education", "civil_affairs"])
    #expect(departments.allSatisfy { $0["status"] as? String == "not_received" })
    let summary = try #require(object["summary"] as? [String: Any])
    #expect(summary["not_received"] as? Int == 3)
  }

  @Test func englishStatusWhenAsked() throws {
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-status")
    try Data("code,year,value\nT-HE-01,2024,95\n".utf8).write(to: dir.appendingPathComponent("h.csv"))
    _ = try TestSupport.nianjian(["import", "h.csv", "--schema", schema], in: dir)
    let result = try TestSupport.nianjian(["status", "--year", "2025", "--schema", schema, "--lang", "en"], in: dir)
    #expect(result.status == 0)
    #expect(result.stdout.contains("Total 3: 0 accepted, 0 with explanations due, 0 rejected, 3 not received"))
  }

  @Test func newerStoreIsRefusedWithExit74() throws {
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-status")
    try Data("code,year,value\nT-HE-01,2024,95\n".utf8).write(to: dir.appendingPathComponent("h.csv"))
    _ = try TestSupport.nianjian(["import", "h.csv", "--schema", schema], in: dir)
    // Forge a migration from the future with the sqlite3 shell when it is there.
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
    let forged = try TestSupport.run(
      URL(fileURLWithPath: "/usr/bin/sqlite3"),
      ["nianjian.sqlite", "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')"], in: dir)
    #expect(forged.status == 0)
    let result = try TestSupport.nianjian(["status", "--year", "2025", "--schema", schema], in: dir)
    #expect(result.status == 74)
    #expect(result.stderr.contains("更新版本"))
  }
}
