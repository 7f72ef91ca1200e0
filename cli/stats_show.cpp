// `vnkg stats` and `vnkg show`: the two read-only looks at a saved graph. stats counts what is in
// it; show finds nodes by name (ignoring case and diacritics) and prints each with its
// properties, its edges and the sentences they came from.
#include "cli/commands.hpp"

#include "graph/file.hpp"
#include "graph/text.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::cli {

namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

void json_string(JsonWriter& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void json_value(JsonWriter& w, const graph::Value& v) {
    if (const auto* b = std::get_if<bool>(&v)) {
        w.Bool(*b);
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
        w.Int64(*i);
    } else if (const auto* d = std::get_if<double>(&v)) {
        w.Double(*d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
        json_string(w, *s);
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        w.StartArray();
        for (const std::string& item : *list) {
            json_string(w, item);
        }
        w.EndArray();
    } else {
        w.Null();
    }
}

void json_props(JsonWriter& w, const graph::Properties& props) {
    w.StartObject();
    for (const auto& [name, value] : props) {
        json_string(w, name);
        json_value(w, value);
    }
    w.EndObject();
}

void print_json(const rapidjson::StringBuffer& buffer) {
    std::cout.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
    std::cout << '\n';
}

std::string text_value(const graph::Value& v) {
    if (const auto* b = std::get_if<bool>(&v)) {
        return *b ? "true" : "false";
    }
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return std::to_string(*i);
    }
    if (const auto* d = std::get_if<double>(&v)) {
        std::ostringstream out;
        out << *d;
        return out.str();
    }
    if (const auto* s = std::get_if<std::string>(&v)) {
        return *s;
    }
    if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        std::string out;
        for (const std::string& item : *list) {
            out += out.empty() ? "" : "; ";
            out += item;
        }
        return out;
    }
    return "(none)";
}

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
        return std::string(s);
    }
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

/// Terminal columns of a UTF-8 string, counting each code point as one (enough to align
/// Vietnamese, whose letters are single-width).
std::size_t columns(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    std::size_t have = columns(s);
    if (have < width) {
        out.append(width - have, ' ');
    }
    return out;
}

// ---- stats ----

struct StatsOptions {
    std::string graph;
    std::string format = "table";
};

/// The earliest and latest of a set of ISO dates. Only dates with a year count; a range
/// `2020-02-25/2020-02-28` counts from its start to its end.
struct DateRange {
    std::string from;
    std::string to;
    std::size_t dated = 0;
    std::size_t undated = 0;

    void add(std::string_view date) {
        auto has_year = [](std::string_view d) {
            return d.size() >= 4 && std::all_of(d.begin(), d.begin() + 4, [](char c) {
                       return std::isdigit(static_cast<unsigned char>(c)) != 0;
                   });
        };
        std::string_view start = date.substr(0, date.find('/'));
        std::string_view end = date.substr(date.find('/') == std::string_view::npos
                                               ? 0
                                               : date.find('/') + 1);
        if (!has_year(start)) {
            ++undated;
            return;
        }
        if (!has_year(end)) {
            end = start;
        }
        ++dated;
        if (from.empty() || start < from) {
            from = std::string(start);
        }
        if (to.empty() || end > to) {
            to = std::string(end);
        }
    }
    std::string text() const { return dated == 0 ? "none" : from + " to " + to; }
};

struct Stats {
    std::uintmax_t file_size = 0;
    std::size_t nodes = 0;
    std::size_t edges = 0;
    std::map<std::string, std::size_t, std::less<>> by_label;
    std::map<std::string, std::size_t, std::less<>> by_type;
    std::size_t articles = 0;
    DateRange published;
    DateRange edge_dates;
};

Stats collect_stats(const graph::Graph& g, const std::string& path) {
    Stats s;
    std::error_code ec;
    s.file_size = std::filesystem::file_size(path, ec);
    s.nodes = g.node_count();
    s.edges = g.edge_count();
    for (graph::NodeId id = 0; id < g.node_count(); ++id) {
        for (const std::string& label : g.node(id).labels) {
            ++s.by_label[label];
        }
    }
    for (graph::EdgeId id = 0; id < g.edge_count(); ++id) {
        const graph::Edge& e = g.edge(id);
        ++s.by_type[e.type];
        std::string_view date = graph::string_prop(e.props, "date");
        if (!date.empty()) {
            s.edge_dates.add(date);
        }
    }
    s.articles = g.articles().size();
    for (const auto& [id, info] : g.articles()) {
        s.published.add(info.published);
    }
    return s;
}

