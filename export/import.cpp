#include "export/import.hpp"

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <charconv>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
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

namespace pt = boost::property_tree;

pt::ptree::path_type attr(const std::string& name) {
    // '/' as the separator: GraphML's attribute names hold dots (attr.name).
    return pt::ptree::path_type("<xmlattr>/" + name, '/');
}

struct Key {
    std::string domain; // node, edge, graph, all
    std::string name;
    std::string type;
    bool list = false;
    std::optional<std::string> fallback; // the key's <default>
};

// Converts GraphML text of `type` to a value; nullopt when it does not parse.
std::optional<graph::Value> convert(const Key& key, const std::string& text) {
    const std::string& type = key.type;
    if (type == "boolean") {
        if (text == "true" || text == "1") {
            return true;
        }
        if (text == "false" || text == "0") {
            return false;
        }
        return std::nullopt;
    }
    if (type == "int" || type == "long") {
        std::int64_t v = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || ptr != text.data() + text.size()) {
            return std::nullopt;
        }
        return v;
    }
    if (type == "float" || type == "double") {
        // GraphML spells infinity INF, which strtod reads too.
        char* end = nullptr;
        double v = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size()) {
            return std::nullopt;
        }
        return v;
    }
    if (key.list) {
        return split_list(text, "; ");
    }
    return text;
}

class Reader {
public:
    explicit Reader(std::string name) : name_(std::move(name)) {}

    void read_keys(const pt::ptree& root) {
        for (const auto& [tag, child] : root) {
            if (tag != "key") {
                continue;
            }
            Key k;
            std::string id = child.get<std::string>(attr("id"), "");
            k.domain = child.get<std::string>(attr("for"), "all");
            k.name = child.get<std::string>(attr("attr.name"), "");
            k.type = child.get<std::string>(attr("attr.type"), "string");
            // Keys without a name carry tool-specific XML (yEd's graphics): not properties.
            if (id.empty() || k.name.empty()) {
                continue;
            }
            k.list = child.get<std::string>("desc", "").find("list separated by") !=
                     std::string::npos;
            if (auto d = child.get_child_optional("default")) {
                k.fallback = d->data();
            }
            keys_.emplace(std::move(id), std::move(k));
        }
    }

    // The attributes of a <node> or <edge>: its <data>, then defaults for keys it lacks.
    Attrs attrs_of(const pt::ptree& element, std::string_view domain, const std::string& what) {
        Attrs out;
        for (const auto& [tag, child] : element) {
            if (tag != "data") {
                continue;
            }
            std::string id = child.get<std::string>(attr("key"), "");
            auto k = keys_.find(id);
            if (k == keys_.end()) {
                continue; // undeclared, or tool-specific XML such as yEd's graphics
            }
            if (k->second.domain != domain && k->second.domain != "all") {
                continue;
            }
            std::optional<graph::Value> v = convert(k->second, child.data());
            if (!v) {
                throw ImportError(name_ + ": " + what + ": the value '" + child.data() +
                                  "' of attribute '" + k->second.name + "' is not a valid " +
                                  k->second.type);
            }
            out.insert_or_assign(k->second.name, std::move(*v));
        }
        for (const auto& [id, k] : keys_) {
            if (k.fallback && (k.domain == domain || k.domain == "all") &&
                out.count(k.name) == 0) {
                if (auto v = convert(k, *k.fallback)) {
                    out.emplace(k.name, std::move(*v));
                }
            }
        }
        return out;
    }

private:
    std::string name_;
    std::map<std::string, Key> keys_;
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
    pt::ptree tree;
    try {
        std::istringstream stream(text);
        pt::read_xml(stream, tree);
    } catch (const pt::xml_parser_error& e) {
        throw ImportError(name + ": line " + std::to_string(e.line()) + ": " + e.message());
    }
    auto root = tree.get_child_optional("graphml");
    if (!root) {
        throw ImportError(name + ": not a GraphML document (no <graphml> element)");
    }
    auto graph_element = root->get_child_optional("graph");
    if (!graph_element) {
        throw ImportError(name + ": no <graph> element");
    }
    Reader reader(name);
    reader.read_keys(*root);

    struct RawNode {
        std::string id;
        Attrs attrs;
    };
    std::vector<RawNode> raw_nodes;
    std::map<std::string, std::size_t, std::less<>> node_index;
    std::vector<RawEdge> raw_edges;
    for (const auto& [tag, child] : *graph_element) {
        if (tag != "node") {
            continue;
        }
        std::string id = child.get<std::string>(attr("id"), "");
        if (id.empty()) {
            throw ImportError(name + ": a <node> without an id");
        }
        if (!node_index.emplace(id, raw_nodes.size()).second) {
            throw ImportError(name + ": two nodes have the id '" + id + "'");
        }
        raw_nodes.push_back(RawNode{id, reader.attrs_of(child, "node", "node '" + id + "'")});
    }
    for (const auto& [tag, child] : *graph_element) {
        if (tag != "edge") {
            continue;
        }
        std::string source = child.get<std::string>(attr("source"), "");
        std::string target = child.get<std::string>(attr("target"), "");
        auto s = node_index.find(source);
        auto t = node_index.find(target);
        if (s == node_index.end() || t == node_index.end()) {
            throw ImportError(name + ": an edge from '" + source + "' to '" + target +
                              "' names a node that is not in the file");
        }
        raw_edges.push_back(RawEdge{s->second, t->second,
                                    reader.attrs_of(child, "edge",
                                                    "the edge from '" + source + "' to '" +
                                                        target + "'")});
    }

    static const std::vector<std::string_view> kNodeReserved = {"id",    "label",  "type",
                                                                "labels", "scope", "sources",
                                                                "name"};
    static const std::vector<std::string_view> kEdgeReserved = {"id", "label", "weight",
                                                                "sources", "type"};
    graph::Graph g;
    std::vector<graph::NodeId> ids(raw_nodes.size());
    for (std::size_t i = 0; i < raw_nodes.size(); ++i) {
        Attrs& attrs = raw_nodes[i].attrs;
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
            node.name = raw_nodes[i].id;
        }
        if (attrs.count("scope") != 0 && graph::as_string(attrs.find("scope")->second) != nullptr) {
            node.scope = take_text(attrs, "scope");
        }
        node.mentions = take_sources(attrs);
        node.props = to_props(std::move(attrs), kNodeReserved);
        ids[i] = g.merge_node(std::move(node));
    }
    for (RawEdge& raw : raw_edges) {
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
        *report = ImportReport{raw_nodes.size(), raw_edges.size(), g.node_count(),
                               g.edge_count()};
    }
    return g;
}

} // namespace vnkg::exporter
