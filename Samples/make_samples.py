#!/usr/bin/env python3
"""Make the sample data in Samples/ — 示例数据 (synthetic, for demonstration only).

Usage (from the package root, after `swift build`):
    python3 Samples/make_samples.py [--nianjian path/to/nianjian] [--out DIR]

Writes (DIR defaults to Samples/):
    history/guandu_2016-2020.csv   the years before the plans, in the `nianjian import` history format
    returns/<year>/*.xlsx          every department's return for 2021–2024 (accepted in earlier years)
    2025/*.xlsx                    this year's returns, some of them messy the way real returns are

How: `nianjian schema export` gives the indicators of Templates/guandu; a seeded model gives every numeric
indicator a plausible series 2016–2025 (moving towards its target, a few off track, two swinging, a few
missing with a reason). A scratch store is built year by year exactly as a bureau would: the history table is
imported, `nianjian template --year Y --store …` writes the blank returns (with last year's values), openpyxl
fills them like a department would, and the returns are imported before the next year. The messy 2025 returns
are then made from the clean ones (LibreOffice, a retyped form, text numbers, …) — see Samples/README.md.

Same inputs, same bytes: openpyxl's and LibreOffice's document times and zip entry times are fixed. Needs
python3 with openpyxl 3.1.5 and LibreOffice (`soffice`). The numbers are invented: they are not statistics of
官渡区.
"""
import argparse
import csv
import datetime
import hashlib
import io
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA = os.path.join(ROOT, "Templates", "guandu")
HISTORY_YEARS = range(2016, 2021)
RETURN_YEARS = range(2021, 2025)
YEAR = 2025
SEED = 20260220

SAMPLE_NOTE = "示例数据（虚构，仅供演示 nianjian，不是官渡区的统计数据）"
SAMPLE_NOTE_EN = "Synthetic sample data for the nianjian demo, not statistics of Guandu District."
REMARK = "注：" + SAMPLE_NOTE + "。" + SAMPLE_NOTE_EN
# The fixed time written into every document and zip entry.
FIXED_TIME = "2026-02-20T09:00:00Z"
ZIP_TIME = (2026, 2, 20, 9, 0, 0)

