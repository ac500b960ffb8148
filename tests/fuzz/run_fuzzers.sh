#!/usr/bin/env bash
# Runs the libFuzzer harnesses of a `cmake --preset fuzz` build.
#   run_fuzzers.sh replay FUZZER SOURCE_DIR     each seed and regression input once (CTest)
#   run_fuzzers.sh run BUILD_DIR [SECONDS]      every harness for SECONDS (default 60) from its
#                                               seeds, in a scratch corpus under BUILD_DIR (the
#                                               tree's corpora are never written to), with the
#                                               random seed QBANK_FUZZ_SEED (default 1, so a CI
#                                               run explores the same inputs each time; 0 picks
#                                               a new seed per run, for longer sessions)
# Crashes, leaks, inputs over 10 s and over 2 GB RSS fail; the input is left in
# BUILD_DIR/fuzz-artifacts/ and its path printed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
limits=(-timeout=10 -rss_limit_mb=2048 -max_len=262144)

case "${1:-}" in
  replay)
    fuzzer=$2 src=$3 name=$(basename "$2")
    inputs=()
    for dir in "$src/corpus/$name" "$src/regressions/$name"; do
      [ -d "$dir" ] && inputs+=("$dir"/*)
    done
    "$fuzzer" "${limits[@]}" -runs=0 "${inputs[@]}" 2>&1 | tail -n 40
    ;;
  run)
    build=$2 seconds=${3:-60}
    mkdir -p "$build/fuzz-artifacts"
    for fuzzer in "$build"/fuzz/fuzz_*; do
      name=$(basename "$fuzzer")
      scratch="$build/fuzz-corpus/$name"
      mkdir -p "$scratch"
      echo "fuzz: $name for ${seconds}s" >&2
      seeds=()
      for dir in "$here/corpus/$name" "$here/regressions/$name"; do [ -d "$dir" ] && seeds+=("$dir"); done
      if ! "$fuzzer" "${limits[@]}" -seed="${QBANK_FUZZ_SEED:-1}" -max_total_time="$seconds" -print_final_stats=1 \
           -artifact_prefix="$build/fuzz-artifacts/$name-" "$scratch" "${seeds[@]}" >"$build/fuzz-$name.log" 2>&1; then
        tail -n 60 "$build/fuzz-$name.log" >&2
        echo "fuzz: $name failed; the input is in $build/fuzz-artifacts/, the log $build/fuzz-$name.log" >&2
        exit 1
      fi
      grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/fuzz-$name.log" | tr '\n' ' ' >&2
      echo >&2
    done
    ;;
  *) echo "usage: run_fuzzers.sh replay FUZZER SOURCE_DIR | run BUILD_DIR [SECONDS]" >&2; exit 2 ;;
esac
