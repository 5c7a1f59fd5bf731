import Foundation
import NianjianCore

/// Shows "files done / total" on standard error while a long run goes on, only when standard error is a
/// terminal; otherwise it writes nothing at all (pipes, files and CI logs stay clean).
///
/// The line is redrawn in place (carriage return, erase to the end of the line), at most every
/// ``minimumRedrawInterval`` seconds, and first only after ``initialDelay`` seconds, so a quick run shows nothing.
/// ``finish()`` erases it. Safe to call from several threads at once.
final class ProgressDisplay: @unchecked Sendable {
  /// How long a run goes before the line first appears, in seconds.
  static let initialDelay = 0.5
  /// The shortest time between two redraws, in seconds.
  static let minimumRedrawInterval = 0.1
  /// Erases from the cursor to the end of the line (ANSI "erase in line").
  private static let eraseToEndOfLine = "\u{1B}[K"

  private let total: Int
  private let language: Language
  private let started = DispatchTime.now().uptimeNanoseconds
  private let lock = NSLock()
  private var done = 0
  private var lastDrawn: UInt64?
  private var isShown = false

  /// A display for `total` files, or `nil` when standard error is not a terminal (then nothing is ever shown).
  init?(total: Int, language: Language, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
    guard isTerminal, total > 1 else { return nil }
    self.total = total
    self.language = language
  }

  /// Counts one more file done and redraws the line when it is due.
  func advance() {
    lock.lock()
    defer { lock.unlock() }
    done += 1
    let now = DispatchTime.now().uptimeNanoseconds
    let delay = UInt64(Self.initialDelay * 1e9)
    let interval = UInt64(Self.minimumRedrawInterval * 1e9)
    guard now - started >= delay else { return }
    if let lastDrawn, now - lastDrawn < interval, done < total { return }
    lastDrawn = now
    isShown = true
    write("\r" + ProgressText.files(done: done, total: total, language: language) + Self.eraseToEndOfLine)
  }

  /// Erases the line (if shown) so that other output can follow; the next ``advance()`` draws it again.
  func clear() {
    lock.lock()
    defer { lock.unlock() }
    guard isShown else { return }
    isShown = false
    lastDrawn = nil
    write("\r" + Self.eraseToEndOfLine)
  }

  /// Erases the line at the end of the run.
  func finish() { clear() }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
