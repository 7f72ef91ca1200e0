#include "query/parser.hpp"

#include "query/lexer.hpp"

#include <algorithm>
#include <cctype>

namespace vnkg::query {

namespace {

constexpr int kMaxDepth = 200;
constexpr int kMaxHeight = 1000;
// The executor recurses once per pattern step and per clause: bound both.
constexpr std::size_t kMaxClauses = 200;
constexpr std::size_t kMaxRels = 100;

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

const char* const kReserved[] = {
    "MATCH", "OPTIONAL", "WHERE",  "RETURN", "WITH",    "UNWIND", "AS",     "ORDER",
    "BY",    "SKIP",     "LIMIT",  "ASC",    "DESC",    "ASCENDING", "DESCENDING", "DISTINCT",
    "AND",   "OR",       "XOR",    "NOT",    "IN",      "IS",     "NULL",   "TRUE",
    "FALSE", "STARTS",   "ENDS",   "CONTAINS", "CREATE", "MERGE", "DELETE", "DETACH",
    "SET",   "REMOVE",   "CALL",   "FOREACH", "LOAD",   "UNION",  "CASE",   "WHEN",
    "THEN",  "ELSE",     "END",    "YIELD",  "DROP",
};

/// Clauses that would change the graph, or that vnkg does not have.
const char* const kWriting[] = {"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP",
                                "FOREACH", "LOAD"};
const char* const kMissing[] = {"CALL", "UNION", "YIELD", "USE"};

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text), toks_(tokenize(text)) {}

    Query run() {
        Query q;
        if (peek().kind == Tok::End || peek().kind == Tok::Semicolon) {
            throw QueryError("the query is empty: expected MATCH, UNWIND, WITH or RETURN",
                             peek().span);
        }
        for (;;) {
            if (peek().kind == Tok::Semicolon) {
                Span semi = peek().span;
                ++pos_;
                if (peek().kind != Tok::End) {
                    throw QueryError("only one query at a time: expected the end after ';'",
                                     peek().span);
                }
                (void)semi;
                break;
            }
            if (peek().kind == Tok::End) {
                break;
            }
            if (!q.clauses.empty() && q.clauses.back().kind == ClauseKind::Return) {
                check_unsupported(peek());
                throw QueryError("RETURN ends the query: expected nothing after it, found " +
                                     shown(peek()),
                                 peek().span);
            }
            if (q.clauses.size() == kMaxClauses) {
                throw QueryError("too many clauses (at most 200)", peek().span);
            }
            q.clauses.push_back(clause());
        }
        if (q.clauses.back().kind != ClauseKind::Return) {
            throw QueryError("a query must end with RETURN", Span{text_.size(), 0});
        }
        return q;
    }

private:
    const Token& peek(std::size_t ahead = 0) const {
        return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
    }
    const Token& take() {
        const Token& t = peek();
        if (pos_ < toks_.size() - 1) {
            ++pos_;
        }
        return t;
    }

    static bool is_kw(const Token& t, const char* kw) {
        return t.kind == Tok::Ident && !t.quoted && upper(t.text) == kw;
    }
    bool at_kw(const char* kw, std::size_t ahead = 0) const { return is_kw(peek(ahead), kw); }
    bool accept_kw(const char* kw) {
        if (at_kw(kw)) {
            take();
            return true;
        }
        return false;
    }

    std::string shown(const Token& t) const {
        if (t.kind == Tok::End) {
            return "the end of the query";
        }
        return "'" + std::string(text_.substr(t.span.offset, t.span.length)) + "'";
    }

    [[noreturn]] void fail(const std::string& expected) const {
        throw QueryError("expected " + expected + ", found " + shown(peek()), peek().span);
    }

    void expect_kw(const char* kw, const std::string& context) {
        if (!accept_kw(kw)) {
            fail(std::string(kw) + context);
        }
    }

    const Token& expect(Tok kind, const std::string& context = "") {
        if (peek().kind != kind) {
            fail(describe(kind) + context);
        }
        return take();
    }

    static bool reserved(const Token& t) {
        if (t.kind != Tok::Ident || t.quoted) {
            return false;
        }
        std::string u = upper(t.text);
        return std::any_of(std::begin(kReserved), std::end(kReserved),
                           [&](const char* r) { return u == r; });
    }

