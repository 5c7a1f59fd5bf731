import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("Formats and validation rules in detail")
struct FormatAndValidationTests {
  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func everyFormatPropertyReachesTheFile() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("formats.xlsx"))
    let sheet = try book.addWorksheet("格式")
    var format = CellFormat(fontName: "黑体", fontSize: 12, italic: true, fontColor: .red, fill: .white)
    format.bottomBorder = .double
    format.leftBorder = .dotted
    format.horizontalAlignment = .right
    format.verticalAlignment = .top
    format.numberFormat = "#,##0.00\"万人\""
    format.hidesFormula = true
    try sheet.write(.number(1234.5), at: CellAddress("A1"), format: format)
    try sheet.write(.number(1), at: CellAddress("A2"), format: CellFormat(fontColor: .black))
    try sheet.setColumnFormat(CellFormat(numberFormat: "@"), columns: 3...3)
    try sheet.setRowFormat(CellFormat(bold: true), row: 5)
    try sheet.setRowHeight(22, row: 5)
    try book.close()

    let json = try Inspector.inspect(scratch.url("formats.xlsx"))["sheets"]["格式"]
    let cell = json["cells"]["A1"]
    #expect(cell["fontName"].string == "黑体")
    #expect(cell["fontSize"].double == 12)
    #expect(cell["italic"].bool == true)
    #expect(cell["fontColor"].string == "FFFF0000")
    #expect(cell["fill"].string == "FFFFFFFF")
    #expect(cell["border"].array.map(\.string) == ["dotted", nil, nil, "double"])
    #expect(cell["horizontal"].string == "right")
    #expect(cell["vertical"].string == "top")
    #expect(cell["numberFormat"].string == "#,##0.00\"万人\"")
    #expect(cell["hidden"].bool == true)
    #expect(json["cells"]["A2"]["fontColor"].string == "FF000000")  // black is not "automatic"
    #expect(json["cols"].array.first?["style"].isNull == false)
    #expect(json["rows"]["6"]["height"].double == 22)
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func blanksAndEmptyTextsClearACell() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("blank.xlsx"))
    let sheet = try book.addWorksheet("表1")
    try sheet.write(.number(0.1 + 0.2), at: CellAddress("A1"))
    try sheet.write(.blank, at: CellAddress("A1"))
    try sheet.write(.string("旧"), at: CellAddress("A2"))
    try sheet.write(.string(""), at: CellAddress("A2"))
    try book.close()
    let raw = try Inspector.inspect(scratch.url("blank.xlsx"))["sheets"]["表1"]["raw"]
    #expect(raw["A1"]["v"].isNull)
    #expect(raw["A2"]["v"].isNull)
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func promptsCustomFormulasAndSharedListsReadBack() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("rules.xlsx"))
    let sheet = try book.addWorksheet("表1")
    let longMessage = String(repeating: "说", count: WriteLimits.maxValidationMessageCharacters)
    try sheet.addValidation(
      DataValidation(.any, inputTitle: String(repeating: "题", count: 32), inputMessage: longMessage),
      to: CellRange("A1:A9"))
    try sheet.addValidation(DataValidation(.custom(formula: "=AND(B1>=0,B1<=C1)")), to: CellRange("B1:B9"))
    let departments = try book.addListValues(["卫生健康局", "教育局", "民政局"])
    #expect(departments.formula == "'_lists'!$A$1:$A$3")
    #expect(try book.addListValues(["卫生健康局", "教育局", "民政局"]) == departments)  // reused
    try sheet.addValidation(DataValidation(.listFrom(departments)), to: CellRange("C1:C9"))
    try sheet.addValidation(DataValidation(.list(["a,b", "c"]), showsDropdown: false), to: CellRange("D1:D9"))
    try book.close()

    let json = try Inspector.inspect(scratch.url("rules.xlsx"))
    let rules = json["sheets"]["表1"]["validations"].array
    #expect(rules.count == 4)
    #expect(rules[0]["type"].isNull)  // "any" is the default type and is not written
    #expect(rules[0]["prompt"].string == longMessage)
    #expect(rules[0]["promptTitle"].string?.count == 32)
    #expect(rules[1]["type"].string == "custom")
    #expect(rules[1]["formula1"].string == "AND(B1>=0,B1<=C1)")
    #expect(rules[2]["formula1"].string == "'_lists'!$A$1:$A$3")
    // An item with a comma cannot be inline: it goes to the list sheet.
    #expect(rules[3]["formula1"].string == "'_lists'!$B$1:$B$2")
    #expect(rules[3]["showDropDown"].bool == true)  // OOXML's inverted flag: the arrow is hidden
    #expect(json["sheets"]["_lists"]["cells"]["B1"]["value"].string == "a,b")
    #expect(json["sheets"]["_lists"]["state"].string == "hidden")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func autofilterZoomAndNotesByRowAndColumn() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("filter.xlsx"))
    let sheet = try book.addWorksheet("表1")
    try sheet.writeRow([.string("单位"), .string("数值")], at: CellAddress("A1"))
    try sheet.setAutofilter(CellRange("A1:B10"))
    try sheet.setZoom(120)
    try sheet.addNote("说明", row: 1, column: 1, author: "填表人", visible: true)
    try book.close()
    let code = """
      import sys, openpyxl
      ws = openpyxl.load_workbook(sys.argv[1])["表1"]
      print(ws.auto_filter.ref, ws.sheet_view.zoomScale, ws["B2"].comment.text, ws["B2"].comment.author)
      """
    let result = try TestSupport.python(["-c", code, scratch.path("filter.xlsx")])
    #expect(result.stdout == "A1:B10 120 说明 填表人\n")
    #expect(Workbook.libraryVersion.hasPrefix("1."))
  }

  @Test func inlineListsStayWithinLibxlsxwriterLimits() {
    #expect(WorkbookCore.fitsInline(["是", "否"]))
    #expect(!WorkbookCore.fitsInline(Array(repeating: "x", count: 256)))
    #expect(!WorkbookCore.fitsInline([String(repeating: "中", count: 84)]))  // 252 bytes
    #expect(WorkbookCore.fitsInline([String(repeating: "中", count: 83)]))  // 249 bytes
    #expect(!WorkbookCore.fitsInline(["say \"hi\""]))
  }

  @Test func longNumberFormatsAndFontNamesAreRefused() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("x.xlsx"))
    let sheet = try book.addWorksheet("表1")
    let format = CellFormat(numberFormat: "0.0\"" + String(repeating: "万", count: 43) + "\"")  // 133 bytes
    #expect(writeError { try sheet.write(.number(1), row: 0, column: 0, format: format) }?.code == .textTooLong)
    let font = CellFormat(fontName: String(repeating: "宋", count: 43))
    #expect(writeError { try sheet.write(.number(1), row: 0, column: 0, format: font) }?.code == .textTooLong)
  }
}
