import Foundation
import NianjianTestSupport
import Testing

/// `nianjian template` through the built binary.
@Suite struct TemplateCommandTests {
  private let schema = TestSupport.fixture("forms/sample").path

  private func files(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func writesOneWorkbookPerDepartmentAndSaysWhichHaveNone() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let out = work.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let result = try TestSupport.nianjian(
      ["template", "--year", "2026", "--out", out.path, "--schema", schema], in: work)
    #expect(result.status == 0, "\(result.stderr)")
    let written = try files(in: out)
    #expect(written.count == 4)
    #expect(written.contains("2026年_卫生健康局_妇女儿童发展规划监测报表.xlsx"))
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("已生成：") }.count == 4)
    #expect(lines.contains { $0.hasPrefix("未生成：区财政局（finance）") })
    // The default store does not exist: it is not created.
    #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("nianjian.sqlite").path))
  }

  @Test func chosenDepartmentsOnlyAndTheSameBytesEveryRun() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    var outputs: [Data] = []
    for run in 0..<2 {
      let out = work.appendingPathComponent("run\(run)")
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      let result = try TestSupport.nianjian(
        ["template", "--year", "2026", "--department", "education", "--out", out.path, "--schema", schema], in: work)
      #expect(result.status == 0, "\(result.stderr)")
      let written = try files(in: out)
      #expect(written == ["2026年_教育体育局_儿童发展规划监测报表.xlsx"])
      outputs.append(try Data(contentsOf: out.appendingPathComponent(written[0])))
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test func unknownDepartmentIsAUsageErrorListingTheValidIds() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let result = try TestSupport.nianjian(
      [
        "template", "--year", "2026", "--department", "health", "--department", "nope", "--out", work.path,
        "--schema", schema,
      ], in: work)
    #expect(result.status == 64)
    #expect(result.stderr.contains("未知的部门：nope"))
    #expect(result.stderr.contains("health、education"))
    #expect(try files(in: work).isEmpty)
  }

  @Test func yearOutsideEveryPlanIsAUsageErrorInChineseOrEnglish() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let chinese = try TestSupport.nianjian(
      ["template", "--year", "2035", "--out", work.path, "--schema", schema], in: work)
    #expect(chinese.status == 64)
    #expect(chinese.stderr.contains("2035年不在任何规划的期限内"))
    let english = try TestSupport.nianjian(
      ["template", "--year", "2019", "--out", work.path, "--schema", schema, "--lang", "en"], in: work)
    #expect(english.status == 64)
    #expect(english.stderr.contains("2019 lies outside every plan's period"))
    #expect(try files(in: work).isEmpty)
  }

  @Test func aNewOutputFolderIsCreatedWhenItsParentExists() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let fresh = work.appendingPathComponent("2026年模板")
    let result = try TestSupport.nianjian(
      ["template", "--year", "2026", "--department", "health", "--out", fresh.path, "--schema", schema], in: work)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(try files(in: fresh) == ["2026年_卫生健康局_妇女儿童发展规划监测报表.xlsx"])
  }

  @Test func badArgumentsDoNotCreateTheOutputFolder() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let fresh = work.appendingPathComponent("new")
    let result = try TestSupport.nianjian(
      ["template", "--year", "2026", "--department", "nobody", "--out", fresh.path, "--schema", schema], in: work)
    #expect(result.status == 64)
    #expect(!FileManager.default.fileExists(atPath: fresh.path))
  }

  @Test func missingOrNonFolderOutputIsAnIOError() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let missing = work.appendingPathComponent("missing/deeper")
    let result = try TestSupport.nianjian(
      ["template", "--year", "2026", "--out", missing.path, "--schema", schema], in: work)
    #expect(result.status == 74)
    #expect(result.stderr.contains("输出文件夹不存在"))
    #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("missing").path))
    let file = work.appendingPathComponent("a-file")
    try Data("x".utf8).write(to: file)
    let notFolder = try TestSupport.nianjian(
      ["template", "--year", "2026", "--out", file.path, "--schema", schema], in: work)
    #expect(notFolder.status == 74)
    #expect(notFolder.stderr.contains("不是文件夹"))
    #expect(try files(in: work) == ["a-file"])
  }

  @Test func dumpInfoShowsTheIdentificationOfATemplate() throws {
    let work = try TestSupport.makeTemporaryDirectory("template-cli")
    let result = try TestSupport.nianjian(
      ["template", "--year", "2026", "--department", "health", "--out", work.path, "--schema", schema], in: work)
    #expect(result.status == 0, "\(result.stderr)")
    let file = work.appendingPathComponent("2026年_卫生健康局_妇女儿童发展规划监测报表.xlsx")
    let info = try TestSupport.nianjian(["dump", "--format", "info", file.path])
    #expect(info.status == 0)
    #expect(info.stdout.contains("\"NianjianTemplateID\""))
    #expect(info.stdout.contains("\"value\":\"sample-health-2026-"))
    #expect(info.stdout.contains("\"name\":\"nianjian_meta\",\"index\":2,\"state\":\"hidden\""))
  }
}
