import Foundation
import NianjianTestSupport
import Testing

/// `nianjian demo` runs the three jobs on `Samples/` through the real commands.
@Suite struct DemoTests {
  @Test func demoRunsTheThreeJobsOnTheSamples() throws {
    let out = try TestSupport.makeTemporaryDirectory("demo")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try TestSupport.nianjian(["demo", "--out", out.path], in: TestSupport.packageRoot)
    #expect(result.status == 0, "stderr: \(result.stderr)")

    // Job 1: every return checked, a marked copy for each, the broken one rejected.
    let marked = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("审核意见").path)
    let returns = try FileManager.default.contentsOfDirectory(
      atPath: TestSupport.packageRoot.appendingPathComponent("Samples/2025").path
    ).filter { $0.hasSuffix(".xlsx") }
    #expect(marked.count == returns.count)
    #expect(result.stdout.contains("已退回"))
    #expect(result.stdout.contains("value.percent_over_100"))
    // A swing of a rate is shown as a plain relative change and in percentage points (98.92 → 59.67).
    #expect(result.stdout.contains("相比变化较大（减少 39.7%，39.25 个百分点）"))

    // Job 2: the store and the yearbook.
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("nianjian.sqlite").path))
    let yearbook = out.appendingPathComponent("2025年妇女儿童统计资料.xlsx")
    let info = try TestSupport.nianjian(["dump", "--format", "info", yearbook.path])
    #expect(info.status == 0)
    for sheet in ["封面", "目录", "综述", "预警与说明", "报送情况", "数据来源", "冲突与修订"] {
      #expect(info.stdout.contains("\"\(sheet)\""), "yearbook lacks \(sheet)")
    }

    // Job 3: next year's templates, one per department with indicators.
    let templates = try FileManager.default.contentsOfDirectory(
      atPath: out.appendingPathComponent("2026年报表模板").path)
    #expect(templates.count >= 20)
    #expect(templates.allSatisfy { $0.hasPrefix("2026年_") && $0.hasSuffix(".xlsx") })
  }

  @Test func demoWithoutSamplesIsAUsageError() throws {
    let empty = try TestSupport.makeTemporaryDirectory("demo-empty")
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try TestSupport.nianjian(
      ["demo", "--samples", empty.path, "--out", empty.appendingPathComponent("out").path])
    #expect(result.status == 64)
    #expect(result.stderr.contains("没有报表"))
  }
}
