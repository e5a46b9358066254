#!/usr/bin/env bash
# Fuzzes nnbook's readers of untrusted input with libFuzzer: the notebook parser and checker,
# the value grammar, the plugin protocol, the CSV reader, the IDX reader and the NumPy readers.
#
#   bash scripts/fuzz.sh SECONDS [TARGET…]   fuzz each target for SECONDS (default: all six)
#   bash scripts/fuzz.sh --replay            run every seed in Fuzz/corpus once (CI does this)
#
# Seeds live in Fuzz/corpus/<target>; the inputs a run discovers go to Fuzz/corpus-run/<target>
# (not committed); inputs that crash go to Fuzz/crashes/ and become catalogue cases. Leak
# detection is off: the Swift runtime keeps its type metadata for the life of the process.
set -euo pipefail
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
cd "$(dirname "$0")/.."

build() {
  swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address \
    -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >&2
}

declare -A corpus=([FuzzNotebook]=notebook [FuzzValues]=values [FuzzPluginProtocol]=plugin [FuzzCSV]=csv [FuzzIDX]=idx [FuzzNumPy]=numpy)
all=(FuzzNotebook FuzzValues FuzzPluginProtocol FuzzCSV FuzzIDX FuzzNumPy)
bin=Fuzz/.build/release

if [ "${1:-}" = "--replay" ]; then
  build
  mkdir -p Fuzz/crashes
  for target in "${all[@]}"; do
    "$bin/$target" -runs=0 -detect_leaks=0 -artifact_prefix=Fuzz/crashes/"$target"- "Fuzz/corpus/${corpus[$target]}" 2>&1 | grep -E "INITED|DONE|ERROR|Done" || true
    "$bin/$target" -runs=0 -detect_leaks=0 -artifact_prefix=Fuzz/crashes/"$target"- "Fuzz/corpus/${corpus[$target]}" >/dev/null 2>&1 || { echo "fuzz replay: $target failed on a seed" >&2; exit 1; }
  done
  echo "fuzz replay: every seed ran without a crash"
  exit 0
fi

seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${all[@]}")
build
mkdir -p Fuzz/crashes
for target in "${targets[@]}"; do
  work="Fuzz/corpus-run/${corpus[$target]}"
  mkdir -p "$work"
  echo "== $target for ${seconds}s" >&2
  "$bin/$target" "$work" "Fuzz/corpus/${corpus[$target]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -detect_leaks=0 -artifact_prefix=Fuzz/crashes/"$target"- -print_final_stats=1 2>&1 \
    | grep -E "DONE|ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb|cov:" | tail -4
done