std::string human_size(std::uintmax_t bytes) {
    std::ostringstream out;
    out.precision(1);
    if (bytes >= 1000000) {
        out << std::fixed << static_cast<double>(bytes) / 1e6 << " MB";
    } else if (bytes >= 1000) {
        out << std::fixed << static_cast<double>(bytes) / 1e3 << " kB";
    } else {
        out << bytes << " bytes";
    }
    return out.str();
}

void print_stats_table(const Stats& s, const std::string& path) {
    auto counts = [](const std::map<std::string, std::size_t, std::less<>>& by) {
        // Largest first, so the shape of the graph reads from the top.
        std::vector<std::pair<std::string, std::size_t>> rows(by.begin(), by.end());
        std::stable_sort(rows.begin(), rows.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        std::size_t width = 0;
        for (const auto& [name, n] : rows) {
            width = std::max(width, columns(name));
        }
        for (const auto& [name, n] : rows) {
            std::cout << "  " << pad(name, width) << "  " << n << '\n';
        }
    };
    std::cout << "graph        " << path << " (" << human_size(s.file_size) << ")\n";
    std::cout << "nodes        " << s.nodes << '\n';
    counts(s.by_label);
    std::cout << "edges        " << s.edges << '\n';
    counts(s.by_type);
    std::cout << "articles     " << s.articles;
    if (s.articles != 0) {
        std::cout << ", published " << s.published.text();
        if (s.published.undated != 0) {
            std::cout << " (" << s.published.undated << " without a date)";
        }
    }
    std::cout << '\n';
    std::cout << "dated edges  " << s.edge_dates.dated;
    if (s.edge_dates.dated != 0) {
        std::cout << ", " << s.edge_dates.text();
    }
    if (s.edge_dates.undated != 0) {
        std::cout << " (" << s.edge_dates.undated << " more dated without a year)";
    }
    std::cout << '\n';
}

void print_stats_json(const Stats& s, const std::string& path) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    auto range = [&w](const DateRange& r) {
        w.StartObject();
        for (const auto& [key, value] : {std::pair{"from", &r.from}, std::pair{"to", &r.to}}) {
            w.Key(key);
            if (r.dated == 0) {
                w.Null();
            } else {
                json_string(w, *value);
            }
        }
        w.Key("dated");
        w.Uint64(r.dated);
        w.Key("undated");
        w.Uint64(r.undated);
        w.EndObject();
    };
    w.StartObject();
    w.Key("file");
    json_string(w, path);
    w.Key("file_size");
    w.Uint64(s.file_size);
    w.Key("nodes");
    w.Uint64(s.nodes);
    w.Key("nodes_by_label");
    w.StartObject();
    for (const auto& [label, n] : s.by_label) {
        json_string(w, label);
        w.Uint64(n);
    }
    w.EndObject();
    w.Key("edges");
    w.Uint64(s.edges);
    w.Key("edges_by_type");
    w.StartObject();
    for (const auto& [type, n] : s.by_type) {
        json_string(w, type);
        w.Uint64(n);
    }
    w.EndObject();
    w.Key("articles");
    w.Uint64(s.articles);
    w.Key("published");
    range(s.published);
    w.Key("edge_dates");
    range(s.edge_dates);
    w.EndObject();
    print_json(buffer);
}

void print_stats_csv(const Stats& s) {
    std::cout << "measure,key,value\n";
    std::cout << "file_size,," << s.file_size << '\n';
    std::cout << "nodes,," << s.nodes << '\n';
    for (const auto& [label, n] : s.by_label) {
        std::cout << "nodes_by_label," << csv_field(label) << ',' << n << '\n';
    }
    std::cout << "edges,," << s.edges << '\n';
    for (const auto& [type, n] : s.by_type) {
        std::cout << "edges_by_type," << csv_field(type) << ',' << n << '\n';
    }
    std::cout << "articles,," << s.articles << '\n';
    std::cout << "published,from," << s.published.from << '\n';
    std::cout << "published,to," << s.published.to << '\n';
    std::cout << "published,undated," << s.published.undated << '\n';
    std::cout << "edge_dates,from," << s.edge_dates.from << '\n';
    std::cout << "edge_dates,to," << s.edge_dates.to << '\n';
    std::cout << "edge_dates,dated," << s.edge_dates.dated << '\n';
}

