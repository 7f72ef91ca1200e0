// The knowledge graph's data model: a property graph whose nodes and edges are plain value structs.
// Labels, relationship types and property names are data (strings), so a graph imported from another
// tool is held the same way; the names the extractors use (Person, ATTENDED, ...) are constants here.
// Every node mention and every edge keeps its provenance: the article id and the sentence.
// Lists and property maps are copy-on-write (graph/shared.hpp): a loaded graph shares each
// distinct one among all the nodes and edges that carry it.
#pragma once

#include "graph/shared.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vnkg::graph {

/// A property value. Lists are lists of strings (titles, sources); dates are ISO strings.
using Value = std::variant<std::monostate, bool, std::int64_t, double, std::string,
                           std::vector<std::string>>;

/// Properties by name, ordered so that files and exports come out the same on every run. Used
/// as a std::map<std::string, Value, std::less<>>, but stored as a sorted, shared vector: an
/// insertion or erasure invalidates iterators and references into it.
using Properties = SharedMap<Value>;

/// Where a fact came from: an article id and the sentence (in normalised text) that states it.
struct Provenance {
    std::string article;
    std::string sentence;

    friend bool operator==(const Provenance&, const Provenance&) = default;
};

/// A node. `labels.front()` is its type ("Person"); `name` its display name; `scope` what makes
/// the name unique where it alone is not (a local directive's or a district body's province,
/// an article's id). Identity is (type, normalised name, normalised scope): see identity_key().
struct Node {
    SharedList<std::string> labels;
    std::string name;
    std::string scope;
    Properties props;
    SharedList<Provenance> mentions;

    const std::string& type() const { return labels.front(); }
};

/// An edge. Identity is (source, target, type, the `title` and `role` properties when present),
/// so the same fact from several articles is one edge with several sources.
struct Edge {
    std::string type;
    Properties props;
    SharedList<Provenance> sources;
};

/// Node types the extractors produce (spec: shared/spec/extraction.md).
namespace label {
inline constexpr std::string_view person = "Person";
inline constexpr std::string_view organisation = "Organisation";
inline constexpr std::string_view province = "Province";
inline constexpr std::string_view directive = "Directive";
inline constexpr std::string_view meeting = "Meeting";
inline constexpr std::string_view article = "Article";
} // namespace label

/// Edge types the extractors produce.
namespace rel {
inline constexpr std::string_view attended = "ATTENDED";
inline constexpr std::string_view holds_position = "HOLDS_POSITION";
inline constexpr std::string_view organised = "ORGANISED";
inline constexpr std::string_view held_in = "HELD_IN";
inline constexpr std::string_view located_in = "LOCATED_IN";
inline constexpr std::string_view issued = "ISSUED";
inline constexpr std::string_view discussed = "DISCUSSED";
inline constexpr std::string_view references = "REFERENCES";
inline constexpr std::string_view merged_into = "MERGED_INTO";
inline constexpr std::string_view mentions = "MENTIONS";
inline constexpr std::string_view authored = "AUTHORED";
} // namespace rel

/// What the graph knows of one article it was built from (for `--into`: skip or replace).
struct ArticleInfo {
    std::string id;
    std::string title;
    std::string published; ///< ISO date of the article itself, possibly partial, or empty
    std::string source;    ///< path or URL it was read from
    std::string hash;      ///< hex content hash of the normalised text
};

/// Returns the string held by `v`, or nullptr when it holds something else.
inline const std::string* as_string(const Value& v) { return std::get_if<std::string>(&v); }

/// Returns the property `name` of `props` as a string, or an empty view when absent or not a string.
inline std::string_view string_prop(const Properties& props, std::string_view name) {
    auto it = props.find(name);
    if (it == props.end()) {
        return {};
    }
    const std::string* s = as_string(it->second);
    return s ? std::string_view(*s) : std::string_view();
}

} // namespace vnkg::graph
