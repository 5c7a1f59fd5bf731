import Foundation
import Schema

/// Reads a department's return and checks it against the schema (and the store's history).
///
/// STUB: the signatures are the contract between the validation, store, yearbook and CLI layers; the
/// implementation replaces this file.
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
  /// - Throws: ``ReturnReadError`` when the file cannot be read as a workbook at all (exit 65) or cannot be
  ///   opened (exit 74). Everything else — wrong department, bad values — is a finding in the report.
  public func validate(fileAt url: URL) throws(ReturnReadError) -> ReturnReport {
    throw ReturnReadError(path: url.path, kind: .unreadable, message: BilingualText(zh: "尚未实现", en: "not implemented"))
  }
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

  /// Creates a read error.
  public init(path: String, kind: Kind, message: BilingualText) {
    self.path = path
    self.kind = kind
    self.message = message
  }
}
