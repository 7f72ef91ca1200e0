#include "export/common.hpp"

#include "graph/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace vnkg::exporter {

namespace {

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

// FNV-1a alone mixes the last bytes weakly; a final avalanche spreads them over all 64 bits.
std::uint64_t finish(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

std::string key_part(std::string_view s) { return s.empty() ? std::string() : graph::name_key(s); }

// graph::name_key() without ICU for text of ASCII and precomposed Vietnamese letters in NFC
// (what normalised articles hold): the same lower case, spaces and dashes. False for anything
// else, which then goes through name_key() itself.
bool fast_name_key(std::string_view s, std::string& out) {
    out.clear();
    bool space = false;
    auto put = [&out, &space](char32_t cp) {
        if (space && !out.empty()) {
            out.push_back(' ');
        }
        space = false;
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    };
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        char32_t cp = 0;
        if (*p < 0x80) {
            cp = *p++;
            if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
                space = true;
                continue;
            }
            if (cp < 0x20 || cp == 0x7f) {
                return false;
            }
            if (cp >= 'A' && cp <= 'Z') {
                cp += 32;
            }
        } else if ((*p & 0xE0) == 0xC0 && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
            cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
            p += 2;
            if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
                cp += 0x20;
            } else if (cp == 0x102 || cp == 0x110 || cp == 0x128 || cp == 0x168 || cp == 0x1A0 ||
                       cp == 0x1AF) {
                cp += 1;
            } else if (!((cp >= 0xE0 && cp <= 0xFF && cp != 0xF7) || cp == 0x103 || cp == 0x111 ||
                         cp == 0x129 || cp == 0x169 || cp == 0x1A1 || cp == 0x1B0)) {
                return false;
            }
        } else if ((*p & 0xF0) == 0xE0 && end - p >= 3 && (p[1] & 0xC0) == 0x80 &&
                   (p[2] & 0xC0) == 0x80) {
            cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
            p += 3;
            if (cp < 0x1EA0 || cp > 0x1EF9) {
                return false;
            }
            cp |= 1; // upper case letters are the even ones
        } else {
            return false;
        }
        // Spaces around dashes do not tell names apart (as in name_key).
        if (cp == '-') {
            space = false;
            out.push_back('-');
            while (p < end && *p == ' ') {
                ++p;
            }
            continue;
        }
        put(cp);
    }
    return true;
}

} // namespace

std::string quick_key(std::string_view s) {
    std::string out;
    if (!fast_name_key(s, out)) {
        out = graph::name_key(s);
    }
    return out;
}

Sink::Sink(std::ostream& os) : os_(os) { buf_.reserve(kChunk + 4096); }

Sink::~Sink() {
    try {
        flush();
    } catch (...) { // NOLINT(bugprone-empty-catch): callers flush explicitly to see errors
    }
}

void Sink::flush() {
    if (!buf_.empty()) {
        os_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
        buf_.clear();
    }
    if (!os_) {
        throw std::runtime_error("writing failed (disk full or output closed?)");
    }
}

std::string clean(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_clean(out, s, [&out](char c) { out.push_back(c); });
    return out;
}

void append_xml(std::string& out, std::string_view s, bool attribute) {
    append_clean(out, s, [&out, attribute](char c) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += attribute ? "&quot;" : "\"";
            break;
        case '\n':
            out += attribute ? "&#10;" : "\n";
            break;
        case '\t':
            out += attribute ? "&#9;" : "\t";
            break;
        default:
            out.push_back(c);
        }
    });
}

void append_dot(std::string& out, std::string_view s) {
    append_clean(out, s, [&out](char c) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '"':
            out += "\\\"";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out.push_back(' ');
            break;
        default:
            out.push_back(c);
        }
    });
}

void append_csv(std::string& out, std::string_view s) {
    std::string cleaned = clean(s);
    bool quote = cleaned.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) {
        out += cleaned;
        return;
    }
    out.push_back('"');
    for (char c : cleaned) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
}

std::string format_double(double v) {
    if (std::isnan(v)) {
        return "NaN";
    }
    if (std::isinf(v)) {
        return v > 0 ? "INF" : "-INF";
    }
    char buf[32];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, ptr);
}

std::string value_text(const graph::Value& v, std::string_view sep) {
    struct Visitor {
        std::string_view sep;
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return format_double(d); }
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(const std::vector<std::string>& list) const {
            std::string out;
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (i > 0) {
                    out += sep;
                }
                out += list[i];
            }
            return out;
        }
    };
    return std::visit(Visitor{sep}, v);
}

