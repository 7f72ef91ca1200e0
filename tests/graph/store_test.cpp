#include "graph/store.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string_view>

using namespace vnkg::graph;

namespace {

Node make_node(std::string label, std::string name, std::string scope = {},
               std::vector<Provenance> mentions = {}) {
    Node n;
    n.labels = {std::move(label)};
    n.name = std::move(name);
    n.scope = std::move(scope);
    n.mentions = std::move(mentions);
    return n;
}

Edge make_edge(std::string type, Properties props = {}, std::vector<Provenance> sources = {}) {
    Edge e;
    e.type = std::move(type);
    e.props = std::move(props);
    e.sources = std::move(sources);
    return e;
}

} // namespace

TEST_CASE("merge_node: the same name in another case or tone placement is the same node") {
    Graph g;
    NodeId a = g.merge_node(make_node("Organisation", "Ban Tuyên giáo Tỉnh uỷ", "Hưng Yên"));
    NodeId b = g.merge_node(make_node("Organisation", "BAN TUYÊN GIÁO  TỈNH ỦY", "hưng yên"));
    CHECK(a == b);
    CHECK(g.node_count() == 1);
    // The first spelling stays the display name.
    CHECK(g.node(a).name == "Ban Tuyên giáo Tỉnh uỷ");
}

TEST_CASE("merge_node: diacritics, type and scope tell nodes apart") {
    Graph g;
    NodeId van_heavy = g.merge_node(make_node("Person", "Đào Hồng Vận"));
    NodeId van_plain = g.merge_node(make_node("Person", "Đào Hồng Văn"));
    NodeId as_org = g.merge_node(make_node("Organisation", "Đào Hồng Vận"));
    NodeId plan_hy = g.merge_node(make_node("Directive", "Kế hoạch số 10-KH/TU", "Hưng Yên"));
    NodeId plan_tb = g.merge_node(make_node("Directive", "Kế hoạch số 10-KH/TU", "Thái Bình"));
    CHECK(van_heavy != van_plain);
    CHECK(van_heavy != as_org);
    CHECK(plan_hy != plan_tb);
    CHECK(g.node_count() == 5);

    CHECK(g.find_node("Directive", "kế hoạch số 10-KH/TU", "Thái Bình") == plan_tb);
    CHECK(g.find_node("Directive", "Kế hoạch số 10-KH/TU", "Hưng Yên") == plan_hy);
    CHECK_FALSE(g.find_node("Directive", "Kế hoạch số 10-KH/TU").has_value());
    CHECK(g.find_node("Person", "ĐÀO HỒNG VẬN") == van_heavy);
    CHECK_FALSE(g.find_node("Meeting", "Đào Hồng Vận").has_value());
}

TEST_CASE("merge_node rejects a node without a label or a name") {
    Graph g;
    Node unlabelled;
    unlabelled.name = "x";
    CHECK_THROWS_AS(g.merge_node(unlabelled), std::invalid_argument);
    CHECK_THROWS_AS(g.merge_node(make_node("Person", "")), std::invalid_argument);
    CHECK(g.node_count() == 0);
}

TEST_CASE("merge_node unites labels, adds missing properties, dedupes mentions") {
    Graph g;
    Node first = make_node("Person", "Lê Văn A", {}, {{"a1", "s1"}});
    first.props["titles"] = std::vector<std::string>{"Bí thư"};
    first.props["kind"] = std::string("official");
    first.props["note"] = std::monostate{};
    NodeId id = g.merge_node(first);

    Node second = make_node("Person", "Lê Văn A", {}, {{"a1", "s1"}, {"a2", "s2"}});
    second.labels.push_back("Delegate");
    second.props["titles"] = std::vector<std::string>{"Chủ tịch", "Bí thư"};
    second.props["kind"] = std::string("other"); // a stored value is not overwritten
    second.props["note"] = std::string("filled");
    second.props["age"] = std::int64_t{52};
    CHECK(g.merge_node(second) == id);

    const Node& n = g.node(id);
    CHECK(n.labels == std::vector<std::string>{"Person", "Delegate"});
    CHECK(std::get<std::vector<std::string>>(n.props.at("titles")) ==
          std::vector<std::string>{"Bí thư", "Chủ tịch"});
    CHECK(string_prop(n.props, "kind") == "official");
    CHECK(string_prop(n.props, "note") == "filled");
    CHECK(std::get<std::int64_t>(n.props.at("age")) == 52);
    CHECK(n.mentions == std::vector<Provenance>{{"a1", "s1"}, {"a2", "s2"}});
    CHECK(g.nodes_with_label("Delegate") == std::vector<NodeId>{id});
    CHECK(g.nodes_with_label("Person") == std::vector<NodeId>{id});
    CHECK(g.nodes_with_label("Meeting").empty());
}

