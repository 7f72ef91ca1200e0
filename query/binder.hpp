// The binder: checks a parsed Query against the graph's schema and annotates it for the planner.
// Variables must be defined before use (an error otherwise); labels, relationship types and
// property keys the graph does not have are allowed, as openCypher says (they match nothing),
// but each gives a warning naming the nearest known one. Functions are resolved and checked
// for arity, aggregates found and numbered, and every variable given a row slot.
#pragma once

#include "query/ast.hpp"
#include "query/database.hpp"

#include <string_view>
#include <vector>

namespace vnkg::query {

/// The functions the language knows. Aggregates come last, from Count on.
enum class Fn {
    ToLower, ToUpper, Trim, LTrim, RTrim, Size, Length, Nodes, Relationships, Labels, Type, Id,
    Coalesce, Year, Fold, ToString, ToInteger, ToFloat, Head, Last, Keys, Properties, StartNode,
    EndNode, Abs, Substring, Replace, Split, Reverse, Range,
    Count, Collect, Min, Max, Sum, Avg,
};

/// True for the aggregate functions.
inline bool is_aggregate(Fn f) { return f >= Fn::Count; }

/// What a bound variable holds.
enum class VarKind { Node, Rel, RelList, Path, Value };

/// Binds `query` in place (see ast.hpp's "bound" fields). Throws QueryError; appends warnings.
void bind(Query& query, Database& db, std::vector<Warning>& warnings);

} // namespace vnkg::query
