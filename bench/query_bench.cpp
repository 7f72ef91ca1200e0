// Query benchmark (bench/README.md, "Query"). `generate OUT.vnkg [SCALE]` writes a synthetic graph
// shaped like the news graph: at scale 1, about 1.07M nodes and 5.8M edges, with Zipf-skewed
// activity (a few officials attend thousands of meetings, most attend a handful; a few bodies
// organise most meetings; a few directives are discussed and referenced everywhere) and dates of
// every precision. `run GRAPH` loads it and times the benchmark queries.
#include "graph/file.hpp"
#include "graph/text.hpp"
#include "query/query.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

using vnkg::graph::Edge;
using vnkg::graph::Graph;
using vnkg::graph::Node;
using vnkg::graph::NodeId;
using vnkg::graph::Provenance;

const char* const kSurnames[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
                                 "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
                                 "Đào", "Đinh", "Lâm", "Mai"};
const char* const kMiddles[] = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc",
                                "Hồng", "Xuân", "Công", "Trọng", "Hải", "Kim", "Bá"};
const char* const kGivens[] = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh",
                               "Hiếu", "Hoa", "Hùng", "Hương", "Khang", "Lan", "Linh", "Long",
                               "Mai", "Minh", "Nam", "Nghĩa", "Ngọc", "Phong", "Phúc", "Quân",
                               "Sơn", "Tâm", "Thắng", "Thảo", "Thủy", "Tiến", "Trang", "Trung",
                               "Tuấn", "Tùng", "Vận", "Việt", "Vinh", "Xuân", "Yến", "Đạt"};
const char* const kRoles[] = {"chair", "speaker", "participant", "head"};

/// Samples 0..n-1 with probability proportional to 1 / (i + 1)^s.
class Zipf {
public:
    Zipf(std::size_t n, double s) : cdf_(n) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            sum += 1.0 / std::pow(static_cast<double>(i + 1), s);
            cdf_[i] = sum;
        }
        for (double& c : cdf_) {
            c /= sum;
        }
    }
    template <class R> std::size_t operator()(R& rng) {
        double u = std::uniform_real_distribution<double>(0, 1)(rng);
        return static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), u) -
                                        cdf_.begin());
    }

private:
    std::vector<double> cdf_;
};

std::string person_name(std::size_t i) {
    std::string n = kSurnames[i % 20];
    n += ' ';
    n += kMiddles[(i / 20) % 15];
    n += ' ';
    n += kGivens[(i / 300) % 40];
    if (i >= 12000) {
        n += ' ' + std::to_string(i / 12000);
    }
    return n;
}

std::string date_of(std::mt19937& rng) {
    int y = 2015 + static_cast<int>(rng() % 11);
    int m = 1 + static_cast<int>(rng() % 12);
    int d = 1 + static_cast<int>(rng() % 28);
    char buf[32];
    switch (rng() % 10) {
    case 0: std::snprintf(buf, sizeof buf, "%d", y); break;
    case 1: std::snprintf(buf, sizeof buf, "%d-Q%d", y, (m - 1) / 3 + 1); break;
    case 2: std::snprintf(buf, sizeof buf, "%d-%02d", y, m); break;
    case 3: std::snprintf(buf, sizeof buf, "%d-%02d-%02d/%d-%02d-%02d", y, m, d, y, m, d + 1); break;
    default: std::snprintf(buf, sizeof buf, "%d-%02d-%02d", y, m, d);
    }
    return buf;
}

NodeId add(Graph& g, const char* label, std::string name, vnkg::graph::Properties props = {},
           std::string scope = {}) {
    Node n;
    n.labels = {label};
    n.name = std::move(name);
    n.scope = std::move(scope);
    n.props = std::move(props);
    return g.merge_node(std::move(n));
}

