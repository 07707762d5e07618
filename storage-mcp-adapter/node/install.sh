#!/usr/bin/env bash
# Installs the pinned Node packages (package-lock.json) unless node_modules already matches it,
# so repeated builds do not pay for `npm ci` again.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.unistore-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "[unistore] installing the MCP test clients (npm ci) in $(pwd)" >&2
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