TEST_CASE("merge_edge: one fact from several articles is one edge with several sources") {
    Graph g;
    NodeId p = g.merge_node(make_node("Person", "Đào Hồng Vận"));
    NodeId m = g.merge_node(make_node("Meeting", "Hội nghị A"));
    EdgeId e1 = g.merge_edge(p, m, make_edge("ATTENDED", {{"role", std::string("chair")}},
                                             {{"a1", "s1"}}));
    EdgeId e2 = g.merge_edge(p, m, make_edge("ATTENDED",
                                             {{"role", std::string("chair")},
                                              {"date", std::string("2023-10-03")}},
                                             {{"a2", "s2"}, {"a1", "s1"}}));
    CHECK(e1 == e2);
    CHECK(g.edge_count() == 1);
    CHECK(g.edge(e1).sources == std::vector<Provenance>{{"a1", "s1"}, {"a2", "s2"}});
    CHECK(string_prop(g.edge(e1).props, "date") == "2023-10-03");

    SECTION("another role is another fact") {
        EdgeId e3 = g.merge_edge(p, m, make_edge("ATTENDED", {{"role", std::string("speaker")}}));
        CHECK(e3 != e1);
        CHECK(g.edge_count() == 2);
    }
    SECTION("the reverse direction or another type is another edge") {
        CHECK(g.merge_edge(m, p, make_edge("ATTENDED", {{"role", std::string("chair")}})) != e1);
        CHECK(g.merge_edge(p, m, make_edge("ORGANISED")) != e1);
        CHECK(g.edge_count() == 3);
    }
    SECTION("unknown ends are refused") {
        CHECK_THROWS_AS(g.merge_edge(p, 99, make_edge("ATTENDED")), std::out_of_range);
    }
}

TEST_CASE("merge_edge: titles are compared as names, and tell positions apart") {
    Graph g;
    NodeId p = g.merge_node(make_node("Person", "Nguyễn Văn B"));
    NodeId o = g.merge_node(make_node("Organisation", "Tỉnh ủy Hưng Yên"));
    EdgeId a = g.merge_edge(p, o, make_edge("HOLDS_POSITION", {{"title", std::string("Phó Bí thư")}}));
    EdgeId b = g.merge_edge(p, o, make_edge("HOLDS_POSITION", {{"title", std::string("phó bí thư")}}));
    EdgeId c = g.merge_edge(p, o, make_edge("HOLDS_POSITION", {{"title", std::string("Bí thư")}}));
    EdgeId d = g.merge_edge(p, o, make_edge("HOLDS_POSITION"));
    CHECK(a == b);
    CHECK(a != c);
    CHECK(d != a);
    CHECK(d != c);
    CHECK(g.edge_count() == 3);
}

