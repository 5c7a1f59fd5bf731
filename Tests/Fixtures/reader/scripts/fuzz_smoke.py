#!/usr/bin/env python3
"""Mutation smoke test: damages the XML parts of the reader fixtures at random, re-zips them and runs
`nianjian dump` on each; every run must exit 0 or 65 (never crash or hang).

usage: fuzz_smoke.py NIANJIAN_BINARY [SEED] [CASES]     (cases that fail are kept in ./fuzz-out/*.crash)
"""
import glob
import os
import random
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = sys.argv[1]
OUT = os.path.join(os.getcwd(), "fuzz-out")
os.makedirs(OUT, exist_ok=True)
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
files = sorted(glob.glob(os.path.join(HERE, '..', '**', '*.xlsx'), recursive=True))
crashes = 0
for i in range(int(sys.argv[3]) if len(sys.argv) > 3 else 300):
    src = rng.choice(files)
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = [n for n in parts if n.endswith('.xml') or n.endswith('.rels')]
    for _ in range(rng.randint(1, 3)):
        n = rng.choice(xml)
        data = bytearray(parts[n])
        op = rng.randint(0, 4)
        pos = rng.randrange(len(data)) if data else 0
        if op == 0 and data: del data[pos:pos + rng.randint(1, 20)]
        elif op == 1: data[pos:pos] = rng.choice([b'<c r="A1">', b'</row>', b'<v>', b'999999999999', b'r="XFD1048577"', b't="s"', b's="99999"', b'<f t="shared" si="0"/>', b'\x00', b'\xff', b'&#0;', b'<!DOCTYPE x>', b'"', b'<', b'_x00'])
        elif op == 2 and data: data[pos] = rng.randrange(256)
        elif op == 3: data = data[:pos]
        else: data = data * 2
        parts[n] = bytes(data)
    out = os.path.join(OUT, f'case{i}.xlsx')
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items(): z.writestr(n, d)
    for fmt in ('jsonl', 'info'):
        try:
            r = subprocess.run([BINARY, 'dump', '--format', fmt, out], capture_output=True, timeout=20)
            rc = r.returncode
        except subprocess.TimeoutExpired:
            rc = 'timeout'
        if rc not in (0, 65):
            crashes += 1
            print('CRASH', rc, src, out, r.stderr[-300:] if rc != 'timeout' else '')
            os.rename(out, out + '.crash')
            break
    else:
        os.remove(out)
print('crashes', crashes)
sys.exit(1 if crashes else 0)
