#!/usr/bin/env python3
"""Builds the seed corpus of each fuzz target under Fuzz/.build/seeds/<target> (ignored by git), from the
repository's fixtures and, when present, ../shared/peer-fixtures. Peer files are read in place (symlinked or
unpacked at run time), never copied into the repository.

  FuzzZip               symlinks to every workbook of Tests/Fixtures/**, Samples/** and the peer fixtures, up to
                        --max-bytes each, so libFuzzer mutates small packages quickly.
  FuzzSheetXML          every worksheet part of those workbooks (raw XML).
  FuzzSharedStrings     every shared-string table of those workbooks (raw XML).
  FuzzStyles            selector byte 0 + every styles part; selector byte 1 + every number-format code found in
                        them and the built-in codes (see Sources/FuzzStyles/FuzzStyles.swift).
  FuzzTargetExpression  every `expression:` of Templates/*/ and Tests/Fixtures/schema/**, plus hand-written cases.
  FuzzSchema            every YAML file of Templates/*/ and Tests/Fixtures/schema/*/, prefixed with its selector
                        byte (0 departments, 1 women, 2 children; see Sources/FuzzSchema/FuzzSchema.swift).
  FuzzReturn            each return of Samples/<year>/ as plain-text parts (Sources/FuzzSupport/PartsContainer.swift),
                        whole and cut to its first rows, theme and app properties left out.
  FuzzXLSXReaderParts   every XML part the parts target can replace, prefixed with its selector byte
                        (see Sources/FuzzSupport/MinimalPackage.swift).

Usage: python3 scripts/make_seeds.py [--max-bytes 131072] [--target TARGET]
(without --target every corpus is rebuilt; run.sh rebuilds only its own).
"""
import argparse
import hashlib
import html
import os
import re
import zipfile

FUZZ = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(FUZZ)
SEEDS = os.path.join(FUZZ, ".build", "seeds")
PEERS = os.path.join(os.path.dirname(ROOT), "shared", "peer-fixtures")
TARGETS = ["FuzzZip", "FuzzSheetXML", "FuzzSharedStrings", "FuzzStyles", "FuzzTargetExpression", "FuzzSchema",
           "FuzzReturn", "FuzzXLSXReaderParts"]

# Selector byte -> how to recognise that part in a real package (lower-cased name), for FuzzXLSXReaderParts.
PARTS = [
    (0, lambda n: n.startswith("xl/worksheets/") and n.endswith(".xml") and "_rels" not in n),
    (1, lambda n: n.endswith("sharedstrings.xml")),
    (2, lambda n: n.endswith("styles.xml") and n.startswith("xl/")),
    (3, lambda n: n.endswith("workbook.xml")),
    (4, lambda n: n.endswith("workbook.xml.rels")),
    (5, lambda n: n == "[content_types].xml"),
    (6, lambda n: n == "docprops/core.xml"),
    (7, lambda n: n == "docprops/custom.xml"),
]
MAX_PART_BYTES = 64 * 1024
# Codes Excel knows by id (a sample) and a few that are hard to classify.
EXTRA_FORMATS = ["General", "0", "0.00", "#,##0", "0%", "0.00%", "0.00E+00", "# ?/?", "m/d/yyyy", "d-mmm-yy",
                 "h:mm AM/PM", "h:mm:ss", "[h]:mm:ss", "mm:ss.0", "@", "yyyy\"年\"m\"月\"d\"日\"", "[DBNum1][$-804]General",
                 "[$-804]aaaa", "上午/下午h\"时\"mm\"分\"", "ge.m.d", "[Red]-0.00;0.00", "0.00;[Red]-0.00;\"-\";@"]
EXTRA_EXPRESSIONS = ["<= 9", "< 7", ">= 93", "> 0", "= 100", "≈ 46", "≈ 46 ± 1", "103..107", "eliminate",
                     "increase", "decrease yearly", "decrease 20% from 2020", "increase 5 points from 2020",
                     "decrease 1 point yearly from 2020", "maintain", "maintain >= 95", "qualitative", "≤ 9", "≥93"]


def reset(target):
    folder = os.path.join(SEEDS, target)
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    return folder


def save(folder, data):
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as seed:
        seed.write(data)


