#!/usr/bin/env bash
# Fuzz the readers of outside files (cargo-fuzz, libFuzzer, the nightly toolchain).
# Usage: scripts/fuzz.sh [SECONDS per target, default 60] [TARGET...]
# Targets (fuzz/fuzz_targets): package_reader (.swanilai packages), workbook_import (the
# national workbook importer), catalog_json and catalog_book (catalog files, JSON and
# xlsx), levels_csv (the levels file of `index --levels`); all of them when none is named.
# Seeds (real files made by the CLI, the shipped catalog, small CSVs) are in
# fuzz/seeds/<target>. Each target runs with a low memory cap (-rss_limit_mb=512, so an
# unbounded allocation is a crash) and a per-input timeout (-timeout=10 s, so a loop or a
# quadratic blow-up is one too). Installs cargo-fuzz from crates.io when missing. The
# corpus grows in fuzz/corpus/<target> (not committed); a crash is saved in
# fuzz/artifacts/<target> and fails the run. Prints runs and seconds per target.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(package_reader workbook_import catalog_json catalog_book levels_csv)
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
cd fuzz
# `fuzz run` builds its target first (the shared dependencies once); -max_total_time
# counts fuzzing only.
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${secs}s"
  mkdir -p "corpus/$target"
  log=$(mktemp)
  if ! cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
    -max_total_time="$secs" -rss_limit_mb=512 -timeout=10 -max_len=1048576 2>"$log"; then
    tail -40 "$log"
    rm -f "$log"
    echo "== $target: CRASH (see fuzz/artifacts/$target)"
    exit 1
  fi
  grep -E "^Done [0-9]+ runs" "$log" | sed "s/^/== $target: /" || tail -3 "$log"
  rm -f "$log"
done
