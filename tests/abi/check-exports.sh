#!/bin/sh
# Every dynamic symbol libmemo.so exports starts with memo_ (never the
# internal memo__ prefix), and the list equals abi/libmemo.symbols.
set -eu
# Sort order must not depend on the caller's locale (scripts/update-abi.sh
# writes the list in the C locale too).
LC_ALL=C
export LC_ALL
lib=$1
list=$2
actual=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' |
	sed 's/@.*//' | sort -u)
bad=$(printf '%s\n' "$actual" | grep -v '^memo_' || true)
internal=$(printf '%s\n' "$actual" | grep '^memo__' || true)
n=$(printf '%s\n' "$actual" | grep -c . || true)
if [ -n "$bad" ] || [ -n "$internal" ]; then
	echo "symbols outside the memo_ API are exported:"
	printf '%s\n' "$bad" "$internal"
	exit 1
fi
if ! printf '%s\n' "$actual" | diff -u "$list" - ; then
	echo "exported symbols differ from $list (update it deliberately)"
	exit 1
fi
echo "exports: $n symbols, all memo_*, equal to $(basename "$list")"
