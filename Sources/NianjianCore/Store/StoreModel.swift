import Schema

/// What happened to a submitted return.
public enum SubmissionOutcome: String, Sendable, Hashable, Codable, CaseIterable {
  /// No errors, no warnings: accepted.
  case accepted
  /// No errors; warnings remain outstanding until explained.
  case acceptedWithWarnings = "accepted_with_warnings"
  /// Errors: not accepted.
  case rejected
}

/// One file received from a department (or one history table).
public struct Submission: Sendable, Hashable {
  /// The store's id of the submission.
  public var id: Int64
  /// The file name (no folders).
  public var fileName: String
  /// The SHA-256 of the file.
  public var sha256: String
  /// The department id (`history` for a history table without one).
  public var department: String
  /// The reporting year (the latest year for a history table).
  public var year: Int
  /// When it was received (ISO 8601, UTC).
  public var receivedAt: String
  /// The outcome.
  public var outcome: SubmissionOutcome
  /// Errors found.
  public var errorCount: Int
  /// Warnings found.
  public var warningCount: Int
  /// The schema version it was checked against.
  public var schemaVersion: String

  /// Creates a submission record.
  public init(
    id: Int64, fileName: String, sha256: String, department: String, year: Int, receivedAt: String,
    outcome: SubmissionOutcome, errorCount: Int, warningCount: Int, schemaVersion: String
  ) {
    self.id = id
    self.fileName = fileName
    self.sha256 = sha256
    self.department = department
    self.year = year
    self.receivedAt = receivedAt
    self.outcome = outcome
    self.errorCount = errorCount
    self.warningCount = warningCount
    self.schemaVersion = schemaVersion
  }
}

/// An accepted value in the store, with its provenance.
public struct StoredValue: Sendable, Hashable {
  /// The indicator code.
  public var indicatorCode: String
  /// The year.
  public var year: Int
  /// The value (a number, a text, or a declared missing value).
  public var quantity: ReportedQuantity
  /// The department that reported it.
  public var department: String
  /// Where it came from.
  public var provenance: Provenance
  /// The submission that brought it.
  public var submissionID: Int64
  /// The schema version it was checked against.
  public var schemaVersion: String
  /// The explanation (情况说明) the department gave, if any (for a history value: its note).
  public var explanation: String?
  /// The data source the department named (数据来源), if any.
  public var dataSource: String?

  /// Creates a stored value.
  public init(
    indicatorCode: String, year: Int, quantity: ReportedQuantity, department: String, provenance: Provenance,
    submissionID: Int64, schemaVersion: String, explanation: String? = nil, dataSource: String? = nil
  ) {
    self.indicatorCode = indicatorCode
    self.year = year
    self.quantity = quantity
    self.department = department
    self.provenance = provenance
    self.submissionID = submissionID
    self.schemaVersion = schemaVersion
    self.explanation = explanation
    self.dataSource = dataSource
  }
}

/// A resubmission that changed an accepted value: both values and both files are kept.
public struct Revision: Sendable, Hashable {
  /// The indicator code.
  public var indicatorCode: String
  /// The year.
  public var year: Int
  /// The value before.
  public var oldValue: StoredValue
  /// The value after.
  public var newValue: StoredValue

  /// Creates a revision record.
  public init(indicatorCode: String, year: Int, oldValue: StoredValue, newValue: StoredValue) {
    self.indicatorCode = indicatorCode
    self.year = year
    self.oldValue = oldValue
    self.newValue = newValue
  }
}

/// Two sources that disagree on one indicator and year: listed, never resolved by guessing.
public struct Conflict: Sendable, Hashable {
  /// The indicator code.
  public var indicatorCode: String
  /// The year.
  public var year: Int
  /// The disagreeing values (two or more), in submission order.
  public var values: [StoredValue]

  /// Creates a conflict record.
  public init(indicatorCode: String, year: Int, values: [StoredValue]) {
    self.indicatorCode = indicatorCode
    self.year = year
    self.values = values
  }
}

/// A warning from an accepted return, with the explanation if the department gave one.
public struct StoredWarning: Sendable, Hashable {
  /// The warning.
  public var finding: Finding
  /// The department.
  public var department: String
  /// The year.
  public var year: Int
  /// The file it came from.
  public var fileName: String
  /// The explanation (情况说明), if any; without one the warning is outstanding.
  public var explanation: String?

  /// Creates a stored warning.
  public init(finding: Finding, department: String, year: Int, fileName: String, explanation: String?) {
    self.finding = finding
    self.department = department
    self.year = year
    self.fileName = fileName
    self.explanation = explanation
  }

  /// Whether the warning still waits for an explanation.
  public var isOutstanding: Bool { (explanation ?? "").isEmpty }
}

/// What a yearbook is built from: the schema, the year, and everything the store knows up to that year.
///
/// The store assembles it (`MonitoringStore.yearbookInput`), or it is built straight from return files for a
/// quick look without a store.
public struct YearbookInput: Sendable {
  /// The schema (plans, indicators, targets).
  public var schema: Schema
  /// The yearbook's year.
  public var year: Int
  /// Every accepted value of every year up to `year` (history included).
  public var values: [StoredValue]
  /// The submissions of `year`.
  public var submissions: [Submission]
  /// The warnings of `year`, with explanations.
  public var warnings: [StoredWarning]
  /// Revisions recorded for years up to `year`.
  public var revisions: [Revision]
  /// Open conflicts for years up to `year`.
  public var conflicts: [Conflict]

  /// Creates a yearbook input.
  public init(
    schema: Schema, year: Int, values: [StoredValue], submissions: [Submission], warnings: [StoredWarning],
    revisions: [Revision], conflicts: [Conflict]
  ) {
    self.schema = schema
    self.year = year
    self.values = values
    self.submissions = submissions
    self.warnings = warnings
    self.revisions = revisions
    self.conflicts = conflicts
  }
}
