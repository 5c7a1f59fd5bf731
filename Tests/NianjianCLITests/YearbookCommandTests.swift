import Foundation
import NianjianTestSupport
import Testing

/// `nianjian yearbook` through the built binary: arguments, messages and exit codes.
@Suite struct YearbookCommandTests {
  static var schema: String { TestSupport.fixture("yearbook/schema/hexi").path }

  /// Runs `nianjian yearbook …` in an empty folder with no store in the environment.
  static func run(_ arguments: [String]) throws -> (TestSupport.ProcessResult, URL) {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    let result = try TestSupport.nianjian(
      ["yearbook"] + arguments, in: folder, environment: ["NIANJIAN_STORE": "", "NIANJIAN_SCHEMA": ""])
    return (result, folder)
  }

  @Test func outInAMissingFolderIsAnIOFailure() throws {
    let (result, folder) = try Self.run(["--year", "2024", "--out", "no/such/folder/年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 74)
    #expect(result.stderr.contains("无法写入 no/such/folder/年鉴.xlsx"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func noStoreAndNoFilesSaysWhereDataComeFrom() throws {
    let (result, folder) = try Self.run(["--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 64)
    #expect(result.stderr.contains("没有数据来源"))
    #expect(result.stderr.contains("--store"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func messagesAreEnglishWithLangEn() throws {
    let (result, _) = try Self.run(["--year", "2024", "--out", "book.xlsx", "--schema", Self.schema, "--lang", "en"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("no data: there is no store nianjian.sqlite here"))
    let (io, _) = try Self.run([
      "--year", "2024", "--out", "missing/book.xlsx", "--schema", Self.schema, "--lang", "en",
    ])
    #expect(io.status == 74)
    #expect(io.stderr.contains("cannot write missing/book.xlsx"))
  }

  @Test func namedStoreThatDoesNotExistIsAnIOFailure() throws {
    let (result, folder) = try Self.run([
      "--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema, "--store", "gone.sqlite",
    ])
    #expect(result.status == 74)
    #expect(result.stderr.contains("监测数据库 gone.sqlite 不存在"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("gone.sqlite").path))
  }

  @Test func fileThatIsNotAStoreIsAnIOFailure() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    try Data("not a database".utf8).write(to: folder.appendingPathComponent("junk.sqlite"))
    let result = try TestSupport.nianjian(
      ["yearbook", "--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema, "--store", "junk.sqlite"],
      in: folder)
    #expect(result.status == 74)
    #expect(result.stderr.contains("junk.sqlite"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("年鉴.xlsx").path))
  }

  @Test func unreadableReturnStopsBeforeAnythingIsWritten() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    let fake = folder.appendingPathComponent("卫健.xlsx")
    try Data("指标代码,数值\nW-HE-01,9.5\n".utf8).write(to: fake)
    let result = try TestSupport.nianjian(
      ["yearbook", "--year", "2024", "--out", "年鉴.xlsx", "--schema", Self.schema, fake.path], in: folder,
      environment: ["NIANJIAN_STORE": ""])
    #expect(result.status == 65)
    #expect(result.stderr.contains("卫健.xlsx"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("年鉴.xlsx").path))
  }

  @Test func yearOutsideTheCalendarIsAUsageError() throws {
    let (result, _) = try Self.run(["--year", "12", "--out", "年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 64)
    #expect(result.stderr.contains("1900"))
  }

  @Test func outputMustBeAnXlsxFile() throws {
    let (result, folder) = try Self.run(["--year", "2024", "--out", "年鉴.csv", "--schema", Self.schema])
    #expect(result.status == 64)
    #expect(result.stderr.contains(".xlsx"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func missingYearIsAUsageError() throws {
    let (result, _) = try Self.run(["--out", "年鉴.xlsx", "--schema", Self.schema])
    #expect(result.status == 64)
  }

  @Test func helpNamesTheOptions() throws {
    let (result, _) = try Self.run(["--help"])
    #expect(result.status == 0)
    for option in ["--year", "--out", "--store", "--schema", "--lang", "RETURN.xlsx"] {
      #expect(result.stdout.contains(option), "\(option)")
    }
  }

  // MARK: End to end on the sample returns (Samples/2025, Samples/history)

  static var samples: URL { TestSupport.packageRoot.appendingPathComponent("Samples") }
  static var guandu: String { TestSupport.templatesDirectory.appendingPathComponent("guandu").path }
  /// The readable 2025 sample returns (the legacy .xls renamed to .xlsx among them is left out).
  static var sampleReturns: [String] {
    let folder = samples.appendingPathComponent("2025")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".xlsx") && !$0.contains("_总工会_") }.sorted().map {
      folder.appendingPathComponent($0).path
    }
  }
  /// The returns of 2021–2024 in `Samples/returns/`, oldest first.
  static var earlierReturns: [String] {
    (2021...2024).flatMap { year -> [String] in
      let folder = samples.appendingPathComponent("returns/\(year)")
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      return names.filter { $0.hasSuffix(".xlsx") }.sorted().map { folder.appendingPathComponent($0).path }
    }
  }
  static let hasSamples = !sampleReturns.isEmpty

  /// The cells of one sheet of a workbook, read with `nianjian dump --format jsonl`, by A1 reference.
  static func dumpSheet(_ file: URL, _ sheet: String) throws -> [String: Any] {
    let result = try TestSupport.nianjian(["dump", file.path, "--format", "jsonl", "--sheet", sheet])
    #expect(result.status == 0, "\(result.stderr)")
    var cells: [String: Any] = [:]
    for line in result.stdout.split(separator: "\n") {
      guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let cell = object["cell"] as? String
      else { continue }
      cells[cell] = object["value"]
    }
    return cells
  }

  /// The provenance rows (from row 4 on) as (code, year, file) until the first row without a code.
  static func provenanceRows(_ cells: [String: Any]) -> [(code: String, year: Int, file: String)] {
    var rows: [(String, Int, String)] = []
    var row = 4
    while let code = cells["A\(row)"] as? String, let year = cells["C\(row)"] as? NSNumber {
      rows.append((code, year.intValue, cells["F\(row)"] as? String ?? ""))
      row += 1
    }
    return rows
  }

  @Test(.enabled(if: hasSamples)) func quickLookFromReturnFilesWithoutAStore() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    let arguments = ["yearbook", "--year", "2025", "--schema", Self.guandu] + Self.sampleReturns
    let first = try TestSupport.nianjian(
      arguments + ["--out", "a.xlsx"], in: folder, environment: ["NIANJIAN_STORE": ""])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("已生成 2025 年年鉴：a.xlsx"))
    #expect(first.stderr.contains("昆明市公安局官渡分局") && first.stderr.contains("未纳入年鉴"))
    let reordered = ["yearbook", "--year", "2025", "--schema", Self.guandu] + Self.sampleReturns.reversed()
    let second = try TestSupport.nianjian(
      reordered + ["--out", "b.xlsx"], in: folder, environment: ["NIANJIAN_STORE": ""])
    #expect(second.status == 0)
    let a = folder.appendingPathComponent("a.xlsx")
    #expect(
      try Data(contentsOf: a) == Data(contentsOf: folder.appendingPathComponent("b.xlsx")),
      "the order of the files on the command line does not matter")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("nianjian.sqlite").path))

