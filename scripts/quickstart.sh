#!/usr/bin/env bash
# Quick start, part one: install what is missing, build, and extract the
# bundled sample articles into build/sample.jsonld with a summary, and into
# build/sample.html, a page that draws the graph (open it in a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
build/bin/clusterkg extract examples/articles -o build/sample.jsonld
build/bin/clusterkg extract -q -f html examples/articles -o build/sample.html
echo "open build/sample.html in a browser to see the graph"
