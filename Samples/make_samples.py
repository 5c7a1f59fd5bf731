#!/usr/bin/env python3
"""Make the demo returns in Samples/ (synthetic data, for demonstration only).

Usage (from the package root, after `swift build`):
    python3 Samples/make_samples.py [path/to/nianjian]

1. `nianjian schema export` gives the indicators of Templates/guandu;
2. `Samples/history/guandu_2021-2024.csv` gets a plausible series for every numeric indicator (the format
   `nianjian import` takes for history: 指标代码, 年份, 数值);
3. `nianjian template --year 2025` writes the blank returns, and this script fills them with openpyxl as a
   department would: numbers, "—" for no data, 情况说明 for big changes, the footer — with a few typical
   mistakes in some returns so that `make demo` shows what validation finds.

The numbers are invented (deterministic, seeded): they are not statistics of 官渡区.
"""
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "Templates", "guandu")
YEAR = 2025
HISTORY_YEARS = range(2021, YEAR)
# Departments whose returns are in the demo (the others show as "not yet received").
DEPARTMENTS = ["health", "education", "civil_affairs", "women_federation", "hrss", "public_security"]


def series_for(indicator, rng):
    """A plausible value for every year 2021..YEAR, moving towards the target."""
    unit = indicator["unit"]
    low, high = indicator["range"]
    decimals = indicator["decimals"]
    target = next((t for t in indicator["targets"]), None)
    expression = target["expression"] if target else ""
    number = None
    for token in expression.replace("%", " ").split():
        try:
            number = float(token)
            break
        except ValueError:
            pass
    if indicator["baseline"]:
        start = indicator["baseline"]["value"]
    elif number is not None:
        if expression.startswith(("<", "≤")):
            start = number * 1.25
        elif expression.startswith((">", "≥", "maintain")):
            start = number * 0.96
        else:
            start = number
    elif unit == "%":
        start = rng.uniform(60, 95)
    elif unit == "岁":  # life expectancy; healthy life expectancy is some nine years less (rule W-R-01)
        start = rng.uniform(78, 84) - (9 if "健康预期寿命" in indicator["name"] else 0)
    elif unit == "年":  # years of schooling
        start = rng.uniform(9.5, 12.5)
    elif unit in ("元", "万元"):
        start = rng.uniform(800, 5000)
    elif decimals == 0:  # counts: institutions, staff, events
        start = rng.uniform(3, 60)
    else:
        start = rng.uniform(5, 80)
    direction = {"higher": 1, "lower": -1}.get(indicator["direction"], 0)
    values = {}
    value = start
    for year in range(2020, YEAR + 1):
        if year > 2020:
            value = value * (1 + direction * rng.uniform(0.002, 0.02)) + rng.uniform(-0.003, 0.003) * value
        if low is not None:
            value = max(low, value)
        if high is not None:
            value = min(high, value)
        if unit in ("%",):
            value = min(value, 99.9)
        values[year] = round(value, decimals)
        if decimals == 0:
            values[year] = int(values[year])
    return values


def main():
    nianjian = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "nianjian")
    export = subprocess.run(
        [nianjian, "schema", "export", "--schema", SCHEMA, "--format", "json"], check=True, capture_output=True
    )
    schema = json.loads(export.stdout)
    rng = random.Random(20251231)
    indicators = [i for p in schema["plans"] for i in p["indicators"] if i["unit"] != "文字"]
    series = {i["code"]: series_for(i, rng) for i in indicators}

    history_dir = os.path.join(ROOT, "Samples", "history")
    os.makedirs(history_dir, exist_ok=True)
    with open(os.path.join(history_dir, "guandu_2021-2024.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["指标代码", "年份", "数值"])
        for code in sorted(series):
            for year in HISTORY_YEARS:
                writer.writerow([code, year, series[code][year]])

    returns_dir = os.path.join(ROOT, "Samples", str(YEAR))
    shutil.rmtree(returns_dir, ignore_errors=True)
    os.makedirs(returns_dir)
    with tempfile.TemporaryDirectory() as blank:
        args = [nianjian, "template", "--schema", SCHEMA, "--year", str(YEAR), "--out", blank]
        for department in DEPARTMENTS:
            args += ["--department", department]
        subprocess.run(args, check=True, capture_output=True)
        for name in sorted(os.listdir(blank)):
            fill(os.path.join(blank, name), os.path.join(returns_dir, name), series, rng)


def indicator_range(sheet, row, columns):
    """The upper bound a value must stay under, from the unit column (None when unbounded)."""
    unit = sheet.cell(row, columns["单位"]).value
    return {"%": 100.0, "‰": 1000.0}.get(unit)


def fill(source, destination, series, rng):
    book = openpyxl.load_workbook(source)
    meta = book["nianjian_meta"]
    department = next(row[1].value for row in meta.iter_rows() if row[0].value == "department")
    sheet = book["监测数据"]
    header_row, columns = None, {}
    for row in sheet.iter_rows():
        labels = {str(c.value).split("（")[0].split("(")[0].strip(): c.column for c in row if c.value is not None}
        if "指标代码" in labels and "本年数值" in labels:
            header_row, columns = row[0].row, labels
            break
    assert header_row, "no header row in " + source
    filled = 0
    for row in range(header_row + 1, sheet.max_row + 1):
        code = sheet.cell(row, columns["指标代码"]).value
        if not code:
            continue
        current = sheet.cell(row, columns["本年数值"])
        if code not in series:  # qualitative: a short text answer
            current.value = "已按计划推进，详见年度工作总结。"
            continue
        value = series[code][YEAR]
        filled += 1
        if filled % 17 == 0:
            current.value = "—"  # no data this year
            continue
        current.value = value
        if filled % 11 == 0 and isinstance(value, float):
            # A large swing (explained below): down for rates that cannot rise 40 %, up otherwise.
            high = indicator_range(sheet, row, columns)
            factor = 1.4 if high is None or value * 1.4 <= high else 0.6
            current.value = round(value * factor, 2)
            sheet.cell(row, columns["情况说明"]).value = "统计口径调整，数据来自新的监测系统。"
        sheet.cell(row, columns["数据来源"]).value = "部门年报"
    # Typical mistakes, one kind per return, so the demo shows what validation finds.
    codes = [sheet.cell(r, columns["指标代码"]).value for r in range(header_row + 1, sheet.max_row + 1)]
    numeric_rows = [r for r, c in zip(range(header_row + 1, sheet.max_row + 1), codes) if c in series]
    if department == "education" and numeric_rows:
        cell = sheet.cell(numeric_rows[0], columns["本年数值"])
        cell.value = "９８．５"  # full-width digits typed as text: accepted, reported as info
    if department == "civil_affairs" and numeric_rows:
        cell = sheet.cell(numeric_rows[0], columns["本年数值"])
        cell.value = 135.2 if sheet.cell(numeric_rows[0], columns["单位"]).value == "%" else -3  # rejected
    footer = {"单位负责人": "张敏", "填表人": "李华", "联系电话": "0871-00000000", "报出日期": "2026年2月20日"}
    for row in sheet.iter_rows():
        for c in row:
            label = str(c.value or "").rstrip("：:")
            if label in footer:
                last = c.column
                for merged in sheet.merged_cells.ranges:
                    if c.coordinate in merged:
                        last = merged.max_col
                sheet.cell(c.row, last + 1).value = footer[label]
    book.save(destination)


if __name__ == "__main__":
    main()
