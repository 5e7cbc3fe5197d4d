#!/usr/bin/env bash
# Everything the tests need, then every test: the one test command of README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

echo "== report: LibreOffice Writer (headless) and poppler for the DOCX report's test"
bash scripts/setup-report.sh

echo "== cargo test (workspace: core, store, xlsx, app, cli, integration stories)"
# The desktop shell is a workspace member but needs the webview stack: its own steps below.
cargo test --workspace --locked --exclude swanilai-desktop

echo "== desktop: packages, npm ci, ui build"
bash scripts/setup-desktop.sh

echo "== desktop: vitest (ui view logic)"
(cd ui && npm test --silent)

echo "== desktop: cargo test -p swanilai-desktop"
cargo test -p swanilai-desktop --locked

echo "== desktop: build the app with the UI embedded"
cargo build -p swanilai-desktop --locked

echo "== desktop: end-to-end (Xvfb + WebKitWebDriver, the real window)"
bash scripts/e2e.sh "${CARGO_TARGET_DIR:-target}/debug/swanilai-desktop"

echo "== fuzz smoke (every reader of outside files: built once, a few seconds each)"
bash scripts/fuzz.sh --smoke
