#!/bin/sh
# Install the tools the tests use beyond the Debian packages: the JSON Schema
# validators (ajv, ajv-draft-04, ajv-formats, pinned by tests/tools/
# package-lock.json) into tests/tools/node_modules (git-ignored). The
# tests/tools suite validates `memo lint --format json|sarif` and
# `memo score --json` with them.
#
# Idempotent and fast: does nothing when the installed tree matches the
# lock file. Without node and npm it says so and exits 0; the schema tests
# then skip (exit 77). Set MEMO_TEST_TOOLS_DIR to install elsewhere.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/tests/tools"
dir=${MEMO_TEST_TOOLS_DIR:-$src}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1
then
	echo "install-test-tools: node or npm not found: the JSON and SARIF" \
		"schema tests will be skipped" >&2
	exit 0
fi

stamp="$dir/node_modules/.libmemo-test-tools"
want=$(cat "$src/package.json" "$src/package-lock.json" | cksum)
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
	[ -d "$dir/node_modules/ajv-draft-04" ] && exit 0

install() {
	# re-check under the lock: another test may have just installed
	[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && return 0
	if [ "$dir" != "$src" ]; then
		mkdir -p "$dir"
		cp "$src/package.json" "$src/package-lock.json" "$dir/"
	fi
	echo "install-test-tools: npm ci in $dir" >&2
	(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts \
		--loglevel=error >&2)
	printf '%s\n' "$want" > "$stamp"
}

mkdir -p "$dir"
if command -v flock >/dev/null 2>&1; then
	# tests run in parallel: one installer at a time
	exec 9>"$dir/.install-lock"
	flock 9
fi
install
