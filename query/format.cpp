#include "query/format.hpp"

#include "query/database.hpp"
#include "query/error.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

namespace vnkg::query {

namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void json_value(JsonWriter& w, const Value& v, const graph::Graph& g);

void json_props(JsonWriter& w, const graph::Properties& props) {
    for (const auto& [key, value] : props) {
        if (std::holds_alternative<std::monostate>(value)) {
            continue;
        }
        w.Key(key.c_str(), static_cast<rapidjson::SizeType>(key.size()));
        static const graph::Graph none;
        json_value(w, from_property(value), none);
    }
}

void json_node(JsonWriter& w, graph::NodeId id, const graph::Graph& g) {
    const graph::Node& n = g.node(id);
    w.StartObject();
    w.Key("_id");
    w.Uint64(id);
    w.Key("_labels");
    w.StartArray();
    for (const std::string& l : n.labels) {
        w.String(l.c_str(), static_cast<rapidjson::SizeType>(l.size()));
    }
    w.EndArray();
    w.Key("name");
    w.String(n.name.c_str(), static_cast<rapidjson::SizeType>(n.name.size()));
    json_props(w, n.props);
    w.EndObject();
}

void json_rel(JsonWriter& w, graph::EdgeId id, const graph::Graph& g) {
    const graph::Edge& e = g.edge(id);
    w.StartObject();
    w.Key("_id");
    w.Uint64(id);
    w.Key("_type");
    w.String(e.type.c_str(), static_cast<rapidjson::SizeType>(e.type.size()));
    w.Key("_start");
    w.Uint64(g.edge_source(id));
    w.Key("_end");
    w.Uint64(g.edge_target(id));
    json_props(w, e.props);
    w.EndObject();
}

void json_value(JsonWriter& w, const Value& v, const graph::Graph& g) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Null>) {
                w.Null();
            } else if constexpr (std::is_same_v<T, bool>) {
                w.Bool(x);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                w.Int64(x);
            } else if constexpr (std::is_same_v<T, double>) {
                if (std::isfinite(x)) {
                    w.Double(x);
                } else {
                    w.Null();
                }
            } else if constexpr (std::is_same_v<T, std::string>) {
                w.String(x.c_str(), static_cast<rapidjson::SizeType>(x.size()));
            } else if constexpr (std::is_same_v<T, List>) {
                w.StartArray();
                for (const Value& e : x) {
                    json_value(w, e, g);
                }
                w.EndArray();
            } else if constexpr (std::is_same_v<T, Map>) {
                w.StartObject();
                for (const auto& [k, e] : x.entries) {
                    w.Key(k.c_str(), static_cast<rapidjson::SizeType>(k.size()));
                    json_value(w, e, g);
                }
                w.EndObject();
            } else if constexpr (std::is_same_v<T, NodeRef>) {
                json_node(w, x.id, g);
            } else if constexpr (std::is_same_v<T, RelRef>) {
                json_rel(w, x.id, g);
            } else {
                w.StartObject();
                w.Key("nodes");
                w.StartArray();
                for (graph::NodeId n : x.nodes) {
                    json_node(w, n, g);
                }
                w.EndArray();
                w.Key("relationships");
                w.StartArray();
                for (graph::EdgeId r : x.rels) {
                    json_rel(w, r, g);
                }
                w.EndArray();
                w.EndObject();
            }
        },
        v.v);
}

/// A cell for the table, CSV and TSV: strings bare, null empty (table: "null").
std::string cell(const Value& v, const graph::Graph& g, bool table) {
    if (v.is_null()) {
        return table ? "null" : "";
    }
    return to_text(v, g, false);
}

std::string one_line(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    return out + "\"";
}

std::string tsv_field(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\\': out += "\\\\"; break;
        default: out += c;
        }
    }
    return out;
}

void write_table(std::ostream& out, const std::vector<std::string>& columns,
                 const std::vector<std::vector<Value>>& rows, const graph::Graph& g) {
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(columns.size());
    for (std::size_t c = 0; c < columns.size(); ++c) {
        width[c] = display_width(one_line(columns[c]));
    }
    for (const auto& row : rows) {
        std::vector<std::string> line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line.push_back(one_line(cell(row[c], g, true)));
            width[c] = std::max(width[c], display_width(line.back()));
        }
        cells.push_back(std::move(line));
    }
    auto write_line = [&](const std::vector<std::string>& line) {
        for (std::size_t c = 0; c < line.size(); ++c) {
            if (c) {
                out << " | ";
            }
            out << line[c];
            if (c + 1 < line.size()) {
                out << std::string(width[c] - display_width(line[c]), ' ');
            }
        }
        out << '\n';
    };
    std::vector<std::string> header;
    for (const std::string& c : columns) {
        header.push_back(one_line(c));
    }
    write_line(header);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        out << (c ? "-+-" : "") << std::string(width[c], '-');
    }
    out << '\n';
    for (const auto& line : cells) {
        write_line(line);
    }
    out << '(' << rows.size() << (rows.size() == 1 ? " row)" : " rows)") << '\n';
}

} // namespace

std::optional<Format> parse_format(std::string_view name) {
    if (name == "table") {
        return Format::Table;
    }
    if (name == "json") {
        return Format::Json;
    }
    if (name == "csv") {
        return Format::Csv;
    }
    if (name == "tsv") {
        return Format::Tsv;
    }
    return std::nullopt;
}

std::string to_json(const Value& v, const graph::Graph& g) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    json_value(w, v, g);
    return std::string(buf.GetString(), buf.GetSize());
}

void write_result(std::ostream& out, Format format, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& rows, const graph::Graph& g) {
    switch (format) {
    case Format::Table:
        write_table(out, columns, rows, g);
        return;
    case Format::Json: {
        out << '[';
        for (std::size_t r = 0; r < rows.size(); ++r) {
            rapidjson::StringBuffer buf;
            JsonWriter w(buf);
            w.StartObject();
            for (std::size_t c = 0; c < columns.size(); ++c) {
                w.Key(columns[c].c_str(), static_cast<rapidjson::SizeType>(columns[c].size()));
                json_value(w, rows[r][c], g);
            }
            w.EndObject();
            out << (r ? ",\n " : "\n ") << buf.GetString();
        }
        out << (rows.empty() ? "]\n" : "\n]\n");
        return;
    }
    case Format::Csv:
    case Format::Tsv: {
        bool csv = format == Format::Csv;
        auto field = [&](const std::string& s) { return csv ? csv_field(s) : tsv_field(s); };
        const char* sep = csv ? "," : "\t";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            out << (c ? sep : "") << field(columns[c]);
        }
        out << (csv ? "\r\n" : "\n");
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                out << (c ? sep : "") << field(cell(row[c], g, false));
            }
            out << (csv ? "\r\n" : "\n");
        }
        return;
    }
    }
}

} // namespace vnkg::query