# Plausible series for indicators whose level the target does not tell: (2016 value, 2025 value).
LEVELS = {
    "C-HE-03": (3.15, 2.05), "C-HE-04": (4.68, 3.12), "C-HE-05": (6.24, 4.31),  # rules C-R-01, C-R-02
    "C-HE-13": (12.4, 10.6), "C-HE-14": (40.2, 43.1), "C-HE-15": (68.5, 66.2), "C-HE-16": (80.6, 78.4),
    "C-HE-21": (0.82, 1.03), "C-HE-24": (6.1, 6.9), "C-HE-30": (31.5, 27.4), "C-HE-31": (61.8, 57.9),
    "C-HE-35": (1260, 910),
    "C-SA-01": (14.6, 11.2), "C-SA-02": (3.9, 2.6),
    "C-ED-11": (168500.0, 246300.0), "C-ED-12": (13860.0, 17940.0),
    "C-ED-13": (78.6, 88.4), "C-ED-14": (41.2, 50.6),  # rule C-R-03: public kindergartens within 普惠
    "C-ED-16": (18, 2),
    "C-WE-05": (38, 96), "C-WE-06": (1520, 4260), "C-WE-07": (4.2, 9.6),
    "C-WE-14": (3, 12), "C-EN-05": (0, 2), "C-EN-06": (1, 6), "C-EN-07": (2, 5),
    "C-LA-10": (0.046, 0.031),
    "W-HE-02": (79.62, 81.35), "W-HE-03": (69.80, 71.62),  # rule W-R-01
    "W-HE-04": (11.8, 8.6), "W-HE-09": (1.6, 0.4), "W-HE-11": (16.9, 21.8), "W-HE-12": (7.9, 6.4),
    "W-HE-13": (2.3, 1.7), "W-HE-27": (16.5, 9.2), "W-HE-28": (0.92, 0.48),
    "W-ED-09": (3.6, 2.7), "W-ED-11": (0.62, 0.41), "W-ED-12": (11.24, 11.86),
    "W-EC-02": (45.1, 45.8), "W-EC-03": (40.6, 41.7), "W-EC-05": (35.2, 34.1),
    "W-EC-07": (1.27, 1.19), "W-EC-08": (0.36, 0.28),
    "W-DM-02": (28.6, 30.4), "W-DM-03": (30.9, 33.2),  # rule W-R-02
    "W-DM-04": (24.5, 23.8), "W-DM-26": (44.8, 46.1),
    "W-SS-07": (610.0, 860.0), "W-FA-03": (5, 14), "W-FA-07": (1.86, 1.52), "W-FA-10": (21, 38),
    "W-EN-07": (1.12, 1.41), "W-EN-08": (1.46, 1.88),
    "C-ED-06": (91.8, 95.2), "W-ED-07": (47.5, 49.2), "W-EC-06": (29.8, 33.1),
    "W-DM-12": (18.2, 22.4), "W-DM-14": (17.5, 21.2), "W-DM-17": (19.4, 22.1), "W-DM-18": (24.3, 26.9),
    "W-DM-19": (32.5, 35.8), "W-DM-27": (28.6, 31.2),
    "W-SS-02": (68.2, 76.5), "W-SS-05": (41.3, 47.9), "W-SS-06": (45.2, 52.8),
}
# The same statistic in both plans: one series, so the two rows of the education return agree.
SAME_AS = {"W-ED-05": "C-ED-03", "W-ED-06": "C-ED-04"}
# Counts of people or places that stay small: (2016 value, 2025 value).
SMALL_COUNTS = {
    "C-HE-09": (0, 1), "C-HE-22": (1, 2), "C-SA-12": (2, 4), "C-WE-13": (1, 2), "C-WE-18": (1, 1),
    "W-DM-08": (1, 2), "W-DM-09": (1, 1), "W-DM-10": (1, 2), "W-DM-11": (1, 1), "W-DM-15": (3, 5),
    "W-EC-12": (1, 2),
}
# Two swings in the 2025 returns: explained (情况说明 filled in) and not explained.
SWINGS = {
    ("C-WE-07", 2025): (14.8, "2025年新增普惠托位1200个，入托人数明显增加。"),
    ("W-DM-26", 2025): (35.4, None),
    ("C-HE-27", 2022): (86.4, "受疫情影响，部分新生儿访视改为电话随访，未计入访视率。"),
}
# Explanations of a value that is not itself a swing by design (the recovery after one).
EXPLANATIONS = {("C-HE-27", 2023): "疫情影响消除，新生儿访视恢复入户开展。"}
# Values that are missing, with the reason written in 情况说明 (the template's markers: — no data, 不适用).
MISSING = {
    ("W-HE-11", 2022): ("—", "健康素养监测每两年开展一次，本年度未开展。"),
    ("W-HE-11", 2024): ("—", "健康素养监测每两年开展一次，本年度未开展。"),
    ("W-FA-07", 2023): ("—", "时间利用调查本年度未开展。"),
    ("W-ED-09", 2024): ("—", "公民科学素质抽样调查结果尚未发布。"),
}
for _year in range(2021, YEAR + 1):
    MISSING[("C-HE-34", _year)] = ("不适用", "本区无区属中等职业学校，由市教育局统计。")
# History rows with no data (备注 says why), and indicators first monitored in a later year.
HISTORY_MISSING = {("W-HE-11", 2017): "当年未开展监测", ("W-HE-11", 2019): "当年未开展监测"}
HISTORY_FROM = {"W-DM-29": 2019, "C-WE-14": 2019, "C-WE-15": 2018, "C-WE-16": 2018, "C-HE-09": 2020,
                "C-EN-05": 2020, "C-EN-06": 2020, "C-ED-15": 2018, "W-HE-29": 2018,
                "C-HE-34": 9999}  # no district vocational schools: never reported, not applicable from 2021

SOURCES = {
    "health": "卫生健康统计年报、妇幼卫生年报", "education": "教育事业统计年报", "civil_affairs": "民政事业统计",
    "public_security": "公安业务统计", "hrss": "人力资源和社会保障统计年报", "statistics": "统计年鉴、抽样调查",
    "women_federation": "妇联业务统计", "finance": "财政决算", "organization": "组织部门干部统计",
}
PEOPLE = ["张敏", "李华", "王芳", "赵磊", "陈静", "刘洋", "杨丽", "黄伟", "周婷", "吴刚", "徐燕", "孙杰"]


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, **kwargs)


# ---------------------------------------------------------------- series