    void check_unsupported(const Token& t) const {
        if (t.kind != Tok::Ident || t.quoted) {
            return;
        }
        std::string u = upper(t.text);
        if (u == "DETACH") {
            u = "DETACH DELETE";
        }
        for (const char* w : kWriting) {
            if (u == w || (u == "DETACH DELETE" && std::string_view(w) == "DETACH")) {
                throw QueryError(u + " is not supported: vnkg is read-only", t.span);
            }
        }
        for (const char* w : kMissing) {
            if (u == w) {
                throw QueryError(u + " is not supported by vnkg's query language", t.span);
            }
        }
    }

    Name name(const std::string& what) {
        const Token& t = peek();
        if (t.kind != Tok::Ident) {
            fail(what);
        }
        take();
        return Name{t.text, t.span};
    }

    Name variable(const std::string& what) {
        if (reserved(peek())) {
            check_unsupported(peek());
            throw QueryError(upper(peek().text) +
                                 " is a keyword: expected " + what +
                                 " (write it in backquotes to use it as a name)",
                             peek().span);
        }
        return name(what);
    }

    struct Depth {
        explicit Depth(Parser& p) : p_(p) {
            if (++p_.depth_ > kMaxDepth) {
                throw QueryError("the query nests too deeply",
                                 p_.peek().span);
            }
        }
        ~Depth() { --p_.depth_; }
        Depth(const Depth&) = delete;
        Depth& operator=(const Depth&) = delete;
        Parser& p_;
    };

    // ---- clauses

    Clause clause() {
        const Token& t = peek();
        Clause c;
        c.span = t.span;
        if (at_kw("OPTIONAL")) {
            take();
            expect_kw("MATCH", " after OPTIONAL");
            c.kind = ClauseKind::Match;
            c.optional = true;
            match_body(c);
        } else if (at_kw("MATCH")) {
            take();
            c.kind = ClauseKind::Match;
            match_body(c);
        } else if (at_kw("UNWIND")) {
            take();
            c.kind = ClauseKind::Unwind;
            c.unwind = expr();
            expect_kw("AS", " after the list to UNWIND");
            c.alias = variable("a variable name after AS");
        } else if (at_kw("WITH")) {
            take();
            c.kind = ClauseKind::With;
            projection(c.projection, false);
            if (accept_kw("WHERE")) {
                c.where = expr();
            }
        } else if (at_kw("RETURN")) {
            take();
            c.kind = ClauseKind::Return;
            projection(c.projection, true);
        } else {
            check_unsupported(t);
            fail("MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN");
        }
        c.span = cover(c.span, toks_[pos_ == 0 ? 0 : pos_ - 1].span);
        return c;
    }

    void match_body(Clause& c) {
        c.patterns.push_back(path_pattern());
        while (peek().kind == Tok::Comma) {
            if (c.patterns.size() == kMaxRels) {
                throw QueryError("a MATCH may have at most 100 patterns", peek().span);
            }
            take();
            c.patterns.push_back(path_pattern());
        }
        if (accept_kw("WHERE")) {
            c.where = expr();
        }
    }

    void projection(Projection& p, bool is_return) {
        p.span = peek().span;
        if (accept_kw("DISTINCT")) {
            p.distinct = true;
        }
        if (peek().kind == Tok::Star) {
            take();
            p.star = true;
            if (peek().kind == Tok::Comma) {
                take();
            } else {
                goto after_items;
            }
        }
        for (;;) {
            ReturnItem item;
            std::size_t start = peek().span.offset;
            item.expr = expr();
            std::size_t end = toks_[pos_ - 1].span.offset + toks_[pos_ - 1].span.length;
            if (accept_kw("AS")) {
                item.alias = variable("an alias after AS");
                item.has_alias = true;
            } else {
                item.alias = Name{std::string(text_.substr(start, end - start)),
                                  Span{start, end - start}};
            }
            p.items.push_back(std::move(item));
            if (peek().kind != Tok::Comma) {
                break;
            }
            take();
        }
    after_items:
        if (at_kw("ORDER")) {
            take();
            expect_kw("BY", " after ORDER");
            for (;;) {
                SortItem s;
                s.expr = expr();
                if (accept_kw("DESC") || accept_kw("DESCENDING")) {
                    s.descending = true;
                } else if (accept_kw("ASC") || accept_kw("ASCENDING")) {
                    s.descending = false;
                }
                p.order.push_back(std::move(s));
                if (peek().kind != Tok::Comma) {
                    break;
                }
                take();
            }
        }
        if (accept_kw("SKIP")) {
            p.skip = expr();
        }
        if (accept_kw("LIMIT")) {
            p.limit = expr();
        }
        const Token& t = peek();
        bool ok_next = t.kind == Tok::End || t.kind == Tok::Semicolon ||
                       (!is_return && t.kind == Tok::Ident && !t.quoted);
        if (!ok_next) {
            check_unsupported(t);
            if (p.order.empty() && !p.skip && !p.limit) {
                fail(std::string("',', AS, ORDER BY, SKIP, LIMIT") +
                     (is_return ? " or the end of the query" : ", WHERE or the next clause"));
            }
            fail(is_return ? "the end of the query" : "the next clause");
        }
        p.span = cover(p.span, toks_[pos_ - 1].span);
    }

