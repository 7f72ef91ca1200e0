// Reading articles: files, folders (recursive, sorted), JSONL (one article a line, fields found
// by common names or named by the user) and stdin. Text is checked (UTF-8, not binary, not empty)
// and normalised (graph::normalise_text). A problem with one article is a Diagnostic naming the
// file and line, and reading goes on with the next.
#pragma once

#include "extract/article.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::extract {

/// One article that could not be read: where and why ("party.jsonl:17: not JSON: ...").
struct Diagnostic {
    std::string file;
    std::size_t line = 0; ///< 1-based; 0 when the problem is the whole file
    std::string reason;

    /// "file:line: reason" (or "file: reason").
    std::string message() const;
};

struct ReaderOptions {
    std::string text_field;  ///< JSONL field holding the text; empty: text, content, body, sapo,
                             ///< with a lead (sapo, summary, description, lead) beside the text
                             ///< put before it unless the text opens with it
    std::string title_field; ///< empty: title
    std::string date_field;  ///< empty: published, publish_date, date
    std::string id_field;    ///< empty: id, url
    std::size_t max_article_bytes = 64u << 20; ///< larger articles are skipped with a diagnostic
};

/// What a read produced so far.
struct ReadCounts {
    std::size_t read = 0;
    std::size_t skipped = 0;
    std::size_t bytes = 0; ///< bytes of article text read
};

/// The ISO form of a metadata date: "21/06/2025 08:06", "21-6-2025", "2025-06-21T08:06:00Z",
/// "2025/06/21" become "2025-06-21"; "2025-06" and "2025" stay as they are. Empty when the text is
/// not one of these forms or names an impossible day.
std::string iso_date(std::string_view text);

/// A 64-bit hash of `text` (FNV-1a over 64-bit words, then mixed) as 16 lower-case hex digits
/// (Article::hash). Not cryptographic: it tells a changed article from a known one.
std::string content_hash(std::string_view text);

/// Reads every input in order (a path, a folder, or "-" for stdin) and calls `on_article` for
/// each article and `on_diagnostic` for each skipped one, as they come: memory does not grow
/// with the input. An input that does not exist or cannot be opened is a diagnostic too.
ReadCounts read_inputs(const std::vector<std::string>& inputs, const ReaderOptions& options,
                       const std::function<void(Article&&)>& on_article,
                       const std::function<void(const Diagnostic&)>& on_diagnostic);

} // namespace vnkg::extract
