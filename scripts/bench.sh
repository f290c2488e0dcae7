#!/bin/bash
# Benchmarks of libmemo, each measured beside peer tools in the same run.
# See docs/performance.md.
#
#   scripts/bench.sh [parse]   parse throughput and peak RSS over the
#                              Markdown and docx corpora, beside md4c alone,
#                              a bare libzip+libxml2 docx extractor (the
#                              floor) and pandoc -> bench/results/latest.md
#   scripts/bench.sh analyze   full analysis (parse + every metric, spelling
#                              off) over the Markdown corpus, beside GNU
#                              style and a retext plugin bundle; memory per
#                              MB of input -> bench/results/analyze.md
#   scripts/bench.sh lint      `memo lint --format json` over the Markdown
#                              corpus in one process, beside write-good,
#                              textlint + write-good and GNU diction
#                              -> bench/results/lint.md
#   scripts/bench.sh all       the three, in that order
#
# Each stage writes its Markdown summary to stdout and to its file; raw
# outputs go to bench/results/raw/ (parse), raw/analyze/ and raw/lint/.
#
# Environment:
#   MEMO_CORPUS        corpus folder (default ../shared/corpus)
#   BENCH_BUILD        build folder (default build-bench, release build)
#   BENCH_REPEAT       timed passes of bench_parse / bench_analyze
#                      (default 5; median)
#   BENCH_EVERY        sample: every N-th file (default 10): pandoc (parse),
#                      the retext bundle (analyze)
#   BENCH_PANDOC_RUNS  timed runs over the pandoc sample (default 3; median)
#   BENCH_STYLE_RUNS   timed runs of GNU style (default 3; median)
#   BENCH_RETEXT_REPEAT  timed passes of the retext bundle (default 3)
#   BENCH_LINT_RUNS    timed runs of each linter over the corpus (default 1:
#                      the JavaScript linters and diction take minutes each;
#                      memo lint always runs at least 3 times)
#   BENCH_LINT_EVERY   lint over every N-th file only (default 1: all)
#   BENCH_CPU          CPU to pin to with taskset (default 0)
#   BENCH_NO_INSTALL=1 install nothing (apt-get, npm)
#   BENCH_PROFILE=1    also record `perf` profiles (parse: raw/*.perf.txt;
#                      analyze: a -fno-omit-frame-pointer build in
#                      $BENCH_BUILD-fp, raw/analyze/analyze.perf.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

stage=${1:-parse}
case $stage in
parse | analyze | lint | all) ;;
*)
	echo "usage: scripts/bench.sh [parse|analyze|lint|all]" >&2
	exit 2
	;;
esac

corpus=${MEMO_CORPUS:-$root/../shared/corpus}
build=${BENCH_BUILD:-build-bench}
repeat=${BENCH_REPEAT:-5}
every=${BENCH_EVERY:-10}
pruns=${BENCH_PANDOC_RUNS:-3}
sruns=${BENCH_STYLE_RUNS:-3}
rrepeat=${BENCH_RETEXT_REPEAT:-3}
lruns=${BENCH_LINT_RUNS:-1}
levery=${BENCH_LINT_EVERY:-1}
cpu=${BENCH_CPU:-0}
res=bench/results
raw=$res/raw
peers=bench/peers

[ -d "$corpus/md" ] && [ -d "$corpus/docx" ] || {
	echo "bench.sh: corpus not found at $corpus (set MEMO_CORPUS)" >&2
	exit 2
}
corpus=$(cd "$corpus" && pwd)

want() { [ "$stage" = all ] || [ "$stage" = "$1" ]; }