namespace {

// Copy numbers for ids whose hash repeats an earlier one's (in `order`); normally none.
std::unordered_map<std::size_t, std::size_t>
number_copies(const std::vector<std::uint64_t>& hash, const std::vector<std::size_t>& order) {
    std::vector<std::uint64_t> sorted;
    sorted.reserve(order.size());
    for (std::size_t id : order) {
        sorted.push_back(hash[id]);
    }
    std::sort(sorted.begin(), sorted.end());
    std::unordered_map<std::size_t, std::size_t> copies;
    if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) {
        return copies;
    }
    std::unordered_map<std::uint64_t, std::size_t> seen;
    for (std::size_t id : order) {
        std::size_t n = seen[hash[id]]++;
        if (n > 0) {
            copies.emplace(id, n);
        }
    }
    return copies;
}

} // namespace

StableIds::StableIds(const graph::Graph& g, const Subgraph& sub) {
    node_hash_.assign(g.node_count(), 0);
    edge_hash_.assign(g.edge_count(), 0);
    for (graph::NodeId id : sub.nodes) {
        const graph::Node& n = g.node(id);
        // Ids follow the names as written out (control characters dropped), so that a graph
        // read back from its own export keeps them.
        auto dirty = [](const std::string& s) {
            return std::any_of(s.begin(), s.end(), [](char c) {
                auto u = static_cast<unsigned char>(c);
                return (u < 0x20 && u != '\t' && u != '\n') || u == 0x7f;
            });
        };
        // The same key as graph::identity_key(), mostly without ICU.
        std::string key = n.type();
        key.push_back('\x1f');
        key += quick_key(dirty(n.name) ? clean(n.name) : n.name);
        key.push_back('\x1f');
        key += quick_key(dirty(n.scope) ? clean(n.scope) : n.scope);
        node_hash_[id] = finish(fnv1a(key));
    }
    // Titles and roles repeat a lot: normalise each distinct one once.
    std::unordered_map<std::string, std::string> keys;
    auto key_of = [&keys](const std::string& s) -> const std::string& {
        auto it = keys.find(s);
        if (it == keys.end()) {
            it = keys.emplace(s, key_part(s)).first;
        }
        return it->second;
    };
    for (graph::EdgeId id : sub.edges) {
        const graph::Edge& e = g.edge(id);
        std::uint64_t from = node_hash_[g.edge_source(id)];
        std::uint64_t to = node_hash_[g.edge_target(id)];
        std::uint64_t h = fnv1a(std::string_view(reinterpret_cast<const char*>(&from), 8));
        h = fnv1a(std::string_view(reinterpret_cast<const char*>(&to), 8), h);
        h = fnv1a(e.type, h);
        const std::string* title = nullptr;
        const std::string* role = nullptr;
        for (const auto& [name, value] : e.props) {
            if (name == "role") {
                role = graph::as_string(value);
            } else if (name == "title") {
                title = graph::as_string(value);
            }
        }
        for (const std::string* part : {title, role}) {
            h = fnv1a("\x1f", h);
            if (part != nullptr && !part->empty()) {
                h = fnv1a(key_of(*part), h);
            }
        }
        edge_hash_[id] = finish(h);
    }
    node_copy_ = number_copies(node_hash_, sub.nodes);
    edge_copy_ = number_copies(edge_hash_, sub.edges);
}

StableIds::Text StableIds::text(char prefix, std::uint64_t hash, std::size_t copy) {
    static constexpr char kHex[] = "0123456789abcdef";
    Text t;
    t.data[0] = prefix;
    for (int i = 16; i >= 1; --i) {
        t.data[i] = kHex[hash & 0xF];
        hash >>= 4;
    }
    t.size = 17;
    if (copy > 0) {
        std::string digits = std::to_string(copy + 1);
        t.data[17] = '_';
        std::copy(digits.begin(), digits.end(), t.data + 18);
        t.size = static_cast<unsigned char>(18 + digits.size());
    }
    return t;
}

std::vector<std::string> article_ids(const std::vector<graph::Provenance>& provenance) {
    std::vector<std::string> out;
    for (const graph::Provenance& p : provenance) {
        if (!p.article.empty() && std::find(out.begin(), out.end(), p.article) == out.end()) {
            out.push_back(p.article);
        }
    }
    return out;
}

std::size_t edge_weight(const graph::Edge& e) {
    std::size_t n = 0;
    for_each_article(e.sources, [&n](const std::string&) { ++n; });
    return n == 0 ? 1 : n;
}

void append_value_xml(std::string& out, const graph::Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) {
        append_xml(out, *s, false);
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (i > 0) {
                out += "; ";
            }
            append_xml(out, (*list)[i], false);
        }
    } else {
        out += value_text(v);
    }
}

const char* xml_attr_type(const Column& c) {
    if (c.list) {
        return "string";
    }
    switch (c.kind) {
    case Kind::boolean:
        return "boolean";
    case Kind::integer:
        return "long";
    case Kind::real:
        return "double";
    case Kind::text:
        break;
    }
    return "string";
}

} // namespace vnkg::exporter
