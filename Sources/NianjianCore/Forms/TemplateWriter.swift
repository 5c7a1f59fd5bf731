import Foundation
import Schema

/// Writes next year's blank return workbooks, one per department.
///
/// STUB: the signature is the contract; the forms implementation replaces this file.
public enum TemplateWriter {
  /// Writes the template for `department` and `year` into `directory` and returns the file written, or `nil`
  /// when the department reports no indicator. `previous` holds last year's values by indicator code (from the
  /// store); the baseline is shown when there is none.
  public static func write(
    schema: Schema, department: String, year: Int, previous: [String: StoredValue], to directory: URL,
    language: Language = .zh
  ) throws -> URL? {
    throw CocoaError(.featureUnsupported)
  }
}
