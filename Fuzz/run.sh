#!/usr/bin/env bash
# Builds and runs fuzz targets for a set time each. Usage (from the repository root or from Fuzz/):
#   bash Fuzz/run.sh TARGET|all [seconds=600] [extra libFuzzer flags…]
# TARGET: FuzzZip FuzzSheetXML FuzzSharedStrings FuzzStyles FuzzTargetExpression FuzzSchema FuzzReturn
#         FuzzXLSXReaderParts; `all` runs the first seven one after another, `seconds` each.
# The corpus grows in Fuzz/.build/corpus/<target>; crashes, hangs, leaks and OOMs land in Fuzz/.build/artifacts/<target>.
# A summary line per run is appended to Fuzz/.build/runs.log. Exits non-zero if any run found something.
set -euo pipefail
cd "$(dirname "$0")"
# Swift's own backtracer reads memory ASan forbids and hides the report: libFuzzer and ASan print the stack instead.
export SWIFT_BACKTRACE=enable=no
targets=(FuzzZip FuzzSheetXML FuzzSharedStrings FuzzStyles FuzzTargetExpression FuzzSchema FuzzReturn)
target="${1:?target: ${targets[*]} FuzzXLSXReaderParts, or all}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))

run_one() {
  local target="$1"; shift
  swift build -c release -Xswiftc -sanitize=fuzzer,address --product "$target" || return 1
  python3 scripts/make_seeds.py --target "$target" || return 1
  mkdir -p ".build/corpus/$target" ".build/artifacts/$target"
  local max_len=65536 flags=(-dict=xlsx.dict) options="${ASAN_OPTIONS:-}"
  case "$target" in
    FuzzZip) max_len=131072 ;;
    FuzzStyles | FuzzXLSXReaderParts) max_len=65537 ;;
    FuzzTargetExpression) max_len=256 flags=(-dict=expression.dict) ;;
    FuzzReturn) max_len=262144 ;;
    # The Schema target keeps the jurisdiction files in a global, which LeakSanitizer reports as a leak (per
    # input and at exit, where it would save the empty input as a bogus crash): leak checking is off for it.
    FuzzSchema) max_len=131072 flags=(-detect_leaks=0) options="detect_leaks=0${options:+:$options}" ;;
  esac
  local log=".build/artifacts/$target/last-run.log" status=0
  set +e
  ASAN_OPTIONS="$options" ".build/release/$target" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
    "${flags[@]}" -print_final_stats=1 \
    -artifact_prefix=".build/artifacts/$target/" \
    "$@" \
    ".build/corpus/$target" ".build/seeds/$target" 2>&1 | tee "$log" | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|ERROR|SUMMARY|stat::'
  status=${PIPESTATUS[0]}
  set -e
  local done_line
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  printf '%s %s %ss status=%s corpus=%s %s\n' "$(date -u +%FT%TZ)" "$target" "$seconds" "$status" \
    "$(ls ".build/corpus/$target" | wc -l)" "$done_line" >> .build/runs.log
  return "$status"
}

if [ "$target" = all ]; then
  failed=0
  for each in "${targets[@]}"; do run_one "$each" "$@" || failed=1; done
  exit $failed
fi
run_one "$target" "$@"
