// Merging extractions into the graph: the article becomes an Article node and an ArticleInfo,
// each entity a node merged by identity, each relation an edge merged by fact, with the
// article id and sentence as provenance, plus MENTIONS from the article to every entity.
#pragma once

#include "extract/extraction.hpp"
#include "graph/store.hpp"

namespace vnkg::extract {

/// Adds `extraction` to `graph`. The caller decides beforehand whether the article is new,
/// unchanged (skip it) or changed (graph.remove_articles({id}) first).
void add_to_graph(graph::Graph& graph, const Extraction& extraction);

/// Adds the fixed facts of the gazetteer: the provinces before and after 1 July 2025 and the
/// MERGED_INTO edges between them. Idempotent.
void add_gazetteer_facts(graph::Graph& graph);

} // namespace vnkg::extract
