#include "query/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace vnkg::query {

namespace {

bool digits(std::string_view s, std::size_t n) {
    if (s.size() != n) {
        return false;
    }
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

std::optional<DateInterval> parse_single(std::string_view s) {
    if (s.size() < 4 || !digits(s.substr(0, 4), 4)) {
        return std::nullopt;
    }
    int y = to_int(s.substr(0, 4));
    if (s.size() == 4) {
        return DateInterval{y * 10000 + 101, y * 10000 + 1231, 0};
    }
    if (s[4] != '-') {
        return std::nullopt;
    }
    std::string_view rest = s.substr(5);
    if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
        int q = rest[1] - '0';
        int first = (q - 1) * 3 + 1;
        int last = first + 2;
        return DateInterval{y * 10000 + first * 100 + 1,
                            y * 10000 + last * 100 + days_in_month(y, last), 1};
    }
    if (rest.size() < 2 || !digits(rest.substr(0, 2), 2)) {
        return std::nullopt;
    }
    int m = to_int(rest.substr(0, 2));
    if (m < 1 || m > 12) {
        return std::nullopt;
    }
    if (rest.size() == 2) {
        return DateInterval{y * 10000 + m * 100 + 1, y * 10000 + m * 100 + days_in_month(y, m), 2};
    }
    if (rest.size() != 5 || rest[2] != '-' || !digits(rest.substr(3), 2)) {
        return std::nullopt;
    }
    int d = to_int(rest.substr(3));
    if (d < 1 || d > days_in_month(y, m)) {
        return std::nullopt;
    }
    int day = y * 10000 + m * 100 + d;
    return DateInterval{day, day, 3};
}

int type_rank(const Value& v) {
    switch (v.v.index()) {
    case 6: return 0; // map
    case 7: return 1; // node
    case 8: return 2; // relationship
    case 5: return 3; // list
    case 9: return 4; // path
    case 4: return 5; // string
    case 1: return 6; // boolean
    case 2:
    case 3: return 7; // number
    default: return 8; // null
    }
}

double as_double(const Value& v) {
    if (const auto* i = v.get<std::int64_t>()) {
        return static_cast<double>(*i);
    }
    return *v.get<double>();
}

int compare_numbers(const Value& a, const Value& b) {
    const auto* ia = a.get<std::int64_t>();
    const auto* ib = b.get<std::int64_t>();
    if (ia && ib) {
        return *ia < *ib ? -1 : (*ia > *ib ? 1 : 0);
    }
    double x = as_double(a);
    double y = as_double(b);
    if (std::isnan(x) || std::isnan(y)) {
        return std::isnan(x) == std::isnan(y) ? 0 : (std::isnan(x) ? 1 : -1);
    }
    return x < y ? -1 : (x > y ? 1 : 0);
}

int sign(int c) { return c < 0 ? -1 : (c > 0 ? 1 : 0); }

/// Strings sort by this key so that dates order by their start, coarser first on a tie.
std::string sort_text(const std::string& s) {
    auto d = parse_date(s);
    if (!d) {
        return s;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d\x01%d", d->start / 10000, d->start / 100 % 100,
                  d->start % 100, d->precision);
    return std::string(buf) + s;
}

std::optional<int> compare_dates(const std::string& a, const std::string& b) {
    auto da = parse_date(a);
    auto db = parse_date(b);
    if (!da || !db) {
        return std::nullopt;
    }
    bool nested = (da->start <= db->start && db->end <= da->end) ||
                  (db->start <= da->start && da->end <= db->end);
    if (nested) {
        return 0;
    }
    return da->start < db->start ? -1 : 1;
}

void quote(std::string& out, const std::string& s) {
    out += '\'';
    for (char c : s) {
        if (c == '\'' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += c;
        }
    }
    out += '\'';
}

std::string format_double(double d) {
    if (std::isnan(d)) {
        return "NaN";
    }
    if (std::isinf(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
    }
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, ec == std::errc() ? end : buf);
    if (s.find_first_of(".e") == std::string::npos) {
        s += ".0";
    }
    return s;
}

void write(std::string& out, const Value& v, const graph::Graph& g, bool quote_top);

void write_props(std::string& out, const graph::Properties& props, const std::string* name,
                 const graph::Graph& g) {
    out += " {";
    bool first = true;
    if (name) {
        out += "name: ";
        quote(out, *name);
        first = false;
    }
    for (const auto& [key, value] : props) {
        if (std::holds_alternative<std::monostate>(value)) {
            continue;
        }
        if (!first) {
            out += ", ";
        }
        first = false;
        out += key;
        out += ": ";
        write(out, from_property(value), g, true);
    }
    out += '}';
}

void write_node(std::string& out, graph::NodeId id, const graph::Graph& g) {
    const graph::Node& n = g.node(id);
    out += '(';
    for (const std::string& l : n.labels) {
        out += ':';
        out += l;
    }
    write_props(out, n.props, &n.name, g);
    out += ')';
}

void write_rel(std::string& out, graph::EdgeId id, const graph::Graph& g) {
    const graph::Edge& e = g.edge(id);
    out += "[:";
    out += e.type;
    if (!e.props.empty()) {
        write_props(out, e.props, nullptr, g);
    }
    out += ']';
}

void write(std::string& out, const Value& v, const graph::Graph& g, bool quote_top) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Null>) {
                out += "null";
            } else if constexpr (std::is_same_v<T, bool>) {
                out += x ? "true" : "false";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                out += std::to_string(x);
            } else if constexpr (std::is_same_v<T, double>) {
                out += format_double(x);
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (quote_top) {
                    quote(out, x);
                } else {
                    out += x;
                }
            } else if constexpr (std::is_same_v<T, List>) {
                out += '[';
                for (std::size_t i = 0; i < x.size(); ++i) {
                    if (i) {
                        out += ", ";
                    }
                    write(out, x[i], g, true);
                }
                out += ']';
            } else if constexpr (std::is_same_v<T, Map>) {
                out += '{';
                for (std::size_t i = 0; i < x.entries.size(); ++i) {
                    if (i) {
                        out += ", ";
                    }
                    out += x.entries[i].first;
                    out += ": ";
                    write(out, x.entries[i].second, g, true);
                }
                out += '}';
            } else if constexpr (std::is_same_v<T, NodeRef>) {
                write_node(out, x.id, g);
            } else if constexpr (std::is_same_v<T, RelRef>) {
                write_rel(out, x.id, g);
            } else {
                write_node(out, x.nodes.front(), g);
                for (std::size_t i = 0; i < x.rels.size(); ++i) {
                    bool forward = g.edge_source(x.rels[i]) == x.nodes[i];
                    out += forward ? "-" : "<-";
                    write_rel(out, x.rels[i], g);
                    out += forward ? "->" : "-";
                    write_node(out, x.nodes[i + 1], g);
                }
            }
        },
        v.v);
}

} // namespace

