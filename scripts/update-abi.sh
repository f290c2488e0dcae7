#!/bin/sh
# update-abi.sh - regenerate abi/libmemo.symbols and abi/libmemo.abi from a
# build, after a deliberate change of the public API or ABI.
#
#   scripts/update-abi.sh [BUILD_DIR]      (default: build-abi)
#
# BUILD_DIR is configured with -Dbuildtype=debug when it does not exist.
# An existing BUILD_DIR must build libmemo with -g (buildtype debug or
# debugoptimized, the project default): abidw reads the types from DWARF.
# Only the shared library target is built.
#
# Writes:
#   abi/libmemo.symbols  every symbol libmemo.so exports (nm -D), sorted
#                        in the C locale, one per line, no version suffix
#   abi/libmemo.abi      abidw's ABI description, restricted to the types
#                        of the public headers (include/ and the generated
#                        BUILD_DIR/include), with no absolute path, no
#                        compilation directory, no DT_NEEDED list, source
#                        paths relative to the source root (system
#                        headers: base name only), and hash type ids,
#                        so that the file does not depend on the checkout
#                        or build directory
# and then checks both with the very scripts the tests use
# (tests/abi/check-exports.sh, tests/abi/check-abi.sh). Review the result
# with `git diff abi/` and commit it with the API change; say in NEWS.md
# whether the ABI grew or broke.
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")/.."
src=$(pwd)
dir=${1:-build-abi}

for t in abidw abidiff nm meson ninja python3; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "update-abi: $t not found (abidw/abidiff: apt-get install" \
			"abigail-tools)" >&2
		exit 1
	fi
done

if [ ! -f "$dir/build.ninja" ]; then
	meson setup "$dir" -Dbuildtype=debug >/dev/null
fi
dir=$(cd "$dir" && pwd)

lib=$(meson introspect --targets "$dir" | python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["name"] == "memo" and t["type"] == "shared library":
        print(t["filename"][0])
        break
')
if [ -z "$lib" ]; then
	echo "update-abi: no shared library target 'memo' in $dir" >&2
	exit 1
fi
ninja -C "$dir" "${lib#"$dir"/}" >/dev/null

if ! readelf -S "$lib" | grep -q '\.debug_info'; then
	echo "update-abi: $lib has no debug info; configure $dir with" \
		"-Dbuildtype=debug (or debugoptimized)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. Exported symbols (the same pipeline as tests/abi/check-exports.sh).
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' |
	sed 's/@.*//' | sort -u >"$tmp/libmemo.symbols"
sh tests/abi/check-exports.sh "$lib" "$tmp/libmemo.symbols"

# 2. The ABI description. The suppression drops from the IR every
# function declaration that is not public API: the libc, libxml2, ...
# prototypes and the memo__ internals that DWARF carries only as call
# targets (none of them has an exported symbol, so nothing that the check
# compares is lost; it keeps the baseline small and stable).
cat >"$tmp/drop.suppr" <<'EOF'
[suppress_function]
  name_not_regexp = ^memo_[a-z0-9]
  drop = yes
EOF
abidw --headers-dir include --headers-dir "$dir/include" \
	--drop-private-types --drop-undefined-syms \
	--no-corpus-path --no-comp-dir-path --no-elf-needed \
	--type-id-style hash --suppressions "$tmp/drop.suppr" \
	--out-file "$tmp/raw.abi" "$lib"

# Source paths (translation units, declaration locations) are relative to
# the build directory or absolute; rewrite them relative to the source
# root (generated sources: BUILD/... relative to the build directory;
# anything else, e.g. system headers: base name only).
# The locations must stay: with --headers-dir2, abidiff treats a type as
# public only when its location is in a public header, and a baseline
# without locations makes every type private, so that a field inserted
# into memo_parse_options goes unreported (seen with abidiff 2.2.0; the
# abi-demo-insert-field test guards against this).
python3 - "$tmp/raw.abi" "$tmp/libmemo.abi" "$src" "$dir" <<'EOF'
import os, re, sys
raw, out, src, build = sys.argv[1:5]
def under(path, root):
    rel = os.path.relpath(path, root)
    return None if rel == '..' or rel.startswith('../') else rel
def fix(m):
    p = m.group(2)
    full = os.path.normpath(p if os.path.isabs(p) else os.path.join(build, p))
    rel = under(full, build)
    if rel is not None:
        rel = 'BUILD/' + rel           # a generated source
    else:
        rel = under(full, src)
        if rel is None:
            rel = os.path.basename(full)
    return m.group(1) + "='" + rel + "'"
text = open(raw).read()
text = re.sub(r"( (?:file)?path)='([^']*)'", fix, text)
for d in (src, build):
    if d in text:
        sys.exit("update-abi: %s still appears in the ABI file" % d)
open(out, 'w').write(text)
EOF

# 3. The new baseline must pass the check it will be used for.
sh tests/abi/check-abi.sh "$tmp/libmemo.abi" abi/libmemo.abignore "$lib" \
	include "$dir/include" >"$tmp/check.log" 2>&1 || {
	cat "$tmp/check.log"
	echo "update-abi: the new baseline does not pass check-abi.sh" >&2
	exit 1
}

cp "$tmp/libmemo.symbols" abi/libmemo.symbols
cp "$tmp/libmemo.abi" abi/libmemo.abi
n=$(grep -c . abi/libmemo.symbols)
echo "update-abi: wrote abi/libmemo.symbols ($n symbols) and abi/libmemo.abi"
echo "from $lib"
if command -v git >/dev/null 2>&1 && [ -d .git ]; then
	git --no-pager diff --stat -- abi/ || true
fi
