import Foundation
import FuzzSupport
import Schema

/// The guandu jurisdiction's YAML files, read once from the repository, into which one fuzzed file is substituted.
let jurisdictionFiles: [(name: String, data: Data)] = {
  let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates/guandu")
  return ["departments.yaml", "women.yaml", "children.yaml"].map { name in
    (name, (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
  }
}()

/// libFuzzer's per-input callback: the input is one YAML file of a jurisdiction.
///
/// The first byte chooses which file it replaces (modulo 3: `departments.yaml`, `women.yaml`, `children.yaml`);
/// the rest is the file's content. The departments file and one plan are loaded and cross-checked in memory with
/// `SchemaLoader.inspect(files:folderName:)`, and every diagnostic is formatted in both languages.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size >= 1 else { return 0 }
  let selected = Int(data[0]) % jurisdictionFiles.count
  var files = jurisdictionFiles
  files[selected].data = Data(bytes: data + 1, count: size - 1)
  // The departments file and one plan are enough to reach every cross-check, at half the parsing cost.
  files = selected == 2 ? [files[0], files[2]] : [files[0], files[1]]
  let inspection = SchemaLoader.inspect(files: files, folderName: "guandu")
  var checksum = inspection.diagnostics.count
  for diagnostic in inspection.diagnostics { checksum &+= "\(diagnostic)".utf8.count }
  if let schema = inspection.schema { checksum &+= "\(schema)".utf8.count }
  if checksum == Int.min { print("") }
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzSchema_main")
public func fuzzSchemaMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FixedInputs.load { _ = jurisdictionFiles }
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzSchema)
}
