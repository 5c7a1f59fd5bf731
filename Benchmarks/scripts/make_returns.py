#!/usr/bin/env python3
"""Make the filled returns the workload benchmarks import (synthetic values, deterministic).

usage: make_returns.py NIANJIAN OUT_DIR [--districts N]

OUT_DIR/jurisdictions/<j>/   for the "40 returns + yearbook of 8 plans x 5 years" benchmark. The five
    jurisdictions of Templates/ hold 8 plans together (guandu, jiaxing, zhaohua: women + children; jinkouhe:
    women; yizhou: children). Each gets history.csv (every numeric indicator, 2021-2024, the format
    `nianjian import` takes) and returns/: the 2025 returns of its first 8 departments (sorted by id), filled
    (fill() below) into the template `nianjian template --year 2025` writes. 5 x 8 = 40 returns; one store and one 2025 yearbook
    per jurisdiction, each yearbook showing 2021-2025: 8 plans x 5 years in all.

OUT_DIR/province/d001 ... d<N>/   for the province benchmark (default N = 150): each district has the Guandu
    templates (a province issues one set) and 40 returns: the 30 departments' 2025 returns plus 10 resubmissions
    (corrected returns of its first 10 departments, which become revisions in the store), with values varied
    per district. Plus OUT_DIR/province/history.csv. The 30 base returns are filled once with openpyxl (as
    the first demo returns were filled, see fill() below); each district's copies then get their numbers varied by
    rewriting the value column in the sheet XML (openpyxl for 6,000 files would take longer than the benchmark).
"""
import csv
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

YEAR = 2025
HISTORY_YEARS = range(2021, YEAR)
JURISDICTIONS = ["guandu", "jiaxing", "jinkouhe", "yizhou", "zhaohua"]
RETURNS_PER_JURISDICTION = 8
PROVINCE_SCHEMA = "guandu"
RESUBMISSIONS = 10
VALUE_HEADER = "本年数值"


# --- Filling a blank template as a department would (numbers, "—" for no data, 情况说明 for big changes, the
# footer, one typical mistake in the education and civil-affairs returns). Taken from the first version of
# Samples/make_samples.py, kept here so the benchmark's workload does not change when the demo data do.

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


# --- The workloads.


def schema_series(nianjian, schema, rng):
    export = subprocess.run(
        [nianjian, "schema", "export", "--schema", schema, "--format", "json"], check=True, capture_output=True)
    plans = json.loads(export.stdout)["plans"]
    indicators = [i for p in plans for i in p["indicators"] if i["unit"] != "文字"]
    return {i["code"]: series_for(i, rng) for i in indicators}


def write_history(series, path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["指标代码", "年份", "数值"])
        for code in sorted(series):
            for year in HISTORY_YEARS:
                writer.writerow([code, year, series[code][year]])


def filled_returns(nianjian, schema, series, rng, out_dir, count=None):
    """Blank templates for every department (or the first `count` by id), filled into out_dir; the paths."""
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as blank:
        subprocess.run([nianjian, "template", "--schema", schema, "--year", str(YEAR), "--out", blank],
                       check=True, capture_output=True)
        names = sorted(os.listdir(blank))
        if count is not None:
            # The department id is in the hidden metadata; sorting the file names is the same order for our use.
            names = names[:count]
        paths = []
        for name in names:
            fill(os.path.join(blank, name), os.path.join(out_dir, name), series, rng)
            paths.append(os.path.join(out_dir, name))
        return paths


def value_column(archive):
    """(sheet part, column letters) of the 本年数值 column of the data sheet (inline or shared header text)."""
    shared = None
    if "xl/sharedStrings.xml" in archive.namelist():
        strings = re.findall(r"<si>(.*?)</si>", archive.read("xl/sharedStrings.xml").decode(), re.S)
        texts = ["".join(re.findall(r"<t[^>]*>([^<]*)</t>", s)) for s in strings]
        shared = next((i for i, t in enumerate(texts) if re.match(VALUE_HEADER + r"(?:[（(\n]|$)", t)), None)
    for part in sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")):
        xml = archive.read(part).decode()
        match = re.search(r'<c r="([A-Z]+)\d+"[^>]*t="inlineStr"[^>]*><is><t[^>]*>%s(?:[（(\n<])' % VALUE_HEADER, xml)
        if not match and shared is not None:
            match = re.search(r'<c r="([A-Z]+)\d+"[^>]*t="s"[^>]*><v>%d</v></c>' % shared, xml)
        if match:
            return part, match.group(1)
    raise ValueError("no value column")


def varied(path, destination, rng, spread):
    """Copies the return with each number of the value column moved by up to +-spread (same decimals)."""
    with zipfile.ZipFile(path) as archive:
        part, column = value_column(archive)
        xml = archive.read(part).decode()

        def move(match):
            text = match.group(2)
            original = float(text)
            decimals = len(text.split(".")[1]) if "." in text else 0
            value = round(original * (1 + rng.uniform(-spread, spread)), decimals)
            if original <= 100 < value:  # keep percentages valid
                value = original
            new = str(int(value)) if decimals == 0 else f"{value:.{decimals}f}"
            return match.group(1) + new + match.group(3)

        pattern = r'(<c r="%s\d+"(?:(?!t="[^n])[^>])*><v>)(-?[0-9.]+)(</v>)' % column
        xml = re.sub(pattern, move, xml)
        with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as out:
            for info in archive.infolist():
                data = xml.encode() if info.filename == part else archive.read(info.filename)
                out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def main():
    nianjian, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    districts = int(sys.argv[sys.argv.index("--districts") + 1]) if "--districts" in sys.argv else 150
    rng = random.Random(20251125)

    for name in JURISDICTIONS:
        schema = os.path.join(ROOT, "Templates", name)
        folder = os.path.join(out, "jurisdictions", name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        series = schema_series(nianjian, schema, rng)
        write_history(series, os.path.join(folder, "history.csv"))
        filled_returns(nianjian, schema, series, rng, os.path.join(folder, "returns"), RETURNS_PER_JURISDICTION)
        print("jurisdiction", name, "ready")

    province = os.path.join(out, "province")
    shutil.rmtree(province, ignore_errors=True)
    os.makedirs(province)
    schema = os.path.join(ROOT, "Templates", PROVINCE_SCHEMA)
    series = schema_series(nianjian, schema, rng)
    write_history(series, os.path.join(province, "history.csv"))
    base = filled_returns(nianjian, schema, series, rng, os.path.join(province, "base"))
    for number in range(1, districts + 1):
        folder = os.path.join(province, "d%03d" % number)
        os.makedirs(folder)
        district_rng = random.Random(number)
        for path in base:
            varied(path, os.path.join(folder, os.path.basename(path)), district_rng, 0.03)
        for path in base[:RESUBMISSIONS]:
            stem = os.path.basename(path)[: -len(".xlsx")]
            varied(path, os.path.join(folder, stem + "_更正.xlsx"), district_rng, 0.03)
    print("province:", districts, "districts x", len(base) + RESUBMISSIONS, "returns")


if __name__ == "__main__":
    main()
