#!/usr/bin/env bash
# The e2e suite N times in a row on one build, to show that every step holds (issue 10,
# item 12), with the --bench figures of each run (first paint, indicator switch, idle
# memory) so their spread is known. Usage: scripts/e2e-repeat.sh N [APP_BINARY]
# Prints one line per run (passed, failed, the failing steps, first paint) and a summary;
# each run's whole log is kept in e2e/artifacts/repeat-K.log. Exits non-zero when any run
# had a failing step.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=${2:-target/debug/swanilai-desktop}
# A copy of the binaries (the app and the CLI the stories prepare databases with, found
# beside it): a build in another terminal cannot swap them mid-series.
bin=$(mktemp -d)/$(basename "$app")
cp "$app" "$bin"
cp "$(dirname "$app")/swanilai" "$(dirname "$bin")/"
mkdir -p e2e/artifacts
bad=0
paints=()
for k in $(seq 1 "$runs"); do
  log=e2e/artifacts/repeat-$k.log
  start=$(date +%s)
  bash scripts/e2e.sh "$bin" --bench >"$log" 2>&1
  took=$(( $(date +%s) - start ))
  result=$(grep -E '^e2e: ' "$log" | tail -1)
  fails=$(grep -E '^FAIL ' "$log" | cut -c6- | cut -d: -f1 | paste -sd ';' -)
  paint=$(grep -oE '"window_to_first_paint_ms": [0-9]+' "$log" | grep -oE '[0-9]+$' | head -1)
  load=$(cut -d' ' -f1 /proc/loadavg)
  paints+=("${paint:-?}")
  echo "run $k: ${result:-no result} in ${took}s; load ${load}; first paint ${paint:-?} ms${fails:+; FAILED: $fails}"
  if [ -n "$fails" ] || [ -z "$result" ] || ! grep -qE '^e2e: [0-9]+ passed, 0 failed' <<<"$result"; then bad=$((bad + 1)); fi
done
echo "e2e-repeat: $((runs - bad)) of $runs runs without a failing step; first paint ms: ${paints[*]}"
rm -rf "$(dirname "$bin")"
[ "$bad" -eq 0 ]
