# Sourced by the bench scripts: commands that take turns and keep their fastest run. On a
# shared 2-core host the neighbours' load drifts over minutes; taking turns exposes every
# command to the same drift, and the fastest run is the one least disturbed by it.
# Needs measure CMD... (prints "<seconds> <peak MiB>") from the sourcing script.
declare -A best best_mb

# keep_fastest NAME SECONDS EXTRA: records SECONDS (and EXTRA, shown beside it) for NAME if
# they beat what NAME has so far.
keep_fastest() {
  if [ -z "${best[$1]:-}" ] || awk -v a="$2" -v b="${best[$1]}" 'BEGIN { exit !(a < b) }'; then
    best[$1]=$2
    best_mb[$1]=$3
  fi
}

# race NAME CMD...: one turn of CMD, kept under NAME if it is NAME's fastest.
race() {
  local name=$1 secs mb
  shift
  read -r secs mb < <(measure "$@")
  keep_fastest "$name" "$secs" "$mb"
}
