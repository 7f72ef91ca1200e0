#include "extract/jsonl.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <string_view>
#include <type_traits>
#include <variant>

namespace vnkg::extract {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

/// Unknown values are null rather than "": a reader can tell "no date" from a date.
void write_string_or_null(Writer& w, std::string_view s) {
    if (s.empty()) {
        w.Null();
    } else {
        write_string(w, s);
    }
}

void write_value(Writer& w, const graph::Value& value) {
    std::visit(
        [&w](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                w.Null();
            } else if constexpr (std::is_same_v<T, bool>) {
                w.Bool(v);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                w.Int64(v);
            } else if constexpr (std::is_same_v<T, double>) {
                // JSON has no NaN or infinity; RapidJSON would refuse the whole record.
                if (std::isfinite(v)) {
                    w.Double(v);
                } else {
                    w.Null();
                }
            } else if constexpr (std::is_same_v<T, std::string>) {
                write_string(w, v);
            } else {
                w.StartArray();
                for (const std::string& s : v) {
                    write_string(w, s);
                }
                w.EndArray();
            }
        },
        value);
}

void write_props(Writer& w, const graph::Properties& props) {
    w.StartObject();
    for (const auto& [name, value] : props) {
        write_string(w, name);
        write_value(w, value);
    }
    w.EndObject();
}

} // namespace

std::string to_json_line(const Extraction& extraction) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    const Article& a = extraction.article;
    w.StartObject();
    w.Key("article");
    w.StartObject();
    w.Key("id");
    write_string(w, a.id);
    w.Key("source");
    write_string(w, a.source);
    w.Key("title");
    write_string_or_null(w, a.title);
    w.Key("published");
    write_string_or_null(w, a.published);
    w.Key("province");
    write_string_or_null(w, extraction.province);
    w.EndObject();

    w.Key("entities");
    w.StartArray();
    for (const Entity& e : extraction.entities) {
        w.StartObject();
        w.Key("id");
        write_string(w, e.id);
        w.Key("type");
        write_string(w, e.type);
        w.Key("name");
        write_string(w, e.name);
        if (!e.scope.empty()) {
            w.Key("scope");
            write_string(w, e.scope);
        }
        w.Key("props");
        write_props(w, e.props);
        w.EndObject();
    }
    w.EndArray();

    w.Key("relations");
    w.StartArray();
    for (const Relation& r : extraction.relations) {
        w.StartObject();
        w.Key("type");
        write_string(w, r.type);
        w.Key("from");
        write_string(w, r.from);
        w.Key("to");
        write_string(w, r.to);
        w.Key("props");
        write_props(w, r.props);
        w.Key("evidence");
        w.StartObject();
        w.Key("sentence");
        write_string(w, r.sentence);
        w.EndObject();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace vnkg::extract
