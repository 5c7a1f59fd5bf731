import Foundation

/// The value of a custom document property (`docProps/custom.xml`).
public enum CustomPropertyValue: Hashable, Sendable {
  /// A text (up to ``WriteLimits/maxCustomPropertyCharacters`` characters).
  case string(String)
  /// A number (stored as a double).
  case number(Double)
  /// A whole number (stored as a 32-bit integer).
  case integer(Int32)
  /// Yes or no.
  case bool(Bool)
  /// A moment, stored in UTC to the second.
  case date(Date)
}
