#!/bin/sh
# run.sh CASE - tests of `memo lint` and `memo score` (the built tool, run
# as a user runs it). meson runs one test per CASE (tests/tools/meson.build).
#
# Environment: MEMO_TOOL (the memo binary), MEMO_SOURCE_ROOT. The schema
# cases validate with ajv (scripts/install-test-tools.sh installs it; they
# exit 77, "skipped", only when node or npm is missing). JSON is inspected
# with python3, which meson itself needs.
set -u

: "${MEMO_TOOL:?MEMO_TOOL must name the memo binary}"
: "${MEMO_SOURCE_ROOT:?MEMO_SOURCE_ROOT must name the source tree}"
MEMO=$MEMO_TOOL
SRC=$MEMO_SOURCE_ROOT
DATA=$SRC/tests/tools/data
LINT_SCHEMA=$SRC/docs/schema/lint-1.json
SCORE_SCHEMA=$SRC/docs/schema/score-1.json
SARIF_SCHEMA=$SRC/tests/data/sarif/sarif-2.1.0-rtm.5.json

T=$(mktemp -d "${TMPDIR:-/tmp}/memo-tools.XXXXXX") || exit 99
trap 'rm -rf "$T"' EXIT
FAILS=0
CHECKS=0

ok() { CHECKS=$((CHECKS + 1)); }
fail() {
	CHECKS=$((CHECKS + 1))
	FAILS=$((FAILS + 1))
	echo "FAIL: $*" >&2
}

# run OUT ERR CMD... : run CMD, stdout to OUT, stderr to ERR; sets RC
run() {
	out=$1 err=$2
	shift 2
	"$@" >"$out" 2>"$err"
	RC=$?
}

expect_rc() { # WANT WHAT
	if [ "$RC" -eq "$1" ]; then ok; else
		fail "$2: exit $RC, expected $1"
		sed 's/^/  stderr: /' "$T/err" >&2 2>/dev/null
	fi
}

has() { # FILE REGEX WHAT
	if grep -Eq -- "$2" "$1"; then ok; else
		fail "$3: no line matching /$2/ in:"
		sed 's/^/  | /' "$1" | head -20 >&2
	fi
}

hasnt() { # FILE REGEX WHAT
	if grep -Eq -- "$2" "$1"; then
		fail "$3: unexpected /$2/ in:"
		sed 's/^/  | /' "$1" | head -20 >&2
	else ok; fi
}

esc=$(printf '\033')

need_validator() {
	if ! command -v node >/dev/null 2>&1 || \
	   ! command -v npm >/dev/null 2>&1; then
		echo "SKIP: node or npm is not installed: cannot run the ajv" \
			"JSON Schema validator" >&2
		[ "$FAILS" -eq 0 ] || exit 1   # never hide a failure
		exit 77
	fi
	sh "$SRC/scripts/install-test-tools.sh" || {
		echo "FAIL: scripts/install-test-tools.sh failed" >&2
		exit 1
	}
	NODE_PATH=${MEMO_TEST_TOOLS_DIR:-$SRC/tests/tools}/node_modules
	export NODE_PATH
}

validate() { # SCHEMA FILE...
	if node "$SRC/tests/tools/validate-json.js" "$@" >"$T/val" 2>&1; then
		ok
	else
		fail "schema validation against $1:"
		sed 's/^/  | /' "$T/val" | head -40 >&2
	fi
}

# py WHAT SCRIPT ARGS... : a python3 check; its non-empty stdout is a
# failure message
py() {
	what=$1 script=$2
	shift 2
	msg=$(python3 -c "$script" "$@" 2>&1)
	if [ $? -eq 0 ] && [ -z "$msg" ]; then ok; else
		fail "$what: $msg"
	fi
}

LINE_RE='^[^:]+:[0-9]+:[0-9]+: (info|warning|error): .+ \[[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*\]$'

# ---- cases ------------------------------------------------------------------

case_lint_text() {
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$DATA/weak.md"
	[ "$RC" -le 1 ] && ok || fail "lint weak.md: exit $RC"
	has "$T/out" . "weak.md gives findings"
	# every line: file:line:col: severity: message [rule]
	if grep -Evq -- "$LINE_RE" "$T/out"; then
		fail "lines not in file:line:col: severity: message [rule] form:"
		grep -Ev -- "$LINE_RE" "$T/out" | head >&2
	else ok; fi
	has "$T/out" "^$DATA/weak.md:" "the file name as given"
	# positions: line and column inside the file (columns in characters)
	py "positions inside the file" '
import re, sys
text = open(sys.argv[2], encoding="utf-8").read().split("\n")
for l in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"[^:]+:(\d+):(\d+): ", l)
    line, col = int(m.group(1)), int(m.group(2))
    if line > len(text) or col > len(text[line - 1]) + 1:
        print("out of the file:", l.strip())
