#!/usr/bin/env bash
# CLI tests of `vnkg build`: run the real binary on good and bad inputs and check its messages,
# exit statuses and files. usage: build_test.sh VNKG SHARED_DIR CASE
# Exit 0 pass, 1 fail, 77 skipped (CTest SKIP_RETURN_CODE).
set -u

VNKG=$1
SHARED=$2
CASE=$3

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vnkg_cli_XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# run NAME ARGS...: runs vnkg, keeping stdout in NAME.out, stderr in NAME.err, status in $rc.
run() {
    local name=$1
    shift
    "$VNKG" "$@" >"$name.out" 2>"$name.err"
    rc=$?
}

expect_rc() {
    local want=$1 what=$2
    if [[ $rc -ne $want ]]; then
        fail "$what: exit status $rc, expected $want"
        sed 's/^/    /' "$what.err" >&2
    fi
}

# expect_line FILE REGEX: some line of FILE matches the extended regular expression.
expect_line() {
    if ! grep -Eq -- "$2" "$1"; then
        fail "$1: no line matches /$2/"
        sed 's/^/    /' "$1" >&2
    fi
}

expect_no_line() {
    if grep -Eq -- "$2" "$1"; then
        fail "$1: a line matches /$2/ but should not"
    fi
}

has_stats() { "$VNKG" --help 2>/dev/null | grep -Eq '^ +stats( |$)'; }

# A description of a graph file that changes when its content does: `vnkg stats` once that
# command exists, else the node and edge counts a no-op `build --into` reports.
describe() {
    if has_stats; then
        # Without the first line, which names the file and its size.
        "$VNKG" stats "$1" 2>&1 | sed 1d
    else
        printf 'Placeholder.\n' >"$WORK/.noop.txt"
        "$VNKG" build --into "$1" "$WORK/.noop.txt" 2>&1 | sed -n 's/.*graph: \([0-9]* nodes, [0-9]* edges\).*/\1/p'
        echo "(no stats command yet)"
    fi
}

# A graph file is loadable when vnkg stats (or a build adding nothing) accepts it.
loadable() {
    if has_stats; then
        "$VNKG" stats "$1" >/dev/null 2>"$WORK/load.err"
    else
        printf 'Placeholder.\n' >"$WORK/.noop.txt"
        "$VNKG" build --into "$1" "$WORK/.noop.txt" -q >/dev/null 2>"$WORK/load.err"
    fi
}

write_good_articles() {
    mkdir -p "$1"
    cat >"$1/a.txt" <<'EOF'
Hưng Yên: Tăng cường tuyên truyền

Ngày 3/10/2023, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023 dưới sự chủ trì của đồng chí Đào Hồng Vận, Ủy viên Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy.
Hội nghị quán triệt Chỉ thị số 05-CT/TW của Bộ Chính trị.
EOF
    cat >"$1/b.md" <<'EOF'
# Nghệ An sơ kết Kết luận 01-KL/TW

Ngày 12/5/2022, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị sơ kết 1 năm thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.
EOF
    printf '%s\n' \
        '{"url": "https://example.vn/1.htm", "title": "Hà Nội học tập Chỉ thị 05", "publish_date": "21/06/2025 08:06", "sapo": "Thành ủy Hà Nội tổ chức hội nghị học tập Chỉ thị số 05-CT/TW."}' \
        '{"url": "https://example.vn/2.htm", "title": "Đà Nẵng", "publish_date": "20/06/2025", "sapo": "Ban Tuyên giáo Thành ủy Đà Nẵng họp báo."}' \
        >"$1/feed.jsonl"
}

case_usage() {
    run none
    expect_rc 2 none
    run noinputs build -o g.vnkg
    expect_rc 2 noinputs
    expect_line noinputs.err "no inputs"
    run nooutput build x.txt
    expect_rc 2 nooutput
    expect_line nooutput.err "-o GRAPH"
    run both build x.txt -o a.vnkg --into b.vnkg
    expect_rc 2 both
    run badopt build x.txt -o a.vnkg --no-such-option
    expect_rc 2 badopt
    run help build --help
    expect_rc 0 help
    expect_line help.out "--into"
    [[ -e a.vnkg || -e g.vnkg ]] && fail "a usage error wrote a graph file"
}

