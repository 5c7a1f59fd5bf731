#!/usr/bin/env python3
"""Describe a nianjian form workbook as JSON, as openpyxl sees it (used by the forms tests).

Usage: inspect_form.py FILE.xlsx

Prints: sheets with their state; custom document properties; for the form sheet: whether it is protected,
the header row and columns, and per indicator row the lock state of every cell, the number format and the data
validation of the 本年数值 cell; the sign-off input cells; print setup; comments and fills when present.
"""
import json
import sys

import openpyxl

FORM_SHEETS = ("监测数据", "Monitoring data")


def validation_at(ws, coordinate):
    for dv in ws.data_validations.dataValidation:
        if coordinate in dv.sqref:
            return {"type": dv.type, "operator": dv.operator, "formula1": dv.formula1, "formula2": dv.formula2,
                    "errorStyle": dv.errorStyle, "prompt": dv.prompt, "error": dv.error,
                    "allowBlank": dv.allow_blank}
    return None


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    out = {"sheets": [{"name": ws.title, "state": ws.sheet_state} for ws in wb.worksheets]}
    out["custom"] = {p.name: p.value for p in wb.custom_doc_props.props}
    out["structure_locked"] = bool(wb.security and wb.security.lockStructure)
    name = next((n for n in FORM_SHEETS if n in wb.sheetnames), None)
    ws = wb[name]
    header_row = None
    columns = {}
    for row in ws.iter_rows():
        labels = [str(c.value or "") for c in row]
        if any(l.startswith("指标代码") or l == "Indicator code" for l in labels):
            header_row = row[0].row
            for c in row:
                if c.value:
                    columns[str(c.value)] = c.column_letter
            break
    code_col = next(v for k, v in columns.items() if k.startswith("指标代码") or k == "Indicator code")
    rows = []
    for r in range(header_row + 1, ws.max_row + 1):
        code = ws[f"{code_col}{r}"].value
        if not isinstance(code, str) or "-" not in code:
            continue
        cells = {}
        for label, letter in columns.items():
            c = ws[f"{letter}{r}"]
            cells[label] = {"locked": c.protection.locked, "number_format": c.number_format,
                            "value": c.value if not hasattr(c.value, "isoformat") else c.value.isoformat(),
                            "fill": (c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None),
                            "comment": c.comment.text if c.comment else None,
                            "validation": validation_at(ws, c.coordinate)}
        rows.append({"code": code, "row": r, "cells": cells})
    unlocked_elsewhere = []
    for row in ws.iter_rows(min_row=1, max_row=header_row):
        for c in row:
            if c.protection.locked is False:
                unlocked_elsewhere.append(c.coordinate)
    footer = []
    for row in ws.iter_rows(min_row=header_row + 1):
        for c in row:
            if c.protection.locked is False and c.column_letter not in columns.values():
                footer.append(c.coordinate)
            elif c.protection.locked is False:
                code = ws[f"{code_col}{c.row}"].value
                if not (isinstance(code, str) and "-" in code):
                    footer.append(c.coordinate)
    ps = ws.page_setup
    out["form"] = {
        "name": name, "protected": bool(ws.protection.sheet), "header_row": header_row, "columns": columns,
        "rows": rows, "unlocked_above_header": unlocked_elsewhere, "footer_inputs": footer,
        "print": {"orientation": ps.orientation, "paper": ps.paperSize, "fit_width": ps.fitToWidth,
                   "fit_height": ps.fitToHeight, "fit": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
                   "title_rows": ws.print_title_rows},
    }
    if "nianjian_meta" in wb.sheetnames:
        meta = wb["nianjian_meta"]
        out["metadata"] = {str(r[0].value): r[1].value for r in meta.iter_rows(max_col=2) if r[0].value}
    for other in ("审核结果", "Review"):
        if other in wb.sheetnames:
            s = wb[other]
            out["review"] = {"name": other, "index": wb.sheetnames.index(other),
                             "cells": [[c.coordinate, c.value] for row in s.iter_rows() for c in row if c.value is not None],
                             "links": [[c.coordinate, c.hyperlink.location] for row in s.iter_rows() for c in row if c.hyperlink]}
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