# ---- what the benchmarks need (never installed by the test path) -------
apt_install() {
	[ $# -gt 0 ] || return 0
	local sudo=
	[ "$(id -u)" = 0 ] || sudo=sudo
	echo "== installing:$*" >&2
	$sudo apt-get update -qq >&2
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
if [ "${BENCH_NO_INSTALL:-0}" != 1 ]; then
	missing=
	[ -x /usr/bin/time ] || missing="$missing time"
	if want parse; then
		command -v pandoc >/dev/null || missing="$missing pandoc"
		command -v hyperfine >/dev/null || missing="$missing hyperfine"
	fi
	if want analyze || want lint; then
		# GNU style and diction come in one package
		command -v style >/dev/null && command -v diction >/dev/null ||
			missing="$missing diction"
		command -v node >/dev/null || missing="$missing nodejs"
		command -v npm >/dev/null || missing="$missing npm"
	fi
	# shellcheck disable=SC2086
	apt_install $missing
	if want analyze || want lint; then
		# The JavaScript peers, pinned by bench/peers/package-lock.json,
		# into bench/peers/node_modules (git-ignored). Skipped when the
		# installed tree already matches the lock file.
		if ! cmp -s "$peers/package-lock.json" \
			"$peers/node_modules/.bench-lock.json" 2>/dev/null; then
			echo "== npm ci in $peers" >&2
			(cd "$peers" && npm ci --no-audit --no-fund >&2)
			cp "$peers/package-lock.json" \
				"$peers/node_modules/.bench-lock.json"
		fi
	fi
fi
need="/usr/bin/time taskset python3"
want parse && need="$need pandoc hyperfine"
want analyze && need="$need style node"
want lint && need="$need diction node"
for t in $need; do
	command -v "$t" >/dev/null || { echo "bench.sh: needs $t" >&2; exit 2; }
done
if want analyze || want lint; then
	nmajor=$(node -p 'process.versions.node.split(".")[0]')
	[ "$nmajor" -ge 20 ] || {
		echo "bench.sh: textlint 15 needs node >= 20 (have $(node --version))" >&2
		exit 2
	}
	[ -d "$peers/node_modules/textlint" ] || {
		echo "bench.sh: $peers/node_modules missing (run without BENCH_NO_INSTALL)" >&2
		exit 2
	}
fi

pin="taskset -c $cpu"
$pin true 2>/dev/null || pin=

# ---- release build ------------------------------------------------------
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" -Dbuildtype=release -Dtests=false >&2
fi
ninja -C "$build" -j2 bench/bench_parse bench/bench_analyze bench/docx_floor \
	examples/memo >&2
bp=$build/bench/bench_parse
ba=$build/bench/bench_analyze
memo=$build/examples/memo

# The lines every stage's machine.txt starts with.
machine_common() {
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo none)" \
		"$(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty tree)')"
	echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
	echo "nproc: $(nproc)"
	echo "memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
	echo "pinned: ${pin:-no}"
	echo "kernel: $(uname -r)"
	echo "compiler: $(cc --version | head -n1)"
}

# Versions of the JavaScript peers as installed.
npm_version() {
	node -p "require('./$peers/node_modules/$1/package.json').version" \
		2>/dev/null || echo "?"
}

# GNU time of one command: "wall user sys maxrss_kb status" appended to
# FILE (the command's own output goes where the caller sends it).
timed() {
	local out=$1 rc=0
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$out.t" "$@" || rc=$?
	echo "$(tail -n 1 "$out.t") $rc" >>"$out"
	rm -f "$out.t"
}

# =========================================================================
stage_parse() {
	mkdir -p "$raw"
	# Files only: the analyze and lint stages keep their own folders here.
	find "$raw" -maxdepth 1 -type f -delete

	# ---- file sets: full corpora and a fixed sample (every N-th file) -------
	# Sorted byte-wise; bench_parse sorts the same way, so @lists keep order.
	find "$corpus/md" -type f -name '*.md' | LC_ALL=C sort >"$raw/md_all.list"
	find "$corpus/docx" -type f -name '*.docx' | LC_ALL=C sort \
		>"$raw/docx_all.list"
	awk -v n="$every" '(NR - 1) % n == 0' "$raw/md_all.list" >"$raw/md_sample.list"
	awk -v n="$every" '(NR - 1) % n == 0' "$raw/docx_all.list" \
		>"$raw/docx_sample.list"
	big="$corpus/docx/apache-poi/test-data/document/bug65649.docx"
	# A small, ordinary docx to page in code before the memory case.
	warm=$(find "$corpus/docx/derived-pandoc-from-md" -type f -name "*.docx" 2>/dev/null | LC_ALL=C sort |
		head -n 1 || true)

	{
		echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
		echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo none)" \
			"$(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty tree)')"
		echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
		echo "nproc: $(nproc)"
		echo "pinned: ${pin:-no}"
		echo "kernel: $(uname -r)"
		echo "compiler: $(cc --version | head -n1)"
		echo "md4c: $(pkg-config --modversion md4c)"
		echo "libzip: $(pkg-config --modversion libzip)"
		echo "libxml2: $(pkg-config --modversion libxml-2.0)"
		echo "pandoc: $(pandoc --version | head -n1)"
		echo "big_xml_bytes: $(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r.get("path", "").endswith("/bug65649.docx"):
        print(r.get("document_xml_bytes") or "")
        break
' "$corpus/docx/INDEX.jsonl" 2>/dev/null || true)"
		echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "repeat: $repeat"
		echo "every: $every"
		echo "pandoc_runs: $pruns"
	} >"$raw/machine.txt"

	# ---- libmemo in one process ---------------------------------------------
	echo "== bench_parse: Markdown corpus (memo, md4c)" >&2
	$pin "$bp" -E memo,md4c -r "$repeat" --top 10 --label md_all \
		--json "$raw/md_all.json" "@$raw/md_all.list" | tee "$raw/md_all.txt" >&2
	$pin "$bp" -E memo,md4c -r "$repeat" --label md_sample \
		--json "$raw/md_sample.json" "@$raw/md_sample.list" >"$raw/md_sample.txt"

	echo "== bench_parse: docx corpus (memo, floor)" >&2
	$pin "$bp" -E memo,floor,floorsax -r "$repeat" --top 10 --label docx_all \
		--json "$raw/docx_all.json" "@$raw/docx_all.list" |
		tee "$raw/docx_all.txt" >&2
	$pin "$bp" -E memo,floor,floorsax -r "$repeat" --label docx_sample \
		--json "$raw/docx_sample.json" "@$raw/docx_sample.list" \
		>"$raw/docx_sample.txt"

	echo "== memory case: $big" >&2
	# Each in its own process, so the peak is this file's alone.
	for e in memo floor floorsax; do
		$pin "$bp" --single "$big" -E "$e" --json "$raw/single_$e.json" \
			| tee "$raw/single_$e.txt" >&2 || true
		if [ -n "$warm" ]; then
			$pin "$bp" --single "$big" --warm "$warm" -E "$e" \
				--json "$raw/single_${e}_warm.json" \
				| tee "$raw/single_${e}_warm.txt" >&2 || true
		fi
	done
	/usr/bin/time -f '%e %M' -o "$raw/single_pandoc.time" \
		$pin pandoc -f docx -t json -o /dev/null "$big" \
		2>"$raw/single_pandoc.err" || echo "fail" >>"$raw/single_pandoc.time"
	/usr/bin/time -f '%e %M' -o "$raw/single_memo_cli.time" \
		$pin "$memo" outline "$big" >/dev/null 2>&1 ||
		echo "fail" >>"$raw/single_memo_cli.time"

	# ---- one process per file, as users run a command -----------------------
	# Prints "seconds failures" for one pass of CMD... FILE over a list.
	each() {
		local list=$1
		shift
		local t0 t1 f fails=0
		t0=$(date +%s.%N)
		while IFS= read -r f; do
			"$@" "$f" </dev/null >/dev/null 2>&1 || fails=$((fails + 1))
		done <"$list"
		t1=$(date +%s.%N)
		awk -v a="$t0" -v b="$t1" -v f="$fails" \
			'BEGIN { printf "%.6f %d\n", b - a, f }'
	}
	# Peak RSS (KiB) of each process, one line per file: "kb status path".
	each_rss() {
		local list=$1 out=$2
		shift 2
		local f rc
		: >"$out"
		while IFS= read -r f; do
			rc=0
			/usr/bin/time -f '%M' -o "$raw/.rss" "$@" "$f" \
				</dev/null >/dev/null 2>&1 || rc=$?
			echo "$(tail -n 1 "$raw/.rss") $rc $f" >>"$out"
		done <"$list"
	}
	export -f each
	export raw

	echo "== process start cost (hyperfine)" >&2
	empty_md=$raw/empty.md
	: >"$empty_md"
	hyperfine -N --warmup 3 --runs 30 --export-json "$raw/start.json" \
		"$pin pandoc -f gfm -t json -o /dev/null $empty_md" \
		"$pin $memo outline $empty_md" >&2

	for kind in md docx; do
		if [ $kind = md ]; then from=gfm; else from=docx; fi
		list=$raw/${kind}_sample.list
		echo "== pandoc -f $from -t json, one process per file," \
			"$(wc -l <"$list") files x $pruns runs" >&2
		each_rss "$list" "$raw/pandoc_${kind}.rss" \
			$pin pandoc -f $from -t json -o /dev/null
		: >"$raw/pandoc_${kind}.runs"
		for r in $(seq "$pruns"); do
			$pin bash -c 'each "$@"' _ "$list" pandoc -f $from -t json \
				-o /dev/null >>"$raw/pandoc_${kind}.runs"
		done
		echo "== memo outline, one process per file" >&2
		each_rss "$list" "$raw/memo_cli_${kind}.rss" $pin "$memo" outline
		: >"$raw/memo_cli_${kind}.runs"
		for r in $(seq "$pruns"); do
			$pin bash -c 'each "$@"' _ "$list" "$memo" outline \
				>>"$raw/memo_cli_${kind}.runs"
		done
	done

	echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$raw/machine.txt"

	# ---- optional profiles ---------------------------------------------------
	if [ "${BENCH_PROFILE:-0}" = 1 ] && command -v perf >/dev/null; then
		echo "== perf profiles" >&2
		for kind in md docx; do
			perf record -q -o "$raw/$kind.perf.data" -- $pin "$bp" -E memo \
				-r 3 "@$raw/${kind}_all.list" >/dev/null 2>&1 || true
			{
				echo "by library:"
				perf report -i "$raw/$kind.perf.data" --no-children \
					--stdio --sort dso 2>/dev/null |
					grep -v '^#' | grep -v '^$' | head -n 8
				echo "by function:"
				perf report -i "$raw/$kind.perf.data" --no-children \
					--stdio --sort dso,symbol 2>/dev/null |
					grep -v '^#' | grep -v '^$' |
					sed 's/[ -]*$//' | head -n 25
			} >"$raw/$kind.perf.txt" || true
			rm -f "$raw/$kind.perf.data"
		done
	fi
	python3 bench/report.py "$raw" | tee "$res/latest.md"
}