' "$T/out" "$DATA/weak.md"
	has "$T/err" '^1 file, [0-9]+ findings? \(' "summary line on stderr"
	hasnt "$T/out" 'findings? \(' "no summary on stdout"

	# a parse warning is a finding, with its exact position
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$DATA/badutf8.md"
	expect_rc 1 "badutf8.md"
	has "$T/out" "^$DATA/badutf8.md:4:12: warning: .* \[parse\.invalid-utf8\]$" \
		"parse.invalid-utf8 at 4:12"
	has "$T/err" '^1 file, 1 finding \(1 warning\)$' "summary of one finding"

	# two files, one summary
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$DATA/badutf8.md" \
		"$DATA/weak.md"
	has "$T/err" '^2 files, [0-9]+ findings \(' "summary of two files"

	# --quiet: no summary, nothing below --fail-on
	run "$T/out" "$T/err" "$MEMO" lint --no-config --quiet --fail-on error \
		"$DATA/badutf8.md"
	expect_rc 0 "--quiet --fail-on error"
	[ -s "$T/out" ] && fail "--quiet printed findings below --fail-on" || ok
	[ -s "$T/err" ] && fail "--quiet printed a summary" || ok
}

case_lint_exit() {
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$DATA/clean.txt"
	expect_rc 0 "clean.txt"
	[ -s "$T/out" ] && fail "clean.txt printed findings" || ok
	has "$T/err" '^1 file, no findings$' "clean summary"

	run "$T/out" "$T/err" "$MEMO" lint --no-config "$DATA/badutf8.md"
	expect_rc 1 "a warning with the default --fail-on (warning)"

	run "$T/out" "$T/err" "$MEMO" lint --no-config "$T/missing.md"
	expect_rc 3 "a missing file"
	has "$T/err" "missing\.md" "the error names the file"

	# the batch goes on after an unreadable file; 3 wins over 1
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$T/missing.md" \
		"$DATA/badutf8.md"
	expect_rc 3 "missing + findings"
	has "$T/out" "badutf8\.md:4:12: " "findings of the readable file"
	has "$T/err" "unreadable" "summary counts the unreadable file"

	printf 'PK\003\004 this is not a zip' > "$T/broken.docx"
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$T/broken.docx"
	expect_rc 3 "a broken .docx"

	run "$T/out" "$T/err" "$MEMO" lint
	expect_rc 2 "no input"
	run "$T/out" "$T/err" "$MEMO" lint --bogus "$DATA/clean.txt"
	expect_rc 2 "unknown option"
	run "$T/out" "$T/err" "$MEMO" lint --format xml "$DATA/clean.txt"
	expect_rc 2 "bad --format"
	run "$T/out" "$T/err" "$MEMO" lint --color sometimes "$DATA/clean.txt"
	expect_rc 2 "bad --color"
	run "$T/out" "$T/err" "$MEMO" lint --rule nosuch.rule=error \
		"$DATA/clean.txt"
	expect_rc 2 "unknown rule in --rule"
	run "$T/out" "$T/err" "$MEMO" lint --help
	expect_rc 0 "--help"
	has "$T/out" "--fail-on" "--help documents --fail-on"
}

case_lint_fail_on() {
	f=$DATA/badutf8.md   # exactly one finding: parse.invalid-utf8, warning
	for c in "info 1" "warning 1" "error 0" "none 0"; do
		set -- $c
		run "$T/out" "$T/err" "$MEMO" lint --no-config --fail-on "$1" "$f"
		expect_rc "$2" "--fail-on $1"
	done
	run "$T/out" "$T/err" "$MEMO" lint --no-config --fail-on=error \
		--rule parse.invalid-utf8=error "$f"
	expect_rc 1 "--fail-on error with the rule raised to error"
	has "$T/out" ": error: .*\[parse\.invalid-utf8\]" "severity from --rule"
	run "$T/out" "$T/err" "$MEMO" lint --no-config \
		--rule parse.invalid-utf8=off "$f"
	expect_rc 0 "rule turned off"
	run "$T/out" "$T/err" "$MEMO" lint --no-config --fail-on sometimes "$f"
	expect_rc 2 "bad --fail-on"
}

