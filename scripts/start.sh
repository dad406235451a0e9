#!/usr/bin/env bash
# The main job on the embedded default: the portal with the demo region in ./data (SQLite), and the
# desktop app in clerk mode against it. Where no Electron binary is installed (CI and this kind of
# build machine cannot download it), it prints that and keeps the portal running.
#   PORTAL_PORT (default 8080) and PORTAL_DATA_DIR (default ./data) change port and data folder;
#   PORTAL_LOG_LEVEL (default warn here, so request lines do not bury the banner) the log detail.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
. scripts/node-env.sh 2>/dev/null

port="${PORTAL_PORT:-8080}"
data="${PORTAL_DATA_DIR:-$PWD/data}"

if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 || (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "start: port $port on 127.0.0.1 is already in use (another portal?)." >&2
  echo "       Stop that program, or choose another port and data folder:" >&2
  echo "       PORTAL_PORT=8081 PORTAL_DATA_DIR=./data-2 bash scripts/start.sh" >&2
  exit 1
fi

# The portal rejects a data folder that another running portal has taken (portal.pid). Checking
# here saves the builds below. As in the portal, a process id that another program has by now
# (Linux names its command line in /proc) does not count.
holder="$(cat "$data/portal.pid" 2>/dev/null || true)"
if [ -n "$holder" ] && kill -0 "$holder" 2>/dev/null \
  && { [ ! -r "/proc/$holder/cmdline" ] || tr '\0' ' ' < "/proc/$holder/cmdline" | grep -q portal; }; then
  echo "start: the data folder $data is in use by another portal (pid $holder)." >&2
  echo "       Stop that portal, or choose another data folder:" >&2
  echo "       ${PORTAL_PORT:+PORTAL_PORT=$PORTAL_PORT }PORTAL_DATA_DIR=./data-2 bash scripts/start.sh" >&2
  exit 1
fi

npx electron-vite build >/dev/null
npx vite build -c vite.web.config.ts >/dev/null

# A new data folder gets a few invented applications, so the inboxes are not empty in a demo.
if [ ! -e "$data/antragsdesk.sqlite" ]; then
  node portal/src/demo/generate.ts --data "$data" --count 60 >/dev/null
fi

node portal/src/cli.ts --port "$port" --data "$data" --log-level "${PORTAL_LOG_LEVEL:-warn}" &
portal_pid=$!
trap 'kill "$portal_pid" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  kill -0 "$portal_pid" 2>/dev/null || { echo "start: the portal did not start; see the messages above." >&2; exit 1; }
  sleep 0.2
done

echo
echo "Portal:          http://127.0.0.1:$port/  (status page /status, help /hilfe, API /openapi.json)"
echo "Demo data:       $data  (clerk accounts: see README, password Demo-Passwort-2026)"
# The portal also logs this as a JSON warning line above; here it is in words.
if [ -z "${PORTAL_SMTP_URL:-}" ]; then
  echo "E-mail:          no SMTP server set (PORTAL_SMTP_URL), so citizen e-mails stay queued in the portal"
fi

if [ -x node_modules/electron/dist/electron ] || [ -e node_modules/electron/dist/electron.exe ]; then
  echo "Desktop app:     starting in clerk mode"
  npx electron . --portal-url="http://127.0.0.1:$port" --mode=clerk || true
else
  echo "Desktop app:     NOT started - no Electron binary is installed on this machine."
  echo "                 On a machine that can reach Electron's download, fetch it with"
  echo "                 'node node_modules/electron/install.js', then run bash scripts/start.sh again."
  echo "                 The portal keeps running; press Ctrl+C to stop it."
fi
echo

status=0
wait "$portal_pid" || status=$?
# Ctrl+C ends this wait while the portal still closes after the trap's SIGTERM: wait for its exit.
if kill -0 "$portal_pid" 2>/dev/null; then
  status=0
  wait "$portal_pid" || status=$?
fi
echo "start: portal stopped."
exit "$status"
