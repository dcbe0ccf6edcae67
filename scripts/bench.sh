#!/usr/bin/env bash
# Builds the release preset (with the micro-benchmarks) and runs the
# benchmarks (docs/performance.md).
#   scripts/bench.sh            whole-process benchmark, 50 MB per form, median
#                               of 5, rewrites docs/performance.md; then the
#                               micro-benchmarks
#   scripts/bench.sh --smoke    1 MB, one run, writes nothing: what CI runs so
#                               that the benchmarks cannot rot
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
cmake --preset release -DCLUSTERKG_BUILD_TESTS=OFF -DCLUSTERKG_BUILD_EXAMPLES=OFF >/dev/null
cmake --build --preset release --target clusterkg-cli clusterkg-micro-bench
if [[ "${1:-}" == "--smoke" ]]; then
  /usr/bin/python3 bench/bench.py --cli build-release/bin/clusterkg --smoke
  build-release/bin/clusterkg-micro-bench --benchmark_min_time=0.01
else
  /usr/bin/python3 bench/bench.py --cli build-release/bin/clusterkg --mb 50 --runs 5 \
    --write docs/performance.md
  build-release/bin/clusterkg-micro-bench
fi
