import Foundation
import NianjianTestSupport
import Testing
import XLSXReader

/// The 423 workbooks other readers keep in their test suites (`../shared/peer-fixtures`): every sheet of every
/// file is read or refused with an ``XLSXReadError`` — never a crash or a hang.
@Suite struct PeerFixtureTests {
  static var peerFiles: [URL] {
    guard let shared = TestSupport.sharedDirectory else { return [] }
    let root = shared.appendingPathComponent("peer-fixtures")
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }
      .filter { ["xlsx", "xlsm"].contains($0.pathExtension.lowercased()) }
      .sorted { $0.path < $1.path }
  }

  @Test func everyPeerWorkbookIsReadOrRefusedWithAReason() throws {
    let files = Self.peerFiles
    guard !files.isEmpty else {
      print("note: ../shared/peer-fixtures is absent; peer fixture test skipped")
      return
    }
    #expect(files.count >= 420)
    var read = 0
    var refused: [String: XLSXReadError.Kind] = [:]
    for url in files {
      if let error = readError(url) {
        refused[url.lastPathComponent] = error.kind
        #expect(!error.message(chinese: true).isEmpty)
      } else {
        read += 1
      }
    }
    #expect(read >= 390, "read \(read) of \(files.count); refused: \(refused)")
    // Known refusals, each for a stated reason.
    #expect(refused["pass_protected.xlsx"] == .encrypted)
    #expect(refused["protected_passtika.xlsx"] == .encrypted)
    #expect(refused["58616.xlsx"] == .encrypted)
    #expect(refused["poc-xmlbomb.xlsx"] == .documentTypeDeclaration)
    #expect(refused["poc-xmlbomb-empty.xlsx"] == .documentTypeDeclaration)
    #expect(refused["54764.xlsx"] == .documentTypeDeclaration)
    #expect(refused["54764-2.xlsx"] == .documentTypeDeclaration)
    #expect(refused["duplicate-filename.xlsx"] == .duplicateEntry)
    #expect(refused["duplicate-filename-case-insensitive.xlsx"] == .duplicateEntry)
    #expect(refused["poc-shared-strings.xlsx"] == .invalidCell, "cell refs in row 0")
  }

  @Test func peerQuirksReadAsExpected() throws {
    guard let shared = TestSupport.sharedDirectory else { return }
    let calamine = shared.appendingPathComponent("peer-fixtures/calamine")
    let phonetic = try XLSXDocument(contentsOf: calamine.appendingPathComponent("rph.xlsx"))
    let cells = try phonetic.readSheet(phonetic.sheets[0]).cells
    #expect(cells.first?.value == .string("課きく　毛こ"), "phonetic runs are skipped")
    let strict = try XLSXDocument(contentsOf: shared.appendingPathComponent("peer-fixtures/poi/SimpleStrict.xlsx"))
    #expect(strict.isStrict)
    #expect(try !strict.readSheet(strict.sheets[0]).cells.isEmpty)
  }
}
