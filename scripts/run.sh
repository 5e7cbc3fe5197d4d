#!/usr/bin/env bash
# Build and run Swanilai SPBE on the default database (the user's data folder):
# fills it with the demo instansi on first run, then shows the Indeks SPBE and
# exports the national workbook next to the database.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p swanilai-cli
bin=target/release/swanilai
"$bin" demo
"$bin" index
db_dir="${XDG_DATA_HOME:-$HOME/.local/share}/swanilai"
"$bin" export --out "$db_dir/penilaian-mandiri.xlsx"
