import Foundation
import Testing
import XLSXReader

/// One test per hand-built quirk package in `Tests/Fixtures/reader/quirks` (see its README).
@Suite struct QuirkFixtureTests {
  @Test func richTextRunsAreJoinedAndPhoneticRunsSkipped() throws {
    let cells = try cellsByReference(openFixture("quirks/rich-text-phonetic-runs.xlsx"))
    #expect(cells["A1"]?.value == .string("妇女发展 规划"))
    #expect(cells["B1"]?.value == .string("宁东大道"))
    #expect(cells["C1"]?.value == .string("宁东大道"), "inline strings skip rPh too")
  }

  @Test func underscoreXEscapesAreDecoded() throws {
    let cells = try cellsByReference(openFixture("quirks/escapes-x000D.xlsx"))
    #expect(cells["A1"]?.value == .string("第一行\r\n第二行"))
    #expect(cells["B1"]?.value == .string("_x0041_"), "_x005F_ protects a literal underscore")
    #expect(cells["C1"]?.value == .string("_xZZZZ_ok"), "malformed escapes stay as written")
    #expect(cells["D1"]?.value == .string("x\ty"))
    #expect(cells["D1"]?.rawValue == "x_x0009_y", "rawValue keeps the stored text")
  }

  @Test func charactersXMLForbidsAreKeptInsteadOfFailingTheFile() throws {
    let cells = try cellsByReference(openFixture("quirks/invalid-xml-characters.xlsx"))
    #expect(cells["A1"]?.value == .string("a\u{01}b\u{0B}c\u{FFFF}d"))
    #expect(cells["B1"]?.value == .string("tab\tbell\u{07}end"))
  }

  @Test func inlineStringsWorkWithoutSharedStringsOrStyles() throws {
    let cells = try cellsByReference(openFixture("quirks/inline-strings.xlsx"))
    #expect(cells["A1"]?.value == .string("内联文本"))
    #expect(cells["B1"]?.value == .string("  空格  "), "whitespace is kept exactly")
    #expect(cells["C1"]?.value == .string(""), "an empty inline string is a value, not a blank")
    #expect(cells["D1"]?.value == .string("A&B <C>"))
    #expect(cells["E1"]?.value == .string("<CDATA> & 文本"), "CDATA sections are text")
  }

  @Test func the1904DateSystemShiftsSerials() throws {
    let document = try openFixture("quirks/date-1904.xlsx")
    #expect(document.uses1904Dates)
    let cells = try cellsByReference(document)
    guard case .date(let epoch) = cells["A1"]?.value, case .date(let date) = cells["B1"]?.value,
      case .date(let dateTime) = cells["D1"]?.value
    else {
      Issue.record("expected dates")
      return
    }
    #expect(epoch.iso8601 == "1904-01-01")
    #expect(date.iso8601 == "2025-03-02")
    #expect(date.serial == 44256 && date.uses1904)
    #expect(dateTime.iso8601 == "2025-03-02T12:00:00")
    #expect(cells["C1"]?.value == .number(44256), "no date format, no date")
  }

  @Test func isoDateCellsAreDates() throws {
    let cells = try cellsByReference(openFixture("quirks/iso-dates-t-d.xlsx"))
    guard case .date(let date) = cells["A1"]?.value, case .date(let dateTime) = cells["B1"]?.value,
      case .date(let time) = cells["C1"]?.value
    else {
      Issue.record("expected dates")
      return
    }
    #expect(date.iso8601 == "2025-03-01" && date.serial == 45717)
    #expect(dateTime.iso8601 == "2025-03-01T08:30:00")
    #expect(time.iso8601 == "08:30:00")
    #expect(cells["D1"]?.value == .string("not a date"), "unparseable ISO text is kept as text")
  }

  @Test func rowsAndCellsWithoutReferencesAreNumberedInOrder() throws {
    let cells = try cellsByReference(openFixture("quirks/no-cell-references.xlsx"))
    #expect(cells["A1"]?.value == .number(1))
    #expect(cells["B1"]?.value == .number(2))
    #expect(cells["E1"]?.value == .number(5))
    #expect(cells["F1"]?.value == .number(6))
    #expect(cells["A2"]?.value == .string("第二行"))
    #expect(cells["A5"]?.value == .number(50))
    #expect(cells["A6"]?.value == .number(60))
  }

