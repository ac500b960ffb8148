#!/usr/bin/env bash
# Which leading characters make LibreOffice Calc evaluate a CSV cell as a formula? The CSV
# export's guard (exporters/csv.cpp) is built on the answer. Not part of the test suite (it
# needs LibreOffice and takes ~30 s): `apt-get install libreoffice-calc-nogui`, then run it.
# A cell whose text comes back changed (e.g. "=1+1" -> "2") was evaluated.
#
# Result with LibreOffice 7.4 (Debian 12): only "=1+1" was evaluated. A leading no-break
# space, a fullwidth "＝", a space, an ideographic space, a zero-width space, a BOM, a tab
# or a CR before "=1+1" all stay text; so do "+1+1", "-1+1" and "@SUM(1,1)" (which other
# spreadsheets do evaluate, so the export guards them anyway).
set -euo pipefail
command -v soffice >/dev/null || { echo "soffice not installed" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir/in.csv" <<'PY'
import sys
cells = ['=1+1', '\u00a0=1+1', '\uff1d1+1', ' =1+1', '\u3000=1+1', '\u200b=1+1', '\ufeff=1+1',
         '\t=1+1', '\r=1+1', '+1+1', '-1+1', '@SUM(1,1)']
with open(sys.argv[1], 'w', encoding='utf-8', newline='') as f:
    for c in cells:
        f.write('"' + c.replace('"', '""') + '"\r\n')
PY
# 44,34,76: comma, double quote, UTF-8.
soffice --headless --norestore --infilter="CSV:44,34,76,1" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$dir/out" "$dir/in.csv" >/dev/null 2>&1
paste -d'|' <(cat -A "$dir/in.csv") <(cat -A "$dir/out/in.csv")