std::string_view type_name(const Value& v) {
    static const char* names[] = {"NULL",         "BOOLEAN", "INTEGER", "FLOAT", "STRING",
                                  "LIST",         "MAP",     "NODE",    "RELATIONSHIP",
                                  "PATH"};
    return names[v.v.index()];
}

std::optional<DateInterval> parse_date(std::string_view text) {
    std::size_t slash = text.find('/');
    if (slash != std::string_view::npos) {
        auto from = parse_single(text.substr(0, slash));
        auto to = parse_single(text.substr(slash + 1));
        if (!from || !to) {
            return std::nullopt;
        }
        return from;
    }
    return parse_single(text);
}

Value equals(const Value& a, const Value& b, bool dates) {
    if (a.is_null() || b.is_null()) {
        return Null{};
    }
    if (a.is_number() && b.is_number()) {
        return compare_numbers(a, b) == 0 && !std::isnan(as_double(a)) && !std::isnan(as_double(b));
    }
    if (a.v.index() != b.v.index()) {
        return false;
    }
    if (const auto* s = a.get<std::string>()) {
        const auto& t = *b.get<std::string>();
        if (dates) {
            if (auto c = compare_dates(*s, t)) {
                return *c == 0;
            }
        }
        return *s == t;
    }
    if (const auto* x = a.get<bool>()) {
        return *x == *b.get<bool>();
    }
    if (const auto* x = a.get<NodeRef>()) {
        return x->id == b.get<NodeRef>()->id;
    }
    if (const auto* x = a.get<RelRef>()) {
        return x->id == b.get<RelRef>()->id;
    }
    if (const auto* x = a.get<Path>()) {
        const Path& y = *b.get<Path>();
        return x->nodes == y.nodes && x->rels == y.rels;
    }
    Value result = true;
    auto step = [&](const Value& x, const Value& y) {
        Value e = equals(x, y, false);
        if (e.is_null()) {
            result = Null{};
            return true;
        }
        return *e.get<bool>();
    };
    if (const auto* x = a.get<List>()) {
        const List& y = *b.get<List>();
        if (x->size() != y.size()) {
            return false;
        }
        for (std::size_t i = 0; i < x->size(); ++i) {
            if (!step((*x)[i], y[i])) {
                return false;
            }
        }
        return result;
    }
    const Map& x = *a.get<Map>();
    const Map& y = *b.get<Map>();
    if (x.entries.size() != y.entries.size()) {
        return false;
    }
    for (std::size_t i = 0; i < x.entries.size(); ++i) {
        if (x.entries[i].first != y.entries[i].first) {
            return false;
        }
    }
    for (std::size_t i = 0; i < x.entries.size(); ++i) {
        if (!step(x.entries[i].second, y.entries[i].second)) {
            return false;
        }
    }
    return result;
}

