#include "query/console.hpp"

#include <cstdio>
#include <iostream>
#include <new>

namespace vnkg::query {

bool parse_params(const std::vector<std::string>& specs, Parameters& params) {
    for (const std::string& spec : specs) {
        auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "vnkg: error: --param needs name=value, got '" << spec << "'\n";
            return false;
        }
        params[spec.substr(0, eq)] = parse_parameter(spec.substr(eq + 1));
    }
    return true;
}

RunOutcome run_and_print(Database& db, const std::string& text,
                         const Options& options, Format format, std::ostream& out,
                         std::ostream& err) {
    RunOutcome outcome;
    try {
        Result r = run(db, text, options);
        for (const Warning& w : r.warnings) {
            err << "vnkg: warning: " << format_message(text, w.message, w.span) << '\n';
        }
        write_result(out, format, r.columns, r.rows, db.graph());
        out.flush();
        outcome.ok = true;
        outcome.rows = r.rows.size();
        outcome.timings = r.timings;
        outcome.plan = std::move(r.plan);
    } catch (const QueryError& e) {
        err << "vnkg: error: " << format_message(text, e.what(), e.span()) << '\n';
        outcome.status = 2;
    } catch (const TimeoutError& e) {
        err << "vnkg: error: " << e.what() << '\n';
        outcome.status = 2;
    } catch (const std::bad_alloc&) {
        err << "vnkg: error: out of memory while running the query: narrow the pattern or add "
               "LIMIT\n";
        outcome.status = 1;
    } catch (const std::exception&) {
        // Whatever failed inside is not something the user can act on by name.
        err << "vnkg: error: the query failed inside vnkg (a bug): please report it with the "
               "query\n";
        outcome.status = 1;
    }
    return outcome;
}

void print_timing(std::ostream& err, double load_ms, const RunOutcome& outcome) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "parse %.3f ms, plan %.3f ms, execute %.3f ms, %zu row%s",
                  outcome.timings.parse_ms, outcome.timings.plan_ms, outcome.timings.exec_ms,
                  outcome.rows, outcome.rows == 1 ? "" : "s");
    err << "vnkg: timing: ";
    if (load_ms >= 0) {
        char load[64];
        std::snprintf(load, sizeof load, "load %.1f ms, ", load_ms);
        err << load;
    }
    err << buf << '\n';
}

void print_schema(std::ostream& out, const Schema& schema) {
    auto section = [&](const char* title, const std::map<std::string, std::size_t>& counts) {
        out << title << '\n';
        if (counts.empty()) {
            out << "  (none)\n";
        }
        for (const auto& [name, count] : counts) {
            out << "  " << name << " (" << count << ")\n";
        }
    };
    section("Node labels:", schema.labels);
    section("Relationship types:", schema.types);
    auto props = [&](const char* title,
                     const std::map<std::string, std::map<std::string, std::size_t>>& m) {
        out << title << '\n';
        for (const auto& [owner, keys] : m) {
            out << "  " << owner << ':';
            bool first = true;
            for (const auto& [key, count] : keys) {
                out << (first ? " " : ", ") << key << " (" << count << ')';
                first = false;
            }
            out << '\n';
        }
    };
    props("Node properties:", schema.node_props);
    props("Relationship properties:", schema.rel_props);
}

} // namespace vnkg::query
