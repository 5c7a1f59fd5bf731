#!/usr/bin/env python3
"""Compares `nianjian dump --format jsonl` output with an independent reader (openpyxl or python-calamine),
cell by cell.

usage: compare_reader.py openpyxl|calamine WORKBOOK.xlsx DUMP.jsonl
Prints one line per disagreement and exits 1 if there is any. Rules: numbers must be the same double; strings
the same text; dates the same ISO text (datetimes formatted the way nianjian formats them); error values equal
to the other reader's error strings; formulas with no cached value (None on the other side) must be
"uncalculated" in the dump; an empty string may be absent on the other side (calamine cannot tell "" from blank).
Known openpyxl gaps, accepted and counted: it does not decode `_xHHHH_` escapes, does not know the zh-CN
built-in date formats 27-36 and 50-58 (gives the serial number), and (like calamine) shows serial 0 with a date format as 00:00; python-calamine gives formula error results as
empty cells.
"""
import datetime
import json
import sys

import re


def iso(value):
    if isinstance(value, datetime.datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.date().isoformat()
        text = value.strftime("%Y-%m-%dT%H:%M:%S")
        if value.microsecond:
            text += ".%03d" % round(value.microsecond / 1000)
        return text
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M:%S")
    return None


def expected(value):
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", float(value))
    if isinstance(value, datetime.timedelta):
        return ("number", value.total_seconds() / 86400)
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return ("date", iso(value))
    return ("string", value)


def column_name(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def read_openpyxl(path):
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    cells = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells[(ws.title, cell.coordinate)] = expected(cell.value)
    return cells, wb.epoch


def read_calamine(path):
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_path(path)
    cells = {}
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        top, left = sheet.start or (0, 0)
        for r, row in enumerate(sheet.to_python(skip_empty_area=False)):
            for c, value in enumerate(row):
                if value is None or value == "":
                    continue
                cells[(name, f"{column_name(c)}{r + 1}")] = expected(value)
    return cells, None


def unescape(text):
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def main(reader, workbook_path, dump_path):
    theirs, epoch = read_openpyxl(workbook_path) if reader == "openpyxl" else read_calamine(workbook_path)
    known = 0
    ours = {}
    with open(dump_path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            ours[(record["sheet"], record["cell"])] = (record["type"], record["value"])
    problems = []
    for key in sorted(set(theirs) | set(ours)):
        mine, other = ours.get(key), theirs.get(key)
        if mine == other:
            continue
        if other is None and mine is not None and (mine[0] == "uncalculated" or mine == ("string", "")):
            continue
        if mine and other and mine[0] == "number" and other[0] == "number" and float(mine[1]) == other[1]:
            continue
        if mine and other and mine[0] == "error" and other == ("string", mine[1]):
            continue
        if reader == "calamine" and mine and mine[0] == "error" and other is None:
            known += 1  # python-calamine gives formula error results as empty cells
            continue
        if mine and other and mine[0] == "date" and other == ("date", "00:00:00") and mine[1] in (
                "1899-12-31", "1904-01-01"):
            known += 1  # serial 0 with a date format: both readers show only the time
            continue
        if reader == "openpyxl" and mine and other:
            if mine[0] == "string" and other[0] == "string" and unescape(other[1]) == mine[1]:
                known += 1
                continue
            if mine[0] == "date" and other[0] == "number":
                from openpyxl.utils.datetime import from_excel

                if iso(from_excel(other[1], epoch)) == mine[1]:
                    known += 1
                    continue
        problems.append(f"{key[0]}!{key[1]}: nianjian {mine} {reader} {other}")
    for problem in problems:
        print(problem)
    print(f"{len(ours)} cells compared with {reader}, {known} known differences, {len(problems)} disagreements",
          file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
