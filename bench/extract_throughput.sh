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

[[ -x $vnkg ]] || { echo "no vnkg binary at $vnkg (build it first, or pass its path)" >&2; exit 2; }
[[ -d $shared/corpus && -d $shared/seeds ]] || { echo "$shared has no corpus/ and seeds/" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vnkg_xbench_XXXXXX")
trap 'rm -rf "$work"' EXIT

bytes_of() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

one_copy=$(( $(bytes_of "$shared/corpus") + $(bytes_of "$shared/seeds") ))
target=$((target_mb * 1000 * 1000))
copies=$(( (target + one_copy - 1) / one_copy ))
echo "replicating $shared/{corpus,seeds} ($one_copy bytes) $copies times into $work/data"
for ((i = 1; i <= copies; i++)); do
    mkdir -p "$work/data/copy$i"
    cp -r "$shared/corpus" "$shared/seeds" "$work/data/copy$i/"
done
total=$(bytes_of "$work/data")
echo "input: $(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $(find "$work/data" -type f | wc -l) files"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"

# time_run LABEL COMMAND...: prints wall and CPU seconds, MB/s by both, and peak memory; sets
# $wall for the caller.
time_run() {
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >/dev/null 2>"$work/run.err" || {
        echo "$label failed:" >&2
        tail -5 "$work/run.err" >&2
        exit 1
    }
    read -r wall user sys rss <"$work/time.txt"
    awk -v l="$label" -v b="$total" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" 'BEGIN {
        c = u + s
        printf "%-30s %7.2f s wall %7.2f s CPU  %6.1f MB/s wall %6.1f MB/s CPU  %5.0f MB peak\n",
               l, w, c, b / 1e6 / w, b / 1e6 / c, m / 1024 }'
}

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
