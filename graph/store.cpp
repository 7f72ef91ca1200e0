#include "graph/store.hpp"

#include "graph/text.hpp"
#include "graph/threads.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace vnkg::graph {

namespace {

constexpr char kSep = '\x1f';

void append_unique(SharedList<Provenance>& into, const SharedList<Provenance>& more) {
    if (into.same_as(more)) {
        return;
    }
    for (const Provenance& p : more) {
        if (std::find(into.cbegin(), into.cend(), p) == into.cend()) {
            into.push_back(p);
        }
    }
}

void merge_props(Properties& into, const Properties& more) {
    if (into.same_as(more)) {
        return;
    }
    for (const auto& [name, value] : more) {
        auto found = std::as_const(into).find(name);
        if (found == into.cend()) {
            into.emplace(name, value);
            continue;
        }
        const auto* have = std::get_if<std::vector<std::string>>(&found->second);
        const auto* add = std::get_if<std::vector<std::string>>(&value);
        if (have != nullptr && add != nullptr) {
            for (const std::string& s : *add) {
                if (std::find(have->begin(), have->end(), s) == have->end()) {
                    // Only now is `into` changed, so a shared map is copied only when it must be.
                    std::get<std::vector<std::string>>(into[name]).push_back(s);
                    have = std::get_if<std::vector<std::string>>(&into.find(name)->second);
                }
            }
        } else if (std::holds_alternative<std::monostate>(found->second)) {
            into[name] = value;
        }
    }
}

// The words of a folded text, without punctuation at their ends ("yen:" is "yen").
std::vector<std::string_view> search_words(std::string_view folded) {
    auto inner = [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) != 0;
    };
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < folded.size()) {
        std::size_t end = folded.find(' ', i);
        if (end == std::string_view::npos) {
            end = folded.size();
        }
        std::string_view w = folded.substr(i, end - i);
        while (!w.empty() && !inner(w.front())) {
            w.remove_prefix(1);
        }
        while (!w.empty() && !inner(w.back())) {
            w.remove_suffix(1);
        }
        if (!w.empty()) {
            words.push_back(w);
        }
        i = end + 1;
    }
    return words;
}

// A query word matches a name word whole, or as the start of it or of a part after - or /.
bool starts_part(std::string_view query, std::string_view word) {
    if (word.starts_with(query)) {
        return true;
    }
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
        if ((word[i] == '-' || word[i] == '/') && word.substr(i + 1).starts_with(query)) {
            return true;
        }
    }
    return false;
}

// True when `query` occurs in `name` in order, each word matched by `match`.
template <class Match>
bool in_order(const std::vector<std::string_view>& query, const std::vector<std::string_view>& name,
              Match match) {
    std::size_t j = 0;
    for (std::string_view q : query) {
        while (j < name.size() && !match(q, name[j])) {
            ++j;
        }
        if (j == name.size()) {
            return false;
        }
        ++j;
    }
    return true;
}

std::optional<MatchRank> rank_match(const std::vector<std::string_view>& query,
                                    const std::vector<std::string_view>& name) {
    if (query == name) {
        return MatchRank::exact;
    }
    if (std::search(name.begin(), name.end(), query.begin(), query.end()) != name.end()) {
        return MatchRank::phrase;
    }
    if (in_order(query, name, [](std::string_view q, std::string_view w) { return q == w; })) {
        return MatchRank::words;
    }
    if (in_order(query, name, starts_part)) {
        return MatchRank::prefixes;
    }
    return std::nullopt;
}

} // namespace

std::string identity_key(std::string_view type, std::string_view name, std::string_view scope) {
    std::string key(type);
    key.push_back(kSep);
    key += name_key(name);
    key.push_back(kSep);
    if (!scope.empty()) { // most nodes have none: skip the normalisation's cost
        key += name_key(scope);
    }
    return key;
}

std::string Graph::edge_key(NodeId from, NodeId to, const Edge& edge) {
    std::string key = std::to_string(from);
    key.push_back(kSep);
    key += std::to_string(to);
    key.push_back(kSep);
    key += edge.type;
    for (std::string_view prop : {"title", "role"}) {
        key.push_back(kSep);
        std::string_view value = string_prop(edge.props, prop);
        if (!value.empty()) { // most edges have neither: skip the normalisation's cost
            key += name_key(value);
        }
    }
    return key;
}

