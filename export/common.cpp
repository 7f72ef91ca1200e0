#include "export/common.hpp"

#include "graph/text.hpp"

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

std::string hex_id(char prefix, std::uint64_t h) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s(17, '0');
    s[0] = prefix;
    for (int i = 16; i >= 1; --i) {
        s[i] = kHex[h & 0xF];
        h >>= 4;
    }
    return s;
}

std::string key_part(std::string_view s) { return s.empty() ? std::string() : graph::name_key(s); }

} // namespace

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

StableIds::StableIds(const graph::Graph& g, const Subgraph& sub) {
    std::unordered_map<std::string, int> used;
    auto unique = [&used](std::string id) {
        int& n = used[id];
        ++n;
        return n == 1 ? id : id + "_" + std::to_string(n);
    };
    node_.reserve(sub.nodes.size());
    for (graph::NodeId id : sub.nodes) {
        const graph::Node& n = g.node(id);
        std::string key = graph::identity_key(n.type(), n.name, n.scope);
        node_.emplace(id, unique(hex_id('n', finish(fnv1a(key)))));
    }
    edge_.reserve(sub.edges.size());
    for (graph::EdgeId id : sub.edges) {
        const graph::Edge& e = g.edge(id);
        std::uint64_t h = fnv1a(node_.at(g.edge_source(id)));
        h = fnv1a("\x1f", h);
        h = fnv1a(node_.at(g.edge_target(id)), h);
        h = fnv1a("\x1f", h);
        h = fnv1a(e.type, h);
        for (std::string_view prop : {"title", "role"}) {
            h = fnv1a("\x1f", h);
            h = fnv1a(key_part(graph::string_prop(e.props, prop)), h);
        }
        edge_.emplace(id, unique(hex_id('e', finish(h))));
    }
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
    std::size_t n = article_ids(e.sources).size();
    return n == 0 ? 1 : n;
}

} // namespace vnkg::exporter
