#!/usr/bin/env bash
# Prepare a fresh machine: Node 24, the npm dependencies and Debian's Chromium for browser tests.
# Safe to run again; every step skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/node-env.sh

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian chromium for the browser tests" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is missing; install it (apt-get install chromium) to run the browser tests" >&2
  fi
fi

# The Electron binary cannot be downloaded on every machine (CI here reaches only the npm
# registry), so the install never fetches it; `npm run test:electron` needs it installed separately.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1

if [ "${CI:-}" = true ] || [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
