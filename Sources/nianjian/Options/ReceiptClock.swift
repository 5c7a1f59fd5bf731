import Foundation

/// The time `import` records as a file's time of receipt.
///
/// Normally the clock. When the environment variable `SOURCE_DATE_EPOCH` (the reproducible-builds convention) holds
/// a whole number of seconds since 1970-01-01 UTC, that time is used instead, so that the same returns imported into a
/// new store give the same store contents, the same `status` and a byte-identical yearbook.
enum ReceiptClock {
  /// The environment variable that fixes the time of receipt.
  static let environmentVariable = "SOURCE_DATE_EPOCH"

  /// The time of receipt for a file imported now.
  static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
    guard let text = environment[environmentVariable], let seconds = Int64(text), seconds >= 0 else { return Date() }
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }
}
