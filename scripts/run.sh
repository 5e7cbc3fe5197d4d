#!/usr/bin/env bash
# Build and start the Swanilai SPBE desktop app on the default database (the user's data
# folder, the CLI's too); installs what the desktop needs when missing.
#   scripts/run.sh               the desktop app
#   scripts/run.sh --db FILE     the desktop app on another database file
#   scripts/run.sh --demo        the CLI demo instead: fills the default database with the
#                                demo instansi, shows the Indeks SPBE and exports the workbook
# With no display (a headless machine) the CLI demo runs instead of the window.
set -euo pipefail
cd "$(dirname "$0")/.."

cli_demo() {
  cargo build --release --locked -p swanilai-cli
  bin=target/release/swanilai
  "$bin" demo
  "$bin" index
  db_dir="${XDG_DATA_HOME:-$HOME/.local/share}/swanilai"
  "$bin" export --out "$db_dir/penilaian-mandiri.xlsx"
}

if [ "${1:-}" = "--demo" ]; then
  cli_demo
  exit 0
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: running the CLI demo instead of the desktop window (see scripts/run.sh)." >&2
  cli_demo
  exit 0
fi

bash scripts/setup-desktop.sh
cargo build --release --locked -p swanilai-desktop
exec target/release/swanilai-desktop "$@"
