// The executor: runs a bound Query over a Database and streams result rows to a callback. Each
// clause is an operator that pushes rows to the next (MATCH through its plan's steps, UNWIND,
// WITH and RETURN with grouping, DISTINCT, ORDER BY, SKIP, LIMIT). Loops check a deadline and
// end with TimeoutError; type errors at run time are QueryErrors at the expression.
#pragma once

#include "query/ast.hpp"
#include "query/database.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vnkg::query {

/// Parameters by name (without the `$`).
using Parameters = std::map<std::string, Value, std::less<>>;

struct ExecOptions {
    Parameters params;
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    double timeout_seconds = 0; ///< for the TimeoutError's message
    std::size_t max_buffered_rows = 20'000'000;
    /// Resident memory past which a query is stopped (0: no limit); see default_memory_limit().
    std::size_t max_memory_bytes = 0;
};

/// Three quarters of this machine's physical memory (0 when it cannot be told).
std::size_t default_memory_limit();

/// Receives one result row (in column order); returns false to stop the query early.
using RowSink = std::function<bool(const std::vector<Value>&)>;

/// Runs `query` (parsed and bound against `db`). `plan`, when given, receives the MATCH plans.
/// Throws QueryError (type errors, missing parameters, bad SKIP/LIMIT) and TimeoutError.
void execute(const Query& query, Database& db, const ExecOptions& options, const RowSink& sink,
             std::string* plan = nullptr);

} // namespace vnkg::query
