#include "extract/to_graph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using vnkg::extract::add_to_graph;
using vnkg::extract::AddCounts;
using vnkg::extract::Entity;
using vnkg::extract::Extraction;
using vnkg::extract::Relation;
using vnkg::graph::Graph;
using vnkg::graph::NodeId;
using vnkg::graph::Provenance;

namespace {

Entity entity(std::string id, std::string type, std::string name,
              std::vector<std::string> sentences) {
    Entity e;
    e.id = std::move(id);
    e.type = std::move(type);
    e.name = std::move(name);
    e.sentences = std::move(sentences);
    return e;
}

Relation relation(std::string type, std::string from, std::string to, std::string sentence) {
    Relation r;
    r.type = std::move(type);
    r.from = std::move(from);
    r.to = std::move(to);
    r.sentence = std::move(sentence);
    return r;
}

Extraction article_one() {
    Extraction x;
    x.article.id = "seeds/001.txt";
    x.article.source = "../shared/seeds/001.txt";
    x.article.title = "Hưng Yên: hội nghị tuyên giáo";
    x.article.published = "2023-10-03";
    x.article.hash = "00000000000000aa";
    x.province = "Hưng Yên";
    x.entities.push_back(entity("e1", "Person", "Đào Hồng Vận", {"S1 chủ trì.", "S2 phát biểu."}));
    x.entities.push_back(entity("e2", "Meeting", "Hội nghị triển khai quý IV/2023", {"S1 chủ trì."}));
    x.entities.push_back(entity("e3", "Province", "Hưng Yên", {}));
    x.entities.back().props["code"] = std::string("33");
    Relation attended = relation("ATTENDED", "e1", "e2", "S1 chủ trì.");
    attended.props["role"] = std::string("chair");
    attended.props["date"] = std::string("2023-10-03");
    x.relations.push_back(attended);
    x.relations.push_back(relation("HELD_IN", "e2", "e3", "S1 chủ trì."));
    x.relations.push_back(relation("AUTHORED", "e1", "article", "Đào Hồng Vận"));
    return x;
}

/// The one edge of `type` leaving `node`.
std::size_t out_edge(const Graph& g, NodeId node, std::string_view type) {
    std::size_t found = g.edge_count();
    for (auto e : g.out_edges(node)) {
        if (g.edge(e).type == type) {
            REQUIRE(found == g.edge_count());
            found = e;
        }
    }
    REQUIRE(found < g.edge_count());
    return found;
}

std::size_t count_edges(const Graph& g, std::string_view type) {
    std::size_t n = 0;
    for (std::size_t e = 0; e < g.edge_count(); ++e) {
        n += g.edge(e).type == type ? 1 : 0;
    }
    return n;
}

} // namespace

TEST_CASE("an extraction becomes an article node, entity nodes and edges", "[to_graph]") {
    Graph g;
    AddCounts counts = add_to_graph(g, article_one());
    CHECK(counts.dropped_relations == 0);
    CHECK(counts.dropped_entities == 0);

    const auto* info = g.article("seeds/001.txt");
    REQUIRE(info != nullptr);
    CHECK(info->hash == "00000000000000aa");
    CHECK(info->published == "2023-10-03");
    CHECK(info->source == "../shared/seeds/001.txt");

    auto article = g.find_node("Article", "Hưng Yên: hội nghị tuyên giáo", "seeds/001.txt");
    REQUIRE(article);
    const auto& a = g.node(*article);
    CHECK(vnkg::graph::string_prop(a.props, "published") == "2023-10-03");
    CHECK(vnkg::graph::string_prop(a.props, "source") == "../shared/seeds/001.txt");
    CHECK(vnkg::graph::string_prop(a.props, "id") == "seeds/001.txt");

    auto person = g.find_node("Person", "Đào Hồng Vận");
    REQUIRE(person);
    const auto& p = g.node(*person);
    REQUIRE(p.mentions.size() == 2);
    CHECK(p.mentions[0] == Provenance{"seeds/001.txt", "S1 chủ trì."});
    CHECK(p.mentions[1] == Provenance{"seeds/001.txt", "S2 phát biểu."});

    auto province = g.find_node("Province", "Hưng Yên");
    REQUIRE(province);
    CHECK(vnkg::graph::string_prop(g.node(*province).props, "code") == "33");
    // An entity without sentences still records the article, so it can be taken away again.
    REQUIRE(g.node(*province).mentions.size() == 1);
    CHECK(g.node(*province).mentions[0].article == "seeds/001.txt");

    CHECK(g.node_count() == 4);
    CHECK(count_edges(g, "MENTIONS") == 3);
    for (auto e : g.out_edges(*article)) {
        CHECK(g.edge(e).type == "MENTIONS");
    }
    CHECK(g.out_edges(*person).size() == 2);
    const auto& att = g.edge(out_edge(g, *person, "ATTENDED"));
    CHECK(vnkg::graph::string_prop(att.props, "role") == "chair");
    REQUIRE(att.sources.size() == 1);
    CHECK(att.sources[0] == Provenance{"seeds/001.txt", "S1 chủ trì."});

    // AUTHORED points at the article's own node.
    auto in = g.in_edges(*article);
    REQUIRE(in.size() == 1);
    CHECK(g.edge(in[0]).type == "AUTHORED");
    CHECK(g.edge_source(in[0]) == *person);
}

