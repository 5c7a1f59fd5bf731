#!/usr/bin/env bash
# Renders the picture of a yearbook sheet shown in README.md: runs the demo, converts its yearbook to PDF
# with LibreOffice, and turns the top of the first page of the children's-plan sheet into a PNG (pdftoppm,
# Debian package poppler-utils).
#
# usage: docs/make_pictures.sh            (from the package root, after `swift build -c release`)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NIANJIAN=${NIANJIAN:-$ROOT/.build/release/nianjian}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

(cd "$ROOT" && "$NIANJIAN" demo --out "$WORK/demo" >/dev/null 2>&1)
yearbook=$(find "$WORK/demo" -maxdepth 1 -name '*.xlsx' | head -n 1)
soffice --headless "-env:UserInstallation=file://$WORK/profile" --convert-to pdf --outdir "$WORK" "$yearbook" \
  >/dev/null 2>&1
pdf=$(find "$WORK" -maxdepth 1 -name '*.pdf' | head -n 1)
# The first page whose text starts with the children's plan sheet's title.
page=$(for p in $(seq 1 "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"); do
  first_line=$(pdftotext -f "$p" -l "$p" "$pdf" - | sed -n 1p)
  if [[ $first_line == *儿童发展规划*监测指标* ]]; then echo "$p"; break; fi
done)
[ -n "$page" ] || { echo "no page of the children's plan sheet in $pdf" >&2; exit 1; }
pdftoppm -f "$page" -l "$page" -r 150 -x 0 -y 60 -W 2480 -H 840 -png -singlefile "$pdf" "$ROOT/docs/yearbook-sheet"
echo "written: docs/yearbook-sheet.png (page $page of the yearbook)"
