#include "export/common.hpp"
#include "export/writers.hpp"

#include <rapidjson/writer.h>

#include <cmath>

namespace vnkg::exporter {

namespace {

// RapidJSON's output-stream concept over our Sink.
class SinkStream {
public:
    using Ch = char;
    explicit SinkStream(Sink& sink) : sink_(sink) {}
    void Put(char c) { sink_.buf().push_back(c); }
    void Flush() {}

private:
    Sink& sink_;
};

using Writer = rapidjson::Writer<SinkStream>;

void string(Writer& w, std::string_view s) {
    std::string c = clean(s);
    w.String(c.data(), static_cast<rapidjson::SizeType>(c.size()));
}

void value(Writer& w, const graph::Value& v) {
    if (const auto* b = std::get_if<bool>(&v)) {
        w.Bool(*b);
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
        w.Int64(*i);
    } else if (const auto* d = std::get_if<double>(&v)) {
        if (std::isfinite(*d)) {
            w.Double(*d);
        } else {
            w.Null();
        }
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        string(w, *s);
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        w.StartArray();
        for (const std::string& item : *list) {
            string(w, item);
        }
        w.EndArray();
    } else {
        w.Null();
    }
}

void props(Writer& w, const graph::Properties& p, const std::vector<std::string_view>& reserved) {
    for (const auto& [name, v] : p) {
        if (std::holds_alternative<std::monostate>(v)) {
            continue;
        }
        bool clash = std::find(reserved.begin(), reserved.end(), name) != reserved.end();
        string(w, clash ? "prop_" + name : name);
        value(w, v);
    }
}

void string_list(Writer& w, const std::vector<std::string>& list) {
    w.StartArray();
    for (const std::string& s : list) {
        string(w, s);
    }
    w.EndArray();
}

} // namespace

WriteReport write_json(const graph::Graph& g, const Subgraph& sub, std::ostream& os) {
    static const std::vector<std::string_view> kNodeReserved = {"id",    "label",  "type",
                                                                "labels", "scope", "sources"};
    static const std::vector<std::string_view> kEdgeReserved = {
        "id", "source", "target", "key", "label", "weight", "sources"};
    StableIds ids(g, sub);
    Sink out(os);
    SinkStream stream(out);
    Writer w(stream);
    w.StartObject();
    w.Key("directed");
    w.Bool(true);
    w.Key("multigraph");
    w.Bool(true);
    w.Key("graph");
    w.StartObject();
    w.EndObject();
    w.Key("nodes");
    w.StartArray();
    for (graph::NodeId id : sub.nodes) {
        const graph::Node& n = g.node(id);
        w.StartObject();
        w.Key("id");
        string(w, ids.node(id));
        w.Key("label");
        string(w, n.name);
        w.Key("type");
        string(w, n.type());
        w.Key("labels");
        string_list(w, n.labels);
        if (!n.scope.empty()) {
            w.Key("scope");
            string(w, n.scope);
        }
        if (!n.mentions.empty()) {
            w.Key("sources");
            string_list(w, article_ids(n.mentions));
        }
        props(w, n.props, kNodeReserved);
        w.EndObject();
        out.maybe_flush();
    }
    w.EndArray();
    w.Key("links");
    w.StartArray();
    for (graph::EdgeId id : sub.edges) {
        const graph::Edge& e = g.edge(id);
        w.StartObject();
        w.Key("source");
        string(w, ids.node(g.edge_source(id)));
        w.Key("target");
        string(w, ids.node(g.edge_target(id)));
        w.Key("key");
        string(w, ids.edge(id));
        w.Key("label");
        string(w, e.type);
        w.Key("weight");
        w.Uint64(edge_weight(e));
        if (!e.sources.empty()) {
            w.Key("sources");
            string_list(w, article_ids(e.sources));
        }
        props(w, e.props, kEdgeReserved);
        w.EndObject();
        out.maybe_flush();
    }
    w.EndArray();
    w.EndObject();
    out << "\n";
    out.flush();
    return WriteReport{sub.nodes.size(), sub.edges.size(), {}};
}

} // namespace vnkg::exporter
