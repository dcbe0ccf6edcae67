#!/usr/bin/env bash
# Quick start, part one: install what is missing, build, and extract the
# bundled sample articles into build/sample.jsonld with a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
build/bin/clusterkg extract examples/articles -o build/sample.jsonld
