#!/usr/bin/env bash
# Throughput of `vnkg extract`: replicates ../shared/corpus and ../shared/seeds into a temporary
# folder until it holds at least TARGET_MB of articles, then times `vnkg extract` with one and
# with two threads, and `uconv -x any-nfc` over the same bytes as a yardstick of the machine's
# speed at that moment. Prints MB/s by the wall clock and by CPU time, the -j 2 speed-up, and
# the peak memory (which must not grow with the input: extraction streams).
#
# usage: bench/extract_throughput.sh [VNKG [SHARED_DIR [TARGET_MB]]]
#   VNKG        the binary (default: build/cli/vnkg under the repository)
#   SHARED_DIR  holds corpus/ and seeds/ (default: ../shared beside the repository)
#   TARGET_MB   at least this many MB of input (default: 100)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
vnkg=${1:-$here/build/cli/vnkg}
shared=${2:-$here/../shared}
target_mb=${3:-100}

source "$here/bench/common.sh"

if command -v uconv >/dev/null; then
    find "$work/data" -type f -print0 | xargs -0 cat >"$work/all.txt"
    time_run "uconv -x any-nfc (yardstick)" uconv -x any-nfc -o /dev/null "$work/all.txt"
    rm -f "$work/all.txt"
fi
time_run "vnkg extract -j 1" "$vnkg" extract -q -j 1 "$work/data"
wall1=$wall
time_run "vnkg extract -j 2" "$vnkg" extract -q -j 2 "$work/data"
wall2=$wall
awk -v a="$wall1" -v b="$wall2" 'BEGIN { printf "speed-up of -j 2 over -j 1 (wall): %.2fx\n", a / b }'