def target_number(indicator):
    """The kind and the number of the first target (`>= 96` → ('>=', 96.0)), or (word, None)."""
    expression = indicator["targets"][0]["expression"] if indicator["targets"] else ""
    match = re.match(r"(maintain )?(>=|<=|=|≈)\s*([0-9.]+)", expression)
    if match:
        return (("maintain " if match.group(1) else "") + match.group(2), float(match.group(3)))
    return (expression.split(" ")[0] if expression else "", None)


def endpoints(indicator, rng):
    """The 2016 and 2025 levels of a numeric indicator."""
    code, unit = indicator["code"], indicator["unit"]
    if code in LEVELS:
        return LEVELS[code]
    if code in SMALL_COUNTS:
        return SMALL_COUNTS[code]
    kind, number = target_number(indicator)
    if unit == "%":
        if kind == "=" and number == 100:
            return (rng.uniform(88, 94), rng.uniform(97.5, 99.6))
        if kind.startswith("maintain"):
            level = min(99.6, number + rng.uniform(0.3, 2.0))
            return (level - rng.uniform(0, 0.6), level)
        if kind == ">=" and number >= 95:  # rates that are already high everywhere
            end = min(99.8, number + rng.uniform(-1.0, 0.8))
            return (end - rng.uniform(0.5, 3.0), end)
        if kind == ">=":
            end = min(99.6, number - rng.uniform(-1.5, 3.0))
            return (max(1.0, end - rng.uniform(3, 10)), end)
        if kind == "<=":
            end = number * rng.uniform(1.02, 1.25)
            return (end * rng.uniform(1.15, 1.35), end)
        if kind == "≈":
            return (number + rng.uniform(-1.5, 0), number + rng.uniform(-0.5, 0.8))
        if kind == "decrease":
            start = rng.uniform(5, 30)
            return (start, start * rng.uniform(0.75, 0.9))
        start = rng.uniform(30, 60)  # increase, qualitative
        return (start, start + rng.uniform(2, 8))
    return (rng.uniform(5, 50), rng.uniform(5, 50))


def make_series(indicator, rng):
    """Values 2016–2025: a straight line between the two levels with small yearly noise."""
    start, end = endpoints(indicator, rng)
    decimals = indicator["decimals"]
    high = indicator["range"][1]
    years = list(range(HISTORY_YEARS[0], YEAR + 1))
    span = years[-1] - years[0]
    step = abs(end - start) / span
    values = {}
    for index, year in enumerate(years):
        value = start + (end - start) * index / span
        if 0 < index < span:
            value += rng.uniform(-0.3, 0.3) * max(step, abs(value) * 0.002)
        if indicator["unit"] == "%":
            value = min(value, 100.0 if target_number(indicator) == ("=", 100.0) else 99.9)
        if high is not None:
            value = min(value, high)
        value = max(0.0, value)
        values[year] = int(round(value)) if decimals == 0 else round(value, decimals)
    for (code, year), (value, _) in SWINGS.items():
        if code == indicator["code"]:
            values[year] = value
    return values


# ---------------------------------------------------------------- files


def normalise_zip(path, title_note=True):
    """Rewrites an .xlsx with fixed entry times and fixed document times (same inputs → same bytes)."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                for tag in ("dcterms:created", "dcterms:modified"):
                    text = re.sub(
                        "(<%s[^>]*>)[^<]*(</%s>)" % (tag, tag), lambda m: m.group(1) + FIXED_TIME + m.group(2), text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())


def label_as_sample(book, sheet, after_row):
    """The 示例数据 label: the comments property and a visible remark under the form's footer."""
    book.properties.description = SAMPLE_NOTE + " " + SAMPLE_NOTE_EN
    book.properties.modified = datetime.datetime(2026, 2, 20, 9, 0, 0)
    book.properties.created = datetime.datetime(2026, 2, 20, 9, 0, 0)
    cell = sheet.cell(after_row + 2, 1)
    cell.value = REMARK
    cell.font = openpyxl.styles.Font(color="C00000", bold=True)


def form_columns(sheet):
    """The header row of the form and its columns by label (without the year in brackets)."""
    for row in sheet.iter_rows(max_row=40):
        labels = {}
        for c in row:
            if isinstance(c.value, str):
                labels[re.split(r"[（(]", c.value)[0].strip()] = c.column
        if "指标代码" in labels and "本年数值" in labels:
            return row[0].row, labels
    raise SystemExit("no header row")


def footer_rows(sheet):
    """The last row of the footer (单位负责人 … 报出日期)."""
    last = sheet.max_row
    for row in sheet.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith(("联系电话", "报出日期")):
                last = c.row
    return last


