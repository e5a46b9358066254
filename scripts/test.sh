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
# They run with a temporary folder of their own: a folder one of them made and left there
# (`nnbook-*`) fails the run, so that a test run leaves nothing behind.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
TMPDIR="$scratch" swift test --disable-swift-testing "$@"
left="$(find "$scratch" -mindepth 1 -maxdepth 1 -name 'nnbook-*' -printf '%f\n')"
if [ -n "$left" ]; then
  echo "the tests left these temporary folders behind:" >&2
  echo "$left" >&2
  exit 1
fi
bash scripts/check-pages.sh
bash scripts/fuzz.sh --replay
