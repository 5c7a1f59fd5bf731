import Foundation
import Schema

/// The embedded store: one SQLite file (`nianjian.sqlite` by default) through GRDB.
///
/// STUB: the signatures are the contract; the store implementation replaces this file.
public final class SQLiteStore: MonitoringStore, @unchecked Sendable {
  /// Opens (creating and migrating if needed) the store at `path`.
  public init(path: String) throws {
    throw CocoaError(.featureUnsupported)
  }

  public func importReturn(_ report: ReturnReport, schemaVersion: String, receivedAt: Date) throws -> ImportResult {
    throw CocoaError(.featureUnsupported)
  }

  public func acceptedValues(through year: Int) throws -> [StoredValue] { [] }

  public func submissions(year: Int) throws -> [Submission] { [] }

  public func warnings(year: Int) throws -> [StoredWarning] { [] }

  public func revisions(through year: Int) throws -> [Revision] { [] }

  public func conflicts(through year: Int) throws -> [Conflict] { [] }
}
