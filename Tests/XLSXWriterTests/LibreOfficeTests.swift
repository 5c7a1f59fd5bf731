import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("LibreOffice opens what we write")
struct LibreOfficeTests {
  /// Converts `file` with headless LibreOffice, using a private profile (no lock clashes).
  static func convert(_ file: URL, to filter: String, in scratch: Scratch) throws -> TestSupport.ProcessResult {
    let soffice = URL(fileURLWithPath: "/usr/bin/soffice")
    return try TestSupport.run(
      soffice,
      [
        "-env:UserInstallation=file://" + scratch.path("profile"), "--headless", "--norestore", "--convert-to", filter,
        "--outdir", scratch.path("out"), file.path,
      ])
  }

  @Test(.enabled(if: TestSupport.hasLibreOffice))
  func libreOfficeConvertsEverySheetAndKeepsTheValues() throws {
    let scratch = try Scratch("xlsxwriter-lo")
    let book = try Workbook(path: scratch.path("lo.xlsx"))
    let data = try book.addWorksheet("数据")
    try data.write(.string("孕产妇系统管理率"), at: CellAddress("A1"))
    try data.write(.number(93.5), at: CellAddress("B1"))
    try data.write(.number(1e-7), at: CellAddress("B2"), format: CellFormat(numberFormat: "0.00E+00"))
    try data.write(.formula("B1*2"), at: CellAddress("B3"))  // no cached value: LibreOffice computes it
    try data.write(.formula("B1+1", cached: .number(94.5)), at: CellAddress("B4"))
    try data.write(.date(year: 2025, month: 3, day: 1), at: CellAddress("B5"))
    try data.write(.bool(true), at: CellAddress("B6"))
    try data.merge(CellRange("C1:D1"), value: .string("合并"))
    var rule = DataValidation(.list(FeatureWorkbook.longList), inputTitle: "请选择", inputMessage: "从下拉列表中选择")
    rule.errorMessage = "只能选择列表中的值"
    try data.addValidation(rule, to: CellRange("E1:E5"))
    try data.protect(password: "pw")
    let second = try book.addWorksheet("表2")
    try second.write(.number(123456789.123456), at: CellAddress("A1"))
    try second.write(.number(-0.0), at: CellAddress("A2"))
    try book.protectStructure()
    try book.close()

    let allSheets = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    let result = try Self.convert(scratch.url("lo.xlsx"), to: allSheets, in: scratch)
    #expect(result.status == 0, "soffice failed: \(result.stderr)")
    let first = try String(contentsOfFile: scratch.path("out/lo-数据.csv"), encoding: .utf8)
    let lines = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix("孕产妇系统管理率,93.5,合并"))
    #expect(lines[1].hasPrefix(",0.0000001,"))  // the raw value, not the shown text
    #expect(lines[2].hasPrefix(",187"))
    #expect(lines[3].hasPrefix(",94.5"))
    #expect(lines[4].hasPrefix(",2025-03-01"))
    #expect(lines[5].hasPrefix(",TRUE"))
    let other = try String(contentsOfFile: scratch.path("out/lo-表2.csv"), encoding: .utf8)
    #expect(other.hasPrefix("123456789.123456\n"))

    // Round trip through LibreOffice's own xlsx writer: the file opened cleanly and kept its rules.
    try FileManager.default.createDirectory(at: scratch.url("again"), withIntermediateDirectories: true)
    let resaved = try TestSupport.run(
      URL(fileURLWithPath: "/usr/bin/soffice"),
      [
        "-env:UserInstallation=file://" + scratch.path("profile"), "--headless", "--norestore", "--convert-to",
        "xlsx:Calc MS Excel 2007 XML", "--outdir", scratch.path("again"), scratch.path("lo.xlsx"),
      ])
    #expect(resaved.status == 0, "soffice failed: \(resaved.stderr)")
    if Inspector.hasOpenpyxl {
      let json = try Inspector.inspect(scratch.url("again/lo.xlsx"))
      #expect(json["sheets"]["数据"]["cells"]["B1"]["value"].double == 93.5)
      #expect(json["sheets"]["数据"]["validations"].array.first?["type"].string == "list")
      #expect(json["sheets"]["数据"]["merged"].strings == ["C1:D1"])
    }
  }
}
