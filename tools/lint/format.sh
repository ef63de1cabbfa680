#!/usr/bin/env bash
# lint:format - every C++ file is as .clang-format lays it out (clang-format --dry-run -Werror names each difference).
# Usage: format.sh SOURCE_DIR [CLANG_FORMAT]. Checks the files git tracks; a source tree without .git (a tarball)
# gets its source folders globbed instead.
set -euo pipefail
cd "$1"
clang_format=${2:-clang-format}
if [[ -e .git ]]; then
    mapfile -t listed < <(git ls-files '*.cpp' '*.h')
else
    mapfile -t listed < <(find bench client common domain idcard printing services tests tools \
        -name '*.cpp' -o -name '*.h' | sort)
fi
files=()
for f in "${listed[@]}"; do
    [[ -f "$f" ]] && files+=("$f") # a tracked file deleted in the work tree is not there to check
done
if ((${#files[@]} == 0)); then
    echo "lint:format: no C++ files found under $PWD" >&2 # without files clang-format would read stdin
    exit 1
fi
"$clang_format" --dry-run -Werror "${files[@]}"
echo "lint:format: ${#files[@]} files as .clang-format lays them out"
