#!/usr/bin/env python3
"""Ratios from the harness's raw.tsv, by CPU time as well as wall time (the machine is shared, so CPU seconds are
the steadier measure): readers against c-libxml2 on the same file, writers against w-c-normal (libxlsxwriter in
its default mode, as XLSXWriter uses it) and w-c-const.

usage: ratios.py raw.tsv [more raw.tsv ...]   (prints a markdown table)
"""
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        peer, file, wall, cpu, rss, result = line.rstrip("\n").split("\t")
        if not result.startswith("FAIL"):
            runs[(peer, file)].append((float(wall), float(cpu), int(rss), result))


def summary(key):
    ok = runs.get(key)
    if not ok:
        return None
    return (statistics.median(r[0] for r in ok), statistics.median(r[1] for r in ok), max(r[2] for r in ok) / 1024,
            len(ok), {r[3] for r in ok})


print("| peer | file | runs | wall s | cpu s | peak RSS MB | x ref (wall) | x ref (cpu) | x ref (RSS) | ref | agree |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for key in sorted(runs, key=lambda k: (k[1], k[0])):
    peer, file = key
    wall, cpu, rss, count, results = summary(key)
    refs = ["w-c-normal", "w-c-const"] if file == "write" else ["c-libxml2"]
    check = summary(("c-libxml2", "large" if file == "write" else file))
    agree = "" if not check else ("=" if results == check[4] else "DIFF")
    for ref in refs:
        base = summary((ref, file))
        if not base:
            continue
        print(f"| {peer} | {file} | {count} | {wall:.2f} | {cpu:.2f} | {rss:.1f} | {wall / base[0]:.2f} | "
              f"{cpu / base[1]:.2f} | {rss / base[2]:.1f} | {ref} | {agree} |")