std::optional<int> compare(const Value& a, const Value& b, bool dates) {
    if (a.is_null() || b.is_null()) {
        return std::nullopt;
    }
    if (a.is_number() && b.is_number()) {
        if (std::isnan(as_double(a)) || std::isnan(as_double(b))) {
            return std::nullopt;
        }
        return compare_numbers(a, b);
    }
    if (a.v.index() != b.v.index()) {
        return std::nullopt;
    }
    if (const auto* s = a.get<std::string>()) {
        const auto& t = *b.get<std::string>();
        if (dates) {
            if (auto c = compare_dates(*s, t)) {
                return c;
            }
        }
        return sign(s->compare(t));
    }
    if (const auto* x = a.get<bool>()) {
        return static_cast<int>(*x) - static_cast<int>(*b.get<bool>());
    }
    if (const auto* x = a.get<List>()) {
        const List& y = *b.get<List>();
        for (std::size_t i = 0; i < x->size() && i < y.size(); ++i) {
            auto c = compare((*x)[i], y[i], false);
            if (!c) {
                return std::nullopt;
            }
            if (*c != 0) {
                return c;
            }
        }
        return x->size() < y.size() ? -1 : (x->size() > y.size() ? 1 : 0);
    }
    return std::nullopt;
}

int order(const Value& a, const Value& b, const graph::Graph& g) {
    int ra = type_rank(a);
    int rb = type_rank(b);
    if (ra != rb) {
        return ra < rb ? -1 : 1;
    }
    switch (ra) {
    case 0: {
        const Map& x = *a.get<Map>();
        const Map& y = *b.get<Map>();
        for (std::size_t i = 0; i < x.entries.size() && i < y.entries.size(); ++i) {
            int c = sign(x.entries[i].first.compare(y.entries[i].first));
            if (c == 0) {
                c = order(x.entries[i].second, y.entries[i].second, g);
            }
            if (c != 0) {
                return c;
            }
        }
        return sign(static_cast<int>(x.entries.size()) - static_cast<int>(y.entries.size()));
    }
    case 1: {
        auto x = a.get<NodeRef>()->id;
        auto y = b.get<NodeRef>()->id;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 2: {
        auto x = a.get<RelRef>()->id;
        auto y = b.get<RelRef>()->id;
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    case 3: {
        const List& x = *a.get<List>();
        const List& y = *b.get<List>();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (int c = order(x[i], y[i], g)) {
                return c;
            }
        }
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    case 4: {
        const Path& x = *a.get<Path>();
        const Path& y = *b.get<Path>();
        if (x.nodes != y.nodes) {
            return x.nodes < y.nodes ? -1 : 1;
        }
        return x.rels < y.rels ? -1 : (x.rels > y.rels ? 1 : 0);
    }
    case 5:
        return sign(sort_text(*a.get<std::string>()).compare(sort_text(*b.get<std::string>())));
    case 6:
        return static_cast<int>(*a.get<bool>()) - static_cast<int>(*b.get<bool>());
    case 7:
        return compare_numbers(a, b);
    default:
        return 0;
    }
}

std::string group_key(const Value& v) {
    std::string out;
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Null>) {
                out += 'N';
            } else if constexpr (std::is_same_v<T, bool>) {
                out += x ? "Bt" : "Bf";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                out += 'I' + std::to_string(x) + ';';
            } else if constexpr (std::is_same_v<T, double>) {
                if (std::floor(x) == x && std::abs(x) < 9e15) {
                    out += 'I' + std::to_string(static_cast<std::int64_t>(x)) + ';';
                } else {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, "F%.17g;", x);
                    out += buf;
                }
            } else if constexpr (std::is_same_v<T, std::string>) {
                out += 'S' + std::to_string(x.size()) + ':' + x;
            } else if constexpr (std::is_same_v<T, List>) {
                out += 'L' + std::to_string(x.size()) + '[';
                for (const Value& e : x) {
                    out += group_key(e);
                }
                out += ']';
            } else if constexpr (std::is_same_v<T, Map>) {
                out += 'M' + std::to_string(x.entries.size()) + '{';
                for (const auto& [k, e] : x.entries) {
                    out += std::to_string(k.size()) + ':' + k + group_key(e);
                }
                out += '}';
            } else if constexpr (std::is_same_v<T, NodeRef>) {
                out += 'n' + std::to_string(x.id) + ';';
            } else if constexpr (std::is_same_v<T, RelRef>) {
                out += 'r' + std::to_string(x.id) + ';';
            } else {
                out += 'P';
                for (auto n : x.nodes) {
                    out += std::to_string(n) + ',';
                }
                out += '/';
                for (auto r : x.rels) {
                    out += std::to_string(r) + ',';
                }
                out += ';';
            }
        },
        v.v);
    return out;
}

Value from_property(const graph::Value& p) {
    return std::visit(
        [](const auto& x) -> Value {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return Null{};
            } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                List l;
                l.reserve(x.size());
                for (const std::string& s : x) {
                    l.emplace_back(s);
                }
                return l;
            } else {
                return Value(x);
            }
        },
        p);
}

std::string to_text(const Value& v, const graph::Graph& g, bool quote_top) {
    std::string out;
    write(out, v, g, quote_top);
    return out;
}

} // namespace vnkg::query
