#!/usr/bin/env bash
# Lint speed: qbank lint vs yaml-cpp parsing the same files alone (the floor, 1 thread and all
# cores) vs ajv-cli validating the same YAML against the same schema, on generated banks of
# 10,000 and 100,000 questions. Run through tests/bench/run.sh (which sets QBANK etc.).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${QBANK:=$root/build-release/qbank}" "${BENCH_WORK:=$root/tests/bench/work}" "${BENCH_NPM:=$root/.cache/bench-npm}"
bin=$(dirname "$QBANK")
cores=$(nproc)

if [ ! -x "$BENCH_NPM/node_modules/.bin/ajv" ]; then
  echo "installing ajv-cli into $BENCH_NPM" >&2
  npm install --silent --no-audit --no-fund --prefix "$BENCH_NPM" ajv-cli@5 >/dev/null
fi
ajv="$BENCH_NPM/node_modules/.bin/ajv"

# seconds and peak RSS (MiB) of a command; its output goes to $BENCH_WORK/last.out
measure() {
  /usr/bin/time -f "%e %M" -o "$BENCH_WORK/time.txt" "$@" >"$BENCH_WORK/last.out" 2>&1 || true
  read -r secs kib <"$BENCH_WORK/time.txt"
  echo "$secs $((kib / 1024))"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
# Each command runs $runs times, the commands taking turns (floor, lint, ajv, floor, ...), and
# each keeps its fastest run (race.sh).
runs=${BENCH_LINT_RUNS:-3}
source "$here/race.sh"

for n in ${BENCH_LINT_SIZES:-10000 100000}; do
  bank="$BENCH_WORK/lint-$n"
  files=$((n / 1000))
  if [ ! -f "$bank/bank.yaml" ]; then
    rm -rf "$bank"
    "$bin/qbank-generate-bank" --questions "$n" --files "$files" --out "$bank" --seed 7 >/dev/null
  fi
  # No duplicates in these banks, so the dedup rules find nothing but still do their work.
  printf 'rules: {}\n' >"$bank/qbank.yaml"
  sections=("$bank"/section-*.yaml)
  size=$(du -sm "$bank" | cut -f1)
  echo "--- $n questions, ${#sections[@]} section files, ${size} MB"

  # The schema + content rules alone (dedup's rules off), as the foundation measured them.
  printf 'rules: {duplicate-question: off, near-duplicate-question: off, repeated-section: off, duplicate-resource: off}\n' \
    >"$BENCH_WORK/no-dedup.yaml"
  best=() best_mb=()
  for _ in $(seq "$runs"); do
    race floor1 "$bin/qbank-bench-yaml-floor" 1 "${sections[@]}"
    race floorp "$bin/qbank-bench-yaml-floor" "$cores" "${sections[@]}"
    race events "$bin/qbank-bench-yaml-floor" --events "$cores" "${sections[@]}"
    race lint "$QBANK" lint "$bank" --no-progress
    grep -q "No problems" "$BENCH_WORK/last.out" || { echo "qbank lint found problems:"; tail -3 "$BENCH_WORK/last.out"; }
    race lint_nd "$QBANK" lint "$bank" --no-progress --config "$BENCH_WORK/no-dedup.yaml"
    race ajv "$ajv" validate --spec=draft7 --strict=false --all-errors \
      -s "$root/schemas/section.schema.json" -d "$bank/section-*.yaml"
    grep -q " valid" "$BENCH_WORK/last.out" || { echo "ajv-cli did not validate:"; tail -3 "$BENCH_WORK/last.out"; }
  done
  floor1=${best[floor1]} floorp=${best[floorp]} events=${best[events]}
  lint=${best[lint]} lint_rss=${best_mb[lint]} lint_nd=${best[lint_nd]} lint_nd_rss=${best_mb[lint_nd]}
  ajv_s=${best[ajv]} ajv_rss=${best_mb[ajv]}

  echo "(fastest of $runs runs each, the commands taking turns)"
  echo "yaml-cpp parse only, 1 thread:        ${floor1} s"
  echo "yaml-cpp parse only, $cores threads (floor): ${floorp} s"
  echo "yaml-cpp events only, no tree, $cores threads: ${events} s  (no yaml-cpp tool can be faster)"
  echo "qbank lint, all rules:                ${lint} s  peak RSS ${lint_rss} MiB  = $(ratio "$lint" "$floorp") x floor"
  echo "qbank lint, schema + content rules:   ${lint_nd} s  peak RSS ${lint_nd_rss} MiB  = $(ratio "$lint_nd" "$floorp") x floor"
  echo "ajv-cli validate:                     ${ajv_s} s  peak RSS ${ajv_rss} MiB  qbank/ajv = $(ratio "$lint" "$ajv_s")"
done
