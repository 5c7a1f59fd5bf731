import Foundation
import Schema

/// Writes the consolidated yearbook (妇女儿童统计资料) for a year.
///
/// STUB: the signature is the contract; the yearbook implementation replaces this file.
public enum YearbookWriter {
  /// Writes the yearbook built from `input` to `url` (atomically) in `language`.
  public static func write(_ input: YearbookInput, to url: URL, language: Language = .zh) throws {
    throw CocoaError(.featureUnsupported)
  }
}
