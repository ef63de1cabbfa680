#!/usr/bin/env bash
# Fails when counter.pot is out of date with the sources, or a language has an untranslated or fuzzy entry.
# Runs as a ctest so a string added without translations cannot land.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/refresh-pot.sh" "$tmp/counter.pot"
if ! diff <(grep -E '^msg(id|id_plural|ctxt) ' "$here/counter.pot") <(grep -E '^msg(id|id_plural|ctxt) ' "$tmp/counter.pot") \
    >"$tmp/diff"; then
    echo "i18n/counter.pot is out of date: run i18n/refresh-pot.sh and translate the new strings" >&2
    cat "$tmp/diff" >&2
    exit 1
fi
status=0
for po in "$here"/*.po; do
    if ! msgcmp --use-untranslated "$po" "$here/counter.pot" 2>"$tmp/msgcmp"; then
        echo "$(basename "$po") does not match counter.pot:" >&2
        cat "$tmp/msgcmp" >&2
        status=1
    fi
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
    if grep -qE 'untranslated|fuzzy' <<<"$stats"; then
        echo "$(basename "$po"): $stats" >&2
        status=1
    fi
done
exit $status
