"""Fills a nianjian template (Chinese or English labels) the way a department does, with openpyxl.

Usage: fill_return.py TEMPLATE.xlsx OUT.xlsx VALUES.json

VALUES.json: {"values": {"CODE": 93.5 | "text", ...}, "explanations": {"CODE": "text", ...}}
The form sheet is found by its header row (指标代码 / Indicator code and 本年数值 / Value this year), never by
position, so the same values land in the same cells of either language's template.
Used by Tests/NianjianCLITests/EnglishTests.swift.
"""

import json
import sys

import openpyxl

CODE = ("指标代码", "indicatorcode")
CURRENT = ("本年数值", "valuethisyear")
EXPLANATION = ("情况说明", "explanation")


def normalized(value):
    return "".join(str(value).split()).lower() if isinstance(value, str) else ""


def find_header(sheet):
    for row in sheet.iter_rows(min_row=1, max_row=60):
        columns = {}
        for cell in row:
            text = normalized(cell.value)
            for key, labels in (("code", CODE), ("current", CURRENT), ("explanation", EXPLANATION)):
                if key not in columns and any(text.startswith(label) for label in labels):
                    columns[key] = cell.column
        if "code" in columns and "current" in columns:
            return row[0].row, columns
    return None


def main():
    template, out, spec_path = sys.argv[1:4]
    with open(spec_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    book = openpyxl.load_workbook(template)
    for sheet in book.worksheets:
        found = find_header(sheet)
        if not found:
            continue
        header_row, columns = found
        for row in range(header_row + 1, sheet.max_row + 1):
            code = sheet.cell(row=row, column=columns["code"]).value
            if not isinstance(code, str):
                continue
            if code in spec["values"]:
                sheet.cell(row=row, column=columns["current"]).value = spec["values"][code]
            if code in spec.get("explanations", {}) and "explanation" in columns:
                sheet.cell(row=row, column=columns["explanation"]).value = spec["explanations"][code]
        break
    book.save(out)


if __name__ == "__main__":
    main()
