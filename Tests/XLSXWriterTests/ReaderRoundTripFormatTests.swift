import Foundation
import Testing
import XLSXReader
import XLSXWriter

/// Number formats written with `XLSXWriter` and read back: the code text unchanged, and the value decoded as the
/// format says (a date only when the format shows a date; a percentage only when `%` is not quoted or escaped).
@Suite("Writer → reader round trip: number formats")
struct ReaderRoundTripFormatTests {
  enum Kind: Equatable {
    case number
    case date
    case time
  }

  /// Format codes, what a serial under them must read as, and whether they show a percentage.
  static let cases: [(code: String, kind: Kind, isPercent: Bool)] = [
    ("General", .number, false),
    ("0.00", .number, false),
    ("#,##0.00_);[Red](#,##0.00)", .number, false),
    ("0.0%", .number, true),
    ("0.00%;[Red]-0.00%", .number, true),
    ("0.0\"%\"", .number, false),
    ("0.0\\%", .number, false),
    ("0.0\"万元\"", .number, false),
    ("\"年度\"0", .number, false),
    ("0.00\" days\"", .number, false),
    ("0.0 \\d", .number, false),
    ("0.00E+00", .number, false),
    ("[DBNum1][$-804]General", .number, false),
    ("#,##0 \"元\";-#,##0 \"元\"", .number, false),
    ("\"<\"0\">\"", .number, false),  // `&` in a format code: see ReaderRoundTripTests.ampersandsInAttributesReadBack
    ("yyyy-mm-dd", .date, false),
    ("yyyy\"年\"m\"月\"d\"日\"", .date, false),
    ("[$-804]yyyy\"年\"m\"月\"", .date, false),
    ("[$-F800]dddd, mmmm dd, yyyy", .date, false),
    ("m/d/yy h:mm", .date, false),
    ("[Red]yyyy-mm-dd", .date, false),
    ("hh:mm:ss", .time, false),
    ("h:mm AM/PM", .time, false),
    ("mm:ss.0", .time, false),
  ]

  @Test func formatCodesReadBackUnchangedAndDecideTheValue() throws {
    let folder = try RoundTrip.folder("formats")
    defer { RoundTrip.remove(folder) }
    let url = folder.appendingPathComponent("formats.xlsx")
    let book = try Workbook(path: url.path)
    let sheet = try book.addWorksheet("格式")
    let serial = 45717.25
    let fraction = 0.75
    for (row, item) in Self.cases.enumerated() {
      try sheet.write(.number(serial), row: row, column: 0, format: CellFormat(numberFormat: item.code))
      try sheet.write(.number(fraction), row: row, column: 1, format: CellFormat(numberFormat: item.code))
    }
    try book.close()

    let document = try XLSXDocument(contentsOf: url)
    let cells = try document.readSheet(try #require(document.sheet(named: "格式")))
    for (row, item) in Self.cases.enumerated() {
      for (column, value) in [serial, fraction].enumerated() {
        let reference = "\(column == 0 ? "A" : "B")\(row + 1)"
        let cell = try #require(cells.cell(reference))
        let expected: CellValue
        switch item.kind {
        case .number: expected = .number(value)
        case .date: expected = .date(ExcelDate(serial: value, uses1904: false)!)
        case .time: expected = .date(ExcelDate(serial: value, uses1904: false, timeOnly: true)!)
        }
        #expect(
          RoundTrip.isExactly(cell.value, expected),
          "\(reference) \(item.code): read \(RoundTrip.describe(cell.value)), expected \(RoundTrip.describe(expected))")
        let code = item.code == "General" ? nil : item.code
        #expect(cell.numberFormat == code, "\(reference): format \(cell.numberFormat ?? "General")")
        #expect(cell.style?.isPercent ?? false == item.isPercent, "\(reference) \(item.code): percent")
        #expect(cell.style?.isDate ?? false == (item.kind != .number), "\(reference) \(item.code): date")
      }
    }
    let time = try #require(cells.cell("B22"))
    if case .date(let date) = time.value { #expect(date.iso8601 == "18:00:00") }
  }

  @Test func durationFormatsKeepTheNumber() throws {
    // An elapsed time such as 36 hours (`[h]:mm:ss`, value 1.5) is not a calendar date: whatever case the reader
    // chooses, the number behind it must be the one written.
    let folder = try RoundTrip.folder("durations")
    defer { RoundTrip.remove(folder) }
    let url = folder.appendingPathComponent("durations.xlsx")
    let book = try Workbook(path: url.path)
    let sheet = try book.addWorksheet("时长")
    let values = [1.5, 0.1 + 0.2, 400.125]
    for (row, value) in values.enumerated() {
      try sheet.write(.number(value), row: row, column: 0, format: CellFormat(numberFormat: "[h]:mm:ss"))
    }
    try book.close()
    let document = try XLSXDocument(contentsOf: url)
    let cells = try document.readSheet(try #require(document.sheet(named: "时长")))
    for (row, value) in values.enumerated() {
      let cell = try #require(cells.cell(row: row + 1, column: 1))
      #expect(cell.value.numericValue?.bitPattern == value.bitPattern, "A\(row + 1): \(cell.value)")
      #expect(cell.numberFormat == "[h]:mm:ss")
    }
  }
}