case_bad_inputs() {
    write_good_articles in
    printf 'Xin chào \xc3\x28 thế giới\n' >in/bad_utf8.txt
    printf 'PK\x03\x04\x00\x00\x01\x02binary' >in/binary.txt
    : >in/empty.txt
    printf '{"text": "Tốt."}\n{"text": "hỏng" "x"}\n{"title": "chỉ tiêu đề"}\n' >in/lines.jsonl
    # One 10 MB line: read like any other article.
    local long="Hội nghị tuyên giáo tỉnh Hưng Yên. "
    for _ in $(seq 1 18); do long="$long$long"; done
    printf '%s' "$long" >in/long.txt
    [[ $(stat -c %s in/long.txt) -gt 10000000 ]] || fail "the long article is too short"
    run bad build in missing_dir -o g.vnkg
    expect_rc 0 bad
    expect_line bad.err "^vnkg: in/bad_utf8.txt: invalid UTF-8 at byte 10$"
    expect_line bad.err "^vnkg: in/binary.txt: binary data"
    expect_line bad.err "^vnkg: in/empty.txt: empty file$"
    expect_line bad.err "^vnkg: in/lines.jsonl:2: not JSON: .*\(column [0-9]+\)$"
    expect_line bad.err "^vnkg: in/lines.jsonl:3: no text field .*title"
    expect_line bad.err "^vnkg: missing_dir: no such file or folder$"
    expect_no_line bad.err "long.txt"
    # a.txt, b.md, 2 feed lines, lines.jsonl:1, long.txt
    expect_line bad.err "^6 articles read, 6 skipped \(6 new, 0 unchanged, 0 replaced\); graph: [0-9]+ nodes, [0-9]+ edges → g.vnkg$"
    [[ -s g.vnkg ]] || fail "g.vnkg not written"
}

case_nothing_read() {
    mkdir -p bad empty_dir
    : >bad/empty.txt
    printf '\x00\x01' >bad/bin.md
    run nothing build bad empty_dir missing.txt -o g.vnkg
    expect_rc 1 nothing
    expect_line nothing.err "^vnkg: empty_dir: no .txt, .md or .jsonl files"
    expect_line nothing.err "^vnkg: missing.txt: no such file or folder$"
    expect_line nothing.err "0 articles read, 4 skipped"
    [[ -e g.vnkg ]] && fail "g.vnkg written although nothing was read"
    return 0
}

case_strict() {
    write_good_articles in
    run good build in --strict -o good.vnkg
    expect_rc 0 good
    : >in/empty.txt
    run strict build in --strict -o g.vnkg
    expect_rc 1 strict
    expect_line strict.err "^vnkg: in/empty.txt: empty file$"
    expect_line strict.err "--strict"
    [[ -e g.vnkg ]] && fail "--strict with a skip wrote g.vnkg"
    return 0
}

case_stdin() {
    printf '{"id": "x1", "text": "Ngày 3/10, hội nghị."}\n{"id": "x2", "text": "Bài hai."}\nnot json\n' |
        "$VNKG" build - -o j.vnkg >j.out 2>j.err
    rc=$?
    expect_rc 0 j
    expect_line j.err "^vnkg: <stdin>:3: not JSON"
    expect_line j.err "^2 articles read, 1 skipped"
    printf 'Ngày 3/10, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức hội nghị.\n' |
        "$VNKG" build - -o t.vnkg >t.out 2>t.err
    rc=$?
    expect_rc 0 t
    expect_line t.err "^1 article read, 0 skipped"
}

