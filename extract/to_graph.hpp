// Merging extractions into the graph: the article becomes an Article node and an ArticleInfo,
// each entity a node merged by identity, each relation an edge merged by fact, with the
// article id and sentence as provenance, plus MENTIONS from the article to every entity.
#pragma once

#include "extract/extraction.hpp"
#include "graph/store.hpp"

#include <cstddef>

namespace vnkg::extract {

/// What add_to_graph() left out: relations whose ends are not entities of the record, and
/// entities without a type or name. Zero for a well-formed extraction.
struct AddCounts {
    std::size_t dropped_relations = 0;
    std::size_t dropped_entities = 0;
};

/// Adds `extraction` to `graph`. The caller decides beforehand whether the article is new,
/// unchanged (skip it) or changed (graph.remove_articles({id}) first). A relation may name the
/// local id "article", or the id of an entity of type "Article", for the article's own node.
AddCounts add_to_graph(graph::Graph& graph, const Extraction& extraction);

/// Adds the fixed facts of the gazetteer: the provinces before and after 1 July 2025 and the
/// MERGED_INTO edges between them. Idempotent.
void add_gazetteer_facts(graph::Graph& graph);

} // namespace vnkg::extract
