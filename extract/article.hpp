// An article as the extractors see it: its metadata and its normalised text. Readers
// (extract/reader.hpp) produce these from files, folders, JSONL and stdin; the extractor
// (extract/extractor.hpp) turns one into an Extraction.
#pragma once

#include <string>

namespace vnkg::extract {

struct Article {
    std::string id;        ///< path relative to the input root, or the JSONL `id`/`url`
    std::string source;    ///< where it was read from: a path, `path:line` for JSONL, or `-`
    std::string title;     ///< from metadata when given; else the extractor finds it in the text
    std::string published; ///< ISO date, possibly partial (`2023-10-03`, `2020`), or empty
    std::string text;      ///< normalised text (graph::normalise_text); evidence quotes this
    std::string hash;      ///< hex hash of `text`, to tell a changed article from a known one
};

} // namespace vnkg::extract
