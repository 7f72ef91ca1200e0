// The query's syntax tree, as the parser builds it and the binder annotates it. Every node keeps
// the span of query text it came from, so that any later error can point at it. The binder
// fills the fields marked "bound": row slots for variables, function ids, aggregate indexes.
#pragma once

#include "query/error.hpp"
#include "query/value.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vnkg::query {

/// A name as written, with its span (a label, a type, a property key, a variable).
struct Name {
    std::string text;
    Span span;
};

enum class ExprKind {
    Literal,   ///< literal
    Param,     ///< name
    Variable,  ///< name; bound: slot
    Property,  ///< args[0].name
    Index,     ///< args[0][args[1]]
    Slice,     ///< args[0][args[1]..args[2]] (either bound may be a Null literal)
    HasLabels, ///< args[0]:A:B|C (labels: a conjunction of disjunctions)
    Function,  ///< name(args); bound: func, agg
    CountStar, ///< count(*); bound: agg
    Not,
    Negate,
    And,
    Or,
    Xor,
    Compare,   ///< op: Eq .. Ge
    Arith,     ///< op: Add .. Pow
    In,
    StartsWith,
    EndsWith,
    Contains,
    Regex,
    IsNull,
    IsNotNull,
    List,
    Map,       ///< keys[i]: args[i]
    Comprehension, ///< [name IN args[0] WHERE args[1] | args[2]]; bound: slot of `name`
};

enum class Op { Eq, Neq, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, Pow };

struct Expr {
    ExprKind kind = ExprKind::Literal;
    Span span;
    Value literal;
    std::string name;
    std::vector<Name> keys;
    std::vector<std::vector<Name>> labels;
    Op op = Op::Eq;
    bool distinct = false;
    std::vector<std::unique_ptr<Expr>> args;

    int height = 1; ///< levels of the tree below and including this node (parser-limited)

    int slot = -1; ///< bound: the row slot of a variable
    int func = -1; ///< bound: the function (see binder.hpp)
    int agg = -1;  ///< bound: index of an aggregate within its projection
};

using ExprPtr = std::unique_ptr<Expr>;

/// `{key: expr, ...}` of a node or relationship pattern.
struct PropertyMap {
    std::vector<Name> keys;
    std::vector<ExprPtr> values;
};

struct NodePattern {
    Span span;
    Name var; ///< empty text when anonymous
    std::vector<std::vector<Name>> labels; ///< `:A:B|C` as {{A}, {B, C}}
    PropertyMap props;
    int slot = -1; ///< bound: user's or a hidden slot
    /// bound: when `label_bits`, the labels as one mask per group (a node must hit each);
    /// a label the graph lacks makes its group's mask 0.
    bool label_bits = false;
    std::vector<std::uint64_t> label_masks;
};

enum class Direction { Out, In, Both };

struct RelPattern {
    Span span;
    Name var;
    std::vector<Name> types; ///< any of these; empty for any type
    Direction dir = Direction::Both;
    PropertyMap props;
    bool var_length = false;
    int min_hops = 1;
    int max_hops = 1; ///< -1: no upper bound written
    Span range_span;
    std::vector<int> type_numbers; ///< bound: the types' numbers (Database::type_number)
    int slot = -1;     ///< bound: a relationship, or a list of them when var_length
    int seg_slot = -1; ///< bound, var_length only: the Path segment it matched
};

enum class Shortest { None, One, All };

struct PathPattern {
    Span span;
    Name var; ///< the path's name in `p = ...`
    Shortest shortest = Shortest::None;
    std::vector<NodePattern> nodes;
    std::vector<RelPattern> rels; ///< rels[i] joins nodes[i] and nodes[i + 1]
    int slot = -1;
};

struct SortItem {
    ExprPtr expr;
    bool descending = false;
};

struct ReturnItem {
    ExprPtr expr;
    Name alias; ///< AS alias, or the expression's text
    bool has_alias = false;
    int slot = -1; ///< bound
};

struct Projection {
    Span span;
    bool distinct = false;
    bool star = false;
    std::vector<ReturnItem> items;
    std::vector<SortItem> order;
    ExprPtr skip;
    ExprPtr limit;

    bool aggregating = false;        ///< bound
    std::vector<const Expr*> aggs;   ///< bound: the aggregate calls, by Expr::agg
};

enum class ClauseKind { Match, Unwind, With, Return };

struct Clause {
    ClauseKind kind = ClauseKind::Match;
    Span span;
    bool optional = false;
    std::vector<PathPattern> patterns;
    ExprPtr where;
    Projection projection;
    ExprPtr unwind;
    Name alias;
    int slot = -1;
};

struct Query {
    std::vector<Clause> clauses;
    int slot_count = 0;               ///< bound
    std::vector<std::string> columns; ///< bound
};

} // namespace vnkg::query
