// `vnkg import`: read a GraphML file (from vnkg, Gephi, yEd, Neo4j's APOC, networkx, igraph)
// and save it as a vnkg graph file.
#include "cli/commands.hpp"

#include "export/import.hpp"
#include "graph/file.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

namespace vnkg::cli {

namespace {

struct ImportOptions {
    std::string input;
    std::string output;
};

int run_import(const ImportOptions& o) {
    exporter::ImportReport report;
    graph::Graph g;
    if (o.input == "-") {
        g = exporter::import_graphml(std::cin, "standard input", &report);
    } else {
        std::ifstream in(o.input, std::ios::binary);
        if (!in) {
            throw exporter::ImportError("cannot open " + o.input);
        }
        g = exporter::import_graphml(in, o.input, &report);
    }
    graph::save(g, o.output);
    std::cerr << "vnkg: read " << report.nodes_read << " nodes and " << report.edges_read
              << " edges from " << o.input << "; saved " << report.nodes << " nodes and "
              << report.edges << " edges to " << o.output;
    std::size_t merged = (report.nodes_read - report.nodes) + (report.edges_read - report.edges);
    if (merged > 0) {
        std::cerr << " (" << report.nodes_read - report.nodes << " nodes and "
                  << report.edges_read - report.edges
                  << " edges merged with one of the same identity)";
    }
    std::cerr << '\n';
    return 0;
}

} // namespace

void setup_import(CLI::App& app, int& status) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* sub = app.add_subcommand("import", "Read a GraphML file back into a graph file");
    sub->add_option("file", options->input, "GraphML file (- for standard input)")->required();
    sub->add_option("-o,--output", options->output, "Graph file to write (.vnkg)")->required();
    sub->footer("Labels come from a `labels` attribute (:A:B) or `type`, names from `label` or\n"
                "`name`, relationship types from `label` or `type`; every other attribute is\n"
                "kept as a property with its GraphML type. See docs/export.md.\n"
                "Example:\n"
                "  vnkg import cleaned.graphml -o cleaned.vnkg");
    sub->callback([options, &status] { status = run_import(*options); });
}

} // namespace vnkg::cli