TEST_CASE("the same fact from two articles is one edge with two sources", "[to_graph]") {
    Graph g;
    add_to_graph(g, article_one());
    Extraction two = article_one();
    two.article.id = "seeds/002.txt";
    two.article.title = "Bài khác";
    two.article.hash = "00000000000000bb";
    add_to_graph(g, two);
    CHECK(g.articles().size() == 2);
    CHECK(g.nodes_with_label("Article").size() == 2);
    CHECK(g.nodes_with_label("Person").size() == 1);
    CHECK(count_edges(g, "ATTENDED") == 1);
    CHECK(count_edges(g, "MENTIONS") == 6);
    auto person = g.find_node("Person", "Đào Hồng Vận");
    REQUIRE(person);
    CHECK(g.edge(out_edge(g, *person, "ATTENDED")).sources.size() == 2);
    CHECK(count_edges(g, "AUTHORED") == 2);

    SECTION("replacing an article leaves the graph as if it had been added once") {
        std::size_t nodes = g.node_count();
        std::size_t edges = g.edge_count();
        g.remove_articles({"seeds/002.txt"});
        CHECK(g.articles().size() == 1);
        CHECK(g.nodes_with_label("Article").size() == 1);
        add_to_graph(g, two);
        CHECK(g.node_count() == nodes);
        CHECK(g.edge_count() == edges);
    }
    SECTION("removing every article removes every node and edge") {
        g.remove_articles({"seeds/001.txt", "seeds/002.txt"});
        CHECK(g.node_count() == 0);
        CHECK(g.edge_count() == 0);
    }
}

TEST_CASE("relations to unknown local ids and nameless entities are dropped and counted",
          "[to_graph]") {
    Graph g;
    Extraction x = article_one();
    x.article.title.clear();
    x.entities.push_back(entity("e4", "Person", "", {"S"}));
    x.entities.push_back(entity("e5", "", "Nobody", {"S"}));
    x.relations.push_back(relation("ATTENDED", "e9", "e2", "S"));
    x.relations.push_back(relation("ATTENDED", "e1", "e4", "S"));
    x.relations.push_back(relation("", "e1", "e2", "S"));
    AddCounts counts = add_to_graph(g, x);
    CHECK(counts.dropped_entities == 2);
    CHECK(counts.dropped_relations == 3);
    // Without a title the article's node is named by its id.
    CHECK(g.find_node("Article", "seeds/001.txt", "seeds/001.txt"));
    CHECK(count_edges(g, "ATTENDED") == 1);
}

TEST_CASE("an entity of type Article stands for the article's node", "[to_graph]") {
    Graph g;
    Extraction x = article_one();
    Entity self = entity("a1", "Article", "whatever the extractor calls it", {});
    self.props["words"] = std::int64_t{420};
    x.entities.push_back(self);
    x.relations.push_back(relation("AUTHORED", "e1", "a1", "Đào Hồng Vận"));
    add_to_graph(g, x);
    CHECK(g.nodes_with_label("Article").size() == 1);
    auto article = g.find_node("Article", "Hưng Yên: hội nghị tuyên giáo", "seeds/001.txt");
    REQUIRE(article);
    CHECK(g.node(*article).props.count("words") == 1);
    CHECK(g.in_edges(*article).size() == 1); // both AUTHORED relations are one fact
    CHECK(count_edges(g, "MENTIONS") == 3);
}
