#!/usr/bin/env python3
"""Builds the XLSX reader's fixtures (run from anywhere: `python3 Tests/Fixtures/reader/make_fixtures.py`).

Producer fixtures come from real tools: openpyxl, XlsxWriter (normal and constant_memory) and LibreOffice
(`soffice --headless --convert-to xlsx`, skipped when soffice is absent). Quirk fixtures are hand-built packages
(raw XML zipped here), one per quirk, named after it. Output is deterministic except for LibreOffice's own
timestamps. See README.md for the list.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_TIME = (2025, 1, 2, 3, 4, 6)

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def write_zip(path, parts):
    """Writes parts (name -> str|bytes) in the given order, with a fixed timestamp."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def content_types(overrides=(), main="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"):
    items = "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in overrides)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/>{items}</Types>'
    )


def rels(items, rel_ns=NS_PKG_R):
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>' for rid, kind, target in items
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{rel_ns}">{body}</Relationships>'


def workbook(sheets, extra="", before_sheets="", ns=NS_MAIN, rns=NS_R, prefix=""):
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{ns}"' if prefix else f'xmlns="{ns}"'
    items = "".join(
        f'<{p}sheet name="{name}" sheetId="{i + 1}"{state_attr(state)} r:id="rId{i + 1}"/>'
        for i, (name, state) in enumerate(sheets)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<{p}workbook {xmlns} xmlns:r="{rns}">{before_sheets}<{p}sheets>{items}</{p}sheets>{extra}</{p}workbook>'
    )


def state_attr(state):
    return "" if state == "visible" else f' state="{state}"'


def sheet(rows_xml, extra_before="", extra_after="", ns=NS_MAIN, prefix=""):
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{ns}"' if prefix else f'xmlns="{ns}"'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<{p}worksheet {xmlns} xmlns:r="{NS_R}">{extra_before}<{p}sheetData>{rows_xml}</{p}sheetData>'
        f'{extra_after}</{p}worksheet>'
    )


def sst(items):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<sst xmlns="{NS_MAIN}">' + "".join(f"<si>{item}</si>" for item in items) + "</sst>"
    )


def styles(num_fmts=(), xfs=((0, 0),), fills=None):
    from xml.sax.saxutils import quoteattr
    fmts = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(code)}/>' for i, code in num_fmts)
    fills = fills or ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']
    cell_xfs = "".join(f'<xf numFmtId="{n}" fontId="0" fillId="{f}" borderId="0" applyNumberFormat="1"/>' for n, f in xfs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<styleSheet xmlns="{NS_MAIN}">'
        + (f'<numFmts count="{len(num_fmts)}">{fmts}</numFmts>' if num_fmts else "")
        + '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        + f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
        + '<borders count="1"><border/></borders>'
        + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        + f'<cellXfs count="{len(xfs)}">{cell_xfs}</cellXfs></styleSheet>'
    )


def package(path, sheets, sheet_xml, shared=None, style_xml=None, workbook_xml=None, extra_parts=None,
            sheet_targets=None, package_rels=None):
    """A standard package: xl/workbook.xml, xl/worksheets/sheetN.xml, optional sst/styles/extra parts."""
    items = []
    parts = {}
    for i, xml in enumerate(sheet_xml):
        target = sheet_targets[i] if sheet_targets else f"worksheets/sheet{i + 1}.xml"
        items.append((f"rId{i + 1}", f"{REL_OFFICE}/worksheet", target))
    n = len(sheet_xml)
    if shared is not None:
        items.append((f"rId{n + 1}", f"{REL_OFFICE}/sharedStrings", "sharedStrings.xml"))
    if style_xml is not None:
        items.append((f"rId{n + 2}", f"{REL_OFFICE}/styles", "styles.xml"))
    parts["[Content_Types].xml"] = content_types()
    parts["_rels/.rels"] = package_rels or rels([("rId1", f"{REL_OFFICE}/officeDocument", "xl/workbook.xml")])
    parts["xl/workbook.xml"] = workbook_xml or workbook(sheets)
    parts["xl/_rels/workbook.xml.rels"] = rels(items)
    for i, xml in enumerate(sheet_xml):
        target = sheet_targets[i] if sheet_targets else f"worksheets/sheet{i + 1}.xml"
        if not target.startswith("/") and "\\" not in target:
            parts[f"xl/{target}"] = xml
    if shared is not None:
        parts["xl/sharedStrings.xml"] = sst(shared)
    if style_xml is not None:
        parts["xl/styles.xml"] = style_xml
    parts.update(extra_parts or {})
    write_zip(path, parts)


