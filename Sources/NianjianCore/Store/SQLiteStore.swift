import Foundation
internal import GRDB
import Schema

/// The embedded store: one SQLite file (`nianjian.sqlite` by default) through GRDB.
///
/// The file is opened in WAL mode and migrated with named migrations (``StoreMigrations``); a store written by a
/// newer nianjian is refused. Every import runs in one transaction: a failure, a crash or Ctrl-C in the middle
/// leaves the store exactly as it was before. ``inOneTransaction(_:)`` makes a whole batch of imports one
/// transaction.
///
/// ## Sources, revisions and conflicts
///
/// A *source* is a department id (`health`); every history table is the one source ``HistoryTable/department``.
/// Each source has at most one *current* value per indicator and year:
///
/// - A source's first value for an indicator and year becomes current (a new value).
/// - A later accepted return from the **same source** for the same year replaces it: the new value becomes
///   current and the old one is kept (not current). When the two differ it is a *revision* (old and new value,
///   both files kept). A blank cell (``MissingReason/blank``) never replaces a value that was given: leaving a
///   cell empty withdraws nothing; a declared missing value (—, 不适用) does replace it, as a revision.
/// - Two **different sources** whose current values for one indicator and year are both given (a number or a
///   text) and differ are a *conflict*. Nothing is chosen: both stay current, ``acceptedValues(through:)``
///   returns both and ``conflicts(through:)`` lists them. A missing value never conflicts with a given one.
///
/// Re-importing a file with the same SHA-256 changes nothing (``ImportResult/Outcome/alreadyImported``), unless
/// it was rejected under another schema version: then it is checked and recorded again.
///
/// ```swift
/// let store = try SQLiteStore(path: "nianjian.sqlite")
/// let result = try store.importReturn(report, schemaVersion: schema.version, receivedAt: Date())
/// let status = try store.status(year: 2025, schema: schema)
/// ```
public final class SQLiteStore: MonitoringStore, Sendable {
  /// The store file.
  public let path: String
  private let database: DatabasePool
  private let faultInjection: (@Sendable (_ rowsWritten: Int) throws -> Void)?

  /// Opens (creating and migrating if needed) the store at `path`.
  ///
  /// - Parameters:
  ///   - path: The SQLite file.
  ///   - createIfMissing: When `false`, a missing file is ``StoreError/Kind/missing`` instead of a new store.
  /// - Throws: ``StoreError``: the file cannot be opened or created, is not a store, or was written by a newer
  ///   nianjian.
  public convenience init(path: String, createIfMissing: Bool = true) throws {
    try self.init(path: path, createIfMissing: createIfMissing, faultInjection: nil)
  }

