#!/usr/bin/env bash
# Installs what is missing, builds the debug preset (AddressSanitizer + UBSan) and the fuzz preset (clang,
# libFuzzer), then runs every test with ctest: GUI tests under a virtual X server, each fuzz target for a bounded time.
# Extra arguments go to the debug ctest only and skip the fuzzers (e.g. ./test.sh -R id_number).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset debug
cmake --build --preset debug
run_fuzz=$(( $# == 0 ))
if (( run_fuzz )); then
    cmake --preset fuzz
    cmake --build --preset fuzz
fi
status=0
# One X server for the whole run; ctest passes DISPLAY on to the GUI tests.
xvfb-run -a -s '-screen 0 1600x1000x24' ctest --preset debug "$@" || status=1
if (( run_fuzz )); then
    ctest --preset fuzz || status=1
fi
exit $status
