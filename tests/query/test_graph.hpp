// The small graph the query tests run on, built directly through graph::Graph: people attending
// meetings in several roles, bodies organising them, directives discussed and referenced,
// provinces (one merged into another), articles mentioning all of it, with dates of every
// precision the spec allows.
#pragma once

#include "graph/store.hpp"

#include <string>

namespace vnkg::query::testing {

/// Builds the test graph (the same every call).
graph::Graph make_test_graph();

/// Runs `text` on `g` and renders the outcome as the golden files show it: warnings, then a
/// header line and one line a row (values as Cypher literals, " | " between), or the error
/// with its caret. `params` holds "name=value" pairs separated by newlines.
std::string golden_output(const graph::Graph& g, const std::string& text,
                          const std::string& params = {});

} // namespace vnkg::query::testing