TEST_CASE("edges in and out of a node, in the order they were added") {
    Graph g;
    NodeId p = g.merge_node(make_node("Person", "P"));
    NodeId m1 = g.merge_node(make_node("Meeting", "M1"));
    NodeId m2 = g.merge_node(make_node("Meeting", "M2"));
    NodeId o = g.merge_node(make_node("Organisation", "O"));
    EdgeId a = g.merge_edge(p, m1, make_edge("ATTENDED"));
    EdgeId b = g.merge_edge(p, m2, make_edge("ATTENDED"));
    EdgeId c = g.merge_edge(o, m1, make_edge("ORGANISED"));
    CHECK(g.out_edges(p) == std::vector<EdgeId>{a, b});
    CHECK(g.in_edges(p).empty());
    CHECK(g.in_edges(m1) == std::vector<EdgeId>{a, c});
    CHECK(g.out_edges(o) == std::vector<EdgeId>{c});
    CHECK(g.edge_source(c) == o);
    CHECK(g.edge_target(c) == m1);
    CHECK(boost::num_edges(g.boost_graph()) == 3);
}

TEST_CASE("remove_articles drops what only they said and renumbers the rest") {
    Graph g;
    g.add_article({"a1", "T1", "2023-01-01", "a1.txt", "h1"});
    g.add_article({"a2", "T2", "2023-02-01", "a2.txt", "h2"});
    NodeId only_a1 = g.merge_node(make_node("Person", "Only A1", {}, {{"a1", "s"}}));
    NodeId both = g.merge_node(make_node("Person", "Both", {}, {{"a1", "s"}, {"a2", "t"}}));
    NodeId gazetteer = g.merge_node(make_node("Province", "Hưng Yên"));
    NodeId only_a2 = g.merge_node(make_node("Meeting", "Meeting A2", {}, {{"a2", "u"}}));
    g.merge_edge(only_a1, gazetteer, make_edge("LOCATED_IN", {}, {{"a1", "s"}}));
    g.merge_edge(both, only_a2, make_edge("ATTENDED", {}, {{"a1", "s"}, {"a2", "u"}}));
    g.merge_edge(both, gazetteer, make_edge("LOCATED_IN", {}, {{"a1", "s"}}));
    g.merge_edge(gazetteer, gazetteer, make_edge("MERGED_INTO")); // no sources: a fixed fact
    REQUIRE(g.node_count() == 4);
    REQUIRE(g.edge_count() == 4);

    g.remove_articles({"a1"});

    CHECK(g.article("a1") == nullptr);
    REQUIRE(g.article("a2") != nullptr);
    CHECK(g.article("a2")->title == "T2");
    CHECK(g.node_count() == 3);
    CHECK_FALSE(g.find_node("Person", "Only A1").has_value());
    auto b = g.find_node("Person", "Both");
    auto h = g.find_node("Province", "Hưng Yên");
    auto m = g.find_node("Meeting", "Meeting A2");
    REQUIRE(b);
    REQUIRE(h);
    REQUIRE(m);
    CHECK(g.node(*b).mentions == std::vector<Provenance>{{"a2", "t"}});
    CHECK(g.node(*h).name == "Hưng Yên");
    // ids run from 0 and the index agrees with the data
    for (NodeId id = 0; id < g.node_count(); ++id) {
        const Node& n = g.node(id);
        CHECK(g.find_node(n.type(), n.name, n.scope) == id);
    }
    REQUIRE(g.edge_count() == 2);
    for (EdgeId e = 0; e < g.edge_count(); ++e) {
        if (g.edge(e).type == "ATTENDED") {
            CHECK(g.edge_source(e) == *b);
            CHECK(g.edge_target(e) == *m);
            CHECK(g.edge(e).sources == std::vector<Provenance>{{"a2", "u"}});
        } else {
            CHECK(g.edge(e).type == "MERGED_INTO");
            CHECK(g.edge_source(e) == *h);
        }
    }
    CHECK(g.out_edges(*b).size() == 1);
    CHECK(g.nodes_with_label("Person") == std::vector<NodeId>{*b});
    // id 0 was "Only A1"; the former id 1 moved down
    CHECK(only_a1 == 0);
    CHECK(*b == 0);
}

