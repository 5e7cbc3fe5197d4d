#!/usr/bin/env bash
# What the desktop app needs on a fresh Debian machine, installed only when missing so
# reruns are fast: the webview's build packages, Xvfb and WebKitWebDriver for the e2e
# suite, the UI's npm packages (npm ci) and the built UI (ui/dist, which the desktop
# crate embeds at compile time: it must exist before any cargo build/clippy of it).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/apt-missing.sh libwebkit2gtk-4.1-dev librsvg2-dev build-essential pkg-config file \
  xvfb xauth webkit2gtk-driver curl

if ! command -v node >/dev/null || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "error: the UI build needs Node.js 20.19 or newer (found: $(node -v 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm ci only when the lockfile changed since the last install.
if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "== npm ci (ui)"
  (cd ui && npm ci --no-fund --no-audit)
fi

echo "== ui build (tsc + vite) -> ui/dist"
(cd ui && npm run build --silent)
