#!/usr/bin/env python3
"""Fills a nianjian blank template with given values, as a department would type them in Excel (openpyxl).

usage: fill_values.py TEMPLATE.xlsx OUT.xlsx VALUES.json

VALUES.json maps indicator codes to what is typed in 本年数值: {"kind": "number", "text": "93.47"} becomes a
number cell holding float("93.47") (Excel keeps the shortest text that reads back the same double); {"kind":
"text", "text": "—"} a text cell; {"kind": "blank"} leaves the cell empty. Codes not on the form are skipped;
the codes filled are printed as a JSON list. A 情况说明 is written beside every text, and the sign-off lines are
filled.
"""
import json
import os
import sys

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "forms"))
from fill_template import FOOTER, FORM_SHEETS, find_header  # noqa: E402


def main(source, target, values_path):
    with open(values_path, encoding="utf-8") as handle:
        values = json.load(handle)
    wb = openpyxl.load_workbook(source)
    ws = next(wb[name] for name in FORM_SHEETS if name in wb.sheetnames)
    header_row, col = find_header(ws)
    seen = set()
    for r in range(header_row + 1, ws.max_row + 1):
        code = ws.cell(r, col["指标代码"]).value
        if code not in values:
            continue
        seen.add(code)
        value = values[code]
        cell = ws.cell(r, col["本年数值"])
        if value["kind"] == "number":
            cell.value = float(value["text"])
        elif value["kind"] == "text":
            cell.value = value["text"]
            if "情况说明" in col:
                ws.cell(r, col["情况说明"]).value = "本年无法取得该数据"
        if "数据来源" in col:
            ws.cell(r, col["数据来源"]).value = "部门年报"
    for row in ws.iter_rows(min_row=header_row + 1):
        for c in row:
            label = str(c.value or "").rstrip("：:")
            if label in FOOTER:
                # the input cell is the first cell right of the (possibly merged) label
                column = c.column + 1
                for merged in ws.merged_cells.ranges:
                    if c.coordinate in merged:
                        column = merged.max_col + 1
                ws.cell(c.row, column).value = FOOTER[label]
    wb.save(target)
    json.dump(sorted(seen), sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:4])
