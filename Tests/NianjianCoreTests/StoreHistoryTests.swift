import Foundation
@_spi(Testing) import NianjianCore
import NianjianTestSupport
import Schema
import Testing

@Suite struct StoreHistoryTests {
  let schema: Schema

  init() throws { schema = try StoreFixture.schema() }

  /// Writes `text` (or raw bytes) into a scratch file and returns its URL.
  func scratch(_ name: String, _ text: String) throws -> URL {
    try scratch(name, bytes: Data(text.utf8))
  }

  func scratch(_ name: String, bytes: Data) throws -> URL {
    let url = try TestSupport.makeTemporaryDirectory("nianjian-history").appendingPathComponent(name)
    try bytes.write(to: url)
    return url
  }

  @Test func csvValuesAreReadExactlyWithMissingMarkersAndTextKept() throws {
    let url = try scratch(
      "历史.csv",
      "指标代码,年份,数值,备注,数据来源\nT-HE-01,2020,93.50,基期,卫生统计年报\nT-HE-02,2021,—,,\n"
        + "T-HE-02,2022,不适用,,\nT-HE-03,2022,\"已建立, 运行良好\",,\nT-ED-02,2023,\"1,234\",,\n"
        + "T-ED-01,2024,９５．５%,,\nT-ED-01,2023,,,\n\n")
    #expect(HistoryTableReader.detect(fileAt: url) == .csv)
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    #expect(table.isAcceptable)
    #expect(table.format == .csv(encoding: "UTF-8"))
    #expect(table.years == 2020...2024)
    let byKey = Dictionary(uniqueKeysWithValues: table.rows.map { ("\($0.indicatorCode) \($0.year)", $0) })
    #expect(byKey["T-HE-01 2020"]?.quantity == .number(93.5))
    #expect(byKey["T-HE-01 2020"]?.provenance.rawText == "93.50")
    #expect(byKey["T-HE-01 2020"]?.provenance.cell == "C2")
    #expect(byKey["T-HE-01 2020"]?.provenance.sheet == "CSV")
    #expect(byKey["T-HE-01 2020"]?.note == "基期")
    #expect(byKey["T-HE-01 2020"]?.source == "卫生统计年报")
    #expect(byKey["T-HE-02 2021"]?.quantity == .missing(.noData))
    #expect(byKey["T-HE-02 2022"]?.quantity == .missing(.notApplicable))
    #expect(byKey["T-HE-03 2022"]?.quantity == .text("已建立, 运行良好"))
    #expect(byKey["T-ED-02 2023"]?.quantity == .number(1234))
    #expect(byKey["T-ED-01 2024"]?.quantity == .number(95.5))
    #expect(byKey["T-ED-01 2023"]?.quantity == .missing(.blank))
    #expect(table.rows.count == 7)
    // Each coercion is reported.
    #expect(table.findings.filter { $0.severity == .info }.compactMap(\.cell).sorted() == ["C6", "C7"])
  }

  @Test func utf8WithBOMAndEnglishHeaderAreAccepted() throws {
    let url = try scratch("h.csv", bytes: Data([0xEF, 0xBB, 0xBF]) + Data("Code,Year,Value\nT-HE-01,2021,94.1\n".utf8))
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    #expect(table.format == .csv(encoding: "UTF-8 (BOM)"))
    #expect(table.rows.map(\.quantity) == [.number(94.1)])
  }

  @Test func gb18030CsvFromChineseExcelIsDecodedAndSaidSo() throws {
    let table = try HistoryTableReader.read(fileAt: TestSupport.fixture("store/history-gb18030.csv"), schema: schema)
    #expect(table.format == .csv(encoding: "GB18030"))
    #expect(table.isAcceptable)
    #expect(table.rows.first?.note == "基期（卫生统计年报）")
    #expect(table.rows.map(\.quantity) == [.number(93.5), .missing(.noData)])
    #expect(table.findings.contains { $0.rule == "history.encoding" && $0.severity == .info })
  }

  @Test func utf16TabSeparatedTextIsAccepted() throws {
    let table = try HistoryTableReader.read(fileAt: TestSupport.fixture("store/history-utf16.txt"), schema: schema)
    #expect(table.format == .csv(encoding: "UTF-16"))
    #expect(table.rows.map(\.quantity) == [.number(94.25)])
  }