    // ---- patterns

    PathPattern path_pattern() {
        PathPattern p;
        p.span = peek().span;
        if (peek().kind == Tok::Ident && peek(1).kind == Tok::Eq) {
            p.var = variable("a path name");
            take();
        }
        if (at_kw("SHORTESTPATH") || at_kw("ALLSHORTESTPATHS")) {
            p.shortest = at_kw("SHORTESTPATH") ? Shortest::One : Shortest::All;
            take();
            expect(Tok::LParen, " after " + std::string(p.shortest == Shortest::One
                                                             ? "shortestPath"
                                                             : "allShortestPaths"));
            chain(p);
            expect(Tok::RParen, " to close the shortest path pattern");
            if (p.rels.size() != 1) {
                throw QueryError("a shortest path pattern needs exactly one relationship: "
                                 "(a)-[*..N]-(b)",
                                 cover(p.span, toks_[pos_ - 1].span));
            }
        } else {
            chain(p);
        }
        p.span = cover(p.span, toks_[pos_ - 1].span);
        return p;
    }

    void chain(PathPattern& p) {
        p.nodes.push_back(node_pattern());
        for (;;) {
            const Token& t = peek();
            if (t.kind == Tok::Minus || (t.kind == Tok::Lt && peek(1).kind == Tok::Minus)) {
                if (p.rels.size() == kMaxRels) {
                    throw QueryError("a pattern may have at most 100 relationships", t.span);
                }
                p.rels.push_back(rel_pattern());
                p.nodes.push_back(node_pattern());
            } else {
                break;
            }
        }
    }

    NodePattern node_pattern() {
        NodePattern n;
        n.span = peek().span;
        expect(Tok::LParen, " to start a node pattern");
        if (peek().kind == Tok::Ident) {
            n.var = variable("a variable, a label or ')'");
        }
        while (peek().kind == Tok::Colon) {
            take();
            std::vector<Name> any;
            any.push_back(name("a label after ':'"));
            while (peek().kind == Tok::Pipe) {
                take();
                if (peek().kind == Tok::Colon) {
                    take();
                }
                any.push_back(name("a label after '|'"));
            }
            n.labels.push_back(std::move(any));
        }
        if (peek().kind == Tok::LBrace) {
            n.props = property_map();
        } else if (peek().kind == Tok::Param) {
            throw QueryError("a parameter as a whole property map is not supported: write "
                             "{name: $name}",
                             peek().span);
        }
        if (peek().kind != Tok::RParen) {
            fail(n.labels.empty() && n.props.keys.empty() ? "':', '{' or ')' in the node pattern"
                                                           : "')' to close the node pattern");
        }
        take();
        n.span = cover(n.span, toks_[pos_ - 1].span);
        return n;
    }

