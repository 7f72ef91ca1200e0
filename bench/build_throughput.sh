#!/usr/bin/env bash
# Throughput of `vnkg build`: replicates ../shared/corpus and ../shared/seeds into a temporary
# folder until it holds at least TARGET_MB of articles (each copy with its own file names and
# JSONL ids, so no copy is skipped as already known), then times
#   (a) reading and normalising alone (`vnkg build --read-only`), and
#   (b) `vnkg build` end to end (read, extract, merge, save),
# and prints MB/s by the wall clock and by CPU time.
#
# usage: bench/build_throughput.sh [VNKG [SHARED_DIR [TARGET_MB [JOBS]]]]
#   VNKG        the binary (default: build/cli/vnkg under the repository)
#   SHARED_DIR  holds corpus/ and seeds/ (default: ../shared beside the repository)
#   TARGET_MB   at least this many MB of input (default: 100)
#   JOBS        extraction threads for (b) (default: 1, to measure one core)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
vnkg=${1:-$here/build/cli/vnkg}
shared=${2:-$here/../shared}
target_mb=${3:-100}
jobs=${4:-1}

source "$here/bench/common.sh"

time_run "(a) read + normalise" "$vnkg" build "$work/data" --read-only
time_run "(b) vnkg build -j $jobs (end to end)" "$vnkg" build "$work/data" -j "$jobs" -o "$work/g.vnkg"
tail -1 "$work/run.err"
echo "graph file: $(bytes_of "$work/g.vnkg") bytes"
