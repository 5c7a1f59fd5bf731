import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("Active, first and hidden sheets")
struct SheetViewTests {
  /// `tabSelected` per sheet part and the workbook's `activeTab`/`firstSheet`, straight from the XML.
  static func views(_ url: URL) throws -> String {
    let code = """
      import re, sys, zipfile
      z = zipfile.ZipFile(sys.argv[1])
      names = sorted(n for n in z.namelist() if n.startswith('xl/worksheets/sheet'))
      print(' '.join('%s=%s' % (n[14:-4], 'selected' if 'tabSelected="1"' in z.read(n).decode() else '-') for n in names))
      view = re.search(r'<workbookView [^>]*/>', z.read('xl/workbook.xml').decode()).group(0)
      print(' '.join('%s=%s' % p for p in re.findall(r'(activeTab|firstSheet)="(\\d+)"', view)))
      """
    return try TestSupport.python(["-c", code, url.path]).stdout
  }

  @Test func hidingTheFirstSheetActivatesTheFirstVisibleOne() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("views.xlsx"))
    let hidden = try book.addWorksheet("_meta")
    _ = try book.addWorksheet("表1")
    _ = try book.addWorksheet("表2")
    try hidden.hide()
    try book.close()
    let views = try Self.views(scratch.url("views.xlsx"))
    #expect(views.contains("sheet1=- sheet2=selected sheet3=-"))
    #expect(views.contains("activeTab=1"))
    #expect(views.contains("firstSheet=1"))
  }

  @Test func anActivatedSheetIsTheOnlySelectedOne() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("views.xlsx"))
    _ = try book.addWorksheet("表1")
    let second = try book.addWorksheet("表2")
    try second.activate()
    try book.close()
    let views = try Self.views(scratch.url("views.xlsx"))
    #expect(views.contains("sheet1=- sheet2=selected"))
    #expect(views.contains("activeTab=1"))
  }

  @Test func hiddenSheetsCannotBeActivated() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("views.xlsx"))
    let sheet = try book.addWorksheet("表1")
    _ = try book.addWorksheet("表2")
    try sheet.hide()
    #expect(writeError { try sheet.activate() }?.code == .invalidArgument)
    #expect(writeError { try sheet.setFirstSheet() }?.code == .invalidArgument)
  }
}
