// What extraction hands on: the entities and relations found in one article, each with the
// sentence it came from. This is the spec's `extract` record (shared/spec/extraction.md) in
// memory; extract/to_graph.hpp merges it into the graph and extract/jsonl.hpp writes it out.
#pragma once

#include "extract/article.hpp"
#include "graph/model.hpp"

#include <string>
#include <vector>

namespace vnkg::extract {

/// A node found in the article. `id` is local to the record ("e1"); `type` a node label
/// (graph::label); `scope` as graph::Node::scope (a local directive's province, ...).
struct Entity {
    std::string id;
    std::string type;
    std::string name;
    std::string scope;
    graph::Properties props;
    std::vector<std::string> sentences; ///< the sentences that mention it, first one first
};

/// An edge between two entities of the same record, by their local ids.
struct Relation {
    std::string type;
    std::string from;
    std::string to;
    graph::Properties props;
    std::string sentence; ///< the evidence
};

struct Extraction {
    Article article;
    std::string province; ///< the province the article's facts concern, or empty
    std::vector<Entity> entities;
    std::vector<Relation> relations;
};

} // namespace vnkg::extract
