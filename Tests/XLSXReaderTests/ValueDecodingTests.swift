import Testing

@testable import XLSXReader

@Suite struct ExcelDateTests {
  @Test func serialsConvertInThe1900System() {
    #expect(ExcelDate(serial: 1, uses1904: false)?.iso8601 == "1900-01-01")
    #expect(ExcelDate(serial: 59, uses1904: false)?.iso8601 == "1900-02-28")
    #expect(ExcelDate(serial: 60, uses1904: false)?.iso8601 == "1900-02-29", "Excel's phantom leap day")
    #expect(ExcelDate(serial: 61, uses1904: false)?.iso8601 == "1900-03-01")
    #expect(ExcelDate(serial: 45717, uses1904: false)?.iso8601 == "2025-03-01")
    #expect(ExcelDate(serial: 45717.354166666664, uses1904: false)?.iso8601 == "2025-03-01T08:30:00")
    #expect(ExcelDate(serial: 2_958_465, uses1904: false)?.iso8601 == "9999-12-31")
  }

  @Test func millisecondsRoundWithoutDrift() {
    #expect(ExcelDate(serial: 45717.99999999, uses1904: false)?.iso8601 == "2025-03-01T23:59:59.999")
    #expect(ExcelDate(serial: 45717.999999999999, uses1904: false)?.iso8601 == "2025-03-02")
  }

  @Test func the1904SystemStartsIn1904() {
    #expect(ExcelDate(serial: 0, uses1904: true)?.iso8601 == "1904-01-01")
    #expect(ExcelDate(serial: 44256, uses1904: true)?.iso8601 == "2025-03-02")
  }

  @Test func outOfRangeSerialsAreNotDates() {
    #expect(ExcelDate(serial: -1, uses1904: false) == nil)
    #expect(ExcelDate(serial: 3_000_000, uses1904: false) == nil)
    #expect(ExcelDate(serial: .nan, uses1904: false) == nil)
  }

  @Test func isoTextRoundTripsThroughTheSerial() {
    #expect(ExcelDate(iso: "2025-03-01", uses1904: false)?.serial == 45717)
    #expect(ExcelDate(iso: "2025-03-01", uses1904: true)?.serial == 44255)
    #expect(ExcelDate(iso: "2025-03-01", uses1904: true)?.iso8601 == "2025-03-01")
    #expect(ExcelDate(iso: "2025-03-01T12:00:00Z", uses1904: false)?.serial == 45717.5)
    #expect(ExcelDate(iso: "1900-01-01", uses1904: false)?.serial == 1)
    #expect(ExcelDate(iso: "2025-13-01", uses1904: false) == nil)
    #expect(ExcelDate(iso: "yesterday", uses1904: false) == nil)
  }
}

@Suite struct NumberFormatTests {
  @Test(arguments: [
    "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy\"年\"m\"月\"", "m/d/yy", "h:mm AM/PM", "yyyy-mm-dd hh:mm:ss",
    "[$-F800]dddd, mmmm dd, yyyy", "上午/下午h\"时\"mm\"分\"", "[$-404]e\"年\"m\"月\"d\"日\"", "aaaa", "mm:ss.0",
  ])
  func dateCodesAreDates(_ code: String) {
    #expect(NumberFormat.classify(code).isDate, "\(code)")
  }

  @Test(arguments: [
    "General", "0", "0.00", "#,##0.00\"元\"", "0.00E+00", "[DBNum1][$-804]General", "0.0%", "@", "[Red]0.00",
    "\"年\"0", "\\d0", "_(* #,##0_)",
  ])
  func otherCodesAreNotDates(_ code: String) {
    #expect(!NumberFormat.classify(code).isDate, "\(code)")
  }

  @Test func durationsPercentAndTimesAreFlagged() {
    #expect(NumberFormat.classify("[h]:mm:ss").isDuration)
    #expect(!NumberFormat.classify("[h]:mm:ss").isDate)
    #expect(NumberFormat.classify("0.0%").isPercent)
    #expect(NumberFormat.classify("h:mm").isTimeOnly)
    #expect(!NumberFormat.classify("yyyy/m/d h:mm").isTimeOnly)
  }

  @Test func zhCNBuiltInIdsHaveDateCodes() {
    for id in [14, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58] {
      let code = NumberFormat.builtInCode(id)
      #expect(code.map { NumberFormat.classify($0).isDate } == true, "id \(id)")
    }
    #expect(NumberFormat.builtInCode(0) == nil)
    #expect(NumberFormat.builtInCode(9) == "0%")
  }
}

@Suite struct FormulaTranslatorTests {
  @Test func relativeReferencesMoveAndAnchoredOnesStay() {
    #expect(FormulaTranslator.shift("A1*2+$A$1+B$2+$C3", rows: 2, columns: 1) == "B3*2+$A$1+C$2+$C5")
  }

  @Test func functionsStringsAndSheetNamesAreLeftAlone() {
    #expect(FormulaTranslator.shift("LOG10(A1)&\"A1\"", rows: 1, columns: 0) == "LOG10(A2)&\"A1\"")
    #expect(FormulaTranslator.shift("'表 A1'!B2+Sheet1!C3", rows: 1, columns: 0) == "'表 A1'!B3+Sheet1!C4")
    #expect(FormulaTranslator.shift("SUM(A:A)+SUM(1:1)+1.5", rows: 1, columns: 1) == "SUM(B:B)+SUM(2:2)+1.5")
  }

  @Test func referencesPushedOffTheSheetBecomeRefErrors() {
    #expect(FormulaTranslator.shift("A1", rows: -1, columns: 0) == "#REF!")
  }
}

@Suite struct TextEscapeTests {
  @Test func escapesDecode() {
    #expect(TextEscapes.decode("a_x000D_b") == "a\rb")
    #expect(TextEscapes.decode("_x005F_x000D_") == "_x000D_")
    #expect(TextEscapes.decode("_xD83D__xDE00_") == "😀")
    #expect(TextEscapes.decode("_x00") == "_x00")
  }
}
