// `vnkg shell GRAPH`: loads a graph once and answers query after query. A query may span lines
// and ends with `;`; lines starting with `:` are commands (:help, :schema, :format, :timing,
// :quit). Works the same with piped input (no prompts then), so a file of queries can be run.
#include "cli/commands.hpp"

#include "graph/file.hpp"
#include "query/console.hpp"
#include "query/lexer.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

namespace vnkg::cli {

namespace {

struct ShellOptions {
    std::string graph;
    std::string format = "table";
    double timeout = 60;
};

const char* const kHelp =
    "Type a query and end it with ';' (it may span lines). Commands:\n"
    "  :help              this text\n"
    "  :schema            labels, relationship types and properties, with counts\n"
    "  :format NAME       table, json, csv or tsv\n"
    "  :timing on|off     print parse, plan and execution times after each query\n"
    "  :param name=value  set a parameter for $name (:param alone lists them)\n"
    "  :quit              leave (also Ctrl-D)\n"
    "Example:\n"
    "  MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)\n"
    "  WHERE fold(p.name) = 'dao hong van'\n"
    "  RETURN m.name, a.role, m.date ORDER BY m.date;\n";

std::string trim(const std::string& s) {
    std::size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) {
        return "";
    }
    std::size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

/// True when `text` ends with a `;` that is not inside a string or comment.
bool complete(const std::string& text) {
    if (trim(text).empty() || trim(text).back() != ';') {
        return false;
    }
    try {
        auto toks = query::tokenize(text);
        return toks.size() >= 2 && toks[toks.size() - 2].kind == query::Tok::Semicolon;
    } catch (const query::QueryError& e) {
        // An open string or comment goes on on the next line; other errors are reported when run.
        return std::string(e.what()).find("never closed") == std::string::npos;
    }
}

int run_shell(const ShellOptions& options) {
    bool interactive = isatty(fileno(stdin)) != 0;
    auto start = std::chrono::steady_clock::now();
    graph::Graph g = graph::load(options.graph);
    double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    query::Database db(g);
    query::Options qo;
    qo.timeout_seconds = options.timeout;
    query::Format format = *query::parse_format(options.format);
    bool timing = false;
    int status = 0;
    if (interactive) {
        std::cout << "vnkg shell: " << options.graph << ", " << g.node_count() << " nodes, "
                  << g.edge_count() << " edges (loaded in " << static_cast<long>(load_ms)
                  << " ms). :help for help, :quit to leave.\n";
    }
    std::string buffer;
    auto run = [&](const std::string& text) {
        query::RunOutcome outcome = query::run_and_print(db, text, qo, format, std::cout, std::cerr);
        if (!outcome.ok) {
            status = outcome.status;
        } else if (timing) {
            query::print_timing(std::cerr, -1, outcome);
        }
    };
    for (;;) {
        if (interactive) {
            std::cout << (buffer.empty() ? "vnkg> " : "  ... ") << std::flush;
        }
        std::string line;
        if (!std::getline(std::cin, line)) {
            break;
        }
        if (buffer.empty() && trim(line).rfind(':', 0) == 0) {
            std::string cmd = trim(line);
            std::string arg;
            if (auto space = cmd.find(' '); space != std::string::npos) {
                arg = trim(cmd.substr(space + 1));
                cmd = cmd.substr(0, space);
            }
            if (cmd == ":quit" || cmd == ":exit" || cmd == ":q") {
                return status;
            }
            if (cmd == ":help") {
                std::cout << kHelp;
            } else if (cmd == ":schema") {
                query::print_schema(std::cout, db.schema());
            } else if (cmd == ":format" && query::parse_format(arg)) {
                format = *query::parse_format(arg);
            } else if (cmd == ":timing" && (arg == "on" || arg == "off")) {
                timing = arg == "on";
            } else if (cmd == ":param" && arg.empty()) {
                for (const auto& [name, value] : qo.params) {
                    std::cout << '$' << name << " = " << query::to_text(value, g) << '\n';
                }
            } else if (cmd == ":param") {
                if (!query::parse_params({arg}, qo.params)) {
                    status = 2;
                }
            } else {
                std::cerr << "vnkg: error: unknown command " << trim(line)
                          << " (:help lists the commands)\n";
                status = 2;
            }
            continue;
        }
        buffer += line;
        buffer += '\n';
        if (complete(buffer)) {
            run(buffer);
            buffer.clear();
        }
    }
    if (!trim(buffer).empty()) {
        run(buffer);
    }
    if (interactive) {
        std::cout << '\n';
    }
    return status;
}

} // namespace

void setup_shell(CLI::App& app, int& status) {
    auto options = std::make_shared<ShellOptions>();
    CLI::App* sub = app.add_subcommand(
        "shell", "Load a graph once and answer queries typed (or piped) one after another");
    sub->footer("End each query with ';'. :help lists the commands (:schema, :format, :timing,\n"
                ":param, :quit). With piped input there are no prompts; the exit status is 2 if\n"
                "any query failed.\n"
                "Examples:\n"
                "  vnkg shell g.vnkg\n"
                "  vnkg shell g.vnkg < examples/queries/attended.cypher");
    sub->add_option("graph", options->graph, "The graph file (from vnkg build)")->required();
    sub->add_option("--format", options->format, "table (default), json, csv or tsv")
        ->check(CLI::IsMember({"table", "json", "csv", "tsv"}));
    sub->add_option("--timeout", options->timeout,
                    "Stop each query after this many seconds (default 60; 0: never)")
        ->check(CLI::Range(0.0, 1e9));
    sub->callback([options, &status] { status = run_shell(*options); });
}

} // namespace vnkg::cli
