import Foundation
import NianjianTestSupport
import Schema
import Testing

@testable import NianjianCore

/// From the store to the yearbook through the `nianjian` binary. Runs once the SQLite store is implemented (until
/// then `SQLiteStore(path:)` is a stub that throws, and the test is disabled).
@Suite struct YearbookStoreTests {
  static let storeIsAvailable: Bool = {
    guard let folder = try? TestSupport.makeTemporaryDirectory("yearbook-store-probe") else { return false }
    defer { try? FileManager.default.removeItem(at: folder) }
    return (try? SQLiteStore(path: folder.appendingPathComponent("probe.sqlite").path)) != nil
  }()

  @Test(.enabled(if: storeIsAvailable)) func yearbookFromTheStoreShowsEveryImportedValue() throws {
    let folder = try TestSupport.makeTemporaryDirectory("yearbook-store")
    let storePath = folder.appendingPathComponent("nianjian.sqlite").path
    let schema = try YearbookFixture.schema()
    let store = try SQLiteStore(path: storePath)
    let received = Date(timeIntervalSince1970: 1_738_368_000)
    for report in YearbookReturnsTests.reports() {
      _ = try store.importReturn(report, schemaVersion: schema.version, receivedAt: received)
    }
    let imported = try store.acceptedValues(through: 2024)
    #expect(!imported.isEmpty)

    let arguments = [
      "yearbook", "--year", "2024", "--store", storePath, "--schema", TestSupport.fixture("yearbook/schema/hexi").path,
      "--out",
    ]
    let first = try TestSupport.nianjian(arguments + ["first.xlsx"], in: folder)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("first.xlsx"))
    let second = try TestSupport.nianjian(arguments + ["second.xlsx"], in: folder)
    #expect(second.status == 0)
    let firstURL = folder.appendingPathComponent("first.xlsx")
    #expect(try Data(contentsOf: firstURL) == Data(contentsOf: folder.appendingPathComponent("second.xlsx")))

    let book = try ReadYearbook(firstURL)
    for value in imported {
      let rows = book.rows("数据来源", column: "A", equal: value.indicatorCode)
      let found = rows.contains { row in
        book.text("数据来源", "I\(row)") == value.provenance.cell
          && book.text("数据来源", "F\(row)") == value.provenance.fileName
          && (value.quantity.number.map { book.number("数据来源", "D\(row)") == $0 } ?? true)
      }
      #expect(found, "\(value.indicatorCode) \(value.year) \(value.provenance.cell)")
    }
  }
}
