#!/usr/bin/env bash
# Runs each fuzz target once over its saved inputs (Fuzz/crashes/<target>/), with AddressSanitizer and (except for
# FuzzSchema, see run.sh) LeakSanitizer on. Exits non-zero if any input still crashes, hangs, leaks or trips a check;
# prints the sanitizer's summary for each one that does.
set -euo pipefail
cd "$(dirname "$0")"
# Swift's own backtracer reads memory ASan forbids and hides the report: libFuzzer and ASan print the stack instead.
export SWIFT_BACKTRACE=enable=no
status=0
for target in FuzzZip FuzzSheetXML FuzzSharedStrings FuzzStyles FuzzTargetExpression FuzzSchema FuzzReturn \
  FuzzXLSXReaderParts; do
  [ -d "crashes/$target" ] || continue
  inputs=()
  for input in crashes/"$target"/*; do [ -f "$input" ] && inputs+=("$input"); done
  [ ${#inputs[@]} -gt 0 ] || continue
  swift build -c release -Xswiftc -sanitize=fuzzer,address --product "$target"
  leaks=1
  [ "$target" = FuzzSchema ] && leaks=0
  for input in "${inputs[@]}"; do
    if output=$(ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" ".build/release/$target" \
      -rss_limit_mb=2048 -timeout=10 -detect_leaks=$leaks -runs=1 "$input" 2>&1); then
      echo "fixed:       $target $input"
    else
      echo "still fails: $target $input"
      grep -E 'ERROR|SUMMARY|Fatal error|Precondition failed' <<<"$output" | head -5 | sed 's/^/    /'
      status=1
    fi
  done
done
exit $status
