import Foundation
import Testing

@testable import XLSXWriter

@Suite("Bad input becomes a Swift error naming the function, sheet and cell")
struct ErrorTests {
  let scratch: Scratch
  let book: Workbook
  let sheet: Worksheet

  init() throws {
    scratch = try Scratch()
    book = try Workbook(path: scratch.path("errors.xlsx"))
    sheet = try book.addWorksheet("表1")
  }

  @Test(arguments: ["", "a[b]", "年:月", "a*b", "a?b", "a/b", "a\\b", "'quoted'", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"])
  func badSheetNamesAreRefused(name: String) {
    let error = writeError { _ = try book.addWorksheet(name) }
    #expect(error?.code == .invalidSheetName)
    #expect(error?.function == "Workbook.addWorksheet")
    #expect(book.sheetNames == ["表1"])
  }

  @Test func duplicateSheetNamesAreRefusedIgnoringCase() throws {
    _ = try book.addWorksheet("Data")
    #expect(writeError { _ = try book.addWorksheet("表1") }?.code == .duplicateSheetName)
    #expect(writeError { _ = try book.addWorksheet("DATA") }?.code == .duplicateSheetName)
  }

  @Test func thirtyOneCharacterSheetNamesAreAccepted() throws {
    let name = String(repeating: "表", count: 31)
    #expect(try book.addWorksheet(name).name == name)
  }

  @Test(arguments: [Double.nan, .infinity, -.infinity])
  func nonFiniteNumbersAreRefused(value: Double) throws {
    let error = writeError { try sheet.write(.number(value), at: CellAddress("C4")) }
    #expect(error?.code == .nonFiniteNumber)
    #expect(error?.sheet == "表1")
    #expect(error?.cell == "C4")
    #expect(error?.function == "Worksheet.write")
    #expect(
      writeError { try sheet.write(.formula("1/0", cached: .number(value)), row: 0, column: 0) }?.code
        == .nonFiniteNumber)
  }

  @Test func textsWithNULAreRefused() {
    #expect(writeError { try sheet.write(.string("a\u{0}b"), row: 0, column: 0) }?.code == .embeddedNUL)
    #expect(writeError { try sheet.addNote("a\u{0}", at: CellAddress(row: 0, column: 0)) }?.code == .embeddedNUL)
    #expect(writeError { _ = try book.addWorksheet("x\u{0}y") }?.code == .embeddedNUL)
  }

  @Test func cellsOutsideTheGridAreRefused() {
    #expect(writeError { try sheet.write(.number(1), row: -1, column: 0) }?.code == .invalidArgument)
    #expect(writeError { try sheet.write(.number(1), row: 0, column: 16_384) }?.code == .invalidArgument)
    #expect(writeError { try sheet.write(.number(1), row: 1_048_576, column: 0) }?.code == .invalidArgument)
  }

  @Test func tooLongTextIsRefusedNotCut() {
    let text = String(repeating: "字", count: WriteLimits.maxCellTextCharacters + 1)
    #expect(writeError { try sheet.write(.string(text), row: 0, column: 0) }?.code == .textTooLong)
  }

  @Test func emptyNotesAreRefused() {
    // libxlsxwriter 1.1.4 overflows its heap on an empty note (lxw#446).
    let error = writeError { try sheet.addNote("", at: CellAddress(row: 1, column: 1)) }
    #expect(error?.code == .emptyText)
    #expect(error?.cell == "B2")
  }

  @Test func nonASCIIDefinedNamesAreRefused() {
    #expect(writeError { try book.defineName("模板编号", refersTo: "'表1'!$A$1") }?.code == .invalidDefinedName)
    #expect(writeError { try book.defineName("A1", refersTo: "'表1'!$A$1") }?.code == .invalidDefinedName)
    #expect(writeError { try book.defineName("R1C1", refersTo: "'表1'!$A$1") }?.code == .invalidDefinedName)
    #expect(writeError { try book.defineName("1abc", refersTo: "'表1'!$A$1") }?.code == .invalidDefinedName)
    #expect(
      writeError { try book.defineName("ok", refersTo: String(repeating: "1+", count: 64) + "1") }?.code
        == .invalidDefinedName)
    #expect(writeError { try book.defineName("ok", refersTo: "1", scope: "不存在") }?.code == .unknownSheet)
  }

  @Test func repeatedNamesAndPropertiesAreRefused() throws {
    try book.defineName("Total", refersTo: "'表1'!$A$1")
    #expect(writeError { try book.defineName("TOTAL", refersTo: "'表1'!$A$2") }?.code == .invalidDefinedName)
    try book.defineName("Total", refersTo: "'表1'!$A$2", scope: "表1")  // another scope is fine
    try book.setCustomProperty("TemplateID", .string("x"))
    #expect(writeError { try book.setCustomProperty("TemplateID", .string("y")) }?.code == .invalidArgument)
  }

