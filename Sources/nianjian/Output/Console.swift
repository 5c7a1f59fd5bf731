import Foundation

/// Writing to standard output and standard error without buffering surprises.
enum Console {
  /// Writes `text` and a newline to standard output.
  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Writes `text` and a newline to standard error.
  static func err(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
