#include "extract/to_graph.hpp"

#include <catch2/catch.hpp>

using namespace vnkg;

TEST_CASE("the gazetteer: provinces before and after July 2025 - joined by dated MERGED_INTO") {
    graph::Graph g;
    extract::add_gazetteer_facts(g);
    std::size_t provinces = g.nodes_with_label("Province").size();
    // 63 before; the 11 unchanged are one node each; 23 new units have nodes of their own.
    CHECK(provinces == 63 + 23);
    auto thai_binh = g.find_node("Province", "Thái Bình");
    auto new_hung_yen = g.find_node("Province", "Hưng Yên", "2025");
    auto old_hung_yen = g.find_node("Province", "Hưng Yên");
    REQUIRE(thai_binh);
    REQUIRE(new_hung_yen);
    REQUIRE(old_hung_yen);
    CHECK(*new_hung_yen != *old_hung_yen);
    bool merged = false;
    for (graph::EdgeId e : g.out_edges(*thai_binh)) {
        if (g.edge(e).type == "MERGED_INTO" && g.edge_target(e) == *new_hung_yen) {
            merged = graph::string_prop(g.edge(e).props, "date") == "2025-07-01";
        }
    }
    CHECK(merged);
    // Unchanged provinces are one node with no merger edge.
    auto ha_noi = g.find_node("Province", "Hà Nội");
    REQUIRE(ha_noi);
    CHECK(g.out_edges(*ha_noi).empty());
    std::size_t nodes = g.node_count();
    std::size_t edges = g.edge_count();
    extract::add_gazetteer_facts(g);
    CHECK(g.node_count() == nodes);
    CHECK(g.edge_count() == edges);
}
