// Pieces every exporter shares: a buffered sink over an ostream, text cleaning (invalid UTF-8,
// control characters and characters XML forbids are dropped) with the escapers of each format,
// stable ids derived from node and edge identity, and the property columns of a subgraph.
// Internal to export/: the public API is export/writers.hpp.
#pragma once

#include "export/subgraph.hpp"
#include "graph/store.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <variant>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnkg::exporter {

/// Collects output in a 64 KiB buffer and writes it to the stream in large blocks, so the
/// writers can append small pieces cheaply. flush() throws std::runtime_error when the stream
/// fails (full disk, closed pipe).
class Sink {
public:
    explicit Sink(std::ostream& os);
    Sink(const Sink&) = delete;
    Sink& operator=(const Sink&) = delete;
    ~Sink();

    /// The buffer to append to; call maybe_flush() now and then.
    std::string& buf() { return buf_; }
    Sink& operator<<(std::string_view s) {
        buf_.append(s);
        maybe_flush();
        return *this;
    }
    Sink& operator<<(char c) {
        buf_.push_back(c);
        return *this;
    }
    void maybe_flush() {
        if (buf_.size() >= kChunk) {
            flush();
        }
    }
    /// Writes out what is buffered and checks the stream.
    void flush();

private:
    static constexpr std::size_t kChunk = 1 << 16;
    std::ostream& os_;
    std::string buf_;
};

/// Calls `plain(c)` for each ASCII character and appends every other valid character's bytes to
/// `out`, dropping invalid UTF-8, C0 and C1 control characters except tab and newline, DEL,
/// surrogates and U+FFFE/U+FFFF (everything XML 1.0 forbids, and the controls nobody wants).
template <class Plain> void append_clean(std::string& out, std::string_view s, Plain&& plain);

/// `s` cleaned as above, without escaping.
std::string clean(std::string_view s);

/// Appends `s` escaped for XML character data (`attribute` also escapes quotes, tab and newline).
void append_xml(std::string& out, std::string_view s, bool attribute);

/// Appends `s` as a DOT double-quoted string body: backslash, quote and newline escaped (a label
/// ending in a backslash stays valid), tab as a space.
void append_dot(std::string& out, std::string_view s);

/// Appends `s` as one RFC 4180 CSV field (quoted when it holds a comma, quote, CR or LF).
void append_csv(std::string& out, std::string_view s);

/// Shortest text that reads back as `v` (`NaN`, `INF`, `-INF` for the non-finite).
std::string format_double(double v);

/// The display text of a value: lists joined with `sep`, booleans `true`/`false`.
std::string value_text(const graph::Value& v, std::string_view sep = "; ");

/// Stable ids for the nodes and edges of a graph: `n` or `e` and 16 hex digits of a 64-bit hash
/// of the identity (node: type, normalised name and scope; edge: the ends' ids, type, title and
/// role), so rebuilding the same graph gives the same ids. A collision gets a `_2` suffix.
class StableIds {
public:
    /// One id's text, held by value (convert to std::string_view while it lives).
    struct Text {
        char data[28] = {};
        unsigned char size = 0;
        operator std::string_view() const { return {data, size}; }
        std::string_view view() const { return {data, size}; }
        friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
    };

    StableIds(const graph::Graph& g, const Subgraph& sub);
    Text node(graph::NodeId id) const { return text('n', node_hash_[id], copy_of(node_copy_, id)); }
    Text edge(graph::EdgeId id) const { return text('e', edge_hash_[id], copy_of(edge_copy_, id)); }

private:
    static Text text(char prefix, std::uint64_t hash, std::size_t copy);
    static std::size_t copy_of(const std::unordered_map<std::size_t, std::size_t>& copies,
                               std::size_t id) {
        if (copies.empty()) {
            return 0;
        }
        auto it = copies.find(id);
        return it == copies.end() ? 0 : it->second;
    }

    // Hashes by id, compact so that writers reach them without cache misses; the rare ids whose
    // hash an earlier item already has get a copy number (`_2`, ...).
    std::vector<std::uint64_t> node_hash_;
    std::vector<std::uint64_t> edge_hash_;
    std::unordered_map<std::size_t, std::size_t> node_copy_;
    std::unordered_map<std::size_t, std::size_t> edge_copy_;
};

