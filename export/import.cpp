#include "export/import.hpp"

#include <boost/graph/graphml.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <charconv>
#include <cstdlib>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

namespace vnkg::exporter {

namespace {

using Attrs = std::map<std::string, graph::Value, std::less<>>;

struct RawEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    Attrs attrs;
};

// What Boost's parser does not hand on: which keys hold lists (their <desc> says so) and
// whether the graph is undirected (Boost checks it against the receiving graph).
struct KeyInfo {
    std::set<std::pair<std::string, std::string>> lists; // (for, attr.name)
    bool undirected = false;
};

KeyInfo scan_keys(const std::string& text, const std::string& name) {
    namespace pt = boost::property_tree;
    KeyInfo info;
    pt::ptree tree;
    try {
        std::istringstream in(text);
        pt::read_xml(in, tree);
    } catch (const pt::xml_parser_error& e) {
        throw ImportError(name + ": line " + std::to_string(e.line()) + ": " + e.message());
    }
    auto root = tree.get_child_optional("graphml");
    if (!root) {
        throw ImportError(name + ": not a GraphML document (no <graphml> element)");
    }
    for (const auto& [tag, child] : *root) {
        if (tag == "key") {
            std::string desc = child.get<std::string>("desc", "");
            if (desc.find("list separated by") != std::string::npos) {
                info.lists.emplace(child.get<std::string>("<xmlattr>.for", ""),
                                   child.get<std::string>("<xmlattr>.attr.name", ""));
            }
        } else if (tag == "graph") {
            info.undirected = child.get<std::string>("<xmlattr>.edgedefault", "") == "undirected";
        }
    }
    return info;
}

std::vector<std::string> split_list(std::string_view s, std::string_view sep) {
    std::vector<std::string> out;
    if (s.empty()) {
        return out;
    }
    std::size_t i = 0;
    while (true) {
        std::size_t j = s.find(sep, i);
        if (j == std::string_view::npos) {
            out.emplace_back(s.substr(i));
            break;
        }
        out.emplace_back(s.substr(i, j - i));
        i = j + sep.size();
    }
    return out;
}

// Receives what Boost's GraphML parser reads: vertices, edges and typed attribute text.
class Collector : public boost::mutate_graph {
public:
    Collector(const KeyInfo& keys, std::string name) : keys_(keys), name_(std::move(name)) {}

    std::vector<Attrs> nodes;
    std::vector<RawEdge> edges;

    bool is_directed() const override { return !keys_.undirected; }

    boost::any do_add_vertex() override {
        nodes.emplace_back();
        return nodes.size() - 1;
    }

    std::pair<boost::any, bool> do_add_edge(boost::any source, boost::any target) override {
        edges.push_back(RawEdge{boost::any_cast<std::size_t>(source),
                                boost::any_cast<std::size_t>(target), {}});
        return {edges.size() - 1, true};
    }

    void set_graph_property(const std::string&, const std::string&, const std::string&) override {}

    void set_vertex_property(const std::string& name, boost::any vertex, const std::string& value,
                             const std::string& type) override {
        nodes.at(boost::any_cast<std::size_t>(vertex))[name] = convert("node", name, value, type);
    }

    void set_edge_property(const std::string& name, boost::any edge, const std::string& value,
                           const std::string& type) override {
        edges.at(boost::any_cast<std::size_t>(edge)).attrs[name] =
            convert("edge", name, value, type);
    }

private:
    graph::Value convert(const char* domain, const std::string& key, const std::string& text,
                         const std::string& type) const {
        auto bad = [&]() {
            return ImportError(name_ + ": the value '" + text + "' of " + domain + " attribute '" +
                               key + "' is not a valid " + type);
        };
        if (type == "boolean") {
            if (text == "true" || text == "1") {
                return true;
            }
            if (text == "false" || text == "0") {
                return false;
            }
            throw bad();
        }
        if (type == "int" || type == "long") {
            std::int64_t v = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc() || ptr != text.data() + text.size()) {
                throw bad();
            }
            return v;
        }
        if (type == "float" || type == "double") {
            // GraphML spells infinity INF, which strtod reads too.
            char* end = nullptr;
            double v = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size()) {
                throw bad();
            }
            return v;
        }
        if (keys_.lists.count({domain, key}) != 0 || keys_.lists.count({"all", key}) != 0) {
            return split_list(text, "; ");
        }
        return text;
    }

    const KeyInfo& keys_;
    std::string name_;
};

// Takes attribute `key` out of `attrs` as display text; empty when absent.
std::string take_text(Attrs& attrs, std::string_view key) {
    auto it = attrs.find(key);
    if (it == attrs.end()) {
        return {};
    }
    std::string out;
    if (const auto* s = graph::as_string(it->second)) {
        out = *s;
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&it->second)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            out += (i > 0 ? "; " : "") + (*list)[i];
        }
    } else if (const auto* i = std::get_if<std::int64_t>(&it->second)) {
        out = std::to_string(*i);
    } else if (const auto* d = std::get_if<double>(&it->second)) {
        std::ostringstream s;
        s << *d;
        out = s.str();
    } else if (const auto* b = std::get_if<bool>(&it->second)) {
        out = *b ? "true" : "false";
    }
    attrs.erase(it);
    return out;
}