def fill_footer(sheet, department_index, year):
    values = {
        "单位负责人": PEOPLE[department_index % len(PEOPLE)],
        "填表人": PEOPLE[(department_index * 5 + 3) % len(PEOPLE)],
        "联系电话": "0871-6%07d" % (department_index * 1013 + 1000),
        "报出日期": "%d年2月%d日" % (year + 1, 10 + department_index % 15),
    }
    for row in sheet.iter_rows():
        for c in row:
            label = str(c.value or "").rstrip("：:")
            if label in values:
                last = c.column
                for merged in sheet.merged_cells.ranges:
                    if c.coordinate in merged:
                        last = merged.max_col
                sheet.cell(c.row, last + 1).value = values[label]


def text_answer(code, year):
    return "%d年已按计划推进，相关工作纳入部门年度重点任务（%s）。" % (year, code)


def fill_return(source, destination, year, series, department_index):
    """Fills a blank template as a department would and labels it as sample data."""
    book = openpyxl.load_workbook(source)
    meta = book["nianjian_meta"]
    department = next(row[1].value for row in meta.iter_rows() if row[0].value == "department")
    sheet = book["监测数据"]
    header, columns = form_columns(sheet)
    for row in range(header + 1, sheet.max_row + 1):
        code = sheet.cell(row, columns["指标代码"]).value
        if not code or not re.match(r"^[A-Z]-[A-Z]{2}-\d+$", str(code)):
            continue
        current = sheet.cell(row, columns["本年数值"])
        explanation = sheet.cell(row, columns["情况说明"])
        if code not in series:
            current.value = text_answer(code, year)
            continue
        if (code, year) in MISSING:
            current.value, explanation.value = MISSING[(code, year)]
        else:
            current.value = series[code][year]
            swing = SWINGS.get((code, year))
            if swing and swing[1]:
                explanation.value = swing[1]
            if (code, year) in EXPLANATIONS:
                explanation.value = EXPLANATIONS[(code, year)]
        sheet.cell(row, columns["数据来源"]).value = SOURCES.get(department, "部门业务统计")
    fill_footer(sheet, department_index, year)
    label_as_sample(book, sheet, footer_rows(sheet))
    book.save(destination)
    normalise_zip(destination)
    return department


# ---------------------------------------------------------------- messy 2025 returns


def soffice(source, target_format, out_dir, profile):
    run(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", target_format,
         "--outdir", out_dir, source])
    converted = os.path.join(out_dir, os.path.splitext(os.path.basename(source))[0] + "." + target_format)
    if not os.path.exists(converted):
        raise SystemExit("LibreOffice did not convert " + source)
    return converted


def resave_with_libreoffice(path, scratch, profile):
    """civil_affairs: opened and saved again in LibreOffice Calc (identity kept)."""
    converted = soffice(path, "xlsx", os.path.join(scratch, "lo"), profile)
    shutil.move(converted, path)
    normalise_zip(path)


def legacy_xls(path, scratch, profile):
    """trade_union: saved as Excel 97-2003 (.xls), then renamed to .xlsx."""
    converted = soffice(path, "xls", os.path.join(scratch, "xls"), profile)
    with open(converted, "rb") as f:
        data = f.read()
    # Each cell note (OBJ record, ftNts sub-record 0x000D of 22 bytes) carries a random GUID: make it fixed.
    counter = iter(range(1 << 20))
    data = re.sub(rb"\x0d\x00\x16\x00(.{16})", lambda m: m.group(0)[:4] + hashlib.md5(
        b"nianjian-note-%d" % next(counter)).digest(), data, flags=re.S)
    with open(path, "wb") as f:
        f.write(data)


def edit_form(path, change):
    book = openpyxl.load_workbook(path)
    sheet = book["监测数据"]
    header, columns = form_columns(sheet)
    rows = {}
    for row in range(header + 1, sheet.max_row + 1):
        code = sheet.cell(row, columns["指标代码"]).value
        if code:
            rows[str(code)] = row
    change(book, sheet, columns, rows)
    book.save(path)
    normalise_zip(path)


def text_numbers(path):
    """education: numbers typed as text, one with full-width digits."""
    def change(book, sheet, columns, rows):
        value = columns["本年数值"]
        sheet.cell(rows["C-ED-03"], value).value = str(sheet.cell(rows["C-ED-03"], value).value)
        sheet.cell(rows["C-HE-18"], value).value = str(sheet.cell(rows["C-HE-18"], value).value)
        number = "%.2f" % sheet.cell(rows["C-ED-15"], value).value
        sheet.cell(rows["C-ED-15"], value).value = number.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    edit_form(path, change)


