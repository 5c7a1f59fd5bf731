import FuzzSupport

/// libFuzzer's per-input callback: the input is a whole .xlsx file.
///
/// Writes the bytes to a scratch file, opens it with `XLSXDocument(contentsOf:)` and walks the defined names,
/// the properties and every cell of every sheet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let url = InputFile.write(UnsafeRawBufferPointer(start: data, count: size))
  DocumentWalker.walk(url)
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzXLSXReader_main")
public func fuzzXLSXReaderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzXLSXReader)
}
