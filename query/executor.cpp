#include "query/executor.hpp"

#include "graph/text.hpp"
#include "query/binder.hpp"
#include "query/planner.hpp"

#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace vnkg::query {

namespace {

using Row = std::vector<Value>;
using graph::EdgeId;
using graph::NodeId;

std::string code_points_substr(const std::string& s, std::int64_t start, std::int64_t len) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    std::int64_t n = u.countChar32();
    if (start >= n) {
        return {};
    }
    std::int64_t end = len < 0 ? n : std::min(n, start + len);
    int32_t from = u.moveIndex32(0, static_cast<int32_t>(start));
    int32_t to = u.moveIndex32(0, static_cast<int32_t>(end));
    std::string out;
    u.tempSubStringBetween(from, to).toUTF8String(out);
    return out;
}

std::int64_t code_point_count(const std::string& s) {
    return icu::UnicodeString::fromUTF8(s).countChar32();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// The process's resident memory, from /proc/self/statm; 0 when it cannot be read.
std::size_t resident_bytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (f == nullptr) {
        return 0;
    }
    unsigned long size = 0;
    unsigned long resident = 0;
    int got = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    long page = ::sysconf(_SC_PAGESIZE);
    return got == 2 && page > 0 ? resident * static_cast<std::size_t>(page) : 0;
}

class Executor;

struct Operator {
    virtual ~Operator() = default;
    virtual bool push(Row& row) = 0;
    virtual bool finish() = 0;
};

class Executor {
public:
    Executor(const Query& q, Database& db, const ExecOptions& opts)
        : q_(q), db_(db), g_(db.graph()), opts_(opts) {}

