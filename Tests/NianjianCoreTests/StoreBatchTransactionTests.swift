import Foundation
@_spi(Testing) import NianjianCore
import NianjianTestSupport
import Testing

/// `SQLiteStore.inOneTransaction`: a batch of imports is kept whole or not at all; inside it each import is its
/// own savepoint and reads see the imports made before them.
@Suite struct StoreBatchTransactionTests {
  struct StoppedBatch: Error {}

  static func healthReturn(_ file: String, _ value: Double, year: Int = 2025) -> ReturnReport {
    StoreFixture.report(
      file, department: "health", year: year,
      values: [StoreFixture.value("T-HE-01", .number(value), year: year, file: file)])
  }

  static func educationReturn(_ file: String, _ value: Double) -> ReturnReport {
    StoreFixture.report(
      file, department: "education", values: [StoreFixture.value("T-ED-01", .number(value), file: file)])
  }

  @Test func aBatchThatThrowsKeepsNothingOfItsImports() throws {
    let (store, _) = try StoreFixture.newStore()
    _ = try store.importReturn(
      Self.healthReturn("before.xlsx", 93.5, year: 2024), schemaVersion: "v",
      receivedAt: StoreFixture.receivedAt)
    let valuesBefore = try store.acceptedValues(through: 2100)
    #expect(throws: StoppedBatch.self) {
      try store.inOneTransaction {
        _ = try store.importReturn(
          Self.healthReturn("a.xlsx", 95), schemaVersion: "v",
          receivedAt: StoreFixture.receivedAt)
        _ = try store.importReturn(
          Self.educationReturn("b.xlsx", 90), schemaVersion: "v",
          receivedAt: StoreFixture.receivedAt)
        throw StoppedBatch()
      }
    }
    #expect(try store.acceptedValues(through: 2100) == valuesBefore)
    #expect(try store.submissions(year: 2025).isEmpty)
  }

  @Test func aBatchThatReturnsKeepsEveryImportAndReadsSeeEarlierOnes() throws {
    let (store, folder) = try StoreFixture.newStore()
    let seen = try store.inOneTransaction {
      let first = try store.importReturn(
        Self.healthReturn("a.xlsx", 95), schemaVersion: "v",
        receivedAt: StoreFixture.receivedAt)
      // Inside the batch: the first import is visible, and the same file again is recognised.
      let again = try store.importReturn(
        Self.healthReturn("a.xlsx", 95), schemaVersion: "v",
        receivedAt: StoreFixture.receivedAt)
      #expect(first.outcome == .accepted)
      #expect(again.outcome == .alreadyImported)
      #expect(try store.submission(id: try #require(first.submissionID))?.fileName == "a.xlsx")
      _ = try store.importReturn(
        Self.educationReturn("b.xlsx", 90), schemaVersion: "v",
        receivedAt: StoreFixture.receivedAt)
      return try store.acceptedValues(through: 2025).map(\.indicatorCode)
    }
    #expect(seen == ["T-ED-01", "T-HE-01"])
    // Another connection (another process) sees the committed batch.
    let reopened = try SQLiteStore(path: folder.appendingPathComponent("nianjian.sqlite").path)
    #expect(try reopened.acceptedValues(through: 2025).map(\.indicatorCode) == ["T-ED-01", "T-HE-01"])
    #expect(try reopened.submissions(year: 2025).map(\.fileName) == ["a.xlsx", "b.xlsx"])
  }

  @Test func aFailingImportInsideABatchUndoesOnlyItself() throws {
    let (_, folder) = try StoreFixture.newStore()
    let path = folder.appendingPathComponent("nianjian.sqlite").path
    let crashing = try SQLiteStore(
      path: path,
      faultInjection: { rowsWritten in
        if rowsWritten == 2 { throw StoppedBatch() }
      })
    let twoValues = StoreFixture.report(
      "two.xlsx", department: "education",
      values: [
        StoreFixture.value("T-ED-01", .number(90), file: "two.xlsx"),
        StoreFixture.value("T-ED-02", .number(12), file: "two.xlsx", cell: "G6"),
      ])
    try crashing.inOneTransaction {
      _ = try crashing.importReturn(
        Self.healthReturn("a.xlsx", 95), schemaVersion: "v",
        receivedAt: StoreFixture.receivedAt)
      #expect(throws: StoppedBatch.self) {
        try crashing.importReturn(twoValues, schemaVersion: "v", receivedAt: StoreFixture.receivedAt)
      }
    }
    let reopened = try SQLiteStore(path: path)
    #expect(try reopened.acceptedValues(through: 2025).map(\.indicatorCode) == ["T-HE-01"])
    #expect(try reopened.submissions(year: 2025).map(\.fileName) == ["a.xlsx"])
  }

  @Test func anotherThreadOutsideTheBatchReadsTheStoreAsCommitted() throws {
    let (store, _) = try StoreFixture.newStore()
    try store.inOneTransaction {
      _ = try store.importReturn(
        Self.healthReturn("a.xlsx", 95), schemaVersion: "v",
        receivedAt: StoreFixture.receivedAt)
      let outside = Thread.detachNewThreadResult { try? store.acceptedValues(through: 2025).count }
      #expect(outside == 0, "uncommitted imports are invisible to other readers")
    }
    #expect(try store.acceptedValues(through: 2025).count == 1)
  }
}

extension Thread {
  /// Runs `body` on a new thread and waits for its result.
  fileprivate static func detachNewThreadResult<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      box.value = body()
      done.signal()
    }
    done.wait()
    return box.value!
  }
}

private final class ResultBox<T>: @unchecked Sendable {
  var value: T?
}
