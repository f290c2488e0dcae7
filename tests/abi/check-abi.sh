#!/bin/sh
# check-abi.sh - compare a built libmemo.so with the committed ABI baseline.
#
#   check-abi.sh BASELINE.abi SUPPRESSIONS LIBRARY HEADERS_DIR...
#
# BASELINE.abi is abi/libmemo.abi (written by scripts/update-abi.sh),
# SUPPRESSIONS is abi/libmemo.abignore, LIBRARY the freshly built
# libmemo.so.*, and HEADERS_DIR the public header directories of that build
# (include/ of the source tree and include/ of the build tree, which holds
# the generated memo/version.h).
#
# This one script is the real check (meson test "abidiff") and the judge of
# the demonstrations (tests/abi/abi-demo.sh), so the demonstrations prove
# that the real check works.
#
# Policy. abidiff's exit status is a bit mask (abidiff(1)):
#   1 ABIDIFF_ERROR, 2 ABIDIFF_USAGE_ERROR,
#   4 ABIDIFF_ABI_CHANGE, 8 ABIDIFF_ABI_INCOMPATIBLE_CHANGE.
# abidiff runs with --no-added-syms, so added functions and variables
# (growth) are filtered out before the status is computed, and with the
# suppressions, which allow a data member appended at the end of a
# versioned struct. Whatever is left is a change we do not allow:
#   status 0             -> pass (exit 0)
#   bit 8 set            -> incompatible change, e.g. a removed function
#                           (abidiff exits 12)                 -> exit 1
#   bit 4 set, 8 not set -> a change no suppression covers, e.g. a field
#                           inserted mid-struct, a changed parameter,
#                           a renumbered enumerator (abidiff exits 4)
#                                                              -> exit 1
#   bit 1 or 2 set       -> abidiff could not compare           -> exit 2
# When abidiff passes, the structs the suppressions cover (the versioned
# ones) get a direct check, because abidiff 2.2.0 also suppresses reordered
# or retyped members there: the baseline's members (name, bit offset,
# type) must be a prefix of the library's (read with abidw)  -> else exit 1.
# A last, informational abidiff run without --no-added-syms lists the
# added functions, so growth is visible in the log but never fails.
#
# Exit status of this script: 0 pass, 1 ABI change rejected, 2 tool or
# usage error, 77 cannot check (abidiff missing, or LIBRARY has no DWARF:
# build with -g, i.e. buildtype debug or debugoptimized).
set -u

