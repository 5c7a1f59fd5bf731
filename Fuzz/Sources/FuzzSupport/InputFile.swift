import Foundation

/// A scratch file, one per fuzzing process, that receives each input before the reader opens it.
///
/// `XLSXDocument` reads from a path (libzip opens the file), so every input is written to disk first; the reader's
/// API stays as it is.
public enum InputFile {
  /// The scratch file for this process (its pid keeps parallel fuzzing jobs apart).
  public static let url: URL = {
    let directory = FileManager.default.temporaryDirectory
    return directory.appendingPathComponent("nianjian-fuzz-\(getpid()).xlsx")
  }()

  /// Replaces the scratch file's content with these bytes and returns its URL.
  public static func write(_ bytes: UnsafeRawBufferPointer) -> URL {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    precondition(descriptor >= 0, "cannot create \(url.path)")
    var written = 0
    while written < bytes.count {
      let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
      precondition(result > 0, "cannot write \(url.path)")
      written += result
    }
    close(descriptor)
    return url
  }
}
