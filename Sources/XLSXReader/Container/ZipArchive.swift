// The only file that calls libzip. Entries are inflated as streams, with every byte counted against the limits.
internal import CZip

/// One entry of the zip's central directory.
struct ZipEntry: Sendable {
  /// The entry name exactly as stored.
  let name: String
  /// The normalised part name: backslashes turned into slashes, no leading slash.
  let partName: String
  /// The entry index in the central directory.
  fileprivate let index: UInt64
  /// The compressed size claimed by the central directory.
  let compressedSize: Int
  /// The inflated size claimed by the central directory (not trusted: the real bytes are counted).
  let claimedSize: Int
}

/// A zip archive opened read-only through libzip, with a case-insensitive index of part names.
///
/// Owns the libzip handle and closes it in `deinit`. Not thread-safe: one archive, one thread at a time.
final class ZipArchive {
  /// Every entry in central-directory order.
  let entries: [ZipEntry]
  private let handle: OpaquePointer
  private let lookup: [String: Int]
  private let file: String
  let limits: ReadLimits
  /// The bytes inflated so far from every part, counted against ``ReadLimits/maxTotalBytes``.
  fileprivate(set) var totalInflatedBytes = 0

  /// Opens the zip at `path`.
  init(path: String, limits: ReadLimits) throws(XLSXReadError) {
    file = path
    self.limits = limits
    var code: Int32 = 0
    guard let handle = zip_open(path, nianjian_zip_rdonly(), &code) else {
      let context = XLSXReadError.Context(file: path)
      switch code {
      case ZIP_ER_NOZIP: throw XLSXReadError(.truncated, context, detail: "zip end of central directory not found")
      case ZIP_ER_NOENT: throw XLSXReadError(.fileNotFound, context)
      case ZIP_ER_OPEN, ZIP_ER_READ: throw XLSXReadError(.unreadableFile, context, detail: Self.describe(code))
      case ZIP_ER_MEMORY: throw XLSXReadError(.resourceFailure, context, detail: Self.describe(code))
      default: throw XLSXReadError(.corruptZip, context, detail: Self.describe(code))
      }
    }
    self.handle = handle
    let count = zip_get_num_entries(handle, 0)
    guard count >= 0, count <= Int64(limits.maxEntries) else {
      zip_discard(handle)
      throw XLSXReadError(
        .limitExceeded, .init(file: path), detail: "maxEntries: \(count) entries > \(limits.maxEntries)")
    }
    var entries: [ZipEntry] = []
    var lookup: [String: Int] = [:]
    entries.reserveCapacity(Int(count))
    for index in 0..<UInt64(count) {
      var stat = zip_stat_t()
      zip_stat_init(&stat)
      guard zip_stat_index(handle, index, 0, &stat) == 0, let rawName = stat.name else { continue }
      let name = String(cString: rawName)
      let partName = Self.normalize(name)
      let key = partName.lowercased()
      if name.hasSuffix("/") { continue }  // a directory entry
      if lookup[key] != nil {
        zip_discard(handle)
        throw XLSXReadError(.duplicateEntry, .init(file: path, part: partName), detail: "duplicate entry \(name)")
      }
      lookup[key] = entries.count
      entries.append(
        ZipEntry(
          name: name, partName: partName, index: index,
          compressedSize: Int(clamping: stat.comp_size), claimedSize: Int(clamping: stat.size)))
    }
    self.entries = entries
    self.lookup = lookup
  }

  deinit { zip_discard(handle) }

  /// A part name in its canonical form: `\` becomes `/`, leading slashes go.
  static func normalize(_ name: String) -> String {
    var result = name.contains("\\") ? name.replacingAll("\\", with: "/") : name
    while result.hasPrefix("/") { result.removeFirst() }
    return result
  }

  /// The entry for a part name, compared case-insensitively after normalising.
  func entry(_ partName: String) -> ZipEntry? {
    lookup[Self.normalize(partName).lowercased()].map { entries[$0] }
  }

  /// Opens an entry as a stream of inflated bytes, refusing more than `maxBytes`.
  func open(_ entry: ZipEntry, maxBytes: Int, limitName: String) throws(XLSXReadError) -> ZipEntryStream {
    guard let file = zip_fopen_index(handle, entry.index, 0) else {
      throw error(forArchiveCode: zip_error_code_zip(zip_get_error(handle)), entry: entry)
    }
    return ZipEntryStream(archive: self, file: file, entry: entry, maxBytes: maxBytes, limitName: limitName)
  }

