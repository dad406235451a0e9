#!/usr/bin/env bash
# Runs every test runner of the project and prints one closing line `N passed, N failed` summed
# over all of them: lint and typecheck count as one check each, then every Vitest and Playwright test.
# Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# Installs what is missing (Node 24, Chromium, npm packages); quick when all is in place.
if ! bash scripts/setup.sh; then
  echo "setup failed: see the messages above"
  echo "0 passed, 1 failed"
  exit 1
fi
. scripts/node-env.sh

results="$(mktemp -d)"
passed=0
failed=0

count_check() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!! $name failed"; fi
}

count_check "lint" npx eslint .
count_check "typecheck" npx tsc -p tsconfig.json

echo "== build (electron-vite: main, preload, renderer; vite: citizen web pages)"
if ! { npx electron-vite build && npx vite build -c vite.web.config.ts; } >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  failed=$((failed + 1))
  echo "!! build failed"
else
  passed=$((passed + 1))
fi

echo "== unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
if [ -s "$results/vitest.json" ]; then
  read -r vp vf < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0) + r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length)' "$results/vitest.json")
  passed=$((passed + vp)); failed=$((failed + vf))
else
  echo "!! vitest produced no report"; failed=$((failed + 1))
fi

echo "== packaging smoke tests (electron-builder --linux dir with a stub Electron)"
npx vitest run -c tests/packaging/vitest.config.ts --reporter=default --reporter=json --outputFile.json="$results/packaging.json"
if [ -s "$results/packaging.json" ]; then
  read -r kp kf < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + r.testResults.filter(t=>t.status==="failed"&&t.assertionResults.length===0).length)' "$results/packaging.json")
  passed=$((passed + kp)); failed=$((failed + kf))
else
  echo "!! packaging tests produced no report"; failed=$((failed + 1))
fi

# The end-to-end tests serve the web pages built above instead of building their own copy.
export PORTAL_WEB_DIR="$PWD/out/web"

echo "== end-to-end tests (Playwright, Debian Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json
if [ -s "$results/playwright.json" ]; then
  read -r pp pf < <(node -e 'const r=require(process.argv[1]); const s=r.stats; console.log(s.expected + s.flaky, s.unexpected + (r.errors||[]).length)' "$results/playwright.json")
  passed=$((passed + pp)); failed=$((failed + pf))
else
  echo "!! playwright produced no report"; failed=$((failed + 1))
fi

rm -rf "$results"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
