"""Independent check: `cells numeric_sum string_chars` of a workbook read by python-calamine.

usage: calamine_stats.py FILE...   prints "FILE<TAB>result" per file (result "ERROR: …" when calamine fails).
Same rules as ../shared/bench/tally.py: non-empty cells; numbers summed in document order; dates as their
1900-system serial; strings counted in code points; booleans only counted.
"""
import datetime
import sys

from python_calamine import CalamineWorkbook

EPOCH_D = datetime.date(1899, 12, 30)
EPOCH_DT = datetime.datetime(1899, 12, 30)


def stats(path):
    wb = CalamineWorkbook.from_path(path)
    cells = chars = 0
    total = 0.0
    for name in wb.sheet_names:
        sheet = wb.get_sheet_by_name(name)
        for row in sheet.iter_rows():
            for v in row:
                t = type(v)
                if v is None or (t is str and not v):
                    continue
                cells += 1
                if t is str:
                    chars += len(v)
                elif t is float or t is int:
                    total += v
                elif t is datetime.datetime:
                    total += (v - EPOCH_DT).total_seconds() / 86400
                elif t is datetime.date:
                    total += (v - EPOCH_D).days
                elif t is datetime.time:
                    total += (v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6) / 86400
                elif t is datetime.timedelta:
                    total += v.total_seconds() / 86400
    return "%d %.17g %d" % (cells, total, chars)


for path in sys.argv[1:]:
    try:
        print(f"{path}\t{stats(path)}", flush=True)
    except Exception as error:  # noqa: BLE001 - report every failure as a line
        print(f"{path}\tERROR: {type(error).__name__}: {str(error)[:100]}", flush=True)
