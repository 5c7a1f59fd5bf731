#!/usr/bin/env python3
"""Builds the seed corpora for the two fuzz targets, under Fuzz/.build/seeds (ignored by git).

  FuzzXLSXReader       symlinks to every committed fixture workbook (Tests/Fixtures/reader/**, writer/**) and,
                       when ../shared/peer-fixtures is present, to the peer workbooks; all read in place,
                       never copied into the repository. Only files up to --max-bytes are linked, so libFuzzer
                       mutates small packages quickly.
  FuzzXLSXReaderParts  for each of those workbooks, every XML part the parts target can replace, prefixed with
                       its selector byte (see Sources/FuzzSupport/MinimalPackage.swift), deduplicated.
  FuzzSchema           every YAML file of Templates/*/ and Tests/Fixtures/schema/*/, prefixed with its selector
                       byte (0 departments, 1 women, 2 children; see Sources/FuzzSchema/FuzzSchema.swift).

Usage: python3 scripts/make_seeds.py [--max-bytes 131072] [--target FuzzXLSXReader|FuzzXLSXReaderParts|FuzzSchema]
(without --target every corpus is rebuilt; run.sh rebuilds only its own, so two targets can start together).
"""
import argparse
import hashlib
import os
import zipfile

FUZZ = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(FUZZ)
SEEDS = os.path.join(FUZZ, ".build", "seeds")

# Selector byte -> how to recognise that part in a real package (lower-cased name).
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


def workbooks(max_bytes):
    folders = [
        os.path.join(ROOT, "Tests", "Fixtures", "reader"),
        os.path.join(ROOT, "Tests", "Fixtures", "writer"),
        os.path.join(os.path.dirname(ROOT), "shared", "peer-fixtures"),
    ]
    for folder in folders:
        for directory, _, files in os.walk(folder):
            for name in sorted(files):
                if name.lower().endswith((".xlsx", ".xlsm")):
                    path = os.path.join(directory, name)
                    if os.path.getsize(path) <= max_bytes:
                        yield path


def make_schema_seeds():
    folder = os.path.join(SEEDS, "FuzzSchema")
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    selectors = {"departments": 0, "women": 1, "children": 2}
    roots = [os.path.join(ROOT, "Templates"), os.path.join(ROOT, "Tests", "Fixtures", "schema")]
    for root in roots:
        for directory, _, files in os.walk(root):
            for name in sorted(files):
                stem, extension = os.path.splitext(name)
                if extension not in (".yaml", ".yml"):
                    continue
                with open(os.path.join(directory, name), "rb") as source:
                    data = bytes([selectors.get(stem, 1)]) + source.read()
                with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as seed:
                    seed.write(data)
    print(f"{len(os.listdir(folder))} YAML seeds in {folder}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-bytes", type=int, default=128 * 1024)
    parser.add_argument("--target", choices=["FuzzXLSXReader", "FuzzXLSXReaderParts", "FuzzSchema"])
    args = parser.parse_args()
    if args.target in (None, "FuzzSchema"):
        make_schema_seeds()
        if args.target == "FuzzSchema":
            return
    whole = os.path.join(SEEDS, "FuzzXLSXReader") if args.target in (None, "FuzzXLSXReader") else None
    parts = os.path.join(SEEDS, "FuzzXLSXReaderParts") if args.target in (None, "FuzzXLSXReaderParts") else None
    for folder in (whole, parts):
        if folder is None:
            continue
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
    linked = extracted = 0
    for path in workbooks(args.max_bytes):
        linked += 1
        if whole:
            digest = hashlib.sha1(path.encode()).hexdigest()[:12]
            os.symlink(path, os.path.join(whole, digest + "-" + os.path.basename(path)))
        if not parts:
            continue
        try:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    name = info.filename.lower()
                    if info.file_size > MAX_PART_BYTES:
                        continue
                    for selector, matches in PARTS:
                        if matches(name):
                            data = bytes([selector]) + archive.read(info)
                            key = hashlib.sha1(data).hexdigest()
                            with open(os.path.join(parts, key), "wb") as seed:
                                seed.write(data)
                            extracted += 1
                            break
        except Exception:  # broken, encrypted or hostile seeds are still whole-file seeds
            pass
    if whole:
        print(f"{linked} workbooks linked into {whole}")
    if parts:
        print(f"{len(os.listdir(parts))} distinct parts ({extracted} extracted) from {linked} workbooks in {parts}")


if __name__ == "__main__":
    main()
