// vnkg's query language, a read-only subset of openCypher (docs/query.md). This is the one entry
// point the CLI uses: run() takes the query text through lexer, parser, binder, planner and
// executor and hands back the rows, the warnings and the time each stage took.
#pragma once

#include "query/database.hpp"
#include "query/error.hpp"
#include "query/executor.hpp"
#include "query/value.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace vnkg::query {

struct Options {
    Parameters params;
    double timeout_seconds = 60; ///< 0 or less: no limit
    /// Resident memory past which the query is stopped with a TimeoutError (0: no limit).
    std::size_t max_memory_bytes = default_memory_limit();
    bool explain = false;        ///< fill Result::plan
};

struct Timings {
    double parse_ms = 0;
    double plan_ms = 0; ///< binding and planning
    double exec_ms = 0;
};

struct Result {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
    std::vector<Warning> warnings;
    Timings timings;
    std::string plan;
};

/// Runs `text` against `db`, collecting every row. Throws QueryError (show it with
/// format_message()) and TimeoutError. Warnings come back in the result.
Result run(Database& db, std::string_view text, const Options& options = {});

/// Like run(), but streams: `on_start` gets the columns and warnings once the query is bound,
/// then `sink` each row. Returns the timings.
Timings run(Database& db, std::string_view text, const Options& options,
            const std::function<void(const std::vector<std::string>&,
                                     const std::vector<Warning>&)>& on_start,
            const RowSink& sink, std::string* plan = nullptr);

/// A `--param name=value` value: a literal when it reads as one (42, 1.5, true, null, 'text',
/// [1, 2]), else the text itself (so `--param name=Đào Hồng Vận` needs no quotes).
Value parse_parameter(std::string_view text);

} // namespace vnkg::query