def quirks(out):
    q = lambda name: os.path.join(out, "quirks", name)  # noqa: E731

    # Rich text runs joined, phonetic runs skipped (shared and inline strings).
    package(q("rich-text-phonetic-runs.xlsx"), [("表1", "visible")],
            [sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                   '<c r="C1" t="inlineStr"><is><r><t>宁东</t></r><r><t>大道</t></r><rPh sb="0" eb="2"><t>dao</t></rPh></is></c></row>')],
            shared=['<r><rPr><b/></rPr><t>妇女</t></r><r><t xml:space="preserve">发展 </t></r><r><t>规划</t></r>',
                    '<t>宁东大道</t><rPh sb="0" eb="4"><t>ningdongdadao</t></rPh><phoneticPr fontId="1"/>'])

    # _xHHHH_ escapes: CR, a literal _x005F_ protected underscore, an invalid escape kept as written.
    package(q("escapes-x000D.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
                   '<c r="D1" t="str"><f>"a"</f><v>x_x0009_y</v></c></row>')],
            shared=["<t>第一行_x000D_\n第二行</t>", "<t>_x005F_x0041_</t>", "<t>_xZZZZ_ok</t>"])

    # Characters XML forbids (C0 controls, U+FFFF) written raw, as some producers do; WPS opens such files.
    package(q("invalid-xml-characters.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>tab\tbell\x07end</t></is></c></row>')],
            shared=["<t>a\x01b\x0bc\uffffd</t>"])

    # Inline strings only, no shared-strings part, no styles part; <is><t/></is> is "" (not blank).
    package(q("inline-strings.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>内联文本</t></is></c>'
                   '<c r="B1" t="inlineStr"><is><t xml:space="preserve">  空格  </t></is></c>'
                   '<c r="C1" t="inlineStr"><is><t/></is></c><c r="D1" t="inlineStr"><is><t>A&amp;B &lt;C&gt;</t></is></c>'
                   '<c r="E1" t="inlineStr"><is><t><![CDATA[<CDATA> & 文本]]></t></is></c></row>')])

    # 1904 date system.
    package(q("date-1904.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>44256</v></c><c r="C1"><v>44256</v></c>'
                   '<c r="D1" s="2"><v>44256.5</v></c></row>')],
            style_xml=styles(xfs=((0, 0), (14, 0), (22, 0))),
            workbook_xml=workbook([("Sheet1", "visible")], before_sheets='<workbookPr date1904="1"/>'))

    # t="d" ISO 8601 dates (date, date-time, time).
    package(q("iso-dates-t-d.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" t="d"><v>2025-03-01</v></c><c r="B1" t="d"><v>2025-03-01T08:30:00</v></c>'
                   '<c r="C1" t="d"><v>08:30:00</v></c><c r="D1" t="d"><v>not a date</v></c></row>')])

    # Rows and cells without r (partly), out-of-order row numbers are taken as written.
    package(q("no-cell-references.xlsx"), [("Sheet1", "visible")],
            [sheet('<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>'
                   '<row><c t="inlineStr"><is><t>第二行</t></is></c></row>'
                   '<row r="5"><c><v>50</v></c></row><row><c><v>60</v></c></row>')])

    # <dimension> claims A1 but the sheet has cells far beyond; another claims the whole grid.
    package(q("untrusted-dimension.xlsx"), [("Small", "visible"), ("Huge", "visible")],
            [sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="300"><c r="Z300"><v>2</v></c></row>',
                   extra_before='<dimension ref="A1"/>'),
             sheet('<row r="2"><c r="B2"><v>3</v></c></row>', extra_before='<dimension ref="A1:XFD1048576"/>')])

    # Strict OOXML namespaces throughout.
    strict_ct = content_types(main="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    write_zip(q("strict-namespaces.xlsx"), {
        "[Content_Types].xml": strict_ct,
        "_rels/.rels": rels([("rId1", f"{STRICT_R}/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": workbook([("Strict", "visible")], ns=STRICT_MAIN, rns=STRICT_R,
                                    before_sheets='<workbookPr date1904="false"/>').replace(
                                        "<workbook ", '<workbook conformance="strict" '),
        "xl/_rels/workbook.xml.rels": rels([("rId1", f"{STRICT_R}/worksheet", "worksheets/sheet1.xml"),
                                            ("rId2", f"{STRICT_R}/sharedStrings", "sharedStrings.xml"),
                                            ("rId3", f"{STRICT_R}/styles", "styles.xml")]),
        "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>93.5</v></c>'
                                          '<c r="C1" s="1"><v>45717</v></c><c r="D1" t="d"><v>2025-03-01</v></c></row>',
                                          ns=STRICT_MAIN),
        "xl/sharedStrings.xml": sst(["<t>严格</t>"]).replace(NS_MAIN, STRICT_MAIN),
        "xl/styles.xml": styles(xfs=((0, 0), (14, 0))).replace(NS_MAIN, STRICT_MAIN),
    })

    # Arbitrary namespace prefixes (x:), as Open XML SDK generators write.
    package(q("namespace-prefix-x.xlsx"), [("Sheet1", "visible")],
            [sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row>', prefix="x")],
            shared=["<t>前缀</t>"],
            workbook_xml=workbook([("Sheet1", "visible")], prefix="x"))

    # Absolute targets (/xl/...) as openpyxl writes, and a part name outside the usual folders.
    parts = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": rels([("rId1", f"{REL_OFFICE}/officeDocument", "/xl/workbook.xml")]),
        "xl/workbook.xml": workbook([("Abs", "visible"), ("Odd", "visible")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", f"{REL_OFFICE}/worksheet", "/xl/worksheets/sheet1.xml"),
                                            ("rId2", f"{REL_OFFICE}/worksheet", "../data/数据.xml"),
                                            ("rId3", f"{REL_OFFICE}/sharedStrings", "/xl/sharedStrings.xml")]),
        "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        "data/数据.xml": sheet('<row r="1"><c r="A1"><v>42</v></c></row>'),
        "xl/sharedStrings.xml": sst(["<t>绝对路径</t>"]),
    }
    write_zip(q("absolute-relative-targets.xlsx"), parts)

    # Backslash targets and case-different part names.
    parts = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": rels([("rId1", f"{REL_OFFICE}/officeDocument", "xl\\workbook.xml")]),
        "xl/workbook.xml": workbook([("Back", "visible")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", f"{REL_OFFICE}/worksheet", "Worksheets\\Sheet1.XML"),
                                            ("rId2", f"{REL_OFFICE}/sharedStrings", "SharedStrings.xml")]),
        "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'),
        "xl/sharedStrings.xml": sst(["<t>反斜杠</t>"]),
    }
    write_zip(q("backslash-case-targets.xlsx"), parts)

    # Workbook outside xl/ (found only through _rels/.rels).
    parts = {
        "[Content_Types].xml": content_types().replace("/xl/workbook.xml", "/book/main.xml"),
        "_rels/.rels": rels([("rId1", f"{REL_OFFICE}/officeDocument", "book/main.xml")]),
        "book/main.xml": workbook([("Elsewhere", "visible")]),
        "book/_rels/main.xml.rels": rels([("rId1", f"{REL_OFFICE}/worksheet", "s/one.xml")]),
        "book/s/one.xml": sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
    }
    write_zip(q("workbook-outside-xl.xlsx"), parts)

    # zh-CN built-in date ids (no <numFmt> for them) and one redefined built-in id.
    ids = [14, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]
    cells = "".join(f'<c r="{col(i)}1" s="{i + 1}"><v>45717.375</v></c>' for i in range(len(ids)))
    cells += f'<c r="{col(len(ids))}1" s="{len(ids) + 1}"><v>45717</v></c>'
    package(q("zh-cn-date-ids.xlsx"), [("Sheet1", "visible")], [sheet(f'<row r="1">{cells}</row>')],
            style_xml=styles(num_fmts=[(3, 'yyyy"年"m"月"d"日"')], xfs=[(0, 0)] + [(i, 0) for i in ids] + [(3, 0)]))

    # Custom number formats: dates, not-dates, durations, percent, fill colour.
    fmts = [(164, 'yyyy"年"m"月"d"日"'), (165, '[$-804]yyyy"年"m"月"'), (166, '[DBNum1][$-804]General'),
            (167, '0.00E+00'), (168, '[h]:mm:ss'), (169, '0.0%'), (170, '[$-F800]dddd, mmmm dd, yyyy'),
            (171, 'h"时"mm"分"'), (172, '#,##0.00"元"'), (173, '[Red]0.00;[Blue]-0.00'), (174, '@')]
    fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>',
             '<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill>']
    xfs = [(0, 0)] + [(i, 0) for i, _ in fmts] + [(169, 2)]
    values = ["45717", "45717", "93.5", "1234.5", "1.5", "0.935", "45717", "0.5", "1234.5", "-2", "12"]
    cells = "".join(f'<c r="{col(i)}1" s="{i + 1}"><v>{v}</v></c>' for i, v in enumerate(values))
    cells += f'<c r="{col(len(values))}1" s="{len(values) + 1}"><v>0.5</v></c>'
    package(q("custom-number-formats.xlsx"), [("Sheet1", "visible")], [sheet(f'<row r="1">{cells}</row>')],
            style_xml=styles(num_fmts=fmts, xfs=xfs, fills=fills))

    # Shared formulas: the master has the text, dependents only si; one dependent has no cached value.
    package(q("shared-formulas.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1+SUM(A:A)</f><v>4</v></c></row>'
                   '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>6</v></c></row>'
                   '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/></c></row>')])

    # Formulas without cached values (uncalculated), with an empty-string result, with an error result.
    package(q("formula-without-cached-value.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1"><f>SUM(B1:B2)</f></c><c r="B1"><f>1+1</f><v></v></c>'
                   '<c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
                   '<c r="E1" t="b"><f>TRUE()</f><v>1</v></c><c r="F1"><f>=A1+1</f><v>0</v></c></row>')])

    # Sheet states and a chart sheet.
    chart_ct = content_types()
    parts = {
        "[Content_Types].xml": chart_ct,
        "_rels/.rels": rels([("rId1", f"{REL_OFFICE}/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": workbook([("可见", "visible"), ("隐藏", "hidden"), ("_meta", "veryHidden"), ("图表", "visible")]),
        "xl/_rels/workbook.xml.rels": rels([("rId1", f"{REL_OFFICE}/worksheet", "worksheets/sheet1.xml"),
                                            ("rId2", f"{REL_OFFICE}/worksheet", "worksheets/sheet2.xml"),
                                            ("rId3", f"{REL_OFFICE}/worksheet", "worksheets/sheet3.xml"),
                                            ("rId4", f"{REL_OFFICE}/chartsheet", "chartsheets/sheet1.xml")]),
        "xl/worksheets/sheet1.xml": sheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
        "xl/worksheets/sheet2.xml": sheet('<row r="1"><c r="A1"><v>2</v></c></row>'),
        "xl/worksheets/sheet3.xml": sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>template-id</t></is></c>'
                                          '<c r="B1" t="inlineStr"><is><t>WCH-2026-WJW</t></is></c></row>'),
        "xl/chartsheets/sheet1.xml": f'<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="{NS_MAIN}"/>',
    }
    write_zip(q("sheet-states.xlsx"), parts)

    # Core and custom document properties, defined names.
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>2026年卫生健康局统计报表</dc:title><dc:subject>妇女儿童发展规划监测</dc:subject>'
            '<dc:creator>统计局</dc:creator><cp:keywords>template</cp:keywords><cp:category>监测</cp:category>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-02T03:04:05Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-03T00:00:00Z</dcterms:modified></cp:coreProperties>')
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
              'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="TemplateID"><vt:lpwstr>WCH-2026-WJW</vt:lpwstr></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="SchemaVersion"><vt:i4>3</vt:i4></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Locked"><vt:bool>true</vt:bool></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Issued"><vt:filetime>2025-12-01T00:00:00Z</vt:filetime></property>'
              '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="6" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property>'
              '</Properties>')
    names = ('<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'表1\'!$A$1:$C$9</definedName>'
             '<definedName name="TemplateID" hidden="1">"WCH-2026-WJW"</definedName>'
             '<definedName name="数据区">\'表1\'!$B$2:$B$5</definedName></definedNames>')
    package(q("properties-defined-names.xlsx"), [("表1", "visible")],
            [sheet('<row r="1"><c r="A1"><v>1</v></c></row>')],
            workbook_xml=workbook([("表1", "visible")], extra=names),
            package_rels=rels([("rId1", f"{REL_OFFICE}/officeDocument", "xl/workbook.xml"),
                               ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
                               ("rId3", f"{REL_OFFICE}/custom-properties", "docProps/custom.xml")]),
            extra_parts={"docProps/core.xml": core, "docProps/custom.xml": custom})

    # Merged cells, hidden rows and columns.
    package(q("merged-hidden.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" s="0"/><c r="C1" s="0"/></row>'
                   '<row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></c></row>',
                   extra_before='<cols><col min="2" max="3" width="0" hidden="1"/><col min="5" max="16384" width="9"/></cols>',
                   extra_after='<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A3:A4"/></mergeCells>')])

    # Booleans, errors (including newer literals), numbers in odd spellings, a numeric-looking long ID kept raw.
    package(q("booleans-errors-numbers.xlsx"), [("Sheet1", "visible")],
            [sheet('<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c>'
                   '<c r="D1" t="e"><v>#SPILL!</v></c><c r="E1"><v>1E-3</v></c><c r="F1"><v> 42 </v></c>'
                   '<c r="G1"><v>-0</v></c><c r="H1"><v>1.2345678901234567E+17</v></c><c r="I1"><v>0.1</v></c>'
                   '<c r="J1" t="n"><v>123456789012345678</v></c><c r="K1" t="s"><v/></c><c r="L1" s="0"/></row>')])


