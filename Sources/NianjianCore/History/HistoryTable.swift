import Foundation
import Schema

/// A plain table of earlier years' values (indicator code, year, value [, note, source]) read from a CSV file or
/// an XLSX sheet, so a bureau can load 2020–2024 from its old spreadsheets.
///
/// The format is described (in Chinese, with an example) in `docs/history-format.md`. Read one with
/// ``HistoryTableReader/read(fileAt:schema:)``; store it with ``MonitoringStore/importHistory(_:schemaVersion:receivedAt:)``.
/// A table with any error finding is rejected as a whole: nothing of it is stored.
public struct HistoryTable: Sendable {
  /// The source (department id) of every history value: values from history tables are one source, so a
  /// corrected history table re-imported later is a revision, and a history value that disagrees with a
  /// department's return is a conflict.
  public static let department = "history"

  /// Where the table was read from.
  public enum Format: Sendable, Hashable {
    /// A CSV (or tab-separated) text file in the named encoding (`UTF-8`, `UTF-8 (BOM)`, `GB18030`, `UTF-16`).
    case csv(encoding: String)
    /// A sheet of an XLSX workbook.
    case xlsx(sheet: String)
  }

  /// The path the file was read from.
  public var path: String
  /// The file name (no folders).
  public var fileName: String
  /// The SHA-256 (lower-case hex) of the whole file.
  public var sha256: String
  /// CSV or XLSX (and which sheet).
  public var format: Format
  /// The rows read, in file order (one per indicator and year; blank lines skipped).
  public var rows: [HistoryRow]
  /// Every problem found (errors reject the table) and every coercion made (info), in row order.
  public var findings: [Finding]

  /// Creates a history table.
  public init(path: String, fileName: String, sha256: String, format: Format, rows: [HistoryRow], findings: [Finding]) {
    self.path = path
    self.fileName = fileName
    self.sha256 = sha256
    self.format = format
    self.rows = rows
    self.findings = findings
  }

  /// The number of findings of `severity`.
  public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

  /// Whether the table can be stored (no errors).
  public var isAcceptable: Bool { count(.error) == 0 }

  /// The years the table covers, or `nil` when it has no rows.
  public var years: ClosedRange<Int>? {
    guard let first = rows.map(\.year).min(), let last = rows.map(\.year).max() else { return nil }
    return first...last
  }

  /// The table as a report, the form the store records (department ``department``, year = the latest year).
  public func report(schema: Schema) -> ReturnReport {
    let latestYear = years?.upperBound ?? 0
    let identity = TemplateIdentity(
      templateID: "history", schemaVersion: schema.version, jurisdiction: schema.jurisdiction.id,
      department: Self.department, year: latestYear)
    let values = rows.map { row in
      ReportedValue(
        indicatorCode: row.indicatorCode, year: row.year, quantity: row.quantity, provenance: row.provenance,
        explanation: row.note, dataSource: row.source)
    }
    return ReturnReport(
      path: path, fileName: fileName, sha256: sha256, identity: identity, identification: .unidentified,
      values: values, findings: findings)
  }
}

/// One value of a history table.
public struct HistoryRow: Sendable, Hashable {
  /// The indicator code (checked against the schema).
  public var indicatorCode: String
  /// The year the value is for.
  public var year: Int
  /// The value: a number parsed exactly from its decimal text, a text for a qualitative indicator, or a
  /// declared missing value (—, 不适用) kept as missing.
  public var quantity: ReportedQuantity
  /// File, SHA-256, sheet (`CSV` for a text file), cell (`C5`: column and row in the file) and the raw text.
  public var provenance: Provenance
  /// The note column (备注), if any.
  public var note: String?
  /// The source column (数据来源), if any.
  public var source: String?

  /// Creates a history row.
  public init(
    indicatorCode: String, year: Int, quantity: ReportedQuantity, provenance: Provenance, note: String? = nil,
    source: String? = nil
  ) {
    self.indicatorCode = indicatorCode
    self.year = year
    self.quantity = quantity
    self.provenance = provenance
    self.note = note
    self.source = source
  }
}

/// Why a file could not be read as a history table at all (as opposed to a table with bad rows, which is read
/// and rejected with findings).
public struct HistoryReadError: Error, Sendable, Hashable {
  /// What went wrong.
  public enum Kind: Sendable, Hashable {
    /// The file could not be opened or read (missing, permissions): exit 74.
    case io
    /// Not a text file in a known encoding, or a workbook that cannot be read: exit 65.
    case unreadable
    /// The header row (指标代码, 年份, 数值 / code, year, value) was not found: exit 65.
    case notHistoryTable
    /// Over a safety limit of ``HistoryLimits``: exit 65.
    case tooLarge
  }

  /// The path of the file.
  public var path: String
  /// The kind of failure.
  public var kind: Kind
  /// A one-line message naming the file.
  public var message: BilingualText

  /// Creates a history read error.
  public init(path: String, kind: Kind, message: BilingualText) {
    self.path = path
    self.kind = kind
    self.message = message
  }
}

/// Safety limits for history tables (they come from outside: treat them as hostile).
public enum HistoryLimits {
  /// The largest CSV file read (bytes).
  public static let maximumTextBytes = 64 * 1024 * 1024
  /// The largest workbook read as a history table (bytes); the workbook reader's own limits apply inside it.
  public static let maximumWorkbookBytes = 256 * 1024 * 1024
  /// The most data rows read from one table.
  public static let maximumRows = 200_000
  /// The longest cell text kept (characters); longer cells are an error.
  public static let maximumCellCharacters = 32_767
  /// How many rows from the top are searched for the header row.
  public static let headerSearchRows = 10
  /// How many year columns a wide table (指标代码, 2020, 2021 …) needs, so that a retyped return with one year
  /// column is never taken for history.
  public static let minimumWideYearColumns = 2
  /// The earliest year accepted.
  public static let earliestYear = 1949
  /// The latest year accepted.
  public static let latestYear = 2100
}