/// graph::name_key(s), computed without ICU when `s` holds only ASCII and precomposed
/// Vietnamese letters (the usual case), else by name_key() itself. The quick path assumes the
/// tone marks already sit where normalised text puts them (`hòa`, not `hoà`), as in names taken
/// from articles; an old-style spelling still gets a key of its own, the same on every run.
std::string quick_key(std::string_view s);

/// The type a property column gets from the values it holds across the exported items.
enum class Kind { boolean, integer, real, text };

/// One property column: its name in the graph, the name it is exported under (names that clash
/// with a format's own columns get `prop_` in front), the kind of its values and whether any
/// value is a list.
struct Column {
    std::string name;
    std::string out_name;
    Kind kind = Kind::text;
    bool list = false;
};

/// The XML attribute type of a column, as GraphML and GEXF both name it: boolean, long, double or
/// string (lists are joined into strings).
const char* xml_attr_type(const Column& c);

/// The property columns of `props_of(item)` over `items`, sorted by name. `reserved` names are
/// renamed to `prop_<name>`.
template <class Items, class PropsOf>
std::vector<Column> columns_of(const Items& items, PropsOf&& props_of,
                               const std::vector<std::string_view>& reserved);

/// Ids of the distinct articles in a provenance list, in order of first appearance.
std::vector<std::string> article_ids(const std::vector<graph::Provenance>& provenance);

/// Calls `f(id)` for each distinct article id of `provenance`, in order of first appearance,
/// without allocating.
template <class F> void for_each_article(const std::vector<graph::Provenance>& provenance, F&& f) {
    for (std::size_t i = 0; i < provenance.size(); ++i) {
        const std::string& id = provenance[i].article;
        bool seen = id.empty();
        for (std::size_t j = 0; j < i && !seen; ++j) {
            seen = provenance[j].article == id;
        }
        if (!seen) {
            f(id);
        }
    }
}

/// Appends the value as value_text() would, escaped for XML character data.
void append_value_xml(std::string& out, const graph::Value& v);

/// The weight of an edge: the number of articles that support it, at least 1.
std::size_t edge_weight(const graph::Edge& e);

// ---- templates ----

template <class Plain> void append_clean(std::string& out, std::string_view s, Plain&& plain) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            if (c >= 0x20 || c == '\t' || c == '\n') {
                if (c != 0x7f) {
                    plain(static_cast<char>(c));
                }
            }
            ++p;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            ++p;
            continue;
        }
        if (static_cast<std::size_t>(end - p) < len) {
            break;
        }
        bool ok = true;
        for (std::size_t i = 1; i < len; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (!ok) {
            ++p;
            continue;
        }
        bool keep = cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
                    cp != 0xFFFE && cp != 0xFFFF && !(cp >= 0x80 && cp <= 0x9F);
        if (keep) {
            out.append(reinterpret_cast<const char*>(p), len);
        }
        p += len;
    }
}

template <class Items, class PropsOf>
std::vector<Column> columns_of(const Items& items, PropsOf&& props_of,
                               const std::vector<std::string_view>& reserved) {
    struct Seen {
        bool boolean = false, integer = false, real = false, text = false, list = false;
    };
    std::map<std::string, Seen, std::less<>> seen;
    for (const auto& item : items) {
        for (const auto& [name, value] : props_of(item)) {
            if (std::holds_alternative<std::monostate>(value)) {
                continue;
            }
            Seen& s = seen[name];
            if (std::holds_alternative<bool>(value)) {
                s.boolean = true;
            } else if (std::holds_alternative<std::int64_t>(value)) {
                s.integer = true;
            } else if (std::holds_alternative<double>(value)) {
                s.real = true;
            } else if (std::holds_alternative<std::string>(value)) {
                s.text = true;
            } else {
                s.list = true;
            }
        }
    }
    std::vector<Column> out;
    for (const auto& [name, s] : seen) {
        Column c;
        c.name = name;
        c.out_name = name;
        for (std::string_view r : reserved) {
            if (name == r) {
                c.out_name = "prop_" + name;
            }
        }
        c.list = s.list;
        if (s.text || s.list || (s.boolean && (s.integer || s.real))) {
            c.kind = Kind::text;
        } else if (s.boolean) {
            c.kind = Kind::boolean;
        } else if (s.real) {
            c.kind = Kind::real;
        } else {
            c.kind = Kind::integer;
        }
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace vnkg::exporter