case_lint_color() {
	f=$DATA/badutf8.md
	# piped: no color, even with NO_COLOR unset
	run "$T/out" "$T/err" env -u NO_COLOR "$MEMO" lint --no-config "$f"
	hasnt "$T/out" "$esc" "no color when piped"
	run "$T/out" "$T/err" env -u NO_COLOR "$MEMO" lint --no-config \
		--color=always "$f"
	has "$T/out" "$esc\[" "--color=always colors a pipe"
	run "$T/out" "$T/err" env NO_COLOR=1 "$MEMO" lint --no-config \
		--color=always "$f"
	has "$T/out" "$esc\[" "--color=always wins over NO_COLOR"
	run "$T/out" "$T/err" env -u NO_COLOR "$MEMO" lint --no-config \
		--color=never "$f"
	hasnt "$T/out" "$esc" "--color=never"
	# colored lines still read file:line:col once colors are removed
	run "$T/out" "$T/err" "$MEMO" lint --no-config --color=always "$f"
	sed "s/$esc\[[0-9;]*m//g" "$T/out" > "$T/plain"
	has "$T/plain" "$LINE_RE" "colored line shape"

	# on a terminal (script(1) gives a pty): color unless NO_COLOR
	if command -v script >/dev/null 2>&1 &&
	   script -qec 'echo pty-ok' /dev/null < /dev/null 2>/dev/null |
	   grep -q pty-ok; then
		TERM=xterm env -u NO_COLOR script -qec \
			"'$MEMO' lint --no-config '$f'" /dev/null \
			< /dev/null > "$T/tty" 2>&1
		has "$T/tty" "$esc\[" "color on a terminal"
		TERM=xterm NO_COLOR=1 script -qec \
			"'$MEMO' lint --no-config '$f'" /dev/null \
			< /dev/null > "$T/tty" 2>&1
		hasnt "$T/tty" "$esc" "NO_COLOR on a terminal"
		has "$T/tty" "badutf8\.md:4:12: warning: " "plain line on a terminal"
		TERM=dumb env -u NO_COLOR script -qec \
			"'$MEMO' lint --no-config '$f'" /dev/null \
			< /dev/null > "$T/tty" 2>&1
		hasnt "$T/tty" "$esc" "TERM=dumb on a terminal"
	else
		echo "note: no pseudo-terminal (script(1)): terminal color" \
			"not checked" >&2
	fi
}

case_lint_stdin() {
	run "$T/out" "$T/err" sh -c "'$MEMO' lint --no-config --stdin \
		--stdin-filename docs/launch.md < '$DATA/badutf8.md'"
	expect_rc 1 "--stdin"
	has "$T/out" '^docs/launch\.md:4:12: warning: ' "--stdin-filename names it"
	run "$T/out" "$T/err" sh -c "'$MEMO' lint --no-config - \
		< '$DATA/badutf8.md'"
	expect_rc 1 "'-' operand"
	has "$T/out" '^<stdin>:4:12: ' "default name <stdin>"

	# the name chooses the format
	for c in "notes.txt text" "notes.md markdown"; do
		set -- $c
		"$MEMO" lint --no-config --format json --stdin --stdin-filename \
			"$1" < "$DATA/weak.md" > "$T/j" 2>/dev/null
		py "format of $1" '
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
if f["format"] != sys.argv[2] or f["file"] != sys.argv[3]:
    print(f["file"], f["format"])
' "$T/j" "$2" "$1"
	done
	# ... and the [kinds] globs
	"$MEMO" lint --format json --config "$DATA/kinds.ini" --stdin \
		--stdin-filename launch.prfaq.md < "$DATA/weak.md" > "$T/j" 2>/dev/null
	py "kind from a [kinds] glob on --stdin-filename" '
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
if (f["kind"], f["kind_source"]) != ("prfaq", "config"):
    print(f["kind"], f["kind_source"])
' "$T/j"

	run "$T/out" "$T/err" "$MEMO" lint --no-config --stdin-filename x.md \
		"$DATA/clean.txt"
	expect_rc 2 "--stdin-filename without --stdin"
	run "$T/out" "$T/err" sh -c "'$MEMO' lint --no-config - - < /dev/null"
	expect_rc 2 "standard input twice"
}

