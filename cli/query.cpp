// `vnkg query GRAPH 'QUERY'`: runs one query of vnkg's openCypher subset (docs/query.md) on a
// saved graph and prints the rows as a table, JSON, CSV or TSV. The query may also come from a
// file (-f) or stdin. Query errors print their line, column and caret and exit 2; a graph or
// query file that cannot be read exits 1.
#include "cli/commands.hpp"
#include "query/console.hpp"

#include "graph/file.hpp"
#include "query/format.hpp"
#include "query/query.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <memory>
#include <sstream>

namespace vnkg::cli {

namespace {

struct QueryOptions {
    std::string graph;
    std::string text;
    std::string file;
    std::vector<std::string> params;
    std::string format = "table";
    bool timing = false;
    bool explain = false;
    double timeout = 60;
};

/// The whole of `fd` into `out`; false with `why` set (the system's reason) when it cannot be
/// read, as when it is a folder.
bool read_all(int fd, std::string& out, std::string& why) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        why = "is a folder";
        return false;
    }
    char buffer[1 << 16];
    while (true) {
        ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) {
            return true;
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            why = std::strerror(errno);
            return false;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
}

int run_query(const QueryOptions& options) {
    std::string text = options.text;
    if (!options.file.empty()) {
        if (!text.empty()) {
            std::cerr << "vnkg: error: give the query either as an argument or with -f, not both\n";
            return 2;
        }
        int fd = ::open(options.file.c_str(), O_RDONLY | O_CLOEXEC);
        std::string why = fd < 0 ? std::strerror(errno) : "";
        bool read = fd >= 0 && read_all(fd, text, why);
        if (fd >= 0) {
            ::close(fd);
        }
        if (!read) {
            std::cerr << "vnkg: error: cannot read the query file " << options.file << ": " << why
                      << '\n';
            return 1;
        }
    } else if (text.empty()) {
        if (isatty(fileno(stdin))) {
            std::cerr << "vnkg: error: no query: give it as an argument, with -f FILE, or on "
                         "stdin\n";
            return 2;
        }
        std::string why;
        if (!read_all(STDIN_FILENO, text, why)) {
            std::cerr << "vnkg: error: cannot read the query from stdin: " << why << '\n';
            return 1;
        }
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::cerr << "vnkg: error: the query is empty: give it as an argument, with -f FILE, or on "
                     "stdin\n";
        return 2;
    }
    query::Options qo;
    qo.timeout_seconds = options.timeout;
    qo.explain = options.explain;
    if (!query::parse_params(options.params, qo.params)) {
        return 2;
    }
    query::Format format = *query::parse_format(options.format);

    auto start = std::chrono::steady_clock::now();
    graph::Graph g = graph::load(options.graph);
    double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    query::Database db(g);
    query::RunOutcome outcome = query::run_and_print(db, text, qo, format, std::cout, std::cerr);
    if (options.timing && outcome.ok) {
        query::print_timing(std::cerr, load_ms, outcome);
    }
    if (options.explain && outcome.ok) {
        std::cerr << outcome.plan;
    }
    return outcome.ok ? 0 : outcome.status;
}

} // namespace

void setup_query(CLI::App& app, int& status) {
    auto options = std::make_shared<QueryOptions>();
    CLI::App* sub = app.add_subcommand("query", "Ask the graph a question in openCypher (read-only)");
    sub->footer(
        "The language is a read-only subset of openCypher: MATCH, OPTIONAL MATCH, WHERE, WITH,\n"
        "UNWIND, RETURN, ORDER BY, SKIP, LIMIT, aggregation, shortestPath (docs/query.md).\n"
        "Exit status 2 for an error in the query, 1 for a file that cannot be read.\n"
        "Examples:\n"
        "  vnkg query g.vnkg \"MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)\n"
        "                    RETURN p.name, a.role, m.date, m.name ORDER BY m.date\"\n"
        "  vnkg query g.vnkg -f examples/queries/attended.cypher --format csv\n"
        "  vnkg query g.vnkg 'MATCH (p:Person) WHERE fold(p.name) = fold($who) RETURN p'\n"
        "             --param who='dao hong van'");
    sub->add_option("graph", options->graph, "The graph file (from vnkg build)")->required();
    sub->add_option("query", options->text, "The query (else -f FILE, else stdin)");
    sub->add_option("-f,--file", options->file, "Read the query from this file");
    sub->add_option("--param", options->params,
                    "A parameter: name=value (value as a literal: 42, 'text', [1, 2], or bare "
                    "text); repeatable");
    sub->add_option("--format", options->format, "table (default), json, csv or tsv")
        ->check(CLI::IsMember({"table", "json", "csv", "tsv"}));
    sub->add_flag("--timing", options->timing,
                  "Print load, parse, plan and execution times to stderr");
    sub->add_flag("--explain", options->explain, "Print the plan of each MATCH to stderr");
    sub->add_option("--timeout", options->timeout,
                    "Stop the query after this many seconds (default 60; 0: never)")
        ->check(CLI::Range(0.0, 1e9));
    sub->callback([options, &status] { status = run_query(*options); });
}

} // namespace vnkg::cli
