#!/bin/sh
# `scripts/setup.sh run` on an already-built tree, as a user's second run: it needs no npm
# (only `test` does) and installs nothing, builds only the qbank target (the build log names
# no test or benchmark target), shows the lint result and writes the four exports.
#   setup_run_test.sh BUILD_DIR
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A PATH without npm, and with apt-get and sudo that fail loudly if anything is installed.
mkdir "$tmp/bin"
for dir in /usr/local/bin /usr/bin /bin; do
  for tool in "$dir"/*; do
    name=$(basename "$tool")
    case $name in npm | npx | apt-get | sudo) continue ;; esac
    [ -e "$tmp/bin/$name" ] || ln -s "$tool" "$tmp/bin/$name"
  done
done
for name in apt-get sudo; do
  printf '#!/bin/sh\necho "setup.sh ran %s $*" >&2\nexit 1\n' "$name" >"$tmp/bin/$name"
  chmod +x "$tmp/bin/$name"
done

PATH="$tmp/bin" BUILD_DIR="$build" OUT_DIR="$tmp/out" bash scripts/setup.sh run >"$tmp/stdout" 2>"$tmp/stderr" \
  || { cat "$tmp/stdout" "$tmp/stderr"; fail "setup.sh run failed"; }
grep -q "setup: building qbank in $build" "$tmp/stderr" || { cat "$tmp/stderr"; fail "no 'building qbank' line"; }
if grep -E "Built target (test_|links_test|qbank-bench|qbank-generate)" "$build/setup-build.log"; then fail "run built more than qbank"; fi
grep -q "Built target qbank" "$build/setup-build.log" || fail "the build log does not show qbank"
grep -q "^No problems in 6 files (100 questions)$" "$tmp/stdout" || { cat "$tmp/stdout"; fail "no lint result"; }
for ext in apkg txt csv md; do
  [ -s "$tmp/out/questions.$ext" ] || fail "out/questions.$ext was not written"
  # Said once, by qbank's own summary line, not echoed again by the script.
  [ "$(cat "$tmp/stdout" "$tmp/stderr" | grep -c "wrote $tmp/out/questions.$ext")" = 1 ] \
    || { cat "$tmp/stdout" "$tmp/stderr"; fail "out/questions.$ext is reported other than once"; }
done

# `install PREFIX`: the same build, then cmake --install; a PREFIX/bin not on PATH is pointed out.
PATH="$tmp/bin" BUILD_DIR="$build" bash scripts/setup.sh install "$tmp/prefix" >"$tmp/stdout" 2>"$tmp/stderr" \
  || { cat "$tmp/stdout" "$tmp/stderr"; fail "setup.sh install failed"; }
[ "$("$tmp/prefix/bin/qbank" --version)" = "$("$build/qbank" --version)" ] || fail "the installed qbank does not run"
[ -s "$tmp/prefix/share/man/man1/qbank.1" ] || fail "no man page installed"
grep -q "$tmp/prefix/bin is not on PATH" "$tmp/stderr" || { cat "$tmp/stderr"; fail "no PATH hint"; }
echo "ok: setup.sh run built only qbank, installed nothing, linted and exported; install PREFIX installed"