# =========================================================================
# Full analysis over the Markdown corpus: bench_analyze (in one process,
# files in memory) beside GNU style and the retext bundle.
stage_analyze() {
	local out=$raw/analyze
	mkdir -p "$out"
	rm -f "$out"/*
	find "$corpus/md" -type f -name '*.md' | LC_ALL=C sort >"$out/md_all.list"
	awk -v n="$every" '(NR - 1) % n == 0' "$out/md_all.list" \
		>"$out/md_sample.list"
	# The largest files, for the memory cases (size, path), and a small
	# one to warm up with. (No early-exiting reader in a pipe: pipefail.)
	xargs -d '\n' -a "$out/md_all.list" stat -c '%s %n' |
		sort -k1,1nr >"$out/sizes.txt"
	awk 'NR <= 5' "$out/sizes.txt" >"$out/largest.txt"
	local small
	small=$(awk '$1 > 2000 { s = $2 } END { print s }' "$out/sizes.txt")

	{
		machine_common
		echo "style: $(style --version 2>&1 | head -n1) (Debian $(dpkg-query -W -f '${Version}' diction 2>/dev/null || echo '?'))"
		echo "node: $(node --version)"
		for p in unified remark-parse remark-gfm remark-frontmatter \
			remark-retext retext-english retext-readability \
			retext-passive retext-simplify retext-intensify \
			retext-repeated-words; do
			echo "npm $p: $(npm_version $p)"
		done
		echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "repeat: $repeat"
		echo "every: $every"
		echo "style_runs: $sruns"
		echo "retext_repeat: $rrepeat"
	} >"$out/machine.txt"

	echo "== bench_analyze: Markdown corpus (analyze, analyze-cold, parse)" >&2
	$pin "$ba" -E analyze,analyze-cold,parse -r "$repeat" --top 10 \
		--label md_all \
		--json "$out/md_all.json" "@$out/md_all.list" |
		tee "$out/md_all.txt" >&2
	# md4c alone on the same files, in the same run: the yardstick of
	# this machine's speed (the foundation issue's figures assume md4c
	# at about 400 MB/s)
	echo "== bench_parse: md4c alone over the Markdown corpus" >&2
	$pin "$bp" -E md4c -r "$repeat" --label md_all \
		--json "$out/md4c_all.json" "@$out/md_all.list" \
		>"$out/md4c_all.txt"
	echo "== bench_analyze: the retext sample" >&2
	$pin "$ba" -E analyze,parse -r "$repeat" --label md_sample \
		--json "$out/md_sample.json" "@$out/md_sample.list" \
		>"$out/md_sample.txt"

	echo "== memory: the largest files, each in its own process" >&2
	local size f k
	while read -r size f; do
		$pin "$ba" --single "$f" --warm "$small" -E analyze \
			--json "$out/single.$size.json" >"$out/single.$size.txt" ||
			true
	done <"$out/largest.txt"
	f=$(head -n 1 "$out/largest.txt" | cut -d' ' -f2-)
	for k in 1 2 4 8 16 32; do
		$pin "$ba" --single "$f" --concat "$k" --warm "$small" \
			-E analyze --json "$out/concat.$k.json" \
			>"$out/concat.$k.txt" || true
	done

	# GNU style reads plain text: it gets the Markdown as is.
	mapfile -t all <"$out/md_all.list"
	mapfile -t sample <"$out/md_sample.list"
	local r
	for r in $(seq "$sruns"); do
		echo "== style, run $r/$sruns" >&2
		# all files, one process (style prints one summary for all)
		timed "$out/style_all.runs" $pin style "${all[@]}" \
			>"$out/style_all.out" 2>&1
		# one process per file, as the brief asks and users run it
		timed "$out/style_each.runs" $pin bash -c \
			'for f; do style "$f" >/dev/null 2>&1 || exit 1; done' _ \
			"${all[@]}"
		# the retext sample, one process
		timed "$out/style_sample.runs" $pin style "${sample[@]}" \
			>/dev/null 2>&1
	done
	# process start: style on an empty file, 200 times
	: >"$out/empty.md"
	timed "$out/style_empty200.runs" $pin bash -c \
		'for i in $(seq 200); do style "$1" >/dev/null 2>&1; done' _ \
		"$out/empty.md"

	echo "== retext bundle over the sample ($(wc -l <"$out/md_sample.list") files)" >&2
	timed "$out/retext.runs" $pin node "$peers/retext-bundle.mjs" \
		--repeat "$rrepeat" --warmup 1 --json "$out/retext.json" \
		"@$out/md_sample.list" >"$out/retext.txt" 2>"$out/retext.err"
	cat "$out/retext.txt" >&2

	echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

	if [ "${BENCH_PROFILE:-0}" = 1 ] && command -v perf >/dev/null; then
		echo "== perf profile of the analyze engine (frame pointers)" >&2
		local fp=${build}-fp
		if [ ! -f "$fp/build.ninja" ]; then
			meson setup "$fp" -Dbuildtype=release -Dtests=false \
				-Dc_args=-fno-omit-frame-pointer >&2
		fi
		ninja -C "$fp" -j2 bench/bench_analyze >&2
		perf record -q -g -o "$out/analyze.perf.data" -- $pin \
			"$fp/bench/bench_analyze" -E analyze -r 1 -w 0 \
			"@$out/md_all.list" >/dev/null 2>&1 || true
		{
			echo "by library (self):"
			perf report -i "$out/analyze.perf.data" --no-children \
				--stdio --sort dso -g none 2>/dev/null |
				grep -v '^#' | grep -v '^$' | head -n 8
			echo "by function (self):"
			perf report -i "$out/analyze.perf.data" --no-children \
				--stdio --sort dso,symbol -g none 2>/dev/null |
				grep -v '^#' | grep -v '^$' |
				sed 's/[ -]*$//' | head -n 40
			echo "by function (with callees):"
			perf report -i "$out/analyze.perf.data" --children \
				--stdio --sort dso,symbol -g none 2>/dev/null |
				grep -v '^#' | grep -v '^$' |
				sed 's/[ -]*$//' | head -n 40
		} >"$out/analyze.perf.txt" || true
		rm -f "$out/analyze.perf.data"
	fi

	python3 bench/report_analyze.py analyze "$out" | tee "$res/analyze.md"
}

# =========================================================================
# Linting the Markdown corpus: memo lint, write-good, textlint with its
# write-good rule, GNU diction; each one process over all files.
stage_lint() {
	local out=$raw/lint
	mkdir -p "$out"
	rm -f "$out"/*
	find "$corpus/md" -type f -name '*.md' | LC_ALL=C sort |
		awk -v n="$levery" '(NR - 1) % n == 0' >"$out/files.list"
	mapfile -t files <"$out/files.list"
	# One process each: the paths must fit on one command line.
	local argbytes
	argbytes=$(awk '{ n += length($0) + 1 } END { print n }' "$out/files.list")
	if [ "$argbytes" -gt $(($(getconf ARG_MAX) - 65536)) ]; then
		echo "bench.sh: $argbytes bytes of paths do not fit one command" \
			"line; use BENCH_LINT_EVERY" >&2
		exit 2
	fi

	local mruns=$lruns
	[ "$mruns" -ge 3 ] || mruns=3
	{
		machine_common
		echo "memo: $("$memo" --version 2>/dev/null | head -n1 || echo '?')"
		echo "diction: $(diction --version 2>&1 | head -n1) (Debian $(dpkg-query -W -f '${Version}' diction 2>/dev/null || echo '?'))"
		echo "node: $(node --version)"
		for p in write-good textlint textlint-rule-write-good; do
			echo "npm $p: $(npm_version $p)"
		done
		echo "files: ${#files[@]}"
		echo "bytes: $(xargs -d '\n' -a "$out/files.list" cat | wc -c)"
		echo "argv_bytes: $argbytes"
		echo "lint_every: $levery"
		echo "lint_runs: $lruns"
		echo "memo_runs: $mruns"
		echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	} >"$out/machine.txt"

	# In process, no output: what the library costs (all rules, spelling).
	echo "== bench_analyze -E lint (in process, no output)" >&2
	$pin "$ba" -E lint,analyze -r 3 --label lint_inproc \
		--json "$out/inproc.json" "@$out/files.list" |
		tee "$out/inproc.txt" >&2

	local wg="$peers/node_modules/write-good/bin/write-good.js"
	local tl="$peers/node_modules/textlint/bin/textlint.js"
	local tools=(memo writegood textlint diction)
	local r j t
	for r in $(seq "$mruns"); do
		for j in 0 1 2 3; do
			# rotate which tool goes first
			t=${tools[$(((j + r) % 4))]}
			if [ "$t" != memo ] && [ "$r" -gt "$lruns" ]; then
				continue
			fi
			echo "== lint run $r: $t" >&2
			case $t in
			memo)
				timed "$out/memo.runs" $pin "$memo" lint --format json \
					"${files[@]}" >"$out/memo.out" 2>"$out/memo.err"
				;;
			writegood)
				timed "$out/writegood.runs" $pin node "$wg" --parse \
					"${files[@]}" >"$out/writegood.out" \
					2>"$out/writegood.err"
				;;
			textlint)
				timed "$out/textlint.runs" $pin node "$tl" \
					--config "$peers/textlintrc.json" --format json \
					"${files[@]}" >"$out/textlint.out" \
					2>"$out/textlint.err"
				;;
			diction)
				timed "$out/diction.runs" $pin diction "${files[@]}" \
					>"$out/diction.out" 2>"$out/diction.err"
				;;
			esac
		done
	done
	echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/machine.txt"

	python3 bench/report_analyze.py lint "$out" | tee "$res/lint.md"
}

want parse && stage_parse
want analyze && stage_analyze
want lint && stage_lint
exit 0
