#include "query/error.hpp"
#include "query/lexer.hpp"
#include "query/parser.hpp"

#include <catch2/catch.hpp>

using namespace vnkg::query;

namespace {

/// The formatted error `text` raises when parsed, or "" when it parses.
std::string parse_error(const std::string& text) {
    try {
        parse(text);
    } catch (const QueryError& e) {
        return format_message(text, e.what(), e.span());
    }
    return "";
}

} // namespace

TEST_CASE("tokens keep their byte spans, also after Vietnamese text") {
    std::string q = "MATCH (p {name: 'Đào'})-->(m) RETURN p.name <= 2.5e1";
    auto toks = tokenize(q);
    REQUIRE(toks.back().kind == Tok::End);
    for (const Token& t : toks) {
        if (t.kind == Tok::End) {
            continue;
        }
        std::string_view text(q.data() + t.span.offset, t.span.length);
        if (t.kind == Tok::String) {
            CHECK(text == "'Đào'");
            CHECK(t.text == "Đào");
        }
        if (t.kind == Tok::Le) {
            CHECK(text == "<=");
        }
        if (t.kind == Tok::Float) {
            CHECK(t.number == 25.0);
        }
    }
    CHECK(toks[0].text == "MATCH");
}

TEST_CASE("integer ranges lex as integer, '..', integer") {
    auto toks = tokenize("*1..3");
    REQUIRE(toks.size() == 5);
    CHECK(toks[1].kind == Tok::Integer);
    CHECK(toks[2].kind == Tok::DotDot);
    CHECK(toks[3].integer == 3);
}

TEST_CASE("string escapes and unicode escapes decode") {
    auto toks = tokenize(R"('a\'b\n\u0110' "x\"y")");
    CHECK(toks[0].text == "a'b\nĐ");
    CHECK(toks[1].text == "x\"y");
}

TEST_CASE("comments are skipped, an unclosed one is an error") {
    CHECK(tokenize("RETURN 1 // trailing\n").size() == 3);
    CHECK(tokenize("RETURN /* inner */ 1").size() == 3);
    CHECK_THROWS_AS(tokenize("RETURN 1 /* open"), QueryError);
}

TEST_CASE("a control character in a query is named by its code point and shown as '?'") {
    std::string q("RETURN\0 1", 9);
    try {
        tokenize(q);
        FAIL("no error");
    } catch (const QueryError& e) {
        CHECK(std::string(e.what()).find("unexpected control character U+0000") !=
              std::string::npos);
        CHECK(e.span().offset == 6);
        CHECK(format_message(q, e.what(), e.span()).find("\nRETURN? 1\n      ^") !=
              std::string::npos);
    }
}

TEST_CASE("invalid UTF-8 in a query is an error at its offset") {
    std::string q = "RETURN '\xC3('";
    CHECK_THROWS_AS(tokenize(q), QueryError);
    try {
        tokenize("RETURN \xFF");
    } catch (const QueryError& e) {
        CHECK(e.span().offset == 7);
    }
}

TEST_CASE("keywords are case-insensitive") {
    Query q = parse("match (n) where n.x = 1 return n order by n.x desc limit 3");
    REQUIRE(q.clauses.size() == 2);
    CHECK(q.clauses[1].projection.order.at(0).descending);
    CHECK(q.clauses[1].projection.limit != nullptr);
}

TEST_CASE("patterns keep direction, types, ranges and spans") {
    std::string text = "MATCH p = (a:Person)<-[r:ATTENDED|HOLDS_POSITION*1..3]-(b) RETURN p";
    Query q = parse(text);
    const PathPattern& p = q.clauses[0].patterns.at(0);
    CHECK(p.var.text == "p");
    REQUIRE(p.rels.size() == 1);
    const RelPattern& r = p.rels[0];
    CHECK(r.dir == Direction::In);
    CHECK(r.types.size() == 2);
    CHECK(r.var_length);
    CHECK(r.min_hops == 1);
    CHECK(r.max_hops == 3);
    CHECK(text.substr(r.span.offset, r.span.length) == "<-[r:ATTENDED|HOLDS_POSITION*1..3]-");
    CHECK(text.substr(p.nodes[0].span.offset, p.nodes[0].span.length) == "(a:Person)");
}