NodeId Graph::merge_node(Node node) {
    if (node.labels.empty() || node.labels.front().empty()) {
        throw std::invalid_argument("a node needs a label");
    }
    if (node.name.empty()) {
        throw std::invalid_argument("a node needs a name");
    }
    index_nodes();
    // One lookup that finds or reserves the key: at millions of nodes the index's cache misses
    // are most of the cost.
    auto [found, inserted] =
        node_index_.try_emplace(identity_key(node.type(), node.name, node.scope), node_count());
    if (!inserted) {
        Node& have = graph_[found->second];
        for (const std::string& l : std::as_const(node.labels)) {
            if (std::find(have.labels.cbegin(), have.labels.cend(), l) == have.labels.cend()) {
                label_index_[l].push_back(found->second);
                have.labels.push_back(l);
            }
        }
        merge_props(have.props, node.props);
        append_unique(have.mentions, node.mentions);
        return found->second;
    }
    NodeId id = 0;
    try {
        id = boost::add_vertex(graph_);
    } catch (...) {
        node_index_.erase(found);
        throw;
    }
    add_labels(node, id);
    graph_[id] = std::move(node);
    nodes_indexed_ = node_count();
    return id;
}

NodeId Graph::append_node(Node node) {
    if (node.labels.empty() || node.labels.front().empty()) {
        throw std::invalid_argument("a node needs a label");
    }
    if (node.name.empty()) {
        throw std::invalid_argument("a node needs a name");
    }
    NodeId id = boost::add_vertex(graph_);
    add_labels(node, id);
    graph_[id] = std::move(node);
    return id;
}

void Graph::add_labels(const Node& node, NodeId id) {
    for (const std::string& l : node.labels) {
        auto found = label_index_.find(l);
        if (found == label_index_.end()) {
            found = label_index_.emplace(l, std::vector<NodeId>{}).first;
        }
        found->second.push_back(id);
    }
}

void Graph::index_nodes() const {
    if (nodes_indexed_ == node_count()) {
        return;
    }
    node_index_.reserve(node_count());
    for (; nodes_indexed_ < node_count(); ++nodes_indexed_) {
        const Node& n = graph_[nodes_indexed_];
        // Should two appended nodes share an identity, the first stays the one merge_node() finds.
        node_index_.try_emplace(identity_key(n.type(), n.name, n.scope), nodes_indexed_);
    }
}

EdgeId Graph::merge_edge(NodeId from, NodeId to, Edge edge) {
    if (from >= node_count() || to >= node_count()) {
        throw std::out_of_range("edge between unknown nodes");
    }
    index_edges();
    auto [found, inserted] = edge_index_.try_emplace(edge_key(from, to, edge), edges_.size());
    if (!inserted) {
        Edge& have = edges_[found->second].data;
        merge_props(have.props, edge.props);
        append_unique(have.sources, edge.sources);
        return found->second;
    }
    EdgeId id = edges_.size();
    try {
        edges_.push_back(EdgeSlot{from, to, std::move(edge)});
        link(from, to, id);
    } catch (...) {
        if (edges_.size() > id) {
            edges_.pop_back();
        }
        edge_index_.erase(found);
        throw;
    }
    edges_indexed_ = edges_.size();
    return id;
}

EdgeId Graph::append_edge(NodeId from, NodeId to, Edge edge) {
    if (from >= node_count() || to >= node_count()) {
        throw std::out_of_range("edge between unknown nodes");
    }
    EdgeId id = edges_.size();
    edges_.push_back(EdgeSlot{from, to, std::move(edge)});
    try {
        link(from, to, id);
    } catch (...) {
        edges_.pop_back();
        throw;
    }
    return id;
}

