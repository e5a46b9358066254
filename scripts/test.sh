#!/usr/bin/env bash
# The README's second command: set up what is missing, run the whole test suite, check that every
# committed page is what its notebook computes (on every kernel path this machine has), and
# replay the fuzzing seeds. Nothing in the work tree is written.
set -euo pipefail
cd "$(dirname "$0")/.."
# cmark-gfm is GitHub's renderer, python3-nbformat Jupyter's validator and chromium the
# browser: the export tests compare nnbook's pages with what each of them makes of them, and
# the live preview's browser test drives Chromium headless through its DevTools protocol.
bash scripts/setup.sh dataset-fashion-mnist cmark-gfm python3-nbformat chromium
swift build
# The tests are XCTest ones; without Swift Testing, the run closes on XCTest's own summary.
swift test --disable-swift-testing "$@"
bash scripts/check-pages.sh
bash scripts/fuzz.sh --replay
