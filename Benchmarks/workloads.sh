#!/usr/bin/env bash
# The workload benchmarks of issue 9, run through the release `nianjian` binary (never as timed tests):
#   1. validate one department return (wall, process start included; hyperfine, against `true` and the C reader
#      of ../shared/bench on the same file);
#   2. import 40 returns + a yearbook of 8 plans x 5 years (five jurisdictions, see scripts/make_returns.py);
#   3. a province: 150 districts x 40 returns, validated and imported district by district into per-district
#      stores (peak memory of every process recorded, to show it stays flat).
# Raw data go to Benchmarks/results/<date>-workloads/ (or $OUT); a summary is printed.
#
# usage: Benchmarks/workloads.sh [validate|district|province|all]   env: NIANJIAN, DATA (made by
#        scripts/make_returns.py; made here when missing), BENCH_DIR (the private harness copy of run.sh, for the
#        C reader), RUNS (default 3), OUT
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NJ=${NIANJIAN:-$ROOT/.build/release/nianjian}
DATA=${DATA:-${TMPDIR:-/tmp}/nianjian-workloads}
BENCH=${BENCH_DIR:-${TMPDIR:-/tmp}/nianjian-bench}
RUNS=${RUNS:-3}
OUT=${OUT:-$ROOT/Benchmarks/results/$(date -u +%F)-workloads}
SCRATCH=${SCRATCH:-${TMPDIR:-/tmp}/nianjian-workloads-scratch} # stores, yearbooks, stderr (not committed)
WHAT=${1:-all}
mkdir -p "$OUT" "$SCRATCH"
[ -x "$NJ" ] || (cd "$ROOT" && swift build -c release --product nianjian)
[ -d "$DATA/province" ] || python3 "$ROOT/Benchmarks/scripts/make_returns.py" "$NJ" "$DATA"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# timed LOG LABEL CMD...: runs CMD under /usr/bin/time, appends "label wall cpu maxrss_kb exit" to LOG.
timed() {
  local log=$1 label=$2; shift 2
  local rc=0
  /usr/bin/time -f '%e %U %S %M' -o "$SCRATCH/time.tmp" "$@" >/dev/null 2>>"$SCRATCH/stderr.log" || rc=$?
  read -r wall user sys rss < <(tail -n 1 "$SCRATCH/time.tmp") # after "Command exited with non-zero status" when not 0
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$rss" "$rc" >>"$log"
}
{
  echo "date: $(date -u +%FT%TZ)"; uname -srm; nproc
  echo "nianjian: $NJ (built $(date -r "$NJ" +%FT%T))"
} >>"$OUT/machine.txt"

if [[ $WHAT == validate || $WHAT == all ]]; then
  RETURN=$(ls "$ROOT"/Samples/2025/*卫生健康局*.xlsx | head -1)
  echo "validate: load before $(load)" | tee -a "$OUT/machine.txt"
  hyperfine -N --warmup 3 --runs 40 --ignore-failure --export-json "$OUT/validate-one.json" \
    -n true "true" \
    -n c-reader "$BENCH/build/xlsx_read $RETURN" \
    -n nianjian-validate "$NJ validate --schema $ROOT/Templates/guandu $RETURN" \
    -n nianjian-dump-stats "$NJ dump --format stats $RETURN" | tee "$OUT/validate-one.txt"
  echo "validate: load after $(load)" | tee -a "$OUT/machine.txt"
fi

if [[ $WHAT == district || $WHAT == all ]]; then
  LOG=$OUT/district.tsv
  : >"$LOG"
  echo "district: load before $(load)" | tee -a "$OUT/machine.txt"
  for run in $(seq "$RUNS"); do
    for j in "$DATA"/jurisdictions/*/; do
      name=$(basename "$j")
      store=$SCRATCH/store-$name.sqlite
      rm -f "$store"*
      # Setup (untimed in the goal, recorded): the 2021-2024 history table.
      timed "$LOG" "$run history $name" "$NJ" import --schema "$ROOT/Templates/$name" --store "$store" "$j/history.csv"
      timed "$LOG" "$run import $name" "$NJ" import --schema "$ROOT/Templates/$name" --store "$store" "$j"/returns/*.xlsx
      timed "$LOG" "$run yearbook $name" "$NJ" yearbook --schema "$ROOT/Templates/$name" --store "$store" \
        --year 2025 --out "$SCRATCH/yearbook-$name.xlsx"
    done
  done
  echo "district: load after $(load)" | tee -a "$OUT/machine.txt"
  awk -F'\t' '{split($1, a, " "); k = a[1] " " a[2]; w[k] += $2; c[k] += $3}
    END {for (k in w) printf "%s: wall %.2f s, cpu %.2f s\n", k, w[k], c[k]}' "$LOG" | sort | tee "$OUT/district.txt"
fi

if [[ $WHAT == province || $WHAT == all ]]; then
  LOG=$OUT/province.tsv
  : >"$LOG"
  echo "province: load before $(load)" | tee -a "$OUT/machine.txt"
  start=$(date +%s.%N)
  for d in "$DATA"/province/d*/; do
    name=$(basename "$d")
    store=$SCRATCH/province-store/$name.sqlite
    mkdir -p "$SCRATCH/province-store"
    rm -f "$store"*
    timed "$LOG" "$name history" "$NJ" import --schema "$ROOT/Templates/guandu" --store "$store" "$DATA/province/history.csv"
    timed "$LOG" "$name validate" "$NJ" validate --schema "$ROOT/Templates/guandu" "$d"/*.xlsx
    timed "$LOG" "$name import" "$NJ" import --schema "$ROOT/Templates/guandu" --store "$store" "$d"/*.xlsx
  done
  end=$(date +%s.%N)
  echo "province: load after $(load)" | tee -a "$OUT/machine.txt"
  # One validate over all 6,000 files in one process: its peak memory against a district's.
  timed "$LOG" "all validate-6000" "$NJ" validate --schema "$ROOT/Templates/guandu" "$DATA"/province/d*/*.xlsx
  echo "province: load after the 6,000-file validate $(load)" | tee -a "$OUT/machine.txt"
  awk -F'\t' -v total="$(echo "$end - $start" | bc)" '{split($1, a, " "); k = a[2]; w[k] += $2; c[k] += $3;
      if ($4 > m[k]) m[k] = $4; if (mn[k] == "" || $4 < mn[k]) mn[k] = $4; n[k]++}
    END {printf "province loop wall %.1f s\n", total;
      for (k in w) printf "%s: %d runs, wall %.1f s, cpu %.1f s, peak RSS %.1f-%.1f MB\n", k, n[k], w[k], c[k],
        mn[k] / 1024, m[k] / 1024}' "$LOG" | tee "$OUT/province.txt"
fi
