#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts the counter workstation.
# With no back office configured it starts in training mode. Arguments are passed to `counter`.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target counter counterctl
exec build/release/client/app/counter "$@"
