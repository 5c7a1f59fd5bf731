import Foundation
import FuzzSupport
import NianjianCore
import Schema

/// The guandu jurisdiction's schema (`Templates/guandu`, the jurisdiction of `Samples/2025`), loaded once.
let guanduSchema: Schema = {
  let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates/guandu")
  do {
    return try SchemaLoader.load(directory: folder)
  } catch {
    fatalError("cannot load \(folder.path): \(error)")
  }
}()

/// libFuzzer's per-input callback: the input is a whole department return, as parts (``PartsContainer``).
///
/// The parts are zipped in memory (stored entries, correct checksums) and the file is validated by
/// `ReturnValidator` against the guandu schema, for the year 2025: the workbook is opened, identified (custom
/// properties, metadata sheet, header row), its form table found and every value interpreted and checked. A read
/// error is a normal outcome; a crash, a hang or a finding without a message is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReturn(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let parts = PartsContainer.unpack(UnsafeBufferPointer(start: data, count: size))
  guard !parts.isEmpty else { return 0 }
  let zip = StoredZip.make(parts)
  let url = zip.withUnsafeBytes { InputFile.write($0) }
  guard let report = try? ReturnValidator(schema: guanduSchema).validate(fileAt: url, expectedYear: 2025) else {
    return 0
  }
  var checksum = report.values.count
  for finding in report.findings {
    precondition(!finding.message.zh.isEmpty && !finding.message.en.isEmpty, "finding \(finding.rule) has no text")
    checksum &+= finding.rule.utf8.count &+ (finding.cell?.utf8.count ?? 0) &+ (finding.value?.utf8.count ?? 0)
  }
  for value in report.values { checksum &+= "\(value)".utf8.count }
  if checksum == Int.min { print("") }
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzReturn_main")
public func fuzzReturnMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FixedInputs.load { _ = guanduSchema }
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzReturn)
}
