internal import CXLSXWriter
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts a finished file's bytes at its destination so that no moment leaves a partial or temporary file beside it,
/// not even `kill -9` or a power cut.
///
/// On Linux the bytes are copied into an anonymous file made in the destination folder (`open` with `O_TMPFILE`):
/// it has no name, so a process killed while copying leaves nothing visible, and the kernel frees it. Once the
/// bytes are on disk (`fsync`), `linkat` gives the file its name: the destination itself when there is none yet
/// (one atomic step), otherwise a hidden name that `rename` then moves over the older file (an older file is
/// replaced in one step, and only the microseconds between the two calls could leave the hidden name behind).
/// Where anonymous files are not available (macOS, FAT or network file systems, no `/proc`), the bytes go into
/// a hidden file `.<name>.<unique>.tmp` in the destination folder that is renamed into place, or removed on any
/// failure.
enum FilePublisher {
  /// The size of the buffer bytes are copied through.
  static let copyBufferBytes = 1 << 20

  /// The access mode of new files (the process's umask applies, as for `fopen`).
  static let newFileMode: mode_t = 0o666

  /// Copies the file at `source` to `destination` (see the type's discussion).
  ///
  /// - Parameter anonymousFiles: Whether the anonymous-file way may be used (tests turn it off to try the other).
  /// - Throws: ``XLSXWriteError`` (`fileSystem`); the destination is then unchanged and no file was added.
  static func publish(_ source: String, to destination: String, _ site: CallSite, anonymousFiles: Bool = true) throws {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw failure(site, "open", "cannot read \(source)") }
    defer { close(input) }
    let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
    let published = try anonymousFiles && publishAnonymously(input, folder: folder, destination: destination, site)
    if !published {
      try publishThroughHiddenName(input, folder: folder, destination: destination, site)
    }
    syncFolder(folder)
  }

  /// A hidden, unique name next to `destination`.
  static func hiddenName(for destination: String) -> String {
    let url = URL(fileURLWithPath: destination)
    let unique = "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(unique).tmp").path
  }

  /// The anonymous-file way; `false` when this system or file system has no anonymous files (nothing was made).
  private static func publishAnonymously(_ input: Int32, folder: String, destination: String, _ site: CallSite) throws
    -> Bool
  {
    let anonymousFlag = nianjian_open_anonymous_flag()
    guard anonymousFlag != 0 else { return false }
    let output = open(folder, anonymousFlag | O_WRONLY | O_CLOEXEC, newFileMode)
    guard output >= 0 else {
      // EOPNOTSUPP: the file system has no anonymous files; EISDIR/EINVAL: an older kernel.
      if [EOPNOTSUPP, ENOTSUP, EISDIR, EINVAL].contains(errno) { return false }
      throw failure(site, "open", "cannot create a file in \(folder)")
    }
    defer { close(output) }
    try copy(from: input, to: output, site)
    let anonymousPath = "/proc/self/fd/\(output)"
    if linkat(AT_FDCWD, anonymousPath, AT_FDCWD, destination, AT_SYMLINK_FOLLOW) == 0 { return true }
    switch errno {
    case EEXIST:
      let hidden = hiddenName(for: destination)
      guard linkat(AT_FDCWD, anonymousPath, AT_FDCWD, hidden, AT_SYMLINK_FOLLOW) == 0 else {
        throw failure(site, "linkat", "cannot name the new file in \(folder)")
      }
      guard rename(hidden, destination) == 0 else {
        let error = failure(site, "rename", "cannot move the finished file to \(destination)")
        unlink(hidden)
        throw error
      }
      return true
    case ENOENT where !FileManager.default.fileExists(atPath: "/proc/self/fd"):
      return false  // no /proc: the anonymous file vanishes when closed
    default:
      throw failure(site, "linkat", "cannot move the finished file to \(destination)")
    }
  }

  /// The hidden-name way: `.<name>.<unique>.tmp` next to the destination, renamed into place.
  private static func publishThroughHiddenName(
    _ input: Int32, folder: String, destination: String, _ site: CallSite
  ) throws {
    let hidden = hiddenName(for: destination)
    let output = open(hidden, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, newFileMode)
    guard output >= 0 else { throw failure(site, "open", "cannot create a file in \(folder)") }
    var published = false
    defer { if !published { unlink(hidden) } }
    do {
      defer { close(output) }
      try copy(from: input, to: output, site)
    }
    guard rename(hidden, destination) == 0 else {
      throw failure(site, "rename", "cannot move the finished file to \(destination)")
    }
    published = true
  }

  /// Copies every byte of `input` (from its start) into `output` and flushes `output` to disk.
  private static func copy(from input: Int32, to output: Int32, _ site: CallSite) throws {
    var buffer = [UInt8](repeating: 0, count: copyBufferBytes)
    var offset: off_t = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { pread(input, $0.baseAddress, $0.count, offset) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(site, "read", "cannot read the finished workbook")
      }
      if count == 0 { break }
      var written = 0
      while written < count {
        let step = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
        if step < 0 {
          if errno == EINTR { continue }
          throw failure(site, "write", "cannot write the workbook")
        }
        written += step
      }
      offset += off_t(count)
    }
    guard fsync(output) == 0 else { throw failure(site, "fsync", "cannot flush the workbook to disk") }
  }

  /// Makes the new name durable (best effort: some file systems refuse `fsync` on a folder).
  private static func syncFolder(_ folder: String) {
    let handle = open(folder, O_RDONLY | O_CLOEXEC)
    guard handle >= 0 else { return }
    _ = fsync(handle)
    close(handle)
  }

  /// A `fileSystem` error naming the C call and `errno`'s text.
  private static func failure(_ site: CallSite, _ function: String, _ what: @autoclosure () -> String)
    -> XLSXWriteError
  {
    let reason = String(cString: strerror(errno))
    return site.calling(function).error(.fileSystem, "\(what()): \(reason)")
  }
}
