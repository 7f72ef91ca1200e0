#include "export/common.hpp"
#include "export/dates.hpp"
#include "export/import.hpp"
#include "export/output.hpp"
#include "export/writers.hpp"
#include "graph/text.hpp"
#include "sample_graph.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace vnkg;
using exporter::test::sample_graph;

namespace {

std::string graphml_of(const graph::Graph& g, const exporter::Subgraph& sub) {
    std::ostringstream os;
    exporter::write_graphml(g, sub, os);
    return os.str();
}

std::string graphml_of(const graph::Graph& g) { return graphml_of(g, exporter::whole(g)); }

std::size_t count(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto i = text.find(what); i != std::string::npos; i = text.find(what, i + 1)) {
        ++n;
    }
    return n;
}

std::vector<std::string> names(const graph::Graph& g, const exporter::Subgraph& sub) {
    std::vector<std::string> out;
    for (graph::NodeId id : sub.nodes) {
        out.push_back(g.node(id).name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("vnkg-export-test-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("partial dates widen to the days they cover", "[dates]") {
    using exporter::date_span;
    using exporter::DateSpan;
    CHECK(date_span("2023") == DateSpan{"2023-01-01", "2023-12-31"});
    CHECK(date_span("2023-Q4") == DateSpan{"2023-10-01", "2023-12-31"});
    CHECK(date_span("2024-02") == DateSpan{"2024-02-01", "2024-02-29"});
    CHECK(date_span("2023-02") == DateSpan{"2023-02-01", "2023-02-28"});
    CHECK(date_span("2023-10-03") == DateSpan{"2023-10-03", "2023-10-03"});
    CHECK(date_span("2020-02-25/2020-02-28") == DateSpan{"2020-02-25", "2020-02-28"});
    CHECK(date_span("2020/2021-Q1") == DateSpan{"2020-01-01", "2021-03-31"});
    CHECK_FALSE(date_span("--10-03"));
    CHECK_FALSE(date_span("2023-13"));
    CHECK_FALSE(date_span("2023-02-30"));
    CHECK_FALSE(date_span("hôm qua"));
    CHECK_FALSE(date_span(""));
}

TEST_CASE("text is cleaned and escaped for each format", "[escape]") {
    std::string xml;
    exporter::append_xml(xml, "a<b>&\"c\"\x01\x7f\xC2\x85 \xEF\xBF\xBF ệ\n\t", true);
    CHECK(xml == "a&lt;b&gt;&amp;&quot;c&quot;  ệ&#10;&#9;");
    std::string bad_utf8;
    exporter::append_xml(bad_utf8, "x\xC3y\xED\xA0\x80z", false);
    CHECK(bad_utf8 == "xyz");

    std::string dot;
    exporter::append_dot(dot, "C:\\dir\\");
    CHECK(dot == "C:\\\\dir\\\\");
    dot.clear();
    exporter::append_dot(dot, "say \"hi\"\nnext");
    CHECK(dot == "say \\\"hi\\\"\\nnext");

    std::string csv;
    exporter::append_csv(csv, "plain");
    CHECK(csv == "plain");
    csv.clear();
    exporter::append_csv(csv, "a,\"b\"\nc");
    CHECK(csv == "\"a,\"\"b\"\"\nc\"");
}

TEST_CASE("the quick name key is graph::name_key", "[ids]") {
    for (std::string_view name :
         {"Đào Hồng Vận", "ĐÀO HỒNG VẬN", "  Ủy   ban nhân dân  ", "Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu",
          "Chỉ thị số 05-CT/TW", "ƯƠNG ƠI Ĩ Ũ Ă", "Nguyễn\tThị\nLan", "Café Ñandú", "ß straße",
          "Hội nghị quý IV/2023", "", "-", "a -b- c"}) {
        INFO(name);
        CHECK(exporter::quick_key(name) == graph::name_key(name));
    }
}

TEST_CASE("GraphML has a typed key per attribute and no graph-level key", "[graphml]") {
    graph::Graph g = sample_graph();
    std::string text = graphml_of(g);
    CHECK(count(text, "for=\"graph\"") == 0);
    CHECK(text.find("attr.name=\"label\" attr.type=\"string\"") != std::string::npos);
    CHECK(text.find("attr.name=\"weight\" attr.type=\"double\"") != std::string::npos);
    CHECK(text.find("attr.name=\"pages\" attr.type=\"long\"") != std::string::npos);
    CHECK(text.find("attr.name=\"score\" attr.type=\"double\"") != std::string::npos);
    CHECK(text.find("attr.name=\"binding\" attr.type=\"boolean\"") != std::string::npos);
    // A property named like a reserved column is renamed, not merged into it.
    CHECK(text.find("attr.name=\"prop_label\"") != std::string::npos);
    CHECK(count(text, "<node id=") == g.node_count());
    CHECK(count(text, "<edge id=") == g.edge_count());
    CHECK(text.find("Lê &quot;Thị&quot; C\\") == std::string::npos); // quotes stay bare in text
    CHECK(text.find("Lê \"Thị\" C\\</data>") != std::string::npos);
    CHECK(text.find("Ban &lt;Tuyên&gt; &amp; \"giáo\" Tỉnh ủy</data>") != std::string::npos);
    CHECK(text.find('\x01') == std::string::npos);
    CHECK(text.find(">:Person:Delegate</data>") != std::string::npos);
}

TEST_CASE("ids are stable across builds in a different order", "[graphml]") {
    graph::Graph a = sample_graph();
    graph::Graph b;
    // The same nodes and edges, added in reverse order.
    for (graph::NodeId id = a.node_count(); id-- > 0;) {
        b.merge_node(a.node(id));
    }
    for (graph::EdgeId e = a.edge_count(); e-- > 0;) {
        const graph::Node& from = a.node(a.edge_source(e));
        const graph::Node& to = a.node(a.edge_target(e));
        b.merge_edge(*b.find_node(from.type(), from.name, from.scope),
                     *b.find_node(to.type(), to.name, to.scope), a.edge(e));
    }
    exporter::StableIds ia(a, exporter::whole(a));
    exporter::StableIds ib(b, exporter::whole(b));
    for (graph::NodeId id = 0; id < a.node_count(); ++id) {
        const graph::Node& n = a.node(id);
        CHECK(ia.node(id) == ib.node(*b.find_node(n.type(), n.name, n.scope)));
        CHECK(ia.node(id).view().size() == 17);
    }
    std::set<std::string> edge_ids;
    for (graph::EdgeId e = 0; e < a.edge_count(); ++e) {
        edge_ids.insert(std::string(ia.edge(e)));
    }
    CHECK(edge_ids.size() == a.edge_count());
    std::set<std::string> from_b;
    for (graph::EdgeId e = 0; e < b.edge_count(); ++e) {
        from_b.insert(std::string(ib.edge(e)));
    }
    CHECK(edge_ids == from_b);
}

TEST_CASE("graph -> GraphML -> graph keeps every node, edge and property", "[import]") {
    graph::Graph g = sample_graph();
    std::istringstream in(graphml_of(g));
    exporter::ImportReport report;
    graph::Graph back = exporter::import_graphml(in, "sample.graphml", &report);
    CHECK(report.nodes_read == g.node_count());
    CHECK(report.edges_read == g.edge_count());
    REQUIRE(back.node_count() == g.node_count());
    REQUIRE(back.edge_count() == g.edge_count());

    auto article_list = [](const std::vector<graph::Provenance>& p) {
        return exporter::article_ids(p);
    };
    for (graph::NodeId id = 0; id < g.node_count(); ++id) {
        const graph::Node& n = g.node(id);
        auto found = back.find_node(n.type(), exporter::clean(n.name), n.scope);
        REQUIRE(found);
        const graph::Node& m = back.node(*found);
        INFO(n.name);
        CHECK(m.labels == n.labels);
        CHECK(m.name == exporter::clean(n.name));
        CHECK(m.scope == n.scope);
        CHECK(m.props == n.props);
        CHECK(article_list(m.mentions) == article_list(n.mentions));
    }
    for (graph::EdgeId e = 0; e < g.edge_count(); ++e) {
        const graph::Node& from = g.node(g.edge_source(e));
        const graph::Node& to = g.node(g.edge_target(e));
        graph::NodeId bf = *back.find_node(from.type(), exporter::clean(from.name), from.scope);
        graph::NodeId bt = *back.find_node(to.type(), exporter::clean(to.name), to.scope);
        bool matched = false;
        for (graph::EdgeId be : back.out_edges(bf)) {
            const graph::Edge& x = back.edge(be);
            const graph::Edge& y = g.edge(e);
            if (back.edge_target(be) == bt && x.type == y.type && x.props == y.props &&
                article_list(x.sources) == article_list(y.sources)) {
                matched = true;
            }
        }
        INFO(g.edge(e).type << " from " << from.name);
        CHECK(matched);
    }
    REQUIRE(back.article("a1") != nullptr);
    CHECK(back.article("a1")->published == "2023-10-03");

    // And a second trip gives the same document.
    std::istringstream again(graphml_of(back));
    graph::Graph third = exporter::import_graphml(again, "again.graphml");
    CHECK(graphml_of(third) == graphml_of(back));
}

TEST_CASE("any property graph imports: APOC labels, booleans, undirected, defaults", "[import]") {
    std::istringstream in(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="labels" for="node" attr.name="labels" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="age" for="node" attr.name="age" attr.type="int"/>
  <key id="vip" for="node" attr.name="vip" attr.type="boolean"><default>false</default></key>
  <key id="h" for="node" attr.name="height" attr.type="float"/>
  <key id="type" for="edge" attr.name="type" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="since" for="edge" attr.name="since" attr.type="long"/>
  <graph id="G" edgedefault="undirected">
    <node id="a"><data key="labels">:Person:Employee</data><data key="name">Ann</data>
      <data key="age">42</data><data key="vip">true</data><data key="h">1.7</data></node>
    <node id="b"><data key="labels">:Company</data><data key="name">Acme &amp; Co</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="type">WORKS_AT</data><data key="w">2.5</data>
      <data key="since">2019</data></edge>
    <edge source="c" target="b"/>
  </graph>
</graphml>)");
    exporter::ImportReport report;
    graph::Graph g = exporter::import_graphml(in, "apoc.graphml", &report);
    CHECK(report.nodes_read == 3);
    REQUIRE(g.node_count() == 3);
    REQUIRE(g.edge_count() == 2);
    auto ann = g.find_node("Person", "Ann");
    REQUIRE(ann);
    const graph::Node& a = g.node(*ann);
    CHECK(a.labels == std::vector<std::string>{"Person", "Employee"});
    CHECK(std::get<std::int64_t>(a.props.at("age")) == 42);
    CHECK(std::get<bool>(a.props.at("vip")) == true);
    CHECK(std::get<double>(a.props.at("height")) == 1.7);
    CHECK(a.props.count("name") == 0);
    auto acme = g.find_node("Company", "Acme & Co");
    REQUIRE(acme);
    auto works = g.out_edges(*ann);
    REQUIRE(works.size() == 1);
    CHECK(g.edge(works[0]).type == "WORKS_AT");
    CHECK(std::get<double>(g.edge(works[0]).props.at("weight")) == 2.5);
    CHECK(std::get<std::int64_t>(g.edge(works[0]).props.at("since")) == 2019);
    auto other = g.find_node("Node", "c");
    REQUIRE(other);
    CHECK(g.edge(g.out_edges(*other).at(0)).type == "RELATED");
}

TEST_CASE("a broken GraphML file gives a clear error", "[import]") {
    std::istringstream bad_xml("<graphml><graph><node id=\"a\"></graph>");
    CHECK_THROWS_WITH(exporter::import_graphml(bad_xml, "bad.graphml"),
                      Catch::Contains("bad.graphml"));
    std::istringstream bad_value(R"(<graphml><key id="k" for="node" attr.name="n" attr.type="int"/>
<graph edgedefault="directed"><node id="a"><data key="k">many</data></node></graph></graphml>)");
    CHECK_THROWS_WITH(exporter::import_graphml(bad_value, "v.graphml"),
                      Catch::Contains("v.graphml") && Catch::Contains("'many'"));
    std::istringstream not_graphml("<html/>");
    CHECK_THROWS_WITH(exporter::import_graphml(not_graphml, "x.html"),
                      Catch::Contains("not a GraphML document"));
}

TEST_CASE("selection by type, date window and neighbourhood", "[select]") {
    graph::Graph g = sample_graph();
    exporter::Selection by_type;
    by_type.types = {"Person", "Meeting"};
    auto sub = exporter::select(g, by_type);
    CHECK(names(g, sub) == std::vector<std::string>{"Hội nghị triển khai nhiệm vụ quý IV/2023",
                                                    "Lê \"Thị\" C\\", "Đào Hồng Vận"});
    CHECK(sub.edges.size() == 2); // the two ATTENDED edges

    exporter::Selection window;
    window.since = "2023-10";
    window.until = "2023";
    sub = exporter::select(g, window);
    auto n = names(g, sub);
    // The 2021 directive is out; the undated province stays through the meeting held there.
    CHECK(std::find(n.begin(), n.end(), "Kết luận số 01-KL/TW") == n.end());
    CHECK(std::find(n.begin(), n.end(), "Hưng Yên") != n.end());
    CHECK(std::find(n.begin(), n.end(), "Đào Hồng Vận") != n.end());
    for (graph::EdgeId e : sub.edges) {
        CHECK(g.edge(e).type != "DISCUSSED");
    }

    exporter::Selection early;
    early.until = "2022";
    sub = exporter::select(g, early);
    // Only the directive is dated before 2022; the article that mentions it is dated 2023.
    CHECK(names(g, sub) == std::vector<std::string>{"Kết luận số 01-KL/TW"});
    CHECK(sub.edges.empty());

    exporter::Selection around;
    around.around = "dao van"; // folded words in order, as `vnkg show` matches
    around.depth = 1;
    sub = exporter::select(g, around);
    CHECK(names(g, sub).size() == 4); // Vận, the meeting, the board, the article
    around.depth = 0;
    CHECK(exporter::select(g, around).nodes.size() == 1);
    around.around = "khong co ai";
    CHECK(exporter::select(g, around).empty());

    exporter::Selection bad;
    bad.since = "tomorrow";
    CHECK_THROWS_AS(exporter::select(g, bad), std::invalid_argument);
}

TEST_CASE("GEXF carries dates, widened, with spells for several reports", "[gexf]") {
    graph::Graph g = sample_graph();
    std::ostringstream os;
    exporter::write_gexf(g, exporter::whole(g), os);
    std::string text = os.str();
    CHECK(text.find("mode=\"dynamic\"") != std::string::npos);
    CHECK(text.find("timeformat=\"date\"") != std::string::npos);
    // The directive's 2021-05 is the whole month.
    CHECK(text.find("start=\"2021-05-01\" end=\"2021-05-31\"") != std::string::npos);
    // ORGANISED in 2023-Q4.
    CHECK(text.find("start=\"2023-10-01\" end=\"2023-12-31\"") != std::string::npos);
    // HOLDS_POSITION is dated by its first article and reported again on 2023-11-05.
    CHECK(text.find("<spell start=\"2023-11-05\" end=\"2023-11-05\"/>") != std::string::npos);
    CHECK(count(text, "<spells>") == 1);
}

TEST_CASE("DOT escapes labels, clusters and warns when big", "[dot]") {
    graph::Graph g = sample_graph();
    std::ostringstream os;
    auto report = exporter::write_dot(g, exporter::whole(g), os, {exporter::ClusterBy::province});
    std::string text = os.str();
    CHECK(report.warnings.empty());
    CHECK(text.find("label=\"Lê \\\"Thị\\\" C\\\\\"") != std::string::npos);
    CHECK(text.find("subgraph cluster_legend") != std::string::npos);
    CHECK(text.find("label=\"Hưng Yên\"; style=rounded") != std::string::npos);
    CHECK(text.find("ATTENDED (chair)\\n2023-10-03") != std::string::npos);

    graph::Graph big;
    auto hub = big.merge_node(graph::Node{{"Person"}, "Hub", {}, {}, {}});
    for (int i = 0; i < 301; ++i) {
        auto leaf = big.merge_node(graph::Node{{"Meeting"}, std::string("M").append(std::to_string(i)), {}, {}, {}});
        big.merge_edge(hub, leaf, graph::Edge{"ATTENDED", {}, {}});
    }
    std::ostringstream sink;
    report = exporter::write_dot(big, exporter::whole(big), sink);
    REQUIRE(report.warnings.size() == 1);
    CHECK_THAT(report.warnings[0], Catch::Contains("sfdp"));
}

TEST_CASE("CSV files follow the neo4j-admin header convention", "[csv]") {
    graph::Graph g = sample_graph();
    exporter::WriteReport report;
    auto files = exporter::csv_files(g, exporter::whole(g), report);
    std::map<std::string, std::string> by_name;
    for (auto& f : files) {
        by_name[f.name] = f.text;
    }
    REQUIRE(by_name.count("nodes_Person.csv"));
    CHECK(by_name["nodes_Person.csv"].rfind(
              "id:ID,:LABEL,name,scope,sources:string[],kind,note,titles:string[]\r\n", 0) == 0);
    CHECK(by_name["nodes_Person.csv"].find(",Person;Delegate,\"Lê \"\"Thị\"\" C\\\",") !=
          std::string::npos);
    CHECK(by_name["nodes_Directive.csv"].find("binding:boolean") != std::string::npos);
    CHECK(by_name["nodes_Directive.csv"].find("pages:long") != std::string::npos);
    // An article's own `id` property must not clash with the id column.
    CHECK(by_name["nodes_Article.csv"].find("prop_id") != std::string::npos);
    REQUIRE(by_name.count("rels_MENTIONS_Article_Person.csv"));
    CHECK(by_name["rels_ATTENDED_Person_Meeting.csv"].rfind(
              ":START_ID,:END_ID,:TYPE,id,weight:long,sources:string[],date,role\r\n", 0) == 0);
    CHECK(by_name["kuzu-import.cypher"].find("FROM `Article` TO `Directive`, FROM `Article` TO "
                                             "`Person`") != std::string::npos);
    CHECK(by_name["kuzu-import.cypher"].find("(HEADER=true, from='Article', to='Person')") !=
          std::string::npos);
}

TEST_CASE("JSON is node-link data", "[json]") {
    graph::Graph g = sample_graph();
    std::ostringstream os;
    exporter::write_json(g, exporter::whole(g), os);
    std::string text = os.str();
    CHECK(text.rfind("{\"directed\":true,\"multigraph\":true,\"graph\":{},\"nodes\":[", 0) == 0);
    CHECK(count(text, "\"key\":") == g.edge_count());
    CHECK(text.find("\"titles\":[\"Ủy viên Thường vụ\",\"Trưởng ban Tuyên giáo\"]") !=
          std::string::npos);
    CHECK(text.find("\"name\":") == std::string::npos);
}

TEST_CASE("atomic output: no half-written file, clear errors", "[output]") {
    auto dir = temp_dir("atomic");
    auto path = (dir / "out.graphml").string();
    {
        std::ofstream old(path);
        old << "old";
    }
    {
        exporter::AtomicFile f(path);
        f.stream() << "new, but abandoned";
    }
    std::ifstream check(path);
    std::string content((std::istreambuf_iterator<char>(check)), {});
    CHECK(content == "old");
    CHECK(std::distance(std::filesystem::directory_iterator(dir),
                        std::filesystem::directory_iterator()) == 1);
    {
        exporter::AtomicFile f(path);
        f.stream() << "new";
        f.commit();
    }
    std::ifstream again(path);
    std::string now((std::istreambuf_iterator<char>(again)), {});
    CHECK(now == "new");

    CHECK_THROWS_WITH(exporter::AtomicFile("/nonexistent-folder/x.graphml"),
                      Catch::Contains("/nonexistent-folder/x.graphml"));
    CHECK_THROWS_WITH(exporter::AtomicFile(dir.string()), Catch::Contains("folder"));
    CHECK_THROWS_AS(exporter::write_folder(path, {}), exporter::OutputError);
    std::filesystem::remove_all(dir);
}
