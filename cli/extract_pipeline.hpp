// Extraction as a stream, shared by `vnkg extract` and `vnkg eval`: articles are read on the
// calling thread, extracted on N worker threads (or on the calling thread itself when N is 1)
// and handed on in input order, with a bounded number in flight so memory does not grow with
// the input.
#pragma once

#include "extract/extraction.hpp"
#include "extract/reader.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace vnkg::cli {

struct ExtractRunOptions {
    std::vector<std::string> inputs;
    extract::ReaderOptions reader;
    std::string lexicon; ///< a folder of lexicon files to add, or empty
    unsigned jobs = 1;
    bool quiet = false;
};

struct ExtractRunCounts {
    std::size_t read = 0;    ///< articles extracted
    std::size_t skipped = 0; ///< articles the reader skipped or extraction failed on
    std::size_t bytes = 0;   ///< bytes of article text
};

/// Reads and extracts every article of `options.inputs`, calling `on_result` once per
/// article in input order (on one thread at a time). Diagnostics go to stderr as
/// "vnkg: FILE:LINE: reason".
ExtractRunCounts run_extraction(const ExtractRunOptions& options,
                                const std::function<void(const extract::Extraction&)>& on_result);

} // namespace vnkg::cli
