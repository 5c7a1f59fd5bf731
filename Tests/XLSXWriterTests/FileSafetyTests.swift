import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

@Suite("Deterministic, atomic files and handles that end at close")
struct FileSafetyTests {
  @Test func twoRunsGiveTheSameBytes() throws {
    let scratch = try Scratch()
    try FeatureWorkbook.write(to: scratch.path("a.xlsx"))
    try FeatureWorkbook.write(to: scratch.path("b.xlsx"))
    let first = try Data(contentsOf: scratch.url("a.xlsx"))
    let second = try Data(contentsOf: scratch.url("b.xlsx"))
    #expect(first.count > 0)
    #expect(first == second)
  }

  @Test func noZipEntryCarriesTheClock() throws {
    // Same bytes on another day too: every entry, patched ones included, is stamped 1980-01-01.
    let scratch = try Scratch()
    try FeatureWorkbook.write(to: scratch.path("stamps.xlsx"))
    let code = """
      import sys, zipfile
      for info in zipfile.ZipFile(sys.argv[1]).infolist():
          print(info.filename, info.date_time == (1980, 1, 1, 0, 0, 0) and info.extra == b"")
      """
    let lines = try TestSupport.python(["-c", code, scratch.path("stamps.xlsx")]).stdout.split(separator: "\n")
    #expect(lines.contains("xl/workbook.xml True"))  // rewritten to add workbook protection
    #expect(lines.count > 10)
    #expect(lines.allSatisfy { $0.hasSuffix(" True") })
  }

  @Test func theCreationDateComesFromTheOptions() throws {
    let scratch = try Scratch()
    let options = WorkbookOptions(creationDate: Date(timeIntervalSince1970: 1_700_000_000))
    let book = try Workbook(path: scratch.path("dated.xlsx"), options: options)
    try book.addWorksheet("表1").write(.number(1), row: 0, column: 0)
    try book.close()
    let result = try TestSupport.python([
      "-c",
      "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read('docProps/core.xml').decode())",
      scratch.path("dated.xlsx"),
    ])
    #expect(
      result.stdout.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z</dcterms:created>"))
  }

  @Test func aSuccessfulCloseLeavesOnlyTheDestination() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("done.xlsx"))
    try book.addWorksheet("表1").write(.number(0.1 + 0.2), row: 0, column: 0)  // forces a package patch
    try book.protectStructure()
    #expect(scratch.contents.isEmpty)  // nothing on disk before close
    try book.close()
    #expect(scratch.contents == ["done.xlsx"])
  }

  @Test func aFailedCloseLeavesNoFileAndNoTemporaryFile() throws {
    let scratch = try Scratch()
    let folder = scratch.url("gone")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let book = try Workbook(path: folder.appendingPathComponent("out.xlsx").path)
    let sheet = try book.addWorksheet("表1")
    try sheet.write(.string("数据"), row: 0, column: 0)
    try FileManager.default.removeItem(at: folder)
    let error = writeError { try book.close() }
    // The folder is checked again before the package is built (in a private temporary folder).
    #expect(error?.code == .fileSystem)
    #expect(error?.function == "Workbook.close")
    #expect(scratch.contents.isEmpty)
    #expect(book.isClosed)
    #expect(writeError { try sheet.write(.number(1), row: 0, column: 0) }?.code == .workbookClosed)
  }

  @Test func aFailedCloseKeepsTheOlderFile() throws {
    let scratch = try Scratch()
    let destination = scratch.url("kept.xlsx")
    try Data("older file".utf8).write(to: destination)
    let book = try Workbook(path: destination.path)
    let sheet = try book.addWorksheet("表1")
    try sheet.hide()  // no visible sheet: close fails before anything is written
    _ = writeError { try book.close() }
    #expect(try Data(contentsOf: destination) == Data("older file".utf8))
    #expect(scratch.contents == ["kept.xlsx"])
  }

  @Test func aReadOnlyFolderFailsCleanly() throws {
    guard getuid() != 0 else { return }  // root ignores folder permissions
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("ro.xlsx"))
    try book.addWorksheet("表1").write(.number(1), row: 0, column: 0)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: scratch.folder.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.folder.path) }
    #expect(writeError { try book.close() } != nil)
    #expect(scratch.contents.isEmpty)
  }

  @Test func anErrorMidBuildLeavesNothingAtTheDestination() throws {
    let scratch = try Scratch()
    do {
      let book = try Workbook(path: scratch.path("half.xlsx"))
      let sheet = try book.addWorksheet("表1")
      try sheet.write(.number(1), row: 0, column: 0)
      try sheet.write(.number(.nan), row: 1, column: 0)
      try book.close()
      Issue.record("NaN should have been refused")
    } catch {
      #expect((error as? XLSXWriteError)?.code == .nonFiniteNumber)
    }
    #expect(scratch.contents.isEmpty)
  }

  @Test func aMissingFolderIsReportedAtCreation() {
    let error = writeError { _ = try Workbook(path: "/nonexistent-nianjian-folder/x.xlsx") }
    #expect(error?.code == .fileSystem)
  }

  @Test func everyHandleIsUnusableAfterClose() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("closed.xlsx"))
    let sheet = try book.addWorksheet("表1")
    try book.close()
    #expect(book.isClosed)
    #expect(writeError { try sheet.write(.number(1), row: 0, column: 0) }?.code == .workbookClosed)
    #expect(writeError { try sheet.merge(CellRange("A1:B1")) }?.code == .workbookClosed)
    #expect(writeError { _ = try book.addWorksheet("表2") }?.code == .workbookClosed)
    #expect(writeError { try book.close() }?.code == .workbookClosed)
    #expect(writeError { try book.setCustomProperty("x", .bool(true)) }?.code == .workbookClosed)
  }

  @Test func aWorkbookDroppedWithoutCloseWritesNothing() throws {
    let scratch = try Scratch()
    do {
      let book = try Workbook(path: scratch.path("dropped.xlsx"))
      try book.addWorksheet("表1").write(.string("x"), row: 0, column: 0)
    }
    #expect(scratch.contents.isEmpty)
  }
}
