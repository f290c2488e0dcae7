#!/bin/sh
# Build and run the libFuzzer harnesses of fuzz/ (docs/fuzzing.md).
#
#   scripts/fuzz.sh build                 set up and build $MEMO_FUZZ_BUILD
#                                         (clang, ASan + UBSan, -Dfuzzing=true)
#   scripts/fuzz.sh run HARNESS SECS [libFuzzer options...]
#                                         fuzz one harness for SECS seconds,
#                                         growing $MEMO_FUZZ_WORK/HARNESS
#   scripts/fuzz.sh ci SECS               every harness for SECS seconds each,
#                                         from the seeds only; exit 1 on any
#                                         crash, leak, timeout or OOM, with
#                                         the input printed as base64
#   scripts/fuzz.sh campaign HARNESS CPUSECS [DIR...]
#                                         fuzz one harness (one process) until
#                                         it has used CPUSECS of CPU time,
#                                         growing $MEMO_FUZZ_WORK/HARNESS;
#                                         DIRs are extra read-only seeds
#   scripts/fuzz.sh minimize HARNESS      merge $MEMO_FUZZ_WORK/HARNESS into a
#                                         small fresh set (review, then copy
#                                         what is worth it to fuzz/corpus/)
#   scripts/fuzz.sh coverage HARNESS      files, bytes and libFuzzer's cov: of
#                                         $MEMO_FUZZ_WORK/HARNESS and the
#                                         crashes found there
#   scripts/fuzz.sh harnesses             list the harness names
#
# Environment: MEMO_FUZZ_BUILD (default build-fuzz), MEMO_FUZZ_WORK
# (default build-fuzz/work: campaign corpora, never committed),
# MEMO_FUZZ_JOBS (default 1), MEMO_FUZZ_RSS_MB (default 2048),
# MEMO_FUZZ_TIMEOUT (seconds of wall time per unit, default 10),
# MEMO_FUZZ_LOG
# (ci: also write one JSON line per harness there, as meson's testlog).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=${MEMO_FUZZ_BUILD:-build-fuzz}
work=${MEMO_FUZZ_WORK:-$build/work}
jobs=${MEMO_FUZZ_JOBS:-1}
rss=${MEMO_FUZZ_RSS_MB:-2048}
harnesses="parse_md parse_docx analyze config"

dict_of() {
	case $1 in
	parse_md) echo fuzz/dict/markdown.dict ;;
	parse_docx) echo fuzz/dict/ooxml.dict ;;
	analyze) echo fuzz/dict/analyze.dict ;;
	config) echo fuzz/dict/ini.dict ;;
	esac
}

# The largest input worth trying: docx packages need room.
maxlen_of() {
	case $1 in
	parse_docx) echo 131072 ;;
	analyze) echo 65536 ;;
	config) echo 4096 ;;
	*) echo 32768 ;;
	esac
}

do_build() {
	if [ ! -f "$build/build.ninja" ]; then
		CC=${CC_FUZZ:-clang} meson setup "$build" -Dfuzzing=true \
			-Dbuildtype=debugoptimized -Db_sanitize=address,undefined \
			-Db_lundef=false >/dev/null
	fi
	targets=""
	for t in $harnesses; do
		targets="$targets fuzz/fuzz_$t"
	done
	# shellcheck disable=SC2086
	ninja -C "$build" $targets
}

check_harness() {
	for t in $harnesses; do
		[ "$t" = "$1" ] && return 0
	done
	echo "fuzz.sh: unknown harness '$1' (one of: $harnesses)" >&2
	exit 2
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

run_one() { # harness secs corpus-dir artifact-dir [options...]
	h=$1 secs=$2 corpus=$3 art=$4
	shift 4
	mkdir -p "$corpus" "$art"
	"$build/fuzz/fuzz_$h" -max_total_time="$secs" \
		-dict="$(dict_of "$h")" -max_len="$(maxlen_of "$h")" \
		-timeout="${MEMO_FUZZ_TIMEOUT:-10}" -rss_limit_mb="$rss" -print_final_stats=1 \
		-artifact_prefix="$art/" "$@" "$corpus" "fuzz/corpus/$h"
}

cmd=${1:-}
case $cmd in
build)
	do_build
	;;
harnesses)
	echo "$harnesses"
	;;
