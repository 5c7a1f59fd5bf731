#!/usr/bin/env python3
"""Writes hostile and not-an-XLSX files into a folder (tests call it at run time; nothing is committed).

usage: make_hostile.py OUTDIR    — one file per case, named after it (see HOSTILE below).
"""
import os
import struct
import sys
import zipfile

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             f'<Relationship Id="rId1" Type="{T}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{R}"><sheets>'
      '<sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           f'<Relationship Id="rId1" Type="{T}/worksheet" Target="worksheets/sheet1.xml"/>'
           f'<Relationship Id="rId2" Type="{T}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
SECRET = "机密内容-SECRET-42"


def sheet(rows):
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>{rows}</sheetData></worksheet>'


def package(path, sheet_xml, sst=None, extra=None, skip=(), order=None):
    parts = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WB,
             "xl/_rels/workbook.xml.rels": WB_RELS, "xl/worksheets/sheet1.xml": sheet_xml}
    if sst is not None:
        parts["xl/sharedStrings.xml"] = sst
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name in skip:
                continue
            archive.writestr(name, data)


def cfb(path, stream_names):
    """A minimal OLE/CFB file: header, one directory sector naming the streams (UTF-16LE), filler."""
    header = bytearray(512)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", header, 0x1E, 9)
    directory = bytearray()
    for name in ["Root Entry"] + stream_names:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le")
        entry[0:len(encoded)] = encoded
        struct.pack_into("<H", entry, 0x40, len(encoded) + 2)
        directory += entry
    with open(path, "wb") as handle:
        handle.write(bytes(header) + bytes(directory) + bytes(4096))