    let rows = Self.provenanceRows(try Self.dumpSheet(a, "数据来源"))
    #expect(rows.count > 100)
    #expect(rows.allSatisfy { $0.year == 2025 })
    let files = Set(rows.map(\.file))
    #expect(files.count == 26, "the 26 accepted returns")
    #expect(!files.contains { $0.contains("昆明市公安局官渡分局") }, "a rejected return adds nothing")
    let submissions = try Self.dumpSheet(a, "报送情况")
    #expect(submissions.values.contains { ($0 as? String) == "已退回（有错误）" })
    #expect(submissions.values.contains { ($0 as? String) == "未报送" })
  }

  @Test(.enabled(if: hasSamples)) func yearbookFromAStoreFilledByImport() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-cli")
    let history = Self.samples.appendingPathComponent("history/guandu_2016-2020.csv").path
    let imported = try TestSupport.nianjian(
      ["import", "--schema", Self.guandu, "--store", "store.sqlite", history] + Self.earlierReturns
        + Self.sampleReturns, in: folder)
    #expect([0, 1, 2].contains(imported.status), "\(imported.stderr)")
    let result = try TestSupport.nianjian(
      [
        "yearbook", "--year", "2025", "--schema", Self.guandu, "--store", "store.sqlite", "--out", "年鉴.xlsx", "--lang",
        "en",
      ],
      in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("wrote the 2025 yearbook"))
    let book = folder.appendingPathComponent("年鉴.xlsx")
    let rows = Self.provenanceRows(try Self.dumpSheet(book, "Sources"))
    #expect(Set(rows.map(\.year)) == Set(2016...2025))
    #expect(rows.contains { $0.file == "guandu_2016-2020.csv" })
    let women = try Self.dumpSheet(book, "Women's plan")
    #expect(women["F3"] as? String == "2016")
    #expect(women["O3"] as? String == "2025")
  }
}
