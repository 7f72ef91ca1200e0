#include "export/subgraph.hpp"

#include "export/dates.hpp"

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace vnkg::exporter {

namespace {

std::vector<DateSpan> node_spans(const graph::Node& n) {
    for (std::string_view prop : {"date", "published"}) {
        auto it = n.props.find(prop);
        if (it != n.props.end()) {
            auto spans = spans_of(it->second);
            if (!spans.empty()) {
                return spans;
            }
        }
    }
    return {};
}

std::vector<DateSpan> edge_spans(const graph::Edge& e) {
    auto it = e.props.find("date");
    return it == e.props.end() ? std::vector<DateSpan>{} : spans_of(it->second);
}

bool any_overlap(const std::vector<DateSpan>& spans, const DateSpan& window) {
    return std::any_of(spans.begin(), spans.end(),
                       [&window](const DateSpan& s) { return overlaps(s, window); });
}

DateSpan window_of(const Selection& sel) {
    DateSpan window{"0000-01-01", "9999-12-31"};
    if (!sel.since.empty()) {
        auto span = date_span(sel.since);
        if (!span) {
            throw std::invalid_argument("cannot read the date '" + sel.since +
                                        "' (expected 2023, 2023-10, 2023-Q4 or 2023-10-03)");
        }
        window.start = span->start;
    }
    if (!sel.until.empty()) {
        auto span = date_span(sel.until);
        if (!span) {
            throw std::invalid_argument("cannot read the date '" + sel.until +
                                        "' (expected 2023, 2023-10, 2023-Q4 or 2023-10-03)");
        }
        window.end = span->end;
    }
    return window;
}

} // namespace

Subgraph whole(const graph::Graph& g) {
    Subgraph sub;
    sub.nodes.resize(g.node_count());
    for (graph::NodeId i = 0; i < g.node_count(); ++i) {
        sub.nodes[i] = i;
    }
    sub.edges.resize(g.edge_count());
    for (graph::EdgeId i = 0; i < g.edge_count(); ++i) {
        sub.edges[i] = i;
    }
    return sub;
}

std::vector<graph::NodeId> find_matching(const graph::Graph& g, std::string_view text) {
    std::vector<graph::SearchHit> hits = g.search(text);
    std::vector<graph::NodeId> out;
    for (const graph::SearchHit& hit : hits) {
        if (hit.rank == graph::MatchRank::exact) {
            out.push_back(hit.id);
        }
    }
    if (out.empty() && !hits.empty()) {
        out.push_back(hits.front().id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

Subgraph induced(const graph::Graph& g, std::vector<graph::NodeId> nodes) {
    std::vector<char> keep(g.node_count(), 0);
    for (graph::NodeId id : nodes) {
        keep.at(id) = 1;
    }
    Subgraph sub;
    for (graph::NodeId id = 0; id < g.node_count(); ++id) {
        if (keep[id]) {
            sub.nodes.push_back(id);
        }
    }
    for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
        if (keep[g.edge_source(e)] && keep[g.edge_target(e)]) {
            sub.edges.push_back(e);
        }
    }
    return sub;
}

Subgraph select(const graph::Graph& g, const Selection& sel) {
    if (sel.depth < 0) {
        throw std::invalid_argument("--depth must be 0 or more");
    }
    const std::size_t n = g.node_count();
    std::vector<char> node_ok(n, 1);
    std::vector<char> edge_ok(g.edge_count(), 1);

    if (!sel.types.empty()) {
        for (graph::NodeId id = 0; id < n; ++id) {
            const auto& labels = g.node(id).labels;
            node_ok[id] = std::any_of(labels.begin(), labels.end(), [&sel](const std::string& l) {
                return std::find(sel.types.begin(), sel.types.end(), l) != sel.types.end();
            });
        }
    }
    for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
        edge_ok[e] = node_ok[g.edge_source(e)] && node_ok[g.edge_target(e)];
    }

    if (!sel.since.empty() || !sel.until.empty()) {
        DateSpan window = window_of(sel);
        std::vector<char> dated(n, 0);
        std::vector<char> anchored(n, 0);
        for (graph::NodeId id = 0; id < n; ++id) {
            auto spans = node_spans(g.node(id));
            if (!spans.empty()) {
                dated[id] = 1;
                if (!any_overlap(spans, window)) {
                    node_ok[id] = 0;
                } else if (node_ok[id]) {
                    anchored[id] = 1;
                }
            }
        }
        std::vector<char> edge_dated(g.edge_count(), 0);
        for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
            graph::NodeId a = g.edge_source(e);
            graph::NodeId b = g.edge_target(e);
            edge_ok[e] = edge_ok[e] && node_ok[a] && node_ok[b];
            auto spans = edge_spans(g.edge(e));
            if (spans.empty()) {
                continue;
            }
            edge_dated[e] = 1;
            if (!any_overlap(spans, window)) {
                edge_ok[e] = 0;
            } else if (edge_ok[e]) {
                anchored[a] = 1;
                anchored[b] = 1;
            }
        }
        std::vector<char> touched(n, 0);
        for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
            graph::NodeId a = g.edge_source(e);
            graph::NodeId b = g.edge_target(e);
            if (edge_ok[e] && !edge_dated[e] && !anchored[a] && !anchored[b]) {
                edge_ok[e] = 0;
            }
            if (edge_ok[e]) {
                touched[a] = 1;
                touched[b] = 1;
            }
        }
        for (graph::NodeId id = 0; id < n; ++id) {
            if (node_ok[id] && !dated[id] && !touched[id]) {
                node_ok[id] = 0;
            }
        }
    }

    if (!sel.around.empty()) {
        std::vector<int> dist(n, -1);
        std::deque<graph::NodeId> queue;
        for (graph::NodeId id : find_matching(g, sel.around)) {
            if (node_ok[id]) {
                dist[id] = 0;
                queue.push_back(id);
            }
        }
        while (!queue.empty()) {
            graph::NodeId at = queue.front();
            queue.pop_front();
            if (dist[at] >= sel.depth) {
                continue;
            }
            auto visit = [&](graph::EdgeId e, graph::NodeId other) {
                if (edge_ok[e] && dist[other] < 0) {
                    dist[other] = dist[at] + 1;
                    queue.push_back(other);
                }
            };
            for (graph::EdgeId e : g.out_edges(at)) {
                visit(e, g.edge_target(e));
            }
            for (graph::EdgeId e : g.in_edges(at)) {
                visit(e, g.edge_source(e));
            }
        }
        for (graph::NodeId id = 0; id < n; ++id) {
            node_ok[id] = node_ok[id] && dist[id] >= 0;
        }
    }

    Subgraph sub;
    for (graph::NodeId id = 0; id < n; ++id) {
        if (node_ok[id]) {
            sub.nodes.push_back(id);
        }
    }
    for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
        if (edge_ok[e] && node_ok[g.edge_source(e)] && node_ok[g.edge_target(e)]) {
            sub.edges.push_back(e);
        }
    }
    return sub;
}

} // namespace vnkg::exporter
