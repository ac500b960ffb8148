#!/usr/bin/env bash
# Duplicate finder speed and quality: `qbank dedup` vs loading the same bank alone, on generated
# banks of 10,000 and 100,000 questions with injected duplicates (exact copies, rewordings,
# copy-pasted blocks) and look-alikes that must not be reported; recall and precision against
# the generator's truth file, and the growth from 10k to 100k. Then the same on banks with a
# realistic vocabulary (qbank-generate-realistic: a few hundred real terms in templates, where
# every word recurs thousands of times) at 10k, 100k and 200k, with `qbank lint` against lint
# with the duplicate rules off; and the score on the labelled development set
# ../shared/dedup-dev/ when it is there. Run through tests/bench/run.sh.
#
# "Loading alone" is `qbank dedup --load-only`: the same command, config and loader options
# (parallel parse, schema validation), stopping right after the load; so the ratio is the
# whole cost of finding duplicates on top of reading the bank. The two commands alternate,
# BENCH_DEDUP_RUNS times (default 3), and each keeps its fastest run (the machine is shared;
# the fastest is the least disturbed), and the median of the run-by-run ratios is printed too. CPU
# time (user + sys) is printed as well: it is less sensitive to other work on the machine than wall
# time.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${QBANK:=$root/build-release/qbank}" "${BENCH_WORK:=$root/tests/bench/work}"
bin=$(dirname "$QBANK")
runs=${BENCH_DEDUP_RUNS:-3}

# One run: "wall_s cpu_s peak_MiB" (cpu = user + sys); the command's output goes to last.out.
once() {
  /usr/bin/time -f "%e %U %S %M" -o "$BENCH_WORK/time.txt" "$@" >"$BENCH_WORK/last.out" 2>&1 || true
  tail -n 1 "$BENCH_WORK/time.txt" | awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024 }'  # after "Command exited with non-zero status 1"
}
# The two commands alternate (so a burst of other work on the shared machine hits both alike);
# each keeps its fastest run. Sets load_{wall,cpu,rss} and dedup_{wall,cpu,rss}.
# Each run of the second command is also set against the run of the first just before it (the
# two share the machine's state of the moment): pair_ratios lists those ratios, and
# `median_of $pair_ratios` is steadier than the ratio of the fastest runs when one run of either
# lands in an unusually quiet or busy moment.
measure_pair() {
  local bank=$1 wall cpu rss this_load
  load_wall="" dedup_wall="" pair_ratios=""
  for _ in $(seq "$runs"); do
    read -r wall cpu rss < <(once "$QBANK" dedup "$bank/bank" --config "$bank/qbank.yaml" --no-progress --load-only)
    this_load=$wall
    if [ -z "$load_wall" ] || awk -v a="$wall" -v b="$load_wall" 'BEGIN { exit !(a < b) }'; then load_wall=$wall load_cpu=$cpu load_rss=$rss; fi
    read -r wall cpu rss < <(once "$QBANK" dedup "$bank/bank" --config "$bank/qbank.yaml" --no-progress --format json -o "$bank/report.json")
    if [ -z "$dedup_wall" ] || awk -v a="$wall" -v b="$dedup_wall" 'BEGIN { exit !(a < b) }'; then dedup_wall=$wall dedup_cpu=$cpu dedup_rss=$rss; fi
    pair_ratios+="$(ratio "$wall" "$this_load") "
  done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
median_of() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A dedup_time extra_time
for n in ${BENCH_DEDUP_SIZES:-10000 100000}; do
  bank="$BENCH_WORK/dedup-$n"
  if [ ! -f "$bank/truth.json" ]; then
    rm -rf "$bank"
    "$bin/qbank-generate-bank" --questions "$n" --files $((n / 1000)) --out "$bank/bank" --seed 11 \
      --duplicates $((n / 20)) --lookalikes $((n / 200)) --blocks $((n / 2500)) --truth "$bank/truth.json.tmp"
    mv "$bank/truth.json.tmp" "$bank/truth.json"
  fi
  printf 'rules: {}\n' >"$bank/qbank.yaml"  # defaults, and no config from elsewhere
  size=$(du -sm "$bank/bank" | cut -f1)
  echo "--- $n questions, $((n / 1000)) section files, ${size} MB, $((n / 20)) injected duplicates ($((n / 2500)) blocks of 5), $((n / 200)) look-alikes"

  measure_pair "$bank"
  read -r recall precision found expected flagged < <(node "$here/dedup_score.js" "$bank/truth.json" "$bank/report.json")
  sections=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1])).sections.length)" "$bank/report.json")
  dedup_time[$n]=$dedup_wall
  extra_time[$n]=$(awk -v a="$dedup_cpu" -v b="$load_cpu" 'BEGIN { printf "%.2f", a - b }')

  echo "load alone (dedup --load-only):  ${load_wall} s wall  ${load_cpu} s CPU  peak RSS ${load_rss} MiB"
  echo "qbank dedup:                     ${dedup_wall} s wall  ${dedup_cpu} s CPU  peak RSS ${dedup_rss} MiB  = $(ratio "$dedup_wall" "$load_wall") x load (target <= 1.5, < 6 s, < 1024 MiB)"
  echo "run by run:                      ${pair_ratios}x  median $(median_of $pair_ratios) x"
  echo "finding duplicates on top:       ${extra_time[$n]} s CPU"
  echo "recall ${recall}  precision ${precision}  (pairs found ${found}, injected ${expected}, repeated sections ${sections}, look-alikes wrongly reported ${flagged})"
