import FuzzSupport

/// libFuzzer's per-input callback: the input is the XML of a worksheet (`xl/worksheets/sheet1.xml`).
///
/// The sheet is placed in an otherwise valid small workbook (``MinimalPackage``: shared strings, styles with a
/// date format, a defined name), zipped in memory with stored entries and walked cell by cell. The sheet is then
/// read again with `.full` and `.valuesOnly`: both must give the same values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSheetXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let content = Array(UnsafeBufferPointer(start: data, count: size))
  let zip = MinimalPackage.zip(replacing: .sheet, with: content)
  let url = zip.withUnsafeBytes { InputFile.write($0) }
  DocumentWalker.walk(url)
  DocumentWalker.compareReadOptions(url)
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzSheetXML_main")
public func fuzzSheetXMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzSheetXML)
}
