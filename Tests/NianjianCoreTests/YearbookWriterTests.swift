import Foundation
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@testable import NianjianCore

@Suite struct YearbookWriterTests {
  static let chineseSheets = [
    "封面", "目录", "综述", "儿童发展规划", "儿童发展规划图表", "妇女发展规划", "妇女发展规划图表", "预警与说明", "报送情况", "冲突与修订",
    "数据来源", "图表数据",
  ]

  @Test func writesSheetsInOrderWithTheChartDataHidden() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input()))
    #expect(book.sheetNames == Self.chineseSheets)
    #expect(YearbookWriter.sheetNames(for: try YearbookFixture.schema()) == Self.chineseSheets)
    #expect(book.states["图表数据"] == .hidden)
    for name in Self.chineseSheets.dropLast() { #expect(book.states[name] == .visible, "\(name)") }
  }

  @Test func coverNamesTheJurisdictionYearCompilersAndSchemaVersion() throws {
    let input = try YearbookFixture.input()
    let book = try ReadYearbook(try YearbookScratch.write(input))
    #expect(book.text("封面", "A2") == "某某省某某市河西区2024年妇女儿童统计资料")
    #expect(book.text("封面", "A4") == "编制：河西区统计局  河西区妇女儿童工作委员会")
    #expect(book.text("封面", "A8") == "指标库版本：" + String(input.schema.version.prefix(12)))
  }

  @Test func planSheetShowsEveryYearBaselineTargetAndStatus() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input()))
    let sheet = "妇女发展规划"
    let header = [
      "指标代码", "指标名称", "单位", "基期年份", "基期值", "2021年", "2022年", "2023年", "2024年", "目标", "评估年份", "达标情况", "判断说明", "预测至目标年",
      "预警", "报送部门",
    ]
    for (offset, label) in header.enumerated() {
      let column = String(UnicodeScalar(UInt8(65 + offset)))
      #expect(book.text(sheet, "\(column)3") == label, "\(column)3")
    }
    #expect(book.text(sheet, "A4") == "一、妇女与健康")
    #expect(book.text(sheet, "A9") == "二、妇女与教育")
    // W-HE-01: baseline, four years, the 2025 target, met.
    #expect(book.text(sheet, "A5") == "W-HE-01")
    #expect(book.text(sheet, "C5") == "1/10万")
    #expect(book.number(sheet, "D5") == 2020)
    #expect(book.number(sheet, "E5") == 10.5)
    #expect(
      [book.number(sheet, "F5"), book.number(sheet, "G5"), book.number(sheet, "H5"), book.number(sheet, "I5")] == [
        10.2, 9.8, 9.6, 9.55,
      ])
    #expect(book.text(sheet, "J5") == "2025年：≤10/10万（控制在10/10万以下）")
    #expect(book.number(sheet, "K5") == 2024)
    #expect(book.text(sheet, "L5") == "达标")
    // W-HE-02: not met, off track and swinging.
    #expect(book.text(sheet, "L6") == "未达标")
    let flags = try #require(book.text(sheet, "O6"))
    #expect(flags.contains("预计达标困难"))
    #expect(flags.contains("波动较大（2023年93.4→2024年85.2）"))
    // W-HE-03: no 2024 value, judged on 2023; exact values beyond the displayed decimals.
    #expect(book.text(sheet, "I7") == "—")
    #expect(book.number(sheet, "G7") == 62.25)
    #expect(book.number(sheet, "H7") == 64.125)
    #expect(book.number(sheet, "K7") == 2023)
    // W-HE-04: qualitative.
    #expect(book.text(sheet, "I8") == "已建立区、街道两级妇幼健康服务网络")
    #expect(book.text(sheet, "L8") == "无法评估")
    #expect(book.text(sheet, "N8") == "不适用")
    // W-ED-01: declared no data; W-ED-02: not applicable and a conflict.
    #expect(book.text(sheet, "I10") == "—")
    #expect(book.text(sheet, "P10") == "区教育体育局、区统计局")
    #expect(book.text(sheet, "G11") == "不适用")
    #expect(book.text(sheet, "I11") == "※ 数据冲突")
    #expect(book.text(sheet, "L11") == "接近达标")
    let notes = (1...30).compactMap { book.text(sheet, "A\($0)") }
    #expect(notes.contains { $0.contains("※ 数据冲突") && $0.contains("冲突与修订") })
    #expect(notes.contains { $0.hasPrefix("资料来源") })
  }

  @Test func summaryCountsStatusesPerDomainAndListsEarlyWarnings() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input()))
    let sheet = "综述"
    #expect(book.text(sheet, "B8") == "妇女与健康")
    // 4 indicators: met 2, near 0, not met 1, cannot assess 1, off track 1, swinging 1.
    #expect((3...9).map { book.number(sheet, "\(String(UnicodeScalar(UInt8(64 + $0))))8") } == [4, 2, 0, 1, 1, 1, 1])
    #expect(book.text(sheet, "J4") == "2024年有数据")
    #expect(book.number(sheet, "J8") == 3, "W-HE-01, W-HE-02 and the text of W-HE-04")
    #expect(book.text(sheet, "K4") == "按往年数值判断")
    #expect(book.number(sheet, "K8") == 1, "W-HE-03 on 2023")
    #expect(book.number(sheet, "K9") == 2, "W-ED-01 (no data for 2024) and W-ED-02 (a conflict in 2024)")
    #expect(book.text(sheet, "B10") == "合计")
    #expect(book.number(sheet, "C10") == 6)
    let offTrack = book.rows(sheet, column: "A", equal: "W-HE-02")
    #expect(offTrack.count == 2, "listed as off track and as swinging")
  }

  @Test func warningsCarryExplanationsOrAwaitOne() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input()))
    let sheet = "预警与说明"
    let swing = try #require(book.rows(sheet, column: "D", equal: "W-HE-02").first)
    #expect(book.text(sheet, "K\(swing)") == YearbookFixture.explainedSwing)
    #expect(book.text(sheet, "L\(swing)") == "已说明")
    let outstanding = try #require(book.rows(sheet, column: "D", equal: "C-HE-03").first)
    #expect(book.text(sheet, "K\(outstanding)") == "待说明")
    let emptyExplanation = try #require(book.rows(sheet, column: "D", equal: "W-ED-02").first)
    #expect(book.text(sheet, "K\(emptyExplanation)") == "待说明")
    #expect(book.rows(sheet, column: "A", equal: "共 3 条警告，其中 2 条待说明。").count == 1)
  }

  @Test func submissionsListEveryFileAndTheDepartmentThatSentNothing() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input()))
    let sheet = "报送情况"
    #expect(book.text(sheet, "D3") == "SHA-256")
    let files = (4...8).compactMap { book.text(sheet, "C\($0)") }
    #expect(
      files == ["statistics-2024.xlsx", "health-2024.xlsx", "education-2024-draft.xlsx", "education-2024.xlsx", "—"])
    #expect(book.text(sheet, "F6") == "已退回（有错误）")
    #expect(book.number(sheet, "G6") == 3)
    #expect(book.text(sheet, "A8") == "区民政局")
    #expect(book.text(sheet, "F8") == "未报送")
    #expect(book.rows(sheet, column: "A", equal: "区妇联").isEmpty, "a department without indicators is not chased")
  }

  @Test func provenanceHasOneRowPerValueWithFileShaSheetCellAndRawText() throws {
    let input = try YearbookFixture.input()
    let book = try ReadYearbook(try YearbookScratch.write(input))
    let sheet = "数据来源"
    let sorted = YearbookAnalysis(input).sortedValues
    #expect(sorted.count == input.values.count)
    for (offset, value) in sorted.enumerated() {
      let row = ProvenanceSheet.headerRow + 2 + offset
      #expect(book.text(sheet, "A\(row)") == value.indicatorCode)
      #expect(book.number(sheet, "C\(row)") == Double(value.year))
      switch value.quantity {
      case .number(let number): #expect(book.number(sheet, "D\(row)") == number, "D\(row)")
      case .text(let text): #expect(book.text(sheet, "D\(row)") == text)
      case .missing(let reason): #expect(book.text(sheet, "D\(row)") == (reason == .notApplicable ? "不适用" : "—"))
      }
      #expect(book.text(sheet, "F\(row)") == value.provenance.fileName)
      #expect(book.text(sheet, "G\(row)") == value.provenance.sha256)
      #expect(book.text(sheet, "H\(row)") == value.provenance.sheet)
      #expect(book.text(sheet, "I\(row)") == value.provenance.cell)
      #expect(book.text(sheet, "J\(row)") == value.provenance.rawText)
      #expect(book.number(sheet, "K\(row)") == Double(value.submissionID))
    }
  }

  @Test func conflictsListEachValueAndRevisionsBothFiles() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input()))
    let sheet = "冲突与修订"
    #expect(book.rows(sheet, column: "B", equal: "W-ED-02") == [5, 6])
    #expect(book.number(sheet, "E5") == 96.5)
    #expect(book.text(sheet, "G5") == "education-2024.xlsx")
    #expect(book.number(sheet, "E6") == 95.8)
    #expect(book.text(sheet, "J6") == "95.80")
    let revision = try #require(book.rows(sheet, column: "B", equal: "C-HE-01").first)
    #expect(book.number(sheet, "E\(revision)") == 4.2)
    #expect(book.text(sheet, "G\(revision)") == "health-2023.xlsx")
    #expect(book.number(sheet, "J\(revision)") == 4.1)
    #expect(book.text(sheet, "L\(revision)") == "health-2023-v2.xlsx")
  }

  @Test func sameInputGivesTheSameBytes() throws {
    let input = try YearbookFixture.input()
    let first = try Data(contentsOf: try YearbookScratch.write(input))
    var shuffled = input
    shuffled.values.reverse()
    shuffled.submissions.reverse()
    shuffled.warnings.reverse()
    shuffled.conflicts = shuffled.conflicts.map {
      Conflict(indicatorCode: $0.indicatorCode, year: $0.year, values: $0.values.reversed())
    }
    let second = try Data(contentsOf: try YearbookScratch.write(shuffled))
    #expect(first == second)
  }

  @Test func englishLabelsAndSheetNames() throws {
    let book = try ReadYearbook(try YearbookScratch.write(try YearbookFixture.input(), language: .en))
    #expect(book.sheetNames.first == "Cover")
    #expect(book.sheetNames.contains("Women's plan"))
    #expect(book.text("Women's plan", "A3") == "Code")
    #expect(book.text("Women's plan", "F3") == "2021")
    #expect(book.text("Women's plan", "L5") == "met")
    #expect(book.text("Submissions", "F8") == "not submitted")
  }

  @Test func missingFolderIsAnIOErrorAndLeavesNothing() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook")
    let url = folder.appendingPathComponent("no/such/folder/年鉴.xlsx")
    #expect {
      try YearbookWriter.write(try YearbookFixture.input(), to: url)
    } throws: { error in
      (error as? YearbookWriteError)?.kind == .io
    }
    #expect(!FileManager.default.fileExists(atPath: url.path))
  }

  @Test func folderInThePlaceOfTheFileIsAnIOError() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook")
    let url = folder.appendingPathComponent("年鉴.xlsx")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
    #expect {
      try YearbookWriter.write(try YearbookFixture.input(), to: url)
    } throws: { error in
      (error as? YearbookWriteError)?.kind == .io
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["年鉴.xlsx"])
  }

  @Test func existingFileIsReplacedWhole() throws {
    let url = try YearbookScratch.write(try YearbookFixture.input())
    try YearbookWriter.write(try YearbookFixture.input(), to: url)
    #expect(try ReadYearbook(url).sheetNames == Self.chineseSheets)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
    #expect(leftovers == [url.lastPathComponent])
  }

  @Test func emptyInputStillMakesACompleteYearbook() throws {
    var input = try YearbookFixture.input()
    input.values = []
    input.submissions = []
    input.warnings = []
    input.revisions = []
    input.conflicts = []
    let book = try ReadYearbook(try YearbookScratch.write(input))
    #expect(book.sheetNames == Self.chineseSheets)
    #expect(book.text("妇女发展规划", "L5") == "无法评估")
    #expect(book.text("报送情况", "F4") == "未报送")
  }

  @Test func hostileTextIsWrittenSafely() throws {
    var input = try YearbookFixture.input()
    input.values.append(
      YearbookFixture.value(
        "W-HE-04", 2023, .text("含\u{0}空字符" + String(repeating: "长", count: 40_000)), "health", row: 8))
    input.values.append(YearbookFixture.value("X-UNKNOWN", 2024, .number(1.5), "health", row: 99))
    let book = try ReadYearbook(try YearbookScratch.write(input))
    let unknown = try #require(book.rows("数据来源", column: "A", equal: "X-UNKNOWN").first)
    #expect(book.number("数据来源", "D\(unknown)") == 1.5)
    let long = try #require(book.text("妇女发展规划", "H8"))
    #expect(long.count == 32_767)
    #expect(!long.contains("\u{0}"))
  }
}
