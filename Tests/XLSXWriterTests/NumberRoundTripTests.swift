import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("Numbers are never changed")
struct NumberRoundTripTests {
  static let awkward: [Double] = [
    0.1, 93.5, 1e-7, 123456789.123456, -0.0, 0, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, .pi, 100 * 1.1,
    12_345_678_901_234_568, 9_007_199_254_740_992, 1e300, -1.7976931348623157e308, .leastNonzeroMagnitude,
    2.2250738585072014e-308,
    0.000123456789012345678, 99.99999999999999, 1234.5678, -42,
  ]

  /// Deterministic pseudo-random finite doubles (xorshift over raw bit patterns).
  static var randomDoubles: [Double] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var values: [Double] = []
    while values.count < 400 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      let value = Double(bitPattern: state)
      if value.isFinite { values.append(value) }
    }
    return values
  }

  @Test func sixteenDigitsAreNotEnoughForSomeDoubles() {
    // Why the package is patched: libxlsxwriter 1.1.4 prints `%.16G`.
    #expect(NumberText.format(0.1 + 0.2, digits: 16) == "0.3")
    #expect(NumberText.exactReplacement(for: 0.1 + 0.2) == "0.30000000000000004")
    #expect(NumberText.exactReplacement(for: 93.5) == nil)
    #expect(NumberText.exactReplacement(for: -0.0) == nil)
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func everyDoubleReadsBackBitForBit() throws {
    let scratch = try Scratch()
    let values = Self.awkward + Self.randomDoubles
    let book = try Workbook(path: scratch.path("numbers.xlsx"))
    let sheet = try book.addWorksheet("数")
    let styled = CellFormat(numberFormat: "0.0")
    for (row, value) in values.enumerated() {
      try sheet.write(.number(value), row: row, column: 0)
      try sheet.write(.number(value), row: row, column: 1, format: styled)
      try sheet.write(.formula("A\(row + 1)", cached: .number(value)), row: row, column: 2)
    }
    // A cell overwritten with a text keeps the text (its number patch is dropped).
    try sheet.write(.number(0.1 + 0.2), row: values.count, column: 0)
    try sheet.write(.string("替换"), row: values.count, column: 0)
    try book.close()

    let raw = try Inspector.inspect(scratch.url("numbers.xlsx"))["sheets"]["数"]["raw"]
    for (row, value) in values.enumerated() {
      for column in ["A", "B", "C"] {
        let text = raw["\(column)\(row + 1)"]["v"].string
        let parsed = text.flatMap(Double.init)
        #expect(
          parsed?.bitPattern == value.bitPattern, "\(column)\(row + 1): wrote \(value), file says \(text ?? "nothing")")
      }
    }
    #expect(raw["A\(values.count + 1)"]["t"].string == "s")
  }

  @Test(.enabled(if: Inspector.hasOpenpyxl))
  func datesAreExactSerialNumbers() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("dates.xlsx"))
    let sheet = try book.addWorksheet("日期")
    try sheet.write(.date(year: 1900, month: 1, day: 1), at: CellAddress("A1"))
    try sheet.write(.date(year: 1900, month: 3, day: 1), at: CellAddress("A2"))
    try sheet.write(.date(year: 2025, month: 12, day: 31), at: CellAddress("A3"))
    try sheet.write(
      .dateTime(year: 2025, month: 3, day: 1, hour: 8, minute: 30, second: 15), at: CellAddress("A4"),
      format: CellFormat(numberFormat: "yyyy\"年\"m\"月\"d\"日\" hh:mm:ss"))
    try book.close()
    let json = try Inspector.inspect(scratch.url("dates.xlsx"))["sheets"]["日期"]
    #expect(json["raw"]["A1"]["v"].string == "1")
    #expect(json["raw"]["A2"]["v"].string == "61")  // Excel's fictitious 1900-02-29 is serial 60
    #expect(json["raw"]["A3"]["v"].string == "46022")
    #expect(json["cells"]["A4"]["value"].string == "2025-03-01T08:30:15")
    #expect(json["cells"]["A4"]["numberFormat"].string == "yyyy\"年\"m\"月\"d\"日\" hh:mm:ss")
    let serial = try #require(json["raw"]["A4"]["v"].string.flatMap(Double.init))
    let seconds: Double = 8 * 3600 + 30 * 60 + 15
    #expect(serial == 45717 + seconds / 86400)
  }
}