case_lint_config() {
	# a bad .memo.ini, found from the document's folder: file, line, exit 2
	run "$T/out" "$T/err" "$MEMO" lint "$DATA/badcfg/doc.md"
	expect_rc 2 "bad .memo.ini"
	has "$T/err" 'badcfg/\.memo\.ini: line 5: .*hedges' \
		"the error names the file and the line"
	[ -s "$T/out" ] && fail "output despite a bad configuration" || ok
	run "$T/out" "$T/err" "$MEMO" lint --format json "$DATA/badcfg/doc.md"
	expect_rc 2 "bad .memo.ini, JSON"
	[ -s "$T/out" ] && fail "JSON despite a bad configuration" || ok
	run "$T/out" "$T/err" "$MEMO" lint --config "$DATA/badcfg/.memo.ini" \
		"$DATA/clean.txt"
	expect_rc 2 "bad --config"
	run "$T/out" "$T/err" "$MEMO" lint --config "$T/none.ini" \
		"$DATA/clean.txt"
	expect_rc 2 "missing --config file"
	run "$T/out" "$T/err" "$MEMO" lint --no-config "$DATA/badcfg/doc.md"
	[ "$RC" -le 1 ] && ok || fail "--no-config skips the bad file: $RC"

	# discovery: cfgdir/.memo.ini (kind = decision) applies to cfgdir/sub/
	jkind() { # FILE -> "kind kind_source config"
		python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
print(f["kind"], f["kind_source"], f["config"])' "$1"
	}
	"$MEMO" lint --format json "$DATA/cfgdir/sub/doc.md" > "$T/j" 2>"$T/err"
	set -- $(jkind "$T/j")
	[ "$1 $2" = "decision config" ] && ok ||
		fail "discovered config not applied: $*"
	case "${3:-}" in */tests/tools/data/cfgdir/.memo.ini) ok ;;
		*) fail "config path: ${3:-}" ;; esac
	# --config wins; --no-config uses none
	"$MEMO" lint --format json --config "$DATA/kinds.ini" \
		"$DATA/cfgdir/sub/doc.md" > "$T/j" 2>/dev/null
	set -- $(jkind "$T/j")
	[ "$2" != config ] && [ "$3" != None ] && ok ||
		fail "--config did not replace the discovered file: $*"
	"$MEMO" lint --format json --no-config "$DATA/cfgdir/sub/doc.md" \
		> "$T/j" 2>/dev/null
	set -- $(jkind "$T/j")
	[ "$2" != config ] && [ "$3" = None ] && ok ||
		fail "--no-config: $*"
	# standard input: from the current folder ...
	(cd "$DATA/cfgdir" && "$MEMO" lint --format json --stdin \
		< "$DATA/weak.md" > "$T/j" 2>/dev/null)
	set -- $(jkind "$T/j")
	[ "$1 $2" = "decision config" ] && ok ||
		fail "stdin: config of the current folder not applied: $*"
	# ... or from the folder of --stdin-filename
	(cd "$T" && "$MEMO" lint --format json --stdin --stdin-filename \
		"$DATA/cfgdir/sub/new.md" < "$DATA/weak.md" > "$T/j" 2>/dev/null)
	set -- $(jkind "$T/j")
	[ "$1 $2" = "decision config" ] && ok ||
		fail "stdin: config of --stdin-filename's folder: $*"
}

case_lint_json() {
	python3 "$SRC/tests/tools/make-docx.py" "$T/memo.docx"
	"$MEMO" lint --no-config --format json "$DATA/weak.md" \
		"$DATA/strong.md" "$DATA/clean.txt" "$DATA/badutf8.md" \
		"$T/memo.docx" "$T/missing.md" > "$T/lint.json" 2>"$T/err"
	RC=$?
	expect_rc 3 "json with a missing file"
	py "libmemo.lint/1 content" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "libmemo.lint/1", d["schema"]
files = d["files"]
assert len(files) == 6, len(files)
assert files[-1]["error"]["status"] == "MEMO_EIO", files[-1]
bad = files[3]
f = [x for x in bad["findings"] if x["rule"] == "parse.invalid-utf8"]
assert len(f) == 1, bad["findings"]
r = f[0]["range"]["start"]
assert (r["line"], r["column"]) == (4, 12), r
assert files[4]["format"] == "docx", files[4]["format"]
assert any(x["rule"] == "parse.tracked-changes" for x in files[4]["findings"])
n = sum(len(x.get("findings", [])) for x in files)
s = d["summary"]
assert s["findings"] == n and s["files"] == 6 and s["unreadable"] == 1, s
assert s["errors"] + s["warnings"] + s["infos"] == n, s
for x in files[:5]:
    for g in x["findings"]:
        a, b = g["range"]["start"], g["range"]["end"]
        assert a["offset"] <= b["offset"], g
' "$T/lint.json"
	# stdin, and a file with no findings
	"$MEMO" lint --no-config --format json --stdin --stdin-filename \
		s.md < "$DATA/weak.md" > "$T/stdin.json" 2>/dev/null
	"$MEMO" lint --no-config --format json "$DATA/clean.txt" \
		> "$T/clean.json" 2>/dev/null
	# a name that is not UTF-8 still gives valid JSON (U+FFFD)
	bad=$(printf 'n\377.md')
	cp "$DATA/badutf8.md" "$T/$bad"
	"$MEMO" lint --no-config --format json "$T/$bad" > "$T/name.json" \
		2>/dev/null
	py "a file name that is not UTF-8" '
import json, sys
f = json.load(open(sys.argv[1], encoding="utf-8"))["files"][0]
assert f["file"].endswith("n\ufffd.md"), f["file"]
assert f["findings"], f
' "$T/name.json"
	need_validator
	validate "$LINT_SCHEMA" "$T/lint.json" "$T/stdin.json" "$T/clean.json" \
		"$T/name.json"
	# the validator does reject what the schema forbids
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["files"][0]["findings"][0]["severity"] = "fatal"
json.dump(d, open(sys.argv[2], "w"))' "$T/lint.json" "$T/broken.json"
	if node "$SRC/tests/tools/validate-json.js" "$LINT_SCHEMA" \
		"$T/broken.json" >/dev/null 2>&1; then
		fail "the validator accepted a bad severity"
	else ok; fi
}

