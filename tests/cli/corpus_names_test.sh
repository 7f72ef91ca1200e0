#!/usr/bin/env bash
# Extraction over the whole of ../shared/corpus and ../shared/seeds (Markdown pages and the JSONL
# file included): it must not crash, and no entity name may be empty, longer than 120
# characters, or mostly punctuation (fewer letters and digits than other visible characters).
# Prints the counts. Skips (exit 77) when ../shared is not beside the project.
# Usage: corpus_names_test.sh VNKG SHARED_DIR
set -u
vnkg="$1"
shared="$2"
if [[ ! -d "$shared/corpus" || ! -d "$shared/seeds" ]]; then
    echo "skipped: $shared/corpus does not exist"
    exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$vnkg" extract -q "$shared/seeds" "$shared/corpus" >"$work/out.jsonl" 2>"$work/err"
rc=$?
if [[ $rc -ne 0 ]]; then
    echo "FAIL: vnkg extract exited with $rc"
    tail -5 "$work/err"
    exit 1
fi
python3 - "$work/out.jsonl" <<'PY'
import json, sys, unicodedata

articles = entities = 0
bad = {"empty": [], "longer than 120 characters": [], "mostly punctuation": []}
for line in open(sys.argv[1], encoding="utf-8"):
    record = json.loads(line)
    articles += 1
    for e in record.get("entities", []):
        entities += 1
        name = e.get("name") or ""
        visible = [c for c in name if not c.isspace()]
        words = sum(1 for c in visible if unicodedata.category(c)[0] in "LNM")
        if not name.strip():
            bad["empty"].append((record["article"]["id"], e.get("type"), name))
        elif len(name) > 120:
            bad["longer than 120 characters"].append((record["article"]["id"], e.get("type"), name))
        elif words * 2 < len(visible):
            bad["mostly punctuation"].append((record["article"]["id"], e.get("type"), name))
print(f"{articles} articles, {entities} entities")
failed = False
for what, items in bad.items():
    print(f"{len(items)} names {what}")
    for article, kind, name in items[:5]:
        print(f"  {article}: {kind} {name!r}")
    failed = failed or bool(items)
if articles < 1000:
    print(f"FAIL: only {articles} articles extracted")
    failed = True
sys.exit(1 if failed else 0)
PY
