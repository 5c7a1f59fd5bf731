import Foundation
import NianjianTestSupport
import Testing

/// The progress line (files done / total) is for terminals only: when standard error is a pipe, as here and in
/// every script, `validate`, `import` and `yearbook` write no trace of it.
@Suite struct ProgressCLITests {
  let schema = TestSupport.templatesDirectory.appendingPathComponent("guandu").path
  let samples = TestSupport.packageRoot.appendingPathComponent("Samples")

  /// The committed demo returns (`Samples/2025`), sorted.
  func sampleReturns() throws -> [String] {
    let folder = samples.appendingPathComponent("2025")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xlsx") }.sorted()
      .map { folder.appendingPathComponent($0).path }
  }

  /// The exit statuses a run over the demo returns may end with (they include returns with errors and a file that
  /// is not a workbook); anything else would be a crash.
  let expectedStatuses: [Int32] = [0, 1, 2, 65]

  /// No carriage return, no erase-line escape and no progress text in `text`.
  func hasNoProgressTrace(_ text: String) -> Bool {
    !text.contains("\r") && !text.contains("\u{1B}[") && !text.contains("个文件（") && !text.contains("files (")
  }

  @Test func validateWritesNoProgressWhenStandardErrorIsNotATerminal() throws {
    let returns = try sampleReturns()
    try #require(returns.count > 1)
    let result = try TestSupport.nianjian(["validate", "--schema", schema] + returns)
    #expect(expectedStatuses.contains(result.status), "\(result.stderr)")
    #expect(hasNoProgressTrace(result.stderr), "\(result.stderr)")
    #expect(hasNoProgressTrace(result.stdout))
  }

  @Test func importAndYearbookWriteNoProgressWhenStandardErrorIsNotATerminal() throws {
    let returns = try sampleReturns()
    try #require(returns.count > 1)
    let dir = try TestSupport.makeTemporaryDirectory("nianjian-progress")
    let store = dir.appendingPathComponent("store.sqlite").path
    let imported = try TestSupport.nianjian(["import", "--schema", schema, "--store", store] + returns)
    #expect(expectedStatuses.contains(imported.status), "\(imported.stderr)")
    #expect(hasNoProgressTrace(imported.stderr), "\(imported.stderr)")
    #expect(hasNoProgressTrace(imported.stdout))
    let yearbook = dir.appendingPathComponent("yearbook.xlsx").path
    let made = try TestSupport.nianjian(
      ["yearbook", "--schema", schema, "--year", "2025", "--out", yearbook] + returns)
    #expect(expectedStatuses.contains(made.status), "\(made.stderr)")
    #expect(hasNoProgressTrace(made.stderr), "\(made.stderr)")
  }
}
