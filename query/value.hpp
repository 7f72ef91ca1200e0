// Values of the query language: null, booleans, integers, floats, strings, lists, maps, and
// references to the graph's nodes, relationships and paths. Comparison follows openCypher:
// equality and ordering predicates are ternary (null when either side is null or the types do
// not compare), ORDER BY uses a total order with null last, and grouping treats null as equal
// to null and 1 as equal to 1.0. Date strings compare by the rule in docs/query.md.
#pragma once

#include "graph/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vnkg::query {

struct Value;

/// A list value.
using List = std::vector<Value>;

/// A map value: entries sorted by key, keys unique.
struct Map {
    std::vector<std::pair<std::string, Value>> entries;
};

struct NodeRef {
    graph::NodeId id = 0;
};

struct RelRef {
    graph::EdgeId id = 0;
};

/// A path: nodes.size() == rels.size() + 1; rels[i] joins nodes[i] and nodes[i + 1].
struct Path {
    std::vector<graph::NodeId> nodes;
    std::vector<graph::EdgeId> rels;
};

struct Null {};

struct Value {
    std::variant<Null, bool, std::int64_t, double, std::string, List, Map, NodeRef, RelRef, Path> v;

    Value() = default;
    Value(Null) {}
    Value(bool b) : v(b) {}
    Value(std::int64_t i) : v(i) {}
    Value(int i) : v(static_cast<std::int64_t>(i)) {}
    Value(double d) : v(d) {}
    Value(std::string s) : v(std::move(s)) {}
    Value(const char* s) : v(std::string(s)) {}
    Value(List l) : v(std::move(l)) {}
    Value(Map m) : v(std::move(m)) {}
    Value(NodeRef n) : v(n) {}
    Value(RelRef r) : v(r) {}
    Value(Path p) : v(std::move(p)) {}

    bool is_null() const { return std::holds_alternative<Null>(v); }
    bool is_number() const {
        return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
    }
    template <class T> const T* get() const { return std::get_if<T>(&v); }
};

/// The name of a value's type as users know it: "STRING", "INTEGER", "NODE", ...
std::string_view type_name(const Value& v);

/// A date as the spec writes it ("2023-10-03", "2023-10", "2023-Q4", "2020", "a/b"), as the
/// interval of days it covers, each day as yyyymmdd. A range counts as its start.
struct DateInterval {
    int start = 0;
    int end = 0;
    int precision = 0; ///< 0 year, 1 quarter, 2 month, 3 day
};

/// The interval `text` stands for, or nothing when it is not a date with a year.
std::optional<DateInterval> parse_date(std::string_view text);

/// Ternary equality (`=`): null when either side is null (or a list holds a null that
/// matters). With `dates`, two date strings are equal when one interval holds the other.
Value equals(const Value& a, const Value& b, bool dates = true);

/// Ternary ordering for `< <= > >=`: -1, 0 or 1, or nothing when the values do not compare
/// (null, different types). With `dates`, two date strings compare as in equals() and else
/// by the start of their intervals.
std::optional<int> compare(const Value& a, const Value& b, bool dates = true);

/// The total order of ORDER BY, min() and max(): maps, nodes, relationships, lists, paths,
/// strings (dates by their start), booleans, numbers, null last.
int order(const Value& a, const Value& b, const graph::Graph& g);

/// A key that is equal for values grouping and DISTINCT treat as the same (null = null, 1 = 1.0).
std::string group_key(const Value& v);

/// Converts a graph property to a value (string lists become lists of strings).
Value from_property(const graph::Value& p);

/// Renders a value as a Cypher literal: strings quoted with ', nodes as (:Label {name: ...}),
/// relationships as [:TYPE {...}], paths as chains. `quote_top` false leaves a top-level string
/// bare (for tables); strings inside lists and maps are always quoted.
std::string to_text(const Value& v, const graph::Graph& g, bool quote_top = true);

} // namespace vnkg::query
