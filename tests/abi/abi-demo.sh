#!/bin/sh
# abi-demo.sh - show that the ABI check catches breaks, with a throwaway
# build of libmemo itself.
#
#   abi-demo.sh SRCROOT WORKDIR CASE
#
# Copies the source tree SRCROOT (without .git and build directories) to
# WORKDIR/src, configures WORKDIR/build (buildtype=debug, so that abidw and
# abidiff see DWARF) and builds only the shared library. Then:
#
#   1. control: the unmodified copy must pass tests/abi/check-abi.sh
#      against the committed abi/libmemo.abi. If it does not, the baseline
#      is stale and the demonstration proves nothing: this script fails.
#   2. CASE is applied to the copy with sed, the library is rebuilt
#      (incrementally) and the same check-abi.sh runs again:
#        remove-function  delete memo_version_string() from common.h and
#                         core/version.c                     -> must FAIL
#        insert-field     insert a uint32_t after `version` in
#                         memo_parse_options (mid-struct)    -> must FAIL
#        append-field     add a uint32_t at the end of
#                         memo_parse_options                 -> must PASS
#        reorder-fields   swap `format` and `flags` in memo_parse_options
#                         (abidiff's suppression alone lets this through;
#                         check-abi.sh's member check must catch it)
#                                                            -> must FAIL
#      A FAIL must be check-abi.sh exit 1 (an ABI change it rejected, not a
#      tool error) and abidiff's report must name the mutated item, so the
#      failure is the mutation's doing.
#
# The checker is the very script the "abidiff" test runs on the real build.
# WORKDIR is deleted when the case succeeds and kept for inspection when
# it fails. Exit: 0 as expected, 1 not as expected, 77 abidiff missing.
set -u
LC_ALL=C
export LC_ALL

if [ $# -ne 3 ]; then
	echo "usage: $0 SRCROOT WORKDIR CASE" >&2
	echo "CASE: remove-function|insert-field|append-field|reorder-fields" >&2
	exit 2
fi
src=$(cd "$1" && pwd) || exit 2
work=$2
case=$3
here=$(cd "$(dirname "$0")" && pwd)
check=$here/check-abi.sh

case $case in
remove-function) expect=fail; mark=memo_version_string ;;
insert-field) expect=fail; mark=abi_demo_inserted ;;
append-field) expect=pass; mark=abi_demo_appended ;;
reorder-fields) expect=fail; mark='was unsigned int format' ;;
*) echo "abi-demo: unknown case '$case'" >&2; exit 2 ;;
esac

if ! command -v abidiff >/dev/null 2>&1; then
	echo "abidiff not found: install abigail-tools (Debian)"
	exit 77
fi

die() {
	echo "abi-demo $case: $*" >&2
	echo "(work tree kept in $work)" >&2
	exit 1
}

start=$(date +%s)
rm -rf "$work"
mkdir -p "$work/src" || exit 2
work=$(cd "$work" && pwd)
s=$work/src
b=$work/build

# 1. Copy the sources: everything but .git, build directories (any
# directory holding a build.ninja or meson-private) and objects.
tar -C "$src" --exclude=./.git --exclude='./build*' \
	--exclude-tag-all=build.ninja --exclude-tag-all=meson-info \
	--exclude='*.o' --exclude='*.so' --exclude=__pycache__ -cf - . |
	tar -C "$s" -xf - || die "copying $src failed"

meson setup "$b" "$s" -Dbuildtype=debug >"$work/setup.log" 2>&1 ||
	die "meson setup failed; see $work/setup.log"

# The shared library target, relative to the build directory.
lib=$(meson introspect --targets "$b" | python3 -c '
import json, os, sys
b = sys.argv[1]
for t in json.load(sys.stdin):
    if t["name"] == "memo" and t["type"] == "shared library":
        print(os.path.relpath(t["filename"][0], b))
        break
' "$b")
[ -n "$lib" ] || die "no shared library target 'memo' in the build"

build() {
	ninja -C "$b" -j2 "$lib" >"$work/build-$1.log" 2>&1 ||
		die "building $lib ($1) failed; see $work/build-$1.log"
}

check() {
	"$check" "$s/abi/libmemo.abi" "$s/abi/libmemo.abignore" "$b/$lib" \
		"$s/include" "$b/include" >"$work/check-$1.log" 2>&1
	rc=$?
	abidiff_st=$(sed -n 's/^abidiff exit status: \([0-9]*\).*/\1/p' \
		"$work/check-$1.log")
	echo "== $1: check-abi.sh exit $rc, abidiff exit ${abidiff_st:-?}"
	sed 's/^/   | /' "$work/check-$1.log"
}

# 2. Control: the unmodified copy must pass.
build control
check control
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || die "the UNMODIFIED tree fails the ABI check: the \
baseline abi/libmemo.abi is stale (run scripts/update-abi.sh)"

# 3. The mutation.
mutate() { # file sed-script: apply, and insist that the file changed
	cp "$s/$1" "$work/orig" || exit 2
	sed -e "$2" "$work/orig" >"$s/$1" || exit 2
	if cmp -s "$work/orig" "$s/$1"; then
		die "the '$case' edit no longer applies to $1; update $0"
	fi
}
opts='/^typedef struct memo_parse_options {/,/^} memo_parse_options;/'
case $case in
remove-function)
	mutate include/memo/common.h \
		'/^MEMO_EXTERN(const char \*) memo_version_string(void);$/d'
	mutate libmemo/core/version.c \
		'/^const char \*memo_version_string(void)$/,/^}$/d'
	;;
insert-field)
	mutate include/memo/document.h \
		"$opts"'s/^\([[:space:]]*\)uint32_t version;.*$/&\
\1uint32_t abi_demo_inserted;/'
	;;
append-field)
	mutate include/memo/document.h \
		"$opts"'s/^} memo_parse_options;/	uint32_t abi_demo_appended;\
&/'
	;;
reorder-fields)
	mutate include/memo/document.h \
		"$opts"'{/^[[:space:]]*uint32_t format;/{h;d};/^[[:space:]]*uint32_t flags;/G}'
	;;
esac
build "$case"
if [ "$case" = remove-function ]; then
	if nm -D --defined-only "$b/$lib" | grep -q ' memo_version_string@'; then
		die "memo_version_string is still exported after the edit"
	fi
elif [ "$case" = reorder-fields ]; then
	sed -n "$opts"p "$s/include/memo/document.h" |
		grep -E 'uint32_t (format|flags);' | head -n 1 | grep -q flags ||
		die "flags does not come before format after the edit"
else
	sed -n "$opts"p "$s/include/memo/document.h" | grep -q "$mark" ||
		die "$mark is not inside memo_parse_options after the edit"
fi
check "$case"
[ "$rc" -eq 77 ] && exit 77

result=bad
if [ "$expect" = pass ] && [ "$rc" -eq 0 ]; then
	result=ok
elif [ "$expect" = fail ] && [ "$rc" -eq 1 ]; then
	if grep -q "$mark" "$work/check-$case.log"; then
		result=ok
	else
		echo "abidiff's report does not name $mark"
	fi
fi
end=$(date +%s)
echo "abi-demo $case: expected $expect, check-abi.sh exit $rc," \
	"abidiff exit ${abidiff_st:-?}: $result ($((end - start)) s)"
[ "$result" = ok ] || die "unexpected result"
rm -rf "$work"
exit 0
