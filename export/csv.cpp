#include "export/common.hpp"
#include "export/writers.hpp"

#include <map>
#include <set>

namespace vnkg::exporter {

namespace {

// neo4j-admin's array delimiter (its default).
constexpr std::string_view kArraySep = ";";

std::string neo4j_suffix(const Column& c) {
    if (c.list) {
        return ":string[]";
    }
    switch (c.kind) {
    case Kind::boolean:
        return ":boolean";
    case Kind::integer:
        return ":long";
    case Kind::real:
        return ":double";
    case Kind::text:
        break;
    }
    return "";
}

const char* kuzu_type(const Column& c) {
    if (c.list) {
        return "STRING";
    }
    switch (c.kind) {
    case Kind::boolean:
        return "BOOLEAN";
    case Kind::integer:
        return "INT64";
    case Kind::real:
        return "DOUBLE";
    case Kind::text:
        break;
    }
    return "STRING";
}

std::string file_part(std::string_view s) {
    std::string out;
    for (char c : s) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-';
        out.push_back(ok ? c : '_');
    }
    return out.empty() ? "_" : out;
}

std::string quoted(std::string_view name) {
    std::string out = "`";
    for (char c : name) {
        if (c == '`') {
            out += "``";
        } else {
            out.push_back(c);
        }
    }
    return out + "`";
}

std::string joined(const std::vector<std::string>& list, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (i > 0) {
            out += sep;
        }
        out += list[i];
    }
    return out;
}

void prop_fields(std::string& line, const graph::Properties& props,
                 const std::vector<Column>& cols) {
    for (const Column& c : cols) {
        line.push_back(',');
        auto it = props.find(c.name);
        if (it != props.end()) {
            append_csv(line, value_text(it->second, kArraySep));
        }
    }
}

void header_fields(std::string& line, const std::vector<Column>& cols) {
    for (const Column& c : cols) {
        line.push_back(',');
        append_csv(line, c.out_name + neo4j_suffix(c));
    }
}

void kuzu_columns(std::string& s, const std::vector<Column>& cols) {
    for (const Column& c : cols) {
        s += ", " + quoted(c.out_name) + " " + kuzu_type(c);
    }
}

} // namespace

