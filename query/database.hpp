// A graph opened for querying: the graph itself plus what queries need and that is costly to
// compute, built on first use and kept for the next query (the shell asks many): the schema
// (labels, relationship types and property names with counts) and the lookup indexes on
// names and on property values.
#pragma once

#include "graph/store.hpp"
#include "query/value.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnkg::query {

/// What the graph holds: names with counts, in name order.
struct Schema {
    std::map<std::string, std::size_t> labels;
    std::map<std::string, std::size_t> types;
    /// Node properties by label (a node counts under each of its labels), then by key.
    std::map<std::string, std::map<std::string, std::size_t>> node_props;
    /// Relationship properties by type, then by key.
    std::map<std::string, std::map<std::string, std::size_t>> rel_props;

    /// Every node property key, every relationship property key.
    std::vector<std::string> node_keys() const;
    std::vector<std::string> rel_keys() const;
};

/// Property keys every node and every relationship answers although they are not in `props`.
/// Nodes: name, scope, sources (article ids of its mentions), evidence (their sentences).
/// Relationships: sources (article ids), evidence (sentences).
bool is_virtual_node_key(std::string_view key);
bool is_virtual_rel_key(std::string_view key);

/// The value of property `key` of a node or relationship (null when absent).
Value node_property(const graph::Graph& g, graph::NodeId id, std::string_view key);
Value rel_property(const graph::Graph& g, graph::EdgeId id, std::string_view key);

class Database {
public:
    /// Queries `graph`, which must outlive this object and not change while it is used.
    explicit Database(const graph::Graph& graph);

    const graph::Graph& graph() const { return graph_; }

    /// The schema, computed on first call.
    const Schema& schema();

    /// Nodes whose fold(name) is `folded`, in id order (index built on first call).
    const std::vector<graph::NodeId>& by_folded_name(const std::string& folded);

    /// Nodes whose name is exactly `name`, in id order (index built on first call).
    const std::vector<graph::NodeId>& by_name(const std::string& name);

    /// Nodes with `label` whose property `key` equals `value` by group_key() (index per
    /// (label, key) built on first call). Only for keys other than the virtual ones.
    const std::vector<graph::NodeId>& by_property(const std::string& label, const std::string& key,
                                                  const Value& value);

    /// Nodes carrying `label`, in id order.
    const std::vector<graph::NodeId>& with_label(const std::string& label);

    /// The bit standing for `label` in label_bits(), or 0 when the graph has no such label or
    /// it is past the 64th (then labels must be compared by name: see has_label_bits()).
    std::uint64_t label_bit(std::string_view label);
    /// True when every label of the graph has a bit (64 labels or fewer).
    bool has_label_bits();
    /// The labels of node `id` as bits (schema order). Only when has_label_bits().
    std::uint64_t label_bits(graph::NodeId id) const { return node_bits_[id]; }

    /// A number for each relationship type (schema order), or -1 for a type not in the graph.
    int type_number(std::string_view type);
    /// The type number of relationship `id` (after schema() or type_number() was called once).
    int type_of(graph::EdgeId id) const { return edge_types_[id]; }

private:
    using Index = std::unordered_map<std::string, std::vector<graph::NodeId>>;

    const graph::Graph& graph_;
    std::unique_ptr<Schema> schema_;
    std::unique_ptr<Index> folded_;
    std::unique_ptr<Index> exact_;
    std::map<std::pair<std::string, std::string>, Index> props_;
    std::map<std::string, std::vector<graph::NodeId>, std::less<>> labels_;
    const std::vector<graph::NodeId> empty_;
    // Compact copies of labels and types, so that checking a pattern reads a few bytes per
    // node or edge instead of their strings (which lie all over memory).
    std::vector<std::uint64_t> node_bits_;
    std::vector<int> edge_types_;
    std::map<std::string, std::uint64_t, std::less<>> label_bits_;
    std::map<std::string, int, std::less<>> type_numbers_;
};

} // namespace vnkg::query
