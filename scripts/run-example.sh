#!/bin/sh
# Install dependencies, build libmemo, and outline the bundled example memo.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null
./build/examples/memo outline examples/memos/onboarding-six-pager.md
