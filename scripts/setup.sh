#!/usr/bin/env bash
# One idempotent set-up step for qbank on Debian 12: installs the Debian packages that are
# missing (sudo only when not root), configures and builds. Used by both quick-start commands:
#   scripts/setup.sh run      set-up + build + lint and export the bundled bank
#   scripts/setup.sh test     set-up + build + the whole test suite
#   scripts/setup.sh build    set-up + build only
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo),
#              QBANK_SKIP_ASAN=1 skips the sanitizer run of `test`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  build-essential cmake pkg-config git ca-certificates time
  libyaml-cpp-dev libcli11-dev libcurl4-openssl-dev libfmt-dev catch2
  libvalijson-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libzip-dev zlib1g-dev libisal-dev libssl-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libutf8proc-dev libcpp-httplib-dev libstemmer-dev
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # npm is only needed for markdownlint (tests) and the benchmark peers. A machine may already
  # have Node.js from elsewhere, and Debian's npm conflicts with it, so ask for it only if absent.
  command -v npm >/dev/null || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# markdownlint-cli checks the Markdown exporter's output in the tests; it lives in a cache
# folder (never in the repo) and is optional at run time, so a failure here is only a warning.
install_markdownlint() {
  local dir="$here/.cache/npm"
  [ -x "$dir/node_modules/.bin/markdownlint" ] && return 0
  command -v npm >/dev/null || return 0
  echo "setup: installing markdownlint-cli into .cache/npm" >&2
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund --prefix "$dir" markdownlint-cli@0.41.0 >/dev/null 2>&1) \
    || echo "setup: warning: could not install markdownlint-cli; its test will be skipped" >&2
}

# build DIR [asan]: configure once, then build incrementally. The compiler's progress goes to
# DIR/setup-build.log, so `run` shows the lint result and not pages of build output; compiler
# warnings are still shown, and on a failure the end of the log.
build() {
  local dir="$1" preset="${2:-}"
  local args=(-S . -B "$dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}")
  [ "$preset" = asan ] && args=(-S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DQBANK_SANITIZE=ON)
  mkdir -p "$dir"
  local log="$dir/setup-build.log"
  echo "setup: building $dir (log: $log)" >&2
  if ! { { [ -f "$dir/CMakeCache.txt" ] || cmake "${args[@]}"; } && cmake --build "$dir" -j"$(nproc)"; } >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "setup: the build failed; the whole log is $log" >&2
    return 1
  fi
  grep -E -A3 'warning:' "$log" >&2 || true
}

run_tests() {
  ctest --test-dir "$1" --output-on-failure -j"$(nproc)"
}

mode=${1:-build}
install_missing
case "$mode" in
  build) build "${BUILD_DIR:-build}" ;;
  run)
    build "${BUILD_DIR:-build}"
    qbank="${BUILD_DIR:-build}/qbank"
    "$qbank" lint questions/
    mkdir -p out
    for fmt in anki:apkg anki-text:txt csv:csv markdown:md; do
      name=${fmt%%:*} ext=${fmt##*:}
      "$qbank" export "$name" questions/ -o "out/questions.$ext"
      echo "wrote out/questions.$ext ($name)"
    done
    ;;
  test)
    install_markdownlint
    build "${BUILD_DIR:-build}"
    run_tests "${BUILD_DIR:-build}"
    # The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (QBANK_SKIP_ASAN=1 skips).
    if [ "${QBANK_SKIP_ASAN:-0}" != 1 ]; then
      echo "setup: the test suite again under ASan + UBSan (build-asan/)" >&2
      build build-asan asan
      run_tests build-asan
    fi
    ;;
  *) echo "usage: scripts/setup.sh [build|run|test]" >&2; exit 2 ;;
esac
