#!/usr/bin/env bash
# Builds the libFuzzer target with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs it for N seconds (default 60) from a
# seed corpus of the sample articles. Findings go to build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scripts/setup.sh --fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
corpus=build-fuzz/corpus
mkdir -p "$corpus" build-fuzz/findings
cp examples/articles/* fuzz/corpus/* "$corpus"/ 2>/dev/null || true
# every JSONL line is a seed of its own
split -l 1 examples/articles/06-records.jsonl "$corpus/record-"
# and so is every NDJSON line the tool writes (records for merge), made with
# this build's rules so that their fingerprint matches
# (the small JSONL records only: a record line is 10-40 KB, and a large seed
# slows every run)
build-fuzz/bin/clusterkg extract --format ndjson --quiet examples/articles/06-records.jsonl \
  | split -l 1 - "$corpus/ndjson-"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
build-fuzz/bin/extract_fuzzer -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
  -max_len=16384 -artifact_prefix=build-fuzz/findings/ -print_final_stats=1 "$corpus"
