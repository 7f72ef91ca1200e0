// The graph store: one class over a Boost.Graph adjacency_list that merges nodes by identity
// (type, normalised name, scope) and edges by fact (source, target, type, title/role), keeps
// every mention's provenance, and knows the articles it was built from. Stages above read it
// through this small API; algorithms may use the adjacency list itself through boost_graph().
#pragma once

#include "graph/model.hpp"

#include <boost/graph/adjacency_list.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnkg::graph {

using NodeId = std::size_t;
using EdgeId = std::size_t;

/// The identity key of a node: type, name_key(name) and name_key(scope), joined by U+001F.
std::string identity_key(std::string_view type, std::string_view name, std::string_view scope);

/// How well a node's name matched a search, best first.
enum class MatchRank {
    exact,    ///< the whole name, ignoring case and diacritics
    phrase,   ///< the words side by side, whole
    words,    ///< the words in order with others between, whole
    prefixes, ///< in order, some only as the start of a word or of a part after `-` or `/`
};

/// One node found by Graph::search().
struct SearchHit {
    NodeId id = 0;
    MatchRank rank = MatchRank::exact;
    std::size_t extra_words = 0; ///< words of the name the text did not match
};

/// Copyable; a move is a copy too, since Boost 1.74's adjacency_list declares no move (and its
/// swap() copies three times): keep a large graph where it was built (graph::load() builds it
/// in the caller's variable).
class Graph {
public:
    /// What a Boost edge carries: the EdgeId that indexes the edge's data.
    struct EdgeRef {
        EdgeId id = 0;
    };
    /// Vertices carry their Node (vertex descriptor == NodeId); edges an EdgeRef. The edge list
    /// is a vector (in EdgeId order), so adding an edge allocates nothing once it is reserved.
    using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node,
                                             EdgeRef, boost::no_property, boost::vecS>;
    /// An edge with its ends, as append_edges() takes it.
    struct EdgeRecord {
        NodeId from = 0;
        NodeId to = 0;
        Edge data;
    };

    /// Adds `node`, or merges it into the node with the same identity key: labels are united,
    /// properties missing on the stored node are added (string lists are united), mentions are
    /// appended unless already there. Returns the node's id. Throws std::invalid_argument when
    /// the node has no label or an empty name.
    NodeId merge_node(Node node);

    /// Adds `node` as a new node without looking for one with the same identity: for a loader
    /// reading nodes that a Graph already merged, so that loading never computes identity keys.
    /// The identity index is built on the next merge_node() or find_node(); should two appended
    /// nodes share an identity, the first is the one they find. Returns the node's id. Throws
    /// std::invalid_argument when the node has no label or an empty name.
    NodeId append_node(Node node);

    /// Adds the edge `from -[edge.type]-> to`, or merges it into the same fact (same ends, type,
    /// and `title` and `role` properties): sources appended unless already there, missing
    /// properties added. Throws std::out_of_range for an unknown node id.
    EdgeId merge_edge(NodeId from, NodeId to, Edge edge);

    /// Adds the edge `from -[edge.type]-> to` as a new fact without looking for an equal one:
    /// for a loader reading edges that a Graph already merged. The index of facts is built on
    /// the next merge_edge(), so a graph that is only read never pays for it. Throws
    /// std::out_of_range for an unknown node id.
    EdgeId append_edge(NodeId from, NodeId to, Edge edge);

    /// As append_edge() for each edge in order, but every node's edge lists are sized once
    /// first: for a loader adding millions of edges. Throws std::out_of_range for an unknown
    /// node id before adding any; on any failure the graph is left as it was.
    void append_edges(std::vector<EdgeRecord> edges);

    /// Makes room for this many nodes and edges in all, so that a loader that knows the sizes
    /// up front fills the graph without regrowing its tables. Only a hint.
    void reserve(std::size_t nodes, std::size_t edges);

    /// The node with this identity, if any. The first call after append_node() builds the
    /// identity index, so on such a graph the first call must not race with another.
    std::optional<NodeId> find_node(std::string_view type, std::string_view name,
                                    std::string_view scope = {}) const;

    /// The nodes whose name matches `text` ignoring case and diacritics (see fold()): every word
    /// of the text is, in this order, a word of the name, the start of one, or the start of a
    /// part of one after `-` or `/`. Other words may come between: `chi thi 05` finds
    /// `Chỉ thị số 05-CT/TW`, `dao hong van` finds `Đào Hồng Vận`. Best first: exact names, then
    /// names with fewer words left over (so the directive comes before an article title that
    /// quotes it), then by MatchRank, then nodes with more edges, then shorter names, then lower
    /// ids. An empty text finds nothing.
    std::vector<SearchHit> search(std::string_view text) const;

    /// Every node carrying `label`, in id order.
    std::vector<NodeId> nodes_with_label(std::string_view label) const;

    std::size_t node_count() const;
    std::size_t edge_count() const;

    /// Node and edge data by id; ids run from 0 to count - 1.
    const Node& node(NodeId id) const;
    const Edge& edge(EdgeId id) const;
    NodeId edge_source(EdgeId id) const;
    NodeId edge_target(EdgeId id) const;

    /// Edges leaving or entering a node, in the order they were added.
    std::vector<EdgeId> out_edges(NodeId id) const;
    std::vector<EdgeId> in_edges(NodeId id) const;

    /// Articles the graph was built from, by id.
    const std::map<std::string, ArticleInfo, std::less<>>& articles() const { return articles_; }
    const ArticleInfo* article(std::string_view id) const;
    void add_article(ArticleInfo info);

    /// Forgets these articles: their info, and their provenance on every node and edge. Nodes and
    /// edges left with no provenance at all are removed (so ids are renumbered); nodes that never
    /// had provenance (such as gazetteer facts) stay, as do edges whose ends both stay and that
    /// never had sources.
    void remove_articles(const std::set<std::string, std::less<>>& ids);

    /// The adjacency list, for Boost.Graph algorithms (vertex descriptor == NodeId).
    const BoostGraph& boost_graph() const { return graph_; }

private:
    using EdgeSlot = EdgeRecord;

    static std::string edge_key(NodeId from, NodeId to, const Edge& edge);
    void index_edges();
    void index_nodes() const;
    void add_labels(const Node& node, NodeId id);
    void link(NodeId from, NodeId to, EdgeId id);

    BoostGraph graph_;
    std::vector<EdgeSlot> edges_;
    // Built lazily (see append_node()), also by the const find_node().
    mutable std::unordered_map<std::string, NodeId> node_index_;
    mutable std::size_t nodes_indexed_ = 0; ///< nodes [0, nodes_indexed_) are in node_index_
    std::unordered_map<std::string, EdgeId> edge_index_;
    std::size_t edges_indexed_ = 0; ///< edges_[0, edges_indexed_) are in edge_index_
    std::map<std::string, std::vector<NodeId>, std::less<>> label_index_;
    std::map<std::string, ArticleInfo, std::less<>> articles_;
};

} // namespace vnkg::graph
