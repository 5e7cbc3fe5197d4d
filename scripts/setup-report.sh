#!/usr/bin/env bash
# What the report's test needs on a fresh Debian machine, installed only when missing:
# LibreOffice Writer without its GUI (soffice --headless --convert-to pdf opens the DOCX
# report), poppler-utils (pdfinfo, pdftotext, pdftoppm read the converted PDF) and the
# Liberation fonts (metric-compatible with Times New Roman, the DOCX's font, so the pages
# break as in Word). --no-install-recommends keeps it to ~65 s on a fresh machine
# (measured: apt-get update 3.5 s, install 61 s + 5 s for the fonts).
set -euo pipefail

packages=(libreoffice-writer-nogui poppler-utils fonts-liberation2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  start=$(date +%s)
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  echo "== report packages installed in $(($(date +%s) - start)) s"
fi
