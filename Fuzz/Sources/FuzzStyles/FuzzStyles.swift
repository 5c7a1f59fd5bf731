import FuzzSupport
import XLSXReader

/// How many style indexes the sheet below uses (0 to this minus one, then some that no table holds).
let styledColumns = 24

/// A worksheet with one row per style index, each with numbers that a date or percent format changes, plus a date
/// cell and a text cell, then style indexes out of range.
let styledSheet: [UInt8] = {
  var rows: [String] = []
  for style in 0..<styledColumns {
    let row = style + 1
    rows.append(
      "<row r=\"\(row)\"><c r=\"A\(row)\" s=\"\(style)\"><v>45717.5</v></c><c r=\"B\(row)\" s=\"\(style)\"><v>-1</v></c>"
        + "<c r=\"C\(row)\" s=\"\(style)\"><v>2958466</v></c><c r=\"D\(row)\" s=\"\(style)\"><v>0.935</v></c>"
        + "<c r=\"E\(row)\" s=\"\(style)\" t=\"d\"><v>1900-02-29</v></c>"
        + "<c r=\"F\(row)\" s=\"\(style)\" t=\"s\"><v>0</v></c><c r=\"G\(row)\" s=\"\(style)\"><v>1E+308</v></c></row>")
  }
  rows.append("<row r=\"30\"><c r=\"A30\" s=\"-1\"><v>1</v></c><c r=\"B30\" s=\"99999999999\"><v>1</v></c></row>")
  let text = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows.joined())\
    </sheetData></worksheet>
    """
  return Array(text.utf8)
}()

/// A styles part whose only custom number format (id 164, used by cell style 1) has this code.
func stylesPart(numberFormat code: String) -> [UInt8] {
  var escaped = ""
  for character in code.unicodeScalars {
    switch character {
    case "&": escaped += "&amp;"
    case "<": escaped += "&lt;"
    case ">": escaped += "&gt;"
    case "\"": escaped += "&quot;"
    case "\u{9}", "\u{A}", "\u{D}": escaped += "&#\(character.value);"
    default: if character.value >= 0x20 { escaped.unicodeScalars.append(character) }
    }
  }
  let text = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="1"><numFmt numFmtId="164" formatCode="\(escaped)"/></numFmts>\
    <cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/></cellXfs>\
    </styleSheet>
    """
  return Array(text.utf8)
}

/// libFuzzer's per-input callback: styles and number formats.
///
/// The first byte chooses the mode. Even: the rest is a whole styles part (`xl/styles.xml`). Odd: the rest is one
/// number-format code, classified directly by `NumberFormat.classify` and placed in a styles part as format 164.
/// Either way the styles go into a small valid workbook whose sheet uses every style index on numbers that date,
/// time and percent formats turn into other values, and the workbook is walked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStyles(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  guard let data, size >= 1 else { return 0 }
  let content = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let styles: [UInt8]
  if data[0] & 1 == 0 {
    styles = content
  } else {
    let code = String(decoding: content, as: UTF8.self)
    let classification = NumberFormat.classify(code)
    precondition(!(classification.isDate && classification.isPercent), "\(code) is both a date and a percent")
    styles = stylesPart(numberFormat: code)
  }
  for id in [0, 14, 22, 45, 46, 47, 49, 164, -1] { _ = NumberFormat.builtInCode(id) }
  let zip = MinimalPackage.zip(replacing: [.styles: styles, .sheet: styledSheet])
  let url = zip.withUnsafeBytes { InputFile.write($0) }
  DocumentWalker.walk(url)
  return 0
}

/// The executable's entry point (SwiftPM aliases `main` to it): hands over to libFuzzer.
@_cdecl("FuzzStyles_main")
public func fuzzStylesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  FixedInputs.load { _ = styledSheet }
  return FuzzerDriver.run(argc: argc, argv: argv, callback: fuzzStyles)
}
