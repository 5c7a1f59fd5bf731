import FuzzSupport

/// libFuzzer's per-input callback: the input is one XML part of an otherwise valid workbook.
///
/// The first byte chooses the part (``MinimalPackage/Part``, modulo the number of parts); the other bytes are that
/// part's content. The package is zipped in memory (stored entries), written to a scratch file and walked like
/// a whole file. This reaches the XML handlers far faster than mutating zip bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReaderParts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size >= 1 else { return 0 }
  let part = MinimalPackage.Part(selector: data[0])
  let content = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let zip = MinimalPackage.zip(replacing: part, with: content)
  let url = zip.withUnsafeBytes { InputFile.write($0) }
  DocumentWalker.walk(url)
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzXLSXReaderParts_main")
public func fuzzXLSXReaderPartsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
  -> CInt
{
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzXLSXReaderParts)
}
