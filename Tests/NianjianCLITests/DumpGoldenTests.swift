import Foundation
import NianjianTestSupport
import Testing

/// `dump --format jsonl` and `--format info` output for every reader fixture, compared byte for byte with
/// `Tests/Fixtures/reader/golden/`. Set `RECORD_SNAPSHOTS=1` to rewrite a golden file: the test then fails on
/// purpose so that the change is reviewed in the diff.
@Suite struct DumpGoldenTests {
  static let fixtures: [String] = {
    let root = TestSupport.fixture("reader")
    let folders = ["quirks", "openpyxl", "xlsxwriter", "libreoffice"]
    return folders.flatMap { folder -> [String] in
      let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
      return names.filter { $0.hasSuffix(".xlsx") }.sorted().map { "\(folder)/\($0)" }
    }
  }()

  @Test(arguments: fixtures)
  func dumpOutputMatchesGoldenFile(_ fixture: String) throws {
    for format in ["jsonl", "info"] {
      let result = try TestSupport.nianjian(["dump", "--format", format, TestSupport.fixture("reader/" + fixture).path])
      #expect(result.status == 0, "\(fixture): \(result.stderr)")
      let name = fixture.replacingOccurrences(of: "/", with: "--") + "." + format
      let golden = TestSupport.fixture("reader/golden/" + name)
      if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        || !FileManager.default.fileExists(atPath: golden.path)
      {
        try result.stdoutData.write(to: golden)
        Issue.record("recorded \(golden.lastPathComponent); review it and run the test again")
        continue
      }
      let expected = try Data(contentsOf: golden)
      #expect(result.stdoutData == expected, "\(fixture) --format \(format) differs from \(golden.path)")
    }
  }
}