  @Test func textThatIsNeitherUTF8NorGB18030IsRefusedWithAClearMessage() throws {
    // A lone 0x80 is not UTF-8, and 0xFF is not a GB18030 lead byte.
    let url = try scratch("bad.csv", bytes: Data("指标代码,年份,数值\n".utf8) + Data([0xFF, 0x80, 0x0A]))
    #expect {
      _ = try HistoryTableReader.read(fileAt: url, schema: schema)
    } throws: { error in
      guard let error = error as? HistoryReadError else { return false }
      return error.kind == .unreadable && error.message.zh.contains("UTF-8") && error.message.zh.contains("bad.csv")
    }
  }

  @Test func unknownCodesBadYearsBadValuesAndContradictionsAreErrorsWithCells() throws {
    let url = try scratch(
      "历史.csv",
      "指标代码,年份,数值\nT-XX-99,2021,1\nT-HE-01,二〇二一,1\nT-HE-01,2021,abc\nT-HE-01,2022,90\nT-HE-01,2022,91\n"
        + "T-HE-01,2023,1.2.3\n,2024,5\n")
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    #expect(!table.isAcceptable)
    let errors = table.findings.filter { $0.severity == .error }
    #expect(
      errors.map(\.rule) == [
        "history.unknown_code", "history.bad_year", "history.bad_value", "history.contradiction", "history.bad_value",
        "history.missing_code",
      ])
    #expect(errors.map { $0.cell ?? "" } == ["A2", "B3", "C4", "C6", "C7", "A8"])
    #expect(errors[0].message.zh.contains("T-XX-99"))
    #expect(errors[0].sheet == "CSV")
  }

  @Test func fileWithoutTheHeaderIsNotAHistoryTable() throws {
    let url = try scratch("notes.csv", "姓名,电话\n张三,123\n")
    #expect {
      _ = try HistoryTableReader.read(fileAt: url, schema: schema)
    } throws: { error in
      (error as? HistoryReadError)?.kind == .notHistoryTable
    }
  }

  @Test func xlsxSheetNamedHistoryIsFoundAndReadExactly() throws {
    let url = TestSupport.fixture("store/history-openpyxl.xlsx")
    #expect(HistoryTableReader.detect(fileAt: url) == .xlsx(sheet: "历史数据"))
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    #expect(table.isAcceptable, "\(table.findings.map(\.message.zh))")
    #expect(table.format == .xlsx(sheet: "历史数据"))
    let byKey = Dictionary(uniqueKeysWithValues: table.rows.map { ("\($0.indicatorCode) \($0.year)", $0) })
    #expect(byKey["T-HE-01 2020"]?.quantity == .number(93.5))
    #expect(byKey["T-HE-01 2020"]?.provenance.cell == "D4")
    #expect(byKey["T-HE-01 2020"]?.provenance.sheet == "历史数据")
    #expect(byKey["T-HE-01 2021"]?.quantity == .number(94.25))
    #expect(byKey["T-ED-02 2022"]?.quantity == .number(1234))
    // 0.935 in a percent-formatted cell is 93.5 (%), moved in decimal text: not 93.50000000000001.
    #expect(byKey["T-ED-01 2023"]?.quantity == .number(93.5))
    // openpyxl writes 17 significant digits (`0.9350000000000001`); the raw text is kept as written.
    #expect((byKey["T-ED-01 2023"]?.provenance.rawText).flatMap { Double($0) } == 0.935)
    #expect(byKey["T-ED-01 2024"]?.quantity == .number(96.1))
    #expect(byKey["T-ED-01 2024"]?.provenance.rawText == "96.10")
    #expect(byKey["T-HE-02 2022"]?.quantity == .missing(.notApplicable))
    #expect(byKey["T-HE-03 2024"]?.quantity == .text("已建立妇女健康服务体系"))
    #expect(table.rows.count == 8)
  }

  @Test func xlsxWithEnglishHeaderOnItsFirstSheetIsAHistoryTable() throws {
    let url = TestSupport.fixture("store/history-english.xlsx")
    #expect(HistoryTableReader.detect(fileAt: url) == .xlsx(sheet: "Sheet1"))
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    #expect(table.rows.map(\.quantity) == [.number(95.1), .number(95.6)])
    #expect(table.rows.first?.source == "health statistics")
  }

  @Test func percentShiftIsDoneInDecimalText() {
    #expect(HistoryValueParserProbe.shifted("0.935") == "93.5")
    #expect(HistoryValueParserProbe.shifted("1") == "100")
    #expect(HistoryValueParserProbe.shifted("0.001") == "0.1")
    #expect(HistoryValueParserProbe.shifted("-0.5") == "-50")
    #expect(HistoryValueParserProbe.shifted("12.3456") == "1234.56")
  }

  @Test func historyIsStoredAsItsOwnSourceRevisedByACorrectedTableAndInConflictWithAReturn() throws {
    let (store, _) = try StoreFixture.newStore()
    let first = try scratch("历史.csv", "指标代码,年份,数值\nT-HE-01,2024,95\nT-HE-02,2024,7.5\n")
    let result = try store.importHistory(
      try HistoryTableReader.read(fileAt: first, schema: schema), schema: schema, receivedAt: StoreFixture.receivedAt)
    #expect(result.outcome == .accepted)
    #expect(result.newValues == 2)
    let stored = try store.acceptedValues(through: 2024)
    #expect(stored.map(\.department) == ["history", "history"])
    #expect(stored.first?.provenance.fileName == "历史.csv")
    #expect(try store.submissions(year: 2024).first?.department == "history")

    // The health department reports 2024 differently: a conflict, both kept.
    let report = StoreFixture.report(
      "卫生健康局.xlsx", department: "health", year: 2024,
      values: [StoreFixture.value("T-HE-01", .number(95.2), year: 2024, file: "卫生健康局.xlsx")])
    let fromReturn = try store.importReturn(report, schemaVersion: schema.version, receivedAt: StoreFixture.receivedAt)
    #expect(fromReturn.conflicts == 1)
    #expect(try store.conflicts(through: 2024).map { $0.values.map(\.department) } == [["history", "health"]])

    // A corrected history table: a revision of the history source, which also resolves the conflict.
    let corrected = try scratch("历史（更正）.csv", "指标代码,年份,数值\nT-HE-01,2024,95.2\nT-HE-02,2024,7.5\n")
    let second = try store.importHistory(
      try HistoryTableReader.read(fileAt: corrected, schema: schema), schema: schema,
      receivedAt: StoreFixture.receivedAt)
    #expect(second.revisions == 1)
    #expect(second.conflicts == 0)
    #expect(try store.conflicts(through: 2024).isEmpty)
    #expect(try store.revisions(through: 2024).map(\.oldValue.quantity) == [.number(95)])
  }

  @Test func historyTableWithErrorsIsRejectedWhole() throws {
    let (store, _) = try StoreFixture.newStore()
    let url = try scratch("历史.csv", "指标代码,年份,数值\nT-HE-01,2024,95\nT-NO-01,2024,1\n")
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    let result = try store.importHistory(table, schema: schema, receivedAt: StoreFixture.receivedAt)
    #expect(result.outcome == .rejected)
    #expect(try store.acceptedValues(through: 2024).isEmpty)
  }

  @Test func returnWorkbooksAndOtherFilesAreNotHistoryTables() throws {
    let html = try scratch("export.xlsx", "<html><body><table><tr><td>指标代码</td></tr></table></body></html>")
    #expect(HistoryTableReader.detect(fileAt: html) == .notHistoryTable)
    let legacy = try scratch("old.xls", bytes: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0]))
    #expect(HistoryTableReader.detect(fileAt: legacy) == .notHistoryTable)
    #expect(HistoryTableReader.detect(fileAt: URL(fileURLWithPath: "/no/such/file.xlsx")) == .notHistoryTable)
  }
}

