#!/usr/bin/env bash
# Runs every benchmark (tests/bench/bench_*.sh) against a Release build, each printing its
# figures and the ratios against the peers it measures side by side in the same run.
# Peers (ajv-cli, linkinator, markdown-link-check, anki-apkg-export) are installed from npm
# into .cache/bench-npm on first use. Usage: tests/bench/run.sh [AREA...]  (lint dedup links export)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
BUILD_DIR=build-release BUILD_TYPE=Release scripts/setup.sh build >/dev/null
export QBANK="$root/build-release/qbank" BENCH_WORK="$root/tests/bench/work" BENCH_NPM="$root/.cache/bench-npm"
mkdir -p "$BENCH_WORK" "$BENCH_NPM"
areas=("$@")
[ ${#areas[@]} -gt 0 ] || areas=(lint dedup links export import)
for area in "${areas[@]}"; do
  script="$here/bench_$area.sh"
  if [ -x "$script" ]; then
    echo "=== $area"
    "$script"
  else
    echo "=== $area: no benchmark yet ($script)"
  fi
done
