#!/bin/sh
# Install what libmemo needs to build and test on Debian 12 (idempotent).
# Runs apt-get only when a package is missing. Needs root or sudo.
set -eu

PKGS="build-essential pkg-config meson ninja-build g++ binutils
libmd4c-dev libzip-dev libxml2-dev libjansson-dev libinih-dev check libhunspell-dev hunspell-en-us"

missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "install-deps: installing$missing" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	--no-install-recommends $missing >/dev/null
