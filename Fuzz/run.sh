#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/fuzz_parse_layout.swift with every ReaderCore
# source and runs it for SECONDS (default 60) over the seed corpus Fuzz/corpus.
# New inputs go to .build/fuzz/corpus (not the repo); a crash is written to
# .build/fuzz/crash-* and makes this script fail. Usage: Fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# libFuzzer prints its own stack; Swift's symbolicating backtracer would add a minute.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
out=.build/fuzz
mkdir -p "$out/corpus"

sources=()
while IFS= read -r -d '' file; do sources+=("$file"); done \
  < <(find Sources/ReaderCore -name '*.swift' -print0 | sort -z)

# -sanitize=fuzzer links libFuzzer's main; address catches memory errors in the
# C parts and Swift's unsafe pointers. -O: the fuzzer needs speed more than debug info.
echo "fuzz: building ($(( ${#sources[@]} + 1 )) files)…"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name ReaderCoreFuzz -package-name broadsheet \
  -I Sources/CICU -I Sources/COpenCC "${sources[@]}" Fuzz/fuzz_parse_layout.swift -o "$out/fuzz_parse_layout"

echo "fuzz: running ${seconds}s"
"$out/fuzz_parse_layout" "$out/corpus" Fuzz/corpus \
  -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix="$out/" -print_final_stats=1
