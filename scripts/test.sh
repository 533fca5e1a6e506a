#!/usr/bin/env bash
# The whole test suite: type-check, bank validation and lint, unit and integration tests (SQLite and a
# throwaway PostgreSQL cluster), then browser tests in Debian's Chromium. Installs the system packages
# it needs with apt-get when run as root; otherwise names what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing system packages: ${need[*]} (as root: apt-get install -y ${need[*]})" >&2
    exit 1
  fi
fi

step() { printf '\n== %s\n' "$*"; }
step "type-check"
npx tsc -p tsconfig.json --noEmit
step "bank: validate and lint"
npx tsx src/cli/main.ts validate content --quiet
npx tsx src/cli/main.ts lint content --quiet
step "web app build"
npx vite build --config web/vite.config.ts --logLevel warn
results=$(mktemp -d)
step "unit and integration tests"
unit=0; npx vitest run --config vitest.config.ts --reporter=default --reporter=json --outputFile="$results/unit.json" || unit=$?
step "browser tests"
e2e=0; npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile="$results/e2e.json" || e2e=$?
node -e '
  let passed = 0, failed = 0, skipped = 0;
  for (const f of process.argv.slice(1)) {
    try { const r = require(f); passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests; }
    catch { failed += 1; console.log(`no results in ${f}`); }
  }
  console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results/unit.json" "$results/e2e.json"
[ "$unit" = 0 ] && [ "$e2e" = 0 ]
