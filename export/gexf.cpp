#include "export/common.hpp"
#include "export/dates.hpp"
#include "export/writers.hpp"

#include <algorithm>

namespace vnkg::exporter {

namespace {

void write_attributes(Sink& out, const char* cls, const std::vector<std::string_view>& fixed,
                      const std::vector<Column>& cols) {
    std::string& b = out.buf();
    b += "    <attributes class=\"";
    b += cls;
    b += "\">\n";
    std::size_t i = 0;
    for (std::string_view name : fixed) {
        b += "      <attribute id=\"" + std::to_string(i++) + "\" title=\"";
        b += name;
        b += "\" type=\"string\"/>\n";
    }
    for (const Column& c : cols) {
        b += "      <attribute id=\"" + std::to_string(i++) + "\" title=\"";
        append_xml(b, c.out_name, true);
        b += "\" type=\"";
        b += xml_attr_type(c);
        b += "\"/>\n";
    }
    b += "    </attributes>\n";
}

void attvalue(std::string& b, std::size_t index, std::string_view value) {
    b += "        <attvalue for=\"" + std::to_string(index) + "\" value=\"";
    append_xml(b, value, true);
    b += "\"/>\n";
}

void write_attvalues(std::string& b, const std::vector<std::string>& fixed_values,
                     const graph::Properties& props, const std::vector<Column>& cols) {
    b += "      <attvalues>\n";
    for (std::size_t i = 0; i < fixed_values.size(); ++i) {
        if (!fixed_values[i].empty()) {
            attvalue(b, i, fixed_values[i]);
        }
    }
    for (std::size_t k = 0; k < cols.size(); ++k) {
        auto it = props.find(cols[k].name);
        if (it != props.end() && !std::holds_alternative<std::monostate>(it->second)) {
            attvalue(b, fixed_values.size() + k, value_text(it->second));
        }
    }
    b += "      </attvalues>\n";
}

// start/end on the element itself for one span; the spells go inside it (see write_spells).
void write_bounds(std::string& b, const std::vector<DateSpan>& spans) {
    if (spans.size() == 1) {
        b += " start=\"" + spans[0].start + "\" end=\"" + spans[0].end + "\"";
    }
}

void write_spells(std::string& b, const std::vector<DateSpan>& spans) {
    if (spans.size() < 2) {
        return;
    }
    b += "      <spells>\n";
    for (const DateSpan& s : spans) {
        b += "        <spell start=\"" + s.start + "\" end=\"" + s.end + "\"/>\n";
    }
    b += "      </spells>\n";
}

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

// HOLDS_POSITION is dated by the article that reports it (spec: its date is the article's), so
// each further source reports it again on its own publication date. Other dated edges (a
// meeting attended, a directive issued) happened once, however many articles tell of it.
std::vector<DateSpan> edge_spans(const graph::Graph& g, const graph::Edge& e) {
    auto it = e.props.find("date");
    if (it == e.props.end()) {
        return {};
    }
    std::vector<DateSpan> spans = spans_of(it->second);
    const std::string* date = graph::as_string(it->second);
    if (date == nullptr || e.sources.size() < 2 || e.type != graph::rel::holds_position) {
        return spans;
    }
    std::vector<std::string> published;
    for (const std::string& id : article_ids(e.sources)) {
        if (const graph::ArticleInfo* a = g.article(id); a != nullptr && !a->published.empty()) {
            published.push_back(a->published);
        }
    }
    if (std::find(published.begin(), published.end(), *date) == published.end()) {
        return spans;
    }
    for (const std::string& p : published) {
        if (auto span = date_span(p); span && std::find(spans.begin(), spans.end(), *span) ==
                                                   spans.end()) {
            spans.push_back(*span);
        }
    }
    std::sort(spans.begin(), spans.end(),
              [](const DateSpan& a, const DateSpan& b) { return a.start < b.start; });
    return spans;
}

std::string labels_text(const graph::Node& n) {
    std::string s;
    for (const std::string& l : n.labels) {
        s += ':';
        s += l;
    }
    return s;
}

} // namespace

WriteReport write_gexf(const graph::Graph& g, const Subgraph& sub, std::ostream& os) {
    static const std::vector<std::string_view> kNodeFixed = {"type", "labels", "scope",
                                                             "sources"};
    static const std::vector<std::string_view> kEdgeFixed = {"type", "sources"};
    auto node_props = [&g](graph::NodeId id) -> const graph::Properties& {
        return g.node(id).props;
    };
    auto edge_props = [&g](graph::EdgeId id) -> const graph::Properties& {
        return g.edge(id).props;
    };
    std::vector<Column> node_cols = columns_of(sub.nodes, node_props, kNodeFixed);
    std::vector<Column> edge_cols = columns_of(sub.edges, edge_props, kEdgeFixed);
    StableIds ids(g, sub);

    Sink out(os);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\"\n"
           "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
           "    version=\"1.3\">\n"
           "  <meta>\n    <creator>vnkg</creator>\n  </meta>\n"
           "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">\n";
    write_attributes(out, "node", kNodeFixed, node_cols);
    write_attributes(out, "edge", kEdgeFixed, edge_cols);

    std::string& b = out.buf();
    b += "    <nodes count=\"" + std::to_string(sub.nodes.size()) + "\">\n";
    for (graph::NodeId id : sub.nodes) {
        const graph::Node& n = g.node(id);
        auto spans = node_spans(n);
        b += "      <node id=\"";
        b += ids.node(id);
        b += "\" label=\"";
        append_xml(b, n.name, true);
        b += '"';
        write_bounds(b, spans);
        b += ">\n";
        std::string sources;
        for (const std::string& a : article_ids(n.mentions)) {
            sources += sources.empty() ? "" : "; ";
            sources += a;
        }
        write_attvalues(b, {n.type(), labels_text(n), n.scope, sources}, n.props, node_cols);
        write_spells(b, spans);
        b += "      </node>\n";
        out.maybe_flush();
    }
    b += "    </nodes>\n";
    b += "    <edges count=\"" + std::to_string(sub.edges.size()) + "\">\n";
    for (graph::EdgeId id : sub.edges) {
        const graph::Edge& e = g.edge(id);
        auto spans = edge_spans(g, e);
        b += "      <edge id=\"";
        b += ids.edge(id);
        b += "\" source=\"";
        b += ids.node(g.edge_source(id));
        b += "\" target=\"";
        b += ids.node(g.edge_target(id));
        b += "\" label=\"";
        append_xml(b, e.type, true);
        b += "\" kind=\"";
        append_xml(b, e.type, true);
        b += "\" weight=\"" + std::to_string(edge_weight(e)) + "\"";
        write_bounds(b, spans);
        b += ">\n";
        std::string sources;
        for (const std::string& a : article_ids(e.sources)) {
            sources += sources.empty() ? "" : "; ";
            sources += a;
        }
        write_attvalues(b, {e.type, sources}, e.props, edge_cols);
        write_spells(b, spans);
        b += "      </edge>\n";
        out.maybe_flush();
    }
    b += "    </edges>\n  </graph>\n</gexf>\n";
    out.flush();
    return WriteReport{sub.nodes.size(), sub.edges.size(), {}};
}

} // namespace vnkg::exporter
