#!/usr/bin/env bash
# Installs the pinned Node packages of a folder (its package-lock.json) unless node_modules already matches
# the lock, so repeated builds do not pay for `npm ci` again.
# Usage: install.sh [DIR]   (default: the folder of this script, i.e. the test back ends)
set -euo pipefail
cd "${1:-$(dirname "$0")}"
stamp=node_modules/.unistore-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "[unistore] installing pinned Node packages (npm ci) in $(pwd)" >&2
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