def fraction(path):
    """hrss: a percentage typed as a fraction (0.952 for 95.2 %), and one typed as 95.2 % in a %-formatted cell."""
    def change(book, sheet, columns, rows):
        value = columns["本年数值"]
        cell = sheet.cell(rows["W-SS-04"], value)
        cell.value = round(cell.value / 100, 4)
        cell = sheet.cell(rows["W-EC-05"], value)
        cell.value = round(cell.value / 100, 4)
        cell.number_format = "0.00%"
    edit_form(path, change)


def uncalculated_formula(path):
    """public_security: a rate typed as a formula that was never calculated (openpyxl writes no cached value)."""
    def change(book, sheet, columns, rows):
        sheet.cell(rows["C-SA-01"], columns["本年数值"]).value = "=ROUND(21/187500*100000,2)"
    edit_form(path, change)


def hidden_row(path):
    """disabled_federation: a row hidden (its value is still there)."""
    def change(book, sheet, columns, rows):
        sheet.row_dimensions[rows["C-WE-08"]].hidden = True
    edit_form(path, change)


def reuse_last_year(path, last_year_return, series):
    """justice: last year's filled return reused — new numbers and a new title, still the 2024 template."""
    shutil.copyfile(last_year_return, path)

    def change(book, sheet, columns, rows):
        for row in sheet.iter_rows(max_row=10):
            for c in row:
                if isinstance(c.value, str) and ("（2024年）" in c.value or c.value == "报告期：2024年"):
                    c.value = c.value.replace("2024年", "2025年")
        for code, row in rows.items():
            cell = sheet.cell(row, columns["本年数值"])
            if code in series and isinstance(cell.value, (int, float)):
                cell.value = series[code][YEAR]
            elif isinstance(cell.value, str) and cell.value.startswith("2024年"):
                cell.value = text_answer(code, YEAR)
        fill_footer(sheet, 11, YEAR)
    edit_form(path, change)


def wrong_department(path, template, series):
    """youth_league (团区委): filled in the science association's (区科协) template by mistake."""
    shutil.copyfile(template, path)

    def change(book, sheet, columns, rows):
        for row in sheet.iter_rows(max_row=10):
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("填报单位"):
                    c.value = "填报单位：团区委"
        for code, row in rows.items():
            cell = sheet.cell(row, columns["本年数值"])
            if code in series:
                cell.value = round(series[code][YEAR] * 1.07, 2)
            else:
                cell.value = text_answer(code, YEAR)
            sheet.cell(row, columns["数据来源"]).value = "团区委工作统计"
        fill_footer(sheet, 12, YEAR)
        label_as_sample(book, sheet, footer_rows(sheet))
    edit_form(path, change)