int run_stats(const StatsOptions& options) {
    graph::Graph g = graph::load(options.graph);
    Stats s = collect_stats(g, options.graph);
    if (options.format == "json") {
        print_stats_json(s, options.graph);
    } else if (options.format == "csv") {
        print_stats_csv(s);
    } else {
        print_stats_table(s, options.graph);
    }
    return 0;
}

// ---- show ----

struct ShowOptions {
    std::string graph;
    std::vector<std::string> text;
    std::string format = "table";
    std::size_t limit = 10;
    std::size_t edges = 8;
    std::size_t sentences = 2;
    std::size_t width = 160;
};

/// How one end of an edge is named: `Meeting "Hội nghị ..."`.
std::string describe(const graph::Node& n) {
    std::string out = n.type() + " \"" + n.name + "\"";
    if (!n.scope.empty() && n.type() != graph::label::article) {
        out += " (" + n.scope + ")";
    }
    return out;
}

std::string edge_props_text(const graph::Properties& props) {
    std::string out;
    for (const auto& [name, value] : props) {
        out += out.empty() ? "" : ", ";
        out += name + " " + text_value(value);
    }
    return out;
}

/// The date an edge is sorted by: its own, else (for MENTIONS) the article's.
std::string edge_date(const graph::Graph& g, graph::EdgeId e, graph::NodeId other) {
    std::string_view date = graph::string_prop(g.edge(e).props, "date");
    if (date.empty()) {
        date = graph::string_prop(g.node(other).props, "published");
    }
    return std::string(date);
}

/// At most `width` code points of `sentence`, cut at spaces, around the first place where one
/// of `anchors` occurs, with `…` where something was left out.
std::string excerpt(std::string_view sentence, const std::vector<std::string_view>& anchors,
                    std::size_t width) {
    if (width == 0 || columns(sentence) <= width) {
        return std::string(sentence);
    }
    std::size_t at = 0;
    for (std::string_view anchor : anchors) {
        std::size_t found = anchor.empty() ? std::string_view::npos : sentence.find(anchor);
        if (found != std::string_view::npos) {
            at = found;
            break;
        }
    }
    // Byte offsets of every code point, to cut on character boundaries.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        if ((static_cast<unsigned char>(sentence[i]) & 0xC0) != 0x80) {
            starts.push_back(i);
        }
    }
    std::size_t anchor_cp = static_cast<std::size_t>(
        std::lower_bound(starts.begin(), starts.end(), at) - starts.begin());
    std::size_t first = anchor_cp > width / 3 ? anchor_cp - width / 3 : 0;
    first = std::min(first, starts.size() - width);
    std::size_t last = first + width; // one past, in code points
    std::size_t begin = starts[first];
    std::size_t end = last < starts.size() ? starts[last] : sentence.size();
    if (first > 0) {
        std::size_t space = sentence.find(' ', begin);
        if (space != std::string_view::npos && space < at && space < end) {
            begin = space + 1;
        }
    }
    if (end < sentence.size()) {
        std::size_t space = sentence.rfind(' ', end);
        if (space != std::string_view::npos && space > begin && space > at) {
            end = space;
        }
    }
    std::string out = begin > 0 ? "…" : "";
    out.append(sentence.substr(begin, end - begin));
    if (end < sentence.size()) {
        out += "…";
    }
    return out;
}

void print_sources(const std::vector<graph::Provenance>& sources,
                   const std::vector<std::string_view>& anchors, const ShowOptions& options,
                   const std::string& indent) {
    const std::size_t max = options.sentences;
    std::size_t shown = 0;
    std::size_t without_sentence = 0;
    for (const graph::Provenance& p : sources) {
        if (p.sentence.empty()) {
            ++without_sentence;
            continue;
        }
        if (shown == max) {
            continue;
        }
        std::string sentence = excerpt(p.sentence, anchors, options.width);
        std::replace(sentence.begin(), sentence.end(), '\n', ' ');
        std::cout << indent << "[" << p.article << "] " << sentence << '\n';
        ++shown;
    }
    std::size_t rest = sources.size() - shown - without_sentence;
    if (rest != 0) {
        std::cout << indent << "(+" << rest << " more)\n";
    }
}