    void tick() {
        if ((++ticks_ & 1023) != 0) {
            return;
        }
        if (std::chrono::steady_clock::now() > opts_.deadline) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", opts_.timeout_seconds);
            throw TimeoutError(std::string("the query was stopped after ") + buf +
                               " s (raise --timeout, or narrow the pattern)");
        }
        // A runaway query is stopped before the machine runs out of memory, not killed by it.
        if ((ticks_ & 0xFFFF) == 0 && opts_.max_memory_bytes > 0) {
            std::size_t used = resident_bytes();
            if (used > opts_.max_memory_bytes) {
                char buf[96];
                std::snprintf(buf, sizeof buf, "%.1f GB of memory (the limit is %.1f GB)",
                              static_cast<double>(used) / 1e9,
                              static_cast<double>(opts_.max_memory_bytes) / 1e9);
                throw TimeoutError(std::string("the query was stopped: it used ") + buf +
                                   "; narrow the pattern, or add LIMIT");
            }
        }
    }

    [[noreturn]] static void type_error(const Expr& e, const std::string& what) {
        throw QueryError(what, e.span);
    }

    static bool truth(const Value& v, const Expr& e) {
        if (v.is_null()) {
            return false;
        }
        if (const bool* b = v.get<bool>()) {
            return *b;
        }
        type_error(e, "expected a BOOLEAN here, got " + std::string(type_name(v)));
    }

    /// Ternary boolean: 0 false, 1 true, 2 null.
    static int tern(const Value& v, const Expr& e) {
        if (v.is_null()) {
            return 2;
        }
        if (const bool* b = v.get<bool>()) {
            return *b ? 1 : 0;
        }
        type_error(e, "expected a BOOLEAN here, got " + std::string(type_name(v)));
    }

    static Value from_tern(int t) { return t == 2 ? Value() : Value(t == 1); }

    const std::string& need_string(const Value& v, const Expr& e, const char* fn) {
        const std::string* s = v.get<std::string>();
        if (!s) {
            type_error(e, std::string(fn) + "() needs a STRING, got " + std::string(type_name(v)));
        }
        return *s;
    }

    std::int64_t need_int(const Value& v, const Expr& e, const char* what) {
        if (const auto* i = v.get<std::int64_t>()) {
            return *i;
        }
        type_error(e, std::string(what) + " needs an INTEGER, got " + std::string(type_name(v)));
    }

    Value eval(const Expr& e, const Row& row);

    bool node_ok(const NodePattern& n, NodeId id, const Row& row) {
        if (n.label_bits) {
            std::uint64_t bits = db_.label_bits(id);
            for (std::uint64_t mask : n.label_masks) {
                if ((bits & mask) == 0) {
                    return false;
                }
            }
        } else {
            const auto& labels = g_.node(id).labels;
            for (const auto& any : n.labels) {
                bool found = false;
                for (const Name& l : any) {
                    if (std::find(labels.begin(), labels.end(), l.text) != labels.end()) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
        }
        return props_match(n.props, row,
                           [&](std::string_view key) { return node_property(g_, id, key); });
    }

    /// True when every `{key: value}` of a pattern equals the element's property (`have`).
    template <class Have> bool props_match(const PropertyMap& props, const Row& row, Have have) {
        for (std::size_t i = 0; i < props.keys.size(); ++i) {
            Value eq = equals(have(props.keys[i].text), eval(*props.values[i], row));
            if (!eq.get<bool>() || !*eq.get<bool>()) {
                return false;
            }
        }
        return true;
    }

    bool rel_ok(const RelPattern& r, EdgeId id, const Row& row) {
        if (!r.type_numbers.empty()) {
            int type = db_.type_of(id);
            if (std::find(r.type_numbers.begin(), r.type_numbers.end(), type) ==
                r.type_numbers.end()) {
                return false;
            }
        }
        return props_match(r.props, row,
                           [&](std::string_view key) { return rel_property(g_, id, key); });
    }

    static bool rel_used(EdgeId id, const std::vector<int>& prior, const Row& row) {
        for (int s : prior) {
            const Value& v = row[static_cast<std::size_t>(s)];
            if (const auto* r = v.get<RelRef>()) {
                if (r->id == id) {
                    return true;
                }
            } else if (const auto* l = v.get<List>()) {
                for (const Value& x : *l) {
                    if (x.get<RelRef>() && x.get<RelRef>()->id == id) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// Calls f(edge, other end) for each edge at `v` in direction `dir`; stops when f is false.
    template <class F> bool each_edge(NodeId v, Direction dir, F&& f) {
        const auto& bg = g_.boost_graph();
        if (dir != Direction::In) {
            for (auto [it, end] = boost::out_edges(v, bg); it != end; ++it) {
                tick();
                if (!f(bg[*it].id, static_cast<NodeId>(boost::target(*it, bg)))) {
                    return false;
                }
            }
        }
        if (dir != Direction::Out) {
            for (auto [it, end] = boost::in_edges(v, bg); it != end; ++it) {
                tick();
                NodeId other = static_cast<NodeId>(boost::source(*it, bg));
                if (dir == Direction::Both && other == v) {
                    continue; // a loop was seen among the out-edges already
                }
                if (!f(bg[*it].id, other)) {
                    return false;
                }
            }
        }
        return true;
    }

    const Query& q_;
    Database& db_;
    const graph::Graph& g_;
    const ExecOptions& opts_;
    std::uint64_t ticks_ = 0;
    const std::vector<Value>* aggs_ = nullptr;
    std::map<std::string, std::unique_ptr<icu::RegexPattern>> regex_;
};

// ---- expressions

Value arith(const Expr& e, const Value& a, const Value& b) {
    if (a.is_null() || b.is_null()) {
        return Null{};
    }
    if (e.op == Op::Add) {
        if (const auto* la = a.get<List>()) {
            List out = *la;
            if (const auto* lb = b.get<List>()) {
                out.insert(out.end(), lb->begin(), lb->end());
            } else {
                out.push_back(b);
            }
            return out;
        }
        if (const auto* lb = b.get<List>()) {
            List out;
            out.push_back(a);
            out.insert(out.end(), lb->begin(), lb->end());
            return out;
        }
        const auto* sa = a.get<std::string>();
        const auto* sb = b.get<std::string>();
        if (sa || sb) {
            auto text = [](const Value& v) -> std::string {
                if (const auto* s = v.get<std::string>()) {
                    return *s;
                }
                if (const auto* i = v.get<std::int64_t>()) {
                    return std::to_string(*i);
                }
                if (const auto* d = v.get<double>()) {
                    static const graph::Graph none;
                    return to_text(Value(*d), none, false);
                }
                if (const auto* b = v.get<bool>()) {
                    return *b ? "true" : "false";
                }
                return "";
            };
            bool ok = (sa || a.is_number() || a.get<bool>()) && (sb || b.is_number() || b.get<bool>());
            if (!ok) {
                throw QueryError("cannot add " + std::string(type_name(a)) + " and " +
                                     std::string(type_name(b)),
                                 e.span);
            }
            return text(a) + text(b);
        }
    }
    if (!a.is_number() || !b.is_number()) {
        throw QueryError("arithmetic needs numbers, got " + std::string(type_name(a)) + " and " +
                             std::string(type_name(b)),
                         e.span);
    }
    const auto* ia = a.get<std::int64_t>();
    const auto* ib = b.get<std::int64_t>();
    if (ia && ib && e.op != Op::Pow) {
        std::int64_t r = 0;
        bool overflow = false;
        switch (e.op) {
        case Op::Add: overflow = __builtin_add_overflow(*ia, *ib, &r); break;
        case Op::Sub: overflow = __builtin_sub_overflow(*ia, *ib, &r); break;
        case Op::Mul: overflow = __builtin_mul_overflow(*ia, *ib, &r); break;
        case Op::Div:
        case Op::Mod:
            if (*ib == 0) {
                throw QueryError("division by zero", e.span);
            }
            if (*ia == INT64_MIN && *ib == -1) {
                overflow = true;
                break;
            }
            r = e.op == Op::Div ? *ia / *ib : *ia % *ib;
            break;
        default: break;
        }
        if (overflow) {
            throw QueryError("integer overflow", e.span);
        }
        return r;
    }
    double x = ia ? static_cast<double>(*ia) : *a.get<double>();
    double y = ib ? static_cast<double>(*ib) : *b.get<double>();
    switch (e.op) {
    case Op::Add: return x + y;
    case Op::Sub: return x - y;
    case Op::Mul: return x * y;
    case Op::Div: return x / y;
    case Op::Mod: return std::fmod(x, y);
    default: return std::pow(x, y);
    }
}

Value Executor::eval(const Expr& e, const Row& row) {
    switch (e.kind) {
    case ExprKind::Literal:
        return e.literal;
    case ExprKind::Param: {
        auto it = opts_.params.find(e.name);
        if (it == opts_.params.end()) {
            throw QueryError("parameter $" + e.name + " is not given: pass --param " + e.name +
                                 "=VALUE",
                             e.span);
        }
        return it->second;
    }
    case ExprKind::Variable:
        return row[static_cast<std::size_t>(e.slot)];
    case ExprKind::Property: {
        Value base = eval(*e.args[0], row);
        if (base.is_null()) {
            return Null{};
        }
        if (const auto* n = base.get<NodeRef>()) {
            return node_property(g_, n->id, e.name);
        }
        if (const auto* r = base.get<RelRef>()) {
            return rel_property(g_, r->id, e.name);
        }
        if (const auto* m = base.get<Map>()) {
            for (const auto& [k, v] : m->entries) {
                if (k == e.name) {
                    return v;
                }
            }
            return Null{};
        }
        type_error(e, "cannot read property '" + e.name + "' of " +
                          std::string(type_name(base)));
    }
    case ExprKind::Index: {
        Value base = eval(*e.args[0], row);
        Value idx = eval(*e.args[1], row);
        if (base.is_null() || idx.is_null()) {
            return Null{};
        }
        if (const auto* l = base.get<List>()) {
            std::int64_t i = need_int(idx, *e.args[1], "a list index");
            std::int64_t n = static_cast<std::int64_t>(l->size());
            if (i < 0) {
                i += n;
            }
            return (i < 0 || i >= n) ? Value() : (*l)[static_cast<std::size_t>(i)];
        }
        const std::string* key = idx.get<std::string>();
        if (!key) {
            type_error(*e.args[1], "a key needs a STRING, got " + std::string(type_name(idx)));
        }
        if (const auto* m = base.get<Map>()) {
            for (const auto& [k, v] : m->entries) {
                if (k == *key) {
                    return v;
                }
            }
            return Null{};
        }
        if (const auto* n = base.get<NodeRef>()) {
            return node_property(g_, n->id, *key);
        }
        if (const auto* r = base.get<RelRef>()) {
            return rel_property(g_, r->id, *key);
        }
        type_error(e, "cannot index " + std::string(type_name(base)));
    }
    case ExprKind::Slice: {
        Value base = eval(*e.args[0], row);
        if (base.is_null()) {
            return Null{};
        }
        const auto* l = base.get<List>();
        if (!l) {
            type_error(e, "cannot slice " + std::string(type_name(base)));
        }
        std::int64_t n = static_cast<std::int64_t>(l->size());
        Value from = eval(*e.args[1], row);
        Value to = eval(*e.args[2], row);
        bool open_from = e.args[1]->kind == ExprKind::Literal && from.is_null();
        bool open_to = e.args[2]->kind == ExprKind::Literal && to.is_null();
        if ((!open_from && from.is_null()) || (!open_to && to.is_null())) {
            return Null{};
        }
        std::int64_t a = open_from ? 0 : need_int(from, *e.args[1], "a slice");
        std::int64_t b = open_to ? n : need_int(to, *e.args[2], "a slice");
        if (a < 0) {
            a += n;
        }
        if (b < 0) {
            b += n;
        }
        a = std::clamp<std::int64_t>(a, 0, n);
        b = std::clamp<std::int64_t>(b, 0, n);
        List out;
        for (std::int64_t i = a; i < b; ++i) {
            out.push_back((*l)[static_cast<std::size_t>(i)]);
        }
        return out;
    }
    case ExprKind::HasLabels: {
        Value base = eval(*e.args[0], row);
        if (base.is_null()) {
            return Null{};
        }
        const auto* n = base.get<NodeRef>();
        if (!n) {
            type_error(e, "only nodes have labels, not " + std::string(type_name(base)));
        }
        const auto& labels = g_.node(n->id).labels;
        for (const auto& any : e.labels) {
            bool found = false;
            for (const Name& l : any) {
                found = found || std::find(labels.begin(), labels.end(), l.text) != labels.end();
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
    case ExprKind::CountStar:
        return (*aggs_)[static_cast<std::size_t>(e.agg)];
    case ExprKind::Not: {
        int t = tern(eval(*e.args[0], row), *e.args[0]);
        return t == 2 ? Value() : Value(t == 0);
    }
    case ExprKind::Negate: {
        Value v = eval(*e.args[0], row);
        if (v.is_null()) {
            return Null{};
        }
        if (const auto* i = v.get<std::int64_t>()) {
            if (*i == INT64_MIN) {
                throw QueryError("integer overflow", e.span);
            }
            return -*i;
        }
        if (const auto* d = v.get<double>()) {
            return -*d;
        }
        type_error(e, "cannot negate " + std::string(type_name(v)));
    }
    case ExprKind::And: {
        int a = tern(eval(*e.args[0], row), *e.args[0]);
        if (a == 0) {
            return false;
        }
        int b = tern(eval(*e.args[1], row), *e.args[1]);
        if (b == 0) {
            return false;
        }
        return from_tern(a == 1 && b == 1 ? 1 : 2);
    }
    case ExprKind::Or: {
        int a = tern(eval(*e.args[0], row), *e.args[0]);
        if (a == 1) {
            return true;
        }
        int b = tern(eval(*e.args[1], row), *e.args[1]);
        if (b == 1) {
            return true;
        }
        return from_tern(a == 0 && b == 0 ? 0 : 2);
    }
    case ExprKind::Xor: {
        int a = tern(eval(*e.args[0], row), *e.args[0]);
        int b = tern(eval(*e.args[1], row), *e.args[1]);
        if (a == 2 || b == 2) {
            return Null{};
        }
        return a != b;
    }
    case ExprKind::Compare: {
        Value a = eval(*e.args[0], row);
        Value b = eval(*e.args[1], row);
        if (e.op == Op::Eq || e.op == Op::Neq) {
            Value eq = equals(a, b);
            if (eq.is_null()) {
                return eq;
            }
            return e.op == Op::Eq ? *eq.get<bool>() : !*eq.get<bool>();
        }
        auto c = compare(a, b);
        if (!c) {
            return Null{};
        }
        switch (e.op) {
        case Op::Lt: return *c < 0;
        case Op::Le: return *c <= 0;
        case Op::Gt: return *c > 0;
        default: return *c >= 0;
        }
    }
    case ExprKind::Arith:
        return arith(e, eval(*e.args[0], row), eval(*e.args[1], row));
    case ExprKind::In: {
        Value x = eval(*e.args[0], row);
        Value list = eval(*e.args[1], row);
        if (list.is_null()) {
            return Null{};
        }
        const auto* l = list.get<List>();
        if (!l) {
            type_error(*e.args[1], "IN needs a LIST on its right, got " +
                                       std::string(type_name(list)));
        }
        bool unknown = false;
        for (const Value& y : *l) {
            Value eq = equals(x, y, false);
            if (eq.is_null()) {
                unknown = true;
            } else if (*eq.get<bool>()) {
                return true;
            }
        }
        return unknown ? Value() : Value(false);
    }
    case ExprKind::StartsWith:
    case ExprKind::EndsWith:
    case ExprKind::Contains: {
        Value a = eval(*e.args[0], row);
        Value b = eval(*e.args[1], row);
        const auto* s = a.get<std::string>();
        const auto* t = b.get<std::string>();
        if (!s || !t) {
            return Null{};
        }
        if (e.kind == ExprKind::StartsWith) {
            return s->compare(0, t->size(), *t) == 0 && s->size() >= t->size();
        }
        if (e.kind == ExprKind::EndsWith) {
            return s->size() >= t->size() && s->compare(s->size() - t->size(), t->size(), *t) == 0;
        }
        return s->find(*t) != std::string::npos;
    }
    case ExprKind::Regex: {
        Value a = eval(*e.args[0], row);
        Value b = eval(*e.args[1], row);
        const auto* s = a.get<std::string>();
        const auto* t = b.get<std::string>();
        if (!s || !t) {
            return Null{};
        }
        auto it = regex_.find(*t);
        if (it == regex_.end()) {
            UErrorCode status = U_ZERO_ERROR;
            UParseError perr;
            std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
                icu::UnicodeString::fromUTF8(*t), 0, perr, status));
            if (U_FAILURE(status) || !p) {
                throw QueryError(std::string("invalid regular expression (") + u_errorName(status) +
                                     ")",
                                 e.args[1]->span);
            }
            it = regex_.emplace(*t, std::move(p)).first;
        }
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString subject = icu::UnicodeString::fromUTF8(*s);
        std::unique_ptr<icu::RegexMatcher> m(it->second->matcher(subject, status));
        if (U_FAILURE(status) || !m) {
            throw QueryError("invalid regular expression", e.args[1]->span);
        }
        m->setTimeLimit(2000, status);
        bool matched = m->matches(status);
        if (status == U_REGEX_TIME_OUT) {
            throw QueryError("this regular expression takes too long on " + *s, e.span);
        }
        return U_SUCCESS(status) && matched;
    }
    case ExprKind::IsNull:
        return eval(*e.args[0], row).is_null();
    case ExprKind::IsNotNull:
        return !eval(*e.args[0], row).is_null();
    case ExprKind::List: {
        List out;
        out.reserve(e.args.size());
        for (const auto& a : e.args) {
            out.push_back(eval(*a, row));
        }
        return out;
    }
    case ExprKind::Map: {
        Map m;
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            Value v = eval(*e.args[i], row);
            auto pos = std::find_if(m.entries.begin(), m.entries.end(),
                                    [&](const auto& kv) { return kv.first == e.keys[i].text; });
            if (pos != m.entries.end()) {
                pos->second = std::move(v);
            } else {
                m.entries.emplace_back(e.keys[i].text, std::move(v));
            }
        }
        std::sort(m.entries.begin(), m.entries.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        return m;
    }
    case ExprKind::Comprehension: {
        Value list = eval(*e.args[0], row);
        if (list.is_null()) {
            return Null{};
        }
        const auto* l = list.get<List>();
        if (!l) {
            type_error(*e.args[0], "a list comprehension needs a LIST, got " +
                                       std::string(type_name(list)));
        }
        Row inner = row;
        List out;
        for (const Value& x : *l) {
            tick();
            inner[static_cast<std::size_t>(e.slot)] = x;
            if (truth(eval(*e.args[1], inner), *e.args[1])) {
                out.push_back(eval(*e.args[2], inner));
            }
        }
        return out;
    }
    case ExprKind::Function:
        break;
    }
    if (e.agg >= 0) {
        return (*aggs_)[static_cast<std::size_t>(e.agg)];
    }
    auto fn = static_cast<Fn>(e.func);
    if (fn == Fn::Coalesce) {
        for (const auto& a : e.args) {
            Value v = eval(*a, row);
            if (!v.is_null()) {
                return v;
            }
        }
        return Null{};
    }
    std::vector<Value> args;
    args.reserve(e.args.size());
    for (const auto& a : e.args) {
        args.push_back(eval(*a, row));
    }
    const Value& x = args[0];
    const Expr& x_expr = *e.args[0];
    if (x.is_null() && fn != Fn::ToString) {
        return Null{};
    }
    const char* name = e.name.c_str();
    auto list_arg = [&]() -> const List& {
        const auto* l = x.get<List>();
        if (!l) {
            type_error(x_expr, std::string(name) + "() needs a LIST, got " +
                                   std::string(type_name(x)));
        }
        return *l;
    };
    auto path_arg = [&]() -> const Path& {
        const auto* p = x.get<Path>();
        if (!p) {
            type_error(x_expr, std::string(name) + "() needs a PATH, got " +
                                   std::string(type_name(x)));
        }
        return *p;
    };
    switch (fn) {
    case Fn::ToLower:
    case Fn::ToUpper: {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(need_string(x, x_expr, name));
        if (fn == Fn::ToLower) {
            u.toLower(icu::Locale("vi"));
        } else {
            u.toUpper(icu::Locale("vi"));
        }
        std::string out;
        u.toUTF8String(out);
        return out;
    }
    case Fn::Trim:
    case Fn::LTrim:
    case Fn::RTrim: {
        const std::string& s = need_string(x, x_expr, name);
        std::size_t a = 0;
        std::size_t b = s.size();
        if (fn != Fn::RTrim) {
            while (a < b && is_space(s[a])) {
                ++a;
            }
        }
        if (fn != Fn::LTrim) {
            while (b > a && is_space(s[b - 1])) {
                --b;
            }
        }
        return s.substr(a, b - a);
    }
    case Fn::Size:
        if (const auto* s = x.get<std::string>()) {
            return code_point_count(*s);
        }
        return static_cast<std::int64_t>(list_arg().size());
    case Fn::Length:
        if (const auto* s = x.get<std::string>()) {
            return code_point_count(*s);
        }
        if (const auto* l = x.get<List>()) {
            return static_cast<std::int64_t>(l->size());
        }
        return static_cast<std::int64_t>(path_arg().rels.size());
    case Fn::Nodes: {
        List out;
        for (NodeId n : path_arg().nodes) {
            out.emplace_back(NodeRef{n});
        }
        return out;
    }
    case Fn::Relationships: {
        List out;
        for (EdgeId r : path_arg().rels) {
            out.emplace_back(RelRef{r});
        }
        return out;
    }
    case Fn::Labels: {
        const auto* n = x.get<NodeRef>();
        if (!n) {
            type_error(x_expr, "labels() needs a NODE, got " + std::string(type_name(x)));
        }
        List out;
        for (const std::string& l : g_.node(n->id).labels) {
            out.emplace_back(l);
        }
        return out;
    }
    case Fn::Type: {
        const auto* r = x.get<RelRef>();
        if (!r) {
            type_error(x_expr, "type() needs a RELATIONSHIP, got " + std::string(type_name(x)));
        }
        return g_.edge(r->id).type;
    }
    case Fn::Id:
        if (const auto* n = x.get<NodeRef>()) {
            return static_cast<std::int64_t>(n->id);
        }
        if (const auto* r = x.get<RelRef>()) {
            return static_cast<std::int64_t>(r->id);
        }
        type_error(x_expr, "id() needs a NODE or RELATIONSHIP, got " + std::string(type_name(x)));
    case Fn::Year: {
        if (const auto* i = x.get<std::int64_t>()) {
            return *i;
        }
        const std::string& s = need_string(x, x_expr, name);
        auto d = parse_date(s);
        return d ? Value(static_cast<std::int64_t>(d->start / 10000)) : Value();
    }
    case Fn::Fold:
        return graph::fold(need_string(x, x_expr, name));
    case Fn::ToString:
        if (x.is_null()) {
            return Null{};
        }
        if (x.get<std::string>()) {
            return x;
        }
        if (x.is_number() || x.get<bool>()) {
            return to_text(x, g_, false);
        }
        type_error(x_expr, "toString() cannot convert " + std::string(type_name(x)));
    case Fn::ToInteger:
    case Fn::ToFloat: {
        if (const auto* s = x.get<std::string>()) {
            char* end = nullptr;
            double d = std::strtod(s->c_str(), &end);
            if (s->empty() || end != s->c_str() + s->size()) {
                return Null{};
            }
            if (fn == Fn::ToFloat) {
                return d;
            }
            if (!(std::abs(d) < 9.2e18)) {
                return Null{};
            }
            return static_cast<std::int64_t>(d);
        }
        if (const auto* i = x.get<std::int64_t>()) {
            return fn == Fn::ToFloat ? Value(static_cast<double>(*i)) : Value(*i);
        }
        if (const auto* d = x.get<double>()) {
            if (fn == Fn::ToFloat) {
                return *d;
            }
            if (!(std::abs(*d) < 9.2e18)) {
                return Null{};
            }
            return static_cast<std::int64_t>(*d);
        }
        type_error(x_expr, std::string(name) + "() cannot convert " + std::string(type_name(x)));
    }
    case Fn::Head: {
        const List& l = list_arg();
        return l.empty() ? Value() : l.front();
    }
    case Fn::Last: {
        const List& l = list_arg();
        return l.empty() ? Value() : l.back();
    }
    case Fn::Keys:
    case Fn::Properties: {
        Map m;
        if (const auto* n = x.get<NodeRef>()) {
            const graph::Node& node = g_.node(n->id);
            m.entries.emplace_back("name", node.name);
            for (const auto& [k, v] : node.props) {
                if (k != "name" && !std::holds_alternative<std::monostate>(v)) {
                    m.entries.emplace_back(k, from_property(v));
                }
            }
        } else if (const auto* r = x.get<RelRef>()) {
            for (const auto& [k, v] : g_.edge(r->id).props) {
                if (!std::holds_alternative<std::monostate>(v)) {
                    m.entries.emplace_back(k, from_property(v));
                }
            }
        } else if (const auto* mm = x.get<Map>()) {
            m = *mm;
        } else {
            type_error(x_expr, std::string(name) + "() needs a NODE, RELATIONSHIP or MAP, got " +
                                   std::string(type_name(x)));
        }
        std::sort(m.entries.begin(), m.entries.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        if (fn == Fn::Properties) {
            return m;
        }
        List out;
        for (const auto& [k, v] : m.entries) {
            out.emplace_back(k);
        }
        return out;
    }
    case Fn::StartNode:
    case Fn::EndNode: {
        const auto* r = x.get<RelRef>();
        if (!r) {
            type_error(x_expr, std::string(name) + "() needs a RELATIONSHIP, got " +
                                   std::string(type_name(x)));
        }
        return NodeRef{fn == Fn::StartNode ? g_.edge_source(r->id) : g_.edge_target(r->id)};
    }
    case Fn::Abs:
        if (const auto* i = x.get<std::int64_t>()) {
            if (*i == INT64_MIN) {
                throw QueryError("integer overflow", e.span);
            }
            return *i < 0 ? -*i : *i;
        }
        if (const auto* d = x.get<double>()) {
            return std::abs(*d);
        }
        type_error(x_expr, "abs() needs a number, got " + std::string(type_name(x)));
    case Fn::Substring: {
        const std::string& s = need_string(x, x_expr, name);
        if (args[1].is_null() || (args.size() > 2 && args[2].is_null())) {
            return Null{};
        }
        std::int64_t start = need_int(args[1], *e.args[1], "substring()");
        std::int64_t len = args.size() > 2 ? need_int(args[2], *e.args[2], "substring()") : -1;
        if (start < 0 || (args.size() > 2 && len < 0)) {
            throw QueryError("substring() needs a start and length of 0 or more", e.span);
        }
        return code_points_substr(s, start, len);
    }
    case Fn::Replace: {
        const std::string& s = need_string(x, x_expr, name);
        if (args[1].is_null() || args[2].is_null()) {
            return Null{};
        }
        const std::string& from = need_string(args[1], *e.args[1], name);
        const std::string& to = need_string(args[2], *e.args[2], name);
        if (from.empty()) {
            return s;
        }
        std::string out;
        std::size_t pos = 0;
        for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
            out += s.substr(pos, hit - pos);
            out += to;
        }
        return out + s.substr(pos);
    }
    case Fn::Split: {
        const std::string& s = need_string(x, x_expr, name);
        if (args[1].is_null()) {
            return Null{};
        }
        const std::string& sep = need_string(args[1], *e.args[1], name);
        List out;
        if (sep.empty()) {
            out.emplace_back(s);
            return out;
        }
        std::size_t pos = 0;
        for (std::size_t hit; (hit = s.find(sep, pos)) != std::string::npos; pos = hit + sep.size()) {
            out.emplace_back(s.substr(pos, hit - pos));
        }
        out.emplace_back(s.substr(pos));
        return out;
    }
    case Fn::Reverse: {
        if (const auto* s = x.get<std::string>()) {
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(*s);
            u.reverse();
            std::string out;
            u.toUTF8String(out);
            return out;
        }
        List l = list_arg();
        std::reverse(l.begin(), l.end());
        return l;
    }
    case Fn::Range: {
        if (args[1].is_null() || (args.size() > 2 && args[2].is_null())) {
            return Null{};
        }
        std::int64_t a = need_int(x, x_expr, "range()");
        std::int64_t b = need_int(args[1], *e.args[1], "range()");
        std::int64_t step = args.size() > 2 ? need_int(args[2], *e.args[2], "range()") : 1;
        if (step == 0) {
            throw QueryError("range() needs a step other than 0", e.span);
        }
        double count = (static_cast<double>(b) - static_cast<double>(a)) / static_cast<double>(step);
        if (count > 1'000'000) {
            throw QueryError("range() would make more than a million values", e.span);
        }
        List out;
        for (std::int64_t i = a; step > 0 ? i <= b : i >= b; i += step) {
            out.emplace_back(i);
            if ((step > 0 && i > INT64_MAX - step) || (step < 0 && i < INT64_MIN - step)) {
                break;
            }
        }
        return out;
    }
    default:
        break;
    }
    type_error(e, "cannot call " + e.name + " here");
}

// ---- operators

class MatchOp : public Operator {
public:
    MatchOp(Executor& ex, MatchPlan plan, bool optional, Operator& next)
        : ex_(ex), plan_(std::move(plan)), optional_(optional), next_(next) {}

    bool push(Row& row) override {
        emitted_ = false;
        if (!step(0, row)) {
            return false;
        }
        if (optional_ && !emitted_) {
            for (int s : plan_.new_slots) {
                row[static_cast<std::size_t>(s)] = Null{};
            }
            return next_.push(row);
        }
        return true;
    }

    bool finish() override { return next_.finish(); }

private:
    bool emit(std::size_t i, Row& row) { return step(i + 1, row); }

    bool step(std::size_t i, Row& row) {
        if (i == plan_.steps.size()) {
            emitted_ = true;
            return next_.push(row);
        }
        ex_.tick();
        const Step& s = plan_.steps[i];
        switch (s.kind) {
        case StepKind::Filter:
            if (!Executor::truth(ex_.eval(*s.pred, row), *s.pred)) {
                return true;
            }
            return emit(i, row);
        case StepKind::Check: {
            const auto* n = row[static_cast<std::size_t>(s.node_slot)].get<NodeRef>();
            if (!n || !ex_.node_ok(*s.node, n->id, row)) {
                return true;
            }
            return emit(i, row);
        }
        case StepKind::Scan:
            return scan(i, s, row);
        case StepKind::Expand:
            return s.rel->var_length ? var_expand(i, s, row) : expand(i, s, row);
        case StepKind::Shortest:
            return shortest(i, s, row);
        case StepKind::BuildPath: {
            row[static_cast<std::size_t>(s.path->slot)] = build_path(*s.path, row);
            return emit(i, row);
        }
        }
        return true;
    }

    bool try_node(std::size_t i, const Step& s, NodeId id, Row& row) {
        ex_.tick();
        if (!ex_.node_ok(*s.node, id, row)) {
            return true;
        }
        row[static_cast<std::size_t>(s.node_slot)] = NodeRef{id};
        return emit(i, row);
    }

    bool scan(std::size_t i, const Step& s, Row& row) {
        const graph::Graph& g = ex_.g_;
        Source source = s.source;
        Value key;
        if (source == Source::Id) {
            key = ex_.eval(*s.value, row);
            const auto* id = key.get<std::int64_t>();
            if (id) {
                if (*id < 0 || static_cast<std::uint64_t>(*id) >= g.node_count()) {
                    return true;
                }
                return try_node(i, s, static_cast<NodeId>(*id), row);
            }
            source = Source::All; // 5.0 = 5: let the filter decide
        }
        if (source == Source::FoldedName || source == Source::Name || source == Source::Property) {
            key = ex_.eval(*s.value, row);
            const auto* str = key.get<std::string>();
            if (str && parse_date(*str)) {
                source = s.labels.empty() || s.labels.front().empty() ? Source::All : Source::Label;
            } else if (source != Source::Property && !str) {
                return true; // a name is a string: nothing else equals it
            }
        }
        switch (source) {
        case Source::All:
            for (NodeId id = 0; id < g.node_count(); ++id) {
                if (!try_node(i, s, id, row)) {
                    return false;
                }
            }
            return true;
        case Source::Label:
            for (std::size_t l = 0; l < s.labels.size(); ++l) {
                for (NodeId id : ex_.db_.with_label(s.labels[l])) {
                    const auto& labels = g.node(id).labels;
                    bool seen = false;
                    for (std::size_t k = 0; k < l; ++k) {
                        seen = seen ||
                               std::find(labels.begin(), labels.end(), s.labels[k]) != labels.end();
                    }
                    if (!seen && !try_node(i, s, id, row)) {
                        return false;
                    }
                }
            }
            return true;
        case Source::FoldedName:
            return scan_list(i, s, ex_.db_.by_folded_name(*key.get<std::string>()), row);
        case Source::Name:
            return scan_list(i, s, ex_.db_.by_name(*key.get<std::string>()), row);
        case Source::Property:
            return scan_list(i, s, ex_.db_.by_property(s.labels.front(), s.key, key), row);
        case Source::Id:
            break;
        }
        return true;
    }

    bool scan_list(std::size_t i, const Step& s, const std::vector<NodeId>& ids, Row& row) {
        for (NodeId id : ids) {
            if (!try_node(i, s, id, row)) {
                return false;
            }
        }
        return true;
    }

    bool expand(std::size_t i, const Step& s, Row& row) {
        const auto* from = row[static_cast<std::size_t>(s.from_slot)].get<NodeRef>();
        if (!from) {
            return true;
        }
        std::optional<NodeId> target;
        if (s.to_bound) {
            const auto* t = row[static_cast<std::size_t>(s.node_slot)].get<NodeRef>();
            if (!t) {
                return true;
            }
            target = t->id;
        }
        return ex_.each_edge(from->id, s.dir, [&](EdgeId e, NodeId other) {
            if (target && other != *target) {
                return true;
            }
            if (!ex_.rel_ok(*s.rel, e, row) || Executor::rel_used(e, s.prior_rels, row)) {
                return true;
            }
            if (!ex_.node_ok(*s.node, other, row)) {
                return true;
            }
            row[static_cast<std::size_t>(s.node_slot)] = NodeRef{other};
            row[static_cast<std::size_t>(s.rel->slot)] = RelRef{e};
            return emit(i, row);
        });
    }

    void bind_segment(const Step& s, Row& row, const std::vector<NodeId>& nodes,
                      const std::vector<EdgeId>& rels) {
        Path p{nodes, rels};
        if (s.reversed) {
            std::reverse(p.nodes.begin(), p.nodes.end());
            std::reverse(p.rels.begin(), p.rels.end());
        }
        List list;
        list.reserve(p.rels.size());
        for (EdgeId r : p.rels) {
            list.emplace_back(RelRef{r});
        }
        row[static_cast<std::size_t>(s.rel->slot)] = std::move(list);
        row[static_cast<std::size_t>(s.rel->seg_slot)] = std::move(p);
    }

    bool var_expand(std::size_t i, const Step& s, Row& row) {
        const auto* from = row[static_cast<std::size_t>(s.from_slot)].get<NodeRef>();
        if (!from) {
            return true;
        }
        std::optional<NodeId> target;
        if (s.to_bound) {
            const auto* t = row[static_cast<std::size_t>(s.node_slot)].get<NodeRef>();
            if (!t) {
                return true;
            }
            target = t->id;
        }
        std::vector<NodeId> nodes{from->id};
        std::vector<EdgeId> rels;
        return walk(i, s, row, target, nodes, rels);
    }

    bool walk(std::size_t i, const Step& s, Row& row, std::optional<NodeId> target,
              std::vector<NodeId>& nodes, std::vector<EdgeId>& rels) {
        int depth = static_cast<int>(rels.size());
        NodeId at = nodes.back();
        if (depth >= s.rel->min_hops && (!target || *target == at) &&
            ex_.node_ok(*s.node, at, row)) {
            row[static_cast<std::size_t>(s.node_slot)] = NodeRef{at};
            bind_segment(s, row, nodes, rels);
            if (!emit(i, row)) {
                return false;
            }
        }
        if (depth >= s.rel->max_hops) {
            return true;
        }
        return ex_.each_edge(at, s.dir, [&](EdgeId e, NodeId other) {
            if (std::find(rels.begin(), rels.end(), e) != rels.end() ||
                !ex_.rel_ok(*s.rel, e, row) || Executor::rel_used(e, s.prior_rels, row)) {
                return true;
            }
            nodes.push_back(other);
            rels.push_back(e);
            bool go = walk(i, s, row, target, nodes, rels);
            nodes.pop_back();
            rels.pop_back();
            return go;
        });
    }

    bool shortest(std::size_t i, const Step& s, Row& row) {
        const auto* a = row[static_cast<std::size_t>(s.from_slot)].get<NodeRef>();
        const auto* b = row[static_cast<std::size_t>(s.node_slot)].get<NodeRef>();
        if (!a || !b) {
            return true;
        }
        NodeId from = a->id;
        NodeId to = b->id;
        const RelPattern& r = *s.rel;
        auto bind = [&](const std::vector<NodeId>& nodes, const std::vector<EdgeId>& rels) {
            Path p{nodes, rels};
            List list;
            for (EdgeId e : rels) {
                list.emplace_back(RelRef{e});
            }
            row[static_cast<std::size_t>(r.slot)] = std::move(list);
            row[static_cast<std::size_t>(r.seg_slot)] = p;
            row[static_cast<std::size_t>(s.path->slot)] = std::move(p);
            return emit(i, row);
        };
        if (from == to) {
            return r.min_hops == 0 ? bind({from}, {}) : true;
        }
        // Unbounded means at most 1000 hops: the paths are rebuilt recursively.
        int max = r.max_hops < 0 ? 1000 : r.max_hops;
        if (s.path->shortest == Shortest::One) {
            return one_shortest(s, row, from, to, max, bind);
        }
        // Breadth-first from `from`, keeping for each node the edges that reach it on a shortest
        // path; stop after the level that reaches `to`.
        std::unordered_map<NodeId, std::vector<std::pair<EdgeId, NodeId>>> parents;
        std::unordered_map<NodeId, int> dist;
        dist[from] = 0;
        std::vector<NodeId> frontier{from};
        bool found = false;
        for (int level = 1; level <= max && !frontier.empty() && !found; ++level) {
            std::vector<NodeId> next;
            for (NodeId v : frontier) {
                ex_.each_edge(v, s.dir, [&](EdgeId e, NodeId w) {
                    if (!ex_.rel_ok(r, e, row)) {
                        return true;
                    }
                    auto it = dist.find(w);
                    if (it == dist.end()) {
                        dist.emplace(w, level);
                        next.push_back(w);
                        parents[w].emplace_back(e, v);
                    } else if (it->second == level && s.path->shortest == Shortest::All) {
                        parents[w].emplace_back(e, v);
                    }
                    if (w == to) {
                        found = true;
                    }
                    return true;
                });
            }
            frontier = std::move(next);
        }
        if (!found) {
            return true;
        }
        std::vector<NodeId> nodes{to};
        std::vector<EdgeId> rels;
        bool all = s.path->shortest == Shortest::All;
        std::function<bool(NodeId)> back = [&](NodeId v) -> bool {
            if (v == from) {
                std::vector<NodeId> n(nodes.rbegin(), nodes.rend());
                std::vector<EdgeId> e(rels.rbegin(), rels.rend());
                return bind(n, e);
            }
            for (const auto& [e, u] : parents[v]) {
                nodes.push_back(u);
                rels.push_back(e);
                bool go = back(u);
                nodes.pop_back();
                rels.pop_back();
                if (!go || !all) {
                    return go;
                }
            }
            return true;
        };
        return back(to);
    }

    /// One shortest path by breadth-first search from both ends at once, always growing the
    /// smaller frontier by a whole level: on a skewed graph this touches far fewer nodes than
    /// searching from one end.
    template <class Bind>
    bool one_shortest(const Step& s, Row& row, NodeId from, NodeId to, int max, Bind& bind) {
        const RelPattern& r = *s.rel;
        struct Seen {
            EdgeId edge;
            NodeId prev;
            int depth;
        };
        std::unordered_map<NodeId, Seen> fwd{{from, Seen{0, from, 0}}};
        std::unordered_map<NodeId, Seen> bwd{{to, Seen{0, to, 0}}};
        std::vector<NodeId> ff{from};
        std::vector<NodeId> fb{to};
        Direction back = s.dir == Direction::Both
                             ? Direction::Both
                             : (s.dir == Direction::Out ? Direction::In : Direction::Out);
        int df = 0;
        int db = 0;
        std::optional<NodeId> meet;
        int best = INT32_MAX;
        while (!meet && !ff.empty() && !fb.empty() && df + db < max) {
            bool forward = ff.size() <= fb.size();
            auto& frontier = forward ? ff : fb;
            auto& mine = forward ? fwd : bwd;
            auto& other = forward ? bwd : fwd;
            int depth = (forward ? ++df : ++db);
            std::vector<NodeId> next;
            for (NodeId v : frontier) {
                ex_.each_edge(v, forward ? s.dir : back, [&](EdgeId e, NodeId w) {
                    if (mine.count(w) || !ex_.rel_ok(r, e, row)) {
                        return true;
                    }
                    mine.emplace(w, Seen{e, v, depth});
                    next.push_back(w);
                    if (auto it = other.find(w); it != other.end() && depth + it->second.depth < best) {
                        best = depth + it->second.depth;
                        meet = w;
                    }
                    return true;
                });
            }
            frontier = std::move(next);
        }
        if (!meet || best > max) {
            return true;
        }
        std::vector<NodeId> nodes;
        std::vector<EdgeId> rels;
        for (NodeId v = *meet; v != from; v = fwd.at(v).prev) {
            nodes.push_back(v);
            rels.push_back(fwd.at(v).edge);
        }
        nodes.push_back(from);
        std::reverse(nodes.begin(), nodes.end());
        std::reverse(rels.begin(), rels.end());
        for (NodeId v = *meet; v != to;) {
            const Seen& seen = bwd.at(v);
            rels.push_back(seen.edge);
            v = seen.prev;
            nodes.push_back(v);
        }
        return bind(nodes, rels);
    }

    Value build_path(const PathPattern& p, const Row& row) {
        Path out;
        const auto* first = row[static_cast<std::size_t>(p.nodes[0].slot)].get<NodeRef>();
        if (!first) {
            return Null{};
        }
        out.nodes.push_back(first->id);
        for (std::size_t k = 0; k < p.rels.size(); ++k) {
            const RelPattern& r = p.rels[k];
            if (r.var_length) {
                const auto* seg = row[static_cast<std::size_t>(r.seg_slot)].get<Path>();
                if (!seg) {
                    return Null{};
                }
                out.nodes.insert(out.nodes.end(), seg->nodes.begin() + 1, seg->nodes.end());
                out.rels.insert(out.rels.end(), seg->rels.begin(), seg->rels.end());
            } else {
                const auto* rel = row[static_cast<std::size_t>(r.slot)].get<RelRef>();
                const auto* n = row[static_cast<std::size_t>(p.nodes[k + 1].slot)].get<NodeRef>();
                if (!rel || !n) {
                    return Null{};
                }
                out.rels.push_back(rel->id);
                out.nodes.push_back(n->id);
            }
        }
        return out;
    }

    Executor& ex_;
    MatchPlan plan_;
    bool optional_;
    Operator& next_;
    bool emitted_ = false;
};

class UnwindOp : public Operator {
public:
    UnwindOp(Executor& ex, const Clause& c, Operator& next) : ex_(ex), c_(c), next_(next) {}

    bool push(Row& row) override {
        Value v = ex_.eval(*c_.unwind, row);
        if (v.is_null()) {
            return true;
        }
        auto slot = static_cast<std::size_t>(c_.slot);
        if (const auto* l = v.get<List>()) {
            List items = *l;
            for (Value& x : items) {
                ex_.tick();
                row[slot] = std::move(x);
                if (!next_.push(row)) {
                    return false;
                }
            }
            return true;
        }
        row[slot] = std::move(v);
        return next_.push(row);
    }

    bool finish() override { return next_.finish(); }

private:
    Executor& ex_;
    const Clause& c_;
    Operator& next_;
};

struct AggState {
    std::int64_t count = 0;
    std::int64_t isum = 0;
    double dsum = 0;
    bool is_float = false;
    Value best;
    List items;
    std::unordered_set<std::string> seen;
};

class ProjectOp : public Operator {
public:
    ProjectOp(Executor& ex, const Clause& c, Operator& next) : ex_(ex), c_(c), p_(c.projection), next_(next) {
        Row empty(static_cast<std::size_t>(ex.q_.slot_count));
        if (p_.skip) {
            skip_ = bound(*p_.skip, empty, "SKIP");
        }
        if (p_.limit) {
            limit_ = bound(*p_.limit, empty, "LIMIT");
        }
        if (p_.aggregating) {
            for (std::size_t k = 0; k < p_.items.size(); ++k) {
                if (!has_agg(*p_.items[k].expr)) {
                    keys_.push_back(k);
                }
            }
        }
    }

    bool push(Row& row) override {
        if (p_.aggregating) {
            accumulate(row);
            return true;
        }
        for (const ReturnItem& item : p_.items) {
            row[static_cast<std::size_t>(item.slot)] = ex_.eval(*item.expr, row);
        }
        return offer(row);
    }

    bool finish() override {
        bool go = true;
        if (p_.aggregating) {
            if (groups_.empty() && keys_.empty()) {
                open_group(Row(static_cast<std::size_t>(ex_.q_.slot_count)), "");
            }
            for (Group& g : groups_) {
                ex_.tick();
                std::vector<Value> results;
                for (std::size_t k = 0; k < p_.aggs.size(); ++k) {
                    results.push_back(result(*p_.aggs[k], g.states[k]));
                }
                ex_.aggs_ = &results;
                for (const ReturnItem& item : p_.items) {
                    g.rep[static_cast<std::size_t>(item.slot)] = ex_.eval(*item.expr, g.rep);
                }
                ex_.aggs_ = nullptr;
                if (!offer(g.rep)) {
                    go = false;
                    break;
                }
            }
        }
        if (go && !p_.order.empty()) {
            std::vector<std::vector<Value>> keys;
            keys.reserve(rows_.size());
            for (const Row& r : rows_) {
                ex_.tick();
                std::vector<Value> k;
                for (const SortItem& s : p_.order) {
                    k.push_back(ex_.eval(*s.expr, r));
                }
                keys.push_back(std::move(k));
            }
            std::vector<std::size_t> idx(rows_.size());
            for (std::size_t i = 0; i < idx.size(); ++i) {
                idx[i] = i;
            }
            const graph::Graph& g = ex_.g_;
            std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
                for (std::size_t k = 0; k < p_.order.size(); ++k) {
                    int c = order(keys[a][k], keys[b][k], g);
                    if (c != 0) {
                        return p_.order[k].descending ? c > 0 : c < 0;
                    }
                }
                return false;
            });
            for (std::size_t i : idx) {
                if (!pass(rows_[i])) {
                    break;
                }
            }
        }
        return next_.finish();
    }

private:
    struct Group {
        Row rep;
        std::vector<AggState> states;
    };

    std::int64_t bound(const Expr& e, const Row& row, const char* what) {
        Value v = ex_.eval(e, row);
        const auto* i = v.get<std::int64_t>();
        if (!i || *i < 0) {
            throw QueryError(std::string(what) + " needs an integer of 0 or more, got " +
                                 (i ? std::to_string(*i) : std::string(type_name(v))),
                             e.span);
        }
        return *i;
    }

    void open_group(Row rep, const std::string& key) {
        index_.emplace(key, groups_.size());
        groups_.push_back(Group{std::move(rep), std::vector<AggState>(p_.aggs.size())});
    }

    void accumulate(Row& row) {
        std::string key;
        for (std::size_t k : keys_) {
            const ReturnItem& item = p_.items[k];
            Value v = ex_.eval(*item.expr, row);
            key += group_key(v);
            row[static_cast<std::size_t>(item.slot)] = std::move(v);
        }
        auto it = index_.find(key);
        if (it == index_.end()) {
            if (groups_.size() >= ex_.opts_.max_buffered_rows) {
                too_many();
            }
            open_group(row, key);
            it = index_.find(key);
        }
        Group& g = groups_[it->second];
        for (std::size_t k = 0; k < p_.aggs.size(); ++k) {
            add(*p_.aggs[k], g.states[k], row);
        }
    }

    static bool has_agg(const Expr& e) {
        if (e.agg >= 0) {
            return true;
        }
        for (const auto& a : e.args) {
            if (has_agg(*a)) {
                return true;
            }
        }
        return false;
    }

    void add(const Expr& agg, AggState& s, const Row& row) {
        if (agg.kind == ExprKind::CountStar) {
            ++s.count;
            return;
        }
        Value v = ex_.eval(*agg.args[0], row);
        if (v.is_null()) {
            return;
        }
        if (agg.distinct && !s.seen.insert(group_key(v)).second) {
            return;
        }
        auto fn = static_cast<Fn>(agg.func);
        switch (fn) {
        case Fn::Count:
            ++s.count;
            break;
        case Fn::Collect:
            s.items.push_back(std::move(v));
            if (s.items.size() > ex_.opts_.max_buffered_rows) {
                too_many();
            }
            break;
        case Fn::Min:
        case Fn::Max:
            if (s.best.is_null()) {
                s.best = std::move(v);
            } else {
                int c = order(v, s.best, ex_.g_);
                if ((fn == Fn::Min && c < 0) || (fn == Fn::Max && c > 0)) {
                    s.best = std::move(v);
                }
            }
            break;
        case Fn::Sum:
        case Fn::Avg:
            if (const auto* i = v.get<std::int64_t>()) {
                if (!s.is_float && __builtin_add_overflow(s.isum, *i, &s.isum)) {
                    throw QueryError("integer overflow in " + agg.name + "()", agg.span);
                }
                s.dsum += static_cast<double>(*i);
            } else if (const auto* d = v.get<double>()) {
                s.is_float = true;
                s.dsum += *d;
            } else {
                throw QueryError(agg.name + "() needs numbers, got " + std::string(type_name(v)),
                                 agg.args[0]->span);
            }
            ++s.count;
            break;
        default:
            break;
        }
    }

    static Value result(const Expr& agg, AggState& s) {
        if (agg.kind == ExprKind::CountStar) {
            return s.count;
        }
        switch (static_cast<Fn>(agg.func)) {
        case Fn::Count: return s.count;
        case Fn::Collect: return std::move(s.items);
        case Fn::Min:
        case Fn::Max: return s.best;
        case Fn::Sum:
            if (s.count == 0) {
                return std::int64_t{0};
            }
            return s.is_float ? Value(s.dsum) : Value(s.isum);
        case Fn::Avg:
            if (s.count == 0) {
                return Null{};
            }
            return s.dsum / static_cast<double>(s.count);
        default: return Null{};
        }
    }

    [[noreturn]] void too_many() {
        throw QueryError("the query holds more than " +
                             std::to_string(ex_.opts_.max_buffered_rows) +
                             " rows at once: narrow the pattern or add LIMIT",
                         p_.span);
    }

    /// A projected row: DISTINCT, then either buffered for ORDER BY or passed on.
    bool offer(Row& row) {
        if (p_.distinct) {
            std::string key;
            for (const ReturnItem& item : p_.items) {
                key += group_key(row[static_cast<std::size_t>(item.slot)]);
            }
            if (!seen_.insert(std::move(key)).second) {
                return true;
            }
        }
        if (!p_.order.empty()) {
            if (rows_.size() >= ex_.opts_.max_buffered_rows) {
                too_many();
            }
            rows_.push_back(row);
            return true;
        }
        return pass(row);
    }

    /// SKIP, LIMIT and WITH's WHERE, in that order.
    bool pass(Row& row) {
        if (limit_ && *limit_ == 0) {
            return false;
        }
        if (skipped_ < skip_) {
            ++skipped_;
            return true;
        }
        if (limit_) {
            --*limit_;
        }
        if (c_.where && !Executor::truth(ex_.eval(*c_.where, row), *c_.where)) {
            return !limit_ || *limit_ > 0;
        }
        bool go = next_.push(row);
        return go && (!limit_ || *limit_ > 0);
    }

    Executor& ex_;
    const Clause& c_;
    const Projection& p_;
    Operator& next_;
    std::int64_t skip_ = 0;
    std::int64_t skipped_ = 0;
    std::optional<std::int64_t> limit_;
    std::vector<std::size_t> keys_;
    std::vector<Group> groups_;
    std::unordered_map<std::string, std::size_t> index_;
    std::unordered_set<std::string> seen_;
    std::vector<Row> rows_;
};

class OutputOp : public Operator {
public:
    OutputOp(const Projection& p, const RowSink& sink) : p_(p), sink_(sink) {}

    bool push(Row& row) override {
        if (stopped_) {
            return false;
        }
        std::vector<Value> out;
        out.reserve(p_.items.size());
        for (const ReturnItem& item : p_.items) {
            out.push_back(row[static_cast<std::size_t>(item.slot)]);
        }
        stopped_ = !sink_(out);
        return !stopped_;
    }

    bool finish() override { return true; }

private:
    const Projection& p_;
    const RowSink& sink_;
    bool stopped_ = false;
};

void check_params(const Expr& e, const Parameters& params) {
    if (e.kind == ExprKind::Param && params.find(e.name) == params.end()) {
        throw QueryError("parameter $" + e.name + " is not given: pass --param " + e.name +
                             "=VALUE",
                         e.span);
    }
    for (const auto& a : e.args) {
        check_params(*a, params);
    }
}

void check_all_params(const Query& q, const Parameters& params) {
    auto map = [&](const PropertyMap& m) {
        for (const auto& v : m.values) {
            check_params(*v, params);
        }
    };
    for (const Clause& c : q.clauses) {
        for (const PathPattern& p : c.patterns) {
            for (const NodePattern& n : p.nodes) {
                map(n.props);
            }
            for (const RelPattern& r : p.rels) {
                map(r.props);
            }
        }
        for (const Expr* e : {c.where.get(), c.unwind.get(), c.projection.skip.get(),
                              c.projection.limit.get()}) {
            if (e) {
                check_params(*e, params);
            }
        }
        for (const ReturnItem& i : c.projection.items) {
            check_params(*i.expr, params);
        }
        for (const SortItem& s : c.projection.order) {
            check_params(*s.expr, params);
        }
    }
}

} // namespace

std::size_t default_memory_limit() {
    long pages = ::sysconf(_SC_PHYS_PAGES);
    long page = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || page <= 0) {
        return 0;
    }
    return static_cast<std::size_t>(pages) / 4 * 3 * static_cast<std::size_t>(page);
}

void execute(const Query& query, Database& db, const ExecOptions& options, const RowSink& sink,
             std::string* plan) {
    check_all_params(query, options.params);
    Executor ex(query, db, options);
    std::vector<std::unique_ptr<Operator>> ops;
    std::vector<bool> bound(static_cast<std::size_t>(query.slot_count), false);
    std::vector<MatchPlan> plans;
    // Plans are made front to back (each MATCH needs to know what is bound before it).
    for (const Clause& c : query.clauses) {
        switch (c.kind) {
        case ClauseKind::Match: {
            MatchPlan p = plan_match(c, db, bound);
            for (int s : p.new_slots) {
                bound[static_cast<std::size_t>(s)] = true;
            }
            if (plan) {
                *plan += describe(p);
            }
            plans.push_back(std::move(p));
            break;
        }
        case ClauseKind::Unwind:
            bound[static_cast<std::size_t>(c.slot)] = true;
            break;
        default:
            for (const ReturnItem& i : c.projection.items) {
                bound[static_cast<std::size_t>(i.slot)] = true;
            }
            break;
        }
    }
    // Operators are linked back to front, each pushing into the next.
    const Clause& last = query.clauses.back();
    ops.push_back(std::make_unique<OutputOp>(last.projection, sink));
    std::size_t plan_index = plans.size();
    for (std::size_t k = query.clauses.size(); k-- > 0;) {
        const Clause& c = query.clauses[k];
        Operator& next = *ops.back();
        switch (c.kind) {
        case ClauseKind::Match:
            ops.push_back(std::make_unique<MatchOp>(ex, std::move(plans[--plan_index]), c.optional,
                                                    next));
            break;
        case ClauseKind::Unwind:
            ops.push_back(std::make_unique<UnwindOp>(ex, c, next));
            break;
        default:
            ops.push_back(std::make_unique<ProjectOp>(ex, c, next));
            break;
        }
    }
    Row row(static_cast<std::size_t>(query.slot_count));
    // Finish even after an early stop: operators after a LIMIT still hold rows to hand on.
    ops.back()->push(row);
    ops.back()->finish();
}

} // namespace vnkg::query
