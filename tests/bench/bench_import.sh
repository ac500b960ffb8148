#!/usr/bin/env bash
# Import speed: `qbank import markdown` of a generated bank's Markdown export (which includes
# the lint run on the imported bank) vs `qbank lint` on the same bank as YAML, at 10,000 and
# 100,000 questions. Target: import within 2x of lint, peak RSS under 1 GiB, linear growth.
# Run through tests/bench/run.sh (which sets QBANK etc.).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${QBANK:=$root/build-release/qbank}" "${BENCH_WORK:=$root/tests/bench/work}"
bin=$(dirname "$QBANK")
mkdir -p "$BENCH_WORK"

measure() {
  /usr/bin/time -f "%e %M" -o "$BENCH_WORK/time.txt" "$@" >"$BENCH_WORK/last.out" 2>&1 || true
  read -r secs kib <"$BENCH_WORK/time.txt"
  echo "$secs $((kib / 1024))"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
runs=${BENCH_IMPORT_RUNS:-3}
source "$here/race.sh"

declare -A import_secs
for n in ${BENCH_IMPORT_SIZES:-10000 100000}; do
  bank="$BENCH_WORK/import-$n"
  if [ ! -f "$bank/bank.yaml" ]; then
    rm -rf "$bank"
    "$bin/qbank-generate-bank" --questions "$n" --files $((n / 1000)) --out "$bank" --seed 7 >/dev/null
  fi
  md="$BENCH_WORK/import-$n.md"
  [ -f "$md" ] || "$QBANK" export markdown "$bank" -o "$md" >/dev/null
  echo "--- $n questions: $(du -m "$md" | cut -f1) MB of Markdown (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  best=() best_mb=()
  for _ in $(seq "$runs"); do
    race lint "$QBANK" lint "$bank" --no-progress
    race import "$QBANK" import markdown "$md" -o "$BENCH_WORK/imported-$n" --force --max-file-size 1GiB
    grep -q "^Imported $n questions" "$BENCH_WORK/last.out" || { echo "import did not import $n questions:"; head -3 "$BENCH_WORK/last.out"; }
  done
  import_secs[$n]=${best[import]}
  echo "(fastest of $runs runs each, the commands taking turns; load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "qbank lint (YAML bank):          ${best[lint]} s  peak RSS ${best_mb[lint]} MiB"
  echo "qbank import markdown (+ lint):  ${best[import]} s  peak RSS ${best_mb[import]} MiB  = $(ratio "${best[import]}" "${best[lint]}") x lint (target < 2)"
done
if [ -n "${import_secs[10000]:-}" ] && [ -n "${import_secs[100000]:-}" ]; then
  echo "growth 10k -> 100k: $(ratio "${import_secs[100000]}" "${import_secs[10000]}") x for 10x the questions (linear: about 10)"
fi
