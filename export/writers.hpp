// The export stage: writes a graph, or the part of it a Subgraph selects, in the formats other
// tools read: GraphML (Gephi, yEd, networkx, igraph), GEXF 1.3 (Gephi's timeline), DOT
// (Graphviz), CSV (neo4j-admin import, Kuzu COPY FROM) and node-link JSON (networkx, d3).
// Writers stream: nothing holds the whole document. docs/export.md describes every format.
#pragma once

#include "export/subgraph.hpp"
#include "graph/store.hpp"

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::exporter {

enum class Format { graphml, gexf, dot, csv, json };

/// The format named `name` (`graphml`, `gexf`, `dot`, `csv`, `json`); throws
/// std::invalid_argument for any other name.
Format parse_format(std::string_view name);

/// What a writer did, for the caller to report: counts and advice worth printing to the user.
struct WriteReport {
    std::size_t nodes = 0;
    std::size_t edges = 0;
    std::vector<std::string> warnings;
};

/// GraphML for Gephi: a `<key>` per node and per edge attribute (never graph-level), node `label`
/// (the name), `type` (the first label), `labels` (`:A:B`), `scope` and `sources` (article ids)
/// when any node has them, every property (lists joined with "; "); edge `label` (the type),
/// `weight` (supporting articles, at least 1), `sources` and every property. Ids are stable
/// (export/common.hpp). Properties named like these columns are written as `prop_<name>`.
/// Throws std::runtime_error when the stream fails.
WriteReport write_graphml(const graph::Graph& g, const Subgraph& sub, std::ostream& os);

/// GEXF 1.3, mode="dynamic", timeformat="date": nodes dated by their `date` (or an article's
/// `published`), edges by their `date`, each widened to whole days; an edge reported on several
/// dates (a list of dates, or a HOLDS_POSITION, dated by its article, with sources published on
/// other days) gets one spell per date. Undated items have no time bounds (always shown).
WriteReport write_gexf(const graph::Graph& g, const Subgraph& sub, std::ostream& os);

/// How DOT output groups nodes.
enum class ClusterBy { none, province, type };

/// DOT for Graphviz (dot, neato, sfdp): shape and colour by node type with a legend, edge labels
/// with type and date. Warns past `slow_edges` edges that dot gets slow.
struct DotOptions {
    ClusterBy cluster_by = ClusterBy::none;
    std::size_t slow_edges = 300;
};
WriteReport write_dot(const graph::Graph& g, const Subgraph& sub, std::ostream& os,
                      const DotOptions& options = {});

/// Node-link JSON in networkx's node_link_data shape (directed multigraph, `links` with `key`).
/// Lists stay JSON arrays.
WriteReport write_json(const graph::Graph& g, const Subgraph& sub, std::ostream& os);

/// One file of a CSV export: its name inside the folder, and its text.
struct CsvFile {
    std::string name;
    std::string text;
};

/// CSV for neo4j-admin import and Kuzu COPY FROM: `nodes_<Label>.csv` per first label
/// (`id:ID,:LABEL,name,...`), `rels_<TYPE>_<From>_<To>.csv` per relationship type and pair of
/// end labels (`:START_ID,:END_ID,:TYPE,...`), plus `neo4j-import.sh` and `kuzu-import.cypher`
/// with the commands that load them. Returns the files in memory (callers write them atomically).
std::vector<CsvFile> csv_files(const graph::Graph& g, const Subgraph& sub, WriteReport& report);

} // namespace vnkg::exporter
