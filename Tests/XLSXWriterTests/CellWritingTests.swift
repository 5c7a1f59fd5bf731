import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("Cells: values, numbers, dates, formulas")
struct CellWritingTests {
  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func valuesOfEveryKindReadBackWithTheirTypes() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("cells.xlsx"))
    let sheet = try book.addWorksheet("表1")
    try sheet.write(.number(93.5), at: CellAddress("A1"))
    try sheet.write(.string("孕产妇死亡率"), at: CellAddress("A2"))
    try sheet.write(.bool(true), at: CellAddress("A3"))
    try sheet.write(.date(year: 2025, month: 3, day: 1), at: CellAddress("A4"))
    try sheet.write(.dateTime(year: 2025, month: 3, day: 1, hour: 8, minute: 30, second: 0), at: CellAddress("A5"))
    try sheet.write(.formula("SUM(A1,1)", cached: .number(94.5)), at: CellAddress("A6"))
    try sheet.write(.formula("=\"达标\"", cached: .string("达标")), at: CellAddress("A7"))
    try sheet.write(.formula("A1*2"), at: CellAddress("A8"))
    try sheet.write(.blank, at: CellAddress("A9"), format: .unlocked)
    try book.close()

    let json = try Inspector.inspect(scratch.url("cells.xlsx"))
    let cells = json["sheets"]["表1"]["cells"]
    #expect(cells["A1"]["value"].double == 93.5)
    #expect(cells["A2"]["value"].string == "孕产妇死亡率")
    #expect(cells["A3"]["value"].bool == true)
    #expect(cells["A4"]["value"].string == "2025-03-01T00:00:00")
    #expect(cells["A4"]["numberFormat"].string == "yyyy-mm-dd")
    #expect(cells["A5"]["value"].string == "2025-03-01T08:30:00")
    #expect(cells["A6"]["value"].string == "=SUM(A1,1)")
    #expect(cells["A7"]["value"].string == "=\"达标\"")
    let raw = json["sheets"]["表1"]["raw"]
    #expect(raw["A6"]["v"].string == "94.5")
    #expect(raw["A7"]["v"].string == "达标")
    #expect(raw["A7"]["t"].string == "str")
    // A formula without a known result stores no value (not a misleading 0).
    #expect(raw["A8"]["f"].string == "A1*2")
    #expect(raw["A8"]["v"].isNull)
    #expect(cells["A9"]["locked"].bool == false)
  }

  @Test(.enabled(if: TestSupport.pythonHasModules(["python_calamine"])))
  func textsThatLookLikeEscapesReadBackUnchanged() throws {
    // libxlsxwriter 1.1.4 writes a literal "_x0041_" as is; readers would decode it to "A".
    let scratch = try Scratch()
    let texts = ["a_x0041_b", "c_x005F_", "行\r\n尾", "_x000d__X1234_", "_x12_ plain", "x_y"]
    let book = try Workbook(path: scratch.path("escapes.xlsx"))
    let sheet = try book.addWorksheet("表1")
    for (row, text) in texts.enumerated() { try sheet.write(.string(text), row: row, column: 0) }
    try sheet.write(.formula("\"x\"", cached: .string("_x0042_")), row: texts.count, column: 0)
    try book.close()
    let code = """
      import json, sys, python_calamine
      rows = python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name("表1").to_python()
      print(json.dumps([r[0] for r in rows]))
      """
    let result = try TestSupport.python(["-c", code, scratch.path("escapes.xlsx")])
    let values = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String]
    #expect(values == texts + ["_x0042_"])
  }
}