case_fields() {
    printf '{"key": "k1", "summary": "Ngày 3/10, hội nghị.", "headline": "Tin", "when": "3/10/2023"}\n' >f.jsonl
    run default build f.jsonl -o a.vnkg
    expect_rc 1 default
    expect_line default.err "^vnkg: f.jsonl:1: no text field .*key, summary, headline, when"
    run named build f.jsonl --text-field summary --title-field headline --date-field when \
        --id-field key -o b.vnkg
    expect_rc 0 named
    expect_line named.err "^1 article read, 0 skipped"
}

case_into_idempotent() {
    write_good_articles in
    run first build in -o g.vnkg
    expect_rc 0 first
    before=$(describe g.vnkg)
    cp g.vnkg g0.vnkg
    run again build --into g.vnkg in
    expect_rc 0 again
    expect_line again.err "^4 articles read, 0 skipped \(0 new, 4 unchanged, 0 replaced\)"
    after=$(describe g.vnkg)
    [[ "$before" == "$after" ]] || fail "re-adding the same articles changed the graph: '$before' vs '$after'"
    cmp -s g.vnkg g0.vnkg || fail "re-adding the same articles changed the file"
    # The same articles given file by file keep their ids.
    run files build --into g.vnkg in/a.txt in/b.md in/feed.jsonl
    expect_line files.err "\(0 new, 4 unchanged, 0 replaced\)"
}

case_into_replaces() {
    write_good_articles in
    run first build in -o g.vnkg
    expect_rc 0 first
    # Change one article: its earlier facts must go, as if built from the new files at once.
    sed -i 's/05-CT\/TW/10-CT\/TW/; s/Đào Hồng Vận/Nguyễn Văn Phóng/' in/a.txt
    run second build --into g.vnkg in
    expect_rc 0 second
    expect_line second.err "^4 articles read, 0 skipped \(0 new, 3 unchanged, 1 replaced\)"
    run fresh build in -o fresh.vnkg
    expect_rc 0 fresh
    [[ "$(describe g.vnkg)" == "$(describe fresh.vnkg)" ]] ||
        fail "after replacing an article the graph differs from a fresh build"
}

case_deterministic() {
    write_good_articles in
    for i in $(seq 1 40); do
        printf 'Ngày %d/5/2024, Ban Tuyên giáo Tỉnh ủy Nghệ An tổ chức hội nghị lần %d về Chỉ thị số %d-CT/TW.\n' \
            $((i % 28 + 1)) "$i" "$i" >"in/gen_$i.txt"
    done
    run j1 build in -j 1 -o j1.vnkg
    expect_rc 0 j1
    run j2 build in -j 2 -o j2.vnkg
    expect_rc 0 j2
    cmp -s j1.vnkg j2.vnkg || fail "-j 1 and -j 2 built different files"
}

case_kill_during_into() {
    write_good_articles in
    # Enough articles that loading, extracting and saving take a while.
    awk 'BEGIN { for (i = 1; i <= 3000; i++)
        printf "{\"id\": \"gen-%d\", \"text\": \"Ngày %d/5/2024, Ban Tuyên giáo Tỉnh ủy Nghệ An tổ chức hội nghị lần %d quán triệt Chỉ thị số %d-CT/TW và Nghị quyết số %d-NQ/TU.\"}\n", i, i % 28 + 1, i, i, i }' >more.jsonl
    run base build in -o base.vnkg
    expect_rc 0 base
    # The complete result, and how long it takes, so that kills land all through the run,
    # the final save included.
    cp base.vnkg done.vnkg
    local start end
    start=$(date +%s%N)
    "$VNKG" build --into done.vnkg more.jsonl -q -j 1 >/dev/null 2>&1 || fail "the uninterrupted build failed"
    end=$(date +%s%N)
    local took=$(((end - start) / 1000000))
    local killed=0
    for permille in 50 200 400 600 750 850 900 950 975 990 1000 1020; do
        cp base.vnkg g.vnkg
        "$VNKG" build --into g.vnkg more.jsonl -q -j 1 >/dev/null 2>&1 &
        pid=$!
        sleep "$(awk -v t="$took" -v p="$permille" 'BEGIN { printf "%.3f", t * p / 1e6 }')"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        [[ $? -eq 137 ]] && killed=$((killed + 1))
        # Killed before the rename: the previous file, unchanged; after it: the whole new one.
        if ! cmp -s g.vnkg base.vnkg && ! cmp -s g.vnkg done.vnkg; then
            fail "after kill -9 at ${permille}‰ of ${took} ms g.vnkg is neither the old nor the new graph"
        fi
        loadable g.vnkg || { fail "after kill -9 at ${permille}‰ g.vnkg is not loadable"; cat load.err >&2; }
    done
    [[ $killed -gt 0 ]] || fail "no run was killed: the test did not test anything"
    echo "$killed of 12 runs killed (a full run took $took ms)"
}

