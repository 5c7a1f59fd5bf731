import ArgumentParser

/// The exit codes of the command-line contract (`../shared/DESIGN.md`).
enum ExitStatus {
  /// Clean: nothing to report.
  static let clean = ExitCode(0)
  /// Warnings only.
  static let warnings = ExitCode(1)
  /// Errors in the data.
  static let dataErrors = ExitCode(2)
  /// Bad usage (unknown option, bad argument).
  static let usage = ExitCode(64)
  /// Unreadable or wrong-format input.
  static let badInput = ExitCode(65)
  /// An input/output failure (cannot write, cannot open).
  static let ioFailure = ExitCode(74)
}