void print_edges(const graph::Graph& g, graph::NodeId id, bool out, const ShowOptions& options) {
    std::vector<graph::EdgeId> edges = out ? g.out_edges(id) : g.in_edges(id);
    if (edges.empty()) {
        return;
    }
    auto other_of = [&](graph::EdgeId e) { return out ? g.edge_target(e) : g.edge_source(e); };
    // By type, then newest first, so the recent facts of each kind come up.
    std::map<std::string, std::vector<graph::EdgeId>, std::less<>> by_type;
    for (graph::EdgeId e : edges) {
        by_type[g.edge(e).type].push_back(e);
    }
    std::cout << "  " << (out ? "out" : "in") << " (" << edges.size() << "):\n";
    for (auto& [type, list] : by_type) {
        std::stable_sort(list.begin(), list.end(), [&](graph::EdgeId a, graph::EdgeId b) {
            return edge_date(g, a, other_of(a)) > edge_date(g, b, other_of(b));
        });
        std::size_t shown = 0;
        for (graph::EdgeId e : list) {
            if (shown == options.edges) {
                std::cout << "    (+" << list.size() - shown << " more " << type << ")\n";
                break;
            }
            ++shown;
            const graph::Edge& edge = g.edge(e);
            std::cout << "    " << type << (out ? " -> " : " <- ") << describe(g.node(other_of(e)));
            std::string props = edge_props_text(edge.props);
            if (!props.empty()) {
                std::cout << "  [" << props << "]";
            }
            std::cout << '\n';
            print_sources(edge.sources, {g.node(id).name, g.node(other_of(e)).name}, options,
                          "        ");
        }
    }
}

void print_node_table(const graph::Graph& g, graph::NodeId id, const ShowOptions& options) {
    const graph::Node& n = g.node(id);
    std::cout << n.name << "\n  ";
    for (std::size_t i = 0; i < n.labels.size(); ++i) {
        std::cout << (i == 0 ? "" : ", ") << n.labels[i];
    }
    if (!n.scope.empty()) {
        std::cout << "  scope: " << n.scope;
    }
    std::cout << '\n';
    std::size_t width = 0;
    for (const auto& [name, value] : n.props) {
        width = std::max(width, columns(name));
    }
    for (const auto& [name, value] : n.props) {
        std::cout << "  " << pad(name + ":", width + 1) << ' ' << text_value(value) << '\n';
    }
    std::set<std::string_view> articles;
    for (const graph::Provenance& p : n.mentions) {
        articles.insert(p.article);
    }
    if (!articles.empty()) {
        std::cout << "  mentioned in " << articles.size()
                  << (articles.size() == 1 ? " article\n" : " articles\n");
    }
    print_edges(g, id, true, options);
    print_edges(g, id, false, options);
}

void json_sources(JsonWriter& w, const std::vector<graph::Provenance>& sources) {
    w.StartArray();
    for (const graph::Provenance& p : sources) {
        w.StartObject();
        w.Key("article");
        json_string(w, p.article);
        w.Key("sentence");
        json_string(w, p.sentence);
        w.EndObject();
    }
    w.EndArray();
}

void json_edges(JsonWriter& w, const graph::Graph& g, graph::NodeId id, bool out) {
    w.StartArray();
    for (graph::EdgeId e : out ? g.out_edges(id) : g.in_edges(id)) {
        graph::NodeId other = out ? g.edge_target(e) : g.edge_source(e);
        const graph::Node& o = g.node(other);
        w.StartObject();
        w.Key("type");
        json_string(w, g.edge(e).type);
        w.Key(out ? "to" : "from");
        w.StartObject();
        w.Key("id");
        w.Uint64(other);
        w.Key("label");
        json_string(w, o.type());
        w.Key("name");
        json_string(w, o.name);
        w.EndObject();
        w.Key("props");
        json_props(w, g.edge(e).props);
        w.Key("sources");
        json_sources(w, g.edge(e).sources);
        w.EndObject();
    }
    w.EndArray();
}

