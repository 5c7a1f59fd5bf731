import Testing

@testable import XLSXWriter

@Suite("A1 references")
struct CellAddressTests {
  @Test(arguments: [
    ("A1", 0, 0), ("B3", 2, 1), ("$B$3", 2, 1), ("z10", 9, 25), ("AA1", 0, 26), ("XFD1048576", 1_048_575, 16_383),
  ])
  func referencesParseToZeroBasedPositions(text: String, row: Int, column: Int) throws {
    let address = try CellAddress(text)
    #expect(address == CellAddress(row: row, column: column))
    #expect(address.a1 == text.uppercased().replacingOccurrences(of: "$", with: ""))
  }

  @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "A01", "B-3", "表1", "A1B"])
  func badReferencesAreRefused(text: String) {
    #expect(writeError { _ = try CellAddress(text) }?.code == .invalidArgument)
  }

  @Test func rangesNormaliseTheirCorners() throws {
    let range = try CellRange("C3:A1")
    #expect(range.a1 == "A1:C3")
    #expect(range.absoluteA1 == "$A$1:$C$3")
    #expect(range.rowCount == 3 && range.columnCount == 3)
    #expect(try CellRange("B2").a1 == "B2")
    #expect(range.overlaps(try CellRange("C3:D4")))
    #expect(!range.overlaps(try CellRange("D1:D9")))
  }

  @Test func sheetReferencesQuoteTheSheetName() {
    let reference = SheetReference(
      sheet: "妇女 '健康'", range: CellRange(firstRow: 1, firstColumn: 1, lastRow: 5, lastColumn: 1))
    #expect(reference.formula == "'妇女 ''健康'''!$B$2:$B$6")
  }
}

@Suite("Column width estimates")
struct ColumnWidthTests {
  @Test func hanCharactersCountDouble() {
    #expect(ColumnWidth.fitting(["指标名称"]) == 10)  // 4 × 2 + 2
    #expect(ColumnWidth.fitting(["ABCD"]) == 7)  // 4 × 1.1 + 2, rounded up
    #expect(ColumnWidth.fitting(["孕产妇（%）", "短"]) == 14)  // full-width brackets are wide too
    #expect(ColumnWidth.fitting(["第一行\n第二行更长一些"]) == 16)
    #expect(ColumnWidth.fitting([]) == ColumnWidth.minimum)
    #expect(ColumnWidth.fitting([String(repeating: "字", count: 500)]) == ColumnWidth.maximum)
  }
}
