#!/usr/bin/env bash
# CLI tests for `vnkg stats` and `vnkg show`: the real binary on a graph built from examples/ (and
# from ../shared/seeds when it exists), and on missing, truncated and foreign graph files.
# Usage: stats_show_test.sh VNKG EXAMPLES_DIR SHARED_DIR
set -u
vnkg=$1
examples=$2
shared=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run NAME EXPECTED_STATUS COMMAND...: runs the command, keeps its stdout and stderr in files.
run() {
    local name=$1 expected=$2
    shift 2
    "$@" >"$work/out" 2>"$work/err"
    local status=$?
    if [ "$status" -ne "$expected" ]; then
        fail "$name: exit status $status, expected $expected"
        sed 's/^/    stderr: /' "$work/err" | head -5 >&2
    fi
}

expect_out() { grep -qE -- "$2" "$work/out" || fail "$1: stdout lacks /$2/"; }
expect_err() { grep -qE -- "$2" "$work/err" || fail "$1: stderr lacks /$2/"; }

graph=$work/ex.vnkg
"$vnkg" build -q "$examples" -o "$graph" 2>/dev/null
[ -s "$graph" ] || { echo "FAIL: vnkg build of $examples wrote no graph" >&2; exit 1; }

# stats: table, json, csv
run "stats table" 0 "$vnkg" stats "$graph"
expect_out "stats table" "^nodes +[0-9]+"
expect_out "stats table" "^  Directive +[0-9]+"
expect_out "stats table" "^  MENTIONS +[0-9]+"
expect_out "stats table" "^articles +[0-9]+, published [0-9]{4}-[0-9-]* to [0-9]{4}"
expect_out "stats table" "^graph +.*ex\.vnkg \([0-9.]+ kB\)"
run "stats json" 0 "$vnkg" stats "$graph" --format json
python3 - "$work/out" <<'EOF' || fail "stats json: not the expected JSON"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["nodes"] > 0 and d["edges"] > 0 and d["articles"] > 0
assert sum(d["edges_by_type"].values()) == d["edges"]
assert d["nodes_by_label"]["Directive"] > 0
assert d["published"]["from"] <= d["published"]["to"]
assert d["file_size"] > 0
EOF
run "stats csv" 0 "$vnkg" stats "$graph" --format csv
expect_out "stats csv" "^measure,key,value$"
expect_out "stats csv" "^edges_by_type,MENTIONS,[0-9]+$"
run "stats bad format" 2 "$vnkg" stats "$graph" --format xml

# show: folding, word order with words between, ranking, limits, json
run "show directive" 0 "$vnkg" show "$graph" chi thi 05
[ "$(head -1 "$work/out")" = "Chỉ thị số 05-CT/TW" ] || fail "show directive: first line is $(head -1 "$work/out")"
expect_out "show directive" "^  Directive$"
expect_out "show directive" "^  code: +05-CT/TW$"
expect_out "show directive" "MENTIONS <- Article \""
expect_out "show directive" "^        \[[^]]+\] .*Chỉ thị số 05-CT/TW"
run "show person" 0 "$vnkg" show "$graph" "VU DINH KHIEM" --edges 1 --sentences 1
[ "$(head -1 "$work/out")" = "Vũ Đình Khiêm" ] || fail "show person: first line is $(head -1 "$work/out")"
expect_out "show person" "ATTENDED -> Meeting \".*\\[.*date [0-9]{4}"
expect_out "show person" "\(\+[0-9]+ more ATTENDED\)"
run "show limit" 0 "$vnkg" show "$graph" hung yen --limit 1
expect_out "show limit" "^\([0-9]+ more nodes match; --limit [0-9]+ shows them all\)$"
run "show json" 0 "$vnkg" show "$graph" "chi thi so 05-ct/tw" --format json
python3 - "$work/out" <<'EOF' || fail "show json: not the expected JSON"
import json, sys
d = json.load(open(sys.argv[1]))
n = d["nodes"][0]
assert n["name"] == "Chỉ thị số 05-CT/TW" and n["match"] == "exact", n["name"]
assert n["labels"] == ["Directive"]
assert any(e["type"] == "MENTIONS" and e["from"]["label"] == "Article" for e in n["in"])
assert all(s["article"] for e in n["in"] for s in e["sources"])
EOF
run "show no match" 1 "$vnkg" show "$graph" "khong ai co ten nay"
expect_err "show no match" "no node in .* has a name matching \"khong ai co ten nay\""
[ -s "$work/out" ] && fail "show no match: printed to stdout"
run "show no words" 2 "$vnkg" show "$graph" " - "

# bad graph files: one clear line, exit 1
run "missing graph" 1 "$vnkg" stats "$work/missing.vnkg"
expect_err "missing graph" "^vnkg: error: $work/missing.vnkg: cannot open: No such file or directory$"
head -c 100 "$graph" >"$work/cut.vnkg"
run "truncated graph" 1 "$vnkg" show "$work/cut.vnkg" chi thi
expect_err "truncated graph" "^vnkg: error: $work/cut.vnkg: truncated graph file"
printf 'Tỉnh ủy Hưng Yên\n' >"$work/text.vnkg"
run "foreign graph" 1 "$vnkg" stats "$work/text.vnkg"
expect_err "foreign graph" "^vnkg: error: $work/text.vnkg: not a vnkg graph file$"
run "directory as graph" 1 "$vnkg" stats "$work"
expect_err "directory as graph" "is a directory"

# The issue's own example, on the shared seeds when they are here.
if [ -d "$shared/seeds" ]; then
    "$vnkg" build -q "$shared/seeds" -o "$work/seeds.vnkg" 2>/dev/null
    run "seeds: dao hong van" 0 "$vnkg" show "$work/seeds.vnkg" dao hong van
    [ "$(head -1 "$work/out")" = "Đào Hồng Vận" ] || fail "seeds: first line is $(head -1 "$work/out")"
    expect_out "seeds: dao hong van" "role chair"
else
    echo "note: $shared/seeds not found, its case skipped"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)" >&2
    exit 1
fi
echo "all stats/show cases passed"
