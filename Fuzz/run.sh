#!/usr/bin/env bash
# Builds and runs one fuzz target. Usage (from the repository root or from Fuzz/):
#   bash Fuzz/run.sh FuzzXLSXReader|FuzzXLSXReaderParts|FuzzSchema [seconds=600] [extra libFuzzer flags…]
# The corpus grows in Fuzz/.build/corpus/<target>; crashes, hangs and OOMs land in Fuzz/.build/artifacts/<target>.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?target: FuzzXLSXReader, FuzzXLSXReaderParts or FuzzSchema}"
seconds="${2:-600}"
shift $(( $# >= 2 ? 2 : 1 ))
swift build -c release -Xswiftc -sanitize=fuzzer,address --product "$target"
python3 scripts/make_seeds.py --target "$target" >/dev/null
mkdir -p ".build/corpus/$target" ".build/artifacts/$target"
max_len=131072
dictionary=(-dict=xlsx.dict)
[ "$target" = FuzzXLSXReaderParts ] && max_len=65537
# The Schema target keeps the jurisdiction files in a global, which LeakSanitizer reports as a leak (per input and
# at exit, where it would save the empty input as a bogus crash): leak checking is off for it.
if [ "$target" = FuzzSchema ]; then
  dictionary=(-detect_leaks=0)
  export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
fi
exec ".build/release/$target" \
  -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="$max_len" \
  "${dictionary[@]}" -print_final_stats=1 \
  -artifact_prefix=".build/artifacts/$target/" \
  "$@" \
  ".build/corpus/$target" ".build/seeds/$target"
