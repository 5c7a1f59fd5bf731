import Testing

@testable import XLSXReader

@Suite struct CellReferenceTests {
  @Test func columnNamesRoundTrip() {
    for column in [1, 26, 27, 52, 702, 703, 16_384] {
      let name = CellReference.columnName(column)
      #expect(CellReference.parse(name + "1")?.column == column)
    }
    #expect(CellReference.columnName(16_384) == "XFD")
  }

  @Test func referencesBeyondTheGridAreRefused() {
    #expect(CellReference.parse("XFE1") == nil)
    #expect(CellReference.parse("A1048577") == nil)
    #expect(CellReference.parse("$B$3")?.row == 3)
  }
}
