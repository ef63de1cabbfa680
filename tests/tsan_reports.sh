#!/usr/bin/env bash
# The ThreadSanitizer reports of a tsan test run (cmake/counter_testing.cmake): `clear DIR` empties DIR before the
# first test, `check DIR` after the last prints every report written there and fails if there was one.
set -euo pipefail
mode=$1 dir=$2
case $mode in
clear)
    rm -rf "$dir"
    mkdir -p "$dir"
    ;;
check)
    shopt -s nullglob
    reports=("$dir"/*)
    for report in "${reports[@]}"; do
        echo "==== $(basename "$report") (report.<executable>.<pid>)"
        cat "$report"
    done
    if ((${#reports[@]} > 0)); then
        echo "${#reports[@]} process(es) reported by ThreadSanitizer, above; tests/tsan.supp lists what is not ours" >&2
        exit 1
    fi
    echo "no ThreadSanitizer reports"
    ;;
*)
    echo "usage: $0 clear|check DIR" >&2
    exit 2
    ;;
esac
