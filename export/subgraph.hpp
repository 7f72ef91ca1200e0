// Choosing what to export: the whole graph, or the part picked by node types, a date window and
// the neighbourhood of an entity. The result is a list of node and edge ids that the writers
// in export/writers.hpp turn into files.
#pragma once

#include "graph/store.hpp"

#include <string>
#include <vector>

namespace vnkg::exporter {

/// Nodes and edges to export, each in increasing id order; every edge's ends are in `nodes`.
struct Subgraph {
    std::vector<graph::NodeId> nodes;
    std::vector<graph::EdgeId> edges;

    bool empty() const { return nodes.empty(); }
};

/// What to keep. Empty fields select everything.
struct Selection {
    /// Node types (labels) to keep: a node carrying any of them stays.
    std::vector<std::string> types;
    /// Date window, ISO dates, possibly partial (`2023`, `2023-10`): an item is in the window when
    /// its date's span overlaps it. See select() for undated items.
    std::string since;
    std::string until;
    /// Text naming the centre: matched as `vnkg show` matches (Graph::search); see find_matching().
    std::string around;
    /// How many hops (either direction) from the centres to keep.
    int depth = 1;
};

/// Every node and edge of `g`.
Subgraph whole(const graph::Graph& g);

/// The centres for `text`, in id order: every node whose whole name matches it (ignoring case and
/// diacritics; a province and a body may share one), else the best of Graph::search's hits.
/// Empty when nothing matches.
std::vector<graph::NodeId> find_matching(const graph::Graph& g, std::string_view text);

/// Applies `sel` to `g`: first node types (edges need both ends kept), then the date window,
/// then the neighbourhood. With a window, dated nodes (a `date`, or an article's `published`)
/// and dated edges (a `date`) stay when they overlap it; an undated edge stays when one of its
/// ends is anchored in the window (a dated node inside it, or the end of a dated edge inside
/// it), and an undated node stays only as the end of a kept edge. A node with no date whose
/// whole neighbourhood is undated therefore drops out of a window. The neighbourhood is the
/// subgraph induced by the nodes within `depth` hops of the centres. Throws
/// std::invalid_argument for an unreadable date or depth below 0.
Subgraph select(const graph::Graph& g, const Selection& sel);

/// Keeps only `nodes` of `g` (deduplicated) and the edges between them.
Subgraph induced(const graph::Graph& g, std::vector<graph::NodeId> nodes);

} // namespace vnkg::exporter
