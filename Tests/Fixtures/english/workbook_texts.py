"""Prints the texts of a workbook that `nianjian dump` does not show, one JSON string per line.

Usage: workbook_texts.py FILE.xlsx

Cell notes (comments), chart titles, axis titles and series names, data-validation prompts and alerts, page
headers and footers, and every document property. Standard library only (zipfile + ElementTree).
Used by Tests/NianjianCLITests/EnglishTests.swift to check English workbooks for Chinese left behind.
"""

import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

VALIDATION_ATTRIBUTES = ("promptTitle", "prompt", "errorTitle", "error")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def texts(root, names):
    for element in root.iter():
        if local(element.tag) in names and element.text:
            yield element.text


def main():
    found = []
    with zipfile.ZipFile(sys.argv[1]) as archive:
        for name in sorted(archive.namelist()):
            if not name.endswith(".xml"):
                continue
            root = ET.fromstring(archive.read(name))
            if re.match(r"xl/comments\d*\.xml$", name):
                found += list(texts(root, {"t"}))
            elif name.startswith("xl/charts/chart"):
                found += list(texts(root, {"t", "v"}))
            elif name.startswith("xl/worksheets/sheet"):
                for element in root.iter():
                    tag = local(element.tag)
                    if tag == "dataValidation":
                        found += [element.get(key) for key in VALIDATION_ATTRIBUTES if element.get(key)]
                    elif tag in ("oddHeader", "oddFooter", "evenHeader", "evenFooter") and element.text:
                        found.append(element.text)
            elif name.startswith("docProps/"):
                found += [element.text for element in root.iter() if element.text and element.text.strip()]
    for text in found:
        print(json.dumps(text, ensure_ascii=False))


if __name__ == "__main__":
    main()