void Graph::append_edges(std::vector<EdgeRecord> edges) {
    std::size_t n = node_count();
    for (const EdgeRecord& e : edges) {
        if (e.from >= n || e.to >= n) {
            throw std::out_of_range("edge between unknown nodes");
        }
    }
    // What boost::add_edge() does for one edge (its entry in Boost's edge list, then one in its
    // source's out-list and one in its target's in-list) is done here for all of them at once:
    // each node's lists are sized once (no regrowth, and no allocator work on the large lists
    // of busy nodes), and the work, most of it waiting for memory at scattered nodes, is shared
    // by two threads on a large graph. Boost 1.74 keeps these lists as public members.
    auto& list = graph_.m_edges;
    std::size_t base = list.size();
    list.reserve(base + edges.size());
    edges_.reserve(edges_.size() + edges.size());
    // Sizes the lists of the nodes in [lo, hi).
    auto reserve = [this, &edges](NodeId lo, NodeId hi) {
        std::vector<std::uint32_t> out_degree(hi - lo);
        std::vector<std::uint32_t> in_degree(hi - lo);
        for (const EdgeRecord& e : edges) {
            if (e.from >= lo && e.from < hi) {
                ++out_degree[e.from - lo];
            }
            if (e.to >= lo && e.to < hi) {
                ++in_degree[e.to - lo];
            }
        }
        for (NodeId v = lo; v < hi; ++v) {
            auto& stored = graph_.m_vertices[v];
            if (out_degree[v - lo] != 0) {
                stored.m_out_edges.reserve(stored.m_out_edges.size() + out_degree[v - lo]);
            }
            if (in_degree[v - lo] != 0) {
                stored.m_in_edges.reserve(stored.m_in_edges.size() + in_degree[v - lo]);
            }
        }
    };
    EdgeId first = edges_.size();
    auto add_to_list = [&list, &edges, first] {
        for (std::size_t k = 0; k < edges.size(); ++k) {
            list.emplace_back(edges[k].from, edges[k].to, EdgeRef{first + k}); // has room
        }
    };
    constexpr std::size_t kParallelFrom = 100'000; // fewer edges are not worth a thread
    bool parallel = edges.size() >= kParallelFrom;
    try {
        if (parallel) {
            NodeId half = n / 2;
            on_two_threads([&reserve, half, n] { reserve(half, n); },
                           [&reserve, &add_to_list, half] {
                               add_to_list();
                               reserve(0, half);
                           });
        } else {
            reserve(0, n);
            add_to_list();
        }
    } catch (...) {
        list.resize(base); // only room was made, which does no harm
        throw;
    }
    // Nothing below can fail: every list has room.
    if (edges_.empty()) {
        edges_ = std::move(edges);
    } else {
        for (EdgeRecord& e : edges) {
            edges_.push_back(std::move(e));
        }
    }
    using StoredEdge = std::decay_t<decltype(graph_.m_vertices[0].m_out_edges)>::value_type;
    // Adds the edges to the lists of the nodes in [lo, hi).
    auto fill = [this, first, base, &list](NodeId lo, NodeId hi) {
        for (EdgeId id = first; id < edges_.size(); ++id) {
            const EdgeSlot& e = edges_[id];
            auto at = list.begin() + static_cast<std::ptrdiff_t>(base + (id - first));
            if (e.from >= lo && e.from < hi) {
                graph_.m_vertices[e.from].m_out_edges.push_back(StoredEdge(e.to, at, &list));
            }
            if (e.to >= lo && e.to < hi) {
                graph_.m_vertices[e.to].m_in_edges.push_back(StoredEdge(e.from, at, &list));
            }
        }
    };
    if (parallel) {
        NodeId half = n / 2;
        on_two_threads([&fill, half, n] { fill(half, n); }, [&fill, half] { fill(0, half); });
    } else {
        fill(0, n);
    }
}

void Graph::link(NodeId from, NodeId to, EdgeId id) {
    // Boost's add_edge() is not exception-safe (a failed push can leave the edge half added),
    // and with a vector as edge list it cannot be removed either: so room is made first, with
    // the vectors' usual doubling, and the add itself cannot throw.
    auto room = [](auto& list) {
        if (list.size() == list.capacity()) {
            list.reserve(std::max<std::size_t>(4, 2 * list.size()));
        }
    };
    room(graph_.m_edges);
    room(graph_.m_vertices[from].m_out_edges);
    room(graph_.m_vertices[to].m_in_edges);
    boost::add_edge(from, to, EdgeRef{id}, graph_);
}

void Graph::index_edges() {
    if (edges_indexed_ == edges_.size()) {
        return;
    }
    edge_index_.reserve(edges_.size());
    for (; edges_indexed_ < edges_.size(); ++edges_indexed_) {
        const EdgeSlot& slot = edges_[edges_indexed_];
        // Should two appended edges be one fact, the first stays the one merge_edge() finds.
        edge_index_.try_emplace(edge_key(slot.from, slot.to, slot.data), edges_indexed_);
    }
}

void Graph::reserve(std::size_t nodes, std::size_t edges) {
    // The indexes are sized when they are built or as merges fill them: a graph that is only
    // loaded and read never builds them.
    graph_.m_vertices.reserve(nodes);
    graph_.m_edges.reserve(edges);
    edges_.reserve(edges);
}