TEST_CASE("operator precedence: AND binds tighter than OR, NOT than AND") {
    Query q = parse("RETURN NOT a OR b AND c");
    const Expr& e = *q.clauses[0].projection.items[0].expr;
    REQUIRE(e.kind == ExprKind::Or);
    CHECK(e.args[0]->kind == ExprKind::Not);
    CHECK(e.args[1]->kind == ExprKind::And);
}

TEST_CASE("an unaliased column is named by its text") {
    Query q = parse("RETURN toLower( 'A' ) , 1+2");
    CHECK(q.clauses[0].projection.items[0].alias.text == "toLower( 'A' )");
    CHECK(q.clauses[0].projection.items[1].alias.text == "1+2");
}

TEST_CASE("errors name line and column and put the caret under the culprit") {
    std::string m = parse_error("MATCH (p:Person)\nWHERE p.name = 'Đào' AND\nRETURN p");
    CHECK(m == "line 3, column 1: expected an expression, found 'RETURN'\nRETURN p\n^^^^^^");
    // Columns count characters, and the caret is aligned by display width.
    m = parse_error("RETURN 'Đào Hồng Vận' +");
    CHECK(m.rfind("line 1, column 24: expected an expression, found the end of the query", 0) == 0);
    CHECK(m.substr(m.rfind('\n') + 1) == std::string(23, ' ') + "^");
}

TEST_CASE("writing clauses are refused at the keyword") {
    for (const char* kw : {"CREATE", "MERGE", "DELETE", "SET", "REMOVE", "FOREACH", "DROP"}) {
        std::string q = std::string("MATCH (n) ") + kw + " n";
        std::string m = parse_error(q);
        CHECK(m.find(std::string(kw) + " is not supported: vnkg is read-only") !=
              std::string::npos);
        CHECK(m.find("column 11") != std::string::npos);
    }
}

TEST_CASE("format_message handles spans at the end and across lines") {
    CHECK(format_message("abc", "x", Span{3, 0}) == "line 1, column 4: x\nabc\n   ^");
    CHECK(format_message("a\nbc", "x", Span{2, 5}) == "line 2, column 1: x\nbc\n^^");
    CHECK(format_message("", "x", Span{0, 0}) == "line 1, column 1: x\n\n^");
}

TEST_CASE("display width counts Vietnamese letters once, in NFC and NFD alike") {
    CHECK(display_width("Đào Hồng Vận") == 12);
    CHECK(display_width("Đa\xCC\x80o") == 3); // a + combining grave
    CHECK(display_width("中文") == 4);
}

TEST_CASE("nearest suggests close names only") {
    std::vector<std::string> known{"ATTENDED", "HOLDS_POSITION", "ORGANISED"};
    CHECK(nearest("ATENDED", known) == "ATTENDED");
    CHECK(nearest("attended", known) == "ATTENDED");
    CHECK(nearest("ORGANIZED", known) == "ORGANISED");
    CHECK(nearest("FLIES_TO", known).empty());
    CHECK(edit_distance("nmae", "name") == 1);
    CHECK(edit_distance("Vận", "Văn") == 1);
}

TEST_CASE("long flat chains are refused, not a stack overflow") {
    std::string sum = "RETURN 1";
    std::string props = "RETURN x";
    std::string path = "MATCH (a)";
    for (int i = 0; i < 200000; ++i) {
        sum += "+1";
        props += ".a";
    }
    for (int i = 0; i < 5000; ++i) {
        path += "-->()";
    }
    CHECK(parse_error(sum).find("too long a chain") != std::string::npos);
    CHECK(parse_error(props).find("too long a chain") != std::string::npos);
    CHECK(parse_error(path + " RETURN a").find("at most 100 relationships") != std::string::npos);
    std::string many;
    for (int i = 0; i < 5000; ++i) {
        many += "UNWIND [1] AS x" + std::to_string(i) + " ";
    }
    CHECK(parse_error(many + "RETURN 1").find("too many clauses") != std::string::npos);
    // A long but reasonable query still parses.
    std::string ors = "MATCH (n) WHERE n.x = 0";
    for (int i = 1; i < 300; ++i) {
        ors += " OR n.x = " + std::to_string(i);
    }
    CHECK(parse_error(ors + " RETURN n").empty());
}
