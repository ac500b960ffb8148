#!/usr/bin/env bash
# Hostile input (issue 12): each input that hung qbank or blew up its memory, run with a time
# limit (BENCH_HOSTILE_TIMEOUT, default 60 s) under /usr/bin/time -v: wall time, peak RSS, exit
# status (124 = killed by the time limit), CPU time (user + system: on a loaded machine the
# wall time says more about the other processes). Run through tests/bench/run.sh, or directly with
# QBANK=path/to/qbank to measure any build (the figures in README.md compare two).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${QBANK:=$root/build-release/qbank}" "${BENCH_WORK:=$root/tests/bench/work}"
limit=${BENCH_HOSTILE_TIMEOUT:-60}
work="$BENCH_WORK/hostile"
rm -rf "$work"
mkdir -p "$work"

# The inputs, exactly as the issue gives them.
python3 - "$work" <<'PY'
import os, sys
w = sys.argv[1]
def bank(name, files):
    os.makedirs(f"{w}/{name}", exist_ok=True)
    open(f"{w}/{name}/bank.yaml", "w").write("title: T\ndeck: D\n")
    for file, text in files.items():
        open(f"{w}/{name}/{file}", "w").write(text)
bank("comma", {"01.yaml": ","})
bank("comma-dash", {"01.yaml": ",-\n......."})
bank("space-comma", {"01.yaml": " ,\n\n \n"})
bank("comma-config", {"qbank.yaml": ","})
bank("items-1m", {"01.yaml": "section: x\nquestions: [" + ", ".join(["{}"] * 249_000) + "]\n"})
bank("items-4m", {"01.yaml": "section: x\nquestions: [" + ", ".join(["{}"] * 996_000) + "]\n"})
bank("key-5m", {"qbank.yaml": "? " + "k" * (5 << 20) + "\n: 1\n"})  # explicit: yaml-cpp caps implicit keys at 1024
q = lambda text: 'section: S\nquestions:\n  - id: q\n    question: "%s"\n    answer: A.\n' % text
bank("math-openers", {"01.yaml": q("\\\\(" * 100_000)})
bank("nested-70k", {"01.yaml": q("- " * 12_000 + "[" * 46_000)})
bank("nested-110k", {"01.yaml": q("- " * 19_000 + "[" * 72_000)})
bank("table-64k", {"01.yaml": q("|a" * 16_000 + "\\n" + "|-" * 16_000)})
bank("partial-utf8", {"01.yaml": 'a: "\\é"\n'})
# A 10 MB answer of 1.4 M random words: the duplicate finder read all of it (15 s, 500 MB);
# now the first 64 KiB.
import random
random.seed(3)
letters = "abcdefghijklmnopqrstuvwxyz"
words = " ".join("".join(random.choice(letters) for _ in range(random.randint(3, 10))) for _ in range(1_400_000))
bank("answer-10m", {"01.yaml": 'section: S\nquestions:\n  - id: q-1\n    question: "What is X?"\n    answer: "%s"\n'
                               '  - id: q-2\n    question: "What is Y?"\n    answer: "%s"\n' % (words, words[:1000])})
PY

run() {  # label, then the command
  local label=$1
  shift
  local status=0
  # time outside timeout: it still reports the peak RSS of a command the limit killed.
  /usr/bin/time -v -o "$work/time.txt" timeout "$limit" "$@" >"$work/out.txt" 2>"$work/err.txt" || status=$?
  local secs rss cpu
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.txt" 2>/dev/null || true)
  cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$work/time.txt" 2>/dev/null || true)
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/time.txt" 2>/dev/null || true)
  [ "$status" = 124 ] && secs=">$limit s (killed)"
  printf '%-34s exit %-3s wall %-18s cpu %6s s %6s MiB  report %s bytes\n' "$label" "$status" "${secs:-?}" "${cpu:-?}" "${rss:-?}" \
    "$(wc -c <"$work/out.txt")"
}

q="$QBANK"
for name in comma comma-dash space-comma; do run "lint $name" "$q" lint "$work/$name"; done
run "dedup comma" "$q" dedup "$work/comma"
run "export markdown comma" "$q" export markdown "$work/comma" -o "$work/out.md"
run "lint comma-config (qbank.yaml ',')" "$q" lint "$work/comma-config"
# Every command that loads the bank must stay under 10x the input + 100 MB on these (issue 12).
for name in items-1m items-4m; do
  bytes=$(cat "$work/$name"/*.yaml | wc -c)
  printf '%-34s peak RSS target %d MiB (10 x %d bytes + 100 MB)\n' "$name" $(((10 * bytes + 100000000) / 1048576)) "$bytes"
  run "lint $name" "$q" lint "$work/$name"
  run "lint --format json $name" "$q" lint "$work/$name" --format json
  run "lint -o FILE $name" "$q" lint "$work/$name" -o "$work/report.txt"
  run "dedup $name" "$q" dedup "$work/$name"
  run "export csv --force $name" "$q" export csv "$work/$name" -o "$work/out.csv" --force
  run "export anki --force $name" "$q" export anki "$work/$name" -o "$work/out.apkg" --force
done
run "lint key-5m (qbank.yaml)" "$q" lint "$work/key-5m"
run "lint math-openers" "$q" lint "$work/math-openers"
run "export anki --force math-openers" "$q" export anki "$work/math-openers" -o "$work/out.apkg" --force
for name in nested-70k nested-110k table-64k; do
  run "export anki --force $name" "$q" export anki "$work/$name" -o "$work/out.apkg" --force
  run "links $name" "$q" links "$work/$name" --no-cache
done
run "lint answer-10m" "$q" lint "$work/answer-10m"
run "dedup answer-10m" "$q" dedup "$work/answer-10m"
run "lint --format json partial-utf8" "$q" lint "$work/partial-utf8" --format json
