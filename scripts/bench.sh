#!/bin/bash
# Parse benchmark of libmemo: throughput and peak RSS over the Markdown and
# docx corpora, beside md4c alone, a bare libzip+libxml2 docx extractor
# (the floor) and pandoc, all measured in this one run. See
# docs/performance.md. Writes a Markdown summary to stdout and to
# bench/results/latest.md; raw outputs go to bench/results/raw/.
#
# Environment:
#   MEMO_CORPUS        corpus folder (default ../shared/corpus)
#   BENCH_BUILD        build folder (default build-bench, release build)
#   BENCH_REPEAT       timed passes of bench_parse (default 5; median)
#   BENCH_EVERY        pandoc sample: every N-th file (default 10)
#   BENCH_PANDOC_RUNS  timed runs over the pandoc sample (default 3; median)
#   BENCH_CPU          CPU to pin to with taskset (default 0)
#   BENCH_NO_INSTALL=1 do not apt-get install pandoc, hyperfine, time
#   BENCH_PROFILE=1    also record `perf` profiles (bench/results/raw/*.perf.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

corpus=${MEMO_CORPUS:-$root/../shared/corpus}
build=${BENCH_BUILD:-build-bench}
repeat=${BENCH_REPEAT:-5}
every=${BENCH_EVERY:-10}
pruns=${BENCH_PANDOC_RUNS:-3}
cpu=${BENCH_CPU:-0}
res=bench/results
raw=$res/raw

[ -d "$corpus/md" ] && [ -d "$corpus/docx" ] || {
	echo "bench.sh: corpus not found at $corpus (set MEMO_CORPUS)" >&2
	exit 2
}
corpus=$(cd "$corpus" && pwd)

# ---- what the benchmark needs (never installed by the test path) -------
if [ "${BENCH_NO_INSTALL:-0}" != 1 ]; then
	missing=
	command -v pandoc >/dev/null || missing="$missing pandoc"
	command -v hyperfine >/dev/null || missing="$missing hyperfine"
	[ -x /usr/bin/time ] || missing="$missing time"
	if [ -n "$missing" ]; then
		sudo=
		[ "$(id -u)" = 0 ] || sudo=sudo
		echo "== installing:$missing" >&2
		$sudo apt-get update -qq >&2
		$sudo env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq $missing >&2
	fi
fi
for t in pandoc hyperfine /usr/bin/time taskset python3; do
	command -v "$t" >/dev/null || { echo "bench.sh: needs $t" >&2; exit 2; }
done

pin="taskset -c $cpu"
$pin true 2>/dev/null || pin=

# ---- release build ------------------------------------------------------
if [ ! -f "$build/build.ninja" ]; then
	meson setup "$build" -Dbuildtype=release -Dtests=false >&2
fi
ninja -C "$build" bench/bench_parse bench/docx_floor examples/memo >&2
bp=$build/bench/bench_parse
memo=$build/examples/memo

mkdir -p "$raw"
rm -f "$raw"/*

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
