#include "query/binder.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace vnkg::query {

namespace {

struct FnInfo {
    const char* name;
    Fn fn;
    int min_args;
    int max_args;
};

const FnInfo kFunctions[] = {
    {"tolower", Fn::ToLower, 1, 1},       {"toupper", Fn::ToUpper, 1, 1},
    {"trim", Fn::Trim, 1, 1},             {"ltrim", Fn::LTrim, 1, 1},
    {"rtrim", Fn::RTrim, 1, 1},           {"size", Fn::Size, 1, 1},
    {"length", Fn::Length, 1, 1},         {"nodes", Fn::Nodes, 1, 1},
    {"relationships", Fn::Relationships, 1, 1}, {"labels", Fn::Labels, 1, 1},
    {"type", Fn::Type, 1, 1},             {"id", Fn::Id, 1, 1},
    {"coalesce", Fn::Coalesce, 1, 64},    {"year", Fn::Year, 1, 1},
    {"fold", Fn::Fold, 1, 1},             {"tostring", Fn::ToString, 1, 1},
    {"tointeger", Fn::ToInteger, 1, 1},   {"tofloat", Fn::ToFloat, 1, 1},
    {"head", Fn::Head, 1, 1},             {"last", Fn::Last, 1, 1},
    {"keys", Fn::Keys, 1, 1},             {"properties", Fn::Properties, 1, 1},
    {"startnode", Fn::StartNode, 1, 1},   {"endnode", Fn::EndNode, 1, 1},
    {"abs", Fn::Abs, 1, 1},               {"substring", Fn::Substring, 2, 3},
    {"replace", Fn::Replace, 3, 3},       {"split", Fn::Split, 2, 2},
    {"reverse", Fn::Reverse, 1, 1},       {"range", Fn::Range, 2, 3},
    {"count", Fn::Count, 1, 1},           {"collect", Fn::Collect, 1, 1},
    {"min", Fn::Min, 1, 1},               {"max", Fn::Max, 1, 1},
    {"sum", Fn::Sum, 1, 1},               {"avg", Fn::Avg, 1, 1},
};

/// Names as users spell them, for "did you mean".
const char* const kSpelled[] = {
    "toLower", "toUpper", "trim", "lTrim", "rTrim", "size", "length", "nodes", "relationships",
    "labels", "type", "id", "coalesce", "year", "fold", "toString", "toInteger", "toFloat", "head",
    "last", "keys", "properties", "startNode", "endNode", "abs", "substring", "replace", "split",
    "reverse", "range", "count", "collect", "min", "max", "sum", "avg",
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

struct Var {
    int slot = -1;
    VarKind kind = VarKind::Value;
};

using Scope = std::map<std::string, Var, std::less<>>;

class Binder {
public:
    Binder(Query& q, Database& db, std::vector<Warning>& warnings)
        : q_(q), db_(db), schema_(db.schema()), warnings_(warnings) {}

    void run() {
        for (Clause& c : q_.clauses) {
            switch (c.kind) {
            case ClauseKind::Match: match(c); break;
            case ClauseKind::Unwind: unwind(c); break;
            case ClauseKind::With: project(c, false); break;
            case ClauseKind::Return: project(c, true); break;
            }
        }
        q_.slot_count = next_slot_;
    }

private:
    int new_slot() { return next_slot_++; }

    void warn(std::string message, Span span) {
        for (const Warning& w : warnings_) {
            if (w.message == message) {
                return;
            }
        }
        warnings_.push_back(Warning{std::move(message), span});
    }

    template <class M> std::vector<std::string> names(const M& m) {
        std::vector<std::string> out;
        for (const auto& [k, v] : m) {
            out.push_back(k);
        }
        return out;
    }

    void check_name(const Name& n, const std::vector<std::string>& known, const char* what) {
        if (std::find(known.begin(), known.end(), n.text) != known.end()) {
            return;
        }
        std::string near = nearest(n.text, known);
        std::string message = n.text + ": unknown " + what;
        if (!near.empty()) {
            message += ", did you mean " + near + "?";
        }
        message += " (matches nothing)";
        warn(std::move(message), n.span);
    }

    void check_labels(const std::vector<std::vector<Name>>& labels) {
        std::vector<std::string> known = names(schema_.labels);
        for (const auto& any : labels) {
            for (const Name& n : any) {
                check_name(n, known, "label");
            }
        }
    }

    void check_key(const Name& key, VarKind kind) {
        if (kind == VarKind::Node) {
            if (!is_virtual_node_key(key.text)) {
                check_name(key, schema_.node_keys(), "node property");
            }
        } else if (kind == VarKind::Rel) {
            if (!is_virtual_rel_key(key.text)) {
                check_name(key, schema_.rel_keys(), "relationship property");
            }
        }
    }

    void define(const Name& n, int slot, VarKind kind) {
        scope_[n.text] = Var{slot, kind};
    }

    [[noreturn]] void undefined(const std::string& name, Span span, const Scope& scope) {
        std::vector<std::string> known = names(scope);
        std::string near = nearest(name, known);
        std::string message = "variable '" + name + "' is not defined";
        if (!near.empty()) {
            message += ": did you mean " + near + "?";
        }
        throw QueryError(message, span);
    }

    // ---- MATCH

    void match(Clause& c) {
        Scope before = scope_;
        std::set<std::string> rels_here;
        for (PathPattern& p : c.patterns) {
            if (!p.var.text.empty()) {
                if (scope_.count(p.var.text)) {
                    throw QueryError("'" + p.var.text + "' is already defined", p.var.span);
                }
            }
            for (NodePattern& n : p.nodes) {
                check_labels(n.labels);
                n.label_bits = db_.has_label_bits();
                for (const auto& any : n.labels) {
                    std::uint64_t mask = 0;
                    for (const Name& l : any) {
                        mask |= db_.label_bit(l.text);
                    }
                    n.label_masks.push_back(mask);
                }
                if (n.var.text.empty()) {
                    n.slot = new_slot();
                } else if (auto it = scope_.find(n.var.text); it != scope_.end()) {
                    if (it->second.kind != VarKind::Node) {
                        throw QueryError("'" + n.var.text + "' is not a node here", n.var.span);
                    }
                    n.slot = it->second.slot;
                } else {
                    n.slot = new_slot();
                    define(n.var, n.slot, VarKind::Node);
                }
                for (std::size_t i = 0; i < n.props.keys.size(); ++i) {
                    check_key(n.props.keys[i], VarKind::Node);
                    bind_expr(*n.props.values[i], before, nullptr);
                }
            }
            for (RelPattern& r : p.rels) {
                std::vector<std::string> known = names(schema_.types);
                for (const Name& t : r.types) {
                    check_name(t, known, "relationship type");
                    r.type_numbers.push_back(db_.type_number(t.text));
                }
                if (r.var_length) {
                    bool shortest = p.shortest != Shortest::None;
                    if (r.max_hops < 0 && !shortest) {
                        throw QueryError("a variable-length relationship needs an upper bound "
                                         "(at most 10): write *1..3",
                                         r.range_span);
                    }
                    if (r.max_hops > 10 && !shortest) {
                        throw QueryError("at most 10 hops: write an upper bound of 10 or less",
                                         r.range_span);
                    }
                    if (r.max_hops >= 0 && r.min_hops > r.max_hops) {
                        throw QueryError("the lower bound is above the upper bound",
                                         r.range_span);
                    }
                    if (shortest && r.min_hops > 1) {
                        throw QueryError("a shortest path starts at 0 or 1 hops", r.range_span);
                    }
                    r.seg_slot = new_slot();
                } else if (p.shortest != Shortest::None) {
                    r.var_length = true;
                    r.min_hops = 1;
                    r.max_hops = 1;
                    r.seg_slot = new_slot();
                }
                if (r.var.text.empty()) {
                    r.slot = new_slot();
                } else {
                    if (scope_.count(r.var.text)) {
                        throw QueryError("'" + r.var.text +
                                             "' is already defined: a relationship variable "
                                             "cannot be matched twice",
                                         r.var.span);
                    }
                    r.slot = new_slot();
                    define(r.var, r.slot, r.var_length ? VarKind::RelList : VarKind::Rel);
                }
                for (std::size_t i = 0; i < r.props.keys.size(); ++i) {
                    check_key(r.props.keys[i], VarKind::Rel);
                    bind_expr(*r.props.values[i], before, nullptr);
                }
            }
            if (!p.var.text.empty()) {
                p.slot = new_slot();
                define(p.var, p.slot, VarKind::Path);
            } else if (p.shortest != Shortest::None) {
                p.slot = new_slot();
            }
        }
        if (c.where) {
            bind_expr(*c.where, scope_, nullptr);
        }
    }

    void unwind(Clause& c) {
        bind_expr(*c.unwind, scope_, nullptr);
        if (scope_.count(c.alias.text)) {
            throw QueryError("'" + c.alias.text + "' is already defined", c.alias.span);
        }
        c.slot = new_slot();
        define(c.alias, c.slot, VarKind::Value);
    }

    // ---- WITH and RETURN

    void project(Clause& c, bool is_return) {
        Projection& p = c.projection;
        Scope old = scope_;
        if (p.star) {
            std::vector<std::pair<int, std::string>> visible;
            for (const auto& [name, var] : scope_) {
                visible.emplace_back(var.slot, name);
            }
            if (visible.empty() && p.items.empty()) {
                throw QueryError(std::string(is_return ? "RETURN" : "WITH") +
                                     " * needs at least one variable in scope",
                                 p.span);
            }
            std::vector<ReturnItem> items;
            for (const auto& [slot, name] : visible) {
                ReturnItem item;
                item.expr = std::make_unique<Expr>();
                item.expr->kind = ExprKind::Variable;
                item.expr->name = name;
                item.expr->span = p.span;
                item.alias = Name{name, p.span};
                item.has_alias = true;
                items.push_back(std::move(item));
            }
            for (ReturnItem& item : p.items) {
                items.push_back(std::move(item));
            }
            p.items = std::move(items);
        }
        Scope next;
        std::set<std::string> columns;
        for (ReturnItem& item : p.items) {
            bind_expr(*item.expr, old, &p);
            if (!is_return && !item.has_alias && item.expr->kind != ExprKind::Variable) {
                throw QueryError("an expression in WITH needs a name: add AS and an alias",
                                 item.expr->span);
            }
            if (!columns.insert(item.alias.text).second) {
                throw QueryError("the column name '" + item.alias.text + "' is used twice",
                                 item.alias.span);
            }
            item.slot = new_slot();
            VarKind kind = VarKind::Value;
            if (item.expr->kind == ExprKind::Variable) {
                kind = old.find(item.expr->name)->second.kind;
            }
            next[item.alias.text] = Var{item.slot, kind};
        }
        p.aggregating = !p.aggs.empty();
        // ORDER BY sees the new names and, unless rows were merged, the old ones too.
        Scope sort_scope = (p.aggregating || p.distinct) ? Scope{} : old;
        for (const auto& [name, var] : next) {
            sort_scope[name] = var;
        }
        for (SortItem& s : p.order) {
            if (const ReturnItem* same = projected(p, *s.expr)) {
                auto v = std::make_unique<Expr>();
                v->kind = ExprKind::Variable;
                v->name = same->alias.text;
                v->span = s.expr->span;
                s.expr = std::move(v);
            }
            bind_expr(*s.expr, sort_scope, nullptr, "ORDER BY (unless it is also returned)");
        }
        Scope none;
        if (p.skip) {
            bind_expr(*p.skip, none, nullptr, "SKIP");
        }
        if (p.limit) {
            bind_expr(*p.limit, none, nullptr, "LIMIT");
        }
        scope_ = std::move(next);
        if (c.where) {
            bind_expr(*c.where, scope_, nullptr);
        }
        if (is_return) {
            for (const ReturnItem& item : p.items) {
                q_.columns.push_back(item.alias.text);
            }
        }
    }

    /// The item an ORDER BY expression repeats (same text as an unaliased item), if any.
    const ReturnItem* projected(const Projection& p, const Expr& e) {
        for (const ReturnItem& item : p.items) {
            if (same(*item.expr, e)) {
                return &item;
            }
        }
        return nullptr;
    }

    static bool same(const Expr& a, const Expr& b) {
        if (a.kind != b.kind || a.op != b.op || a.distinct != b.distinct ||
            a.args.size() != b.args.size() || a.keys.size() != b.keys.size() ||
            a.labels.size() != b.labels.size()) {
            return false;
        }
        bool name_same = a.kind == ExprKind::Function ? lower(a.name) == lower(b.name)
                                                      : a.name == b.name;
        if (!name_same || group_key(a.literal) != group_key(b.literal)) {
            return false;
        }
        for (std::size_t i = 0; i < a.keys.size(); ++i) {
            if (a.keys[i].text != b.keys[i].text) {
                return false;
            }
        }
        for (std::size_t i = 0; i < a.labels.size(); ++i) {
            if (a.labels[i].size() != b.labels[i].size()) {
                return false;
            }
            for (std::size_t j = 0; j < a.labels[i].size(); ++j) {
                if (a.labels[i][j].text != b.labels[i][j].text) {
                    return false;
                }
            }
        }
        for (std::size_t i = 0; i < a.args.size(); ++i) {
            if (!same(*a.args[i], *b.args[i])) {
                return false;
            }
        }
        return true;
    }

    // ---- expressions

    void bind_expr(Expr& e, const Scope& scope, Projection* proj, const char* where = nullptr,
                   bool in_agg = false) {
        switch (e.kind) {
        case ExprKind::Variable: {
            auto it = scope.find(e.name);
            if (it == scope.end()) {
                std::string_view w = where ? where : "";
                if (w == "SKIP" || w == "LIMIT") {
                    throw QueryError(std::string(w) +
                                         " takes a constant or a parameter, not a variable",
                                     e.span);
                }
                if (w.substr(0, 8) == "ORDER BY" && scope_.count(e.name) != 0) {
                    throw QueryError("'" + e.name +
                                         "' is not available after aggregation or DISTINCT: "
                                         "order by a returned column",
                                     e.span);
                }
                undefined(e.name, e.span, scope);
            }
            e.slot = it->second.slot;
            return;
        }
        case ExprKind::Property: {
            bind_expr(*e.args[0], scope, proj, where, in_agg);
            if (e.args[0]->kind == ExprKind::Variable) {
                auto it = scope.find(e.args[0]->name);
                check_key(Name{e.name, Span{e.args[0]->span.offset + e.args[0]->span.length + 1,
                                            e.name.size()}},
                          it->second.kind);
            }
            return;
        }
        case ExprKind::HasLabels:
            check_labels(e.labels);
            break;
        case ExprKind::Comprehension: {
            bind_expr(*e.args[0], scope, proj, where, in_agg);
            Scope inner = scope;
            e.slot = new_slot();
            inner[e.name] = Var{e.slot, VarKind::Value};
            bind_expr(*e.args[1], inner, nullptr, "a list comprehension");
            bind_expr(*e.args[2], inner, nullptr, "a list comprehension");
            return;
        }
        case ExprKind::CountStar:
            aggregate(e, proj, where, in_agg);
            return;
        case ExprKind::Function: {
            std::string n = lower(e.name);
            const FnInfo* info = nullptr;
            for (const FnInfo& f : kFunctions) {
                if (n == f.name) {
                    info = &f;
                }
            }
            if (!info) {
                std::vector<std::string> known(std::begin(kSpelled), std::end(kSpelled));
                std::string near = nearest(e.name, known);
                std::string message = "unknown function '" + e.name + "'";
                if (!near.empty()) {
                    message += ": did you mean " + near + "?";
                }
                throw QueryError(message, Span{e.span.offset, e.name.size()});
            }
            e.func = static_cast<int>(info->fn);
            int argc = static_cast<int>(e.args.size());
            if (argc < info->min_args || argc > info->max_args) {
                std::string expected =
                    info->min_args == info->max_args
                        ? std::to_string(info->min_args) + " argument" +
                              (info->min_args == 1 ? "" : "s")
                        : std::to_string(info->min_args) + " to " +
                              std::to_string(info->max_args) + " arguments";
                throw QueryError(e.name + "() takes " + expected + ", not " +
                                     std::to_string(argc),
                                 e.span);
            }
            if (is_aggregate(info->fn)) {
                aggregate(e, proj, where, in_agg);
                for (auto& a : e.args) {
                    bind_expr(*a, scope, proj, where, true);
                }
                return;
            }
            if (e.distinct) {
                throw QueryError("DISTINCT applies only to aggregate functions", e.span);
            }
            break;
        }
        default:
            break;
        }
        for (auto& a : e.args) {
            bind_expr(*a, scope, proj, where, in_agg);
        }
    }

    void aggregate(Expr& e, Projection* proj, const char* where, bool in_agg) {
        if (in_agg) {
            throw QueryError("an aggregate function cannot be inside another", e.span);
        }
        if (!proj) {
            throw QueryError(std::string("aggregate functions are not allowed in ") +
                                 (where ? where : "WHERE or patterns") +
                                 ": aggregate in WITH, then filter with WHERE",
                             e.span);
        }
        e.agg = static_cast<int>(proj->aggs.size());
        proj->aggs.push_back(&e);
    }

    Query& q_;
    Database& db_;
    const Schema& schema_;
    std::vector<Warning>& warnings_;
    Scope scope_;
    int next_slot_ = 0;
};

} // namespace

void bind(Query& query, Database& db, std::vector<Warning>& warnings) {
    Binder(query, db, warnings).run();
}

} // namespace vnkg::query
