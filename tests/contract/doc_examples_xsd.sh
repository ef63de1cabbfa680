#!/usr/bin/env bash
# Validates every XML example in docs/CONTRACT.md against the XSD of its message (services/contract/xsd/ROOT.xsd)
# with xmllint, the schema validator integrators are likely to use. contract_tests checks that the codec reads the
# examples; this checks that the published schemas accept them too, so the document, the schemas and the codec agree.
# An example that elides content ("…" outside a comment) only shows a shape and is skipped, as there.
# Usage: doc_examples_xsd.sh CONTRACT.md XSD_DIR
set -euo pipefail
doc=${1:?CONTRACT.md}
xsd_dir=${2:?XSD folder}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One file per ```xml block, named after the line it starts on.
awk -v out="$work" '
    /^```xml[[:space:]]*$/ { inside = 1; file = sprintf("%s/%06d.xml", out, NR + 1); next }
    /^```/ && inside { inside = 0; close(file); next }
    inside { print > file }
' "$doc"

checked=0
failed=0
for example in "$work"/*.xml; do
    line=$((10#$(basename "$example" .xml)))
    if sed -e 's/<!--.*-->//g' "$example" | grep -q '…'; then
        continue
    fi
    root=$(sed -e 's/<?[^>]*?>//g' -e 's/<!--.*-->//g' "$example" | grep -o -m1 '<[A-Za-z][A-Za-z0-9]*' | head -1 |
        cut -c2-)
    schema="$xsd_dir/$root.xsd"
    if [[ -z "$root" || ! -f "$schema" ]]; then
        echo "CONTRACT.md line $line: <$root> has no schema in $xsd_dir" >&2
        failed=$((failed + 1))
        continue
    fi
    if ! xmllint --noout --schema "$schema" "$example" 2>"$work/error"; then
        echo "CONTRACT.md line $line: <$root> does not match $root.xsd:" >&2
        sed "s|$example|example|" "$work/error" >&2
        failed=$((failed + 1))
    fi
    checked=$((checked + 1))
done
echo "$checked examples checked against their schemas, $failed failed"
# A document with no examples found means the extraction broke, not that all is well.
((checked > 0 && failed == 0))
