// Writes the sample graph in every format into a folder, for the script tests that check the
// files with xmllint, networkx, igraph and Graphviz. Usage: write_samples DIR
#include "export/output.hpp"
#include "export/writers.hpp"
#include "sample_graph.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace vnkg;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_samples DIR\n";
        return 2;
    }
    std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    graph::Graph g = exporter::test::sample_graph();
    exporter::Subgraph all = exporter::whole(g);
    auto write = [&](const std::string& name, auto&& fn) {
        exporter::AtomicFile f((dir / name).string());
        fn(f.stream());
        f.commit();
    };
    write("sample.graphml", [&](std::ostream& os) { exporter::write_graphml(g, all, os); });
    write("sample.gexf", [&](std::ostream& os) { exporter::write_gexf(g, all, os); });
    write("sample.dot", [&](std::ostream& os) { exporter::write_dot(g, all, os); });
    write("sample_province.dot", [&](std::ostream& os) {
        exporter::write_dot(g, all, os, {exporter::ClusterBy::province, 300});
    });
    write("sample_type.dot", [&](std::ostream& os) {
        exporter::write_dot(g, all, os, {exporter::ClusterBy::type, 300});
    });
    write("sample.json", [&](std::ostream& os) { exporter::write_json(g, all, os); });
    exporter::WriteReport report;
    exporter::write_folder((dir / "csv").string(), exporter::csv_files(g, all, report));
    exporter::Subgraph none;
    write("empty.graphml", [&](std::ostream& os) { exporter::write_graphml(g, none, os); });
    write("empty.gexf", [&](std::ostream& os) { exporter::write_gexf(g, none, os); });
    write("empty.dot", [&](std::ostream& os) { exporter::write_dot(g, none, os); });
    write("empty.json", [&](std::ostream& os) { exporter::write_json(g, none, os); });
    // What the checks compare against: counts and each node's name by id.
    std::ofstream expect(dir / "expected.txt");
    expect << g.node_count() << ' ' << g.edge_count() << '\n';
    return 0;
}
