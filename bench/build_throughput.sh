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

[[ -x $vnkg ]] || { echo "no vnkg binary at $vnkg (build it first, or pass its path)" >&2; exit 2; }
[[ -d $shared/corpus && -d $shared/seeds ]] || { echo "$shared has no corpus/ and seeds/" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vnkg_bench_XXXXXX")
trap 'rm -rf "$work"' EXIT

bytes_of() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

one_copy=$(( $(bytes_of "$shared/corpus") + $(bytes_of "$shared/seeds") ))
target=$((target_mb * 1000 * 1000))
copies=$(( (target + one_copy - 1) / one_copy ))
echo "replicating $shared/{corpus,seeds} ($one_copy bytes) $copies times into $work/data"
for ((i = 1; i <= copies; i++)); do
    dest="$work/data/copy$i"
    mkdir -p "$dest"
    cp -r "$shared/corpus" "$shared/seeds" "$dest/"
    # JSONL articles are known by their url or id: give each copy its own.
    find "$dest" -name '*.jsonl' -exec sed -i -E "s/\"(url|id)\": \"/\"\\1\": \"copy$i-/" {} +
done
total=$(bytes_of "$work/data")
mb=$(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "input: $mb MB in $(find "$work/data" -type f | wc -l) files"

# time_run LABEL COMMAND...: runs it, prints wall and CPU seconds and MB/s by both.
time_run() {
    local label=$1
    shift
    local out="$work/time.txt"
    /usr/bin/time -f '%e %U %S' -o "$out" "$@" >"$work/run.out" 2>"$work/run.err" || {
        echo "$label failed:" >&2
        tail -5 "$work/run.err" >&2
        exit 1
    }
    read -r wall user sys <"$out"
    awk -v l="$label" -v b="$total" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN {
        c = u + s
        printf "%-34s %7.2f s wall %7.2f s CPU   %6.1f MB/s wall %6.1f MB/s CPU\n",
               l, w, c, b / 1e6 / w, b / 1e6 / c }'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
time_run "(a) read + normalise" "$vnkg" build "$work/data" --read-only
time_run "(b) vnkg build -j $jobs (end to end)" "$vnkg" build "$work/data" -j "$jobs" -o "$work/g.vnkg"
tail -1 "$work/run.err"
echo "graph file: $(bytes_of "$work/g.vnkg") bytes"
