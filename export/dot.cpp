#include "export/common.hpp"
#include "export/writers.hpp"

#include <map>
#include <optional>

namespace vnkg::exporter {

namespace {

// Unconnected nodes per row (see write_dot).
constexpr std::size_t kRow = 6;

struct Style {
    const char* shape;
    const char* fill;
};

Style style_of(std::string_view type, std::map<std::string, Style, std::less<>>& others) {
    static const std::map<std::string_view, Style> kKnown = {
        {"Person", {"ellipse", "#8dd3c7"}},      {"Organisation", {"box", "#80b1d3"}},
        {"Province", {"house", "#b3de69"}},      {"Directive", {"note", "#fdb462"}},
        {"Meeting", {"octagon", "#fb8072"}},     {"Article", {"tab", "#d9d9d9"}},
    };
    static const char* kSpare[] = {"#bebada", "#fccde5", "#ffffb3", "#bc80bd", "#ccebc5",
                                   "#ffed6f"};
    if (auto it = kKnown.find(type); it != kKnown.end()) {
        return it->second;
    }
    auto it = others.find(type);
    if (it == others.end()) {
        Style s{"ellipse", kSpare[others.size() % std::size(kSpare)]};
        it = others.emplace(std::string(type), s).first;
    }
    return it->second;
}

// Breaks a long name into lines of about `width` characters at spaces, so nodes stay compact.
std::string wrap(std::string_view text, std::size_t width = 28) {
    std::string out;
    std::size_t line = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) {
            j = text.size();
        }
        std::string_view word = text.substr(i, j - i);
        std::size_t chars = 0;
        for (char c : word) {
            chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        }
        if (line > 0 && line + 1 + chars > width) {
            out.push_back('\n');
            line = 0;
        } else if (line > 0) {
            out.push_back(' ');
            ++line;
        }
        out += word;
        line += chars;
        i = j + 1;
    }
    return out;
}

std::string province_of(const graph::Node& n) {
    if (n.type() == "Province") {
        return n.name;
    }
    return std::string(graph::string_prop(n.props, "province"));
}

void write_node(std::string& b, std::string_view id, const graph::Node& n, Style s) {
    b += "    \"";
    b += id;
    b += "\" [label=\"";
    append_dot(b, wrap(clean(n.name)));
    b += "\", shape=";
    b += s.shape;
    b += ", fillcolor=\"";
    b += s.fill;
    b += "\", tooltip=\"";
    append_dot(b, n.type());
    b += "\"];\n";
}

} // namespace

