import Foundation
import NianjianTestSupport
import Testing

/// Inputs the fuzz targets found (Fuzz/crashes/README.md), through the `nianjian` command: each once crashed it.
@Suite struct FuzzFindingsCLITests {
  /// A copy of `Tests/Fixtures/schema/mini` with one expression of `women.yaml` replaced.
  private func schema(withExpression expression: String, replacing original: String) throws -> URL {
    let folder = try TestSupport.makeTemporaryDirectory("fuzz-schema")
    let mini = TestSupport.fixture("schema/mini")
    for name in try FileManager.default.contentsOfDirectory(atPath: mini.path) {
      try FileManager.default.copyItem(at: mini.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    let women = folder.appendingPathComponent("women.yaml")
    let text = try String(contentsOf: women, encoding: .utf8)
    #expect(text.contains("expression: \"\(original)\""))
    try text.replacingOccurrences(of: "expression: \"\(original)\"", with: "expression: \"\(expression)\"")
      .write(to: women, atomically: true, encoding: .utf8)
    return folder
  }

  @Test func schemaCheckReportsATargetYearBeyondTheIntegerRangeAsImplausible() throws {
    let folder = try schema(
      withExpression: "decrease 1 point yearly from 1000000000000000000000000000000", replacing: "<= 8")
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try TestSupport.nianjian(["schema", "check", "--schema", folder.path, "--lang", "en"])
    #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("implausible year 1000000000000000000000000000000"), "\(result.stdout)")
  }
}
