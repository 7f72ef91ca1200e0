#include "export/common.hpp"
#include "export/writers.hpp"

namespace vnkg::exporter {

namespace {

// A `<key>`; its description marks list columns so that `vnkg import` splits them again.
void write_key(Sink& out, const std::string& id, const char* domain, std::string_view name,
               const char* type, bool list) {
    std::string& b = out.buf();
    b += "  <key id=\"";
    b += id;
    b += "\" for=\"";
    b += domain;
    b += "\" attr.name=\"";
    append_xml(b, name, true);
    b += "\" attr.type=\"";
    b += type;
    if (list) {
        b += "\"><desc>list separated by \"; \"</desc></key>\n";
    } else {
        b += "\"/>\n";
    }
}

void write_data(std::string& b, std::string_view key, std::string_view text) {
    b += "      <data key=\"";
    b += key;
    b += "\">";
    append_xml(b, text, false);
    b += "</data>\n";
}

void write_sources(std::string& b, std::string_view key,
                   const std::vector<graph::Provenance>& provenance) {
    b += "      <data key=\"";
    b += key;
    b += "\">";
    bool first = true;
    for_each_article(provenance, [&](const std::string& id) {
        if (!first) {
            b += "; ";
        }
        first = false;
        append_xml(b, id, false);
    });
    b += "</data>\n";
}

void write_props(std::string& b, const graph::Properties& props, const std::vector<Column>& cols,
                 const std::vector<std::string>& keys) {
    // Both are sorted by name: walk them together.
    std::size_t k = 0;
    for (const auto& [name, value] : props) {
        while (k < cols.size() && cols[k].name < name) {
            ++k;
        }
        if (k == cols.size() || cols[k].name != name ||
            std::holds_alternative<std::monostate>(value)) {
            continue;
        }
        b += "      <data key=\"";
        b += keys[k];
        b += "\">";
        append_value_xml(b, value);
        b += "</data>\n";
    }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep,
                 std::string_view prefix = {}) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0 || !prefix.empty()) {
            out += i > 0 ? sep : prefix;
        }
        out += parts[i];
    }
    return out;
}

} // namespace

WriteReport write_graphml(const graph::Graph& g, const Subgraph& sub, std::ostream& os) {
    static const std::vector<std::string_view> kNodeReserved = {"id",    "label",  "type",
                                                                "labels", "scope", "sources"};
    static const std::vector<std::string_view> kEdgeReserved = {"id", "label", "weight",
                                                                "sources"};
    auto node_props = [&g](graph::NodeId id) -> const graph::Properties& {
        return g.node(id).props;
    };
    auto edge_props = [&g](graph::EdgeId id) -> const graph::Properties& {
        return g.edge(id).props;
    };
    std::vector<Column> node_cols = columns_of(sub.nodes, node_props, kNodeReserved);
    std::vector<Column> edge_cols = columns_of(sub.edges, edge_props, kEdgeReserved);
    bool any_scope = false;
    bool any_node_sources = false;
    for (graph::NodeId id : sub.nodes) {
        any_scope = any_scope || !g.node(id).scope.empty();
        any_node_sources = any_node_sources || !g.node(id).mentions.empty();
    }
    bool any_edge_sources = false;
    for (graph::EdgeId id : sub.edges) {
        any_edge_sources = any_edge_sources || !g.edge(id).sources.empty();
    }

    StableIds ids(g, sub);
    Sink out(os);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

    write_key(out, "label", "node", "label", "string", false);
    write_key(out, "type", "node", "type", "string", false);
    write_key(out, "labels", "node", "labels", "string", false);
    if (any_scope) {
        write_key(out, "scope", "node", "scope", "string", false);
    }
    if (any_node_sources) {
        write_key(out, "sources", "node", "sources", "string", true);
    }
    std::vector<std::string> node_keys;
    for (std::size_t i = 0; i < node_cols.size(); ++i) {
        node_keys.push_back(std::string("n").append(std::to_string(i)));
        write_key(out, node_keys.back(), "node", node_cols[i].out_name, xml_attr_type(node_cols[i]),
                  node_cols[i].list);
    }
    write_key(out, "elabel", "edge", "label", "string", false);
    write_key(out, "weight", "edge", "weight", "double", false);
    if (any_edge_sources) {
        write_key(out, "esources", "edge", "sources", "string", true);
    }
    std::vector<std::string> edge_keys;
    for (std::size_t i = 0; i < edge_cols.size(); ++i) {
        edge_keys.push_back(std::string("e").append(std::to_string(i)));
        write_key(out, edge_keys.back(), "edge", edge_cols[i].out_name, xml_attr_type(edge_cols[i]),
                  edge_cols[i].list);
    }
    out << "  <graph id=\"G\" edgedefault=\"directed\">\n";

    std::string& b = out.buf();
    for (graph::NodeId id : sub.nodes) {
        const graph::Node& n = g.node(id);
        b += "    <node id=\"";
        b += ids.node(id);
        b += "\">\n";
        write_data(b, "label", n.name);
        write_data(b, "type", n.type());
        write_data(b, "labels", join(n.labels, ":", ":"));
        if (!n.scope.empty()) {
            write_data(b, "scope", n.scope);
        }
        if (!n.mentions.empty()) {
            write_sources(b, "sources", n.mentions);
        }
        write_props(b, n.props, node_cols, node_keys);
        b += "    </node>\n";
        out.maybe_flush();
    }
    for (graph::EdgeId id : sub.edges) {
        const graph::Edge& e = g.edge(id);
        b += "    <edge id=\"";
        b += ids.edge(id);
        b += "\" source=\"";
        b += ids.node(g.edge_source(id));
        b += "\" target=\"";
        b += ids.node(g.edge_target(id));
        b += "\">\n";
        write_data(b, "elabel", e.type);
        b += "      <data key=\"weight\">";
        b += std::to_string(edge_weight(e));
        b += "</data>\n";
        if (!e.sources.empty()) {
            write_sources(b, "esources", e.sources);
        }
        write_props(b, e.props, edge_cols, edge_keys);
        b += "    </edge>\n";
        out.maybe_flush();
    }
    out << "  </graph>\n</graphml>\n";
    out.flush();
    return WriteReport{sub.nodes.size(), sub.edges.size(), {}};
}

} // namespace vnkg::exporter
