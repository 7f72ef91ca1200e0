#include "query/query.hpp"

#include "query/binder.hpp"
#include "query/lexer.hpp"
#include "query/parser.hpp"

#include <chrono>

namespace vnkg::query {

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

/// A literal's value, or nothing when `e` is not made of literals only.
std::optional<Value> literal_value(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Literal:
        return e.literal;
    case ExprKind::List: {
        List out;
        for (const auto& a : e.args) {
            auto v = literal_value(*a);
            if (!v) {
                return std::nullopt;
            }
            out.push_back(std::move(*v));
        }
        return out;
    }
    case ExprKind::Negate: {
        auto v = literal_value(*e.args[0]);
        if (v && v->get<double>()) {
            return Value(-*v->get<double>());
        }
        return std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

Timings run(Database& db, std::string_view text, const Options& options,
            const std::function<void(const std::vector<std::string>&,
                                     const std::vector<Warning>&)>& on_start,
            const RowSink& sink, std::string* plan) {
    Timings t;
    auto start = std::chrono::steady_clock::now();
    Query q = parse(text);
    t.parse_ms = ms_since(start);
    start = std::chrono::steady_clock::now();
    std::vector<Warning> warnings;
    bind(q, db, warnings);
    on_start(q.columns, warnings);
    ExecOptions exec;
    exec.params = options.params;
    exec.timeout_seconds = options.timeout_seconds;
    exec.max_memory_bytes = options.max_memory_bytes;
    if (options.timeout_seconds > 0) {
        exec.deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                    std::chrono::duration<double>(options.timeout_seconds));
    }
    t.plan_ms = ms_since(start);
    start = std::chrono::steady_clock::now();
    execute(q, db, exec, sink, plan);
    t.exec_ms = ms_since(start);
    return t;
}

Result run(Database& db, std::string_view text, const Options& options) {
    Result r;
    r.timings = run(
        db, text, options,
        [&](const std::vector<std::string>& columns, const std::vector<Warning>& warnings) {
            r.columns = columns;
            r.warnings = warnings;
        },
        [&](const std::vector<Value>& row) {
            r.rows.push_back(row);
            return true;
        },
        options.explain ? &r.plan : nullptr);
    return r;
}

Value parse_parameter(std::string_view text) {
    try {
        Query q = parse("RETURN " + std::string(text));
        const Clause& c = q.clauses.front();
        if (q.clauses.size() == 1 && c.projection.items.size() == 1 && !c.projection.distinct &&
            !c.projection.star && c.projection.order.empty() && !c.projection.skip &&
            !c.projection.limit && !c.projection.items[0].has_alias) {
            if (auto v = literal_value(*c.projection.items[0].expr)) {
                return *v;
            }
        }
    } catch (const QueryError&) {
    }
    return std::string(text);
}

} // namespace vnkg::query
