#!/usr/bin/env bash
# Installs the pinned Node 22 and the official MCP servers (package-lock.json) unless node_modules already
# matches the lock, so repeated bench runs do not pay for `npm ci` again. The bench harness runs it.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.unistore-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "[unistore-bench] installing Node 22 and the official MCP servers (npm ci) in $(pwd)" >&2
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