TEST_CASE("search ignores case and diacritics and matches words in order") {
    Graph g;
    NodeId van = g.merge_node(make_node("Person", "Đào Hồng Vận"));
    NodeId directive = g.merge_node(make_node("Directive", "Chỉ thị số 05-CT/TW"));
    NodeId other = g.merge_node(make_node("Directive", "Chỉ thị số 50-CT/TU", "Hưng Yên"));
    NodeId province = g.merge_node(make_node("Province", "Hưng Yên"));
    NodeId article = g.merge_node(make_node("Article", "Hưng Yên: học tập Chỉ thị 05", "a1"));
    NodeId board = g.merge_node(make_node("Organisation", "Ban Tuyên giáo Tỉnh ủy Hưng Yên"));

    auto ids = [&](std::string_view text) {
        std::vector<NodeId> out;
        for (const SearchHit& h : g.search(text)) {
            out.push_back(h.id);
        }
        return out;
    };
    CHECK(ids("dao hong van") == std::vector<NodeId>{van});
    CHECK(ids("ĐÀO HỒNG VẬN") == std::vector<NodeId>{van});
    CHECK(ids("dao van") == std::vector<NodeId>{van}); // a word between
    CHECK(ids("van dao").empty());                     // but in order
    CHECK(ids("dao hong vanh").empty());
    // "05" is the start of "05-ct/tw"; "50" is not; the article's title has the words too.
    CHECK(ids("chi thi 05") == std::vector<NodeId>{directive, article});
    CHECK(ids("ct/tw") == std::vector<NodeId>{directive});
    CHECK(ids("ct") == std::vector<NodeId>{directive, other});
    CHECK(ids("tw") == std::vector<NodeId>{directive});
    // The exact name first, then names holding the words.
    auto hung_yen = ids("hung yen");
    REQUIRE(hung_yen.size() == 3);
    CHECK(hung_yen[0] == province);
    CHECK(std::is_permutation(hung_yen.begin() + 1, hung_yen.end(),
                              std::vector<NodeId>{article, board}.begin()));
    CHECK(ids("").empty());
    CHECK(ids("  , ").empty());

    auto hits = g.search("chi thi so 05-ct/tw");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].rank == MatchRank::exact);
    hits = g.search("chi thi 05");
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].rank == MatchRank::prefixes);
    CHECK(hits[0].extra_words == 1);
    CHECK(hits[1].rank == MatchRank::phrase);
    CHECK(hits[1].extra_words == 4);
    hits = g.search("hong van");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].rank == MatchRank::phrase);
    CHECK(g.search("dao van")[0].rank == MatchRank::words);
}

TEST_CASE("append_edge adds without looking, and merge_edge still finds appended facts") {
    Graph g;
    NodeId p = g.merge_node(make_node("Person", "P"));
    NodeId m = g.merge_node(make_node("Meeting", "M"));
    EdgeId a = g.append_edge(p, m, make_edge("ATTENDED", {{"role", std::string("chair")}},
                                            {{"a1", "s1"}}));
    EdgeId b = g.append_edge(m, p, make_edge("ATTENDED"));
    CHECK(a != b);
    CHECK(g.in_edges(m) == std::vector<EdgeId>{a});
    EdgeId again = g.merge_edge(p, m, make_edge("ATTENDED", {{"role", std::string("Chair")}},
                                                {{"a2", "s2"}}));
    CHECK(again == a);
    CHECK(g.edge(a).sources == std::vector<Provenance>{{"a1", "s1"}, {"a2", "s2"}});
    CHECK(g.merge_edge(m, p, make_edge("ATTENDED")) == b);
    CHECK(g.edge_count() == 2);
    CHECK_THROWS_AS(g.append_edge(p, 7, make_edge("X")), std::out_of_range);
}