def workbooks(max_bytes):
    for folder in (os.path.join(ROOT, "Tests", "Fixtures"), os.path.join(ROOT, "Samples"), PEERS):
        for directory, _, files in sorted(os.walk(folder)):
            for name in sorted(files):
                if name.lower().endswith((".xlsx", ".xlsm")):
                    path = os.path.join(directory, name)
                    if os.path.getsize(path) <= max_bytes:
                        yield path


def parts(path):
    """(lower-cased name, bytes) of every small entry of a workbook; nothing for a broken or hostile one."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.file_size <= MAX_PART_BYTES:
                    yield info.filename.lower(), archive.read(info)
    except Exception:  # broken, encrypted or hostile seeds are still whole-file seeds
        return


def yaml_files():
    for root in (os.path.join(ROOT, "Templates"), os.path.join(ROOT, "Tests", "Fixtures", "schema")):
        for directory, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith((".yaml", ".yml")):
                    yield os.path.join(directory, name)


def make_workbook_seeds(target, max_bytes):
    folder = reset(target)
    for path in workbooks(max_bytes):
        if target == "FuzzZip":
            digest = hashlib.sha1(path.encode()).hexdigest()[:12]
            os.symlink(path, os.path.join(folder, digest + "-" + os.path.basename(path)))
            continue
        for name, data in parts(path):
            if target == "FuzzSheetXML" and PARTS[0][1](name):
                save(folder, data)
            elif target == "FuzzSharedStrings" and PARTS[1][1](name):
                save(folder, data)
            elif target == "FuzzStyles" and PARTS[2][1](name):
                save(folder, b"\x00" + data)
                for code in re.findall(rb'formatCode="([^"]*)"', data):
                    save(folder, b"\x01" + html.unescape(code.decode("utf-8", "replace")).encode())
            elif target == "FuzzXLSXReaderParts":
                for selector, matches in PARTS:
                    if matches(name):
                        save(folder, bytes([selector]) + data)
                        break
    if target == "FuzzStyles":
        for code in EXTRA_FORMATS:
            save(folder, b"\x01" + code.encode())


def make_schema_seeds():
    folder = reset("FuzzSchema")
    selectors = {"departments": 0, "women": 1, "children": 2}
    for path in yaml_files():
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, "rb") as source:
            save(folder, bytes([selectors.get(stem, 1)]) + source.read())


def make_expression_seeds():
    folder = reset("FuzzTargetExpression")
    for path in yaml_files():
        with open(path, encoding="utf-8", errors="replace") as source:
            for match in re.finditer(r"^\s*-?\s*expression:\s*(.+?)\s*$", source.read(), re.M):
                save(folder, match.group(1).strip().strip("\"'").encode())
    for expression in EXTRA_EXPRESSIONS:
        save(folder, expression.encode())


def cut_rows(xml, keep):
    """The worksheet with only its first `keep` rows (a smaller seed that still has the header and some values)."""
    rows = list(re.finditer(rb"<row[ >].*?</row>", xml, re.S))
    if len(rows) <= keep:
        return xml
    return xml[:rows[keep].start()] + xml[rows[-1].end():]


def make_return_seeds():
    folder = reset("FuzzReturn")
    for directory, _, files in sorted(os.walk(os.path.join(ROOT, "Samples"))):
        for name in sorted(files):
            if not name.endswith(".xlsx"):
                continue
            with zipfile.ZipFile(os.path.join(directory, name)) as archive:
                entries = [(info.filename, archive.read(info)) for info in archive.infolist()
                           if not info.filename.startswith(("xl/theme/", "docProps/app.xml"))]
            for keep in (None, 24):
                records = []
                for part, data in entries:
                    if keep and part.startswith("xl/worksheets/sheet"):
                        data = cut_rows(data, keep)
                    records.append(b"==> " + part.encode() + b"\n" + data)
                save(folder, b"\n".join(records))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-bytes", type=int, default=128 * 1024)
    parser.add_argument("--target", choices=TARGETS)
    args = parser.parse_args()
    for target in [args.target] if args.target else TARGETS:
        if target == "FuzzSchema":
            make_schema_seeds()
        elif target == "FuzzTargetExpression":
            make_expression_seeds()
        elif target == "FuzzReturn":
            make_return_seeds()
        else:
            make_workbook_seeds(target, args.max_bytes)
        folder = os.path.join(SEEDS, target)
        print(f"{target}: {len(os.listdir(folder))} seeds in {folder}")


if __name__ == "__main__":
    main()