case_lint_sarif() {
	python3 "$SRC/tests/tools/make-docx.py" "$T/memo.docx"
	"$MEMO" lint --no-config --format sarif "$DATA/weak.md" \
		"$DATA/badutf8.md" "$T/memo.docx" "$T/missing.md" \
		> "$T/a.sarif" 2>"$T/err"
	RC=$?
	expect_rc 3 "sarif with a missing file"
	"$MEMO" rules > "$T/rules"
	py "SARIF mapping" '
import json, sys
d = json.load(open(sys.argv[1]))
rules_listed = [l.split()[0] for l in open(sys.argv[2]) if l.strip()]
assert d["version"] == "2.1.0"
assert "sarif" in d["$schema"]
run = d["runs"][0]
drv = run["tool"]["driver"]
assert drv["name"] == "libmemo" and drv["version"] and drv["informationUri"]
ids = [r["id"] for r in drv["rules"]]
assert ids == rules_listed, "rules differ from memo rules"
for r in drv["rules"]:
    assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
    assert r["defaultConfiguration"]["level"] in ("none", "note", "warning", "error")
assert run["columnKind"] == "unicodeCodePoints"
arts = run["artifacts"]
assert len(arts) == 4, arts
assert arts[0]["location"]["uri"].endswith("tests/tools/data/weak.md")
assert arts[2]["mimeType"].endswith("wordprocessingml.document")
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
assert inv["toolExecutionNotifications"][0]["level"] == "error"
levels = {"info": "note", "warning": "warning", "error": "error"}
seen_utf8 = seen_fix = seen_docx = False
for res in run["results"]:
    assert ids[res["ruleIndex"]] == res["ruleId"], res
    assert res["level"] in ("note", "warning", "error")
    assert res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    reg = loc["region"]
    assert reg["startLine"] >= 1 and reg["startColumn"] >= 1
    assert (reg["endLine"], reg["endColumn"]) >= (reg["startLine"], reg["startColumn"])
    i = loc["artifactLocation"]["index"]
    assert loc["artifactLocation"]["uri"] == arts[i]["location"]["uri"]
    if res["ruleId"] == "parse.invalid-utf8":
        seen_utf8 = True
        assert (reg["startLine"], reg["startColumn"]) == (4, 12), reg
        assert res["level"] == "warning"
    if i == 2:
        seen_docx = True
        assert "charOffset" not in reg and "fixes" not in res
        assert res["properties"]["docx"]["part"] == "word/document.xml"
    for fix in res.get("fixes", []):
        seen_fix = True
        rep = fix["artifactChanges"][0]["replacements"][0]
        assert rep["deletedRegion"]["charLength"] == reg["charLength"]
        assert isinstance(rep["insertedContent"]["text"], str)
assert seen_utf8 and seen_docx
' "$T/a.sarif" "$T/rules"
	# charOffset/charLength select the finding's text in the file
	py "SARIF char offsets" '
import json, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2], encoding="utf-8").read()
lines = text.split("\n")
for res in d["runs"][0]["results"]:
    loc = res["locations"][0]["physicalLocation"]
    if loc["artifactLocation"]["index"] != 0:
        continue
    reg = loc["region"]
    a, n = reg["charOffset"], reg["charLength"]
    if "snippet" in reg and text[a:a + n] != reg["snippet"]["text"]:
        print("charOffset/charLength do not select the snippet", reg)
    # line/column agree with charOffset
    off = sum(len(l) + 1 for l in lines[:reg["startLine"] - 1]) + reg["startColumn"] - 1
    if off != a:
        print("startLine/startColumn disagree with charOffset", reg)
' "$T/a.sarif" "$DATA/weak.md"
	"$MEMO" lint --no-config --format sarif "$DATA/clean.txt" \
		> "$T/clean.sarif" 2>/dev/null
	"$MEMO" lint --no-config --format sarif --stdin --stdin-filename \
		"dir with space/m.md" < "$DATA/weak.md" > "$T/stdin.sarif" 2>/dev/null
	py "URI of a name with a space" '
import json, sys
d = json.load(open(sys.argv[1]))
u = d["runs"][0]["artifacts"][0]["location"]["uri"]
assert u == "dir%20with%20space/m.md", u
' "$T/stdin.sarif"
	need_validator
	validate "$SARIF_SCHEMA" "$T/a.sarif" "$T/clean.sarif" "$T/stdin.sarif"
	python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(d, open(sys.argv[2], "w"))' "$T/a.sarif" "$T/broken.sarif"
	if node "$SRC/tests/tools/validate-json.js" "$SARIF_SCHEMA" \
		"$T/broken.sarif" >/dev/null 2>&1; then
		fail "the SARIF schema accepted startLine 0"
	else ok; fi
}