  @Test func dimensionIsOnlyAHint() throws {
    let document = try openFixture("quirks/untrusted-dimension.xlsx")
    let small = try document.readSheet(try #require(document.sheet(named: "Small")))
    #expect(small.dimension == "A1")
    #expect(small.cell("Z300")?.value == .number(2))
    let huge = try document.readSheet(try #require(document.sheet(named: "Huge")))
    #expect(huge.cells.count == 1)
  }

  @Test func strictOOXMLIsRead() throws {
    let document = try openFixture("quirks/strict-namespaces.xlsx")
    #expect(document.isStrict)
    let cells = try cellsByReference(document)
    #expect(cells["A1"]?.value == .string("严格"))
    #expect(cells["B1"]?.value == .number(93.5))
    #expect((cells["C1"]?.value).flatMap(Self.iso) == "2025-03-01")
    #expect((cells["D1"]?.value).flatMap(Self.iso) == "2025-03-01")
  }

  @Test func namespacePrefixesDoNotMatter() throws {
    let cells = try cellsByReference(openFixture("quirks/namespace-prefix-x.xlsx"))
    #expect(cells["A1"]?.value == .string("前缀"))
    #expect(cells["B1"]?.value == .number(7))
  }

  @Test func absoluteAndRelativeTargetsAndOddPartNamesResolve() throws {
    let document = try openFixture("quirks/absolute-relative-targets.xlsx")
    #expect(document.sheets.map(\.partName) == ["xl/worksheets/sheet1.xml", "data/数据.xml"])
    #expect(try cellsByReference(document, sheet: "Abs")["A1"]?.value == .string("绝对路径"))
    #expect(try cellsByReference(document, sheet: "Odd")["A1"]?.value == .number(42))
  }

  @Test func backslashesAndCaseDifferencesInTargetsResolve() throws {
    let document = try openFixture("quirks/backslash-case-targets.xlsx")
    #expect(try cellsByReference(document)["A1"]?.value == .string("反斜杠"))
  }

  @Test func workbookOutsideXLIsFoundThroughRelationships() throws {
    let document = try openFixture("quirks/workbook-outside-xl.xlsx")
    #expect(document.workbookPartName == "book/main.xml")
    #expect(try cellsByReference(document)["A1"]?.value == .number(1))
  }

  @Test func zhCNBuiltInDateIdsAreDates() throws {
    let cells = try cellsByReference(openFixture("quirks/zh-cn-date-ids.xlsx"))
    let dated = cells.values.filter { if case .date = $0.value { return true } else { return false } }
    #expect(dated.count == 22, "ids 14, 22, 27-36, 50-58 and a redefined id 3 are all dates")
    #expect(cells["C1"]?.numberFormat == "yyyy\"年\"m\"月\"")
    #expect((cells["V1"]?.value).flatMap(Self.iso) == "2025-03-01", "the file's <numFmt> wins for id 3")
  }

  @Test func customFormatsAreClassifiedOnce() throws {
    let cells = try cellsByReference(openFixture("quirks/custom-number-formats.xlsx"))
    #expect((cells["A1"]?.value).flatMap(Self.iso) == "2025-03-01")
    #expect((cells["B1"]?.value).flatMap(Self.iso) == "2025-03-01", "[$-804] is a modifier")
    #expect(cells["C1"]?.value == .number(93.5), "[DBNum1][$-804]General is not a date")
    #expect(cells["D1"]?.value == .number(1234.5), "scientific notation is not a date")
    #expect(cells["E1"]?.value == .number(1.5), "[h]:mm:ss is a duration, kept as a number")
    #expect(cells["F1"]?.value == .number(0.935))
    #expect(cells["F1"]?.style?.isPercent == true)
    #expect(cells["F1"]?.numberFormat == "0.0%")
    #expect((cells["H1"]?.value).flatMap(Self.iso) == "12:00:00", "a time-only format gives a time")
    #expect(cells["I1"]?.value == .number(1234.5))
    #expect(cells["K1"]?.style?.isText == true)
    #expect(cells["L1"]?.style?.fillColor == "FFFFFF00")
  }

  @Test func sharedFormulasGiveDependentsTheMovedFormula() throws {
    let cells = try cellsByReference(openFixture("quirks/shared-formulas.xlsx"))
    #expect(cells["B1"]?.formula == "A1*2+$A$1+SUM(A:A)")
    #expect(cells["B2"]?.formula == "A2*2+$A$1+SUM(A:A)")
    #expect(cells["B2"]?.value == .number(6))
    #expect(cells["B3"]?.value == .uncalculated)
  }

  @Test func formulasWithoutCachedValuesAreUncalculated() throws {
    let cells = try cellsByReference(openFixture("quirks/formula-without-cached-value.xlsx"))
    #expect(cells["A1"]?.value == .uncalculated)
    #expect(cells["A1"]?.formula == "SUM(B1:B2)")
    #expect(cells["B1"]?.value == .uncalculated, "an empty <v> is not 0")
    #expect(cells["C1"]?.value == .string(""), "a string formula with an empty result is \"\"")
    #expect(cells["D1"]?.value == .error("#DIV/0!"))
    #expect(cells["E1"]?.value == .bool(true))
    #expect(cells["F1"]?.formula == "A1+1", "a leading = is dropped")
  }

  @Test func sheetStatesAndChartSheetsAreReported() throws {
    let document = try openFixture("quirks/sheet-states.xlsx")
    #expect(document.sheets.map(\.name) == ["可见", "隐藏", "_meta", "图表"])
    #expect(document.sheets.map(\.state) == [.visible, .hidden, .veryHidden, .visible])
    #expect(document.sheets.map(\.kind) == [.worksheet, .worksheet, .worksheet, .chartsheet])
    #expect(try document.readSheet(document.sheets[3]).cells.isEmpty)
    #expect(try cellsByReference(document, sheet: "_meta")["B1"]?.value == .string("WCH-2026-WJW"))
  }

  @Test func coreAndCustomPropertiesAndDefinedNamesAreRead() throws {
    let document = try openFixture("quirks/properties-defined-names.xlsx")
    let properties = document.properties
    #expect(properties.title == "2026年卫生健康局统计报表")
    #expect(properties.creator == "统计局")
    #expect(properties.created == "2025-01-02T03:04:05Z")
    #expect(properties.custom.map(\.name) == ["TemplateID", "SchemaVersion", "Locked", "Issued", "KSOProductBuildVer"])
    #expect(properties.custom("TemplateID") == .string("WCH-2026-WJW"))
    #expect(properties.custom("SchemaVersion") == .number(3))
    #expect(properties.custom("Locked") == .bool(true))
    #expect(properties.custom("Issued") == .date("2025-12-01T00:00:00Z"))
    #expect(
      document.definedNames == [
        DefinedName(name: "_xlnm.Print_Area", refersTo: "'表1'!$A$1:$C$9", localSheetIndex: 0),
        DefinedName(name: "TemplateID", refersTo: "\"WCH-2026-WJW\"", isHidden: true),
        DefinedName(name: "数据区", refersTo: "'表1'!$B$2:$B$5"),
      ])
  }

  @Test func mergedRangesAndHiddenRowsAndColumnsAreReported() throws {
    let document = try openFixture("quirks/merged-hidden.xlsx")
    let sheet = try document.readSheet(document.sheets[0])
    #expect(sheet.mergedRanges.map(\.description) == ["A1:C1", "A3:A4"])
    #expect(sheet.hiddenRows == [2])
    #expect(sheet.hiddenColumns == [2...3])
    #expect(sheet.cells.count == 3, "style-only cells are skipped")
  }

  @Test func booleansErrorsAndNumberSpellingsAreDecoded() throws {
    let cells = try cellsByReference(openFixture("quirks/booleans-errors-numbers.xlsx"))
    #expect(cells["A1"]?.value == .bool(true))
    #expect(cells["B1"]?.value == .bool(false))
    #expect(cells["C1"]?.value == .error("#N/A"))
    #expect(cells["D1"]?.value == .error("#SPILL!"), "unknown error literals are kept")
    #expect(cells["E1"]?.value == .number(0.001))
    #expect(cells["F1"]?.value == .number(42), "spaces around <v> are allowed")
    #expect(cells["H1"]?.value == .number(1.2345678901234567e17))
    #expect(cells["H1"]?.rawValue == "1.2345678901234567E+17", "rawValue keeps every digit as written")
    #expect(cells["I1"]?.value == .number(0.1))
    #expect(cells["J1"]?.rawValue == "123456789012345678")
    #expect(cells["K1"] == nil, "t=\"s\" with an empty <v/> is blank")
    if case .number(let zero) = cells["G1"]?.value { #expect(zero == 0 && zero.sign == .minus) }
  }

  static func iso(_ value: CellValue) -> String? {
    if case .date(let date) = value { return date.iso8601 }
    return nil
  }
}
