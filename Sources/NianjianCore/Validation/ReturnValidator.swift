import Foundation
import Schema
import XLSXReader

/// Reads a department's return and checks it against the schema (and the store's history).
///
/// ```swift
/// let validator = ReturnValidator(schema: schema, history: try store.acceptedValues(through: 2024))
/// let report = try validator.validate(fileAt: URL(fileURLWithPath: "卫生健康局.xlsx"), expectedYear: 2025)
/// for finding in report.findings { print(finding.severity, finding.rule, finding.cell ?? "") }
/// ```
///
/// The return is identified by content (custom document properties, else the hidden metadata sheet, else its
/// header row), values are found by indicator code, and every check produces a ``Finding`` with a stable rule id
/// (see `Validation/README.md`). Nothing is rounded or guessed: a coercion is an info finding, a value that cannot
/// be read is an error, never 0. Safe to call from several threads at once (each call opens its own document).
public struct ReturnValidator: Sendable {
  /// The schema returns are checked against.
  public let schema: Schema
  /// Earlier years' accepted values (from the store) for history checks and last year's values.
  public let history: [StoredValue]

  /// Creates a validator.
  public init(schema: Schema, history: [StoredValue] = []) {
    self.schema = schema
    self.history = history
  }

  /// Reads and checks one return file.
  ///
  /// - Parameters:
  ///   - url: The return (.xlsx).
  ///   - expectedYear: The year being collected, when known (`--year`): a return for another year is an error.
  /// - Throws: ``ReturnReadError`` when the file cannot be read as a workbook at all (exit 65) or cannot be
  ///   opened (exit 74). Everything else — wrong department, bad values — is a finding in the report.
  public func validate(fileAt url: URL, expectedYear: Int? = nil) throws(ReturnReadError) -> ReturnReport {
    check(try Self.read(fileAt: url), expectedYear: expectedYear)
  }

  /// Reads a return file without checking it: the part of ``validate(fileAt:expectedYear:)`` that needs no
  /// schema or history, so that many files can be read in parallel and then checked one by one in order
  /// (`nianjian import` checks each against the store as the earlier ones left it).
  ///
  /// - Throws: ``ReturnReadError`` as ``validate(fileAt:expectedYear:)`` does.
  public static func read(fileAt url: URL) throws(ReturnReadError) -> ReadReturn {
    let document: XLSXDocument
    do {
      document = try XLSXDocument(contentsOf: url)
    } catch {
      throw Self.readError(error, path: url.path)
    }
    let sha256: String
    do {
      sha256 = try FileDigest.sha256(of: url)
    } catch {
      throw ReturnReadError(
        path: url.path, kind: .io,
        message: BilingualText(
          zh: "无法读取“\(url.lastPathComponent)”：\(error.localizedDescription)",
          en: "Cannot read \"\(url.lastPathComponent)\": \(error.localizedDescription)"))
    }
    let workbook: ExtractedWorkbook
    do {
      workbook = try ReturnExtractor.extract(document)
    } catch {
      throw Self.readError(error, path: url.path)
    }
    return ReadReturn(url: url, sha256: sha256, workbook: workbook)
  }

  /// Checks a return read by ``read(fileAt:)``: the same report ``validate(fileAt:expectedYear:)`` gives.
  public func check(_ read: ReadReturn, expectedYear: Int? = nil) -> ReturnReport {
    let url = read.url
    var check = ReturnCheck(
      schema: schema, history: history, fileName: url.lastPathComponent, sha256: read.sha256,
      expectedYear: expectedYear, workbook: read.workbook)
    check.run()
    return ReturnReport(
      path: url.path, fileName: url.lastPathComponent, sha256: read.sha256, identity: check.identity,
      identification: check.identification, values: check.values, findings: check.sortedFindings())
  }

  /// Maps a reader error to exit-code classes: missing or unopenable files are I/O, the rest unreadable.
  static func readError(_ error: XLSXReadError, path: String) -> ReturnReadError {
    let kind: ReturnReadError.Kind
    switch error.kind {
    case .fileNotFound, .unreadableFile: kind = .io
    default: kind = .unreadable
    }
    return ReturnReadError(
      path: path, kind: kind,
      message: BilingualText(zh: error.message(chinese: true), en: error.message(chinese: false)),
      readerError: error.kind.rawValue)
  }
}

/// A return file read by ``ReturnValidator/read(fileAt:)``, not yet checked.
public struct ReadReturn: Sendable {
  /// The file.
  public let url: URL
  /// The SHA-256 digest of the file's bytes (lowercase hex).
  public let sha256: String
  /// What the extractor found in the workbook.
  public let workbook: ExtractedWorkbook
}

/// A return file that could not be read at all.
public struct ReturnReadError: Error, Sendable {
  /// What went wrong.
  public enum Kind: Sendable {
    /// Not a readable workbook (wrong format, corrupt, over a safety limit): exit 65.
    case unreadable
    /// The file could not be opened or read (missing, permissions): exit 74.
    case io
  }

  /// The path of the file.
  public var path: String
  /// The kind of failure.
  public var kind: Kind
  /// A one-line message naming the file.
  public var message: BilingualText
  /// The reader's error kind (`legacyXLS`, `textRenamed` …), when the reader refused the file.
  public var readerError: String?

  /// Creates a read error.
  public init(path: String, kind: Kind, message: BilingualText, readerError: String? = nil) {
    self.path = path
    self.kind = kind
    self.message = message
    self.readerError = readerError
  }
}
