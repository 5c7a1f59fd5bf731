#!/usr/bin/env python3
"""Makes legal-but-strange copies of a filled return (tests call it at run time; nothing is committed).

usage: make_strange_returns.py RETURN.xlsx OUTDIR

Each copy keeps every part of RETURN.xlsx byte for byte and adds one strangeness that Excel itself accepts, so the
copy must be judged exactly like the return:

  return-last-cell.xlsx        a number in the last cell of the grid, XFD1048576, of the form sheet
  return-many-parts.xlsx       9,000 unused parts (pictures) beside the workbook
  return-traversal-names.xlsx  unused entries whose names climb out of the folder (../../x, /tmp/x, C:/x, ..\\x)
  return-huge-strings.xlsx     a million unused shared strings, with counts that claim two billion
"""
import os
import re
import sys
import zipfile

FORM_SHEETS = ("监测数据", "Monitoring data")
ESCAPED = "nianjian-escaped"


def parts_of(path):
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info.filename)) for info in archive.infolist()]


def write(path, parts, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in extra:
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_STORED)


def form_sheet_part(parts):
    """The part name of the form sheet, found through the workbook and its relationships."""
    files = {info.filename: data.decode("utf-8") for info, data in parts if info.filename.endswith(".xml")
             or info.filename.endswith(".rels")}
    workbook = files["xl/workbook.xml"]
    rels = files["xl/_rels/workbook.xml.rels"]
    for match in re.finditer(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook):
        if match.group(1) in FORM_SHEETS:
            target = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % match.group(2), rels)
            if target is None:
                target = re.search(r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % match.group(2), rels)
            name = target.group(1)
            return name.lstrip("/") if name.startswith("/") else "xl/" + name
    raise SystemExit("no form sheet")


def main(source, out):
    os.makedirs(out, exist_ok=True)
    parts = parts_of(source)

    sheet_name = form_sheet_part(parts)
    last_cell = []
    for info, data in parts:
        if info.filename == sheet_name:
            text = data.decode("utf-8")
            text = text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>12345.678</v></c></row>'
                                "</sheetData>", 1)
            text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', text)
            data = text.encode("utf-8")
        last_cell.append((info, data))
    write(os.path.join(out, "return-last-cell.xlsx"), last_cell)

    write(os.path.join(out, "return-many-parts.xlsx"), parts,
          [(f"xl/media/image{index}.png", b"") for index in range(9_000)])

    write(os.path.join(out, "return-traversal-names.xlsx"), parts,
          [(f"../../{ESCAPED}.txt", b"x"), (f"/tmp/{ESCAPED}-absolute.txt", b"x"),
           (f"..\\..\\{ESCAPED}-backslash.txt", b"x"), (f"C:/{ESCAPED}-drive.txt", b"x"),
           (f"xl/../../../{ESCAPED}-folded.txt", b"x")])

    # openpyxl writes its strings inline; the table is added (and linked) when the return has none.
    extra = "".join(f"<si><t>unused {index}</t></si>" for index in range(1_000_000))
    names = [info.filename for info, _ in parts]
    huge = []
    for info, data in parts:
        if info.filename == "xl/sharedStrings.xml":
            text = data.decode("utf-8")
            text = re.sub(r'\bcount="\d+"', 'count="2147483647"', text, count=1)
            text = re.sub(r'\buniqueCount="\d+"', 'uniqueCount="2147483647"', text, count=1)
            data = text.replace("</sst>", extra + "</sst>").encode("utf-8")
        elif "xl/sharedStrings.xml" not in names and info.filename == "xl/_rels/workbook.xml.rels":
            data = data.decode("utf-8").replace(
                "</Relationships>",
                '<Relationship Id="rIdHugeStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode("utf-8")
        elif "xl/sharedStrings.xml" not in names and info.filename == "[Content_Types].xml":
            data = data.decode("utf-8").replace(
                "</Types>",
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.spreadsheetml.sharedStrings+xml"/></Types>').encode("utf-8")
        huge.append((info, data))
    added = []
    if "xl/sharedStrings.xml" not in names:
        added = [("xl/sharedStrings.xml",
                  ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" count="2147483647" uniqueCount="2147483647">' + extra + "</sst>")
                  .encode("utf-8"))]
    with zipfile.ZipFile(os.path.join(out, "return-huge-strings.xlsx"), "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in huge:
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, data in added:
            archive.writestr(name, data)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
