#!/usr/bin/env bash
# The README's second command: set up what is missing, run the whole test suite, render every
# notebook through the package plugin (as a fresh checkout would), and replay the fuzzing seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
# cmark-gfm is GitHub's renderer, python3-nbformat Jupyter's validator and chromium the
# browser: the export tests compare nnbook's pages with what each of them makes of them, and
# the live preview's browser test drives Chromium headless through its DevTools protocol.
bash scripts/setup.sh dataset-fashion-mnist cmark-gfm python3-nbformat chromium
swift build
# The tests are XCTest ones; without Swift Testing, the run closes on XCTest's own summary.
swift test --disable-swift-testing "$@"
swift package --allow-writing-to-package-directory render-notebooks --allow-plugin stats --allow-plugin blobs --quiet
bash scripts/fuzz.sh --replay
