#include "export/query_select.hpp"

namespace vnkg::exporter {

namespace {

void collect(const query::Value& v, std::vector<char>& nodes, std::vector<char>& edges,
             const graph::Graph& g) {
    if (const auto* n = v.get<query::NodeRef>()) {
        nodes.at(n->id) = 1;
    } else if (const auto* r = v.get<query::RelRef>()) {
        edges.at(r->id) = 1;
        nodes.at(g.edge_source(r->id)) = 1;
        nodes.at(g.edge_target(r->id)) = 1;
    } else if (const auto* p = v.get<query::Path>()) {
        for (graph::NodeId id : p->nodes) {
            nodes.at(id) = 1;
        }
        for (graph::EdgeId id : p->rels) {
            edges.at(id) = 1;
        }
    } else if (const auto* list = v.get<query::List>()) {
        for (const query::Value& item : *list) {
            collect(item, nodes, edges, g);
        }
    } else if (const auto* map = v.get<query::Map>()) {
        for (const auto& [key, item] : map->entries) {
            collect(item, nodes, edges, g);
        }
    }
}

} // namespace

Subgraph from_query_result(const graph::Graph& g, const query::Result& result) {
    std::vector<char> nodes(g.node_count(), 0);
    std::vector<char> edges(g.edge_count(), 0);
    for (const auto& row : result.rows) {
        for (const query::Value& v : row) {
            collect(v, nodes, edges, g);
        }
    }
    Subgraph sub;
    for (graph::NodeId id = 0; id < nodes.size(); ++id) {
        if (nodes[id]) {
            sub.nodes.push_back(id);
        }
    }
    for (graph::EdgeId id = 0; id < edges.size(); ++id) {
        if (edges[id]) {
            sub.edges.push_back(id);
        }
    }
    return sub;
}

} // namespace vnkg::exporter
