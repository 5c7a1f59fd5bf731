#!/usr/bin/env bash
# Benchmarks nianjian against the peer readers of ../shared/bench (C libxml2, python-calamine, openpyxl).
#
# The harness writes .venv/, build/, data/ and out/ into its own folder, and ../shared must stay untouched,
# so it is copied to a private work folder first (default: ${TMPDIR:-/tmp}/nianjian-bench, reused between
# runs so the generated workbooks are made once). Then nianjian is built in release mode and the harness runs
# with NIANJIAN pointing at it. Results: <work folder>/out/table.md and raw.tsv; see Benchmarks/RESULTS.md.
#
# Two additions to the private copy (never to ../shared): the files rows_50k, rows_750k and rows_800k (the
# harness's own generator, gen.table(), at 50,000, 750,000 and 800,000 rows; with large = 200,000 they show whether
# memory stays flat as rows grow), and the writer peer w-nianjian (Benchmarks/WriteBench: XLSXWriter writing the same cells as the
# harness's C writers; read back by the C reader like every writer).
#
# usage: Benchmarks/run.sh            env: RUNS PEERS FILES TIMEOUT (passed to the harness), BENCH_DIR, SHARED_BENCH
# example: RUNS=5 PEERS='c-libxml2|calamine|nianjian' FILES='large' Benchmarks/run.sh
#          RUNS=3 PEERS='w-c-|w-nianjian' FILES=write Benchmarks/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/nianjian-bench}

[ -d "$SHARED_BENCH" ] || { echo "no benchmark harness at $SHARED_BENCH" >&2; exit 1; }
mkdir -p "$WORK"
# Copy the harness (scripts and C sources), never its generated folders.
(cd "$SHARED_BENCH" && find . -path ./out -prune -o -path ./data -prune -o -path ./build -prune -o -path ./.venv -prune \
  -o -type f -print) | while read -r file; do
  mkdir -p "$WORK/$(dirname "$file")"
  cp "$SHARED_BENCH/$file" "$WORK/$file"
  chmod u+w "$WORK/$file"
done

# The harness's setup.sh also installs apt packages (root only); here only the local steps run.
if [ ! -x "$WORK/.venv/bin/python" ]; then
  python3 -m venv "$WORK/.venv"
  "$WORK/.venv/bin/pip" install -q openpyxl python-calamine XlsxWriter
fi
[ -x "$WORK/build/xlsx_read" ] || make -C "$WORK/c"
[ -f "$WORK/data/large.xlsx" ] || (cd "$WORK" && .venv/bin/python gen.py)
for rows in 50 750 800; do
  [ -f "$WORK/data/rows_${rows}k.xlsx" ] ||
    (cd "$WORK" && .venv/bin/python -c "import gen; gen.table('rows_${rows}k.xlsx', ${rows}000)")
done
sed -i 's|^FILELIST="small medium lo/medium large wide_strings"$|FILELIST="small medium lo/medium rows_50k large rows_750k rows_800k wide_strings"|' \
  "$WORK/run.sh"
if [ ! -f "$WORK/data/lo/medium.xlsx" ] && command -v soffice >/dev/null 2>&1; then
  soffice --headless "-env:UserInstallation=file://$WORK/lo-profile" --convert-to xlsx --outdir "$WORK/data/lo" \
    "$WORK/data/medium.xlsx" >/dev/null 2>&1 || echo "note: LibreOffice copy of medium.xlsx not made" >&2
fi

(cd "$ROOT" && swift build -c release --product nianjian)
(cd "$ROOT/Benchmarks/WriteBench" && swift build -c release --product WriteBench)
WRITE_BENCH="$ROOT/Benchmarks/WriteBench/.build/release/WriteBench"
sed -i "s|^  \"w-openpyxl-wo|  \"w-nianjian\|$WRITE_BENCH OUTFILE\"\n  \"w-openpyxl-wo|" "$WORK/run.sh"
NIANJIAN="$ROOT/.build/release/nianjian" "$WORK/run.sh"
echo "results: $WORK/out/table.md"