case_score_card() {
	run "$T/out" "$T/err" "$MEMO" score --no-config "$DATA/weak.md"
	expect_rc 0 "score weak.md"
	has "$T/out" "weak\.md: [a-z-]+ memo \(kind (detected|config|front-matter)\)" \
		"kind and its source"
	has "$T/out" "^  score +[0-9]+\.[0-9] / 100$" "total score"
	for s in compression evidence causality judgment structure; do
		has "$T/out" "^  $s +[0-9]+\.[0-9]  [#.]{20}$" "sub-score $s"
	done
	has "$T/out" "^  sections " "section table"
	has "$T/out" "^    Summary +[0-9]" "second-level section Summary"
	has "$T/out" "^    Plan +[0-9]" "second-level section Plan"
	has "$T/out" "^  advice" "advice heading"
	has "$T/out" '^    1\. \+[0-9]+\.[0-9]  ' "advice lines with points"

	"$MEMO" score --no-config --json "$DATA/weak.md" > "$T/s.json"
	py "score JSON" '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "libmemo.score/1"
for k in ("file", "format", "kind", "kind_source", "score", "subscores",
          "sections", "advice", "metrics"):
    assert k in d, k
assert len(d["subscores"]) == 5, d["subscores"]
assert 1 <= len(d["advice"]) <= 3, d["advice"]
assert all(a["points"] > 0 and a["message"] for a in d["advice"])
titles = [(s["title"], s["depth"]) for s in d["sections"]]
assert ("Summary", 2) in titles and ("Plan", 2) in titles, titles
assert all(s["depth"] <= 2 for s in d["sections"])
assert "words" in d["metrics"], list(d["metrics"])[:5]
' "$T/s.json"

	run "$T/out" "$T/err" "$MEMO" score --no-config --fail-under 100 \
		"$DATA/weak.md"
	expect_rc 1 "--fail-under 100"
	run "$T/out" "$T/err" "$MEMO" score --no-config --fail-under 0 \
		"$DATA/weak.md"
	expect_rc 0 "--fail-under 0"
	run "$T/out" "$T/err" "$MEMO" score --no-config --fail-under 101 \
		"$DATA/weak.md"
	expect_rc 2 "--fail-under 101"
	run "$T/out" "$T/err" "$MEMO" score --no-config "$T/missing.md" \
		"$DATA/weak.md"
	expect_rc 3 "score with a missing file"
	has "$T/out" "weak\.md: " "the batch goes on"
	run "$T/out" "$T/err" "$MEMO" score "$DATA/badcfg/doc.md"
	expect_rc 2 "score with a bad .memo.ini"
	has "$T/err" 'badcfg/\.memo\.ini: line 5' "score names the bad file"
}

case_score_baseline() {
	"$MEMO" score --no-config --json "$DATA/weak.md" > "$T/base.json"
	run "$T/new.json" "$T/err" "$MEMO" score --no-config --json \
		--baseline "$T/base.json" "$DATA/strong.md"
	expect_rc 0 "score --baseline (renamed file, one entry)"
	py "baseline deltas" '
import json, sys
new = json.load(open(sys.argv[1]))
old = json.load(open(sys.argv[2]))
b = new["baseline"]
assert b["score"] == old["score"]
close = lambda x, y: abs(x - y) < 1e-3
assert close(b["delta"]["score"], new["score"] - old["score"]), b["delta"]
for k, v in new["subscores"].items():
    assert close(b["delta"]["subscores"][k], v - old["subscores"][k]), k
moved = b["delta"]["metrics"]
assert moved, "no metric moved"
for k, v in moved.items():
    assert close(v, new["metrics"][k] - old["metrics"][k]), k
    assert v != 0, k
unmoved = [k for k in new["metrics"] if k not in moved and
           new["metrics"][k] is not None and old["metrics"].get(k) is not None]
for k in unmoved:
    assert close(new["metrics"][k], old["metrics"][k]), k
' "$T/new.json" "$T/base.json"
	run "$T/out" "$T/err" "$MEMO" score --no-config --baseline \
		"$T/base.json" "$DATA/strong.md"
	expect_rc 0 "text --baseline"
	has "$T/out" "^  since .*base\.json:$" "since baseline"
	has "$T/out" "^    score +[0-9.]+ -> +[0-9.]+ +[-+][0-9]+\.[0-9]$" \
		"score delta line"
	has "$T/out" "^    evidence +[0-9.]+ -> " "sub-score delta line"
	has "$T/out" "metrics that moved most" "metric deltas"

	# several files: matched by name
	"$MEMO" score --no-config --json "$DATA/weak.md" "$DATA/strong.md" \
		> "$T/both.json"
	"$MEMO" score --no-config --json --baseline "$T/both.json" \
		"$DATA/strong.md" > "$T/same.json"
	py "baseline by file name" '
import json, sys
d = json.load(open(sys.argv[1]))
assert abs(d["baseline"]["delta"]["score"]) < 1e-9, d["baseline"]
assert d["baseline"]["delta"]["metrics"] == {}, d["baseline"]["delta"]
' "$T/same.json"

	echo '{"schema": "libmemo.lint/1"}' > "$T/wrong.json"
	run "$T/out" "$T/err" "$MEMO" score --no-config --baseline \
		"$T/wrong.json" "$DATA/strong.md"
	expect_rc 2 "baseline of another schema"
	echo '{ not json' > "$T/bad.json"
	run "$T/out" "$T/err" "$MEMO" score --no-config --baseline \
		"$T/bad.json" "$DATA/strong.md"
	expect_rc 2 "baseline that is not JSON"
	has "$T/err" "bad\.json:1:" "the JSON error names file and line"

	need_validator
	validate "$SCORE_SCHEMA" "$T/base.json" "$T/new.json" "$T/both.json" \
		"$T/same.json"
}

