#!/usr/bin/env bash
# Rebuilds dist/ from src/ and the locked packages, and fails if it differs
# from what is committed (dist/ is embedded in the scorecard binary, so what
# is committed must be what the source builds to).
set -euo pipefail
cd "$(dirname "$0")"
# The packages as locked (again when the lock file is newer than the install).
if [ ! -x node_modules/.bin/esbuild ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
if ! git diff --quiet -- dist/ || [ -n "$(git ls-files --others --exclude-standard -- dist/)" ]; then
  echo "editors/web/dist/ differs from what src/ builds to; run \`npm run build\` in editors/web and commit dist/:" >&2
  git status --short -- dist/ >&2
  git diff --stat -- dist/ >&2
  exit 1
fi
echo "editors/web/dist/ is what src/ builds to"
