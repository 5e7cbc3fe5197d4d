#!/usr/bin/env bash
# Install the Debian packages named that are not installed yet (apt-get, with sudo when
# not root, --no-install-recommends), so reruns cost nothing; prints how long it took.
# Usage: scripts/apt-missing.sh PACKAGE...
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -gt 0 ] || exit 0
echo "== apt-get install ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "== installed in $(($(date +%s) - start)) s"
