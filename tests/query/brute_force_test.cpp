// The planner's answers against a naive evaluation: on a small random graph, random pattern
// queries (labels, property maps, directions, types, WHERE parts that pick different start
// nodes and indexes) must give exactly the rows that trying every edge combination gives.
#include "graph/text.hpp"
#include "query/query.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>

using namespace vnkg::query;
namespace graph = vnkg::graph;

namespace {

const char* const kLabels[] = {"A", "B", "C"};
const char* const kTypes[] = {"R", "S"};

struct NodePat {
    int label = -1; ///< -1 any, 0..2 one label, 3 A|B
    int x = -1;     ///< -1: no property map
};

struct RelPat {
    int type = -1; ///< -1 any, 0 R, 1 S, 2 R|S
    int dir = 0;   ///< 0 ->, 1 <-, 2 undirected
    int w = -1;
};

struct Cond {
    int kind = 0; ///< 0 none, 1 a.x < b.x, 2 fold(a.name) = k, 3 b.name = k, 4 last.x IN [0, 2], 5 a <> last
    int k = 0;
};

std::optional<std::int64_t> int_prop(const graph::Graph& g, graph::NodeId n, const char* key) {
    auto it = g.node(n).props.find(key);
    if (it == g.node(n).props.end()) {
        return std::nullopt;
    }
    return std::get<std::int64_t>(it->second);
}

std::optional<std::int64_t> rel_prop(const graph::Graph& g, graph::EdgeId e, const char* key) {
    auto it = g.edge(e).props.find(key);
    if (it == g.edge(e).props.end()) {
        return std::nullopt;
    }
    return std::get<std::int64_t>(it->second);
}

bool has_label(const graph::Graph& g, graph::NodeId n, const char* l) {
    const auto& ls = g.node(n).labels;
    return std::find(ls.begin(), ls.end(), l) != ls.end();
}

bool node_ok(const graph::Graph& g, graph::NodeId n, const NodePat& p) {
    if (p.label >= 0 && p.label < 3 && !has_label(g, n, kLabels[p.label])) {
        return false;
    }
    if (p.label == 3 && !has_label(g, n, "A") && !has_label(g, n, "B")) {
        return false;
    }
    return p.x < 0 || int_prop(g, n, "x") == p.x;
}

bool rel_ok(const graph::Graph& g, graph::EdgeId e, const RelPat& p) {
    const std::string& t = g.edge(e).type;
    if ((p.type == 0 && t != "R") || (p.type == 1 && t != "S")) {
        return false;
    }
    return p.w < 0 || rel_prop(g, e, "w") == p.w;
}

/// The (from, to) ends an edge offers to a pattern relationship walked left to right.
std::vector<std::pair<graph::NodeId, graph::NodeId>> ends(const graph::Graph& g, graph::EdgeId e,
                                                          int dir) {
    graph::NodeId s = g.edge_source(e);
    graph::NodeId t = g.edge_target(e);
    if (dir == 0) {
        return {{s, t}};
    }
    if (dir == 1) {
        return {{t, s}};
    }
    if (s == t) {
        return {{s, t}};
    }
    return {{s, t}, {t, s}};
}

std::string node_text(const char* var, const NodePat& p) {
    std::string out = std::string("(") + var;
    if (p.label >= 0 && p.label < 3) {
        out += std::string(":") + kLabels[p.label];
    } else if (p.label == 3) {
        out += ":A|B";
    }
    if (p.x >= 0) {
        out += " {x: " + std::to_string(p.x) + "}";
    }
    return out + ")";
}

std::string rel_text(const char* var, const RelPat& p, const char* range = "") {
    std::string inner = std::string("[") + var;
    if (p.type == 0 || p.type == 1) {
        inner += std::string(":") + kTypes[p.type];
    } else if (p.type == 2) {
        inner += ":R|S";
    }
    inner += range;
    if (p.w >= 0) {
        inner += " {w: " + std::to_string(p.w) + "}";
    }
    inner += "]";
    if (p.dir == 0) {
        return "-" + inner + "->";
    }
    if (p.dir == 1) {
        return "<-" + inner + "-";
    }
    return "-" + inner + "-";
}

std::string cond_text(const Cond& c, const char* last) {
    switch (c.kind) {
    case 1: return "a.x < b.x";
    case 2: return "fold(a.name) = 'n" + std::to_string(c.k) + "'";
    case 3: return "b.name = 'N" + std::to_string(c.k) + "'";
    case 4: return std::string(last) + ".x IN [0, 2]";
    case 5: return std::string("a <> ") + last;
    default: return "";
    }
}

bool cond_ok(const graph::Graph& g, const Cond& c, graph::NodeId a, graph::NodeId b,
             graph::NodeId last) {
    switch (c.kind) {
    case 1: {
        auto x = int_prop(g, a, "x");
        auto y = int_prop(g, b, "x");
        return x && y && *x < *y;
    }
    case 2: return graph::fold(g.node(a).name) == "n" + std::to_string(c.k);
    case 3: return g.node(b).name == "N" + std::to_string(c.k);
    case 4: {
        auto x = int_prop(g, last, "x");
        return x && (*x == 0 || *x == 2);
    }
    case 5: return a != last;
    default: return true;
    }
}

graph::Graph random_graph(std::mt19937& rng) {
    graph::Graph g;
    for (int i = 0; i < 24; ++i) {
        graph::Node n;
        n.labels.push_back(kLabels[rng() % 3]);
        if (rng() % 4 == 0) {
            n.labels.push_back(kLabels[rng() % 3]);
            if (n.labels[1] == n.labels[0]) {
                n.labels.pop_back();
            }
        }
        n.name = (rng() % 2 ? "n" : "N") + std::to_string(i % 12);
        n.scope = std::to_string(i);
        if (rng() % 5 != 0) {
            n.props["x"] = static_cast<std::int64_t>(rng() % 4);
        }
        g.merge_node(std::move(n));
    }
    for (int i = 0; i < 70; ++i) {
        graph::Edge e;
        e.type = kTypes[rng() % 2];
        e.props["w"] = static_cast<std::int64_t>(rng() % 3);
        e.props["title"] = std::to_string(i); // keeps parallel edges apart
        g.merge_edge(rng() % 24, rng() % 24, std::move(e));
    }
    return g;
}

std::vector<std::string> rows_of(const Result& r, const graph::Graph& g) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) {
        std::string line;
        for (const Value& v : row) {
            line += to_text(v, g) + ",";
        }
        out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("pattern queries agree with a naive evaluation") {
    std::mt19937 rng(42);
    graph::Graph g = random_graph(rng);
    Database db(g);
    auto random_node = [&] {
        NodePat p;
        p.label = static_cast<int>(rng() % 6) - 1;
        p.label = p.label > 3 ? -1 : p.label;
        p.x = rng() % 3 == 0 ? static_cast<int>(rng() % 4) : -1;
        return p;
    };
    auto random_rel = [&] {
        RelPat p;
        p.type = static_cast<int>(rng() % 4) - 1;
        p.dir = static_cast<int>(rng() % 3);
        p.w = rng() % 4 == 0 ? static_cast<int>(rng() % 3) : -1;
        return p;
    };
    int nonempty = 0;
    for (int round = 0; round < 400; ++round) {
        int hops = 1 + static_cast<int>(rng() % 3); // 3 means one variable-length *1..2
        NodePat a = random_node();
        NodePat b = random_node();
        NodePat c = random_node();
        RelPat r1 = random_rel();
        RelPat r2 = random_rel();
        Cond cond;
        cond.kind = static_cast<int>(rng() % 6);
        cond.k = static_cast<int>(rng() % 12);
        const char* last = hops == 2 ? "c" : "b";
        std::string text = "MATCH " + node_text("a", a);
        std::vector<std::string> expected;
        if (hops == 1) {
            text += rel_text("r", r1) + node_text("b", b);
        } else if (hops == 2) {
            text += rel_text("r", r1) + node_text("b", b) + rel_text("s", r2) + node_text("c", c);
        } else {
            text += rel_text("r", r1, "*1..2") + node_text("b", b);
        }
        if (cond.kind != 0) {
            text += " WHERE " + cond_text(cond, last);
        }
        if (hops == 1) {
            text += " RETURN id(a), id(r), id(b)";
        } else if (hops == 2) {
            text += " RETURN id(a), id(r), id(b), id(s), id(c)";
        } else {
            text += " RETURN id(a), [x IN r | id(x)], id(b)";
        }
        auto id = [](std::size_t v) { return std::to_string(v) + ","; };
        for (graph::EdgeId e1 = 0; e1 < g.edge_count(); ++e1) {
            if (!rel_ok(g, e1, r1)) {
                continue;
            }
            for (auto [x, y] : ends(g, e1, r1.dir)) {
                if (!node_ok(g, x, a)) {
                    continue;
                }
                if (hops != 2 && node_ok(g, y, b) && cond_ok(g, cond, x, y, y)) {
                    expected.push_back(id(x) + (hops == 1 ? id(e1) : "[" + std::to_string(e1) + "],") +
                                       id(y));
                }
                if (hops == 1) {
                    continue;
                }
                for (graph::EdgeId e2 = 0; e2 < g.edge_count(); ++e2) {
                    if (e2 == e1 || !rel_ok(g, e2, hops == 2 ? r2 : r1)) {
                        continue;
                    }
                    for (auto [y2, z] : ends(g, e2, hops == 2 ? r2.dir : r1.dir)) {
                        if (y2 != y) {
                            continue;
                        }
                        if (hops == 2 && node_ok(g, y, b) && node_ok(g, z, c) &&
                            cond_ok(g, cond, x, y, z)) {
                            expected.push_back(id(x) + id(e1) + id(y) + id(e2) + id(z));
                        }
                        if (hops == 3 && node_ok(g, z, b) && cond_ok(g, cond, x, z, z)) {
                            expected.push_back(id(x) + "[" + std::to_string(e1) + ", " +
                                               std::to_string(e2) + "]," + id(z));
                        }
                    }
                }
            }
        }
        std::sort(expected.begin(), expected.end());
        Result r = run(db, text);
        INFO(text);
        REQUIRE(rows_of(r, g) == expected);
        nonempty += expected.empty() ? 0 : 1;
    }
    CHECK(nonempty > 100);
}

TEST_CASE("shortest paths agree with breadth-first distances") {
    std::mt19937 rng(7);
    graph::Graph g = random_graph(rng);
    Database db(g);
    // Distances over undirected edges of any type, by repeated relaxation.
    std::size_t n = g.node_count();
    const int inf = 1000;
    std::vector<std::vector<int>> d(n, std::vector<int>(n, inf));
    for (std::size_t i = 0; i < n; ++i) {
        d[i][i] = 0;
    }
    for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
        std::size_t s = g.edge_source(e);
        std::size_t t = g.edge_target(e);
        if (s != t) {
            d[s][t] = d[t][s] = 1;
        }
    }
    for (std::size_t k = 0; k < n; ++k) {
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < n; ++j) {
                d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
            }
        }
    }
    for (int round = 0; round < 60; ++round) {
        std::size_t a = rng() % n;
        std::size_t b = rng() % n;
        if (a == b) {
            continue;
        }
        std::string text = "MATCH (a), (b) WHERE id(a) = " + std::to_string(a) +
                           " AND id(b) = " + std::to_string(b) +
                           " MATCH p = shortestPath((a)-[*..10]-(b)) RETURN length(p)";
        Result r = run(db, text);
        INFO(text);
        if (d[a][b] > 10) {
            CHECK(r.rows.empty());
        } else {
            REQUIRE(r.rows.size() == 1);
            CHECK(*r.rows[0][0].get<std::int64_t>() == d[a][b]);
        }
    }
}
