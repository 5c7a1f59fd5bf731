#!/usr/bin/env python3
"""Make the filled returns the workload benchmarks import (synthetic values, deterministic).

usage: make_returns.py NIANJIAN OUT_DIR [--districts N]

OUT_DIR/jurisdictions/<j>/   for the "40 returns + yearbook of 8 plans x 5 years" benchmark. The five
    jurisdictions of Templates/ hold 8 plans together (guandu, jiaxing, zhaohua: women + children; jinkouhe:
    women; yizhou: children). Each gets history.csv (every numeric indicator, 2021-2024, the format
    `nianjian import` takes) and returns/: the 2025 returns of its first 8 departments (sorted by id), filled
    from the template `nianjian template --year 2025` writes. 5 x 8 = 40 returns; one store and one 2025 yearbook
    per jurisdiction, each yearbook showing 2021-2025: 8 plans x 5 years in all.

OUT_DIR/province/d001 ... d<N>/   for the province benchmark (default N = 150): each district has the Guandu
    templates (a province issues one set) and 40 returns: the 30 departments' 2025 returns plus 10 resubmissions
    (corrected returns of its first 10 departments, which become revisions in the store), with values varied
    per district. Plus OUT_DIR/province/history.csv. The 30 base returns are filled once with openpyxl (as
    Samples/make_samples.py fills the demo returns); each district's copies then get their numbers varied by
    rewriting the value column in the sheet XML (openpyxl for 6,000 files would take longer than the benchmark).
"""
import csv
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

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Samples"))
from make_samples import fill, series_for  # noqa: E402  (the demo's filler: same values, same habits)

YEAR = 2025
HISTORY_YEARS = range(2021, YEAR)
JURISDICTIONS = ["guandu", "jiaxing", "jinkouhe", "yizhou", "zhaohua"]
RETURNS_PER_JURISDICTION = 8
PROVINCE_SCHEMA = "guandu"
RESUBMISSIONS = 10
VALUE_HEADER = "本年数值"


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