std::vector<CsvFile> csv_files(const graph::Graph& g, const Subgraph& sub, WriteReport& report) {
    static const std::vector<std::string_view> kNodeReserved = {"id", "labels", "name", "scope",
                                                                "sources"};
    static const std::vector<std::string_view> kEdgeReserved = {"type", "id", "weight",
                                                                "sources"};
    report = WriteReport{sub.nodes.size(), sub.edges.size(), {}};
    StableIds ids(g, sub);
    std::set<std::string> used_names;
    auto unique_name = [&used_names](std::string base) {
        std::string name = base + ".csv";
        for (int i = 2; used_names.count(name) != 0; ++i) {
            name = base + "_" + std::to_string(i) + ".csv";
        }
        used_names.insert(name);
        return name;
    };

    std::map<std::string, std::vector<graph::NodeId>> by_label;
    for (graph::NodeId id : sub.nodes) {
        by_label[g.node(id).type()].push_back(id);
    }
    std::map<std::string, std::map<std::pair<std::string, std::string>, std::vector<graph::EdgeId>>>
        by_type;
    for (graph::EdgeId id : sub.edges) {
        by_type[g.edge(id).type][{g.node(g.edge_source(id)).type(),
                                  g.node(g.edge_target(id)).type()}]
            .push_back(id);
    }

    std::vector<CsvFile> files;
    std::string neo4j = "#!/bin/sh\n"
                        "# Loads these files into a new, stopped Neo4j 5 database called neo4j.\n"
                        "# Run it from this folder.\n"
                        "neo4j-admin database import full --array-delimiter=';' \\\n";
    std::string kuzu_schema = "// Run in the Kuzu shell from this folder: kuzu DB < kuzu-import.cypher\n";
    std::string kuzu_copy;

    for (const auto& [label, nodes] : by_label) {
        auto props_of = [&g](graph::NodeId id) -> const graph::Properties& {
            return g.node(id).props;
        };
        std::vector<Column> cols = columns_of(nodes, props_of, kNodeReserved);
        CsvFile f{unique_name("nodes_" + file_part(label)), {}};
        std::string& t = f.text;
        t += "id:ID,:LABEL,name,scope,sources:string[]";
        header_fields(t, cols);
        t += "\r\n";
        for (graph::NodeId id : nodes) {
            const graph::Node& n = g.node(id);
            t += ids.node(id);
            t.push_back(',');
            append_csv(t, joined(n.labels, ";"));
            t.push_back(',');
            append_csv(t, n.name);
            t.push_back(',');
            append_csv(t, n.scope);
            t.push_back(',');
            append_csv(t, joined(article_ids(n.mentions), kArraySep));
            prop_fields(t, n.props, cols);
            t += "\r\n";
        }
        neo4j += "    --nodes=" + f.name + " \\\n";
        kuzu_schema += "CREATE NODE TABLE " + quoted(label) +
                       "(`id` STRING, `labels` STRING, `name` STRING, `scope` STRING, "
                       "`sources` STRING";
        kuzu_columns(kuzu_schema, cols);
        kuzu_schema += ", PRIMARY KEY (`id`));\n";
        kuzu_copy += "COPY " + quoted(label) + " FROM '" + f.name + "' (HEADER=true);\n";
        files.push_back(std::move(f));
    }

    for (const auto& [type, pairs] : by_type) {
        std::vector<graph::EdgeId> all;
        for (const auto& [pair, edges] : pairs) {
            all.insert(all.end(), edges.begin(), edges.end());
        }
        auto props_of = [&g](graph::EdgeId id) -> const graph::Properties& {
            return g.edge(id).props;
        };
        std::vector<Column> cols = columns_of(all, props_of, kEdgeReserved);
        kuzu_schema += "CREATE REL TABLE " + quoted(type) + "(";
        bool first = true;
        for (const auto& [pair, edges] : pairs) {
            kuzu_schema += first ? "" : ", ";
            kuzu_schema += "FROM " + quoted(pair.first) + " TO " + quoted(pair.second);
            first = false;
        }
        kuzu_schema += ", `type` STRING, `id` STRING, `weight` INT64, `sources` STRING";
        kuzu_columns(kuzu_schema, cols);
        kuzu_schema += ");\n";
        for (const auto& [pair, edges] : pairs) {
            CsvFile f{unique_name("rels_" + file_part(type) + "_" + file_part(pair.first) + "_" +
                                  file_part(pair.second)),
                      {}};
            std::string& t = f.text;
            t += ":START_ID,:END_ID,:TYPE,id,weight:long,sources:string[]";
            header_fields(t, cols);
            t += "\r\n";
            for (graph::EdgeId id : edges) {
                const graph::Edge& e = g.edge(id);
                t += ids.node(g.edge_source(id));
                t.push_back(',');
                t += ids.node(g.edge_target(id));
                t.push_back(',');
                append_csv(t, e.type);
                t.push_back(',');
                t += ids.edge(id);
                t.push_back(',');
                t += std::to_string(edge_weight(e));
                t.push_back(',');
                append_csv(t, joined(article_ids(e.sources), kArraySep));
                prop_fields(t, e.props, cols);
                t += "\r\n";
            }
            neo4j += "    --relationships=" + f.name + " \\\n";
            kuzu_copy += "COPY " + quoted(type) + " FROM '" + f.name + "' (HEADER=true";
            if (pairs.size() > 1) {
                kuzu_copy += ", from='" + pair.first + "', to='" + pair.second + "'";
            }
            kuzu_copy += ");\n";
            files.push_back(std::move(f));
        }
    }
    neo4j += "    neo4j\n";
    files.push_back(CsvFile{"neo4j-import.sh", std::move(neo4j)});
    files.push_back(CsvFile{"kuzu-import.cypher", kuzu_schema + kuzu_copy});
    return files;
}

} // namespace vnkg::exporter
