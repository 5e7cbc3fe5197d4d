#!/usr/bin/env bash
# End-to-end tests of the real desktop app, headless: Xvfb + WebKitWebDriver + the app
# binary (built with the UI embedded), driven by e2e/run_e2e.py (Python stdlib only).
# Usage: scripts/e2e.sh [APP_BINARY] [--bench]   (prints `e2e: N passed, M failed` last)
set -euo pipefail
cd "$(dirname "$0")/.."
app=target/debug/swanilai-desktop
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then app=$1; shift; fi
art=e2e/artifacts
mkdir -p "$art"

# A free X display and a free port, so a developer's own session is left alone.
n=90
while [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; do n=$((n + 1)); done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
home=$(mktemp -d)

# -fbdir: the screen is also kept as an image file, which the screenshots are taken from
# (e2e/xwd.py; WebKitWebDriver's own snapshot hangs when compositing is off).
mkdir -p "$home/fb"
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp -fbdir "$home/fb" >"$art/xvfb.log" 2>&1 &
xvfb=$!
# The app gets its settings, data and cache folders from the driver's environment:
# point them at a scratch home so the tests never touch the user's own database.
# SWANILAI_HOLD_DIR: a file named after a hold point in that folder holds the app's long
# job there until the test removes it (swanilai_app::files::hold), so a step can look at a
# job midway on any build and under any load without racing it.
mkdir -p "$home/holds"
env DISPLAY=":$n" TAURI_WEBVIEW_AUTOMATION=true SWANILAI_HOLD_DIR="$home/holds" \
  XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
  WebKitWebDriver --port="$port" --host=127.0.0.1 >"$art/webdriver.log" 2>&1 &
driver=$!
cleanup() {
  kill "$driver" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$driver" "$xvfb" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  if [ -S "/tmp/.X11-unix/X$n" ] && curl -sf "http://127.0.0.1:$port/status" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
E2E_DISPLAY=":$n" E2E_FBDIR="$home/fb" SWANILAI_HOLD_DIR="$home/holds" python3 e2e/run_e2e.py --app "$app" --driver "http://127.0.0.1:$port" --artifacts "$art" "$@"