  /// Inflates a whole (small) entry.
  func readAll(_ entry: ZipEntry, maxBytes: Int, limitName: String) throws(XLSXReadError) -> [UInt8] {
    let stream = try open(entry, maxBytes: maxBytes, limitName: limitName)
    var bytes: [UInt8] = []
    let capacity = 16 * 1024
    let chunk = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    defer { chunk.deallocate() }
    while true {
      let count = try stream.read(into: chunk, capacity: capacity)
      if count == 0 { break }
      bytes.append(contentsOf: UnsafeRawBufferPointer(start: chunk, count: count))
    }
    return bytes
  }

  fileprivate func error(forArchiveCode code: Int32, entry: ZipEntry) -> XLSXReadError {
    let context = XLSXReadError.Context(file: file, part: entry.partName)
    switch code {
    case ZIP_ER_NOPASSWD, ZIP_ER_WRONGPASSWD, ZIP_ER_ENCRNOTSUPP:
      return XLSXReadError(.encrypted, context, detail: Self.describe(code))
    case ZIP_ER_MEMORY: return XLSXReadError(.resourceFailure, context, detail: Self.describe(code))
    case ZIP_ER_EOF: return XLSXReadError(.truncated, context, detail: Self.describe(code))
    case ZIP_ER_READ, ZIP_ER_SEEK: return XLSXReadError(.unreadableFile, context, detail: Self.describe(code))
    default: return XLSXReadError(.corruptZip, context, detail: Self.describe(code))
    }
  }

  fileprivate func limitError(_ entry: ZipEntry, _ detail: String) -> XLSXReadError {
    XLSXReadError(.limitExceeded, .init(file: file, part: entry.partName), detail: detail)
  }

  fileprivate func addInflated(_ count: Int) -> Bool {
    totalInflatedBytes += count
    return totalInflatedBytes <= limits.maxTotalBytes
  }

  private static func describe(_ code: Int32) -> String {
    var error = zip_error_t()
    zip_error_init_with_code(&error, code)
    defer { zip_error_fini(&error) }
    return zip_error_strerror(&error).map { String(cString: $0) } ?? "libzip error \(code)"
  }
}

/// The inflated bytes of one entry, read in chunks; counts every byte against the per-part, total and ratio limits.
final class ZipEntryStream: XMLByteSource {
  private let archive: ZipArchive
  private var file: OpaquePointer?
  private let entry: ZipEntry
  private let maxBytes: Int
  private let limitName: String
  private(set) var inflatedBytes = 0

  fileprivate init(archive: ZipArchive, file: OpaquePointer, entry: ZipEntry, maxBytes: Int, limitName: String) {
    self.archive = archive
    self.file = file
    self.entry = entry
    self.maxBytes = maxBytes
    self.limitName = limitName
  }

  deinit { if let file { zip_fclose(file) } }

  /// The part this stream inflates.
  var partName: String { entry.partName }

  func read(into buffer: UnsafeMutableRawPointer, capacity: Int) throws(XLSXReadError) -> Int {
    guard let file else { return 0 }
    let count = zip_fread(file, buffer, UInt64(capacity))
    if count < 0 {
      let code = zip_error_code_zip(zip_file_get_error(file))
      zip_fclose(file)
      self.file = nil
      throw archive.error(forArchiveCode: code, entry: entry)
    }
    if count == 0 {
      zip_fclose(file)
      self.file = nil
      return 0
    }
    let length = Int(count)
    inflatedBytes += length
    let limits = archive.limits
    if inflatedBytes > maxBytes {
      throw archive.limitError(entry, "\(limitName): part inflates beyond \(maxBytes) bytes")
    }
    if inflatedBytes > limits.compressionRatioGraceBytes,
      inflatedBytes / max(entry.compressedSize, 1) > limits.maxCompressionRatio
    {
      throw archive.limitError(
        entry, "maxCompressionRatio: part inflates more than \(limits.maxCompressionRatio) times its compressed size")
    }
    if !archive.addInflated(length) {
      throw archive.limitError(entry, "maxTotalBytes: parts inflate beyond \(limits.maxTotalBytes) bytes in total")
    }
    return length
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement` (no Foundation needed).
  func replacingAll(_ target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
