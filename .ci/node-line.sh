#!/usr/bin/env bash
# Usage: .ci/node-line.sh 22   → prints the bin dir of a Node 22: the `node` on PATH when it is
# of that line, else the newest of the line from the npm registry. There the `node` package (what
# `npx -y node@22` runs) brings the binary for this platform in its dependency node-<os>-<arch>.
# Put the printed dir first on PATH so that `node`, `npm`, `npx` and everything the tests spawn
# run on that line. Downloads are kept in $NODE_LINES_DIR (default ~/.cache/newsroom-node-lines).
set -euo pipefail
line="${1:?usage: node-line.sh <major>}"
major() { "$1" -p 'process.versions.node.split(".")[0]' 2> /dev/null || true; }
if command -v node > /dev/null && [ "$(major node)" = "$line" ]; then
  dirname "$(command -v node)"
  exit
fi
dir="${NODE_LINES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/newsroom-node-lines}/$line"
bin="$dir/node_modules/node/bin"
if ! [ -x "$bin/node" ] || [ "$(major "$bin/node")" != "$line" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$line" >&2
fi
[ "$(major "$bin/node")" = "$line" ] || { echo "node-line.sh: no Node $line in $bin" >&2; exit 1; }
echo "$bin"
