import Foundation
@_spi(Testing) import NianjianCore
import NianjianTestSupport
import Testing

@Suite struct StoreMigrationTests {
  @Test func newStoreIsCreatedWithEveryMigrationInWALMode() throws {
    let (store, _) = try StoreFixture.newStore()
    #expect(try store.appliedMigrations() == SQLiteStore.migrationNames)
    #expect(!SQLiteStore.migrationNames.isEmpty)
    // SQLite file header: bytes 18 and 19 are 2 for WAL.
    let header = try Data(contentsOf: URL(fileURLWithPath: store.path)).prefix(20)
    #expect(header.starts(with: Data("SQLite format 3\u{0}".utf8)))
    #expect(Array(header.suffix(2)) == [2, 2])
  }

  @Test func reopeningAStoreKeepsItsData() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      StoreFixture.report(
        "r1.xlsx", department: "health", values: [StoreFixture.value("T-HE-01", .number(96.25), file: "r1.xlsx")]),
      schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let reopened = try SQLiteStore(path: store.path, createIfMissing: false)
    #expect(try reopened.acceptedValues(through: 2025).map(\.quantity) == [.number(96.25)])
  }

  @Test func storeFromAVersion1DumpIsMigratedForwardWithItsData() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-store")
    let path = folder.appendingPathComponent("old.sqlite").path
    let dump = try String(contentsOf: TestSupport.fixture("store/v1-store.sql"), encoding: .utf8)
    try SQLiteStore.createDatabaseForTesting(path: path, sql: dump)
    let store = try SQLiteStore(path: path, createIfMissing: false)
    #expect(try store.appliedMigrations() == SQLiteStore.migrationNames)
    let values = try store.acceptedValues(through: 2025)
    #expect(values.contains { $0.indicatorCode == "T-HE-01" && $0.year == 2025 && $0.quantity == .number(96.25) })
    #expect(try store.submissions(year: 2025).count == 1)
  }

  @Test func storeWrittenByANewerVersionIsRefusedAndLeftUnchanged() throws {
    let (store, _) = try StoreFixture.newStore()
    try store.executeForTesting(
      "INSERT INTO grdb_migrations (identifier) VALUES ('v9-something-from-the-future')")
    let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
    do {
      _ = try SQLiteStore(path: store.path)
      Issue.record("a newer store was opened")
    } catch let error as StoreError {
      #expect(error.kind == .newerVersion)
      #expect(error.detail.contains("v9-something-from-the-future"))
      #expect(error.message.zh.contains("更新版本"))
      #expect(error.message.zh.contains(store.path))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: store.path)) == before)
  }

  @Test func fileThatIsNotAStoreIsRefused() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-store")
    let path = folder.appendingPathComponent("notes.sqlite").path
    try Data("这不是数据库，只是一段文字。\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try SQLiteStore(path: path)
    } throws: { error in
      (error as? StoreError)?.kind == .notAStore
    }
  }

  @Test func missingStoreIsNotCreatedWhenAskedNotTo() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-store")
    let path = folder.appendingPathComponent("absent.sqlite").path
    #expect {
      _ = try SQLiteStore(path: path, createIfMissing: false)
    } throws: { error in
      (error as? StoreError)?.kind == .missing
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func folderInPlaceOfTheStoreCannotBeOpened() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-store")
    #expect {
      _ = try SQLiteStore(path: folder.path)
    } throws: { error in
      (error as? StoreError)?.kind == .cannotOpen
    }
    let missingFolder = folder.appendingPathComponent("no/such/folder/store.sqlite").path
    #expect {
      _ = try SQLiteStore(path: missingFolder)
    } throws: { error in
      (error as? StoreError)?.kind == .cannotOpen
    }
  }
}

@Suite struct StoreTransactionTests {
  struct SimulatedCrash: Error {}

  @Test func failureInTheMiddleOfAnImportLeavesTheStoreAsItWas() throws {
    let folder = try TestSupport.makeTemporaryDirectory("nianjian-store")
    let path = folder.appendingPathComponent("nianjian.sqlite").path
    let store = try SQLiteStore(path: path)
    _ = try store.importReturn(
      StoreFixture.report(
        "r1.xlsx", department: "health",
        values: [
          StoreFixture.value("T-HE-01", .number(96.25), file: "r1.xlsx"),
          StoreFixture.value("T-HE-02", .number(7.5), file: "r1.xlsx"),
        ], findings: [StoreFixture.warning("T-HE-01")]), schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    let valuesBefore = try store.acceptedValues(through: 2025)
    let submissionsBefore = try store.submissions(year: 2025)
    let warningsBefore = try store.warnings(year: 2025)

    let crashing = try SQLiteStore(
      path: path,
      faultInjection: { rowsWritten in
        if rowsWritten == 2 { throw SimulatedCrash() }
      })
    let resubmission = StoreFixture.report(
      "r2.xlsx", department: "health",
      values: [
        StoreFixture.value("T-HE-01", .number(97), file: "r2.xlsx"),
        StoreFixture.value("T-HE-02", .number(8), file: "r2.xlsx"),
        StoreFixture.value("T-ED-01", .number(90), file: "r2.xlsx"),
      ])
    #expect(throws: SimulatedCrash.self) {
      try crashing.importReturn(resubmission, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    }
    let reopened = try SQLiteStore(path: path)
    #expect(try reopened.acceptedValues(through: 2025) == valuesBefore)
    #expect(try reopened.submissions(year: 2025) == submissionsBefore)
    #expect(try reopened.warnings(year: 2025) == warningsBefore)
    #expect(try reopened.revisions(through: 2025).isEmpty)

    // The same file imports cleanly afterwards: the failed attempt left no trace, not even its SHA-256.
    let result = try reopened.importReturn(resubmission, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
    #expect(result.outcome == .accepted)
    #expect(result.revisions == 2 && result.newValues == 1)
  }
}
