// The graph file (`.vnkg`): saving and loading a Graph with its articles. Saving is atomic: the
// graph goes to a temporary file beside the target, is fsynced, and renamed over it, so a run
// killed at any moment leaves the previous file whole. Loading checks the magic, the format
// version, every length and a checksum, and reports a truncated, foreign or newer file clearly.
// The format is described in docs/file-format.md.
#pragma once

#include "graph/store.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

namespace vnkg::graph {

/// A file that cannot be read or written; the message names the path and the reason.
class FileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The newest format version this build writes and reads; older versions stay readable.
inline constexpr std::uint32_t kFormatVersion = 2;

/// Writes `graph` to `path` atomically. Throws FileError (unwritable folder, full disk, ...);
/// on failure `path` is unchanged and no temporary file is left behind.
void save(const Graph& graph, const std::string& path);

/// Reads a graph written by save(). Throws FileError for a missing, unreadable, truncated,
/// corrupted, foreign or newer-version file.
Graph load(const std::string& path);

} // namespace vnkg::graph