    RelPattern rel_pattern() {
        RelPattern r;
        r.span = peek().span;
        bool left = false;
        if (peek().kind == Tok::Lt) {
            take();
            left = true;
        }
        expect(Tok::Minus, " in the relationship pattern");
        if (peek().kind == Tok::LBracket) {
            take();
            if (peek().kind == Tok::Ident) {
                r.var = variable("a variable, a type or ']'");
            }
            if (peek().kind == Tok::Colon) {
                take();
                r.types.push_back(name("a relationship type after ':'"));
                while (peek().kind == Tok::Pipe) {
                    take();
                    if (peek().kind == Tok::Colon) {
                        take();
                    }
                    r.types.push_back(name("a relationship type after '|'"));
                }
            }
            if (peek().kind == Tok::Star) {
                range(r);
            }
            if (peek().kind == Tok::LBrace) {
                r.props = property_map();
            }
            if (peek().kind != Tok::RBracket) {
                fail("']' to close the relationship pattern");
            }
            take();
        }
        expect(Tok::Minus, " in the relationship pattern");
        bool right = false;
        if (peek().kind == Tok::Gt) {
            take();
            right = true;
        }
        r.span = cover(r.span, toks_[pos_ - 1].span);
        if (left && right) {
            throw QueryError("a relationship points one way or none: expected <-[]- , -[]-> or "
                             "-[]-",
                             r.span);
        }
        r.dir = left ? Direction::In : (right ? Direction::Out : Direction::Both);
        return r;
    }

    void range(RelPattern& r) {
        Span star = take().span;
        r.var_length = true;
        r.min_hops = 1;
        r.max_hops = -1;
        if (peek().kind == Tok::Integer) {
            r.min_hops = static_cast<int>(std::min<std::int64_t>(take().integer, 1000));
            if (peek().kind != Tok::DotDot) {
                r.max_hops = r.min_hops;
            }
        }
        if (peek().kind == Tok::DotDot) {
            take();
            if (peek().kind == Tok::Integer) {
                r.max_hops = static_cast<int>(std::min<std::int64_t>(take().integer, 1000));
            }
        }
        r.range_span = cover(star, toks_[pos_ - 1].span);
    }

    PropertyMap property_map() {
        PropertyMap m;
        expect(Tok::LBrace);
        if (peek().kind == Tok::RBrace) {
            take();
            return m;
        }
        for (;;) {
            Name key = name("a property name");
            expect(Tok::Colon, " after the property name");
            m.keys.push_back(std::move(key));
            m.values.push_back(expr());
            if (peek().kind == Tok::Comma) {
                take();
                continue;
            }
            if (peek().kind != Tok::RBrace) {
                fail("',' or '}' in the property map");
            }
            take();
            return m;
        }
    }

    // ---- expressions

    ExprPtr make(ExprKind kind, Span span) {
        auto e = std::make_unique<Expr>();
        e->kind = kind;
        e->span = span;
        return e;
    }

    ExprPtr binary(ExprKind kind, ExprPtr a, ExprPtr b, Op op = Op::Eq) {
        auto e = make(kind, cover(a->span, b->span));
        e->op = op;
        e->args.push_back(std::move(a));
        e->args.push_back(std::move(b));
        return grown(std::move(e));
    }

    /// Sets `e`'s height from its children. Chains such as 1+1+...+1 or a.b.c... are built by
    /// loops, not recursion, so the nesting guard does not see them: limit the tree's height
    /// here, or evaluating (and freeing) it would overflow the stack.
    ExprPtr grown(ExprPtr e) {
        for (const auto& a : e->args) {
            e->height = std::max(e->height, a->height + 1);
        }
        if (e->height > kMaxHeight) {
            throw QueryError("this expression is too long a chain (more than 1000 operators "
                             "deep): split it",
                             Span{e->span.offset, 1});
        }
        return e;
    }

    ExprPtr expr() {
        Depth d(*this);
        ExprPtr left = xor_expr();
        while (at_kw("OR")) {
            take();
            left = binary(ExprKind::Or, std::move(left), xor_expr());
        }
        return left;
    }

    ExprPtr xor_expr() {
        ExprPtr left = and_expr();
        while (at_kw("XOR")) {
            take();
            left = binary(ExprKind::Xor, std::move(left), and_expr());
        }
        return left;
    }

    ExprPtr and_expr() {
        ExprPtr left = not_expr();
        while (at_kw("AND")) {
            take();
            left = binary(ExprKind::And, std::move(left), not_expr());
        }
        return left;
    }

    ExprPtr not_expr() {
        if (at_kw("NOT")) {
            Depth d(*this);
            Span s = take().span;
            ExprPtr inner = not_expr();
            auto e = make(ExprKind::Not, cover(s, inner->span));
            e->args.push_back(std::move(inner));
            return grown(std::move(e));
        }
        return comparison();
    }

