#include "test_graph.hpp"

#include "query/format.hpp"
#include "query/query.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace vnkg::query;

namespace {

const vnkg::graph::Graph& test_graph() {
    static const vnkg::graph::Graph g = testing::make_test_graph();
    return g;
}

std::string plan_of(const std::string& text) {
    Database db(test_graph());
    Options o;
    o.explain = true;
    return run(db, text, o).plan;
}

} // namespace

TEST_CASE("the planner starts from the most selective node") {
    // fold(name) = constant: the folded-name index, then expand.
    std::string plan = plan_of("MATCH (m:Meeting)<-[:ATTENDED]-(p:Person) "
                               "WHERE fold(p.name) = 'dao hong van' RETURN m");
    CHECK(plan.rfind("scan (p:Person) by folded name index", 0) == 0);
    CHECK(plan.find("expand <-[_:ATTENDED]-(m:Meeting)") == std::string::npos);
    CHECK(plan.find("expand -[_:ATTENDED]->(m:Meeting)") != std::string::npos);
    // A name in the property map: the name index.
    plan = plan_of("MATCH (a)-[:HELD_IN]->(p:Province {name: 'Hà Nội'}) RETURN a");
    CHECK(plan.rfind("scan (p:Province) by name index", 0) == 0);
    // Another property: the property index of the label.
    plan = plan_of("MATCH (d:Directive)-[:REFERENCES]->(e) WHERE d.code = '01-KL/TW' RETURN e");
    CHECK(plan.rfind("scan (d:Directive) by property index (Directive.code)", 0) == 0);
    // Only labels: the smallest label.
    plan = plan_of("MATCH (m:Meeting)-[:HELD_IN]->(p:Province) RETURN m");
    CHECK(plan.rfind("scan (p:Province) by label", 0) == 0);
    // id(n) = constant: straight to the node.
    plan = plan_of("MATCH (n)-->(m) WHERE id(n) = 3 RETURN m");
    CHECK(plan.rfind("scan (n) by id", 0) == 0);
    // A second pattern sharing a variable is joined on it, not scanned.
    plan = plan_of("MATCH (a:Person {name: 'Lê Hải Bình'})-[:ATTENDED]->(m), "
                   "(b:Person)-[:ATTENDED]->(m) RETURN b");
    CHECK(plan.find("expand <-[_:ATTENDED]-(b:Person)") != std::string::npos);
    CHECK(plan.find("scan (b:Person)") == std::string::npos);
}

TEST_CASE("a date-looking name value falls back to a scan and keeps the date rule") {
    vnkg::graph::Graph g;
    vnkg::graph::Node n;
    n.labels = {"Meeting"};
    n.name = "2023-10";
    g.merge_node(n);
    Database db(g);
    Result r = run(db, "MATCH (m:Meeting {name: '2023'}) RETURN m.name");
    REQUIRE(r.rows.size() == 1);
}

TEST_CASE("warnings come with the result, errors as QueryError") {
    Database db(test_graph());
    Result r = run(db, "MATCH (p:Persn) RETURN p");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].message.find("did you mean Person?") != std::string::npos);
    CHECK(r.rows.empty());
    CHECK_THROWS_AS(run(db, "MATCH (p) RETURN q"), QueryError);
}

TEST_CASE("parameters read as literals when they are, as text otherwise") {
    CHECK(*parse_parameter("42").get<std::int64_t>() == 42);
    CHECK(*parse_parameter("-1.5").get<double>() == -1.5);
    CHECK(*parse_parameter("true").get<bool>());
    CHECK(parse_parameter("null").is_null());
    CHECK(*parse_parameter("'quoted'").get<std::string>() == "quoted");
    CHECK(parse_parameter("['a', 1]").get<List>()->size() == 2);
    CHECK(*parse_parameter("Đào Hồng Vận").get<std::string>() == "Đào Hồng Vận");
    CHECK(*parse_parameter("2023-10").get<std::string>() == "2023-10");
    CHECK(*parse_parameter("x AS y").get<std::string>() == "x AS y");
}

