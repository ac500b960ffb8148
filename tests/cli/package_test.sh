#!/bin/sh
# The Debian package as a user gets it: `cpack -G DEB` builds it from this build tree, it is
# unpacked into a temporary root (dpkg -x, no root rights needed), and the qbank in there runs.
# Its Depends must name the package of every shared library the binary links directly (that is
# what makes it install and run on a clean Debian 12), plus ca-certificates for https.
#   package_test.sh BUILD_DIR VERSION
set -eu
build=$1 version=$2
for tool in cpack dpkg-deb dpkg-shlibdeps dpkg file readelf; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: '$tool' is not installed, so no Debian package can be built or inspected here"
    exit 77
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; fail "cpack -G DEB failed"; }
set -- "$tmp"/out/*.deb
[ -f "$1" ] || { cat "$tmp/cpack.log"; fail "cpack made no .deb"; }
deb=$1
echo "package: $(basename "$deb")"
[ "$(dpkg-deb -f "$deb" Package)" = qbank ] || fail "package name"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "version $(dpkg-deb -f "$deb" Version), expected $version"

dpkg-deb -x "$deb" "$tmp/root"
out=$("$tmp/root/usr/bin/qbank" --version) || fail "the unpacked qbank does not run"
[ "$out" = "qbank $version" ] || fail "qbank --version printed '$out'"
for file in usr/share/man/man1/qbank.1 usr/share/bash-completion/completions/qbank usr/share/zsh/vendor-completions/_qbank \
            usr/share/fish/vendor_completions.d/qbank.fish usr/share/doc/qbank/README.md usr/share/qbank/schemas/section.schema.json; do
  [ -s "$tmp/root/$file" ] || fail "$file is missing from the package"
done
"$tmp/root/usr/bin/qbank" lint questions/ >/dev/null || fail "the unpacked qbank does not lint the bundled bank"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
case "$depends" in *ca-certificates*) ;; *) fail "Depends lacks ca-certificates" ;; esac
# Every NEEDED soname must come from a package named in Depends: the file the loader picks
# (ldd), looked up in dpkg's database under either spelling of a merged /usr.
bin="$tmp/root/usr/bin/qbank"
for soname in $(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
  path=$(ldd "$bin" | awk -v s="$soname" '$1 == s { print $3 }')
  package=
  for candidate in "$path" "${path#/usr}" "/usr$path" "$(readlink -f "$path")"; do
    package=$(dpkg -S "$candidate" 2>/dev/null | head -n 1 | cut -d: -f1) && [ -n "$package" ] && break
  done
  [ -n "$package" ] || fail "no installed package provides $soname ($path)"
  case ", $depends" in *", $package "* | *", $package,"* | *", $package") ;; *) fail "$soname comes from $package, which Depends does not name" ;; esac
done
echo "ok: $(basename "$deb") unpacks, runs and declares its libraries"