def main(out):
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)  # noqa: E731
    good_rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>93.5</v></c></row>'
    good_sst = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}"><si><t>{SECRET}</t></si></sst>'
    package(p("good.xlsx"), sheet(good_rows), good_sst)

    # Zip bomb: a 64 MiB sheet of repeated empty cells compresses about 1000:1.
    filler = '<c r="A1" s="0"/>' * (64 * 1024 * 1024 // 16)
    package(p("zip-bomb.xlsx"), sheet(f'<row r="1">{filler}</row>'))

    # Billion laughs in the shared strings, and an external entity in the workbook: both carry a DOCTYPE.
    laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};&{chr(97 + i)};">'
        for i in range(9)) + f']><sst xmlns="{NS}"><si><t>&j;</t></si></sst>'
    package(p("billion-laughs.xlsx"), sheet(good_rows), laughs)
    xxe_wb = (f'<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
              f'<workbook xmlns="{NS}" xmlns:r="{R}"><sheets><sheet name="&x;" sheetId="1" r:id="rId1"/></sheets></workbook>')
    package(p("doctype-external-entity.xlsx"), sheet(good_rows), good_sst, extra={"xl/workbook.xml": xxe_wb})
    # An undeclared entity without any DOCTYPE.
    package(p("undeclared-entity.xlsx"), sheet(good_rows),
            f'<?xml version="1.0"?><sst xmlns="{NS}"><si><t>&bogus;</t></si></sst>')

    cfb(p("legacy.xls.xlsx"), ["Workbook", "\x05SummaryInformation"])
    cfb(p("encrypted.xlsx"), ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"])

    with zipfile.ZipFile(p("opendocument.xlsx"), "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with zipfile.ZipFile(p("binary-xlsb.xlsx"), "w") as archive:
        archive.writestr("[Content_Types].xml", CT)
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with zipfile.ZipFile(p("word-document.xlsx"), "w") as archive:
        archive.writestr("[Content_Types].xml", CT.replace("/xl/workbook.xml", "/word/document.xml").replace(
            "spreadsheetml.sheet.main+xml", "wordprocessingml.document.main+xml"))
        archive.writestr("_rels/.rels", ROOT_RELS.replace("xl/workbook.xml", "word/document.xml"))
        archive.writestr("word/document.xml", "<w:document/>")
    with zipfile.ZipFile(p("plain-zip.xlsx"), "w") as archive:
        archive.writestr("readme.txt", SECRET)

    with open(p("html.xlsx"), "w", encoding="utf-8") as handle:
        handle.write(f'<html><head><meta charset="utf-8"></head><body><table><tr><td>{SECRET}</td></tr></table></body></html>')
    with open(p("csv.xlsx"), "w", encoding="utf-8") as handle:
        handle.write(f"指标,数值\n{SECRET},93.5\n")
    with open(p("xml2003.xlsx"), "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?>'
                     '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>')
    with open(p("binary-garbage.xlsx"), "wb") as handle:
        handle.write(bytes(range(256)) * 4)
    open(p("empty.xlsx"), "wb").close()

    with open(p("good.xlsx"), "rb") as handle:
        data = handle.read()
    with open(p("truncated.xlsx"), "wb") as handle:
        handle.write(data[: len(data) // 2])
    # Corrupt: flip bytes inside the compressed data of the first entry (after its local header).
    corrupt = bytearray(data)
    name_length = struct.unpack_from("<H", corrupt, 26)[0]
    start = 30 + name_length
    for offset in range(start, start + 40):
        corrupt[offset] ^= 0x5A
    with open(p("corrupt.xlsx"), "wb") as handle:
        handle.write(bytes(corrupt))

    package(p("missing-part.xlsx"), sheet(good_rows), good_sst, skip=("xl/worksheets/sheet1.xml",))
    package(p("malformed-xml.xlsx"), sheet('<row r="1"><c r="A1"><v>1</v></row>'), good_sst)
    package(p("bad-shared-string-index.xlsx"), sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), good_sst)
    package(p("cell-beyond-grid.xlsx"), sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'), good_sst)

    # Duplicate entry names (zipfile warns but writes them).
    import warnings
    warnings.simplefilter("ignore")
    with zipfile.ZipFile(p("duplicate-entry.xlsx"), "w") as archive:
        for name, body in [("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WB),
                           ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/worksheets/sheet1.xml", sheet(good_rows)),
                           ("xl/worksheets/sheet1.xml", sheet('<row r="1"><c r="A1"><v>666</v></c></row>'))]:
            archive.writestr(name, body)

    # 10,001 entries: one over the default maxEntries.
    with zipfile.ZipFile(p("too-many-entries.xlsx"), "w", zipfile.ZIP_STORED) as archive:
        for name, body in [("[Content_Types].xml", CT), ("_rels/.rels", ROOT_RELS), ("xl/workbook.xml", WB),
                           ("xl/_rels/workbook.xml.rels", WB_RELS), ("xl/worksheets/sheet1.xml", sheet(good_rows))]:
            archive.writestr(name, body)
        for index in range(10_001 - 5):
            archive.writestr(f"xl/media/f{index}.bin", b"")

    # A 2 MiB shared string (over the default 1 MiB maxStringBytes) that compresses well below the ratio limit.
    import random
    rng = random.Random(1)
    long_text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(2 * 1024 * 1024))
    package(p("long-string.xlsx"), sheet(good_rows),
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}"><si><t>{long_text}</t></si></sst>')

    more_hostile(out, good_rows, good_sst)


def stored_package(path, parts):
    """A package written without compression (ratio 1), parts in the given order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def standard_parts(sheet_xml, sst=None):
    parts = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WB,
             "xl/_rels/workbook.xml.rels": WB_RELS, "xl/worksheets/sheet1.xml": sheet_xml}
    if sst is not None:
        parts["xl/sharedStrings.xml"] = sst
    return parts


def more_hostile(out, good_rows, good_sst):
    """The cases the command-line suite adds (Tests/NianjianCLITests/HostileInputCLITests.swift)."""
    p = lambda name: os.path.join(out, name)  # noqa: E731

    # Zip bomb by size: the same 64 MiB sheet, but both headers claim it inflates to 1,000 bytes (the reader must
    # count the bytes it really inflates, not trust the header).
    filler = '<c r="A1" s="0"/>' * (64 * 1024 * 1024 // 16)
    package(p("zip-bomb-lying-size.xlsx"), sheet(f'<row r="1">{filler}</row>'))
    data = bytearray(open(p("zip-bomb-lying-size.xlsx"), "rb").read())
    target = b"xl/worksheets/sheet1.xml"
    offset = 0
    while True:
        offset = data.find(b"PK\x03\x04", offset)
        if offset < 0:
            break
        name_length = struct.unpack_from("<H", data, offset + 26)[0]
        if data[offset + 30: offset + 30 + name_length] == target:
            struct.pack_into("<I", data, offset + 22, 1000)
        offset += 4
    offset = 0
    while True:
        offset = data.find(b"PK\x01\x02", offset)
        if offset < 0:
            break
        name_length = struct.unpack_from("<H", data, offset + 28)[0]
        if data[offset + 46: offset + 46 + name_length] == target:
            struct.pack_into("<I", data, offset + 24, 1000)
        offset += 4
    open(p("zip-bomb-lying-size.xlsx"), "wb").write(bytes(data))

    # Zip bomb by size without any compression: a 17 MiB workbook part stored as is (over maxOtherPartBytes).
    padded_wb = WB.replace("<sheets>", "<sheets>" + " " * (17 * 1024 * 1024))
    stored_package(p("oversized-part.xlsx"), dict(standard_parts(sheet(good_rows), good_sst),
                                                  **{"xl/workbook.xml": padded_wb}))

    # External entities in the worksheet (a file and a URL) and an external DTD: refused, never fetched.
    xxe_sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">'
                 f'<!ENTITY y SYSTEM "http://127.0.0.1:9/secret">]>'
                 f'<worksheet xmlns="{NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;&y;</t></is></c>'
                 '</row></sheetData></worksheet>')
    package(p("external-entity-sheet.xlsx"), xxe_sheet, good_sst)
    package(p("external-dtd.xlsx"), sheet(good_rows),
            f'<?xml version="1.0"?><!DOCTYPE sst SYSTEM "http://127.0.0.1:9/evil.dtd"><sst xmlns="{NS}"><si><t>x</t></si></sst>')
    # A parameter-entity billion laughs in the workbook part.
    laughs = '<!ENTITY % a "lol">' + "".join(
        f'<!ENTITY % {chr(98 + i)} "' + f"%{chr(97 + i)};" * 10 + '">' for i in range(9))
    package(p("parameter-entity-laughs.xlsx"), sheet(good_rows), good_sst,
            extra={"xl/workbook.xml": f'<?xml version="1.0"?><!DOCTYPE workbook [{laughs}]>' + WB[WB.index("<workbook"):]})

    # Path traversal: entry names that climb out (never extracted; a valid workbook beside them reads as usual).
    with zipfile.ZipFile(p("path-traversal-entries.xlsx"), "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in standard_parts(sheet(good_rows), good_sst).items():
            archive.writestr(name, body)
        for name in ["../../nianjian-escaped.txt", "/tmp/nianjian-escaped-absolute.txt",
                     "..\\..\\nianjian-escaped-backslash.txt", "C:/nianjian-escaped-drive.txt",
                     "xl/../../../nianjian-escaped-folded.txt"]:
            archive.writestr(zipfile.ZipInfo(name), SECRET)
    # … every part stored only under a climbing name: there is no workbook inside the package.
    with zipfile.ZipFile(p("path-traversal-parts.xlsx"), "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in standard_parts(sheet(good_rows), good_sst).items():
            archive.writestr(zipfile.ZipInfo("../../" + name), body)
    # … a relationship whose target climbs out of the package to a system file.
    package(p("path-traversal-target.xlsx"), sheet(good_rows), good_sst, extra={
        "xl/_rels/workbook.xml.rels": WB_RELS.replace("worksheets/sheet1.xml", "../../../../../../../etc/passwd")},
        skip=("xl/worksheets/sheet1.xml",))
    package(p("absolute-target.xlsx"), sheet(good_rows), good_sst, extra={
        "xl/_rels/workbook.xml.rels": WB_RELS.replace("worksheets/sheet1.xml", "/etc/passwd")},
        skip=("xl/worksheets/sheet1.xml",))

    # Thousands of parts: 4,097 sheets (over maxSheets), and 9,000 unused parts beside a valid workbook (allowed).
    count = 4097
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, count + 1))
    rels = "".join(f'<Relationship Id="rId{i}" Type="{T}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, count + 1))
    with zipfile.ZipFile(p("many-sheets.xlsx"), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CT)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", f'<?xml version="1.0"?><workbook xmlns="{NS}" xmlns:r="{R}"><sheets>'
                         f'{sheets}</sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         f'relationships">{rels}</Relationships>')
        for i in range(1, count + 1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", sheet(""))
    with zipfile.ZipFile(p("many-parts.xlsx"), "w", zipfile.ZIP_STORED) as archive:
        for name, body in standard_parts(sheet(good_rows), good_sst).items():
            archive.writestr(name, body)
        for index in range(9_000):
            archive.writestr(f"xl/media/image{index}.png", b"")

    # A huge shared-string table: a million distinct strings, with counts that claim two billion (never trusted).
    strings = "".join(f"<si><t>s{index}</t></si>" for index in range(1_000_000))
    package(p("huge-shared-strings.xlsx"), sheet(good_rows),
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="2147483647" uniqueCount="2147483647">'
            f"{strings}</sst>")

    # The last cell of the grid (legal), and a row beyond it.
    package(p("last-cell.xlsx"), sheet(good_rows + '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'), good_sst)
    package(p("row-beyond-grid.xlsx"), sheet('<row r="1048577"><c r="A1048577"><v>1</v></c></row>'), good_sst)

    # Deep nesting: 100,000 nested elements in the worksheet and in a shared string.
    depth = 100_000
    package(p("deep-nesting.xlsx"), f'<?xml version="1.0"?><worksheet xmlns="{NS}"><sheetData>{good_rows}'
            f'</sheetData><extLst>{"<ext>" * depth}{"</ext>" * depth}</extLst></worksheet>', good_sst)
    package(p("deep-nesting-strings.xlsx"), sheet(good_rows),
            f'<?xml version="1.0"?><sst xmlns="{NS}"><si>{"<r>" * depth}<t>x</t>{"</r>" * depth}</si></sst>')

    # More broken zips: cut inside the first entry, cut inside the central directory, a damaged end record,
    # and a changed digit whose checksum no longer matches (the reader must not report 98.5).
    with open(p("good.xlsx"), "rb") as handle:
        data = handle.read()
    with open(p("truncated-early.xlsx"), "wb") as handle:
        handle.write(data[:100])
    central = data.rfind(b"PK\x01\x02")
    with open(p("truncated-central-directory.xlsx"), "wb") as handle:
        handle.write(data[: central + 20])
    damaged = bytearray(data)
    end = damaged.rfind(b"PK\x05\x06")
    struct.pack_into("<I", damaged, end + 16, len(damaged) * 3)  # central directory offset beyond the file
    with open(p("corrupt-central-directory.xlsx"), "wb") as handle:
        handle.write(bytes(damaged))
    stored_package(p("checksum-mismatch.xlsx"), standard_parts(sheet(good_rows), good_sst))
    changed = open(p("checksum-mismatch.xlsx"), "rb").read().replace(b"<v>93.5</v>", b"<v>98.5</v>")
    open(p("checksum-mismatch.xlsx"), "wb").write(changed)

    # More wrong formats renamed to .xlsx.
    open(p("pdf.xlsx"), "wb").write(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    import gzip
    open(p("gzip.xlsx"), "wb").write(gzip.compress(("指标,数值\n" + SECRET + ",93.5\n").encode(), mtime=0))
    open(p("utf16-csv.xlsx"), "wb").write(("\ufeff指标\t数值\n" + SECRET + "\t93.5\n").encode("utf-16-le"))
    open(p("png.xlsx"), "wb").write(bytes.fromhex("89504E470D0A1A0A") + bytes(64))
    cfb(p("wps.et.xlsx"), ["Workbook", "WpsCustomData"])


if __name__ == "__main__":
    main(sys.argv[1])
