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


if __name__ == "__main__":
    main(sys.argv[1])