TEST_CASE("a runaway query ends with TimeoutError, not a hang") {
    Database db(test_graph());
    Options o;
    o.timeout_seconds = 0.2;
    CHECK_THROWS_AS(run(db,
                        "MATCH (a), (b), (c), (d), (e), (f), (g) "
                        "RETURN count(*)",
                        o),
                    TimeoutError);
}

TEST_CASE("a query past the memory limit is stopped with a message, not killed") {
    Database db(test_graph());
    Options o;
    o.timeout_seconds = 0;
    o.max_memory_bytes = 1; // any process is past it: stopped at the first check
    try {
        run(db, "MATCH (a), (b), (c), (d), (e), (f), (g) RETURN count(*)", o);
        FAIL("not stopped");
    } catch (const TimeoutError& e) {
        CHECK(std::string(e.what()).find("GB of memory") != std::string::npos);
    }
    CHECK(Options{}.max_memory_bytes > 0); // by default three quarters of the machine's memory
}

TEST_CASE("LIMIT stops the pattern search early and still flushes later clauses") {
    Database db(test_graph());
    Result r = run(db, "MATCH (a), (b), (c), (d), (e), (f), (g), (h) WITH a LIMIT 3 "
                       "RETURN count(*) AS n");
    REQUIRE(r.rows.size() == 1);
    CHECK(*r.rows[0][0].get<std::int64_t>() == 3);
}

TEST_CASE("the schema counts labels, types and properties") {
    Database db(test_graph());
    const Schema& s = db.schema();
    CHECK(s.labels.at("Person") == 5);
    CHECK(s.labels.at("Meeting") == 6);
    CHECK(s.types.at("ATTENDED") == 11);
    CHECK(s.rel_props.at("ATTENDED").at("role") == 11);
    CHECK(s.rel_props.at("ATTENDED").at("date") == 8);
    CHECK(s.node_props.at("Person").at("titles") == 3);
}

TEST_CASE("the table aligns columns by display width") {
    const auto& g = test_graph();
    std::ostringstream out;
    write_result(out, Format::Table, {"name", "n"},
                 {{Value("Đào Hồng Vận"), Value(1)}, {Value("Lê Thị Mai"), Value()}}, g);
    CHECK(out.str() == "name         | n\n"
                       "-------------+-----\n"
                       "Đào Hồng Vận | 1\n"
                       "Lê Thị Mai   | null\n"
                       "(2 rows)\n");
}

TEST_CASE("JSON, CSV and TSV output") {
    const auto& g = test_graph();
    std::ostringstream json;
    write_result(json, Format::Json, {"a", "b"},
                 {{Value("x\"y"), Value(List{1, 2.5, Value()})}}, g);
    CHECK(json.str() == "[\n {\"a\":\"x\\\"y\",\"b\":[1,2.5,null]}\n]\n");
    std::ostringstream empty;
    write_result(empty, Format::Json, {"a"}, {}, g);
    CHECK(empty.str() == "[]\n");
    std::ostringstream csv;
    write_result(csv, Format::Csv, {"a", "b"}, {{Value("x, \"y\""), Value()}}, g);
    CHECK(csv.str() == "a,b\r\n\"x, \"\"y\"\"\",\r\n");
    std::ostringstream tsv;
    write_result(tsv, Format::Tsv, {"a"}, {{Value("x\ty\nz")}}, g);
    CHECK(tsv.str() == "a\nx\\ty\\nz\n");
}

TEST_CASE("nodes in JSON carry id, labels, name and properties") {
    const auto& g = test_graph();
    Database db(g);
    Result r = run(db, "MATCH (p:Province {name: 'Hà Nội'}) RETURN p");
    REQUIRE(r.rows.size() == 1);
    std::string j = to_json(r.rows[0][0], g);
    CHECK(j.find("\"_labels\":[\"Province\"]") != std::string::npos);
    CHECK(j.find("\"name\":\"Hà Nội\"") != std::string::npos);
    CHECK(j.find("\"code\":\"01\"") != std::string::npos);
}