@Suite struct StoreWideHistoryTests {
  @Test func wideTableWithOneColumnPerYearIsRead() throws {
    let schema = try StoreFixture.schema()
    let url = try TestSupport.makeTemporaryDirectory("nianjian-history").appendingPathComponent("旧表.csv")
    try Data(
      ("测试区妇女发展规划监测数据\n指标代码,指标名称,2020年,2021年,2022（%）,备注\n"
        + "T-HE-01,孕产妇系统管理率,93.5,,94.10,口径一致\nT-HE-02,孕产妇死亡率,—,7.8,不适用,\n").utf8
    ).write(to: url)
    #expect(HistoryTableReader.detect(fileAt: url) == .csv)
    let table = try HistoryTableReader.read(fileAt: url, schema: schema)
    #expect(table.isAcceptable)
    #expect(
      table.rows.map { "\($0.indicatorCode) \($0.year) \($0.provenance.cell)" } == [
        "T-HE-01 2020 C3", "T-HE-01 2022 E3", "T-HE-02 2020 C4", "T-HE-02 2021 D4", "T-HE-02 2022 E4",
      ])
    #expect(
      table.rows.map(\.quantity) == [
        .number(93.5), .number(94.1), .missing(.noData), .number(7.8), .missing(.notApplicable),
      ])
    #expect(table.rows[0].note == "口径一致")
  }

  @Test func singleYearColumnIsNotTakenForHistory() throws {
    let schema = try StoreFixture.schema()
    let url = try TestSupport.makeTemporaryDirectory("nianjian-history").appendingPathComponent("重新录入.csv")
    try Data("指标代码,指标名称,2025年\nT-HE-01,孕产妇系统管理率,96\n".utf8).write(to: url)
    #expect {
      _ = try HistoryTableReader.read(fileAt: url, schema: schema)
    } throws: { error in
      (error as? HistoryReadError)?.kind == .notHistoryTable
    }
  }
}
