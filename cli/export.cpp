// `vnkg export`: write a graph, or part of it, as GraphML, GEXF, DOT, CSV or node-link JSON.
// The part is chosen by --query, or by --types, --since/--until and --around/--depth.
#include "cli/commands.hpp"

#include "export/output.hpp"
#include "export/query_select.hpp"
#include "export/subgraph.hpp"
#include "export/writers.hpp"
#include "graph/file.hpp"
#include "query/query.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vnkg::cli {

namespace {

struct ExportOptions {
    std::string graph;
    std::string format;
    std::string output;
    std::string query;
    std::string around;
    int depth = 1;
    std::string since;
    std::string until;
    std::vector<std::string> types;
    std::string cluster_by = "none";
};

int usage(const std::string& message) {
    std::cerr << "vnkg export: " << message << "\nRun `vnkg export --help` for the options.\n";
    return 2;
}

// The format from --format, else from the output's extension.
std::optional<exporter::Format> pick_format(const ExportOptions& o) {
    if (!o.format.empty()) {
        return exporter::parse_format(o.format);
    }
    std::string ext = std::filesystem::path(o.output).extension().string();
    if (ext == ".graphml") {
        return exporter::Format::graphml;
    }
    if (ext == ".gexf") {
        return exporter::Format::gexf;
    }
    if (ext == ".dot" || ext == ".gv") {
        return exporter::Format::dot;
    }
    if (ext == ".json") {
        return exporter::Format::json;
    }
    return std::nullopt;
}

const char* format_name(exporter::Format f) {
    switch (f) {
    case exporter::Format::graphml:
        return "GraphML";
    case exporter::Format::gexf:
        return "GEXF";
    case exporter::Format::dot:
        return "DOT";
    case exporter::Format::csv:
        return "CSV";
    case exporter::Format::json:
        return "JSON";
    }
    return "";
}

exporter::WriteReport write_stream(exporter::Format format, const graph::Graph& g,
                                   const exporter::Subgraph& sub, std::ostream& os,
                                   const exporter::DotOptions& dot) {
    switch (format) {
    case exporter::Format::graphml:
        return exporter::write_graphml(g, sub, os);
    case exporter::Format::gexf:
        return exporter::write_gexf(g, sub, os);
    case exporter::Format::dot:
        return exporter::write_dot(g, sub, os, dot);
    case exporter::Format::json:
        return exporter::write_json(g, sub, os);
    case exporter::Format::csv:
        break;
    }
    throw std::logic_error("CSV is written as a folder");
}

int run_export(const ExportOptions& o) {
    std::optional<exporter::Format> format;
    try {
        format = pick_format(o);
    } catch (const std::invalid_argument& e) {
        return usage(e.what());
    }
    if (!format) {
        return usage("say which format with --format graphml|gexf|dot|csv|json (the name " +
                     o.output + " does not tell)");
    }
    if (*format == exporter::Format::csv && o.output == "-") {
        return usage("CSV export writes several files: give a folder with -o");
    }
    bool filters = !o.around.empty() || !o.since.empty() || !o.until.empty() || !o.types.empty();
    if (!o.query.empty() && filters) {
        return usage("--query chooses the subgraph by itself: leave out --around, --types, "
                     "--since and --until");
    }
    exporter::DotOptions dot;
    if (o.cluster_by == "province") {
        dot.cluster_by = exporter::ClusterBy::province;
    } else if (o.cluster_by == "type") {
        dot.cluster_by = exporter::ClusterBy::type;
    }

    graph::Graph g = graph::load(o.graph);
    exporter::Subgraph sub;
    if (!o.query.empty()) {
        query::Database db(g);
        query::Result result;
        try {
            result = query::run(db, o.query);
        } catch (const query::QueryError& e) {
            std::cerr << "vnkg export: the query has an error at "
                      << query::format_message(o.query, e.what(), e.span()) << '\n';
            return 2;
        }
        for (const query::Warning& w : result.warnings) {
            std::cerr << "vnkg: warning: " << query::format_message(o.query, w.message, w.span)
                      << '\n';
        }
        sub = exporter::from_query_result(g, result);
    } else if (filters) {
        exporter::Selection sel;
        sel.around = o.around;
        sel.depth = o.depth;
        sel.since = o.since;
        sel.until = o.until;
        sel.types = o.types;
        if (!o.around.empty()) {
            auto centres = exporter::find_matching(g, o.around);
            if (centres.empty()) {
                std::cerr << "vnkg: no node has a name matching \"" << o.around << "\"\n";
            }
            for (graph::NodeId id : centres) {
                std::cerr << "vnkg: around " << g.node(id).type() << " \"" << g.node(id).name
                          << "\" (depth " << o.depth << ")\n";
            }
        }
        try {
            sub = exporter::select(g, sel);
        } catch (const std::invalid_argument& e) {
            return usage(e.what());
        }
    } else {
        sub = exporter::whole(g);
    }

    exporter::WriteReport report;
    if (*format == exporter::Format::csv) {
        exporter::write_folder(o.output, exporter::csv_files(g, sub, report));
    } else if (o.output == "-") {
        report = write_stream(*format, g, sub, std::cout, dot);
        std::cout.flush();
    } else {
        exporter::AtomicFile file(o.output);
        report = write_stream(*format, g, sub, file.stream(), dot);
        file.commit();
    }
    for (const std::string& w : report.warnings) {
        std::cerr << "vnkg: warning: " << w << '\n';
    }
    std::string where = o.output == "-" ? "standard output" : o.output;
    if (sub.empty()) {
        std::cerr << "vnkg: the selection is empty: wrote an empty " << format_name(*format)
                  << " graph to " << where << '\n';
    } else {
        std::cerr << "vnkg: wrote " << report.nodes << " nodes and " << report.edges
                  << " edges as " << format_name(*format) << " to " << where << '\n';
    }
    return 0;
}

} // namespace

