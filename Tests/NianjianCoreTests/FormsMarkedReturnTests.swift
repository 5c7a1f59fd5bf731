import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@Suite struct FormsMarkedReturnTests {
  private func report(identity: TemplateIdentity?) -> ReturnReport {
    let values = [
      FormsSupport.value("W-HE-01", .number(12.5), raw: "12.5", cell: "G9"),
      FormsSupport.value("W-HE-03", .missing(.noData), raw: "无", cell: "G12", explanation: "暂无统计"),
      FormsSupport.value("W-HE-04", .missing(.notApplicable), raw: "不适用", cell: "G13"),
      FormsSupport.value("C-HE-01", .number(0.1 + 0.2), raw: "0.30000000000000004", cell: "G16"),
    ]
    let findings = [
      FormsSupport.finding(.error, "value.range", "W-HE-01", cell: "G9", value: "12.5", "孕产妇死亡率超出目标"),
      FormsSupport.finding(.warning, "value.swing", "W-HE-01", cell: "G9", value: "12.5", "比上年变化较大"),
      FormsSupport.finding(.warning, "value.missing", "W-HE-03", cell: "G12", value: "无", "无数据，请说明"),
      FormsSupport.finding(.info, "value.coerced", "C-HE-01", cell: "G16", value: "0.3", "文本已转换为数字"),
      FormsSupport.finding(.warning, "structure.footer", nil, cell: "C40", value: nil, "未填写填表人"),
    ]
    return ReturnReport(
      path: "/in/卫生健康局.xlsx", fileName: "卫生健康局.xlsx", sha256: "ab", identity: identity,
      identification: identity == nil ? .headerByCode : .customProperty, values: values, findings: findings)
  }

  private func identity(_ schema: Schema) -> TemplateIdentity {
    TemplateIdentity(
      templateID: TemplateIdentity.makeID(
        jurisdiction: "sample", department: "health", year: 2026, schemaVersion: schema.version),
      schemaVersion: schema.version, jurisdiction: "sample", department: "health", year: 2026)
  }

  @Test func markedCopyKeepsTheTemplateLayoutWithTheDepartmentsValues() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let file = try MarkedReturnWriter.write(report: report(identity: identity(schema)), schema: schema, to: folder)
    #expect(file.lastPathComponent == "卫生健康局_审核意见.xlsx")
    let document = try XLSXDocument(contentsOf: file)
    #expect(document.sheets.first?.name == FormLayout.reviewSummarySheet)
    #expect(document.properties.custom(FormLayout.Property.department) == .string("health"))
    let sheet = try FormsSupport.formSheet(document)
    let header = try #require(FormsSupport.header(of: sheet))
    let rows = FormsSupport.rowsByCode(sheet)
    #expect(Set(rows.keys) == Set(schema.indicators(department: "health").map(\.code)))
    let current = try #require(header.columns[.current])
    let review = try #require(header.columns[.review])
    func cell(_ code: String, _ column: Int) -> Cell? { rows[code].flatMap { sheet.cell(row: $0, column: column) } }
    let explanation = try #require(header.columns[.explanation])
    #expect(cell("W-HE-01", current)?.value == .number(12.5))
    #expect(cell("W-HE-03", current)?.value == .string("无"))
    #expect(cell("W-HE-04", current)?.value == .string("不适用"))
    #expect(cell("C-HE-01", current)?.value == .number(0.1 + 0.2))
    #expect(FormsSupport.string(cell("W-HE-03", explanation)) == "暂无统计")
    // Status in words in the review column, and by colour on the value cell.
    let reviewText = try #require(FormsSupport.string(cell("W-HE-01", review)))
    #expect(reviewText.contains("【错误】孕产妇死亡率超出目标"))
    #expect(reviewText.contains("【警告】比上年变化较大"))
    #expect(FormsSupport.string(cell("C-HE-01", review))?.hasPrefix("【提示】") == true)
    #expect(cell("W-HE-02", review) == nil)
    #expect(cell("W-HE-01", current)?.style?.fillColor?.hasSuffix("FFC7CE") == true)
    #expect(cell("W-HE-03", current)?.style?.fillColor?.hasSuffix("FFEB9C") == true)
  }

  @Test(.enabled(if: FormsSupport.hasOpenpyxl))
  func summarySheetCountsFindingsAndLinksToTheirCells() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let file = try MarkedReturnWriter.write(report: report(identity: identity(schema)), schema: schema, to: folder)
    let info = try FormsSupport.script("inspect_form.py", [file.path])
    let review = try #require(info["review"] as? [String: Any])
    #expect(review["index"] as? Int == 0)
    let cells = try #require(review["cells"] as? [[Any]])
    let texts = cells.compactMap { $0.last as? String }
    // Counts by severity: label then number on the same row.
    var counts: [String: Int] = [:]
    for (index, entry) in cells.enumerated() where index + 1 < cells.count {
      if let label = entry.last as? String, ["错误", "警告", "提示"].contains(label),
        let count = cells[index + 1].last as? Int
      {
        counts[label] = count
      }
    }
    #expect(counts == ["错误": 1, "警告": 3, "提示": 1])
    #expect(texts.contains { $0.hasPrefix("不能接收") })
    #expect(texts.contains("监测数据!G9"))
    #expect(texts.contains("【错误】孕产妇死亡率超出目标"))
    let links = try #require(review["links"] as? [[String]])
    #expect(links.count == 4)  // every finding about an indicator; the footer finding has no row
    #expect(links.allSatisfy { $0[1].hasPrefix("'监测数据'!") })
    // Notes on problem cells carry the same words.
    let form = try #require(info["form"] as? [String: Any])
    let rows = try #require(form["rows"] as? [[String: Any]])
    let first = try #require(rows.first { $0["code"] as? String == "W-HE-01" })
    let firstCells = try #require(first["cells"] as? [String: [String: Any]])
    let valueCell = try #require(firstCells.first { $0.key.hasPrefix("本年数值") }?.value)
    #expect((valueCell["comment"] as? String)?.contains("【错误】") == true)
    #expect(valueCell["locked"] as? Bool == false)
  }

  @Test func withoutIdentityTheDepartmentIsDerivedFromTheIndicatorsFound() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let file = try MarkedReturnWriter.write(report: report(identity: nil), schema: schema, to: folder)
    let document = try XLSXDocument(contentsOf: file)
    #expect(document.properties.custom(FormLayout.Property.department) == .string("health"))
    let rows = FormsSupport.rowsByCode(try FormsSupport.formSheet(document))
    #expect(Set(rows.keys) == Set(schema.indicators(department: "health").map(\.code)))
  }

  @Test func indicatorsOfSeveralDepartmentsGiveAGenericFormOfJustThoseIndicators() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let mixed = ReturnReport(
      path: "/in/x.xlsx", fileName: "汇总.xlsx", sha256: "ef", identity: nil, identification: .headerByCode,
      values: [
        FormsSupport.value("W-HE-01", .number(1), raw: "1", cell: "C3"),
        FormsSupport.value("C-ED-01", .number(96.5), raw: "96.5", cell: "C4"),
      ], findings: [])
    let file = try MarkedReturnWriter.write(report: mixed, schema: schema, to: folder, language: .en)
    #expect(file.lastPathComponent == "汇总_审核意见.xlsx")
    let document = try XLSXDocument(contentsOf: file)
    #expect(document.sheets.first?.name == FormLayout.EnglishSheet.reviewSummary)
    #expect(document.properties.custom(FormLayout.Property.templateID) == nil)
    #expect(document.sheet(named: FormLayout.metadataSheet) == nil)
    let rows = FormsSupport.rowsByCode(try FormsSupport.formSheet(document, language: .en))
    #expect(Set(rows.keys) == ["W-HE-01", "C-ED-01"])
  }

  @Test func unreadableReturnStillGetsASummaryOfItsFindings() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let empty = ReturnReport(
      path: "/in/空表.xlsx", fileName: "空表.XLSX", sha256: "00", identity: nil, identification: .unidentified,
      values: [],
      findings: [FormsSupport.finding(.error, "structure.no_header", nil, cell: nil, value: nil, "找不到表头")])
    let file = try MarkedReturnWriter.write(report: empty, schema: schema, to: folder)
    #expect(file.lastPathComponent == "空表_审核意见.xlsx")
    let document = try XLSXDocument(contentsOf: file)
    let summary = try document.readSheet(try #require(document.sheet(named: FormLayout.reviewSummarySheet)))
    let texts = summary.cells.compactMap(FormsSupport.string)
    #expect(texts.contains("【错误】找不到表头"))
    #expect(texts.contains("structure.no_header"))
    #expect(FormsSupport.rowsByCode(try FormsSupport.formSheet(document)).isEmpty)
  }
}