coverage)
	[ $# -ge 2 ] || { echo "usage: fuzz.sh coverage HARNESS" >&2; exit 2; }
	h=$2
	check_harness "$h"
	do_build >/dev/null
	files=$(find "$work/$h" -type f | wc -l)
	bytes=$(du -sb "$work/$h" | cut -f1)
	cov=$("$build/fuzz/fuzz_$h" -runs=0 -max_len="$(maxlen_of "$h")" \
		-timeout=30 -rss_limit_mb="$rss" "$work/$h" 2>&1 |
		grep -E 'INITED|DONE' | tail -n 1)
	crashes=$(find "$work/$h-artifacts" -type f 2>/dev/null | wc -l)
	echo "$h: corpus $files files, $bytes bytes; $cov; artifacts: $crashes"
	;;
run)
	[ $# -ge 3 ] || { echo "usage: fuzz.sh run HARNESS SECS [opts]" >&2; exit 2; }
	h=$2 secs=$3
	shift 3
	check_harness "$h"
	do_build >/dev/null
	if [ "$jobs" -gt 1 ]; then
		set -- -jobs="$jobs" -workers="$jobs" "$@"
	fi
	run_one "$h" "$secs" "$work/$h" "$work/$h-artifacts" "$@"
	;;
ci)
	[ $# -ge 2 ] || { echo "usage: fuzz.sh ci SECS" >&2; exit 2; }
	secs=$2
	do_build >/dev/null
	status=0
	log=${MEMO_FUZZ_LOG:-}
	[ -n "$log" ] && : >"$log"
	for h in $harnesses; do
		tmp=$(mktemp -d)
		echo "== fuzz $h for ${secs}s"
		t0=$(date +%s)
		if run_one "$h" "$secs" "$tmp/corpus" "$tmp/art" \
			>"$tmp/log" 2>&1; then
			result=OK
			grep -E '^(#[0-9]+ +DONE|stat::|Done)' "$tmp/log" || true
		else
			result=FAIL
			status=1
			tail -n 60 "$tmp/log"
			for f in "$tmp"/art/*; do
				[ -f "$f" ] || continue
				echo "== $h: $(basename "$f"), base64:"
				base64 "$f"
			done
		fi
		# one line per harness, in meson's testlog.json form
		[ -n "$log" ] && printf '{"name": "fuzz-%s", "result": "%s", "duration": %s}\n' \
			"$h" "$result" "$(($(date +%s) - t0))" >>"$log"
		rm -rf "$tmp"
	done
	exit $status
	;;
campaign)
	[ $# -ge 3 ] || { echo "usage: fuzz.sh campaign HARNESS CPUSECS" >&2; exit 2; }
	h=$2 cpu=$3
	shift 3
	check_harness "$h"
	do_build >/dev/null
	mkdir -p "$work/$h" "$work/$h-artifacts"
	# the timeout is wall time: on a loaded machine (the campaign is
	# meant to soak up idle CPU) a 10 s unit may be one CPU-second
	"$build/fuzz/fuzz_$h" -max_total_time=$((cpu * 50)) \
		-dict="$(dict_of "$h")" -max_len="$(maxlen_of "$h")" \
		-timeout="${MEMO_FUZZ_TIMEOUT:-10}" -rss_limit_mb="$rss" \
		-print_final_stats=1 \
		-artifact_prefix="$work/$h-artifacts/" \
		"$work/$h" "fuzz/corpus/$h" "$@" &
	pid=$!
	tck=$(getconf CLK_TCK)
	# stop it (SIGINT: libFuzzer prints its final stats) once it has
	# had CPUSECS of CPU, however busy the machine is
	while kill -0 "$pid" 2>/dev/null; do
		sleep 15
		used=$(awk -v t="$tck" '{print int(($14 + $15) / t)}' \
			"/proc/$pid/stat" 2>/dev/null || echo 0)
		if [ "$used" -ge "$cpu" ]; then
			echo "fuzz.sh: $h used ${used}s of CPU: stopping" >&2
			kill -INT "$pid"
			break
		fi
	done
	wait "$pid"
	;;
minimize)
	[ $# -ge 2 ] || { echo "usage: fuzz.sh minimize HARNESS" >&2; exit 2; }
	h=$2
	check_harness "$h"
	do_build >/dev/null
	out="$work/$h-min"
	rm -rf "$out"
	mkdir -p "$out"
	"$build/fuzz/fuzz_$h" -merge=1 -max_len="$(maxlen_of "$h")" \
		-timeout=10 -rss_limit_mb="$rss" "$out" "fuzz/corpus/$h" \
		"$work/$h"
	echo "minimized corpus: $out ($(ls "$out" | wc -l) files)"
	;;
*)
	sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
