// Choosing what to export with a query: the nodes, relationships and paths a MATCH ... RETURN
// query returns, wherever they sit in its rows (also inside lists and maps).
#pragma once

#include "export/subgraph.hpp"
#include "query/query.hpp"

namespace vnkg::exporter {

/// The nodes, relationships (with their ends) and paths found anywhere in `result`'s rows.
/// Unlike select(), edges between returned nodes that the query did not return are left out.
Subgraph from_query_result(const graph::Graph& g, const query::Result& result);

} // namespace vnkg::exporter
