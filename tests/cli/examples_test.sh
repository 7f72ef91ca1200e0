#!/usr/bin/env bash
# End to end on examples/: build the graph, then ask it what the articles were written to show.
# Usage: examples_test.sh VNKG PROJECT_DIR
set -u
vnkg="$1"
root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

"$vnkg" build "$root/examples/articles" "$root/examples/articles.jsonl" -o "$work/g.vnkg" 2>"$work/err" ||
    { cat "$work/err"; echo "FAIL: build"; exit 1; }
grep -q "12 articles read, 0 skipped" "$work/err" || fail "build summary: $(cat "$work/err")"

q() { "$vnkg" query "$work/g.vnkg" --format csv "$1" 2>/dev/null | tr -d "\r"; }

# Local codes are scoped by province: Hưng Yên's and Nghệ An's 12-NQ/TU are two nodes.
got=$(q "MATCH (d:Directive) WHERE d.code = '12-NQ/TU' RETURN d.scope ORDER BY d.scope")
[ "$got" = "$(printf 'd.scope\nHưng Yên\nNghệ An')" ] || fail "12-NQ/TU scopes: $got"

# The same official in several articles is one node that attended several meetings.
got=$(q "MATCH (p:Person)-[:ATTENDED]->(m:Meeting) WHERE fold(p.name) = 'vu dinh khiem' RETURN count(DISTINCT m) AS n")
[ "${got##*$'\n'}" -ge 3 ] 2>/dev/null || fail "Vũ Đình Khiêm's meetings: $got"
got=$(q "MATCH (p:Person) WHERE fold(p.name) = 'vu dinh khiem' RETURN size(p.sources) AS n")
[ "${got##*$'\n'}" -ge 3 ] 2>/dev/null || fail "Vũ Đình Khiêm's articles: $got"

# Two recurring officials are connected through a meeting both attended.
got=$(q "MATCH p = shortestPath((a:Person)-[*..6]-(b:Person)) WHERE fold(a.name) = 'vu dinh khiem' AND fold(b.name) = 'dinh cong sau' RETURN length(p) AS n")
[ "${got##*$'\n'}" = "2" ] || fail "path Khiêm–Sáu: $got"

# The merger is in the graph: Thái Bình merged into Hưng Yên on 1 July 2025.
got=$(q "MATCH (a:Province)-[r:MERGED_INTO]->(b:Province) WHERE a.name = 'Thái Bình' RETURN b.name, r.date")
echo "$got" | grep -q "Hưng Yên,2025-07-01" || fail "MERGED_INTO Thái Bình: $got"

# Extraction quality on the hand-checked answers does not fall below a floor.
"$vnkg" eval "$root/tests/golden/examples.gold.jsonl" "$root/examples/articles" \
    "$root/examples/articles.jsonl" --json >"$work/eval.json" 2>/dev/null || fail "eval exit status"
python3 - "$work/eval.json" <<'PY' || fail "eval floor"
import json, sys
r = json.load(open(sys.argv[1]))
floor = {"persons": 0.9, "provinces": 0.9, "directives": 0.85, "organisations": 0.75}
bad = {k: r[k]["f1"] for k in floor if r[k]["f1"] < floor[k]}
print("examples eval:", {k: r[k]["f1"] for k in r if isinstance(r[k], dict)})
sys.exit(1 if bad else 0)
PY

[ "$failures" -eq 0 ] && echo "examples: all checks passed"
exit $((failures > 0))