def retyped_form(path, department_name, indicators, series):
    """women_federation: the form typed again in a new workbook — no custom properties, no metadata sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["A1"] = "%d年%s妇女儿童发展规划监测数据" % (YEAR, department_name)
    sheet["A2"] = "填报单位：" + department_name
    headers = ["序号", "指标代码", "指标名称", "单位", "本年数值（%d年）" % YEAR, "情况说明", "数据来源"]
    for column, text in enumerate(headers, 1):
        sheet.cell(3, column).value = text
    for index, indicator in enumerate(indicators, 1):
        row = 3 + index
        code = indicator["code"]
        values = [index, code, indicator["name"], indicator["unit"]]
        if code in series:
            values.append(series[code][YEAR])
        else:
            values.append(text_answer(code, YEAR))
        values += [None, "妇联业务统计"]
        for column, value in enumerate(values, 1):
            sheet.cell(row, column).value = value
    last = 3 + len(indicators)
    sheet.cell(last + 2, 3).value = "填表人：王芳　　报出日期：2026年2月18日"
    sheet.column_dimensions["C"].width = 40
    label_as_sample(book, sheet, last + 2)
    book.properties.title = None
    book.properties.creator = "王芳"
    book.save(path)
    normalise_zip(path)


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--nianjian", default=os.path.join(ROOT, ".build", "debug", "nianjian"))
    parser.add_argument("--out", default=os.path.join(ROOT, "Samples"))
    options = parser.parse_args()
    nianjian = os.path.abspath(options.nianjian)
    out = os.path.abspath(options.out)

    schema = json.loads(run([nianjian, "schema", "export", "--schema", SCHEMA, "--format", "json"]).stdout)
    departments = [d["id"] for d in schema["departments"]]
    department_names = {d["id"]: d["name"] for d in schema["departments"]}
    indicators = [i for p in schema["plans"] for i in p["indicators"]]
    rng = random.Random(SEED)
    series = {i["code"]: make_series(i, rng) for i in indicators if i["unit"] != "文字"}
    for code, same in SAME_AS.items():
        series[code] = series[same]

    for folder in ("history", "returns", str(YEAR)):
        shutil.rmtree(os.path.join(out, folder), ignore_errors=True)
    os.makedirs(os.path.join(out, "history"))

    history = os.path.join(out, "history", "guandu_%d-%d.csv" % (HISTORY_YEARS[0], HISTORY_YEARS[-1]))
    with open(history, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["官渡区妇女儿童发展规划监测历史数据（%d—%d年）——%s" % (HISTORY_YEARS[0], HISTORY_YEARS[-1], SAMPLE_NOTE)])
        writer.writerow(["指标代码", "指标名称", "年份", "数值", "备注", "数据来源"])
        names = {i["code"]: i["name"] for i in indicators}
        for code in sorted(series):
            main_department = next(i for i in indicators if i["code"] == code)["departments"][0]
            for year in HISTORY_YEARS:
                if year < HISTORY_FROM.get(code, HISTORY_YEARS[0]):
                    continue
                missing = HISTORY_MISSING.get((code, year))
                value = "—" if missing else series[code][year]
                writer.writerow([code, names[code], year, value, missing or "", SOURCES.get(main_department, "")])

    scratch = tempfile.mkdtemp(prefix="nianjian-samples-")
    try:
        store = os.path.join(scratch, "store.sqlite")
        run([nianjian, "import", "--schema", SCHEMA, "--store", store, history])
        for year in list(RETURN_YEARS) + [YEAR]:
            blank = os.path.join(scratch, "blank-%d" % year)
            run([nianjian, "template", "--schema", SCHEMA, "--store", store, "--year", str(year), "--out", blank])
            folder = os.path.join(out, str(YEAR)) if year == YEAR else os.path.join(out, "returns", str(year))
            os.makedirs(folder)
            written = []
            for name in sorted(os.listdir(blank)):
                department = fill_return(os.path.join(blank, name), os.path.join(folder, name), year, series,
                                         departments.index(department_of(os.path.join(blank, name))))
                written.append(os.path.join(folder, name))
            if year != YEAR:
                result = subprocess.run([nianjian, "import", "--schema", SCHEMA, "--store", store] + written,
                                        capture_output=True)
                if result.returncode not in (0, 1):
                    sys.stderr.write(result.stdout.decode() + result.stderr.decode())
                    raise SystemExit("the %d returns were not accepted" % year)
        make_messy(out, scratch, series, indicators, department_names)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def department_of(path):
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return next(row[1] for row in book["nianjian_meta"].iter_rows(values_only=True) if row[0] == "department")
    finally:
        book.close()


def make_messy(out, scratch, series, indicators, department_names):
    folder = os.path.join(out, str(YEAR))
    files = {department_of(os.path.join(folder, name)): os.path.join(folder, name) for name in os.listdir(folder)}
    profile = os.path.join(scratch, "libreoffice-profile")
    text_numbers(files["education"])
    fraction(files["hrss"])
    uncalculated_formula(files["public_security"])
    hidden_row(files["disabled_federation"])
    last_year = os.path.join(out, "returns", str(YEAR - 1), os.path.basename(files["justice"]).replace(
        str(YEAR) + "年_", str(YEAR - 1) + "年_", 1))
    reuse_last_year(files["justice"], last_year, series)
    blank = os.path.join(scratch, "blank-%d" % YEAR)
    science = next(os.path.join(blank, n) for n in sorted(os.listdir(blank)) if "_科协_" in n)
    wrong_department(files["youth_league"], science, series)
    own = [i for i in indicators if "women_federation" in i["departments"]]
    retyped_form(files["women_federation"], department_names["women_federation"], own, series)
    resave_with_libreoffice(files["civil_affairs"], scratch, profile)
    legacy_xls(files["trade_union"], scratch, profile)


if __name__ == "__main__":
    main()