    static bool comparison_op(Tok t, Op& op) {
        switch (t) {
        case Tok::Eq: op = Op::Eq; return true;
        case Tok::Neq: op = Op::Neq; return true;
        case Tok::Lt: op = Op::Lt; return true;
        case Tok::Le: op = Op::Le; return true;
        case Tok::Gt: op = Op::Gt; return true;
        case Tok::Ge: op = Op::Ge; return true;
        default: return false;
        }
    }

    ExprPtr comparison() {
        ExprPtr left = predicate();
        Op op = Op::Eq;
        if (!comparison_op(peek().kind, op)) {
            return left;
        }
        // a < b < c means a < b AND b < c; the shared middle operand is parsed once and copied
        // by re-parsing its tokens, which keeps every node's span honest.
        ExprPtr result;
        for (;;) {
            take();
            std::size_t mid_start = pos_;
            ExprPtr right = predicate();
            Op next_op = Op::Eq;
            bool more = comparison_op(peek().kind, next_op);
            ExprPtr copy;
            if (more) {
                std::size_t end = pos_;
                pos_ = mid_start;
                copy = predicate();
                pos_ = end;
            }
            ExprPtr cmp = binary(ExprKind::Compare, std::move(left), std::move(right), op);
            result = result ? binary(ExprKind::And, std::move(result), std::move(cmp))
                            : std::move(cmp);
            if (!more) {
                return result;
            }
            left = std::move(copy);
            op = next_op;
        }
    }

