#!/usr/bin/env bash
# One idempotent set-up step for qbank on Debian 12: installs the Debian packages that are
# missing (sudo only when not root), configures and builds. Used by both quick-start commands:
#   scripts/setup.sh run              set-up + build qbank + lint and export the bundled bank
#   scripts/setup.sh test             set-up + build everything + the whole test suite
#   scripts/setup.sh build            set-up + build everything
#   scripts/setup.sh install [PREFIX] set-up + build qbank + cmake --install (default /usr/local)
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo), OUT_DIR (where
#              `run` exports, default out), QBANK_SKIP_ASAN=1 skips the sanitizer run of `test`,
#              QBANK_SKIP_FUZZ=1 its clang build and fuzzing, QBANK_FUZZ_SECONDS (default 60 per harness),
#              QBANK_FUZZ_SEED (default 1: the same inputs each run; 0 for a new seed).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  build-essential cmake pkg-config git ca-certificates time file
  libyaml-cpp-dev libcli11-dev libcurl4-openssl-dev libfmt-dev catch2
  libvalijson-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libzip-dev zlib1g-dev libisal-dev libssl-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libutf8proc-dev libcpp-httplib-dev libstemmer-dev
)
# Only `test` needs these: the clang build and libFuzzer (cmake --preset fuzz).
test_packages=(clang libclang-rt-14-dev)

# install_missing [test]: the test tools (clang, libFuzzer; npm, for markdownlint) only for `test`.
install_missing() {
  local missing=() wanted=("${packages[@]}")
  [ "${1:-}" = test ] && wanted+=("${test_packages[@]}")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  # npm is only needed for markdownlint (tests) and the benchmark peers. A machine may already
  # have Node.js from elsewhere, and Debian's npm conflicts with it, so ask for it only if absent.
  [ "${1:-}" = test ] && ! command -v npm >/dev/null && missing+=(npm)
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

# build DIR [asan] [TARGET...]: configure once, then build incrementally (only TARGETs when
# given). The compiler's output goes to DIR/setup-build.log; the terminal gets one progress
# line (updated in place on a TTY, every 10% in a log), compiler warnings, and on a failure
# the end of the log.
build() {
  local dir="$1" preset="${2:-}"
  shift; [ $# -gt 0 ] && shift
  local targets=()
  [ $# -gt 0 ] && targets=(--target "$@")
  local args=(-S . -B "$dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}")
  [ "$preset" = asan ] && args=(-S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DQBANK_SANITIZE=ON)
  mkdir -p "$dir"
  local log="$dir/setup-build.log"
  echo "setup: building ${*:-everything} in $dir (log: $log)" >&2
  if ! { { [ -f "$dir/CMakeCache.txt" ] || cmake "${args[@]}"; } && cmake --build "$dir" -j"$(nproc)" "${targets[@]}"; } 2>&1 \
      | show_progress "$log"; then
    tail -n 60 "$log" >&2
    echo "setup: the build failed; the whole log is $log" >&2
    return 1
  fi
  grep -E -A3 'warning:' "$log" >&2 || true
}

# Reads the build output, keeps all of it in the log, and shows the percentage done from
# make's "[ 42%]" or ninja's "[12/80]" lines.
show_progress() {
  local log="$1" line pct shown=-10 tty=0
  [ -t 2 ] && tty=1
  : >"$log"
  while IFS= read -r line; do
    printf '%s\n' "$line" >>"$log"
    if [[ $line =~ ^\[\ *([0-9]+)%\] ]]; then pct=${BASH_REMATCH[1]}
    elif [[ $line =~ ^\[([0-9]+)/([0-9]+)\] ]]; then pct=$((100 * BASH_REMATCH[1] / BASH_REMATCH[2]))
    else continue; fi
    if [ $tty = 1 ]; then printf '\rsetup: %3d%% %.70s\033[K' "$pct" "${line#*] }" >&2
    elif [ "$pct" -ge $((shown + 10)) ]; then shown=$pct; echo "setup: build ${pct}% done" >&2; fi
  done
  [ $tty = 1 ] && printf '\r\033[K' >&2
  return 0
}

# The libFuzzer harnesses (tests/fuzz): a clang build with warnings as errors, which is also
# the check that qbank builds with clang; the seeds and regression inputs replayed; then every
# harness fuzzed for QBANK_FUZZ_SECONDS.
fuzz() {
  local dir=build-fuzz log=build-fuzz/setup-build.log
  mkdir -p "$dir"
  echo "setup: building $dir with clang (log: $log)" >&2
  if ! { { [ -f "$dir/CMakeCache.txt" ] || cmake --preset fuzz; } && cmake --build "$dir" -j"$(nproc)"; } >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "setup: the clang build failed; the whole log is $log" >&2
    return 1
  fi
  run_tests "$dir"
  bash tests/fuzz/run_fuzzers.sh run "$dir" "${QBANK_FUZZ_SECONDS:-60}"
}

run_tests() {
  ctest --test-dir "$1" --output-on-failure -j"$(nproc)"
}

mode=${1:-build}
case "$mode" in
  test) install_missing test ;;
  *) install_missing ;;
esac
case "$mode" in
  build) build "${BUILD_DIR:-build}" ;;
  run)
    # Only the qbank target: a first run should not wait for the tests and benchmarks.
    build "${BUILD_DIR:-build}" "" qbank
    qbank="${BUILD_DIR:-build}/qbank"
    out="${OUT_DIR:-out}"
    "$qbank" lint questions/
    mkdir -p "$out"
    for fmt in anki:apkg anki-text:txt csv:csv markdown:md; do
      name=${fmt%%:*} ext=${fmt##*:}
      "$qbank" export "$name" questions/ -o "$out/questions.$ext"   # says what it wrote
    done
    ;;
  install)
    prefix=${2:-/usr/local}
    build "${BUILD_DIR:-build}" "" qbank
    sudo=()
    if [ "$(id -u)" -ne 0 ] && ! { mkdir -p "$prefix" 2>/dev/null && [ -w "$prefix" ]; }; then sudo=(sudo); fi
    "${sudo[@]}" cmake --install "${BUILD_DIR:-build}" --prefix "$prefix" --strip >/dev/null
    echo "setup: installed $prefix/bin/qbank (with its man page, completions, README and schemas)" >&2
    case ":$PATH:" in
      *":$prefix/bin:"*) ;;
      *) echo "setup: $prefix/bin is not on PATH; add it, e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
    esac
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
    [ "${QBANK_SKIP_FUZZ:-0}" = 1 ] || fuzz
    ;;
  *) echo "usage: scripts/setup.sh [build|run|test|install [PREFIX]]" >&2; exit 2 ;;
esac
