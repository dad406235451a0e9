#!/usr/bin/env bash
# The main job on the embedded default: the portal with the demo region in ./data (SQLite), and the
# desktop app in clerk mode against it. Where no Electron binary is installed (CI and this kind of
# build machine cannot download it), it says so and keeps the portal running.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
. scripts/node-env.sh 2>/dev/null

port="${PORTAL_PORT:-8080}"
data="${PORTAL_DATA_DIR:-$PWD/data}"

npx electron-vite build >/dev/null
npx vite build -c vite.web.config.ts >/dev/null

node portal/src/cli.ts --port "$port" --data "$data" &
portal_pid=$!
trap 'kill "$portal_pid" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done

echo
echo "Portal:          http://127.0.0.1:$port/  (status page /status, API /openapi.json)"
echo "Demo login:      see README (user names per authority, password Demo-Passwort-2026)"

if [ -x node_modules/electron/dist/electron ] || [ -e node_modules/electron/dist/electron.exe ]; then
  echo "Desktop app:     starting in clerk mode"
  ANTRAGSDESK_PORTAL_URL="http://127.0.0.1:$port" npx electron . --portal-url="http://127.0.0.1:$port" --mode=clerk || true
else
  echo "Desktop app:     NOT started - no Electron binary is installed on this machine."
  echo "                 On a machine that can reach Electron's download, fetch it with"
  echo "                 'node node_modules/electron/install.js', then run npm start again."
  echo "                 The portal keeps running; press Ctrl+C to stop it."
fi

wait "$portal_pid"
