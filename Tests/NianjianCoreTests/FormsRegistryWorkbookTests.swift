import Foundation
import NianjianCore
import NianjianTestSupport
import Schema
import Testing
import XLSXReader

@Suite struct FormsRegistryWorkbookTests {
  @Test func registryWorkbookHasOneSheetPerPlanWithEveryIndicator() throws {
    let schema = try FormsSupport.sampleSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let file = try RegistryWorkbookWriter.write(schema: schema, to: folder.appendingPathComponent("指标库.xlsx"))
    let document = try XLSXDocument(contentsOf: file)
    #expect(document.sheets.map(\.name) == ["辖区与部门"] + schema.plans.map(\.title) + ["一致性规则"])
    for plan in schema.plans {
      let sheet = try document.readSheet(try #require(document.sheet(named: plan.title)))
      let codes = sheet.cells.filter { $0.column == 1 }.compactMap(FormsSupport.string)
      #expect(Set(plan.indicators.map(\.code)).isSubset(of: Set(codes)))
      for indicator in plan.indicators {
        guard let baseline = indicator.baseline,
          let row = sheet.cells.first(where: { $0.column == 1 && $0.value == .string(indicator.code) })?.row
        else { continue }
        #expect(sheet.cell(row: row, column: 11)?.value == .number(baseline.value))
      }
    }
    let rules = try document.readSheet(try #require(document.sheet(named: "一致性规则")))
    #expect(rules.cells.compactMap(FormsSupport.string).contains("W-R-01"))
  }

  @Test func registryWorkbookIsTheSameBytesEveryTime() throws {
    let schema = try FormsSupport.guanduSchema()
    let folder = try TestSupport.makeTemporaryDirectory("forms")
    let first = try RegistryWorkbookWriter.write(schema: schema, to: folder.appendingPathComponent("a.xlsx"))
    let second = try RegistryWorkbookWriter.write(schema: schema, to: folder.appendingPathComponent("b.xlsx"))
    #expect(try Data(contentsOf: first) == Data(contentsOf: second))
  }
}