count_shared_articles() {
    local n=0 f
    while IFS= read -r -d '' f; do
        if [[ $f == *.jsonl ]]; then
            n=$((n + $(grep -cv '^[[:space:]]*$' "$f")))
        else
            n=$((n + 1))
        fi
    done < <(find "$@" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.jsonl' \) -not -name '.*' -print0)
    echo "$n"
}

case_shared_seeds() {
    if [[ ! -d "$SHARED/seeds" ]]; then
        echo "skipped: $SHARED/seeds does not exist"
        exit 77
    fi
    run seeds build "$SHARED/seeds" -o s.vnkg
    expect_rc 0 seeds
    expect_line seeds.err "^5 articles read, 0 skipped \(5 new"
    before=$(describe s.vnkg)
    run again build --into s.vnkg "$SHARED/seeds"
    expect_line again.err "\(0 new, 5 unchanged, 0 replaced\)"
    [[ "$(describe s.vnkg)" == "$before" ]] || fail "build --into with the seeds changed the graph"
    # Every seed changed: the replaced graph must equal a fresh build of the changed seeds.
    cp -r "$SHARED/seeds" seeds
    run copy build seeds -o c.vnkg
    for f in seeds/*.txt; do
        sed -i '0,/Tỉnh ủy/s//Thành ủy/' "$f"
        printf '\nNgày 5/3/2024, Ban Tuyên giáo Tỉnh ủy Nghệ An quán triệt Chỉ thị số 99-CT/TW.\n' >>"$f"
    done
    run changed build --into c.vnkg seeds
    expect_line changed.err "\(0 new, 0 unchanged, 5 replaced\)"
    run fresh build seeds -o f.vnkg
    [[ "$(describe c.vnkg)" == "$(describe f.vnkg)" ]] ||
        fail "replacing every seed gave another graph than building the changed seeds afresh"
}

case_shared_corpus() {
    if [[ ! -d "$SHARED/corpus" || ! -d "$SHARED/seeds" ]]; then
        echo "skipped: $SHARED/corpus does not exist"
        exit 77
    fi
    want=$(count_shared_articles "$SHARED/seeds" "$SHARED/corpus")
    run corpus build "$SHARED/seeds" "$SHARED/corpus" -o g.vnkg
    expect_rc 0 corpus
    expect_line corpus.err "^$want articles read, 0 skipped \($want new, 0 unchanged, 0 replaced\); graph: [0-9]+ nodes"
    before=$(describe g.vnkg)
    run again build --into g.vnkg "$SHARED/seeds"
    expect_rc 0 again
    expect_line again.err "\(0 new, 5 unchanged, 0 replaced\)"
    [[ "$(describe g.vnkg)" == "$before" ]] || fail "build --into with the seeds changed the graph"
}

if ! declare -F "case_$CASE" >/dev/null; then
    echo "unknown case: $CASE" >&2
    exit 1
fi
"case_$CASE"
if [[ $failures -ne 0 ]]; then
    echo "$CASE: $failures failure(s)" >&2
    exit 1
fi
echo "$CASE: ok"
