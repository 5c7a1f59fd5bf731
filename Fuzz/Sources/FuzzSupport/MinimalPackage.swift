/// A small valid workbook, part by part, into which the parts fuzzer substitutes one fuzzed part.
///
/// Every part refers to the others the way Excel's files do (shared strings by index, styles with a custom date
/// format, a defined name, a merged range, custom properties), so a fuzzed part meets realistic neighbours.
public enum MinimalPackage {
  /// The parts a fuzz input can replace, chosen by the input's first byte (modulo the count).
  public enum Part: Int, CaseIterable, Sendable {
    case sheet = 0
    case sharedStrings
    case styles
    case workbook
    case workbookRelationships
    case contentTypes
    case coreProperties
    case customProperties

    /// The part's name in the package.
    public var name: String {
      switch self {
      case .sheet: return "xl/worksheets/sheet1.xml"
      case .sharedStrings: return "xl/sharedStrings.xml"
      case .styles: return "xl/styles.xml"
      case .workbook: return "xl/workbook.xml"
      case .workbookRelationships: return "xl/_rels/workbook.xml.rels"
      case .contentTypes: return "[Content_Types].xml"
      case .coreProperties: return "docProps/core.xml"
      case .customProperties: return "docProps/custom.xml"
      }
    }

    /// The part chosen by a selector byte.
    public init(selector: UInt8) {
      self = Part(rawValue: Int(selector) % Part.allCases.count)!
    }
  }

  /// The package with `part` replaced by `content`, as zip bytes.
  public static func zip(replacing part: Part, with content: [UInt8]) -> [UInt8] {
    zip(replacing: [part: content])
  }

  /// The package with every part of `replacements` replaced by its content, as zip bytes.
  public static func zip(replacing replacements: [Part: [UInt8]]) -> [UInt8] {
    let entries = defaultParts.map { entry in
      let replacement = replacements.first { $0.key.name == entry.name }?.value
      return (name: entry.name, content: replacement ?? Array(entry.text.utf8))
    }
    return StoredZip.make(entries)
  }

  /// The default text of a part.
  public static func defaultText(_ part: Part) -> String {
    defaultParts.first { $0.name == part.name }!.text
  }

  static let defaultParts: [(name: String, text: String)] = [
    (
      "[Content_Types].xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
      <Default Extension="xml" ContentType="application/xml"/>\
      <Override PartName="/xl/workbook.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
      <Override PartName="/xl/worksheets/sheet1.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
      <Override PartName="/xl/sharedStrings.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
      <Override PartName="/xl/styles.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
      <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
      <Override PartName="/docProps/custom.xml" \
      ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>\
      </Types>
      """
    ),
    (
      "_rels/.rels",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
      Target="xl/workbook.xml"/>\
      <Relationship Id="rId2" \
      Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
      Target="docProps/core.xml"/>\
      <Relationship Id="rId3" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" \
      Target="docProps/custom.xml"/>\
      </Relationships>
      """
    ),
    (
      "xl/workbook.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
      <workbookPr/><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets>\
      <definedNames><definedName name="区域">'表1'!$A$1:$C$3</definedName>\
      <definedName name="_xlnm.Print_Area" localSheetId="0">'表1'!$A$1:$D$4</definedName></definedNames>\
      </workbook>
      """
    ),
    (
      "xl/_rels/workbook.xml.rels",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
      <Relationship Id="rId1" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
      Target="worksheets/sheet1.xml"/>\
      <Relationship Id="rId2" \
      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
      Target="sharedStrings.xml"/>\
      <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
      Target="styles.xml"/>\
      </Relationships>
      """
    ),
    (
      "xl/worksheets/sheet1.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <dimension ref="A1:D4"/><sheetData>\
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"><v>45717.5</v></c></row>\
      <row r="2" hidden="1"><c r="A2"><v>0.1</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c>\
      <c r="D2" s="2"><v>0.935</v></c></row>\
      <row r="3"><c r="A3"><f>SUM(A2:A2)</f><v>0.1</v></c><c r="B3"><f t="shared" ref="B3:B4" si="0">A3*2</f></c>\
      <c r="C3" t="str"><f>"x"&amp;A1</f><v>x甲</v></c><c r="D3" t="inlineStr"><is><t>内联_x000D_</t></is></c></row>\
      <row r="4"><c r="B4"><f t="shared" si="0"/></c><c r="C4" t="d"><v>2025-03-01T08:30:00</v></c></row>\
      </sheetData><mergeCells count="1"><mergeCell ref="A4:A5"/></mergeCells></worksheet>
      """
    ),
    (
      "xl/sharedStrings.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">\
      <si><t>指标</t></si><si><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r>\
      <rPh sb="0" eb="1"><t>フ</t></rPh></si></sst>
      """
    ),
    (
      "xl/styles.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
      <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>\
      <fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>\
      <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
      <fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill></fills>\
      <borders count="1"><border/></borders>\
      <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
      <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
      <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
      <xf numFmtId="10" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/></cellXfs>\
      </styleSheet>
      """
    ),
    (
      "docProps/core.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <cp:coreProperties \
      xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
      <dc:title>年鉴</dc:title><dc:creator>统计局</dc:creator>\
      <dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>\
      </cp:coreProperties>
      """
    ),
    (
      "docProps/custom.xml",
      """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
      xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
      <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="TemplateID"><vt:lpwstr>T-1</vt:lpwstr>\
      </property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Year"><vt:i4>2025</vt:i4>\
      </property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Final"><vt:bool>true</vt:bool>\
      </property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="When">\
      <vt:filetime>2025-01-01T00:00:00Z</vt:filetime></property></Properties>
      """
    ),
  ]
}
