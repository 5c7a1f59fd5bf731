import Testing

@testable import XLSXWriter

@Suite("Patching libxlsxwriter's worksheet XML")
struct XMLPatchesTests {
  static func patch(_ xml: String, _ edits: [String: XMLPatches.ValueEdit]) -> String {
    String(decoding: XMLPatches.editCellValues(Array(xml.utf8), edits), as: UTF8.self)
  }

  @Test func onlyTheNamedCellsChange() {
    let xml =
      #"<row r="1"><c r="A1"><v>0.3</v></c><c r="A10" s="2"><v>0.3</v></c><c r="B1" s="1"><f>A1*2</f><v>0</v></c>"#
      + #"<c r="C1" s="4"/><c r="D1" t="s"><v>3</v></c></row>"#
    let patched = Self.patch(xml, ["A1": .replace("0.30000000000000004"), "B1": .remove, "C1": .remove])
    #expect(
      patched
        == #"<row r="1"><c r="A1"><v>0.30000000000000004</v></c><c r="A10" s="2"><v>0.3</v></c>"#
        + #"<c r="B1" s="1"><f>A1*2</f></c><c r="C1" s="4"/><c r="D1" t="s"><v>3</v></c></row>"#)
  }

  @Test func workbookProtectionGoesBeforeTheBookViews() throws {
    let xml = #"<workbook><fileVersion appName="xl"/><workbookPr defaultThemeVersion="124226"/><bookViews>"#
    let patched = try #require(XMLPatches.protectStructure(Array(xml.utf8), passwordHash: "C695"))
    #expect(
      String(decoding: patched, as: UTF8.self)
        == #"<workbook><fileVersion appName="xl"/><workbookPr defaultThemeVersion="124226"/>"#
        + #"<workbookProtection workbookPassword="C695" lockStructure="1"/><bookViews>"#)
    #expect(XMLPatches.protectStructure(Array("<workbook/>".utf8), passwordHash: nil) == nil)
  }
}
