import FuzzSupport

/// A worksheet whose cells refer to shared strings 0 to 39, then to indexes no table can hold.
let referencingSheet: [UInt8] = {
  var cells = (0..<40).map { index in "<c r=\"A\(index + 1)\" t=\"s\"><v>\(index)</v></c>" }
  cells += ["<c r=\"B1\" t=\"s\"><v>4294967296</v></c>", "<c r=\"B2\" t=\"s\"><v>-1</v></c>"]
  cells += ["<c r=\"B3\" t=\"s\"><v>1e3</v></c>", "<c r=\"B4\" t=\"s\"><v></v></c>", "<c r=\"B5\" t=\"s\"/>"]
  let rows = cells.map { "<row>\($0)</row>" }.joined()
  let text = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows)</sheetData>\
    </worksheet>
    """
  return Array(text.utf8)
}()

/// libFuzzer's per-input callback: the input is the shared-string table (`xl/sharedStrings.xml`).
///
/// The table goes into a small valid workbook whose sheet refers to its first 40 strings and to impossible
/// indexes (too large, negative, not a number, empty); the workbook is zipped in memory and walked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSharedStrings(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let content = Array(UnsafeBufferPointer(start: data, count: size))
  let zip = MinimalPackage.zip(replacing: [.sharedStrings: content, .sheet: referencingSheet])
  let url = zip.withUnsafeBytes { InputFile.write($0) }
  DocumentWalker.walk(url)
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzSharedStrings_main")
public func fuzzSharedStringsMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FixedInputs.load { _ = referencingSheet }
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzSharedStrings)
}
