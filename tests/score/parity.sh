#!/bin/sh
# parity.sh - the same memo in Markdown and in .docx gets the same score
# and the same findings (RULES.md 5). Every Markdown memo of tests/score
# (memos/ and pairs/) is converted at test time
#   - with pandoc:       pandoc -f gfm -t docx
#   - with LibreOffice:  pandoc -f gfm -t odt, then
#                        soffice --headless --convert-to docx (Word 2007 XML)
#                        (LibreOffice does not read Markdown; the .odt step
#                        keeps headings, lists and tables, and the .docx is
#                        written by LibreOffice's own docx filter)
# and check_parity compares each .docx with its Markdown original.
#
# pandoc and LibreOffice are test tools: scripts/install-test-tools.sh
# installs them. When one is missing, this script runs the installer once;
# it exits 77 (skipped) only if the tool is still missing afterwards.
#
# Environment: MEMO_SOURCE_ROOT, PARITY_BIN (the check_parity binary).
set -u
: "${MEMO_SOURCE_ROOT:?}"
: "${PARITY_BIN:?}"
SRC=$MEMO_SOURCE_ROOT

have_tools() {
	command -v pandoc >/dev/null 2>&1 &&
		{ command -v soffice >/dev/null 2>&1 ||
		  command -v libreoffice >/dev/null 2>&1; }
}
if ! have_tools; then
	echo "parity: pandoc or LibreOffice missing: running" \
		"scripts/install-test-tools.sh" >&2
	sh "$SRC/scripts/install-test-tools.sh" >&2 || true
fi
if ! have_tools; then
	echo "parity: pandoc or soffice still missing after installation:" \
		"skipped" >&2
	exit 77
fi
SOFFICE=$(command -v soffice || command -v libreoffice)

T=$(mktemp -d "${TMPDIR:-/tmp}/memo-parity.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/pandoc" "$T/odt" "$T/lo" "$T/profile"

n=0
for md in "$SRC"/tests/score/memos/*.md "$SRC"/tests/score/pairs/*.md; do
	[ -f "$md" ] || continue
	dir=$(basename "$(dirname "$md")")
	name=$dir-$(basename "$md" .md)
	pandoc -f gfm -t docx -o "$T/pandoc/$name.docx" "$md" || exit 1
	pandoc -f gfm -t odt -o "$T/odt/$name.odt" "$md" || exit 1
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "parity: no memos found" >&2; exit 1; }

# One LibreOffice run for every file, with a private profile so that a
# LibreOffice the user has open (or a parallel test) does not interfere.
"$SOFFICE" -env:UserInstallation="file://$T/profile" --headless \
	--convert-to 'docx:MS Word 2007 XML' --outdir "$T/lo" "$T"/odt/*.odt \
	> "$T/soffice.log" 2>&1
converted=$(ls "$T/lo" | grep -c '\.docx$')
if [ "$converted" -ne "$n" ]; then
	echo "parity: LibreOffice converted $converted of $n files:" >&2
	cat "$T/soffice.log" >&2
	exit 1
fi

fails=0
for md in "$SRC"/tests/score/memos/*.md "$SRC"/tests/score/pairs/*.md; do
	[ -f "$md" ] || continue
	dir=$(basename "$(dirname "$md")")
	name=$dir-$(basename "$md" .md)
	"$PARITY_BIN" "$md" "$T/pandoc/$name.docx" "$T/lo/$name.docx" ||
		fails=$((fails + 1))
done
echo "parity: $n memos, 2 conversions each, $fails with differences"
[ "$fails" -eq 0 ]
