// A small graph with the awkward cases exporters must survive: quotes, backslashes (one at the
// end of a name), XML specials, control characters, Vietnamese diacritics, multi-label nodes,
// every value type, partial dates, edges reported by several articles.
#pragma once

#include "graph/store.hpp"

#include <string>

namespace vnkg::exporter::test {

inline graph::Provenance from(std::string article) { return {std::move(article), "câu."}; }

inline graph::Graph sample_graph() {
    using graph::Node;
    graph::Graph g;
    g.add_article({"a1", "Hưng Yên: Tăng cường tuyên truyền", "2023-10-03", "seeds/a1.txt", "h1"});
    g.add_article({"a2", "Bài thứ hai", "2023-11-05", "seeds/a2.txt", "h2"});
    auto van = g.merge_node(Node{{"Person"},
                                 "Đào Hồng Vận",
                                 {},
                                 {{"titles", std::vector<std::string>{"Ủy viên Thường vụ",
                                                                      "Trưởng ban Tuyên giáo"}},
                                  {"kind", std::string("official")}},
                                 {from("a1"), from("a2")}});
    auto odd = g.merge_node(Node{{"Person", "Delegate"},
                                 "Lê \"Thị\" C\\",
                                 {},
                                 {{"kind", std::string("other")},
                                  {"note", std::string("line one\nline two\ttab")}},
                                 {from("a1")}});
    auto org = g.merge_node(Node{{"Organisation"},
                                 "Ban <Tuyên> & \"giáo\"\x01\x7f Tỉnh ủy",
                                 "Hưng Yên",
                                 {{"province", std::string("Hưng Yên")},
                                  {"label", std::string("clashes with the label column")}},
                                 {from("a1")}});
    auto prov = g.merge_node(Node{{"Province"}, "Hưng Yên", {}, {{"code", std::string("33")}}, {}});
    auto meeting = g.merge_node(Node{{"Meeting"},
                                     "Hội nghị triển khai nhiệm vụ quý IV/2023",
                                     {},
                                     {{"date", std::string("2023-10-03")},
                                      {"province", std::string("Hưng Yên")}},
                                     {from("a1")}});
    auto directive = g.merge_node(Node{{"Directive"},
                                       "Kết luận số 01-KL/TW",
                                       {},
                                       {{"code", std::string("01-KL/TW")},
                                        {"date", std::string("2021-05")},
                                        {"pages", std::int64_t{12}},
                                        {"score", 0.1},
                                        {"binding", true}},
                                       {from("a1")}});
    auto article = g.merge_node(Node{{"Article"},
                                     "Hưng Yên: Tăng cường tuyên truyền",
                                     "a1",
                                     {{"id", std::string("a1")},
                                      {"published", std::string("2023-10-03")},
                                      {"source", std::string("seeds/a1.txt")}},
                                     {from("a1")}});
    using graph::Edge;
    g.merge_edge(van, meeting,
                 Edge{"ATTENDED",
                      {{"role", std::string("chair")}, {"date", std::string("2023-10-03")}},
                      {from("a1"), from("a2")}});
    g.merge_edge(odd, meeting,
                 Edge{"ATTENDED",
                      {{"role", std::string("participant")}, {"date", std::string("2023-10-03")}},
                      {from("a1")}});
    g.merge_edge(van, org,
                 Edge{"HOLDS_POSITION",
                      {{"title", std::string("Trưởng ban")}, {"date", std::string("2023-10-03")}},
                      {from("a1"), from("a2")}});
    g.merge_edge(org, meeting, Edge{"ORGANISED", {{"date", std::string("2023-Q4")}}, {from("a1")}});
    g.merge_edge(meeting, prov, Edge{"HELD_IN", {}, {from("a1")}});
    g.merge_edge(org, prov, Edge{"LOCATED_IN", {}, {}});
    g.merge_edge(meeting, directive,
                 Edge{"DISCUSSED", {{"date", std::string("2023-10-03")}}, {from("a1")}});
    g.merge_edge(article, van, Edge{"MENTIONS", {}, {from("a1")}});
    g.merge_edge(article, directive, Edge{"MENTIONS", {}, {from("a1")}});
    return g;
}

} // namespace vnkg::exporter::test