    ExprPtr predicate() {
        ExprPtr left = additive();
        for (;;) {
            if (peek().kind == Tok::RegexMatch) {
                take();
                left = binary(ExprKind::Regex, std::move(left), additive());
            } else if (at_kw("IN")) {
                take();
                left = binary(ExprKind::In, std::move(left), additive());
            } else if (at_kw("STARTS")) {
                take();
                expect_kw("WITH", " after STARTS");
                left = binary(ExprKind::StartsWith, std::move(left), additive());
            } else if (at_kw("ENDS")) {
                take();
                expect_kw("WITH", " after ENDS");
                left = binary(ExprKind::EndsWith, std::move(left), additive());
            } else if (at_kw("CONTAINS")) {
                take();
                left = binary(ExprKind::Contains, std::move(left), additive());
            } else if (at_kw("IS")) {
                Span is = take().span;
                bool negated = accept_kw("NOT");
                if (!at_kw("NULL")) {
                    fail(negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
                }
                Span end = take().span;
                auto e = make(negated ? ExprKind::IsNotNull : ExprKind::IsNull,
                              cover(left->span, cover(is, end)));
                e->args.push_back(std::move(left));
                left = grown(std::move(e));
            } else {
                return left;
            }
        }
    }

    ExprPtr additive() {
        ExprPtr left = multiplicative();
        for (;;) {
            if (peek().kind == Tok::Plus) {
                take();
                left = binary(ExprKind::Arith, std::move(left), multiplicative(), Op::Add);
            } else if (peek().kind == Tok::Minus) {
                take();
                left = binary(ExprKind::Arith, std::move(left), multiplicative(), Op::Sub);
            } else {
                return left;
            }
        }
    }

    ExprPtr multiplicative() {
        ExprPtr left = power();
        for (;;) {
            Op op = Op::Mul;
            if (peek().kind == Tok::Star) {
                op = Op::Mul;
            } else if (peek().kind == Tok::Slash) {
                op = Op::Div;
            } else if (peek().kind == Tok::Percent) {
                op = Op::Mod;
            } else {
                return left;
            }
            take();
            left = binary(ExprKind::Arith, std::move(left), power(), op);
        }
    }

    ExprPtr power() {
        ExprPtr left = unary();
        while (peek().kind == Tok::Caret) {
            take();
            left = binary(ExprKind::Arith, std::move(left), unary(), Op::Pow);
        }
        return left;
    }

    ExprPtr unary() {
        if (peek().kind == Tok::Minus || peek().kind == Tok::Plus) {
            Depth d(*this);
            Token t = take();
            ExprPtr inner = unary();
            if (t.kind == Tok::Plus) {
                return inner;
            }
            if (inner->kind == ExprKind::Literal && inner->literal.get<std::int64_t>()) {
                inner->literal = -*inner->literal.get<std::int64_t>();
                inner->span = cover(t.span, inner->span);
                return inner;
            }
            auto e = make(ExprKind::Negate, cover(t.span, inner->span));
            e->args.push_back(std::move(inner));
            return grown(std::move(e));
        }
        return postfix();
    }

    ExprPtr postfix() {
        ExprPtr e = atom();
        for (;;) {
            if (peek().kind == Tok::Dot) {
                take();
                Name key = name("a property name after '.'");
                auto p = make(ExprKind::Property, cover(e->span, key.span));
                p->name = key.text;
                p->args.push_back(std::move(e));
                e = grown(std::move(p));
            } else if (peek().kind == Tok::LBracket) {
                take();
                ExprPtr from;
                ExprPtr to;
                bool slice = false;
                if (peek().kind != Tok::DotDot) {
                    from = expr();
                }
                if (peek().kind == Tok::DotDot) {
                    take();
                    slice = true;
                    if (peek().kind != Tok::RBracket) {
                        to = expr();
                    }
                }
                Span end = expect(Tok::RBracket, slice ? " to close the slice" : " to close the index").span;
                if (!slice && !from) {
                    fail("an index");
                }
                auto idx = make(slice ? ExprKind::Slice : ExprKind::Index, cover(e->span, end));
                idx->args.push_back(std::move(e));
                idx->args.push_back(from ? std::move(from) : make(ExprKind::Literal, end));
                if (slice) {
                    idx->args.push_back(to ? std::move(to) : make(ExprKind::Literal, end));
                }
                e = grown(std::move(idx));
            } else if (peek().kind == Tok::Colon && e->kind == ExprKind::Variable) {
                auto h = make(ExprKind::HasLabels, e->span);
                while (peek().kind == Tok::Colon) {
                    take();
                    std::vector<Name> any;
                    any.push_back(name("a label after ':'"));
                    while (peek().kind == Tok::Pipe) {
                        take();
                        if (peek().kind == Tok::Colon) {
                            take();
                        }
                        any.push_back(name("a label after '|'"));
                    }
                    h->labels.push_back(std::move(any));
                }
                h->span = cover(h->span, toks_[pos_ - 1].span);
                h->args.push_back(std::move(e));
                e = grown(std::move(h));
            } else {
                return e;
            }
        }
    }

    bool looks_like_pattern() const {
        // After a parenthesised start: (a)-[ , (a)--( , (a)-->, (a)<-[ , (a)<--
        int depth = 0;
        std::size_t i = pos_;
        for (; i < toks_.size(); ++i) {
            if (toks_[i].kind == Tok::LParen) {
                ++depth;
            } else if (toks_[i].kind == Tok::RParen) {
                if (--depth == 0) {
                    break;
                }
            } else if (toks_[i].kind == Tok::End) {
                return false;
            }
        }
        auto at = [&](std::size_t k) { return toks_[std::min(k, toks_.size() - 1)].kind; };
        Tok a = at(i + 1);
        Tok b = at(i + 2);
        Tok c = at(i + 3);
        if (a == Tok::Minus) {
            return b == Tok::LBracket || (b == Tok::Minus && (c == Tok::LParen || c == Tok::Gt));
        }
        return a == Tok::Lt && b == Tok::Minus && (c == Tok::LBracket || c == Tok::Minus);
    }

    ExprPtr atom() {
        Depth d(*this);
        const Token& t = peek();
        switch (t.kind) {
        case Tok::String: {
            auto e = make(ExprKind::Literal, t.span);
            e->literal = t.text;
            take();
            return e;
        }
        case Tok::Integer: {
            auto e = make(ExprKind::Literal, t.span);
            e->literal = t.integer;
            take();
            return e;
        }
        case Tok::Float: {
            auto e = make(ExprKind::Literal, t.span);
            e->literal = t.number;
            take();
            return e;
        }
        case Tok::Param: {
            auto e = make(ExprKind::Param, t.span);
            e->name = t.text;
            take();
            return e;
        }
        case Tok::LParen: {
            if (looks_like_pattern()) {
                throw QueryError("pattern expressions are not supported here: match the pattern "
                                 "with MATCH or OPTIONAL MATCH instead",
                                 t.span);
            }
            take();
            ExprPtr inner = expr();
            expect(Tok::RParen, " to close '('");
            return inner;
        }
        case Tok::LBracket: {
            if (peek(1).kind == Tok::Ident && !reserved(peek(1)) && is_kw(peek(2), "IN")) {
                return comprehension();
            }
            Span start = take().span;
            auto e = make(ExprKind::List, start);
            if (peek().kind != Tok::RBracket) {
                for (;;) {
                    e->args.push_back(expr());
                    if (peek().kind != Tok::Comma) {
                        break;
                    }
                    take();
                }
            }
            e->span = cover(start, expect(Tok::RBracket, " or ',' in the list").span);
            return grown(std::move(e));
        }
        case Tok::LBrace: {
            Span start = peek().span;
            PropertyMap m = property_map();
            auto e = make(ExprKind::Map, cover(start, toks_[pos_ - 1].span));
            e->keys = std::move(m.keys);
            e->args = std::move(m.values);
            return grown(std::move(e));
        }
        case Tok::Ident:
            return name_atom();
        default:
            fail("an expression");
        }
    }

    ExprPtr comprehension() {
        Span start = take().span;
        auto e = make(ExprKind::Comprehension, start);
        Name var = variable("a variable");
        e->name = var.text;
        take(); // IN
        e->args.push_back(expr());
        if (accept_kw("WHERE")) {
            e->args.push_back(expr());
        } else {
            auto yes = make(ExprKind::Literal, var.span);
            yes->literal = true;
            e->args.push_back(std::move(yes));
        }
        if (peek().kind == Tok::Pipe) {
            take();
            e->args.push_back(expr());
        } else {
            auto same = make(ExprKind::Variable, var.span);
            same->name = var.text;
            e->args.push_back(std::move(same));
        }
        e->span = cover(start, expect(Tok::RBracket, " to close the list comprehension").span);
        return grown(std::move(e));
    }

    ExprPtr name_atom() {
        const Token& t = peek();
        if (!t.quoted) {
            std::string u = upper(t.text);
            if (u == "TRUE" || u == "FALSE") {
                auto e = make(ExprKind::Literal, t.span);
                e->literal = (u == "TRUE");
                take();
                return e;
            }
            if (u == "NULL") {
                auto e = make(ExprKind::Literal, t.span);
                take();
                return e;
            }
            if (u == "CASE") {
                throw QueryError("CASE expressions are not supported", t.span);
            }
            if ((u == "EXISTS" || u == "COUNT") && peek(1).kind == Tok::LBrace) {
                throw QueryError("subqueries are not supported", t.span);
            }
            // any(x IN list WHERE ...), reduce(acc = 0, x IN list | ...)
            if ((u == "ANY" || u == "ALL" || u == "NONE" || u == "SINGLE" || u == "REDUCE") &&
                peek(1).kind == Tok::LParen && peek(2).kind == Tok::Ident &&
                (is_kw(peek(3), "IN") || u == "REDUCE")) {
                throw QueryError("list predicates and reduce() (any, all, none, single, reduce) "
                                 "are not supported: UNWIND the list and filter with WHERE",
                                 t.span);
            }
        }
        if (peek(1).kind == Tok::LParen) {
            Token fn = take();
            take();
            auto e = make(ExprKind::Function, fn.span);
            e->name = fn.text;
            if (upper(fn.text) == "COUNT" && peek().kind == Tok::Star) {
                take();
                e->kind = ExprKind::CountStar;
                e->span = cover(fn.span, expect(Tok::RParen, " after count(*").span);
                return e;
            }
            if (accept_kw("DISTINCT")) {
                e->distinct = true;
            }
            if (peek().kind != Tok::RParen) {
                for (;;) {
                    e->args.push_back(expr());
                    if (peek().kind != Tok::Comma) {
                        break;
                    }
                    take();
                }
            }
            e->span = cover(fn.span, expect(Tok::RParen, " or ',' in the arguments").span);
            return grown(std::move(e));
        }
        if (reserved(t)) {
            check_unsupported(t);
            fail("an expression");
        }
        Name n = name("an expression");
        auto e = make(ExprKind::Variable, n.span);
        e->name = n.text;
        return grown(std::move(e));
    }

    std::string_view text_;
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

} // namespace

Query parse(std::string_view text) { return Parser(text).run(); }

} // namespace vnkg::query
