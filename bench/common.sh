# Shared by the throughput scripts (sourced, not run). Expects $vnkg, $shared and $target_mb;
# sets $work (a temporary folder removed on exit) and $total (input bytes in $work/data), and
# defines time_run.

[[ -x $vnkg ]] || { echo "no vnkg binary at $vnkg (build it first, or pass its path)" >&2; exit 2; }
[[ -d $shared/corpus && -d $shared/seeds ]] || { echo "$shared has no corpus/ and seeds/" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/vnkg_bench_XXXXXX")
trap 'rm -rf "$work"' EXIT

bytes_of() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }

# Copies of the corpus and seeds until $work/data holds $target_mb MB, each in its own folder
# (so its files get their own ids) and with its own JSONL url/id (so none is skipped as known).
one_copy=$(( $(bytes_of "$shared/corpus") + $(bytes_of "$shared/seeds") ))
target=$((target_mb * 1000 * 1000))
copies=$(( (target + one_copy - 1) / one_copy ))
echo "replicating $shared/{corpus,seeds} ($one_copy bytes) $copies times into $work/data"
for ((i = 1; i <= copies; i++)); do
    dest="$work/data/copy$i"
    mkdir -p "$dest"
    cp -r "$shared/corpus" "$shared/seeds" "$dest/"
    find "$dest" -name '*.jsonl' -exec sed -i -E "s/\"(url|id)\": \"/\"\\1\": \"copy$i-/" {} +
done
total=$(bytes_of "$work/data")
echo "input: $(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1e6 }') MB in $(find "$work/data" -type f | wc -l) files"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); load: $(cut -d' ' -f1-3 /proc/loadavg)"

# time_run LABEL COMMAND...: runs it (output in $work/run.out and run.err), prints wall and CPU
# seconds, MB/s by both and the peak memory, and sets $wall for the caller.
time_run() {
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >"$work/run.out" 2>"$work/run.err" || {
        echo "$label failed:" >&2
        tail -5 "$work/run.err" >&2
        exit 1
    }
    read -r wall user sys rss <"$work/time.txt"
    awk -v l="$label" -v b="$total" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" 'BEGIN {
        c = u + s
        printf "%-34s %7.2f s wall %7.2f s CPU  %6.1f MB/s wall %6.1f MB/s CPU  %5.0f MB peak\n",
               l, w, c, b / 1e6 / w, b / 1e6 / c, m / 1024 }'
}
