#include "extract/lexicon.hpp"
#include "extract/to_graph.hpp"

namespace vnkg::extract {

namespace {

// The scope of a province node after the merger: only provinces whose territory changed get a
// node of their own ("Hưng Yên" from 1 July 2025 is not the Hưng Yên before).
std::string post_scope(const ProvinceInfo& post) { return post.merged.size() > 1 ? "2025" : ""; }

} // namespace

void add_gazetteer_facts(graph::Graph& graph) {
    static const Lexicon lexicon;
    std::map<std::string, graph::NodeId> post_nodes;
    for (const ProvinceInfo& p : lexicon.provinces) {
        if (!p.post_2025) {
            continue;
        }
        graph::Node n;
        n.labels = {"Province"};
        n.name = p.name;
        n.scope = post_scope(p);
        n.props["code"] = p.code;
        n.props["type"] = p.type;
        if (!n.scope.empty()) {
            n.props["valid_from"] = std::string("2025-07-01");
        }
        post_nodes[p.code] = graph.merge_node(std::move(n));
    }
    for (const ProvinceInfo& p : lexicon.provinces) {
        if (p.post_2025) {
            continue;
        }
        graph::Node n;
        n.labels = {"Province"};
        n.name = p.name;
        n.props["code"] = p.code;
        n.props["type"] = p.type;
        graph::NodeId old_node = graph.merge_node(std::move(n));
        auto it = post_nodes.find(p.successor);
        if (it == post_nodes.end() || it->second == old_node) {
            continue;
        }
        graph::Edge e;
        e.type = "MERGED_INTO";
        e.props["date"] = std::string("2025-07-01");
        graph.merge_edge(old_node, it->second, std::move(e));
    }
}

} // namespace vnkg::extract
