#!/usr/bin/env bash
# Fuzz the readers of outside files (cargo-fuzz, libFuzzer, the nightly toolchain).
# Usage: scripts/fuzz.sh [SECONDS per target, default 60]. Seeds (real packages made by
# the CLI) are in fuzz/seeds/<target>. Installs cargo-fuzz from
# crates.io when missing. The corpus grows in fuzz/corpus/<target> (not committed);
# a crash is saved in fuzz/artifacts/<target> and fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked
for target in package_reader; do
  echo "== fuzz $target for ${secs}s"
  (cd fuzz && mkdir -p "corpus/$target" && cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- -max_total_time="$secs" -rss_limit_mb=512 -max_len=1048576)
done