  /// Opens a store whose imports call `faultInjection` after each value row written inside the import
  /// transaction; a throwing hook simulates a crash in the middle of an import (tests only).
  @_spi(Testing)
  public init(
    path: String, createIfMissing: Bool = true,
    faultInjection: (@Sendable (_ rowsWritten: Int) throws -> Void)?
  ) throws {
    self.path = path
    self.faultInjection = faultInjection
    if !createIfMissing, !FileManager.default.fileExists(atPath: path) {
      throw StoreError(.missing, path: path)
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw StoreError(.cannotOpen, path: path, detail: "is a folder")
    }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "nianjian.store"
    do {
      database = try DatabasePool(path: path, configuration: configuration)
      let migrator = StoreMigrations.migrator
      let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
      let unknown = applied.subtracting(migrator.migrations)
      if !unknown.isEmpty {
        throw StoreError(.newerVersion, path: path, detail: unknown.sorted().joined(separator: ", "))
      }
      try migrator.migrate(database)
    } catch let error as StoreError {
      throw error
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path, opening: true)
    } catch {
      throw StoreError(.cannotOpen, path: path, detail: "\(error)")
    }
  }

  /// Closes the store's connections; every later call fails with ``StoreError``.
  public func close() throws {
    do {
      try database.close()
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path, opening: false)
    }
  }

  /// How long a write waits for another process holding the store (seconds).
  public static let busyTimeout: TimeInterval = 10

  /// The migrations this version knows, in order; the last is the store's schema version.
  public static var migrationNames: [String] { StoreMigrations.names }

  /// The migrations applied to this store, in order.
  public func appliedMigrations() throws -> [String] {
    try read { db in try StoreMigrations.migrator.appliedMigrations(db) }
  }

  // MARK: - Importing

  /// Records a validated return in one transaction (see the type's discussion of sources, revisions and conflicts).
  ///
  /// - Throws: ``StoreError`` (``StoreError/Kind/unidentifiedReturn`` for an acceptable report with no identity,
  ///   ``StoreError/Kind/invalidReturn`` for two different values of one indicator and year, I/O failures).
  public func importReturn(_ report: ReturnReport, schemaVersion: String, receivedAt: Date) throws -> ImportResult {
    try record(report, kind: "return", schemaVersion: schemaVersion, receivedAt: receivedAt)
  }

  /// Records a history table in one transaction, as the source ``HistoryTable/department``.
  public func importHistory(_ table: HistoryTable, schema: Schema, receivedAt: Date) throws -> ImportResult {
    try record(table.report(schema: schema), kind: "history", schemaVersion: schema.version, receivedAt: receivedAt)
  }

  private func record(_ report: ReturnReport, kind: String, schemaVersion: String, receivedAt: Date) throws
    -> ImportResult
  {
    let department: String
    let year: Int
    if let identity = report.identity, !report.identityIsInDoubt {
      department = identity.department
      year = identity.year
    } else if let identity = report.identity {
      // Another unit's template, or last year's reused: the rejection is kept, but not charged to the department
      // and year the template names (that department's own return for that year stays as it was).
      department = ""
      year = identity.year
    } else if !report.isAcceptable {
      department = ""
      year = report.values.map(\.year).max() ?? 0
    } else {
      throw StoreError(.unidentifiedReturn, path: path, detail: report.fileName)
    }
    let values = report.isAcceptable ? try Self.distinctValues(report, storePath: path) : []
    let outcome: SubmissionOutcome =
      !report.isAcceptable ? .rejected : report.count(.warning) > 0 ? .acceptedWithWarnings : .accepted
    let receivedText = Self.timestamp(receivedAt)
    let hook = faultInjection
    return try write { db in
      // Same bytes again: nothing changes.
      let earlier = try Row.fetchAll(
        db, sql: "SELECT id, outcome, schema_version FROM submission WHERE sha256 = ? ORDER BY id",
        arguments: [report.sha256])
      if let match = earlier.first(where: { row in
        (row["outcome"] as String) != SubmissionOutcome.rejected.rawValue
          || (row["schema_version"] as String) == schemaVersion
      }) {
        return ImportResult(
          outcome: .alreadyImported, submissionID: match["id"], newValues: 0, revisions: 0, conflicts: 0)
      }

      try db.execute(
        sql: """
          INSERT INTO submission (kind, file_name, sha256, department, year, received_at, outcome, error_count,
            warning_count, info_count, schema_version, template_id, identification)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          kind, report.fileName, report.sha256, department, year, receivedText, outcome.rawValue,
          report.count(.error), report.count(.warning), report.count(.info), schemaVersion,
          report.identity?.templateID, report.identification.rawValue,
        ])
      let submissionID = db.lastInsertedRowID
      for (position, finding) in report.findings.enumerated() {
        try db.cachedStatement(
          sql: """
            INSERT INTO finding (submission_id, position, severity, rule, indicator_code, sheet, cell, value,
              message_zh, message_en, explained)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        ).execute(
          arguments: [
            submissionID, position, finding.severity.rawValue, finding.rule, finding.indicator, finding.sheet,
            finding.cell, finding.value, finding.message.zh, finding.message.en, finding.explained,
          ])
      }
      guard outcome != .rejected else {
        return ImportResult(outcome: .rejected, submissionID: submissionID, newValues: 0, revisions: 0, conflicts: 0)
      }

      var newValues = 0
      var revisions = 0
      var rowsWritten = 0
      var touched: [(code: String, year: Int)] = []
      for value in values {
        let current = try Row.fetchOne(
          try db.cachedStatement(
            sql: """
              SELECT id, kind, number, text, missing_reason FROM value
              WHERE indicator_code = ? AND year = ? AND department = ? AND is_current = 1
              """),
          arguments: [value.indicatorCode, value.year, department])
        var isCurrent = true
        if let current {
          let old = Self.quantity(current)
          if value.quantity == .missing(.blank), old != .missing(.blank) {
            isCurrent = false
          } else {
            try db.cachedStatement(sql: "UPDATE value SET is_current = 0 WHERE id = ?").execute(
              arguments: [current["id"] as Int64])
          }
          try Self.insert(
            value, submissionID: submissionID, department: department, schemaVersion: schemaVersion,
            isCurrent: isCurrent, db)
          if isCurrent, old != value.quantity {
            try db.cachedStatement(
              sql: """
                INSERT INTO revision (indicator_code, year, department, old_value_id, new_value_id, submission_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """
            ).execute(
              arguments: [
                value.indicatorCode, value.year, department, current["id"] as Int64, db.lastInsertedRowID,
                submissionID,
              ])
            revisions += 1
          }
        } else {
          try Self.insert(
            value, submissionID: submissionID, department: department, schemaVersion: schemaVersion,
            isCurrent: true, db)
          newValues += 1
        }
        if isCurrent, value.quantity.isGiven { touched.append((value.indicatorCode, value.year)) }
        rowsWritten += 1
        try hook?(rowsWritten)
      }

      var conflicts = 0
      for key in touched {
        let given = try Row.fetchAll(
          try db.cachedStatement(
            sql: """
              SELECT kind, number, text, missing_reason FROM value
              WHERE indicator_code = ? AND year = ? AND is_current = 1 AND kind != 'missing'
              """),
          arguments: [key.code, key.year])
        if Set(given.map(Self.quantity)).count > 1 { conflicts += 1 }
      }
      return ImportResult(
        outcome: outcome == .accepted ? .accepted : .acceptedWithWarnings, submissionID: submissionID,
        newValues: newValues, revisions: revisions, conflicts: conflicts)
    }
  }

  /// The values of an acceptable report, one per indicator and year; refuses contradictions and non-finite numbers.
  private static func distinctValues(_ report: ReturnReport, storePath: String) throws -> [ReportedValue] {
    var seen: [String: ReportedQuantity] = [:]
    var result: [ReportedValue] = []
    for value in report.values {
      if let number = value.quantity.number, !number.isFinite {
        throw StoreError(
          .invalidReturn, path: storePath,
          detail: "\(report.fileName) \(value.provenance.sheet)!\(value.provenance.cell): not a finite number")
      }
      let key = "\(value.indicatorCode)\u{1F}\(value.year)"
      if let earlier = seen[key] {
        if earlier != value.quantity {
          throw StoreError(
            .invalidReturn, path: storePath,
            detail: "\(report.fileName): two different values for \(value.indicatorCode) \(value.year)")
        }
        continue
      }
      seen[key] = value.quantity
      result.append(value)
    }
    return result
  }

  private static func insert(
    _ value: ReportedValue, submissionID: Int64, department: String, schemaVersion: String, isCurrent: Bool,
    _ db: Database
  ) throws {
    var number: Double?
    var text: String?
    var missingReason: String?
    let kind: String
    switch value.quantity {
    case .number(let n):
      kind = "number"
      number = n
    case .text(let t):
      kind = "text"
      text = t
    case .missing(let reason):
      kind = "missing"
      missingReason = reason.rawValue
    }
    try db.cachedStatement(
      sql: """
        INSERT INTO value (submission_id, indicator_code, year, department, kind, number, text, missing_reason,
          sheet, cell, raw_text, explanation, data_source, schema_version, is_current)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        submissionID, value.indicatorCode, value.year, department, kind, number, text, missingReason,
        value.provenance.sheet, value.provenance.cell, value.provenance.rawText, value.explanation?.nilIfEmpty,
        value.dataSource?.nilIfEmpty, schemaVersion, isCurrent,
      ])
  }

  // MARK: - Reading

  /// The current values of every source for every year up to `year`, by indicator code, then year; given values
  /// before declared missing ones, then blanks, then in submission order.
  public func acceptedValues(through year: Int) throws -> [StoredValue] {
    try read { db in
      try Self.fetchValues(
        db,
        where: "v.is_current = 1 AND v.year <= ?",
        orderBy: "v.indicator_code, v.year, \(Self.kindRank), v.submission_id, v.department",
        arguments: [year])
    }
  }

  /// Every file recorded for `year` (accepted or rejected, returns and history tables), in the order received.
  public func submissions(year: Int) throws -> [Submission] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM submission WHERE year = ? ORDER BY id", arguments: [year])
        .map(Self.submission)
    }
  }

  /// The submission with `id`, or `nil`.
  public func submission(id: Int64) throws -> Submission? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT * FROM submission WHERE id = ?", arguments: [id]).map(Self.submission)
    }
  }

  /// The warnings of each department's latest accepted return for `year`, with the explanation (情况说明) found
  /// in that return for the same indicator; without one the warning is outstanding.
  public func warnings(year: Int) throws -> [StoredWarning] {
    try read { db in
      // The warnings of each department's latest accepted return for the year: a resubmission replaces the
      // return, and with it the warnings (fixed values lose theirs, explained ones carry the explanation).
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT f.*, s.department AS s_department, s.year AS s_year, s.file_name AS s_file_name
          FROM finding f JOIN submission s ON s.id = f.submission_id
          WHERE f.severity = 'warning' AND s.id IN (
            SELECT MAX(id) FROM submission
            WHERE year = ? AND kind = 'return' AND outcome != 'rejected'
            GROUP BY department)
          ORDER BY s.id, f.position
          """,
        arguments: [year])
      return try rows.map { row in
        let finding = Self.finding(row)
        var explanation: String? = nil
        if let code = finding.indicator {
          explanation = try String.fetchOne(
            db,
            sql: """
              SELECT explanation FROM value
              WHERE submission_id = ? AND indicator_code = ? AND explanation IS NOT NULL AND explanation != ''
              ORDER BY year DESC, id LIMIT 1
              """,
            arguments: [row["submission_id"] as Int64, code])
        }
        if explanation == nil, finding.explained { explanation = Self.explainedWithoutText }
        return StoredWarning(
          finding: finding, department: row["s_department"], year: row["s_year"], fileName: row["s_file_name"],
          explanation: explanation)
      }
    }
  }

  /// The explanation recorded when a warning is marked explained but no 情况说明 text was found for it.
  public static let explainedWithoutText = "（已说明）"

  /// The revisions of years up to `year`, by indicator code, then year, then when recorded.
  public func revisions(through year: Int) throws -> [Revision] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: "SELECT old_value_id, new_value_id FROM revision WHERE year <= ? ORDER BY indicator_code, year, id",
        arguments: [year])
      return try rows.compactMap { row in
        let pair = try Self.fetchValues(
          db, where: "v.id IN (?, ?)", orderBy: "v.id",
          arguments: [row["old_value_id"] as Int64, row["new_value_id"] as Int64])
        guard pair.count == 2 else { return nil }
        return Revision(indicatorCode: pair[0].indicatorCode, year: pair[0].year, oldValue: pair[0], newValue: pair[1])
      }
    }
  }

  /// The open conflicts of years up to `year`: indicator and year pairs whose current given values from different
  /// sources differ, each with all those values in submission order.
  public func conflicts(through year: Int) throws -> [Conflict] {
    let given = try read { db in
      try Self.fetchValues(
        db, where: "v.is_current = 1 AND v.year <= ? AND v.kind != 'missing'",
        orderBy: "v.indicator_code, v.year, v.submission_id, v.department", arguments: [year])
    }
    var result: [Conflict] = []
    var start = given.startIndex
    while start < given.endIndex {
      var end = start
      while end < given.endIndex, given[end].indicatorCode == given[start].indicatorCode,
        given[end].year == given[start].year
      {
        end += 1
      }
      let group = Array(given[start..<end])
      if Set(group.map(\.quantity)).count > 1 {
        result.append(Conflict(indicatorCode: group[0].indicatorCode, year: group[0].year, values: group))
      }
      start = end
    }
    return result
  }

  // MARK: - Rows

  /// Numbers and texts first, then declared missing values, then blanks: ``MonitoringStore/values(ofYear:)``
  /// takes the first value of an indicator, so a given value is never hidden behind a blank from a co-reporter.
  private static let kindRank =
    "CASE v.kind WHEN 'missing' THEN (CASE v.missing_reason WHEN 'blank' THEN 2 ELSE 1 END) ELSE 0 END"

  private static func fetchValues(
    _ db: Database, where condition: String, orderBy: String, arguments: StatementArguments
  ) throws -> [StoredValue] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT v.*, s.file_name AS s_file_name, s.sha256 AS s_sha256
        FROM value v JOIN submission s ON s.id = v.submission_id
        WHERE \(condition) ORDER BY \(orderBy)
        """,
      arguments: arguments
    )
    guard let first = rows.first, let columns = ValueColumns(first) else {
      return rows.map { storedValue($0) }
    }
    return rows.map { storedValue($0, columns) }
  }

  /// A value row read by column name (GRDB looks each name up, case-insensitively, in every row).
  private static func storedValue(_ row: Row) -> StoredValue {
    var value = StoredValue(
      indicatorCode: row["indicator_code"], year: row["year"], quantity: quantity(row), department: row["department"],
      provenance: Provenance(
        fileName: row["s_file_name"], sha256: row["s_sha256"], sheet: row["sheet"], cell: row["cell"],
        rawText: row["raw_text"]),
      submissionID: row["submission_id"], schemaVersion: row["schema_version"], explanation: row["explanation"])
    value.dataSource = row["data_source"]
    return value
  }

  /// The same row read by column position: the positions are found once per query, since the name lookups of
  /// every row were most of the time `nianjian import` spent (it reads the accepted values before each return).
  private static func storedValue(_ row: Row, _ columns: ValueColumns) -> StoredValue {
    let quantity: ReportedQuantity
    switch row[columns.kind] as String {
    case "number": quantity = .number(row[columns.number])
    case "text": quantity = .text(row[columns.text])
    default: quantity = .missing(MissingReason(rawValue: row[columns.missingReason]) ?? .blank)
    }
    var value = StoredValue(
      indicatorCode: row[columns.indicatorCode], year: row[columns.year], quantity: quantity,
      department: row[columns.department],
      provenance: Provenance(
        fileName: row[columns.fileName], sha256: row[columns.sha256], sheet: row[columns.sheet],
        cell: row[columns.cell], rawText: row[columns.rawText]),
      submissionID: row[columns.submissionID], schemaVersion: row[columns.schemaVersion],
      explanation: row[columns.explanation])
    value.dataSource = row[columns.dataSource]
    return value
  }

  /// The positions of the value query's columns, found as GRDB finds a name: the leftmost column whose name
  /// matches case-insensitively.
  private struct ValueColumns {
    let indicatorCode: Int
    let year: Int
    let kind: Int
    let number: Int
    let text: Int
    let missingReason: Int
    let department: Int
    let fileName: Int
    let sha256: Int
    let sheet: Int
    let cell: Int
    let rawText: Int
    let submissionID: Int
    let schemaVersion: Int
    let explanation: Int
    let dataSource: Int

    init?(_ row: Row) {
      let names = Array(row.columnNames).map { $0.lowercased() }
      func position(_ name: String) -> Int? { names.firstIndex(of: name) }
      guard let indicatorCode = position("indicator_code"), let year = position("year"), let kind = position("kind"),
        let number = position("number"), let text = position("text"), let missingReason = position("missing_reason"),
        let department = position("department"), let fileName = position("s_file_name"),
        let sha256 = position("s_sha256"), let sheet = position("sheet"), let cell = position("cell"),
        let rawText = position("raw_text"), let submissionID = position("submission_id"),
        let schemaVersion = position("schema_version"), let explanation = position("explanation"),
        let dataSource = position("data_source")
      else { return nil }
      (self.indicatorCode, self.year, self.kind, self.number, self.text) = (indicatorCode, year, kind, number, text)
      (self.missingReason, self.department, self.fileName, self.sha256) = (missingReason, department, fileName, sha256)
      (self.sheet, self.cell, self.rawText, self.submissionID) = (sheet, cell, rawText, submissionID)
      (self.schemaVersion, self.explanation, self.dataSource) = (schemaVersion, explanation, dataSource)
    }
  }

  private static func quantity(_ row: Row) -> ReportedQuantity {
    switch row["kind"] as String {
    case "number": return .number(row["number"])
    case "text": return .text(row["text"])
    default: return .missing(MissingReason(rawValue: row["missing_reason"]) ?? .blank)
    }
  }

  private static func submission(_ row: Row) -> Submission {
    Submission(
      id: row["id"], fileName: row["file_name"], sha256: row["sha256"], department: row["department"],
      year: row["year"], receivedAt: row["received_at"],
      outcome: SubmissionOutcome(rawValue: row["outcome"]) ?? .rejected, errorCount: row["error_count"],
      warningCount: row["warning_count"], schemaVersion: row["schema_version"])
  }

  private static func finding(_ row: Row) -> Finding {
    Finding(
      severity: Severity(rawValue: row["severity"]) ?? .warning, rule: row["rule"], indicator: row["indicator_code"],
      sheet: row["sheet"], cell: row["cell"], value: row["value"],
      message: BilingualText(zh: row["message_zh"], en: row["message_en"]), explained: row["explained"])
  }

  static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  // MARK: - Transactions and errors

  /// Runs `body` with every import and read of this store, on this thread, inside one transaction: everything
  /// `body` imports is kept together when it returns, or nothing when it throws or the process dies first (a
  /// crash, Ctrl-C, `kill -9`, a power cut): the store is then exactly as before.
  ///
  /// Inside `body` each import still runs in its own savepoint (a failing one undoes only itself), and reads see
  /// the imports made before them. Other processes keep reading the store as it was before; another writer waits
  /// (up to ``busyTimeout``) until the transaction ends. The batch belongs to the thread that runs `body`: reads
  /// made on other threads meanwhile see the store as last committed, and imports must be made on this thread
  /// (one made on another thread would wait for the batch to end).
  ///
  /// ```swift
  /// try store.inOneTransaction {
  ///   for report in reports { _ = try store.importReturn(report, schemaVersion: version, receivedAt: now) }
  /// }
  /// ```
  ///
  /// - Throws: What `body` throws (nothing is kept), or ``StoreError`` when the transaction cannot begin or its
  ///   commit fails (nothing is kept either).
  public func inOneTransaction<T>(_ body: () throws -> T) throws -> T {
    var result: T?
    do {
      try database.writeWithoutTransaction { db in
        try db.inTransaction(.immediate) {
          result = try Self.$batch.withValue(BatchConnection(owner: ObjectIdentifier(self), database: db)) {
            try body()
          }
          return .commit
        }
      }
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path, opening: false)
    }
    guard let result else { preconditionFailure("the transaction committed without running its body") }
    return result
  }

  /// The connection of the ``inOneTransaction(_:)`` running on this thread.
  private final class BatchConnection: @unchecked Sendable {
    let owner: ObjectIdentifier
    let database: Database

    init(owner: ObjectIdentifier, database: Database) {
      self.owner = owner
      self.database = database
    }
  }

  @TaskLocal private static var batch: BatchConnection?

  /// This store's connection when called inside its ``inOneTransaction(_:)`` on the same thread.
  private var batchDatabase: Database? {
    guard let batch = Self.batch, batch.owner == ObjectIdentifier(self) else { return nil }
    return batch.database
  }

  private func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      if let db = batchDatabase { return try body(db) }
      return try database.read(body)
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path, opening: false)
    }
  }

  /// Runs `body` in one write transaction (a savepoint inside ``inOneTransaction(_:)``): everything or nothing.
  private func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      if let db = batchDatabase {
        var result: T?
        try db.inSavepoint {
          result = try body(db)
          return .commit
        }
        guard let result else { preconditionFailure("the savepoint was released without running its body") }
        return result
      }
      return try database.write(body)
    } catch let error as DatabaseError {
      throw Self.storeError(error, path: path, opening: false)
    }
  }

  private static func storeError(_ error: DatabaseError, path: String, opening: Bool) -> StoreError {
    let detail = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    switch error.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError(.notAStore, path: path, detail: detail)
    case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH:
      return StoreError(opening ? .cannotOpen : .io, path: path, detail: detail)
    default: return StoreError(.io, path: path, detail: detail)
    }
  }
}

extension ReportedQuantity {
  /// Whether this is a number or a text (not a missing value).
  fileprivate var isGiven: Bool {
    if case .missing = self { return false }
    return true
  }
}

extension String {
  fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}

// MARK: - Test hooks

extension SQLiteStore {
  /// Runs raw SQL against the store (tests only: to forge a store written by a newer version, say).
  @_spi(Testing)
  public func executeForTesting(_ sql: String) throws {
    try write { db in try db.execute(sql: sql) }
  }

  /// Creates a plain SQLite file at `path` from SQL text (tests only: to load an old store from a dump).
  @_spi(Testing)
  public static func createDatabaseForTesting(path: String, sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    try queue.close()
  }
}
