#!/usr/bin/env bash
# Makes v1-store.sql: a dump of a store written by the first store schema (migration v1-submissions-values-findings),
# used by StoreMigrationTests to check that old stores are migrated forward with their data.
# Run it only with a nianjian whose last migration is v1 (commit "Store: SQLite monitoring store …"); never
# regenerate it with a later version, or the test no longer checks anything.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
nianjian="${NIANJIAN_BIN:-$here/../../../.build/debug/nianjian}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '指标代码,年份,数值,备注\nT-HE-01,2024,96,\nT-HE-01,2025,96.25,快报数\nT-HE-02,2025,—,\n' > "$work/历史数据.csv"
"$nianjian" import "$work/历史数据.csv" --schema "$here/schema/teststore" --store "$work/store.sqlite"
sqlite3 "$work/store.sqlite" .dump > "$here/v1-store.sql"
