#!/usr/bin/env bash
# Packaging smoke run: builds the app and packs it with electron-builder into an unpacked Linux
# folder, using a stub instead of the Electron binary so nothing is downloaded.
#   bash scripts/package-smoke.sh [output folder]     (default: a new temporary folder)
# Only the `dir` target runs, because deb and AppImage make electron-builder fetch extra tools.
# The stub has no fuse wire, so ANTRAGSDESK_SKIP_FUSES=1 makes the afterPack hook skip the fuses.
# The result shows the package layout and is not runnable.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
output="${1:-$(mktemp -d -t antragsdesk-smoke.XXXXXX)}"
stub="$output/electron-stub"
electron_version="45.6.1"

mkdir -p "$stub/resources"
printf '#!/bin/sh\necho "stub Electron of the packaging smoke run; not runnable" >&2\nexit 1\n' > "$stub/electron"
chmod +x "$stub/electron"

npx electron-vite build

ANTRAGSDESK_SKIP_FUSES=1 npx electron-builder --linux dir --publish never \
  -c.electronDist="$stub" \
  -c.electronVersion="$electron_version" \
  -c.npmRebuild=false \
  -c.directories.output="$output/dist"

resources="$output/dist/linux-unpacked/resources"
test -f "$resources/app.asar" || { echo "package-smoke: missing $resources/app.asar" >&2; exit 1; }
native="$(find "$resources/app.asar.unpacked/node_modules/better-sqlite3" -name '*.node' -print -quit 2>/dev/null || true)"
test -n "$native" || { echo "package-smoke: no better-sqlite3 .node file under $resources/app.asar.unpacked" >&2; exit 1; }

echo "package-smoke: ok, $resources"
