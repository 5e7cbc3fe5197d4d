#!/usr/bin/env bash
# Everything the tests need, then every test: the one test command of README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

echo "== cargo test (workspace: core, store, xlsx, app, cli, integration stories)"
cargo test --workspace --locked