void json_node(JsonWriter& w, const graph::Graph& g, const graph::SearchHit& hit) {
    static constexpr const char* kRanks[] = {"exact", "phrase", "words", "prefixes"};
    const graph::Node& n = g.node(hit.id);
    w.StartObject();
    w.Key("id");
    w.Uint64(hit.id);
    w.Key("match");
    w.String(kRanks[static_cast<int>(hit.rank)]);
    w.Key("name");
    json_string(w, n.name);
    w.Key("labels");
    w.StartArray();
    for (const std::string& l : n.labels) {
        json_string(w, l);
    }
    w.EndArray();
    w.Key("scope");
    json_string(w, n.scope);
    w.Key("props");
    json_props(w, n.props);
    w.Key("mentions");
    json_sources(w, n.mentions);
    w.Key("out");
    json_edges(w, g, hit.id, true);
    w.Key("in");
    json_edges(w, g, hit.id, false);
    w.EndObject();
}

int run_show(const ShowOptions& options) {
    std::string text;
    for (const std::string& word : options.text) {
        text += text.empty() ? "" : " ";
        text += word;
    }
    std::string folded = graph::fold(text);
    if (std::none_of(folded.begin(), folded.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; })) {
        std::cerr << "vnkg show: give a name or some words of it to look for\n";
        return 2;
    }
    graph::Graph g = graph::load(options.graph);
    std::vector<graph::SearchHit> hits = g.search(text);
    if (hits.empty()) {
        std::cerr << "vnkg: no node in " << options.graph << " has a name matching \"" << text
                  << "\"\n";
        return 1;
    }
    std::size_t shown = std::min(hits.size(), options.limit);
    if (options.format == "json") {
        rapidjson::StringBuffer buffer;
        JsonWriter w(buffer);
        w.StartObject();
        w.Key("query");
        json_string(w, text);
        w.Key("matches");
        w.Uint64(hits.size());
        w.Key("nodes");
        w.StartArray();
        for (std::size_t i = 0; i < shown; ++i) {
            json_node(w, g, hits[i]);
        }
        w.EndArray();
        w.EndObject();
        print_json(buffer);
        return 0;
    }
    for (std::size_t i = 0; i < shown; ++i) {
        if (i != 0) {
            std::cout << '\n';
        }
        print_node_table(g, hits[i].id, options);
    }
    if (shown < hits.size()) {
        std::cout << "\n(" << hits.size() - shown << " more nodes match; --limit "
                  << hits.size() << " shows them all)\n";
    }
    return 0;
}

} // namespace

void setup_stats(CLI::App& app, int& status) {
    auto options = std::make_shared<StatsOptions>();
    CLI::App* sub = app.add_subcommand("stats", "Count the nodes, edges and articles of a graph");
    sub->footer("Nodes are counted under each of their labels, edges by type. The date ranges\n"
                "cover articles' published dates and edges' `date` properties that have a year.\n"
                "Examples:\n"
                "  vnkg stats g.vnkg\n"
                "  vnkg stats g.vnkg --format json | jq .edges_by_type");
    sub->add_option("graph", options->graph, "The graph file (from vnkg build)")->required();
    sub->add_option("--format", options->format, "table (default), json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    sub->callback([options, &status] { status = run_stats(*options); });
}

void setup_show(CLI::App& app, int& status) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* sub = app.add_subcommand(
        "show", "Find nodes by name and show their properties, edges and sources");
    sub->footer("TEXT matches names ignoring case and diacritics; its words must appear in order,\n"
                "whole or as the start of a word, with other words allowed between. Exact names\n"
                "come first. Exit status 1 when nothing matches.\n"
                "Examples:\n"
                "  vnkg show g.vnkg \"dao hong van\"      finds Đào Hồng Vận\n"
                "  vnkg show g.vnkg chi thi 05          finds Chỉ thị số 05-CT/TW\n"
                "  vnkg show g.vnkg \"hung yen\" --limit 1 --format json");
    sub->add_option("graph", options->graph, "The graph file (from vnkg build)")->required();
    sub->add_option("text", options->text, "The name or words of it to look for")->required();
    sub->add_option("--format", options->format, "table (default) or json")
        ->check(CLI::IsMember({"table", "json"}));
    sub->add_option("--limit", options->limit, "Show at most this many nodes (default 10)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
    sub->add_option("--edges", options->edges,
                    "Show at most this many edges of each type and direction (default 8)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
    sub->add_option("--sentences", options->sentences,
                    "Show at most this many source sentences an edge (default 2)")
        ->check(CLI::Range(std::size_t{0}, std::size_t{1000}));
    sub->add_option("--width", options->width,
                    "Cut sentences to about this many characters around the names, 0 for whole "
                    "sentences (default 160)");
    sub->callback([options, &status] { status = run_show(*options); });
}

} // namespace vnkg::cli