void setup_export(CLI::App& app, int& status) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* sub = app.add_subcommand(
        "export", "Write the graph, or part of it, for Gephi, Graphviz, networkx or a graph database");
    sub->add_option("graph", options->graph, "Graph file (.vnkg)")->required();
    sub->add_option("-f,--format", options->format,
                    "graphml (Gephi, yEd, networkx, igraph), gexf (Gephi's timeline), dot "
                    "(Graphviz), csv (neo4j-admin, Kuzu), json (node-link); default: from the "
                    "extension of -o")
        ->check(CLI::IsMember({"graphml", "gexf", "dot", "csv", "json"}));
    sub->add_option("-o,--output", options->output,
                    "File to write (- for standard output); for csv, a folder")
        ->required();
    sub->add_option("--query", options->query,
                    "Export the nodes, relationships and paths this MATCH ... RETURN query returns");
    sub->add_option("--around", options->around,
                    "Export the neighbourhood of the entity named so (matched as `vnkg show` does)");
    sub->add_option("--depth", options->depth, "Hops around --around (default 1)")
        ->check(CLI::Range(0, 100));
    sub->add_option("--since", options->since,
                    "Keep what is dated on or after this date (2023, 2023-10, 2023-Q4, "
                    "2023-10-03); undated facts stay when attached to something in the window");
    sub->add_option("--until", options->until, "Keep what is dated on or before this date");
    sub->add_option("--types", options->types, "Node types to keep, e.g. Person,Meeting")
        ->delimiter(',');
    sub->add_option("--cluster-by", options->cluster_by, "DOT: group nodes by province or type")
        ->check(CLI::IsMember({"none", "province", "type"}));
    sub->footer("Examples:\n"
                "  vnkg export graph.vnkg -o graph.graphml\n"
                "  vnkg export graph.vnkg --format gexf -o timeline.gexf --since 2023\n"
                "  vnkg export graph.vnkg -o van.dot --around \"Đào Hồng Vận\" --depth 2\n"
                "  dot -Tpng van.dot -o van.png\n"
                "  vnkg export graph.vnkg --format csv -o csv/ --types Person,Organisation\n"
                "  vnkg export graph.vnkg -o m.json --query \"MATCH p=(:Person)-[:ATTENDED]->(:Meeting) "
                "RETURN p\"");
    sub->callback([options, &status] { status = run_export(*options); });
}

} // namespace vnkg::cli
