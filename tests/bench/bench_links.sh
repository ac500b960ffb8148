#!/usr/bin/env bash
# Link checking speed and politeness: qbank links vs linkinator and markdown-link-check on the
# same 2,000 unique URLs served by a loopback server with 100 ms injected latency
# (qbank-bench-link-server). Prints each checker's wall time against the concurrency floor
# (URLs x latency / concurrency), requests per URL as counted by the server, and qbank's peak
# RSS. Nothing leaves 127.0.0.1. Run through tests/bench/run.sh (which sets QBANK etc.).
# BENCH_LINKS_SKIP_MLC=1 skips markdown-link-check (about 2 minutes: its concurrency is 2).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${QBANK:=$root/build-release/qbank}" "${BENCH_WORK:=$root/tests/bench/work}" "${BENCH_NPM:=$root/.cache/bench-npm}"
bin=$(dirname "$QBANK")
urls=${BENCH_LINKS_URLS:-2000}
latency_ms=${BENCH_LINKS_LATENCY_MS:-100}
concurrency=100  # linkinator's default; qbank is run at the same
work="$BENCH_WORK/links"
mkdir -p "$work"

for pkg in linkinator markdown-link-check; do
  if [ ! -x "$BENCH_NPM/node_modules/.bin/$pkg" ]; then
    echo "installing $pkg into $BENCH_NPM" >&2
    npm install --silent --no-audit --no-fund --prefix "$BENCH_NPM" "$pkg" >/dev/null
  fi
done

rm -f "$work/port"
"$bin/qbank-bench-link-server" "$work/port" "$latency_ms" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
base="http://127.0.0.1:$port"
stats() { curl -s --noproxy '*' "$base/__stats"; }
reset() { curl -s --noproxy '*' "$base/__reset" >/dev/null; }

# The same URLs as a bank (100 questions, 20 resources each) and as one Markdown file.
bank="$work/bank"
rm -rf "$bank" && mkdir -p "$bank"
awk -v n="$urls" -v base="$base" 'BEGIN {
  print "section: Links"; print "questions:"
  for (i = 0; i < n; i++) {
    if (i % 20 == 0) { printf "  - id: q%d\n    question: Question %d?\n    answer: Answer.\n    difficulty: basic\n    resources:\n", i, i }
    printf "      - %s/u/%d\n", base, i
  }
}' >"$bank/links.yaml"
awk -v n="$urls" -v base="$base" 'BEGIN { print "# Links\n"; for (i = 0; i < n; i++) printf "- [u%d](%s/u/%d)\n", i, base, i }' >"$work/links.md"
printf '{"aliveStatusCodes": [200]}\n' >"$work/mlc.json"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
per_url() { awk -v r="$1" -v n="$urls" 'BEGIN { printf "%.2f", r / n }'; }
floor=$(awk -v n="$urls" -v l="$latency_ms" -v c="$concurrency" 'BEGIN { printf "%.2f", n * l / 1000 / c }')
echo "--- $urls unique URLs, ${latency_ms} ms latency, concurrency $concurrency: floor ${floor} s"

# qbank: --per-host as high as the concurrency (one host here), no cache.
reset
start=$(now)
/usr/bin/time -f "%M" -o "$work/rss.txt" "$QBANK" links "$bank" --no-progress --allow-private \
  --concurrency "$concurrency" --per-host "$concurrency" --format json -o "$work/qbank.json" || true
qbank_s=$(elapsed "$start" "$(now)")
qbank_requests=$(stats)
qbank_rss=$(( $(cat "$work/rss.txt") / 1024 ))
qbank_ok=$(grep -o '"ok": [0-9]*' "$work/qbank.json" | head -1 | grep -o '[0-9]*$')
echo "qbank links          ${qbank_s} s  ($(ratio "$qbank_s" "$floor")x floor)  ok ${qbank_ok}/${urls}  requests/URL $(per_url "$qbank_requests")  peak RSS ${qbank_rss} MiB"

# qbank again, warm cache: no requests at all.
reset
"$QBANK" links "$bank" --no-progress --allow-private --cache "$work/cache.json" --concurrency "$concurrency" \
  --per-host "$concurrency" >/dev/null || true
reset
start=$(now)
"$QBANK" links "$bank" --no-progress --allow-private --cache "$work/cache.json" >/dev/null || true
cached_s=$(elapsed "$start" "$(now)")
echo "qbank links (cached) ${cached_s} s  requests $(stats)"

reset
start=$(now)
"$BENCH_NPM/node_modules/.bin/linkinator" "$work/links.md" --markdown --concurrency "$concurrency" --timeout 10000 \
  >"$work/linkinator.out" 2>&1 || true
lk_s=$(elapsed "$start" "$(now)")
lk_requests=$(stats)
echo "linkinator           ${lk_s} s  ($(ratio "$lk_s" "$floor")x floor)  requests/URL $(per_url "$lk_requests")  qbank is $(ratio "$lk_s" "$qbank_s")x faster"

if [ "${BENCH_LINKS_SKIP_MLC:-0}" != 1 ]; then
  reset
  start=$(now)
  "$BENCH_NPM/node_modules/.bin/markdown-link-check" -q -c "$work/mlc.json" "$work/links.md" >"$work/mlc.out" 2>&1 || true
  mlc_s=$(elapsed "$start" "$(now)")
  mlc_requests=$(stats)
  echo "markdown-link-check  ${mlc_s} s  ($(ratio "$mlc_s" "$floor")x floor)  requests/URL $(per_url "$mlc_requests")  qbank is $(ratio "$mlc_s" "$qbank_s")x faster"
fi
