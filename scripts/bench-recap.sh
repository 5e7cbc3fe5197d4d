#!/usr/bin/env bash
# Recap of many instansi (docs/benchmarks.md, issue 12): COUNT (default 600) real exports,
# each from its own database (instansi "Pemerintah Kabupaten Uji N"), every fifth a Pemdi
# assessment, the others 59/2020; their values come from 20 fully answered 59/2020 and 5
# Pemdi assessments made through the CLI (levels and values varied, ~1 100-character
# explanations), imported into each instansi's database and exported again, so every input
# is a Swanilai export. Then, RUNS times each (default 3), alternating: the release
# `swanilai recap FOLDER --out X` and a plain Python openpyxl script reading the same cells
# (scripts/openpyxl/read_recap.py), each under /usr/bin/time (wall, user + system CPU, peak
# RSS). Prints each run, the medians and the ratio. Not part of scripts/test.sh.
# Usage: scripts/bench-recap.sh [COUNT] [RUNS]
# BENCH_RECAP_DIR=DIR keeps the generated workbooks there (made once, reused when present).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-600}
runs=${2:-3}
target=${CARGO_TARGET_DIR:-$PWD/target}
cargo build -q --release -j 1 -p swanilai-cli
cli=$target/release/swanilai
venv=$target/bench-openpyxl-venv
if ! "$venv/bin/python" -c "import openpyxl" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q openpyxl
fi
py=$venv/bin/python
if [ -n "${BENCH_RECAP_DIR:-}" ]; then
  work=$BENCH_RECAP_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
books=$work/books-$count
if [ ! -d "$books" ]; then
  start=$(date +%s)
  tpl=$work/templates
  rm -rf "$tpl" "$books.partial"
  mkdir -p "$tpl" "$books.partial"
  long=$(printf 'FAKTA: kebijakan ditetapkan dengan Peraturan Bupati dan dilaksanakan di setiap perangkat daerah. %.0s' $(seq 1 10))
  for v in $(seq 0 19); do
    db=$tpl/spbe-$v.db
    "$cli" --db "$db" init --instansi "Templat $v" --kind kabupaten >/dev/null
    "$cli" --db "$db" assessment new --year 2026 >/dev/null
    for n in $(seq 1 47); do
      "$cli" --db "$db" answer set --indicator "$n" --level $(((n * 7 + v * 3 + n / 9) % 5 + 1)) \
        --explanation "$long ANALISIS: templat $v, indikator $n." >/dev/null
    done
    "$cli" --db "$db" export --year 2026 --out "$tpl/spbe-$v.xlsx" >/dev/null
  done
  for v in $(seq 0 4); do
    db=$tpl/pemdi-$v.db
    "$cli" --db "$db" init --instansi "Templat Pemdi $v" --kind kabupaten >/dev/null
    "$cli" --db "$db" assessment new --year 2026 --framework pemdi-2026 >/dev/null
    for n in 1 2 3 4 8 9 10 11 12 13 14 15 16 17 19 20; do
      value=$(((n * 37 + v * 53) % 400 + 100))
      "$cli" --db "$db" answer set --indicator "$n" --value "$((value / 100)).$(printf %02d $((value % 100)))" \
        --explanation "$long" >/dev/null
    done
    "$cli" --db "$db" export --year 2026 --out "$tpl/pemdi-$v.xlsx" >/dev/null
  done
  for i in $(seq 1 "$count"); do
    db=$work/instansi.db
    rm -rf "$db" "$work/instansi.backups" "$work/instansi.evidence"
    if [ $((i % 5)) -eq 0 ]; then
      framework=(--framework pemdi-2026)
      from=$tpl/pemdi-$((i / 5 % 5)).xlsx
    else
      framework=()
      from=$tpl/spbe-$((i % 20)).xlsx
    fi
    "$cli" --db "$db" init --instansi "Pemerintah Kabupaten Uji $i" --kind kabupaten >/dev/null
    "$cli" --db "$db" assessment new --year 2026 "${framework[@]}" >/dev/null
    "$cli" --db "$db" import --year 2026 --accept-valid "$from" >/dev/null
    "$cli" --db "$db" export --year 2026 --out "$books.partial/$(printf %04d "$i").xlsx" >/dev/null
  done
  rm -rf "$work/instansi.db" "$work/instansi.backups" "$work/instansi.evidence"
  mv "$books.partial" "$books"
  echo "made $count exports in $(($(date +%s) - start)) s"
fi
echo "inputs: $(find "$books" -type f | wc -l) workbooks, $(du -sh "$books" | cut -f1) in all, $(nproc) cores"
out=$work/rekap.xlsx
measure() { # NAME CMD...: one run under /usr/bin/time; prints "NAME wall cpu rss_mb"
  local name=$1 log
  shift
  log=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$log" "$@" >/dev/null
  awk -v n="$name" '{printf "%s %.2f %.2f %.0f\n", n, $1, $2 + $3, $4 / 1024}' "$log"
  rm -f "$log"
}
results=$(mktemp)
for _ in $(seq 1 "$runs"); do
  measure swanilai "$cli" recap "$books" --out "$out" | tee -a "$results"
  measure openpyxl "$py" scripts/openpyxl/read_recap.py "$books" | tee -a "$results"
done
"$cli" recap "$books" --out "$out" --json | "$py" -c '
import json, sys
d = json.load(sys.stdin)
rows, errors = d["instansi"], d["errors"]
s = sum(r["index"] or 0 for r in rows)
print(f"swanilai recap: {len(rows)} rows, {len(errors)} errors, index sum {s:.2f}")'
"$py" scripts/openpyxl/read_recap.py "$books" | sed 's/^/openpyxl: /'
"$py" - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
med = {}
for name in ("swanilai", "openpyxl"):
    mine = [r for r in rows if r[0] == name]
    med[name] = [statistics.median(float(r[i]) for r in mine) for i in (1, 2, 3)]
    w, c, m = med[name]
    print(f"{name}: median wall {w:.2f} s, cpu {c:.2f} s, peak RSS {m:.0f} MB ({len(mine)} runs)")
print(f"ratio (openpyxl / swanilai): wall {med['openpyxl'][0] / med['swanilai'][0]:.1f}x, "
      f"cpu {med['openpyxl'][1] / med['swanilai'][1]:.1f}x")
PY
rm -f "$results"
