// Importing a graph from GraphML, so that a graph cleaned up in Gephi or yEd, or exported from
// another tool (Neo4j's APOC, networkx, igraph), comes back as a vnkg graph. The XML is parsed by
// Boost.PropertyTree (as Boost's read_graphml does, but keeping white space inside values and
// the keys' descriptions); the mapping from attributes to labels, names and properties is here.
#pragma once

#include "graph/store.hpp"

#include <cstddef>
#include <istream>
#include <stdexcept>
#include <string>

namespace vnkg::exporter {

/// A GraphML document that cannot be read; the message names the file and the reason.
class ImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What an import read and how much of it merged (nodes with the same type, name and scope are
/// one node in a vnkg graph; edges with the same ends, type, title and role one edge).
struct ImportReport {
    std::size_t nodes_read = 0;
    std::size_t edges_read = 0;
    std::size_t nodes = 0;
    std::size_t edges = 0;
};

/// Reads GraphML from `in` (`name` is used in messages). Node labels come from a `labels`
/// attribute (`:A:B`, as APOC writes it), else from `type`, else `Node`; the name from `label`,
/// else `name`, else the GraphML node id; `scope` and `sources` (article ids, "; "-separated) fill the
/// node's scope and provenance. Edge types come from `label`, else `type`, else `RELATED`; an
/// edge `weight` equal to its number of sources (at least 1) is the one vnkg writes and is
/// dropped. Every other attribute becomes a property of its GraphML type (boolean, int and long
/// as integers, float and double as reals, string; a key's `<default>` applies), split at "; " into a list when its key's
/// `<desc>` says it is one; `prop_X` for a name X listed above is read as X. Article nodes with
/// an `id` property are registered as the graph's articles. Throws ImportError.
graph::Graph import_graphml(std::istream& in, const std::string& name,
                            ImportReport* report = nullptr);

} // namespace vnkg::exporter
