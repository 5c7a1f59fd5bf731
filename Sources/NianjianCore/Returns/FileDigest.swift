import Crypto
import Foundation

/// The SHA-256 of a file, read in blocks so memory stays small whatever the file's size.
public enum FileDigest {
  /// The size of each block read.
  public static let blockSize = 1 << 20

  /// The lower-case hex SHA-256 of the file at `url`.
  ///
  /// - Throws: the error of `FileHandle` when the file cannot be opened or read.
  public static func sha256(of url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = SHA256()
    while let block = try handle.read(upToCount: blockSize), !block.isEmpty {
      hasher.update(data: block)
    }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
