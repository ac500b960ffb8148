#!/bin/sh
# CTest splits a Catch2 test name at ';' (it is CMake's list separator), and the pieces then
# "pass" without running anything. Fail on any such name so the mistake cannot creep back.
if grep -rn --include='*.cpp' 'TEST_CASE("[^"]*;' "$1"; then
  echo "test names above contain ';': CTest would split them and run nothing" >&2
  exit 1
fi
exit 0
