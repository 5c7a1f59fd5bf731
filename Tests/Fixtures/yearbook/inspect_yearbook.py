"""Reads a yearbook with openpyxl and prints what the Swift tests compare, as JSON.

Usage: python3 inspect_yearbook.py YEARBOOK.xlsx

Output: {"sheets": [{"name", "state", "charts": [{"title", "series": [{"values", "categories"}]}],
"cells": {"A1": value}, "formats": {"A1": number_format}, "fills": {"A1": "RRGGBB"},
"comments": {"A1": text}, "links": {"A1": location}}]}. Numbers are written with repr(), so they read
back bit for bit.
"""
import json
import sys

import openpyxl


def chart_title(chart):
    try:
        runs = chart.title.tx.rich.p[0].r
        return "".join(run.t for run in runs)
    except AttributeError:
        return None


def reference(ref):
    if ref is None:
        return None
    if ref.numRef is not None:
        return ref.numRef.f
    if ref.strRef is not None:
        return ref.strRef.f
    return None


def main(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        cells, formats, fills, comments, links = {}, {}, {}, {}, {}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells[cell.coordinate] = cell.value
                    if cell.number_format != "General":
                        formats[cell.coordinate] = cell.number_format
                    if cell.fill is not None and cell.fill.fill_type == "solid":
                        fills[cell.coordinate] = str(cell.fill.fgColor.rgb)[-6:]
                if cell.comment is not None:
                    comments[cell.coordinate] = cell.comment.text
                if cell.hyperlink is not None:
                    links[cell.coordinate] = cell.hyperlink.location or cell.hyperlink.target
        charts = []
        for chart in sheet._charts:
            series = [
                {"values": reference(s.val), "categories": reference(s.cat)} for s in chart.series
            ]
            charts.append({"title": chart_title(chart), "series": series})
        sheets.append(
            {
                "name": sheet.title,
                "state": sheet.sheet_state,
                "charts": charts,
                "cells": cells,
                "formats": formats,
                "fills": fills,
                "comments": comments,
                "links": links,
            }
        )
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