  @Test func tooLongValidationTextsAreRefused() throws {
    let range = try CellRange("A1:A3")
    var rule = DataValidation(.decimal(.between(0, 1)))
    rule.inputMessage = String(repeating: "说", count: 256)
    let error = writeError { try sheet.addValidation(rule, to: range) }
    #expect(error?.code == .textTooLong)
    #expect(error?.cell == "A1:A3")
    rule.inputMessage = String(repeating: "说", count: 255)  // Excel's limit is in characters
    try sheet.addValidation(rule, to: range)
    rule.inputMessage = nil
    rule.inputTitle = String(repeating: "题", count: 33)
    #expect(writeError { try sheet.addValidation(rule, to: range) }?.code == .textTooLong)
    rule.inputTitle = nil
    rule.errorTitle = String(repeating: "错", count: 33)
    #expect(writeError { try sheet.addValidation(rule, to: range) }?.code == .textTooLong)
    rule.errorTitle = nil
    rule.errorMessage = String(repeating: "x", count: 256)
    #expect(writeError { try sheet.addValidation(rule, to: range) }?.code == .textTooLong)
  }

  @Test func inconsistentValidationBoundsAreRefused() throws {
    let range = try CellRange("B1:B3")
    #expect(
      writeError { try sheet.addValidation(DataValidation(.decimal(.between(5, 1))), to: range) }?.code
        == .invalidArgument)
    #expect(
      writeError { try sheet.addValidation(DataValidation(.integer(.atLeast(0.5))), to: range) }?.code
        == .invalidArgument)
    #expect(
      writeError { try sheet.addValidation(DataValidation(.decimal(.atMost(.nan))), to: range) }?.code
        == .nonFiniteNumber)
    #expect(writeError { try sheet.addValidation(DataValidation(.list([])), to: range) }?.code == .emptyText)
    #expect(writeError { try sheet.addValidation(DataValidation(.list(["是", ""])), to: range) }?.code == .emptyText)
  }

  @Test func overlappingMergesAreRefused() throws {
    try sheet.merge(CellRange("A1:C2"), value: .string("标题"))
    let error = writeError { try sheet.merge(CellRange("C2:D3")) }
    #expect(error?.code == .overlappingMerge)
    #expect(writeError { try sheet.merge(CellRange("E5")) }?.code == .invalidArgument)
  }

  @Test func passwordsMustBeShortPrintableASCII() {
    #expect(writeError { try sheet.protect(password: "密码") }?.code == .invalidPassword)
    #expect(writeError { try sheet.protect(password: String(repeating: "x", count: 16)) }?.code == .invalidPassword)
    #expect(writeError { try book.protectStructure(password: "") }?.code == .invalidPassword)
  }

  @Test func impossibleDatesAreRefused() {
    #expect(
      writeError { try sheet.write(.date(year: 2025, month: 2, day: 29), row: 0, column: 0) }?.code == .invalidArgument)
    #expect(
      writeError { try sheet.write(.date(year: 1899, month: 12, day: 31), row: 0, column: 0) }?.code == .invalidArgument
    )
    #expect(
      writeError { try sheet.write(.date(year: 2025, month: 13, day: 1), row: 0, column: 0) }?.code == .invalidArgument)
    let badTime = CellContent.dateTime(year: 2025, month: 1, day: 1, hour: 24, minute: 0, second: 0)
    #expect(writeError { try sheet.write(badTime, row: 0, column: 0) }?.code == .invalidArgument)
  }

  @Test func chartsNeedSeriesAndExistingSheets() throws {
    let at = CellAddress(row: 0, column: 5)
    #expect(writeError { try sheet.insertChart(ChartSpec(kind: .line), at: at) }?.code == .invalidArgument)
    let missing = ChartSeries(values: SheetReference(sheet: "无此表", range: try CellRange("B1:B5")))
    #expect(
      writeError { try sheet.insertChart(ChartSpec(kind: .line, series: [missing]), at: at) }?.code == .unknownSheet)
    let square = ChartSeries(values: SheetReference(sheet: "表1", range: try CellRange("B1:C5")))
    #expect(
      writeError { try sheet.insertChart(ChartSpec(kind: .column, series: [square]), at: at) }?.code == .invalidArgument
    )
  }

  @Test func internalLinksNeedAnExistingSheet() {
    let target = SheetReference(sheet: "目录", cell: CellAddress(row: 0, column: 0))
    #expect(
      writeError { try sheet.writeInternalLink(to: target, at: CellAddress(row: 0, column: 0)) }?.code == .unknownSheet)
  }

  @Test func libraryErrorsCarryLibxlsxwriterText() throws {
    // A 2,120-character URL exceeds libxlsxwriter's URL limit: its own message comes through.
    let url = "https://example.com/" + String(repeating: "a", count: 2100)
    let error = writeError { try sheet.writeURL(url, at: CellAddress("A1")) }
    guard case .library = error?.code else {
      Issue.record("expected a library error, got \(String(describing: error))")
      return
    }
    #expect(error?.function == "worksheet_write_url_opt")
    #expect(error?.sheet == "表1")
    #expect(error?.cell == "A1")
    #expect(error?.message.isEmpty == false)
  }

  @Test func aWorkbookWithOnlyHiddenSheetsIsRefusedAndLeavesNothing() throws {
    try sheet.hide()
    #expect(writeError { try book.close() }?.code == .invalidArgument)
    #expect(scratch.contents.isEmpty)
  }
}
