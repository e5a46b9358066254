#!/usr/bin/env bash
# The README's first command: set up what is missing, build nnbook, run the gradient-descent
# notebook. The page appears at Notebooks/gradient-descent.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --product nnbook
.build/debug/nnbook run Notebooks/gradient-descent.nnbook "$@"
