import FuzzSupport

/// libFuzzer's per-input callback: the input is a whole .xlsx file, so the mutations hit the zip layer.
///
/// Writes the bytes to a scratch file, opens it with `XLSXDocument(contentsOf:)` (format sniffing, libzip's central
/// directory, the entry limits, streamed inflation with its size and ratio checks) and walks the defined names,
/// the properties and every cell of every sheet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzZip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let url = InputFile.write(UnsafeRawBufferPointer(start: data, count: size))
  DocumentWalker.walk(url)
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzZip_main")
public func fuzzZipMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzZip)
}
