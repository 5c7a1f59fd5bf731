#!/usr/bin/env bash
# Runs each fuzz target once over its saved crashes (Fuzz/crashes/<target>/); exits non-zero if any still fails.
set -euo pipefail
cd "$(dirname "$0")"
status=0
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"  # crashes only; see run.sh about FuzzSchema
for target in FuzzXLSXReader FuzzXLSXReaderParts FuzzSchema; do
  inputs=(crashes/"$target"/*)
  [ -e "${inputs[0]}" ] || continue
  swift build -c release -Xswiftc -sanitize=fuzzer,address --product "$target"
  for input in "${inputs[@]}"; do
    if ".build/release/$target" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 -runs=0 "$input" >/dev/null 2>&1; then
      echo "fixed:      $target $input"
    else
      echo "still fails: $target $input"
      status=1
    fi
  done
done
exit $status
