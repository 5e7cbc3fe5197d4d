#!/usr/bin/env bash
# Export against openpyxl (docs/benchmarks.md, issue 10): the national workbook of a full
# assessment (the demo kabupaten, all 47 indicators answered with ~1 800-character
# explanations, its 93 evidence files in Data Dukung) written by the release
# `swanilai export` and by a plain Python openpyxl script (scripts/openpyxl/), both as
# whole processes (start, read, write, exit), alternating, RUNS times each (default 9).
# openpyxl comes from PyPI into a virtual environment under the target folder.
# Usage: scripts/bench-openpyxl.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
target=${CARGO_TARGET_DIR:-$PWD/target}
cargo build -q --release -p swanilai-cli
cli=$target/release/swanilai
venv=$target/bench-openpyxl-venv
if ! "$venv/bin/python" -c "import openpyxl" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q openpyxl
fi
py=$venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/demo.db
"$cli" --db "$db" demo >/dev/null
long=$(printf 'FAKTA: Pemerintah Kabupaten Sukamaju telah menetapkan Peraturan Bupati tentang tata kelola SPBE, lengkap dengan lampiran dan bukti pelaksanaan di setiap perangkat daerah. %.0s' $(seq 1 10))
long="$long ANALISIS: kebijakan sudah diterapkan terpadu dan dievaluasi berkala."
for n in $(seq 1 47); do
  "$cli" --db "$db" answer set --year 2026 --indicator "$n" --level $((n % 5 + 1)) --explanation "$long" >/dev/null
done
"$cli" --db "$db" export --year 2026 --out "$work/swanilai.xlsx" >/dev/null
"$py" scripts/openpyxl/dump_spec.py "$work/swanilai.xlsx" "$work/spec.json"
"$py" scripts/openpyxl/write_workbook.py "$work/spec.json" "$work/openpyxl.xlsx"
# The two files hold the same: a spec of each must be equal.
"$py" scripts/openpyxl/dump_spec.py "$work/openpyxl.xlsx" "$work/check.json"
"$py" -c "import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); assert a==b, 'the openpyxl workbook differs'" \
  "$work/spec.json" "$work/check.json"
echo "workbook: $(stat -c %s "$work/swanilai.xlsx") bytes (swanilai), $(stat -c %s "$work/openpyxl.xlsx") bytes (openpyxl); explanations $(echo -n "$long" | wc -m) characters"
"$py" scripts/openpyxl/time_both.py "$runs" \
  -- "$cli" --db "$db" export --year 2026 --out "$work/out-swanilai.xlsx" \
  -- "$py" scripts/openpyxl/write_workbook.py "$work/spec.json" "$work/out-openpyxl.xlsx"
