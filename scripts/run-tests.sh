#!/bin/sh
# Install dependencies, build libmemo with warnings as errors, and run every
# test suite (the corpus suites read ../shared/corpus when it is present).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
sh scripts/install-test-tools.sh   # ajv for the JSON/SARIF schema tests
dir=${MEMO_BUILD_DIR:-build-test}
[ -f "$dir/build.ninja" ] || meson setup "$dir" --werror >/dev/null
ninja -C "$dir"
meson test -C "$dir" --print-errorlogs --num-processes 2 "$@"
