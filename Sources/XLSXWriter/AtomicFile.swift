import Foundation

/// Puts finished files into a folder without ever leaving a partial or temporary file there.
///
/// ``Workbook/close()`` uses it for every workbook; a program that prepares several files first (a set of
/// templates, say) writes them in a private folder from ``makePrivateFolder()`` and publishes each when all are
/// done. On Linux the bytes go into an anonymous file (`O_TMPFILE`) in the destination folder that `linkat` names
/// only when it is complete and on disk, so a crash or `kill -9` at any moment leaves the destination either as it
/// was or complete, and no stray file beside it. Elsewhere a hidden `.<name>.<unique>.tmp` file is renamed into
/// place (removed on failure).
///
/// ```swift
/// let staging = try AtomicFile.makePrivateFolder()
/// defer { try? FileManager.default.removeItem(at: staging) }
/// // … write staging/a.xlsx …
/// try AtomicFile.publish(contentsOf: staging.appendingPathComponent("a.xlsx"), to: output.appendingPathComponent("a.xlsx"))
/// ```
public enum AtomicFile {
  /// Copies the file at `source` to `destination` in one visible step, replacing an older file there.
  ///
  /// - Throws: ``XLSXWriteError`` (`fileSystem`) when the source cannot be read or the destination folder cannot be
  ///   written; the destination is then unchanged and nothing was added to its folder.
  public static func publish(contentsOf source: URL, to destination: URL) throws {
    try FilePublisher.publish(source.path, to: destination.path, CallSite("AtomicFile.publish"))
  }

  /// Makes a new, empty folder only this user can enter, in the system's temporary folder (`$TMPDIR`).
  ///
  /// - Parameter label: The start of the folder's name.
  /// - Throws: ``XLSXWriteError`` (`fileSystem`).
  public static func makePrivateFolder(label: String = "nianjian") throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(label)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
    do {
      try FileManager.default.createDirectory(
        at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    } catch {
      throw CallSite("AtomicFile.makePrivateFolder").error(.fileSystem, "cannot make \(url.path): \(error)")
    }
    return url
  }
}