WriteReport write_dot(const graph::Graph& g, const Subgraph& sub, std::ostream& os,
                      const DotOptions& options) {
    WriteReport report{sub.nodes.size(), sub.edges.size(), {}};
    if (sub.edges.size() > options.slow_edges) {
        report.warnings.push_back(std::to_string(sub.edges.size()) +
                                  " edges: dot gets slow past a few hundred; render with "
                                  "`sfdp -Tsvg` instead, or export less with --around, --types "
                                  "or --since/--until");
    }
    StableIds ids(g, sub);
    std::map<std::string, Style, std::less<>> others;
    // The legend lists types in the order they first appear.
    std::vector<std::string> types;
    for (graph::NodeId id : sub.nodes) {
        const std::string& t = g.node(id).type();
        if (std::find(types.begin(), types.end(), t) == types.end()) {
            types.push_back(t);
        }
    }

    Sink out(os);
    out << "digraph vnkg {\n"
           "    graph [charset=\"UTF-8\", fontname=\"DejaVu Sans\", overlap=false, "
           "splines=true, rankdir=LR, nodesep=0.3];\n"
           "    node [style=filled, fontname=\"DejaVu Sans\", fontsize=10];\n"
           "    edge [fontname=\"DejaVu Sans\", fontsize=8, color=\"#555555\"];\n";
    std::string& b = out.buf();
    if (!types.empty()) {
        b += "    subgraph cluster_legend {\n"
             "        label=\"Legend\"; style=dashed; color=\"#999999\"; fontsize=10;\n";
        for (std::size_t i = 0; i < types.size(); ++i) {
            Style s = style_of(types[i], others);
            b += "        \"legend_" + std::to_string(i) + "\" [label=\"";
            append_dot(b, types[i]);
            b += "\", shape=";
            b += s.shape;
            b += ", fillcolor=\"";
            b += s.fill;
            b += "\"];\n";
        }
        for (std::size_t i = 1; i < types.size(); ++i) {
            b += "        \"legend_" + std::to_string(i - 1) + "\" -> \"legend_" +
                 std::to_string(i) + "\" [style=invis];\n";
        }
        b += "    }\n";
    }

    if (options.cluster_by == ClusterBy::none) {
        for (graph::NodeId id : sub.nodes) {
            write_node(b, ids.node(id), g.node(id), style_of(g.node(id).type(), others));
            out.maybe_flush();
        }
    } else {
        std::map<std::string, std::vector<graph::NodeId>> groups;
        std::vector<graph::NodeId> loose;
        for (graph::NodeId id : sub.nodes) {
            const graph::Node& n = g.node(id);
            std::string group =
                options.cluster_by == ClusterBy::type ? n.type() : province_of(n);
            (group.empty() ? loose : groups[group]).push_back(id);
        }
        std::size_t index = 0;
        for (const auto& [group, members] : groups) {
            b += "    subgraph cluster_" + std::to_string(index++) + " {\n        label=\"";
            append_dot(b, group);
            b += "\"; style=rounded; color=\"#777777\";\n";
            for (graph::NodeId id : members) {
                b += "    ";
                write_node(b, ids.node(id), g.node(id), style_of(g.node(id).type(), others));
            }
            b += "    }\n";
            out.maybe_flush();
        }
        for (graph::NodeId id : loose) {
            write_node(b, ids.node(id), g.node(id), style_of(g.node(id).type(), others));
        }
    }

    // Unconnected nodes would stack in one rank, a column as tall as their number: chain them
    // invisibly into rows instead, so the picture stays compact.
    std::vector<char> linked(g.node_count(), 0);
    for (graph::EdgeId id : sub.edges) {
        linked[g.edge_source(id)] = 1;
        linked[g.edge_target(id)] = 1;
    }
    std::size_t in_row = 0;
    std::optional<StableIds::Text> previous;
    for (graph::NodeId id : sub.nodes) {
        bool clustered = options.cluster_by == ClusterBy::type ||
                         (options.cluster_by == ClusterBy::province &&
                          !province_of(g.node(id)).empty());
        if (linked[id] || clustered) {
            continue;
        }
        if (previous && in_row % kRow != 0) {
            b += "    \"";
            b += previous->view();
            b += "\" -> \"";
            b += ids.node(id);
            b += "\" [style=invis];\n";
        }
        previous = ids.node(id);
        ++in_row;
    }

    for (graph::EdgeId id : sub.edges) {
        const graph::Edge& e = g.edge(id);
        std::string label = e.type;
        for (std::string_view prop : {"role", "title"}) {
            std::string_view v = graph::string_prop(e.props, prop);
            if (!v.empty()) {
                label += " (" + std::string(v) + ")";
            }
        }
        if (auto it = e.props.find("date"); it != e.props.end()) {
            std::string date = value_text(it->second, ", ");
            if (!date.empty()) {
                label += "\n" + date;
            }
        }
        b += "    \"";
        b += ids.node(g.edge_source(id));
        b += "\" -> \"";
        b += ids.node(g.edge_target(id));
        b += "\" [label=\"";
        append_dot(b, label);
        b += "\"";
        if (std::size_t w = edge_weight(e); w > 1) {
            b += ", penwidth=" + std::to_string(std::min<std::size_t>(1 + w / 2, 6));
        }
        b += "];\n";
        out.maybe_flush();
    }
    out << "}\n";
    out.flush();
    return report;
}

} // namespace vnkg::exporter