def col(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def producers(out):
    import openpyxl
    import xlsxwriter
    from openpyxl.workbook.properties import CalcProperties  # noqa: F401

    # openpyxl: strings, numbers, percent, date, formula, merged title, hidden and veryHidden sheets,
    # a defined name and a custom document property.
    path = os.path.join(out, "openpyxl", "return-basic.xlsx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    ws["A1"] = "2025年妇女儿童发展规划监测数据"
    ws.merge_cells("A1:D1")
    ws.append(["指标代码", "指标名称", "数值", "日期"])
    ws.append(["W01", "孕产妇死亡率", 9.5, datetime.date(2025, 3, 1)])
    ws.append(["W02", "住院分娩率", 0.995, datetime.datetime(2025, 3, 1, 8, 30)])
    ws["C4"].number_format = "0.0%"
    ws["C3"].number_format = "0.00"
    ws.append(["W03", "合计", "=C3+C4", True])
    ws["C6"] = 12345678901
    ws["D6"] = "=1/0"
    ws.row_dimensions[6].hidden = True
    hidden = wb.create_sheet("隐藏表")
    hidden["A1"] = "hidden"
    hidden.sheet_state = "hidden"
    meta = wb.create_sheet("_meta")
    meta["A1"] = "template_id"
    meta["B1"] = "WCH-2026-WJW"
    meta.sheet_state = "veryHidden"
    from openpyxl.workbook.defined_name import DefinedName
    wb.defined_names["TemplateID"] = DefinedName("TemplateID", attr_text='"WCH-2026-WJW"')
    from openpyxl.packaging.custom import StringProperty
    wb.custom_doc_props.append(StringProperty(name="TemplateID", value="WCH-2026-WJW"))
    wb.properties.title = "卫生健康局 2025"
    wb.properties.creator = "nianjian fixtures"
    wb.properties.created = datetime.datetime(2025, 1, 2, 3, 4, 5)
    wb.properties.modified = datetime.datetime(2025, 1, 2, 3, 4, 5)
    wb.save(path)

    # XlsxWriter, normal and constant_memory (inline strings, no shared-strings part).
    for mode in ("normal", "constant_memory"):
        path = os.path.join(out, "xlsxwriter", f"return-{mode}.xlsx")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        wb = xlsxwriter.Workbook(path, {"constant_memory": mode == "constant_memory"})
        wb.set_properties({"title": "教育局 2025", "author": "nianjian fixtures",
                           "created": datetime.datetime(2025, 1, 2, 3, 4, 5)})
        wb.set_custom_property("TemplateID", "WCH-2026-JYJ")
        wb.set_custom_property("SchemaVersion", 3)
        wb.set_custom_property("Locked", True)
        ws = wb.add_worksheet("表1")
        percent = wb.add_format({"num_format": "0.0%"})
        date = wb.add_format({"num_format": "yyyy\"年\"m\"月\"d\"日\""})
        fill = wb.add_format({"bg_color": "#FFFF00"})
        ws.write_row(0, 0, ["指标", "数值", "比例", "日期", "说明"])
        ws.write_row(1, 0, ["学前教育毛入园率", 93.5])
        ws.write_number(1, 2, 0.935, percent)
        ws.write_datetime(1, 3, datetime.datetime(2025, 3, 1), date)
        ws.write_string(1, 4, "第一行\r\n第二行", fill)
        ws.write_row(2, 0, ["合计", 1e-7])
        ws.write_formula(2, 2, "=B2+B3", None, 93.5000001)
        ws.write_formula(2, 3, "=B2*2")
        ws.write_boolean(2, 4, False)
        ws.write_row(3, 0, ["_x000D_ literal", -0.0, 123456789012345.6])
        hidden = wb.add_worksheet("字典")
        hidden.write_column(0, 0, ["是", "否"])
        hidden.hide()
        wb.define_name("是否", "=字典!$A$1:$A$2")
        wb.close()


def libreoffice(out):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: LibreOffice fixture skipped", file=sys.stderr)
        return
    source = os.path.join(out, "openpyxl", "return-basic.xlsx")
    target_dir = os.path.join(out, "libreoffice")
    os.makedirs(target_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ods = os.path.join(tmp, "return-basic.ods")
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "ods",
                        "--outdir", tmp, source], check=True, capture_output=True, timeout=180)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "xlsx",
                        "--outdir", tmp, ods], check=True, capture_output=True, timeout=180)
        shutil.copy(os.path.join(tmp, "return-basic.xlsx"), os.path.join(target_dir, "return-basic.xlsx"))


if __name__ == "__main__":
    quirks(HERE)
    producers(HERE)
    libreoffice(HERE)
    print("fixtures written under", HERE)