TEST_CASE("append_node adds without looking, and find_node and merge_node index appended nodes") {
    Graph g;
    NodeId a = g.append_node(make_node("Person", "Đào Hồng Vận"));
    NodeId b = g.append_node(make_node("Person", "ĐÀO HỒNG VẬN"));
    CHECK(a != b);
    CHECK(g.node_count() == 2);
    CHECK(g.nodes_with_label("Person") == std::vector<NodeId>{a, b});
    // Two appended nodes with one identity: the first is the one found.
    CHECK(g.find_node("Person", "đào hồng vận") == a);
    CHECK(g.merge_node(make_node("Person", "Đào  Hồng Vận", {}, {{"a1", "s1"}})) == a);
    CHECK(g.node(a).mentions == std::vector<Provenance>{{"a1", "s1"}});
    NodeId m = g.merge_node(make_node("Meeting", "M"));
    CHECK(m == 2);
    // Nodes appended after the index was built are indexed on the next lookup.
    NodeId c = g.append_node(make_node("Province", "Hưng Yên"));
    CHECK(g.find_node("Province", "hưng yên") == c);
    CHECK(g.merge_node(make_node("Province", "HƯNG YÊN")) == c);
    CHECK(g.merge_node(make_node("Meeting", "M")) == m);
    CHECK(g.node_count() == 4);
    CHECK_THROWS_AS(g.append_node(make_node("", "X")), std::invalid_argument);
    CHECK_THROWS_AS(g.append_node(make_node("Person", "")), std::invalid_argument);
    CHECK(g.node_count() == 4);
}

TEST_CASE("append_edges adds edges in order, as append_edge one by one does") {
    auto nodes = [](Graph& g) {
        for (int i = 0; i < 6; ++i) {
            std::string name = "P";
            name += std::to_string(i);
            g.append_node(make_node("Person", std::move(name)));
        }
    };
    std::vector<std::pair<NodeId, NodeId>> ends = {{0, 1}, {0, 2}, {3, 0}, {1, 0}, {0, 1},
                                                   {5, 5}, {2, 0}, {0, 4}, {4, 3}};
    Graph one;
    Graph bulk;
    nodes(one);
    nodes(bulk);
    std::vector<Graph::EdgeRecord> first;
    std::vector<Graph::EdgeRecord> second;
    for (std::size_t i = 0; i < ends.size(); ++i) {
        Edge e = make_edge(i % 2 == 0 ? "ATTENDED" : "MENTIONS",
                           {{"n", static_cast<std::int64_t>(i)}}, {{"a" + std::to_string(i), "s"}});
        one.append_edge(ends[i].first, ends[i].second, e);
        (i < 6 ? first : second).push_back(Graph::EdgeRecord{ends[i].first, ends[i].second, e});
    }
    bulk.append_edges(std::move(first));
    bulk.append_edges(std::move(second)); // onto edges already there
    REQUIRE(bulk.edge_count() == one.edge_count());
    CHECK(boost::num_edges(bulk.boost_graph()) == ends.size());
    for (EdgeId e = 0; e < one.edge_count(); ++e) {
        CHECK(bulk.edge_source(e) == one.edge_source(e));
        CHECK(bulk.edge_target(e) == one.edge_target(e));
        CHECK(bulk.edge(e).props == one.edge(e).props);
        CHECK(bulk.edge(e).sources == one.edge(e).sources);
    }
    for (NodeId v = 0; v < one.node_count(); ++v) {
        CHECK(bulk.out_edges(v) == one.out_edges(v));
        CHECK(bulk.in_edges(v) == one.in_edges(v));
    }
    // Appended facts are still found by merge_edge.
    CHECK(bulk.merge_edge(0, 1, make_edge("ATTENDED", {{"n", std::int64_t{0}}})) == 0);

    SECTION("an unknown end refuses the whole batch") {
        std::vector<Graph::EdgeRecord> bad;
        bad.push_back(Graph::EdgeRecord{0, 1, make_edge("X")});
        bad.push_back(Graph::EdgeRecord{0, 6, make_edge("X")});
        CHECK_THROWS_AS(bulk.append_edges(std::move(bad)), std::out_of_range);
        CHECK(bulk.edge_count() == ends.size());
        CHECK(boost::num_edges(bulk.boost_graph()) == ends.size());
        CHECK(bulk.out_edges(0) == one.out_edges(0));
    }
}
