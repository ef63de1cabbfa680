#!/usr/bin/env bash
# Extracts every translatable string from the sources into counter.pot and merges it into each language's .po.
# Run after adding or changing a _() string, then translate the new entries in zh_CN.po and en.po.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
pot=${1:-$here/counter.pot}
cd "$root"
files=$(mktemp)
trap 'rm -f "$files"' EXIT
git ls-files -co --exclude-standard -- 'client/ui/*.cpp' 'client/ui/*.h' 'client/app/*.cpp' 'client/app/*.h' \
    'client/workflows/*.cpp' 'printing/*.cpp' | sort > "$files"
xgettext --language=C++ --from-code=UTF-8 --add-comments=TRANSLATORS: --sort-by-file --no-wrap --add-location=file \
    --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --keyword=wxGETTEXT_IN_CONTEXT:1c,2 \
    --package-name=counter --msgid-bugs-address=counter-i18n@example.invalid \
    --files-from="$files" --output="$pot"
# The creation date changes on every run; keep it stable so the file only changes when strings do.
sed -i '/^"POT-Creation-Date:/d' "$pot"
if [[ $# -eq 0 ]]; then
    for po in "$here"/*.po; do
        msgmerge --quiet --update --backup=none --no-wrap "$po" "$pot"
    done
fi
