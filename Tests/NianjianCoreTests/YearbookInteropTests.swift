import Foundation
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@testable import NianjianCore

/// The yearbook read by other tools: openpyxl (values, formats, colours, notes, links, charts) and LibreOffice.
@Suite struct YearbookInteropTests {
  static let hasOpenpyxl = TestSupport.pythonHasModules(["openpyxl"])

  /// What `Tests/Fixtures/yearbook/inspect_yearbook.py` reports about one sheet.
  struct InspectedSheet {
    var name: String
    var state: String
    var charts: [[String: Any]]
    var cells: [String: Any]
    var formats: [String: String]
    var fills: [String: String]
    var comments: [String: String]
    var links: [String: String]
  }

  static func inspect(_ url: URL) throws -> [InspectedSheet] {
    let script = TestSupport.fixture("yearbook/inspect_yearbook.py").path
    let result = try TestSupport.python([script, url.path])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    let sheets = try #require(json["sheets"] as? [[String: Any]])
    return sheets.map { sheet in
      InspectedSheet(
        name: sheet["name"] as? String ?? "", state: sheet["state"] as? String ?? "",
        charts: sheet["charts"] as? [[String: Any]] ?? [], cells: sheet["cells"] as? [String: Any] ?? [:],
        formats: sheet["formats"] as? [String: String] ?? [:], fills: sheet["fills"] as? [String: String] ?? [:],
        comments: sheet["comments"] as? [String: String] ?? [:], links: sheet["links"] as? [String: String] ?? [:])
    }
  }

