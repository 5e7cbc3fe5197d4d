#!/usr/bin/env bash
# Fuzz the readers of outside files (cargo-fuzz, libFuzzer, the nightly toolchain).
# Usage: scripts/fuzz.sh [--smoke] [SECONDS per target, default 60] [TARGET...]
# Targets (fuzz/fuzz_targets): package_reader (.swanilai packages), workbook_import (the
# national workbook importer), pemdi_workbook (the Pemdi workbook importer), recap_workbook
# (one workbook as `swanilai recap` reads it), catalog_json and catalog_book (catalog
# files, JSON and xlsx), levels_csv (the levels file of `index --levels`), stage_csv and
# stage_template (the verification results, CSV and template); all of them when none is
# named.
# Seeds (real files made by the CLI, the shipped catalog, small CSVs) are in
# fuzz/seeds/<target>. Each target runs with a low memory cap (-rss_limit_mb=512, so an
# unbounded allocation is a crash) and a per-input timeout (-timeout=10 s, so a loop or a
# quadratic blow-up is one too; 60 s in the smoke). Installs cargo-fuzz from crates.io when missing. The
# corpus grows in fuzz/corpus/<target> (not committed); a crash is saved in
# fuzz/artifacts/<target> and fails the run. Prints runs and seconds per target.
#
# --smoke is the short run of scripts/test.sh (and so of CI): every target built once
# without optimisation (`--dev`, still with AddressSanitizer and libFuzzer's coverage: less
# than half the compile work of the optimised build, which is what a one-off CI build
# pays for) and run SECONDS each (default 10: under a minute for the five). It shows that
# every target builds and that its seeds and what a few seconds of mutation find do not
# crash; the long runs that find things are the default mode's. Without a nightly
# toolchain (a machine that has only the stable one) the smoke is skipped, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=false
if [ "${1:-}" = "--smoke" ]; then
  smoke=true
  shift
fi
secs=${1:-$($smoke && echo 10 || echo 60)}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(package_reader workbook_import pemdi_workbook recap_workbook catalog_json catalog_book levels_csv stage_csv stage_template)
fi
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  if $smoke; then
    echo "== fuzz smoke skipped: no nightly toolchain on this machine (rustup toolchain list)"
    exit 0
  fi
  echo "fuzzing needs the nightly toolchain (rustup toolchain list shows none)" >&2
  exit 1
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
build=()
timeout=10
if $smoke; then
  # Unoptimised code is many times slower: one input of the catalog workbook took over
  # 6 s on a loaded machine, so the smoke allows 60 s before calling an input a hang.
  build=(--dev)
  timeout=60
fi
cd fuzz
start=$(date +%s)
# Each target's build shares the dependencies built for the first; `fuzz run` below finds
# them built, with the same flags.
for target in "${targets[@]}"; do
  log=$(mktemp)
  if ! cargo +nightly fuzz build "${build[@]}" "$target" >"$log" 2>&1; then
    tail -40 "$log"
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
done
echo "== fuzz: built ${#targets[@]} target(s) in $(($(date +%s) - start)) s"
# -max_total_time counts fuzzing only.
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${secs}s"
  mkdir -p "corpus/$target"
  log=$(mktemp)
  if ! cargo +nightly fuzz run "${build[@]}" "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$secs" -rss_limit_mb=512 -timeout="$timeout" -max_len=1048576 2>"$log"; then
    tail -40 "$log"
    rm -f "$log"
    echo "== $target: CRASH (see fuzz/artifacts/$target)"
    exit 1
  fi
  grep -E "^Done [0-9]+ runs" "$log" | sed "s/^/== $target: /" || tail -3 "$log"
  rm -f "$log"
done
echo "== fuzz: ${#targets[@]} target(s) in $(($(date +%s) - start)) s in all"
