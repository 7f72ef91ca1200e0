// Writing query results for people and programs: an aligned table (columns measured by the
// display width of Vietnamese text, not bytes), JSON (an array of objects, one a line), CSV
// (RFC 4180) and TSV. Nodes, relationships and paths are written as Cypher-like text in the
// table, CSV and TSV, and as objects in JSON.
#pragma once

#include "graph/store.hpp"
#include "query/value.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::query {

enum class Format { Table, Json, Csv, Tsv };

/// "table", "json", "csv", "tsv" to a Format; nothing for any other name.
std::optional<Format> parse_format(std::string_view name);

/// Writes `rows` under `columns` to `out` in `format`. The table ends with a "(N rows)" line.
void write_result(std::ostream& out, Format format, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& rows, const graph::Graph& g);

/// One value as JSON.
std::string to_json(const Value& v, const graph::Graph& g);

} // namespace vnkg::query
