#!/bin/sh
# Install what the fuzzing runs need beyond scripts/install-deps.sh:
# clang 14 with libFuzzer and the sanitizer runtimes (Debian 12:
# clang-14, libclang-rt-14-dev), zlib's headers for the harnesses' zip
# writer, and valgrind for the memcheck run of the unit tests.
# Idempotent; runs apt-get only when a package is missing.
set -eu

PKGS="clang-14 libclang-rt-14-dev zlib1g-dev valgrind"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-fuzz-tools: installing$missing" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $missing >/dev/null
