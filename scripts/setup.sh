#!/usr/bin/env bash
# Installs the Debian 12 packages clusterkg needs to build and test, skipping
# those already present. Safe to run again. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libre2-dev libgumbo-dev libicu-dev libboost-graph-dev
  nlohmann-json3-dev libsimdjson-dev catch2 libyaml-cpp-dev libcli11-dev libgoogle-perftools-dev
  python3 python3-rdflib python3-networkx python3-distributed graphviz clang-format
  chromium fonts-noto-cjk
)

# --fuzz: also clang and its sanitizer/libFuzzer runtime
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
# --bench: Google Benchmark and jieba, the benchmark's peer
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(libbenchmark-dev python3-jieba)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present" >&2
fi

# npm packages (from the npm registry, pinned by package-lock.json files):
# jsonld.js for the test that SPEC's JSON-LD reads the same in rdflib and in
# jsonld.js (tests/jsonld-js)
if [[ "${1:-}" != "--fuzz" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: installing nodejs npm" >&2
    sudo_cmd=()
    [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends nodejs npm
  fi
  here="$(cd "$(dirname "$0")/.." && pwd)"
  if [[ ! -d "$here/tests/jsonld-js/node_modules/jsonld" ]]; then
    echo "setup: npm ci in tests/jsonld-js" >&2
    npm ci --prefix "$here/tests/jsonld-js" --no-audit --no-fund --loglevel=error
  fi
  # the graph viewer's libraries (Cytoscape.js, fcose) that --format html
  # inlines, and playwright-core for its browser test (pinned by
  # examples/web/package-lock.json; the build embeds them, so this runs
  # before cmake configures)
  if [[ ! -f "$here/examples/web/node_modules/cytoscape/dist/cytoscape.min.js" ||
        ! -d "$here/examples/web/node_modules/playwright-core" ]]; then
    echo "setup: npm ci in examples/web" >&2
    npm ci --prefix "$here/examples/web" --no-audit --no-fund --loglevel=error
  fi
fi
