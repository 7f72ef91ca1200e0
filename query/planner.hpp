// The planner: turns each MATCH clause of a bound Query into a sequence of steps. Each path
// pattern starts from its most selective node (one already bound; then a name lookup through the
// folded-name or exact-name index; then a property index; then the smallest label; then all
// nodes) and expands along adjacency from there. WHERE is split at AND and each part is checked
// as soon as the variables it reads are bound.
#pragma once

#include "query/ast.hpp"
#include "query/database.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vnkg::query {

/// Where a Scan step finds its candidate nodes.
enum class Source { All, Label, FoldedName, Name, Property, Id };

enum class StepKind {
    Scan,     ///< bind `node_slot` to candidates from `source`, checked against `node`
    Check,    ///< `node_slot` is already bound: check it against `node`
    Expand,   ///< from `from_slot` along `rel` (in `dir`) to `node_slot`
    Shortest, ///< shortest path(s) of `path` between two bound nodes
    Filter,   ///< keep rows where `pred` is true
    BuildPath ///< bind `path`'s slot to the path made of its bound parts
};

struct Step {
    StepKind kind = StepKind::Filter;
    int node_slot = -1;
    const NodePattern* node = nullptr;
    Source source = Source::All;
    std::vector<std::string> labels; ///< Label: scan these, skipping repeats
    std::string key;                 ///< Property: the key
    const Expr* value = nullptr;     ///< FoldedName, Name, Property: the looked-up value
    int from_slot = -1;
    const RelPattern* rel = nullptr;
    Direction dir = Direction::Out; ///< as walked (reversed when walking the pattern backwards)
    bool reversed = false;
    bool to_bound = false;
    std::vector<int> prior_rels; ///< rel and segment slots bound earlier in this MATCH
    const PathPattern* path = nullptr;
    const Expr* pred = nullptr;
};

struct MatchPlan {
    std::vector<Step> steps;
    std::vector<int> new_slots; ///< slots this MATCH binds (set to null by OPTIONAL MATCH)
};

/// Plans one MATCH clause given the slots bound before it.
MatchPlan plan_match(const Clause& clause, Database& db, const std::vector<bool>& bound);

/// Describes a plan, one step a line (for tests and `--timing`).
std::string describe(const MatchPlan& plan);

/// Adds to `out` the slots of the variables `e` reads.
void collect_slots(const Expr& e, std::vector<int>& out);

} // namespace vnkg::query
