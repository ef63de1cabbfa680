#!/usr/bin/env bash
# Installs what is missing, builds the debug preset (AddressSanitizer + UBSan) and the fuzz preset (clang,
# libFuzzer), then runs every test with ctest: GUI tests under a virtual X server, each fuzz target for a bounded time.
# After the debug tests, the tsan preset (ThreadSanitizer, g++) builds and runs the tests whose code starts threads
# (label `threads`). Extra arguments go to the debug ctest only and skip the fuzzers and the thread sanitizer
# (e.g. ./test.sh -R id_number).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset debug
cmake --build --preset debug
run_all=$(( $# == 0 ))
if (( run_all )); then
    cmake --preset fuzz
    cmake --build --preset fuzz
fi
status=0
xvfb=(xvfb-run -a -s '-screen 0 1600x1000x24')
# One X server for the whole run; ctest passes DISPLAY on to the GUI tests.
"${xvfb[@]}" ctest --preset debug "$@" || status=1
if (( run_all )); then
    # g++ 12's ThreadSanitizer expects at most 28 bits of address randomness and dies with "unexpected memory
    # mapping" on kernels set to more (vm.mmap_rnd_bits = 32 on some distributions). setarch -R starts the build
    # (which lists the Catch2 cases by running the test executables) and the tests without it; the processes the
    # tests start inherit that.
    no_aslr=()
    if (( $(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 28) > 28 )); then
        no_aslr=(setarch "$(uname -m)" -R)
    fi
    cmake --preset tsan
    "${no_aslr[@]}" cmake --build --preset tsan
    "${xvfb[@]}" "${no_aslr[@]}" ctest --preset tsan || status=1
    ctest --preset fuzz || status=1
fi
exit $status
