#!/bin/sh
# check-baseline-sync.sh - the ELF symbols recorded in the abidw baseline
# (abi/libmemo.abi) equal the export list (abi/libmemo.symbols).
#
#   check-baseline-sync.sh abi/libmemo.abi abi/libmemo.symbols
#
# The "exports" test forces libmemo.symbols to follow the library; this
# test makes sure the baseline was regenerated with it (by
# scripts/update-abi.sh), so that a new function is under abidiff's watch
# from the commit that adds it, not only from some later regeneration.
set -eu
LC_ALL=C
export LC_ALL
abi=$1
list=$2
recorded=$(sed -n "s/^ *<elf-symbol name='\([^']*\)'.*/\1/p" "$abi" | sort -u)
if ! printf '%s\n' "$recorded" | diff -u "$list" - ; then
	echo "$(basename "$abi") and $(basename "$list") disagree:"
	echo "run scripts/update-abi.sh to regenerate both"
	exit 1
fi
echo "baseline: $(printf '%s\n' "$recorded" | grep -c .) symbols, equal to $(basename "$list")"
