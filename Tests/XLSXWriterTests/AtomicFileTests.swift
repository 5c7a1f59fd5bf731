import Foundation
import NianjianTestSupport
import Testing

@testable import XLSXWriter

/// Files reach their folder in one step: built in a private temporary folder, then published through an
/// anonymous file (or, where there is none, a hidden name that is renamed); nothing is left behind either way.
@Suite("Publishing finished files")
struct AtomicFileTests {
  @Test func theWorkbookIsBuiltInAPrivateFolderThatCloseRemoves() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("done.xlsx"))
    try book.addWorksheet("表1").write(.number(1), row: 0, column: 0)
    let privateFolder = book.core.privateFolder
    #expect(!privateFolder.hasPrefix(scratch.folder.path), "never inside the destination folder")
    #expect(!FileManager.default.fileExists(atPath: privateFolder), "made only when closing")
    try book.close()
    #expect(!FileManager.default.fileExists(atPath: privateFolder))
    #expect(scratch.contents == ["done.xlsx"])
  }

  @Test func aFailedCloseRemovesThePrivateFolderToo() throws {
    let scratch = try Scratch()
    let book = try Workbook(path: scratch.path("never.xlsx"))
    try book.addWorksheet("表1").hide()
    let privateFolder = book.core.privateFolder
    #expect(throws: XLSXWriteError.self) { try book.close() }
    #expect(!FileManager.default.fileExists(atPath: privateFolder))
    #expect(scratch.contents.isEmpty)
  }

  @Test(arguments: [true, false])
  func publishingReplacesAnOlderFileAndLeavesNoOtherName(_ anonymousFiles: Bool) throws {
    let scratch = try Scratch()
    let source = try Scratch("xlsxwriter-source")
    let bytes = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try bytes.write(to: source.url("new.bin"))
    try Data("older".utf8).write(to: scratch.url("目标.xlsx"))
    try FilePublisher.publish(
      source.path("new.bin"), to: scratch.path("目标.xlsx"), CallSite("test"), anonymousFiles: anonymousFiles)
    #expect(try Data(contentsOf: scratch.url("目标.xlsx")) == bytes)
    #expect(scratch.contents == ["目标.xlsx"])
    try FilePublisher.publish(
      source.path("new.bin"), to: scratch.path("新.xlsx"), CallSite("test"), anonymousFiles: anonymousFiles)
    #expect(try Data(contentsOf: scratch.url("新.xlsx")) == bytes)
    #expect(scratch.contents == ["新.xlsx", "目标.xlsx"])
  }

  @Test(arguments: [true, false])
  func publishingIntoAMissingFolderFailsAndAddsNothing(_ anonymousFiles: Bool) throws {
    let source = try Scratch("xlsxwriter-source")
    try Data("x".utf8).write(to: source.url("a.bin"))
    let error = writeError {
      try FilePublisher.publish(
        source.path("a.bin"), to: source.path("gone/a.xlsx"), CallSite("test"), anonymousFiles: anonymousFiles)
    }
    #expect(error?.code == .fileSystem)
    #expect(source.contents == ["a.bin"])
  }

  @Test func aMissingSourceIsAFileSystemError() throws {
    let scratch = try Scratch()
    let error = writeError {
      try AtomicFile.publish(contentsOf: scratch.url("none.bin"), to: scratch.url("out.xlsx"))
    }
    #expect(error?.code == .fileSystem)
    #expect(error?.function == "open")
    #expect(scratch.contents.isEmpty)
  }

  @Test func privateFoldersAreNewAndOnlyForThisUser() throws {
    let first = try AtomicFile.makePrivateFolder(label: "xlsxwriter-test")
    let second = try AtomicFile.makePrivateFolder(label: "xlsxwriter-test")
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    #expect(first != second)
    let permissions = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? NSNumber
    #expect(permissions?.intValue == 0o700)
    #expect(try FileManager.default.contentsOfDirectory(atPath: first.path).isEmpty)
  }
}