std::vector<graph::Provenance> take_sources(Attrs& attrs) {
    std::vector<graph::Provenance> out;
    auto it = attrs.find("sources");
    if (it == attrs.end()) {
        return out;
    }
    std::vector<std::string> ids;
    if (const auto* s = graph::as_string(it->second)) {
        ids = split_list(*s, "; ");
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&it->second)) {
        ids = *list;
    } else {
        return out; // not ours: keep it as a property
    }
    attrs.erase(it);
    for (std::string& id : ids) {
        if (!id.empty()) {
            out.push_back(graph::Provenance{std::move(id), {}});
        }
    }
    return out;
}

// The rest of the attributes become properties; `prop_X` names what vnkg renamed on export.
graph::Properties to_props(Attrs&& attrs, const std::vector<std::string_view>& reserved) {
    graph::Properties props;
    for (auto& [key, value] : attrs) {
        std::string name = key;
        if (name.rfind("prop_", 0) == 0) {
            std::string_view bare = std::string_view(name).substr(5);
            if (std::find(reserved.begin(), reserved.end(), bare) != reserved.end()) {
                name = std::string(bare);
            }
        }
        props.insert_or_assign(std::move(name), std::move(value));
    }
    return props;
}

std::vector<std::string> parse_labels(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (c == ':' || c == ';' || c == ',') {
            if (!current.empty()) {
                out.push_back(std::move(current));
                current.clear();
            }
        } else if (c != ' ' || !current.empty()) {
            current.push_back(c);
        }
    }
    while (!current.empty() && current.back() == ' ') {
        current.pop_back();
    }
    if (!current.empty()) {
        out.push_back(std::move(current));
    }
    return out;
}

} // namespace

graph::Graph import_graphml(std::istream& in, const std::string& name, ImportReport* report) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        throw ImportError(name + ": cannot read the file");
    }
    KeyInfo keys = scan_keys(text, name);
    Collector collector(keys, name);
    try {
        std::istringstream stream(text);
        boost::read_graphml(stream, collector, 0);
    } catch (const ImportError&) {
        throw;
    } catch (const std::exception& e) {
        throw ImportError(name + ": " + e.what());
    }

    static const std::vector<std::string_view> kNodeReserved = {"id",    "label",  "type",
                                                                "labels", "scope", "sources",
                                                                "name"};
    static const std::vector<std::string_view> kEdgeReserved = {"id", "label", "weight",
                                                                "sources", "type"};
    graph::Graph g;
    std::vector<graph::NodeId> ids(collector.nodes.size());
    for (std::size_t i = 0; i < collector.nodes.size(); ++i) {
        Attrs& attrs = collector.nodes[i];
        graph::Node node;
        node.labels = parse_labels(take_text(attrs, "labels"));
        if (node.labels.empty()) {
            node.labels = parse_labels(take_text(attrs, "type"));
        } else if (auto it = attrs.find("type");
                   it != attrs.end() && graph::as_string(it->second) != nullptr &&
                   *graph::as_string(it->second) == node.labels.front()) {
            attrs.erase(it);
        }
        if (node.labels.empty()) {
            node.labels.emplace_back("Node");
        }
        node.name = take_text(attrs, "label");
        if (node.name.empty()) {
            node.name = take_text(attrs, "name");
        }
        if (node.name.empty()) {
            node.name = "node " + std::to_string(i + 1);
        }
        if (attrs.count("scope") != 0 && graph::as_string(attrs.find("scope")->second) != nullptr) {
            node.scope = take_text(attrs, "scope");
        }
        node.mentions = take_sources(attrs);
        node.props = to_props(std::move(attrs), kNodeReserved);
        ids[i] = g.merge_node(std::move(node));
    }
    for (RawEdge& raw : collector.edges) {
        graph::Edge edge;
        edge.type = take_text(raw.attrs, "label");
        if (edge.type.empty()) {
            edge.type = take_text(raw.attrs, "type");
        }
        if (edge.type.empty()) {
            edge.type = "RELATED";
        }
        edge.sources = take_sources(raw.attrs);
        if (auto it = raw.attrs.find("weight"); it != raw.attrs.end()) {
            double w = -1;
            if (const auto* d = std::get_if<double>(&it->second)) {
                w = *d;
            } else if (const auto* n = std::get_if<std::int64_t>(&it->second)) {
                w = static_cast<double>(*n);
            }
            std::size_t derived = edge.sources.empty() ? 1 : edge.sources.size();
            if (w == static_cast<double>(derived)) {
                raw.attrs.erase(it);
            }
        }
        edge.props = to_props(std::move(raw.attrs), kEdgeReserved);
        g.merge_edge(ids.at(raw.from), ids.at(raw.to), std::move(edge));
    }
    for (graph::NodeId id : g.nodes_with_label("Article")) {
        const graph::Node& n = g.node(id);
        std::string_view article_id = graph::string_prop(n.props, "id");
        if (!article_id.empty()) {
            g.add_article(graph::ArticleInfo{std::string(article_id), n.name,
                                             std::string(graph::string_prop(n.props, "published")),
                                             std::string(graph::string_prop(n.props, "source")),
                                             {}});
        }
    }
    if (report != nullptr) {
        *report = ImportReport{collector.nodes.size(), collector.edges.size(), g.node_count(),
                               g.edge_count()};
    }
    return g;
}

} // namespace vnkg::exporter
