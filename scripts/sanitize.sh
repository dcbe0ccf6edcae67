#!/usr/bin/env bash
# Runs the whole test suite once under AddressSanitizer and
# UndefinedBehaviorSanitizer (preset asan-ubsan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  cmake --workflow --preset asan-ubsan