if [ $# -lt 3 ]; then
	echo "usage: $0 BASELINE.abi SUPPRESSIONS LIBRARY [HEADERS_DIR...]" >&2
	exit 2
fi
baseline=$1
suppr=$2
lib=$3
shift 3

if ! command -v abidiff >/dev/null 2>&1; then
	echo "abidiff not found: install abigail-tools (Debian) to run this check"
	exit 77
fi
for f in "$baseline" "$suppr" "$lib"; do
	if [ ! -f "$f" ]; then
		echo "check-abi: no such file: $f" >&2
		exit 2
	fi
done
# abidiff reports no change (exit 0) for a baseline it cannot parse, e.g.
# a truncated one, so validate it first.
if command -v abilint >/dev/null 2>&1; then
	if ! abilint "$baseline" >/dev/null 2>&1; then
		echo "check-abi: $baseline is not a valid abixml file" \
			"(abilint failed); regenerate it with scripts/update-abi.sh" >&2
		exit 2
	fi
elif ! tail -n 1 "$baseline" | grep -q '^</abi-corpus>$'; then
	echo "check-abi: $baseline is truncated (no closing </abi-corpus>)" >&2
	exit 2
fi
# With --headers-dir2, abidiff counts a type as public only when its
# location lies in a public header. A baseline written without locations
# (abidw --no-show-locs) makes every type private and hides layout
# changes, so refuse it.
if ! grep -q "filepath='include/memo/" "$baseline"; then
	echo "check-abi: $baseline records no location in include/memo/;" \
		"regenerate it with scripts/update-abi.sh" >&2
	exit 2
fi
if command -v readelf >/dev/null 2>&1 &&
	! readelf -S "$lib" 2>/dev/null | grep -q '\.debug_info'; then
	echo "check-abi: $lib has no DWARF debug info; abidiff needs -g"
	echo "(configure with -Dbuildtype=debug or debugoptimized)"
	exit 77
fi

if ! command -v abidw >/dev/null 2>&1 || ! command -v python3 >/dev/null 2>&1
then
	echo "check-abi: abidw and python3 are needed too" >&2
	exit 2
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# The library's own ABI description, for the versioned-struct check below.
n=$#
while [ "$n" -gt 0 ]; do
	set -- "$@" --headers-dir "$1"
	shift
	n=$((n - 1))
done
if ! abidw "$@" --drop-private-types --no-corpus-path --no-elf-needed \
	--out-file "$tmp/new.abi" "$lib"; then
	echo "check-abi: abidw failed on $lib" >&2
	exit 2
fi
# --headers-dir DIR pairs become --headers-dir2 DIR pairs for abidiff.
n=$(($# / 2))
while [ "$n" -gt 0 ]; do
	set -- "$@" --headers-dir2 "$2"
	shift 2
	n=$((n - 1))
done

# --drop-private-types on both sides: the baseline was written with it, so
# opaque structs (memo_document, ...) stay declaration-only on both sides.
# --no-architecture: the baseline was made on x86_64; any LP64 target has
# the same layout for every public type.
# --no-default-suppression: only libmemo.abignore decides.
set -- --drop-private-types --no-architecture --no-default-suppression \
	--suppressions "$suppr" "$@"

abidiff --no-added-syms "$@" "$baseline" "$lib"
st=$?
echo "abidiff exit status: $st (with --no-added-syms)"

if [ $((st & 3)) -ne 0 ]; then
	echo "check-abi: abidiff failed to compare (status $st)" >&2
	exit 2
fi
if [ $((st & 8)) -ne 0 ]; then
	echo "ABI CHECK FAILED: incompatible change against $(basename "$baseline")"
	echo "(a function or variable was removed, or a type changed"
	echo " incompatibly). See docs/api-stability.md."
	exit 1
fi
if [ $((st & 4)) -ne 0 ]; then
	echo "ABI CHECK FAILED: ABI change against $(basename "$baseline") that"
	echo "is not a pure addition (new functions/variables) and not a field"
	echo "appended at the end of a versioned struct. See docs/api-stability.md."
	exit 1
fi

# abidiff 2.2.0 applies `has_data_member_inserted_at = end` vacuously: a
# versioned struct whose members were reordered or retyped, with nothing
# removed and no shrinking, is suppressed as a whole (seen: swapping two
# uint32_t members, or uint32_t -> int32_t or -> uint64_t, all exit 0).
# So check the structs those suppressions cover directly: the baseline's
# members (name, bit offset, type with typedefs resolved) must be a prefix
# of the library's.
python3 - "$baseline" "$tmp/new.abi" "$suppr" <<'PYEOF'
import re, sys
import xml.etree.ElementTree as ET
base_file, new_file, suppr_file = sys.argv[1:4]

# The structs the suppressions let grow: [suppress_type] sections that
# have has_data_member_inserted_at, by name_regexp or name.
pats, sec = [], None
def flush(sec):
    if sec and 'has_data_member_inserted_at' in sec:
        if 'name_regexp' in sec:
            pats.append(re.compile(sec['name_regexp']))
        elif 'name' in sec:
            pats.append(re.compile('^' + re.escape(sec['name']) + '$'))
for line in open(suppr_file):
    line = line.split('#', 1)[0].strip()
    if not line:
        continue
    if line.startswith('['):
        flush(sec)
        sec = {} if line == '[suppress_type]' else None
    elif sec is not None and '=' in line:
        k, v = line.split('=', 1)
        sec[k.strip()] = v.strip()
flush(sec)

def load(path):
    types, structs = {}, {}
    for e in ET.parse(path).getroot().iter():
        i = e.get('id')
        if i is not None and i not in types:
            types[i] = e
        if (e.tag == 'class-decl' and e.get('is-declaration-only') != 'yes'
                and e.get('name') and e.get('name') not in structs):
            structs[e.get('name')] = e
    return types, structs

def render(types, tid, depth=0):
    """The type of a member, typedefs resolved: what the ABI sees."""
    e = types.get(tid)
    if e is None or depth > 20:
        return '?' + str(tid)
    t = e.tag
    if t == 'typedef-decl':
        return render(types, e.get('type-id'), depth + 1)
    if t == 'type-decl':
        return e.get('name')
    if t == 'pointer-type-def':
        return render(types, e.get('type-id'), depth + 1) + '*'
    if t == 'qualified-type-def':
        q = ''.join(k + ' ' for k in ('const', 'volatile')
                    if e.get(k) == 'yes')
        return q + render(types, e.get('type-id'), depth + 1)
    if t == 'array-type-def':
        return '%s[%s bits]' % (render(types, e.get('element-type-id'),
                                       depth + 1), e.get('size-in-bits'))
    if t in ('class-decl', 'union-decl', 'enum-decl'):
        return t.split('-')[0] + ' ' + (e.get('name') or '<anonymous>')
    return t

def members(types, s):
    out = []
    for dm in s.findall('data-member'):
        v = dm.find('var-decl')
        out.append((v.get('name'), dm.get('layout-offset-in-bits'),
                    render(types, v.get('type-id'))))
    return out

def show(m):
    return '%s %s at bit %s' % (m[2], m[0], m[1]) if m else '(none)'

if not pats:
    sys.exit('no [suppress_type] with has_data_member_inserted_at in '
             + suppr_file)
bt, bs = load(base_file)
nt, ns = load(new_file)
bad = 0
for name in sorted(bs):
    if not any(p.search(name) for p in pats):
        continue
    old = members(bt, bs[name])
    if name not in ns:
        print('versioned struct %s is no longer in the public ABI' % name)
        bad = 1
        continue
    new = members(nt, ns[name])
    if new[:len(old)] == old:
        print('versioned struct %s: %d member(s) unchanged, %d appended'
              % (name, len(old), len(new) - len(old)))
        continue
    bad = 1
    print('versioned struct %s changed other than by appending:' % name)
    for k in range(max(len(old), len(new))):
        o = old[k] if k < len(old) else None
        n = new[k] if k < len(new) else None
        if o != n:
            print('  member %d: was %s, now %s' % (k, show(o), show(n)))
sys.exit(bad)
PYEOF
lst=$?
if [ "$lst" -eq 1 ]; then
	echo "ABI CHECK FAILED: a versioned struct changed other than by"
	echo "appending fields at its end. See docs/api-stability.md."
	exit 1
elif [ "$lst" -ne 0 ]; then
	echo "check-abi: the versioned-struct check failed to run" >&2
	exit 2
fi

# Passed. Show growth, if any, for the log (exit status ignored).
if ! added=$(abidiff "$@" "$baseline" "$lib" 2>&1); then
	printf '%s\n' "$added"
	echo "(additions are allowed; record them with scripts/update-abi.sh)"
fi
echo "abi: $(basename "$lib") is compatible with $(basename "$baseline")"
exit 0
