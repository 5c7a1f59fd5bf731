import Foundation
import NianjianTestSupport
import Testing

/// `nianjian dump` agrees cell by cell with independent readers (openpyxl, python-calamine) on the reader fixtures,
/// and with python-calamine's totals on a sample of the peer workbooks.
@Suite struct DumpAgreementTests {
  static let openpyxlFixtures = [
    "libreoffice/return-basic.xlsx", "openpyxl/return-basic.xlsx", "xlsxwriter/return-normal.xlsx",
    "xlsxwriter/return-constant_memory.xlsx", "quirks/booleans-errors-numbers.xlsx",
    "quirks/custom-number-formats.xlsx", "quirks/date-1904.xlsx", "quirks/formula-without-cached-value.xlsx",
    "quirks/inline-strings.xlsx", "quirks/merged-hidden.xlsx", "quirks/no-cell-references.xlsx",
    "quirks/properties-defined-names.xlsx", "quirks/shared-formulas.xlsx", "quirks/untrusted-dimension.xlsx",
    "quirks/workbook-outside-xl.xlsx", "quirks/zh-cn-date-ids.xlsx",
  ]

  static let calamineFixtures = [
    "libreoffice/return-basic.xlsx", "openpyxl/return-basic.xlsx", "xlsxwriter/return-normal.xlsx",
    "xlsxwriter/return-constant_memory.xlsx", "quirks/custom-number-formats.xlsx", "quirks/date-1904.xlsx",
    "quirks/escapes-x000D.xlsx", "quirks/formula-without-cached-value.xlsx", "quirks/inline-strings.xlsx",
    "quirks/iso-dates-t-d.xlsx", "quirks/merged-hidden.xlsx", "quirks/namespace-prefix-x.xlsx",
    "quirks/no-cell-references.xlsx", "quirks/properties-defined-names.xlsx",
    "quirks/rich-text-phonetic-runs.xlsx", "quirks/shared-formulas.xlsx", "quirks/sheet-states.xlsx",
    "quirks/strict-namespaces.xlsx", "quirks/untrusted-dimension.xlsx", "quirks/zh-cn-date-ids.xlsx",
  ]

  private func compare(_ fixture: String, with reader: String) throws {
    let module = reader == "openpyxl" ? "openpyxl" : "python_calamine"
    guard TestSupport.pythonHasModules([module]) else {
      Issue.record("python3 module \(module) is missing: run `make deps-python`")
      return
    }
    let workbook = TestSupport.fixture("reader/" + fixture)
    let dump = try TestSupport.nianjian(["dump", workbook.path])
    #expect(dump.status == 0, "\(fixture): \(dump.stderr)")
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-dump")
    let output = folder.appendingPathComponent("dump.jsonl")
    try dump.stdoutData.write(to: output)
    let script = TestSupport.fixture("reader/scripts/compare_reader.py").path
    let result = try TestSupport.python([script, reader, workbook.path, output.path])
    #expect(result.status == 0, "\(fixture) vs \(reader):\n\(result.stdout)\(result.stderr)")
  }

  @Test(arguments: openpyxlFixtures)
  func dumpAgreesWithOpenpyxl(_ fixture: String) throws {
    try compare(fixture, with: "openpyxl")
  }

  @Test(arguments: calamineFixtures)
  func dumpAgreesWithCalamine(_ fixture: String) throws {
    try compare(fixture, with: "calamine")
  }

  /// Peer workbooks on which `dump --format stats` equals python-calamine's `cells numeric_sum string_chars`.
  /// (Files where they differ are listed with the reason in `Tests/Fixtures/reader/README.md`.)
  static let peerSample = [
    "calamine/date.xlsx", "calamine/issue_261.xlsx", "calamine/rph.xlsx", "calamine/richtext-namespaced.xlsx",
    "calamine/temperature.xlsx", "calamine/merged_range.xlsx", "poi/SimpleStrict.xlsx", "poi/sample.strict.xlsx",
    "poi/WithVariousData.xlsx", "poi/57914.xlsx", "poi/SampleSS.strict.xlsx", "poi/shared_formulas.xlsx",
    "poi/59746_NoRowNums.xlsx", "poi/DateFormatNumberTests.xlsx", "poi/45544.xlsx", "poi/InlineStrings.xlsx",
    "poi/47862.xlsx", "poi/49928.xlsx", "poi/53105.xlsx", "poi/55864.xlsx", "poi/55906-MultiSheetRefs.xlsx",
    "poi/56511.xlsx", "poi/64450.xlsx", "poi/Tables.xlsx", "poi/bug66215.xlsx", "poi/comments.xlsx",
    "poi/decimal-format.xlsx", "poi/sample.xlsx", "poi/style-alternate-content.xlsx", "poi/xlsx-jdbc.xlsx",
  ]

  @Test func dumpStatsAgreeWithCalamineOnPeerWorkbooks() throws {
    guard let shared = TestSupport.sharedDirectory else {
      print("note: ../shared is absent; peer comparison skipped")
      return
    }
    guard TestSupport.pythonHasModules(["python_calamine"]) else {
      Issue.record("python3 module python_calamine is missing: run `make deps-python`")
      return
    }
    let root = shared.appendingPathComponent("peer-fixtures")
    let files = Self.peerSample.map { root.appendingPathComponent($0).path }
      .filter { FileManager.default.fileExists(atPath: $0) }
    let script = TestSupport.fixture("reader/scripts/calamine_stats.py").path
    let calamine = try TestSupport.python([script] + files)
    var expected: [String: String] = [:]
    for line in calamine.stdout.split(separator: "\n") {
      let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
      if fields.count == 2 { expected[fields[0]] = fields[1] }
    }
    for file in files {
      let ours = try TestSupport.nianjian(["dump", "--format", "stats", file])
      #expect(ours.status == 0, "\(file): \(ours.stderr)")
      #expect(
        ours.stdout.trimmingCharacters(in: .newlines) == expected[file], "\(file): calamine \(expected[file] ?? "?")")
    }
  }
}
