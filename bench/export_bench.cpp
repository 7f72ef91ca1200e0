// Export benchmark: builds a synthetic graph shaped like vnkg's (persons, bodies, meetings,
// directives, articles; Vietnamese names; dated edges with sources) and times each writer.
// Usage: vnkg_export_bench [NODES [EDGES [OUT_DIR [FORMAT]]]]   (default 100000 500000 /tmp)
// Prints seconds, output size and the peak resident memory after each step; see bench/README.md.
#include "export/writers.hpp"
#include "export/common.hpp"
#include "export/output.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

using namespace vnkg;

namespace {

double peak_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

graph::Graph synthetic(std::size_t nodes, std::size_t edges) {
    static const char* kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đào", "Vũ", "Đặng"};
    static const char* kMiddle[] = {"Văn", "Thị", "Hồng", "Minh", "Quốc", "Đức", "Thanh"};
    static const char* kGiven[] = {"Vận", "Hùng", "Lan", "Tuấn", "Hương", "Dũng", "Phúc", "Mai"};
    static const char* kTypes[] = {"Person", "Person", "Person", "Organisation", "Meeting",
                                   "Directive", "Article", "Province"};
    static const char* kRels[] = {"ATTENDED", "HOLDS_POSITION", "ORGANISED", "MENTIONS",
                                  "DISCUSSED"};
    std::mt19937_64 rng(42);
    graph::Graph g;
    for (std::size_t i = 0; i < nodes; ++i) {
        std::string type = kTypes[i % std::size(kTypes)];
        graph::Node n;
        n.labels = {type};
        if (type == "Person") {
            n.name = std::string(kFamily[rng() % 8]) + " " + kMiddle[rng() % 7] + " " +
                     kGiven[rng() % 8] + " " + std::to_string(i);
            n.props["titles"] = std::vector<std::string>{"Ủy viên Thường vụ", "Trưởng ban"};
            n.props["kind"] = std::string("official");
        } else {
            n.name = "Hội nghị triển khai nhiệm vụ công tác tuyên giáo số " + std::to_string(i);
            n.props["date"] = "2023-" + std::to_string(1 + rng() % 9) + "0-0" +
                              std::to_string(1 + rng() % 9);
            n.props["province"] = std::string("Hưng Yên");
        }
        n.mentions.push_back({"a" + std::to_string(rng() % 5000), "câu."});
        g.merge_node(std::move(n));
    }
    for (std::size_t i = 0; i < edges; ++i) {
        graph::Edge e;
        e.type = kRels[i % std::size(kRels)];
        e.props["date"] = std::string("2023-10-03");
        static const char* kRoles[] = {"chair", "speaker", "participant", "head"};
        e.props["role"] = std::string(kRoles[i % 4]);
        e.sources.push_back({"a" + std::to_string(rng() % 5000), "câu."});
        if (i % 3 == 0) {
            e.sources.push_back({"a" + std::to_string(rng() % 5000), "câu."});
        }
        g.merge_edge(rng() % nodes, rng() % nodes, std::move(e));
    }
    return g;
}

double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Wall-clock seconds; `cpu` receives the CPU seconds (what counts on a busy machine).
template <class F> double seconds(F&& f, double* cpu = nullptr) {
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_seconds();
    f();
    if (cpu != nullptr) {
        *cpu = cpu_seconds() - cpu_start;
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    std::size_t nodes = argc > 1 ? std::stoul(argv[1]) : 100000;
    std::size_t edges = argc > 2 ? std::stoul(argv[2]) : 500000;
    std::filesystem::path dir = argc > 3 ? argv[3] : "/tmp";
    graph::Graph g;
    double build = seconds([&] { g = synthetic(nodes, edges); });
    std::printf("graph: %zu nodes, %zu edges, built in %.2f s, peak %.0f MB\n", g.node_count(),
                g.edge_count(), build, peak_mb());
    exporter::Subgraph all = exporter::whole(g);
    double ids_cpu = 0;
    double ids_wall = seconds([&] { exporter::StableIds ids(g, all); }, &ids_cpu);
    std::printf("ids      %6.3f s wall %6.3f s cpu  (stable ids alone, included below)\n", ids_wall,
                ids_cpu);
    std::string only = argc > 4 ? argv[4] : "";
    auto run = [&](const char* name, const std::string& file, auto&& write) {
        if (!only.empty() && only != name) {
            return;
        }
        auto path = dir / file;
        double cpu = 0;
        double s = seconds(
            [&] {
                exporter::AtomicFile out(path.string());
                write(out.stream());
                out.commit();
            },
            &cpu);
        std::printf("%-8s %6.3f s wall %6.3f s cpu  %7.1f MB file  peak %.0f MB\n", name, s, cpu,
                    static_cast<double>(std::filesystem::file_size(path)) / 1e6, peak_mb());
        std::filesystem::remove(path);
    };
    run("graphml", "bench.graphml", [&](std::ostream& os) { exporter::write_graphml(g, all, os); });
    run("gexf", "bench.gexf", [&](std::ostream& os) { exporter::write_gexf(g, all, os); });
    run("json", "bench.json", [&](std::ostream& os) { exporter::write_json(g, all, os); });
    run("dot", "bench.dot", [&](std::ostream& os) { exporter::write_dot(g, all, os); });
    return 0;
}
