#!/usr/bin/env bash
# vnkg export and vnkg import through the real binary.
# Usage: cli_test.sh VNKG WRITE_SAMPLES SCHEMAS_DIR
set -uo pipefail
vnkg=$1 samples=$2 schemas=$3
dir=$(mktemp -d)
trap 'chmod -R u+w "$dir"; rm -rf "$dir"' EXIT
fails=0
check() { # description, then a command that must succeed
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}

# Schema checks need ../shared/reference/schemas; without ../shared they are skipped, said so.
valid() { # description, schema, file
    if [ -f "$2" ]; then
        check "$1" xmllint --nonet --noout --schema "$2" "$3"
    else
        echo "skip: $1 (no schema at $2: ../shared is not beside the project)"
    fi
}

"$samples" "$dir/s" >/dev/null
check "import GraphML" "$vnkg" import "$dir/s/sample.graphml" -o "$dir/g.vnkg"
"$vnkg" import "$dir/s/sample.graphml" -o "$dir/g.vnkg" 2>"$dir/import.err"
check "import reports counts" grep -q "read 7 nodes and 9 edges" "$dir/import.err"

check "export GraphML (format from the extension)" "$vnkg" export "$dir/g.vnkg" -o "$dir/g.graphml"
valid "the GraphML is valid" "$schemas/graphml/graphml.xsd" "$dir/g.graphml"
check "graph -> GraphML -> graph -> GraphML is stable" cmp -s "$dir/g.graphml" "$dir/s/sample.graphml"
check "export GEXF" "$vnkg" export "$dir/g.vnkg" --format gexf -o "$dir/g.gexf"
valid "the GEXF is valid" "$schemas/gexf-1.3/gexf.xsd" "$dir/g.gexf"
check "export CSV into a folder" "$vnkg" export "$dir/g.vnkg" --format csv -o "$dir/csv"
check "CSV has the node files" test -f "$dir/csv/nodes_Person.csv"
check "export JSON" "$vnkg" export "$dir/g.vnkg" -o "$dir/g.json"

"$vnkg" export "$dir/g.vnkg" --format dot -o - --around "dao hong van" --depth 1 \
    >"$dir/around.dot" 2>"$dir/around.err"
check "--around to stdout names the centre" grep -q 'around Person "Đào Hồng Vận"' "$dir/around.err"
check "--around keeps the neighbourhood" test "$(grep -c 'shape=' "$dir/around.dot")" -ge 4
check "--types keeps only those types" bash -c \
    "'$vnkg' export '$dir/g.vnkg' -o - --format json --types Meeting | grep -q '\"type\":\"Meeting\"' &&
     ! '$vnkg' export '$dir/g.vnkg' -o - --format json --types Meeting | grep -q '\"type\":\"Person\"'"

"$vnkg" export "$dir/g.vnkg" -o "$dir/empty.graphml" --types Nothing 2>"$dir/empty.err"
check "an empty selection says so" grep -q "selection is empty" "$dir/empty.err"
valid "and writes a valid empty file" "$schemas/graphml/graphml.xsd" "$dir/empty.graphml"

"$vnkg" export "$dir/g.vnkg" -o "$dir/q.json" \
    --query 'MATCH (p:Person)-[r:ATTENDED]->(m:Meeting) RETURN p, r, m' 2>"$dir/q.err"
check "--query exports what the query returns" grep -q "wrote 3 nodes and 2 edges" "$dir/q.err"

mkdir "$dir/locked" && chmod a-w "$dir/locked"
if [ "$(id -u)" != 0 ]; then
    "$vnkg" export "$dir/g.vnkg" -o "$dir/locked/g.graphml" 2>"$dir/locked.err"
    check "an unwritable folder fails with status 1" test $? -eq 1
    check "and names the path" grep -q "cannot write $dir/locked/g.graphml" "$dir/locked.err"
fi
"$vnkg" export "$dir/g.vnkg" -o "$dir/nowhere/g.graphml" 2>"$dir/nowhere.err"
check "a missing folder fails with status 1" test $? -eq 1
check "with a clear message" grep -q "vnkg: error: cannot write $dir/nowhere/g.graphml" "$dir/nowhere.err"
"$vnkg" export "$dir/g.vnkg" -o "$dir/x.txt" 2>/dev/null
check "an unknown extension without --format is a usage error" test $? -eq 2
"$vnkg" export "$dir/g.vnkg" -o "$dir/x.graphml" --since tomorrow 2>/dev/null
check "an unreadable date is a usage error" test $? -eq 2

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