# Many files, unreadable ones in the middle: JSON and SARIF are streamed
# file by file (docs/lint.md), and must stay one valid document that keeps
# every other file's results, laid out exactly as jansson indents it.
case_lint_stream() {
	set --
	i=0
	while [ $i -lt 30 ]; do
		for f in weak.md strong.md clean.txt badutf8.md; do
			cp "$DATA/$f" "$T/$i-$f"
			set -- "$@" "$T/$i-$f"
		done
		if [ $i -eq 12 ]; then
			mkdir "$T/dir.md"
			set -- "$@" "$T/missing.md" "$T/dir.md"
		fi
		i=$((i + 1))
	done
	N=$#
	for fmt in json sarif; do
		"$MEMO" lint --no-config --format $fmt "$@" > "$T/all.$fmt" \
			2>"$T/err"
		RC=$?
		expect_rc 3 "$fmt over $N files, two unreadable"
	done
	"$MEMO" lint --no-config --format json "$T/13-weak.md" \
		> "$T/one.json" 2>/dev/null
	"$MEMO" lint --no-config --format json "$T/missing.md" "$T/0-weak.md" \
		> "$T/miss.json" 2>/dev/null
	"$MEMO" lint --no-config --format sarif "$T/13-weak.md" \
		> "$T/one.sarif" 2>/dev/null
	"$MEMO" stats --json "$@" > "$T/stats.json" 2>/dev/null
	"$MEMO" score --no-config --json "$@" > "$T/score.json" 2>/dev/null
	"$MEMO" outline --json "$@" > "$T/outline.json" 2>/dev/null
	py "streamed output" '
import json, sys
n = int(sys.argv[1])
def layout(path):
    """Every line indented by 2 per open bracket, as jansson writes."""
    depth = 0
    for no, line in enumerate(open(path, encoding="utf-8"), 1):
        body = line.rstrip("\n")
        stripped = body.lstrip(" ")
        closing = stripped[:1] in ("]", "}")
        want = 2 * (depth - (1 if closing else 0))
        if len(body) - len(stripped) != want:
            raise SystemExit("%s:%d: indented %d, not %d" % (path, no,
                len(body) - len(stripped), want))
        in_str = esc = False
        for ch in stripped:
            if in_str:
                if esc: esc = False
                elif ch == "\\": esc = True
                elif ch == "\"": in_str = False
            elif ch == "\"": in_str = True
            elif ch in "[{": depth += 1
            elif ch in "]}": depth -= 1
    if depth:
        raise SystemExit("%s: unbalanced" % path)
for p in sys.argv[2:]:
    layout(p)
    json.load(open(p, encoding="utf-8"))

d = json.load(open(sys.argv[2]))
files = d["files"]
assert len(files) == n, len(files)
bad = [i for i, f in enumerate(files) if "error" in f]
assert bad == [52, 53], bad
assert all(f["findings"] for f in files[:52] + files[54:] if
    not f["file"].endswith("clean.txt")), "a file lost its findings"
one = json.load(open(sys.argv[4]))["files"][0]
assert files[54] == one, "file 13-weak.md differs from its own run"
s = d["summary"]
assert s["files"] == n and s["unreadable"] == 2, s
assert s["findings"] == sum(len(f.get("findings", [])) for f in files), s
miss = json.load(open(sys.argv[5]))["files"]
assert "error" in miss[0] and miss[1]["findings"], miss

r = json.load(open(sys.argv[3]))["runs"][0]
assert len(r["artifacts"]) == n, len(r["artifacts"])
notes = r["invocations"][0]["toolExecutionNotifications"]
assert len(notes) == 2, notes
assert r["invocations"][0]["executionSuccessful"] is False
mine = [x for x in r["results"]
    if x["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 54]
solo = json.load(open(sys.argv[6]))["runs"][0]["results"]
for x in solo:
    x["locations"][0]["physicalLocation"]["artifactLocation"]["index"] = 54
    for f in x.get("fixes", []):
        for c in f["artifactChanges"]:
            c["artifactLocation"]["index"] = 54
assert mine == solo, "SARIF results of 13-weak.md differ from its own run"
assert any(x["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
    == n - 1 for x in r["results"]), "no results after the bad files"

for k in (7, 8, 9):
    a = json.load(open(sys.argv[k]))
    assert isinstance(a, list) and len(a) == n, (sys.argv[k], len(a))
    assert "error" in a[52] and "error" in a[53], sys.argv[k]
' "$N" "$T/all.json" "$T/all.sarif" "$T/one.json" "$T/miss.json" \
		"$T/one.sarif" "$T/stats.json" "$T/score.json" "$T/outline.json"
	need_validator
	validate "$LINT_SCHEMA" "$T/all.json" "$T/miss.json"
	validate "$SARIF_SCHEMA" "$T/all.sarif"
	validate "$SCORE_SCHEMA" "$T/score.json"
}

# --set KEY=VALUE takes every key of docs/configuration.md.
case_lint_set() {
	printf '# Plan\n\nWe recieve the data tomorow and then we ship the new form.\n' > "$T/sp.md"
	run "$T/out" "$T/err" "$MEMO" lint --no-config --format json "$T/sp.md"
	if grep -q '"spelling"' "$T/out"; then
		run "$T/out" "$T/err" "$MEMO" lint --no-config --format json \
			--set spelling.suggest=1 "$T/sp.md"
		expect_rc 1 "--set spelling.suggest=1"
		py "spelling.suggest=1 gives replacements" '
import json, sys
f = [x for x in json.load(open(sys.argv[1]))["files"][0]["findings"]
     if x["rule"] == "spelling"]
assert f and all(x["replacements"] for x in f), f
assert "receive" in f[0]["replacements"], f[0]
' "$T/out"
		printf '[spelling]\nsuggest = 1\n' > "$T/s.ini"
		run "$T/out" "$T/err" "$MEMO" lint --config "$T/s.ini" \
			--format json "$T/sp.md"
		has "$T/out" '"receive"' "[spelling] suggest = 1"
		run "$T/out" "$T/err" "$MEMO" lint --no-config \
			--set spelling.words=recieve,tomorow "$T/sp.md"
		expect_rc 0 "--set spelling.words"
		run "$T/out" "$T/err" "$MEMO" lint --no-config \
			--set spelling.language=xx_YY "$T/sp.md"
		expect_rc 2 "--set spelling.language of no dictionary"
		has "$T/err" "xx_YY" "the missing language is named"
	else
		echo "note: no en_US hunspell dictionary: spelling checks skipped" >&2
	fi
	run "$T/out" "$T/err" "$MEMO" lint --no-config --set spelling.suggest=0 \
		--set sentence.max_words=8 "$T/sp.md"
	has "$T/out" '\[length\.sentence\]' "--set sentence.max_words"
	run "$T/out" "$T/err" "$MEMO" lint --no-config --format json \
		--set kind=prfaq "$T/sp.md"
	has "$T/out" '"kind_source": "config"' "--set kind"
	for bad in spelling.suggest=2 spelling.suggest=yes no.such.key=1 \
		kind=essay sentence.max_words=many; do
		run "$T/out" "$T/err" "$MEMO" lint --no-config --set "$bad" \
			"$T/sp.md"
		expect_rc 2 "--set $bad"
		has "$T/err" "--set ${bad%%=*}" "--set $bad: the key is named"
	done
	has "$T/err" "not a number" "a key that wants a number"
	run "$T/out" "$T/err" "$MEMO" stats --set sentence.max_words=8 "$T/sp.md"
	expect_rc 0 "memo stats --set"
	run "$T/out" "$T/err" "$MEMO" stats --set sentence.max_words=x "$T/sp.md"
	expect_rc 2 "memo stats --set of a bad number"
}

case_usage() {
	run "$T/out" "$T/err" "$MEMO" --help
	expect_rc 0 "memo --help"
	has "$T/out" "^  lint " "memo --help lists lint"
	has "$T/out" "^  score " "memo --help lists score"
	run "$T/out" "$T/err" "$MEMO" score --help
	expect_rc 0 "memo score --help"
	has "$T/out" "--baseline" "score --help"
	run "$T/out" "$T/err" "$MEMO" score
	expect_rc 2 "score with no input"
	run "$T/out" "$T/err" "$MEMO" score --bogus x.md
	expect_rc 2 "score with an unknown option"
}

name=${1:-}
case "$name" in
lint_text|lint_exit|lint_fail_on|lint_color|lint_stdin|lint_config|\
lint_json|lint_sarif|lint_stream|lint_set|score_card|score_baseline|\
usage)
	"case_$name" ;;
*)
	echo "usage: run.sh CASE" >&2
	exit 99 ;;
esac
echo "$name: $((CHECKS - FAILS)) passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
