#!/usr/bin/env bash
# The README's second command: set up what is missing, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dataset-fashion-mnist
swift build --product nnbook
swift test "$@"
