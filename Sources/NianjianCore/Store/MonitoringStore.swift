import Foundation
import Schema

/// What an import did.
public struct ImportResult: Sendable, Hashable {
  /// What happened to the file.
  public enum Outcome: String, Sendable, Hashable {
    /// Accepted with no warnings.
    case accepted
    /// Accepted; warnings stay outstanding until explained.
    case acceptedWithWarnings = "accepted_with_warnings"
    /// Rejected because of errors; nothing was stored but the submission record.
    case rejected
    /// The same file (same SHA-256) was imported before: nothing changed.
    case alreadyImported = "already_imported"
  }

  /// The outcome.
  public var outcome: Outcome
  /// The submission id (of the earlier import for ``Outcome/alreadyImported``).
  public var submissionID: Int64?
  /// Values newly stored.
  public var newValues: Int
  /// Values that changed an earlier accepted value (revisions).
  public var revisions: Int
  /// Values that disagree with another source for the same indicator and year (conflicts).
  public var conflicts: Int

  /// Creates an import result.
  public init(outcome: Outcome, submissionID: Int64?, newValues: Int, revisions: Int, conflicts: Int) {
    self.outcome = outcome
    self.submissionID = submissionID
    self.newValues = newValues
    self.revisions = revisions
    self.conflicts = conflicts
  }
}

/// The bureau's multi-year memory. The embedded SQLite store implements it; a shared server database for a
/// city or province can implement it later.
public protocol MonitoringStore: Sendable {
  /// Records a validated return: accepted when it has no errors (warnings stay outstanding until explained),
  /// rejected otherwise. Re-importing the same file (same SHA-256) changes nothing. All in one transaction.
  func importReturn(_ report: ReturnReport, schemaVersion: String, receivedAt: Date) throws -> ImportResult

  /// Accepted values of every year up to and including `year`, ordered by indicator code, then year.
  func acceptedValues(through year: Int) throws -> [StoredValue]

  /// The submissions received for `year`, in the order received.
  func submissions(year: Int) throws -> [Submission]

  /// The warnings of accepted returns for `year`, with explanations.
  func warnings(year: Int) throws -> [StoredWarning]

  /// Revisions recorded for years up to `year`.
  func revisions(through year: Int) throws -> [Revision]

  /// Conflicts for years up to `year`.
  func conflicts(through year: Int) throws -> [Conflict]

  /// Records a history table (see ``HistoryTable``): stored when it has no errors, rejected as a whole
  /// otherwise. Its source is ``HistoryTable/department``. Re-importing the same file changes nothing. All in one
  /// transaction.
  func importHistory(_ table: HistoryTable, schema: Schema, receivedAt: Date) throws -> ImportResult

  /// The submission with `id`, or `nil`.
  func submission(id: Int64) throws -> Submission?
}

extension MonitoringStore {
  /// Records a history table as a return from the source ``HistoryTable/department`` (stores that keep history
  /// apart override this).
  public func importHistory(_ table: HistoryTable, schema: Schema, receivedAt: Date) throws -> ImportResult {
    try importReturn(table.report(schema: schema), schemaVersion: schema.version, receivedAt: receivedAt)
  }

  /// No lookup by id (stores that can look submissions up override this).
  public func submission(id: Int64) throws -> Submission? { nil }

  /// Everything the yearbook for `year` needs.
  public func yearbookInput(schema: Schema, year: Int) throws -> YearbookInput {
    YearbookInput(
      schema: schema, year: year, values: try acceptedValues(through: year), submissions: try submissions(year: year),
      warnings: try warnings(year: year), revisions: try revisions(through: year),
      conflicts: try conflicts(through: year))
  }

  /// The accepted values of exactly `year`, keyed by indicator code (the first when there is a conflict).
  public func values(ofYear year: Int) throws -> [String: StoredValue] {
    var result: [String: StoredValue] = [:]
    for value in try acceptedValues(through: year) where value.year == year && result[value.indicatorCode] == nil {
      result[value.indicatorCode] = value
    }
    return result
  }
}
