import Crypto
import Foundation

/// The version of a jurisdiction's schema: a SHA-256 over its YAML files.
///
/// The files are taken in order of their names (compared as UTF-8 bytes); for each one the digest is fed the
/// name, a line feed, the byte count in decimal, a line feed, then the bytes. The result is 64 lower-case hex
/// digits. The same files always give the same version; renaming, adding or editing a file changes it.
public enum SchemaVersion {
  /// The version of the named files (name → bytes).
  public static func digest(of files: [(name: String, data: Data)]) -> String {
    var hasher = SHA256()
    for file in files.sorted(by: { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }) {
      hasher.update(data: Data(file.name.utf8))
      hasher.update(data: Data("\n\(file.data.count)\n".utf8))
      hasher.update(data: file.data)
    }
    return hasher.finalize().map { byte in
      let hex = String(byte, radix: 16)
      return byte < 16 ? "0" + hex : hex
    }.joined()
  }
}