  @Test(.enabled(if: hasOpenpyxl)) func openpyxlReadsExactValuesFormatsColoursNotesLinksAndCharts() throws {
    let input = try YearbookFixture.input()
    let sheets = try Self.inspect(try YearbookScratch.write(input))
    #expect(sheets.map(\.name) == YearbookWriterTests.chineseSheets)
    let byName = Dictionary(uniqueKeysWithValues: sheets.map { ($0.name, $0) })

    let provenance = try #require(byName["数据来源"])
    for (offset, value) in YearbookAnalysis(input).sortedValues.enumerated() {
      guard case .number(let number) = value.quantity else { continue }
      let cell = "D\(ProvenanceSheet.headerRow + 2 + offset)"
      #expect((provenance.cells[cell] as? NSNumber)?.doubleValue == number, "\(cell)")
    }

    let women = try #require(byName["妇女发展规划"])
    #expect((women.cells["H7"] as? NSNumber)?.doubleValue == 64.125)
    #expect(women.formats["H7"] == "0.0")
    #expect(women.formats["E5"] == "0.00")
    #expect(women.cells["L5"] as? String == "达标")
    #expect(women.fills["L5"] == "C6EFCE")
    #expect(women.cells["L6"] as? String == "未达标")
    #expect(women.fills["L6"] == "FFC7CE")
    #expect(women.comments["I6"] == "情况说明：" + YearbookFixture.explainedSwing)
    #expect(women.comments["I11"]?.contains("96.5") == true)
    #expect(women.comments["I11"]?.contains("95.8") == true)
    let children = try #require(byName["儿童发展规划"])
    #expect(children.comments["H5"]?.contains("4.2 → 4.1") == true)
    #expect(children.formats["F6"] == "0")

    let contents = try #require(byName["目录"])
    for name in YearbookWriterTests.chineseSheets.dropLast() {
      #expect(contents.links.values.contains("'\(name)'!A1"), "link to \(name)")
    }
    #expect(!contents.links.values.contains("'图表数据'!A1"), "no link into the hidden sheet")
    #expect(contents.cells["B15"] as? String == "图表数据")

    #expect(byName["图表数据"]?.state == "hidden")
    let womenCharts = try #require(byName["妇女发展规划图表"]).charts
    let childrenCharts = try #require(byName["儿童发展规划图表"]).charts
    // Numeric indicators with two or more years: W-HE-01, -02, -03, W-ED-01; C-HE-01, -02, -03, C-WE-01, -02.
    #expect(womenCharts.count == 4)
    #expect(childrenCharts.count == 5)
    let titles = womenCharts.compactMap { $0["title"] as? String }
    #expect(titles.contains("W-HE-02 孕产妇系统管理率（%）"))
    for chart in womenCharts + childrenCharts {
      let series = chart["series"] as? [[String: Any]] ?? []
      #expect(!series.isEmpty)
      for item in series { #expect((item["values"] as? String)?.hasPrefix("'图表数据'!") == true) }
    }
    let sexRatio = try #require(childrenCharts.first { ($0["title"] as? String)?.hasPrefix("C-WE-02") == true })
    #expect((sexRatio["series"] as? [[String: Any]])?.count == 3, "the value and both ends of the 103–107 band")
  }

  @Test(.enabled(if: TestSupport.hasLibreOffice)) func libreOfficeConvertsTheYearbookAndKeepsTheNumbers() throws {
    let input = try YearbookFixture.input()
    let url = try YearbookScratch.write(input, name: "yearbook.xlsx")
    let out = try TestSupport.makeTemporaryDirectory("yearbook-lo")
    let profile = try TestSupport.makeTemporaryDirectory("lo-profile")
    defer { try? FileManager.default.removeItem(at: profile) }
    let result = try TestSupport.run(
      URL(fileURLWithPath: "/usr/bin/soffice"),
      [
        "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "xlsx", "--outdir", out.path,
        url.path,
      ])
    #expect(result.status == 0, "\(result.stderr)")
    let converted = out.appendingPathComponent("yearbook.xlsx")
    let book = try ReadYearbook(converted)
    #expect(book.sheetNames == YearbookWriterTests.chineseSheets)
    for (offset, value) in YearbookAnalysis(input).sortedValues.enumerated() {
      guard case .number(let number) = value.quantity else { continue }
      #expect(book.number("数据来源", "D\(ProvenanceSheet.headerRow + 2 + offset)") == number)
    }
    #expect(book.text("妇女发展规划", "L6") == "未达标")
  }
}

extension YearbookInteropTests {
  @Test(.enabled(if: TestSupport.hasLibreOffice)) func libreOfficeConvertsEnglishAndRealJurisdictionYearbooks() throws {
    let english = try YearbookScratch.write(try YearbookFixture.input(), language: .en, name: "english.xlsx")
    let guandu = try YearbookScratch.write(try YearbookRealJurisdictionTests.input(), name: "guandu.xlsx")
    for url in [english, guandu] {
      let out = try TestSupport.makeTemporaryDirectory("yearbook-lo")
      let profile = try TestSupport.makeTemporaryDirectory("lo-profile")
      defer { try? FileManager.default.removeItem(at: profile) }
      let result = try TestSupport.run(
        URL(fileURLWithPath: "/usr/bin/soffice"),
        [
          "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "xlsx", "--outdir",
          out.path, url.path,
        ])
      #expect(result.status == 0, "\(result.stderr)")
      let converted = try ReadYearbook(out.appendingPathComponent(url.lastPathComponent))
      #expect(converted.sheetNames == (try ReadYearbook(url)).sheetNames)
    }
  }
}

extension YearbookInteropTests {
  @Test(.enabled(if: hasOpenpyxl)) func realJurisdictionGetsOneChartPerNumericIndicator() throws {
    let input = try YearbookRealJurisdictionTests.input()
    let sheets = try Self.inspect(try YearbookScratch.write(input))
    let names = YearbookSheetNames(schema: input.schema, language: .zh)
    let analysis = YearbookAnalysis(input)
    for (index, section) in analysis.plans.enumerated() {
      let charts = sheets.first { $0.name == names.charts[index] }?.charts ?? []
      let expected = section.records.filter { ChartsSheet.isCharted($0, years: section.years) }.count
      #expect(charts.count == expected, "\(names.charts[index])")
      #expect(expected == section.records.filter { !$0.indicator.isQualitative }.count)
    }
  }
}