void link(Graph& g, NodeId a, NodeId b, const char* type, vnkg::graph::Properties props,
          std::string article = {}) {
    Edge e;
    e.type = type;
    e.props = std::move(props);
    if (!article.empty()) {
        e.sources.push_back(Provenance{std::move(article), {}});
    }
    g.merge_edge(a, b, std::move(e));
}

int generate(const std::string& out, double scale) {
    std::mt19937 rng(1);
    Graph g;
    auto count = [&](double n) { return static_cast<std::size_t>(n * scale); };
    std::vector<NodeId> provinces, orgs, persons, meetings, directives, articles;
    for (int i = 0; i < 63; ++i) {
        provinces.push_back(add(g, "Province", "Tỉnh " + std::to_string(i),
                                {{"code", std::to_string(i + 1)}}));
    }
    for (std::size_t i = 0; i < count(20'000); ++i) {
        orgs.push_back(add(g, "Organisation", "Ban Tuyên giáo số " + std::to_string(i)));
        link(g, orgs.back(), provinces[i % 63], "LOCATED_IN", {});
    }
    for (std::size_t i = 0; i < count(600'000); ++i) {
        persons.push_back(add(g, "Person", person_name(i),
                              {{"kind", std::string(i % 10 == 0 ? "other" : "official")},
                               {"titles", std::vector<std::string>{"Ủy viên"}}}));
    }
    for (std::size_t i = 0; i < count(100'000); ++i) {
        articles.push_back(add(g, "Article", "Bài " + std::to_string(i),
                               {{"id", "a" + std::to_string(i)}}, "a" + std::to_string(i)));
    }
    Zipf pick_person(persons.size(), 0.9);
    Zipf pick_org(orgs.size(), 1.0);
    Zipf pick_province(63, 0.8);
    for (std::size_t i = 0; i < count(50'000); ++i) {
        directives.push_back(add(g, "Directive", "Chỉ thị số " + std::to_string(i) + "-CT/TW",
                                 {{"code", std::to_string(i) + "-CT/TW"}, {"date", date_of(rng)},
                                  {"issuer", std::string(i % 3 == 0 ? "Bộ Chính trị" : "Ban Bí thư")}}));
        link(g, orgs[pick_org(rng)], directives.back(), "ISSUED", {});
    }
    Zipf pick_directive(directives.size(), 1.0);
    for (std::size_t i = 0; i < directives.size(); ++i) {
        for (int k = 0; k < 1 + static_cast<int>(rng() % 2); ++k) {
            std::size_t to = pick_directive(rng);
            if (to != i) {
                link(g, directives[i], directives[to], "REFERENCES", {});
            }
        }
    }
    for (std::size_t i = 0; i < persons.size(); ++i) {
        link(g, persons[i], orgs[pick_org(rng)], "HOLDS_POSITION",
             {{"title", std::string("Ủy viên")}, {"date", date_of(rng)}});
    }
    std::geometric_distribution<int> attendees(1.0 / 8);
    for (std::size_t i = 0; i < count(300'000); ++i) {
        std::string date = date_of(rng);
        std::string article = "a" + std::to_string(rng() % articles.size());
        NodeId m = add(g, "Meeting", "Hội nghị số " + std::to_string(i), {{"date", date}});
        meetings.push_back(m);
        link(g, m, provinces[pick_province(rng)], "HELD_IN", {}, article);
        link(g, orgs[pick_org(rng)], m, "ORGANISED", {{"date", date}}, article);
        int n = 1 + attendees(rng);
        for (int k = 0; k < n; ++k) {
            const char* role = k == 0 ? "chair" : kRoles[1 + rng() % 3];
            link(g, persons[pick_person(rng)], m, "ATTENDED",
                 {{"role", std::string(role)}, {"date", date}}, article);
        }
        for (int k = 0; k < static_cast<int>(rng() % 4); ++k) {
            link(g, m, directives[pick_directive(rng)], "DISCUSSED", {{"date", date}}, article);
        }
    }
    for (std::size_t i = 0; i < articles.size(); ++i) {
        link(g, persons[pick_person(rng)], articles[i], "AUTHORED", {});
        for (int k = 0; k < 15; ++k) {
            NodeId target = k % 3 == 0 ? meetings[rng() % meetings.size()]
                                       : persons[pick_person(rng)];
            link(g, articles[i], target, "MENTIONS", {});
        }
    }
    std::cout << "nodes " << g.node_count() << ", edges " << g.edge_count() << '\n';
    vnkg::graph::save(g, out);
    return 0;
}

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

int run(const std::string& path, const std::string& only) {
    auto t = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    Graph g = vnkg::graph::load(path);
    std::printf("load: wall %.0f ms, cpu %.0f ms (%zu nodes, %zu edges)\n", ms_since(t),
                1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC, g.node_count(),
                g.edge_count());
    vnkg::query::Database db(g);
    t = std::chrono::steady_clock::now();
    c0 = std::clock();
    db.by_folded_name("");
    db.schema();
    std::printf("folded-name index and schema, built once: wall %.0f ms, cpu %.0f ms\n",
                ms_since(t), 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    struct Case {
        const char* what;
        const char* text;
    };
    // A busy official (rank 3 by activity) and a quiet one, by folded name.
    std::string busy = vnkg::graph::fold(person_name(3));
    std::string quiet = vnkg::graph::fold(person_name(123'457));
    const Case cases[] = {
        {"lookup by folded name", "MATCH (p:Person) WHERE fold(p.name) = $quiet RETURN p.name"},
        {"2-hop co-attendance (quiet person)",
         "MATCH (p:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(o:Person) "
         "WHERE fold(p.name) = $quiet RETURN o.name, count(*) AS n ORDER BY n DESC LIMIT 10"},
        {"2-hop co-attendance (busiest people)",
         "MATCH (p:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(o:Person) "
         "WHERE fold(p.name) = $busy RETURN o.name, count(*) AS n ORDER BY n DESC LIMIT 10"},
        {"aggregation over all ATTENDED edges",
         "MATCH (:Person)-[a:ATTENDED]->(:Meeting) RETURN a.role, count(*) AS n ORDER BY n DESC"},
        {"shortest path between two people",
         "MATCH (a:Person), (b:Person) WHERE fold(a.name) = $quiet AND fold(b.name) = $busy "
         "MATCH p = shortestPath((a)-[:ATTENDED*..10]-(b)) RETURN length(p)"},
    };
    vnkg::query::Options o;
    o.params["busy"] = busy;
    o.params["quiet"] = quiet;
    for (const Case& c : cases) {
        if (std::string(c.what).find(only) == std::string::npos) {
            continue;
        }
        std::vector<double> times;
        std::vector<double> cpu;
        std::size_t rows = 0;
        for (int i = 0; i < 5; ++i) {
            std::clock_t c0 = std::clock();
            vnkg::query::Result r = vnkg::query::run(db, c.text, o);
            cpu.push_back(1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
            times.push_back(r.timings.parse_ms + r.timings.plan_ms + r.timings.exec_ms);
            rows = r.rows.size();
        }
        std::sort(times.begin(), times.end());
        std::sort(cpu.begin(), cpu.end());
        // The machine is shared: CPU time says what the query costs, wall time what it took.
        std::printf("%-38s wall median %9.3f ms, best %9.3f; cpu median %9.3f ms; %zu rows\n",
                    c.what, times[2], times[0], cpu[2], rows);
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() >= 2 && args[0] == "generate") {
            return generate(args[1], args.size() > 2 ? std::stod(args[2]) : 1.0);
        }
        if ((args.size() == 2 || args.size() == 3) && args[0] == "run") {
            return run(args[1], args.size() == 3 ? args[2] : "");
        }
    } catch (const std::exception& e) {
        std::cerr << "vnkg_query_bench: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "usage: vnkg_query_bench generate OUT.vnkg [SCALE] | run GRAPH.vnkg [CASE]\n";
    return 2;
}
