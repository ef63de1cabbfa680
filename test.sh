#!/usr/bin/env bash
# Installs what is missing, builds the debug preset (AddressSanitizer + UBSan) and runs every test with ctest.
# GUI tests run under a virtual X server. Extra arguments go to ctest (e.g. ./test.sh -R id_number).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset debug
cmake --build --preset debug
# One X server for the whole run; ctest passes DISPLAY on to the GUI tests.
exec xvfb-run -a -s '-screen 0 1600x1000x24' ctest --preset debug "$@"
