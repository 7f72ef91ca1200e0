#include "test_graph.hpp"

#include "query/query.hpp"

#include <sstream>

namespace vnkg::query::testing {

namespace {

using graph::Edge;
using graph::Graph;
using graph::Node;
using graph::NodeId;
using graph::Properties;
using graph::Provenance;

NodeId add(Graph& g, const char* label, const char* name, Properties props,
           std::vector<Provenance> mentions = {}, const char* scope = "") {
    Node n;
    n.labels = {label};
    n.name = name;
    n.scope = scope;
    n.props = std::move(props);
    n.mentions = std::move(mentions);
    return g.merge_node(std::move(n));
}

void link(Graph& g, NodeId from, NodeId to, const char* type, Properties props,
          std::vector<Provenance> sources = {}) {
    Edge e;
    e.type = type;
    e.props = std::move(props);
    e.sources = std::move(sources);
    g.merge_edge(from, to, std::move(e));
}

using List = std::vector<std::string>;

} // namespace

Graph make_test_graph() {
    Graph g;
    const Provenance a1{"a1", "Ngày 3/10, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023."};
    const Provenance a1b{"a1", "Đồng chí Đào Hồng Vận, Ủy viên Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị."};
    const Provenance a2{"a2", "Hội nghị sơ kết Chỉ thị 05-CT/TW được tổ chức trong quý IV/2023."};
    const Provenance a3{"a3", "Từ ngày 25/2 đến 28/2/2020, Ban Tuyên giáo Trung ương tổ chức Hội thảo khoa học."};
    g.add_article({"a1", "Hưng Yên: Tăng cường tuyên truyền", "2023-10-03", "seeds/a1.txt", "h1"});
    g.add_article({"a2", "Sơ kết Chỉ thị 05", "2023-11", "seeds/a2.txt", "h2"});
    g.add_article({"a3", "Hội thảo khoa học năm 2020", "2020-02-28", "seeds/a3.txt", "h3"});

    NodeId hung_yen = add(g, "Province", "Hưng Yên", {{"code", std::string("33")}});
    NodeId ha_noi = add(g, "Province", "Hà Nội", {{"code", std::string("01")}});
    NodeId thai_binh = add(g, "Province", "Thái Bình", {{"code", std::string("34")}});

    NodeId van = add(g, "Person", "Đào Hồng Vận",
                     {{"titles", List{"Ủy viên Thường vụ", "Trưởng ban Tuyên giáo Tỉnh ủy"}},
                      {"kind", std::string("official")}},
                     {a1b});
    NodeId nghia = add(g, "Person", "Nguyễn Trọng Nghĩa",
                       {{"titles", List{"Trưởng Ban Tuyên giáo Trung ương"}},
                        {"kind", std::string("official")}},
                       {a2, a3});
    NodeId hung = add(g, "Person", "Nguyễn Văn Hùng",
                      {{"titles", List{"Phó Trưởng ban Tuyên giáo Tỉnh ủy"}},
                       {"kind", std::string("official")}},
                      {a1});
    NodeId mai = add(g, "Person", "Lê Thị Mai", {{"kind", std::string("author")}}, {a1});
    NodeId binh = add(g, "Person", "Lê Hải Bình", {{"kind", std::string("official")}}, {a3});

    NodeId btg_hy = add(g, "Organisation", "Ban Tuyên giáo Tỉnh ủy Hưng Yên",
                        {{"province", std::string("Hưng Yên")}}, {a1});
    NodeId btg_tw = add(g, "Organisation", "Ban Tuyên giáo Trung ương", {}, {a3});
    NodeId bct = add(g, "Organisation", "Bộ Chính trị", {}, {a2});

    NodeId ct05 = add(g, "Directive", "Chỉ thị số 05-CT/TW",
                      {{"code", std::string("05-CT/TW")}, {"kind", std::string("Chỉ thị")},
                       {"date", std::string("2016-05-15")}, {"issuer", std::string("Bộ Chính trị")}},
                      {a2});
    NodeId kl01 = add(g, "Directive", "Kết luận số 01-KL/TW",
                      {{"code", std::string("01-KL/TW")}, {"kind", std::string("Kết luận")},
                       {"date", std::string("2021-05-18")}, {"issuer", std::string("Bộ Chính trị")}},
                      {a1});
    NodeId nq39 = add(g, "Directive", "Nghị quyết số 39-NQ/TU",
                      {{"code", std::string("39-NQ/TU")}, {"kind", std::string("Nghị quyết")}},
                      {a1}, "Hưng Yên");

    NodeId m1 = add(g, "Meeting", "Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023",
                    {{"date", std::string("2023-10-03")}, {"province", std::string("Hưng Yên")}},
                    {a1});
    NodeId m2 = add(g, "Meeting", "Hội nghị sơ kết Chỉ thị 05",
                    {{"date", std::string("2023-Q4")}, {"province", std::string("Hưng Yên")}}, {a2});
    NodeId m3 = add(g, "Meeting", "Hội thảo khoa học",
                    {{"date", std::string("2020-02-25/2020-02-28")}, {"province", std::string("Hà Nội")}},
                    {a3});
    NodeId m4 = add(g, "Meeting", "Hội nghị tổng kết năm 2020", {{"date", std::string("2020-12")}},
                    {a3});
    NodeId m5 = add(g, "Meeting", "Buổi làm việc", {{"date", std::string("2023")}}, {a2});
    NodeId m6 = add(g, "Meeting", "Họp báo", {}, {a2});

    NodeId art1 = add(g, "Article", "Hưng Yên: Tăng cường tuyên truyền",
                      {{"published", std::string("2023-10-03")}, {"id", std::string("a1")}}, {},
                      "a1");
    NodeId art3 = add(g, "Article", "Hội thảo khoa học năm 2020",
                      {{"published", std::string("2020-02-28")}, {"id", std::string("a3")}}, {},
                      "a3");

    link(g, van, m1, "ATTENDED", {{"role", std::string("chair")}, {"date", std::string("2023-10-03")}}, {a1b});
    link(g, hung, m1, "ATTENDED", {{"role", std::string("participant")}, {"date", std::string("2023-10-03")}}, {a1});
    link(g, nghia, m1, "ATTENDED", {{"role", std::string("speaker")}, {"date", std::string("2023-10-03")}}, {a1});
    link(g, van, m2, "ATTENDED", {{"role", std::string("speaker")}, {"date", std::string("2023-Q4")}}, {a2});
    link(g, nghia, m2, "ATTENDED", {{"role", std::string("chair")}, {"date", std::string("2023-Q4")}}, {a2});
    link(g, nghia, m3, "ATTENDED", {{"role", std::string("chair")}, {"date", std::string("2020-02-25/2020-02-28")}}, {a3});
    link(g, binh, m3, "ATTENDED", {{"role", std::string("participant")}}, {a3});
    link(g, nghia, m4, "ATTENDED", {{"role", std::string("participant")}, {"date", std::string("2020-12")}}, {a3});
    link(g, van, m5, "ATTENDED", {{"role", std::string("head")}, {"date", std::string("2023")}}, {a2});
    link(g, hung, m5, "ATTENDED", {{"role", std::string("participant")}}, {a2});
    link(g, van, m6, "ATTENDED", {{"role", std::string("participant")}}, {a2});

    link(g, van, btg_hy, "HOLDS_POSITION", {{"title", std::string("Trưởng ban")}, {"date", std::string("2023-10-03")}}, {a1b});
    link(g, hung, btg_hy, "HOLDS_POSITION", {{"title", std::string("Phó Trưởng ban")}, {"date", std::string("2023-10-03")}}, {a1});
    link(g, nghia, btg_tw, "HOLDS_POSITION", {{"title", std::string("Trưởng ban")}, {"date", std::string("2020-02-28")}}, {a3});

    link(g, btg_hy, m1, "ORGANISED", {{"date", std::string("2023-10-03")}}, {a1});
    link(g, btg_hy, m2, "ORGANISED", {{"date", std::string("2023-Q4")}}, {a2});
    link(g, btg_tw, m3, "ORGANISED", {{"date", std::string("2020-02-25/2020-02-28")}}, {a3});
    link(g, btg_tw, m4, "ORGANISED", {{"date", std::string("2020-12")}}, {a3});

    link(g, m1, hung_yen, "HELD_IN", {}, {a1});
    link(g, m2, hung_yen, "HELD_IN", {}, {a2});
    link(g, m3, ha_noi, "HELD_IN", {}, {a3});
    link(g, btg_hy, hung_yen, "LOCATED_IN", {});
    link(g, bct, ct05, "ISSUED", {{"date", std::string("2016-05-15")}}, {a2});
    link(g, bct, kl01, "ISSUED", {{"date", std::string("2021-05-18")}}, {a1});
    link(g, m1, kl01, "DISCUSSED", {{"date", std::string("2023-10-03")}}, {a1});
    link(g, m1, nq39, "DISCUSSED", {{"date", std::string("2023-10-03")}}, {a1});
    link(g, m2, ct05, "DISCUSSED", {{"date", std::string("2023-Q4")}}, {a2});
    link(g, kl01, ct05, "REFERENCES", {}, {a1});
    link(g, thai_binh, hung_yen, "MERGED_INTO", {{"date", std::string("2025-07-01")}});
    link(g, art1, van, "MENTIONS", {});
    link(g, art1, m1, "MENTIONS", {});
    link(g, art3, m3, "MENTIONS", {});
    link(g, mai, art1, "AUTHORED", {});
    return g;
}

std::string golden_output(const Graph& g, const std::string& text, const std::string& params) {
    Database db(g);
    Options options;
    std::istringstream lines(params);
    for (std::string line; std::getline(lines, line);) {
        auto eq = line.find('=');
        if (eq != std::string::npos) {
            options.params[line.substr(0, eq)] = parse_parameter(line.substr(eq + 1));
        }
    }
    std::string out;
    try {
        Result r = run(db, text, options);
        for (const Warning& w : r.warnings) {
            std::string m = format_message(text, w.message, w.span);
            out += "warning: " + m.substr(0, m.find('\n')) + '\n';
        }
        for (std::size_t c = 0; c < r.columns.size(); ++c) {
            out += (c ? " | " : "") + r.columns[c];
        }
        out += '\n';
        for (const auto& row : r.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                out += (c ? " | " : "") + to_text(row[c], g, true);
            }
            out += '\n';
        }
    } catch (const QueryError& e) {
        out += "error: " + format_message(text, e.what(), e.span()) + '\n';
    } catch (const TimeoutError& e) {
        out += std::string("error: ") + e.what() + '\n';
    }
    return out;
}

} // namespace vnkg::query::testing
