internal import CZip

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Rewrites a few XML parts of a finished .xlsx package in place (through libzip), for what
/// libxlsxwriter 1.1.4 cannot write itself: exact numbers, formulas without a cached value, and
/// workbook structure protection. Replaced entries get libxlsxwriter's fixed 1980-01-01 stamp, so
/// the output stays byte-for-byte deterministic.
enum PackagePatcher {
  /// DOS date for 1980-01-01 (day 1, month 1, year 0 since 1980), as libxlsxwriter stamps its entries.
  private static let dosDate: UInt16 = (1 << 5) | 1
  private static let dosTime: UInt16 = 0

  /// Applies `edits` (part name → transformation of its bytes) to the archive at `path`.
  static func apply(to path: String, edits: [(part: String, edit: ([UInt8]) throws -> [UInt8])]) throws {
    let site = CallSite("PackagePatcher.apply")
    var openError: Int32 = 0
    guard let archive = zip_open(path, 0, &openError) else {
      throw site.calling("zip_open").error(.fileSystem, "cannot reopen the written package (libzip error \(openError))")
    }
    var committed = false
    defer { if !committed { zip_discard(archive) } }

    for (part, edit) in edits {
      let index = zip_name_locate(archive, part, 0)
      guard index >= 0 else {
        throw site.error(.fileSystem, "the written package has no part \(part)")
      }
      let original = try read(archive, index: zip_uint64_t(index), part: part)
      let replaced = try edit(original)
      let buffer = malloc(max(replaced.count, 1))!
      replaced.withUnsafeBytes { bytes in
        if let base = bytes.baseAddress { memcpy(buffer, base, replaced.count) }
      }
      guard let source = zip_source_buffer(archive, buffer, zip_uint64_t(replaced.count), 1) else {
        free(buffer)
        throw site.calling("zip_source_buffer").error(.fileSystem, message(archive))
      }
      if zip_file_replace(archive, zip_uint64_t(index), source, 0) != 0 {
        zip_source_free(source)
        throw site.calling("zip_file_replace").error(.fileSystem, message(archive))
      }
      if zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 6) != 0
        || zip_file_set_dostime(archive, zip_uint64_t(index), dosTime, dosDate, 0) != 0
      {
        throw site.calling("zip_file_set_dostime").error(.fileSystem, message(archive))
      }
    }
    guard zip_close(archive) == 0 else {
      throw site.calling("zip_close").error(.fileSystem, message(archive))
    }
    committed = true
  }

  private static func read(_ archive: OpaquePointer, index: zip_uint64_t, part: String) throws -> [UInt8] {
    let site = CallSite("PackagePatcher.read")
    var stat = zip_stat_t()
    zip_stat_init(&stat)
    guard zip_stat_index(archive, index, 0, &stat) == 0, let file = zip_fopen_index(archive, index, 0) else {
      throw site.error(.fileSystem, "cannot read \(part): \(message(archive))")
    }
    defer { zip_fclose(file) }
    var bytes = [UInt8](repeating: 0, count: Int(stat.size))
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { raw in
        zip_fread(file, raw.baseAddress! + filled, zip_uint64_t(raw.count - filled))
      }
      guard count > 0 else { throw site.error(.fileSystem, "cannot read \(part): short read") }
      filled += Int(count)
    }
    return bytes
  }

  private static func message(_ archive: OpaquePointer) -> String {
    guard let error = zip_get_error(archive), let text = zip_error_strerror(error) else { return "libzip error" }
    return String(cString: text)
  }
}
