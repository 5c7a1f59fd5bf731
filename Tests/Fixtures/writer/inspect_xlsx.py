#!/usr/bin/env python3
"""Print what an .xlsx file holds as JSON, for the XLSXWriter tests.

Usage: inspect_xlsx.py FILE.xlsx

Reads the file twice: with openpyxl 3.1.5 (values, styles, merges, validations, notes, names,
properties, print settings), and as raw XML from the zip (the exact `<v>` text of every cell,
`<sheetProtection>` / `<workbookProtection>` attributes, sheet states, and chart parts), so tests
can assert exact outcomes without trusting one reader's interpretation.
"""
import datetime
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, float) and value != value:
        return "NaN"
    return value


def color(c):
    if c is None or c.rgb is None or not isinstance(c.rgb, str):
        return None
    return c.rgb


def sheet_parts(archive):
    """Map sheet name -> part path via workbook.xml and its relationships."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_REL + "Relationship")}
    parts = {}
    states = {}
    for sheet in workbook.iter(MAIN + "sheet"):
        target = targets[sheet.get(REL + "id")]
        parts[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        states[sheet.get("name")] = sheet.get("state", "visible")
    protection = workbook.find(MAIN + "workbookProtection")
    return parts, states, (dict(protection.attrib) if protection is not None else None)


def raw_cells(xml_bytes):
    root = ET.fromstring(xml_bytes)
    cells = {}
    for c in root.iter(MAIN + "c"):
        entry = {}
        if c.get("t"):
            entry["t"] = c.get("t")
        v = c.find(MAIN + "v")
        if v is not None:
            entry["v"] = v.text or ""
        f = c.find(MAIN + "f")
        if f is not None:
            entry["f"] = f.text or ""
        cells[c.get("r")] = entry
    protection = root.find(MAIN + "sheetProtection")
    cols = [dict(col.attrib) for col in root.iter(MAIN + "col")]
    return cells, (dict(protection.attrib) if protection is not None else None), cols


def chart_summary(xml_text):
    types = re.findall(r"<c:(lineChart|barChart|pieChart|areaChart|scatterChart)>", xml_text)
    bar_dirs = re.findall(r'<c:barDir val="(\w+)"/>', xml_text)
    return {
        "types": types,
        "barDirections": bar_dirs,
        "series": xml_text.count("<c:ser>"),
        "texts": re.findall(r"<a:t>([^<]*)</a:t>", xml_text),
        "refs": re.findall(r"<c:f>([^<]*)</c:f>", xml_text),
        "markers": re.findall(r'<c:symbol val="(\w+)"/>', xml_text),
        "legend": re.findall(r'<c:legendPos val="(\w+)"/>', xml_text),
        "hasLegend": "<c:legend>" in xml_text,
        "cachedValues": re.findall(r"<c:v>([^<]*)</c:v>", xml_text),
    }


def main(path):
    archive = zipfile.ZipFile(path)
    parts, states, workbook_protection = sheet_parts(archive)
    book = openpyxl.load_workbook(path)
    result = {
        "sheetNames": book.sheetnames,
        "activeSheet": book.active.title if book.active is not None else None,
        "workbookProtection": workbook_protection,
        "definedNames": {},
        "customProperties": {},
        "properties": {},
        "charts": [],
        "parts": sorted(archive.namelist()),
        "sheets": {},
    }
    for name, defined in book.defined_names.items():
        result["definedNames"][name] = defined.attr_text
    for prop in book.custom_doc_props.props:
        result["customProperties"][prop.name] = {"type": type(prop).__name__, "value": plain(prop.value)}
    props = book.properties
    for key in ("title", "subject", "creator", "keywords", "description", "category", "created", "modified"):
        result["properties"][key] = plain(getattr(props, key))
    app = archive.read("docProps/app.xml").decode("utf-8")
    for key in ("Company", "Manager"):
        m = re.search(r"<%s>([^<]*)</%s>" % (key, key), app)
        result["properties"][key.lower()] = m.group(1) if m else None
    for part in sorted(n for n in archive.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)):
        result["charts"].append(chart_summary(archive.read(part).decode("utf-8")))

    for ws in book.worksheets:
        raw, protection, cols = raw_cells(archive.read(parts[ws.title]))
        sheet = {
            "state": states[ws.title],
            "cells": {},
            "raw": raw,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": [],
            "protection": protection,
            "comments": {},
            "hyperlinks": {},
            "freeze": ws.freeze_panes,
            "columns": {},
            "cols": cols,
            "rows": {},
            "print": {},
            "localNames": {n: d.attr_text for n, d in ws.defined_names.items()},
            "charts": len(ws._charts),
        }
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                font = cell.font
                entry = {
                    "value": plain(cell.value),
                    "type": cell.data_type,
                    "numberFormat": cell.number_format,
                    "locked": cell.protection.locked,
                    "hidden": cell.protection.hidden,
                    "bold": bool(font.b),
                    "italic": bool(font.i),
                    "fontName": font.name,
                    "fontSize": font.sz,
                    "fontColor": color(font.color),
                    "fill": color(cell.fill.fgColor) if cell.fill.fill_type == "solid" else None,
                    "border": [cell.border.left.style, cell.border.right.style, cell.border.top.style,
                               cell.border.bottom.style],
                    "horizontal": cell.alignment.horizontal,
                    "vertical": cell.alignment.vertical,
                    "wrap": bool(cell.alignment.wrap_text),
                }
                sheet["cells"][cell.coordinate] = entry
                if cell.comment is not None:
                    sheet["comments"][cell.coordinate] = {"text": cell.comment.text, "author": cell.comment.author}
                if cell.hyperlink is not None:
                    sheet["hyperlinks"][cell.coordinate] = {
                        "target": cell.hyperlink.target, "location": cell.hyperlink.location,
                        "tooltip": cell.hyperlink.tooltip}
        for dv in ws.data_validations.dataValidation:
            sheet["validations"].append({
                "sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator,
                "formula1": dv.formula1, "formula2": dv.formula2,
                "allowBlank": bool(dv.allow_blank), "showDropDown": bool(dv.showDropDown),
                "promptTitle": dv.promptTitle, "prompt": dv.prompt,
                "errorTitle": dv.errorTitle, "error": dv.error, "errorStyle": dv.errorStyle,
                "showInputMessage": bool(dv.showInputMessage), "showErrorMessage": bool(dv.showErrorMessage),
            })
        for key, dim in ws.column_dimensions.items():
            sheet["columns"][key] = {"width": dim.width, "hidden": bool(dim.hidden)}
        for key, dim in ws.row_dimensions.items():
            if dim.height is not None or dim.hidden:
                sheet["rows"][str(key)] = {"height": dim.ht, "hidden": bool(dim.hidden)}
        setup = ws.page_setup
        margins = ws.page_margins
        sheet["print"] = {
            "orientation": setup.orientation, "paperSize": setup.paperSize,
            "fitToWidth": setup.fitToWidth, "fitToHeight": setup.fitToHeight,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr.fitToPage) if ws.sheet_properties.pageSetUpPr else False,
            "printTitleRows": ws.print_title_rows, "printTitleCols": ws.print_title_cols,
            "printArea": ws.print_area,
            "margins": [margins.left, margins.right, margins.top, margins.bottom],
            "header": ws.oddHeader.center.text if ws.oddHeader.center.text else None,
            "headerLeft": ws.oddHeader.left.text, "footer": ws.oddFooter.center.text,
            "horizontalCentered": bool(ws.print_options.horizontalCentered),
        }
        result["sheets"][ws.title] = sheet
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
