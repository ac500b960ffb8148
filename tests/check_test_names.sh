#!/bin/sh
# Test names CTest cannot pass back to Catch2 intact: a ';' splits the name (it is CMake's list
# separator) and the pieces "pass" without running anything; a leading '-' makes Catch2 read
# the name as an option. Fail on either, so the mistake cannot creep back.
status=0
if grep -rn --include='*.cpp' 'TEST_CASE("[^"]*;' "$1"; then
  echo "test names above contain ';': CTest would split them and run nothing" >&2
  status=1
fi
if grep -rn --include='*.cpp' 'TEST_CASE("-' "$1"; then
  echo "test names above start with '-': Catch2 would take them for options" >&2
  status=1
fi
exit $status
