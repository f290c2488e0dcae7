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

# ---- score parity tools (owner: score tests; tests/score/parity.sh) -------
# pandoc and LibreOffice Writer convert the Markdown memos of tests/score to
# .docx at test time (the Markdown/docx parity test). The "nogui" build is
# the smallest LibreOffice that converts headless. Idempotent: apt-get runs
# only when a command is missing; without root or sudo it says so and goes
# on (the parity test then skips with exit 77). This block runs before the
# npm part below because that part may exit early.
install_parity_tools() {
	missing=""
	command -v pandoc >/dev/null 2>&1 || missing="$missing pandoc"
	command -v soffice >/dev/null 2>&1 ||
		missing="$missing libreoffice-writer-nogui"
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=""
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
	then
		SUDO="sudo -n"
	else
		echo "install-test-tools: need root to install$missing: the" \
			"Markdown/docx parity test will be skipped" >&2
		return 0
	fi
	command -v apt-get >/dev/null 2>&1 || {
		echo "install-test-tools: no apt-get to install$missing" >&2
		return 0
	}
	echo "install-test-tools: installing$missing" >&2
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get \
		-o DPkg::Lock::Timeout=600 update -qq || true
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get \
		-o DPkg::Lock::Timeout=600 install -y -qq \
		--no-install-recommends $missing >/dev/null ||
		echo "install-test-tools: could not install$missing" >&2
}
[ -n "${MEMO_SKIP_PARITY_TOOLS:-}" ] || install_parity_tools
# ---- end of score parity tools ---------------------------------------------

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
