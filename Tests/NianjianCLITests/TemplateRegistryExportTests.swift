import Foundation
import NianjianTestSupport
import Testing

/// `nianjian schema export --format xlsx` (the registry workbook, written by the forms code).
@Suite struct TemplateRegistryExportTests {
  private let schema = TestSupport.fixture("forms/sample").path

  @Test func exportWritesTheRegistryWorkbookToTheOutputFile() throws {
    let work = try TestSupport.makeTemporaryDirectory("registry-cli")
    let out = work.appendingPathComponent("指标库.xlsx")
    let result = try TestSupport.nianjian(
      ["schema", "export", "--format", "xlsx", "--out", out.path, "--schema", schema], in: work)
    #expect(result.status == 0, "\(result.stderr)")
    let info = try TestSupport.nianjian(["dump", "--format", "info", out.path])
    #expect(info.status == 0)
    #expect(info.stdout.contains("样例区妇女发展规划（2021—2030年）"))
    #expect(info.stdout.contains("样例区儿童发展规划（2021—2030年）"))
  }

  @Test func exportAsWorkbookNeedsAnOutputFile() throws {
    let work = try TestSupport.makeTemporaryDirectory("registry-cli")
    let result = try TestSupport.nianjian(["schema", "export", "--format", "xlsx", "--schema", schema], in: work)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--out FILE"))
    #expect(result.stdout.isEmpty)
    let missing = try TestSupport.nianjian(
      [
        "schema", "export", "--format", "xlsx", "--out", work.appendingPathComponent("no/x.xlsx").path, "--schema",
        schema,
      ],
      in: work)
    #expect(missing.status == 74)
    #expect(missing.stderr.contains("输出文件夹不存在"))
  }
}
