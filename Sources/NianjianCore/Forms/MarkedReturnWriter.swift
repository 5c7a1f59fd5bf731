import Foundation
import Schema

/// Writes a marked copy of a department's return to send back: the return rebuilt from its template with the
/// department's values, problem cells coloured, a 审核意见 column and notes, and a first sheet summarising the
/// findings.
///
/// STUB: the signature is the contract; the forms implementation replaces this file.
public enum MarkedReturnWriter {
  /// Writes the marked copy of `report` into `directory` and returns the file written.
  public static func write(
    report: ReturnReport, schema: Schema, to directory: URL, language: Language = .zh
  ) throws -> URL {
    throw CocoaError(.featureUnsupported)
  }
}
