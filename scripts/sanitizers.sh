#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer, then under ThreadSanitizer, each in a build
# folder of its own (.build-asan, .build-tsan) so the ordinary build is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dataset-fashion-mnist
status=0
for sanitizer in address thread; do
  echo "== swift test --sanitize=$sanitizer" >&2
  # LeakSanitizer would report the Swift runtime's type metadata, kept for the life of the process.
  if ! ASAN_OPTIONS=detect_leaks=0 swift test --sanitize="$sanitizer" --scratch-path ".build-${sanitizer:0:1}san" 2>&1 \
      | tee "/tmp/nnbook-$sanitizer.log" | grep -E "Executed [0-9]+ tests|ERROR: (Address|Thread)Sanitizer|WARNING: ThreadSanitizer" | sort | uniq -c; then
    status=1
  fi
  if grep -qE "ERROR: AddressSanitizer|WARNING: ThreadSanitizer|with [1-9][0-9]* failures" "/tmp/nnbook-$sanitizer.log"; then status=1; fi
done
exit $status
