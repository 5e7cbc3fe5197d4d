#!/usr/bin/env bash
# What the report's test needs on a fresh Debian machine, installed only when missing:
# LibreOffice Writer without its GUI (soffice --headless --convert-to pdf opens the DOCX
# report), poppler-utils (pdfinfo, pdftotext, pdftoppm read the converted PDF) and the
# Liberation fonts (metric-compatible with Times New Roman, the DOCX's font, so the pages
# break as in Word). --no-install-recommends keeps it to ~65 s on a fresh machine
# (measured: apt-get update 3.5 s, install 61 s + 5 s for the fonts).
set -euo pipefail

bash "$(dirname "$0")/apt-missing.sh" libreoffice-writer-nogui poppler-utils fonts-liberation2
