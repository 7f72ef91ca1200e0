// The `extract` output: one JSON object a line, exactly the spec's shape
// ({"article": {...}, "entities": [...], "relations": [...]}).
#pragma once

#include "extract/extraction.hpp"

#include <string>

namespace vnkg::extract {

/// One Extraction as a single line of JSON (no trailing newline).
std::string to_json_line(const Extraction& extraction);

} // namespace vnkg::extract
