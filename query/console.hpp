// The console side of queries, shared by `vnkg query` and `vnkg shell`: reading --param values,
// running one query with its errors and warnings printed as users should see them (never an
// internal exception's text), the timing line, and the schema summary.
#pragma once

#include "query/format.hpp"
#include "query/query.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace vnkg::query {

/// Parses `name=value` strings into `params`; prints a usage error and returns false on a bad one.
bool parse_params(const std::vector<std::string>& specs, Parameters& params);

struct RunOutcome {
    bool ok = false;
    int status = 0; ///< when not ok: 2 for a query error or timeout, 1 for anything else
    std::size_t rows = 0;
    Timings timings;
    std::string plan;
};

/// Runs `text`, writes the rows to `out` in `format` and warnings and errors to `err`.
RunOutcome run_and_print(Database& db, const std::string& text,
                         const Options& options, Format format, std::ostream& out,
                         std::ostream& err);

/// "load 12.3 ms, parse 0.1 ms, plan 0.2 ms, execute 3.4 ms, 5 rows" (load left out when < 0).
void print_timing(std::ostream& err, double load_ms, const RunOutcome& outcome);

/// Writes the schema as `:schema` shows it: labels, relationship types, then properties by
/// label and by type, each with its count.
void print_schema(std::ostream& out, const Schema& schema);

} // namespace vnkg::query