done
if [ -n "${dedup_time[10000]:-}" ] && [ -n "${dedup_time[100000]:-}" ]; then
  echo "--- growth 10k -> 100k (10x the questions; linear = 10.0)"
  echo "qbank dedup wall:        $(ratio "${dedup_time[100000]}" "${dedup_time[10000]}") x"
  echo "dedup CPU beyond load:   $(ratio "${extra_time[100000]}" "${extra_time[10000]}") x"
fi

# --- Realistic vocabulary: the candidate work must stay linear when every word is common.
declare -A real_dedup real_lint
for n in ${BENCH_DEDUP_REAL_SIZES:-10000 100000 200000}; do
  bank="$BENCH_WORK/realistic-$n"
  if [ ! -f "$bank/truth.json" ]; then
    rm -rf "$bank"
    "$bin/qbank-generate-realistic" --questions "$n" --files $((n / 1000)) --out "$bank/bank" --seed 11 \
      --duplicates $((n / 20)) --lookalikes $((n / 200)) --blocks $((n / 2500)) --truth "$bank/truth.json.tmp"
    mv "$bank/truth.json.tmp" "$bank/truth.json"
  fi
  printf 'rules: {}\n' >"$bank/qbank.yaml"
  echo "--- realistic vocabulary, $n questions, $(du -sm "$bank/bank" | cut -f1) MB, $((n / 20)) injected duplicates, $((n / 200)) look-alikes"
  measure_pair "$bank"
  read -r recall precision found expected flagged < <(node "$here/dedup_score.js" "$bank/truth.json" "$bank/report.json")
  real_dedup[$n]=$dedup_wall
  echo "load alone:   ${load_wall} s wall  ${load_cpu} s CPU  peak RSS ${load_rss} MiB"
  echo "qbank dedup:  ${dedup_wall} s wall  ${dedup_cpu} s CPU  peak RSS ${dedup_rss} MiB  = $(ratio "$dedup_wall" "$load_wall") x load (target <= 1.5)"
  echo "run by run:   ${pair_ratios}x  median $(median_of $pair_ratios) x"
  echo "recall ${recall}  precision ${precision}  (pairs found ${found}, injected ${expected}, look-alikes wrongly reported ${flagged})"
  # lint with and without the duplicate rules, taking turns.
  printf 'rules:\n  duplicate-question: off\n  near-duplicate-question: off\n  repeated-section: off\n' >"$bank/no-dedup.yaml"
  lint_wall="" off_wall="" lint_ratios=""
  for _ in $(seq "$runs"); do
    read -r wall cpu rss < <(once "$QBANK" lint "$bank/bank" --config "$bank/qbank.yaml" --no-progress)
    if [ -z "$lint_wall" ] || awk -v a="$wall" -v b="$lint_wall" 'BEGIN { exit !(a < b) }'; then lint_wall=$wall; fi
    this_lint=$wall
    read -r wall cpu rss < <(once "$QBANK" lint "$bank/bank" --config "$bank/no-dedup.yaml" --no-progress)
    if [ -z "$off_wall" ] || awk -v a="$wall" -v b="$off_wall" 'BEGIN { exit !(a < b) }'; then off_wall=$wall; fi
    lint_ratios+="$(ratio "$this_lint" "$wall") "
  done
  real_lint[$n]=$lint_wall
  echo "qbank lint:   ${lint_wall} s wall; without the duplicate rules ${off_wall} s = $(ratio "$lint_wall" "$off_wall") x (target <= 1.5); run by run ${lint_ratios}x, median $(median_of $lint_ratios) x"
done
if [ -n "${real_dedup[10000]:-}" ] && [ -n "${real_dedup[100000]:-}" ]; then
  echo "--- realistic growth (linear = 10.0 per 10x, 2.0 per 2x; target <= 11 per 10x)"
  echo "qbank dedup 10k -> 100k: $(ratio "${real_dedup[100000]}" "${real_dedup[10000]}") x   qbank lint: $(ratio "${real_lint[100000]}" "${real_lint[10000]}") x"
  [ -n "${real_dedup[200000]:-}" ] && echo "qbank dedup 100k -> 200k: $(ratio "${real_dedup[200000]}" "${real_dedup[100000]}") x   qbank lint: $(ratio "${real_lint[200000]}" "${real_lint[100000]}") x"
fi

# --- The labelled development set (targets: recall >= 0.90, >= 0.80 per category, <= 3 of 60
# look-alikes, <= 2 other false positives, 3/3 within b). score.py needs Python 3 with PyYAML.
dev="$root/../shared/dedup-dev"
if [ -f "$dev/score.py" ] && python3 -c 'import yaml' 2>/dev/null; then
  echo "--- development set ../shared/dedup-dev (default settings)"
  (cd "$dev" && "$QBANK" dedup b --against a --format json -o "$BENCH_WORK/dev-against.json" --no-progress || true
   python3 score.py "$BENCH_WORK/dev-against.json" | sed -n '1,/^F1/p'
   "$QBANK" dedup b --format json -o "$BENCH_WORK/dev-within.json" --no-progress || true
   python3 score.py --within "$BENCH_WORK/dev-within.json" | grep -E '^(recall|precision|false)')
else
  echo "--- development set: ../shared/dedup-dev or PyYAML not here, skipped"
fi