std::optional<NodeId> Graph::find_node(std::string_view type, std::string_view name,
                                       std::string_view scope) const {
    index_nodes();
    auto found = node_index_.find(identity_key(type, name, scope));
    if (found == node_index_.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::vector<SearchHit> Graph::search(std::string_view text) const {
    std::string folded_text = fold(text);
    std::vector<std::string_view> query = search_words(folded_text);
    std::vector<SearchHit> hits;
    if (query.empty()) {
        return hits;
    }
    for (NodeId id = 0; id < node_count(); ++id) {
        std::string folded_name = fold(graph_[id].name);
        std::vector<std::string_view> name = search_words(folded_name);
        if (auto rank = rank_match(query, name)) {
            hits.push_back(SearchHit{id, *rank, name.size() - std::min(name.size(), query.size())});
        }
    }
    auto degree = [this](NodeId id) {
        return boost::out_degree(id, graph_) + boost::in_degree(id, graph_);
    };
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
        bool a_exact = a.rank == MatchRank::exact;
        bool b_exact = b.rank == MatchRank::exact;
        if (a_exact != b_exact) {
            return a_exact;
        }
        if (a.extra_words != b.extra_words) {
            return a.extra_words < b.extra_words;
        }
        if (a.rank != b.rank) {
            return a.rank < b.rank;
        }
        if (degree(a.id) != degree(b.id)) {
            return degree(a.id) > degree(b.id);
        }
        if (graph_[a.id].name.size() != graph_[b.id].name.size()) {
            return graph_[a.id].name.size() < graph_[b.id].name.size();
        }
        return a.id < b.id;
    });
    return hits;
}

std::vector<NodeId> Graph::nodes_with_label(std::string_view label) const {
    auto found = label_index_.find(label);
    if (found == label_index_.end()) {
        return {};
    }
    return found->second;
}

std::size_t Graph::node_count() const { return boost::num_vertices(graph_); }

std::size_t Graph::edge_count() const { return edges_.size(); }

const Node& Graph::node(NodeId id) const {
    if (id >= node_count()) {
        throw std::out_of_range("unknown node id");
    }
    return graph_[id];
}

const Edge& Graph::edge(EdgeId id) const { return edges_.at(id).data; }

NodeId Graph::edge_source(EdgeId id) const { return edges_.at(id).from; }

NodeId Graph::edge_target(EdgeId id) const { return edges_.at(id).to; }

std::vector<EdgeId> Graph::out_edges(NodeId id) const {
    std::vector<EdgeId> out;
    for (auto [it, end] = boost::out_edges(id, graph_); it != end; ++it) {
        out.push_back(graph_[*it].id);
    }
    return out;
}

std::vector<EdgeId> Graph::in_edges(NodeId id) const {
    std::vector<EdgeId> in;
    for (auto [it, end] = boost::in_edges(id, graph_); it != end; ++it) {
        in.push_back(graph_[*it].id);
    }
    return in;
}

const ArticleInfo* Graph::article(std::string_view id) const {
    auto found = articles_.find(id);
    return found == articles_.end() ? nullptr : &found->second;
}

void Graph::add_article(ArticleInfo info) {
    std::string id = info.id;
    articles_.insert_or_assign(std::move(id), std::move(info));
}

void Graph::remove_articles(const std::set<std::string, std::less<>>& ids) {
    if (ids.empty()) {
        return;
    }
    auto drop = [&ids](SharedList<Provenance>& list) {
        bool had = !list.empty();
        list.erase_if([&ids](const Provenance& p) { return ids.count(p.article) != 0; });
        return had && list.empty();
    };
    // Rebuild: simpler and safer than removing from a vecS adjacency list in place.
    Graph rebuilt;
    std::vector<std::optional<NodeId>> new_id(node_count());
    for (NodeId id = 0; id < node_count(); ++id) {
        Node n = graph_[id];
        if (drop(n.mentions)) {
            continue;
        }
        new_id[id] = rebuilt.merge_node(std::move(n));
    }
    for (EdgeSlot& slot : edges_) {
        Edge e = slot.data;
        if (drop(e.sources) || !new_id[slot.from] || !new_id[slot.to]) {
            continue;
        }
        rebuilt.merge_edge(*new_id[slot.from], *new_id[slot.to], std::move(e));
    }
    for (auto& [id, info] : articles_) {
        if (ids.count(id) == 0) {
            rebuilt.add_article(info);
        }
    }
    graph_.swap(rebuilt.graph_);
    edges_.swap(rebuilt.edges_);
    node_index_.swap(rebuilt.node_index_);
    nodes_indexed_ = rebuilt.nodes_indexed_;
    edge_index_.swap(rebuilt.edge_index_);
    edges_indexed_ = rebuilt.edges_indexed_;
    label_index_.swap(rebuilt.label_index_);
    articles_.swap(rebuilt.articles_);
}

} // namespace vnkg::graph
