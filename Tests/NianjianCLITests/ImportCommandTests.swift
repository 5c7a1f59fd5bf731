import Foundation
import NianjianTestSupport
import Testing

/// `nianjian import` through the built binary. Return workbooks need the validator; these tests use history
/// tables and unreadable files, which do not.
@Suite struct ImportCommandTests {
  let schema = TestSupport.fixture("store/schema/teststore").path

  func folder() throws -> URL { try TestSupport.makeTemporaryDirectory("nianjian-import") }

  func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

  /// With `SOURCE_DATE_EPOCH` set, the time of receipt is fixed: the same returns imported into two new stores give
  /// the same status and byte-identical yearbooks.
  @Test func fixedTimeOfReceiptMakesTheYearbookByteIdentical() throws {
    let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
    let returns = try FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("2025").path)
      .filter { $0.contains("卫生健康局") || $0.contains("教育体育局") }.sorted()
      .map { samples.appendingPathComponent("2025").appendingPathComponent($0).path }
    #expect(returns.count == 2)
    let guandu = TestSupport.packageRoot.appendingPathComponent("Templates/guandu").path
    let fixed = ["SOURCE_DATE_EPOCH": "1767225600"]  // 2026-01-01T00:00:00Z
    var yearbooks: [Data] = []
    for run in 1...2 {
      let dir = try folder()
      defer { try? FileManager.default.removeItem(at: dir) }
      let imported = try TestSupport.nianjian(
        ["import", "--schema", guandu, "--store", "s.sqlite"] + returns, in: dir, environment: fixed)
      #expect(imported.status <= 1, "run \(run): \(imported.stderr)")
      let status = try TestSupport.nianjian(
        ["status", "--year", "2025", "--format", "json", "--schema", guandu, "--store", "s.sqlite"], in: dir)
      #expect(status.stdout.contains("2026-01-01T00:00:00Z"), "run \(run): \(status.stdout.prefix(400))")
      let yearbook = try TestSupport.nianjian(
        ["yearbook", "--year", "2025", "--out", "y.xlsx", "--schema", guandu, "--store", "s.sqlite"], in: dir)
      #expect(yearbook.status == 0, "run \(run): \(yearbook.stderr)")
      yearbooks.append(try Data(contentsOf: dir.appendingPathComponent("y.xlsx")))
    }
    #expect(yearbooks[0] == yearbooks[1])
  }

  @Test func historyCsvIsImportedIntoANewStoreAndReimportChangesNothing() throws {
    let dir = try folder()
    try write(
      "指标代码,年份,数值\nT-HE-01,2023,95\nT-HE-01,2024,95.5\nT-HE-02,2024,—\n", to: dir.appendingPathComponent("历史数据.csv"))
    let first = try TestSupport.nianjian(["import", "历史数据.csv", "--schema", schema], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("历史数据.csv：历史数据已导入（3 个数值，2023–2024 年）：新增 3 个数值"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nianjian.sqlite").path))

    let again = try TestSupport.nianjian(["import", "历史数据.csv", "--schema", schema], in: dir)
    #expect(again.status == 0)
    #expect(again.stdout.contains("已导入过"))
    #expect(again.stdout.contains("未作任何改动"))
  }

  @Test func correctedHistoryPrintsTheRevisionInEnglish() throws {
    let dir = try folder()
    try write("code,year,value\nT-HE-01,2024,95\n", to: dir.appendingPathComponent("h1.csv"))
    try write("code,year,value\nT-HE-01,2024,95.25\n", to: dir.appendingPathComponent("h2.csv"))
    _ = try TestSupport.nianjian(["import", "h1.csv", "--schema", schema, "--store", "s.sqlite"], in: dir)
    let result = try TestSupport.nianjian(
      ["import", "h2.csv", "--schema", schema, "--store", "s.sqlite", "--lang", "en"], in: dir)
    #expect(result.status == 0)
    #expect(result.stdout.contains("h2.csv: history imported (1 value(s), 2024): 0 new value(s), 1 revision(s)"))
    #expect(result.stdout.contains("revision T-HE-01 2024: 95 → 95.25 (was h1.csv)"))
  }

  @Test func historyWithUnknownCodeIsRejectedWithFileAndCellAndExitsTwo() throws {
    let dir = try folder()
    try write("指标代码,年份,数值\nT-HE-01,2024,95\nT-ZZ-09,2024,1\n", to: dir.appendingPathComponent("历史.csv"))
    let result = try TestSupport.nianjian(["import", "历史.csv", "--schema", schema], in: dir)
    #expect(result.status == 2)
    #expect(result.stdout.contains("历史.csv：历史数据表有 1 个错误，未入库"))
    #expect(result.stdout.contains("CSV!A3"))
    #expect(result.stdout.contains("T-ZZ-09"))
  }

  @Test func unreadableFileExits65AndDoesNotStopTheOthers() throws {
    let dir = try folder()
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]).write(
      to: dir.appendingPathComponent("旧格式.xls"))
    try write("指标代码,年份,数值\nT-HE-01,2024,95\n", to: dir.appendingPathComponent("历史.csv"))
    let result = try TestSupport.nianjian(["import", "旧格式.xls", "历史.csv", "--schema", schema], in: dir)
    #expect(result.status == 65)
    #expect(result.stderr.contains("旧格式.xls"))
    #expect(result.stdout.contains("历史.csv：历史数据已导入"))
    #expect(result.stdout.contains("共 2 个文件：接收 1，接收但有警告 0，退回 0，已导入过 0，无法读取 1"))
  }

  @Test func textFileWithoutHistoryHeaderExits65WithAnExplanation() throws {
    let dir = try folder()
    try write("姓名,电话\n张三,123\n", to: dir.appendingPathComponent("名单.csv"))
    let result = try TestSupport.nianjian(["import", "名单.csv", "--schema", schema], in: dir)
    #expect(result.status == 65)
    #expect(result.stderr.contains("不是历史数据表"))
  }

  @Test func storeThatCannotBeOpenedExits74() throws {
    let dir = try folder()
    try write("指标代码,年份,数值\nT-HE-01,2024,95\n", to: dir.appendingPathComponent("历史.csv"))
    try write("not a database", to: dir.appendingPathComponent("bad.sqlite"))
    let notAStore = try TestSupport.nianjian(
      ["import", "历史.csv", "--schema", schema, "--store", "bad.sqlite"], in: dir)
    #expect(notAStore.status == 74)
    #expect(notAStore.stderr.contains("bad.sqlite"))
    let noFolder = try TestSupport.nianjian(
      ["import", "历史.csv", "--schema", schema, "--store", "missing/folder/s.sqlite"], in: dir)
    #expect(noFolder.status == 74)
  }

  @Test func storeFromEnvironmentIsUsed() throws {
    let dir = try folder()
    try write("指标代码,年份,数值\nT-HE-01,2024,95\n", to: dir.appendingPathComponent("历史.csv"))
    let result = try TestSupport.nianjian(
      ["import", "历史.csv", "--schema", schema], in: dir, environment: ["NIANJIAN_STORE": "env.sqlite"])
    #expect(result.status == 0)
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("env.sqlite").path))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nianjian.sqlite").path))
  }

  @Test func historyWorkbookIsRecognisedByContentWhateverItsName() throws {
    let dir = try folder()
    try FileManager.default.copyItem(
      at: TestSupport.fixture("store/history-openpyxl.xlsx"), to: dir.appendingPathComponent("2025年卫生健康局.xlsx"))
    let result = try TestSupport.nianjian(["import", "2025年卫生健康局.xlsx", "--schema", schema], in: dir)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("历史数据已导入（8 个数值，2020–2024 年）"))
  }

  @Test func missingFileArgumentIsAUsageError() throws {
    let result = try TestSupport.nianjian(["import", "--schema", schema], in: try folder())
    #expect(result.status == 64)
  }
}
