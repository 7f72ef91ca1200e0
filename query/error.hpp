// Query errors and warnings: every one carries the span of the query text it is about, and
// format_message() renders it as users see it: "line L, column C: what was expected", the query
// line, and a caret under the culprit. The CLI prints these; nothing else reaches the user.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::query {

/// A stretch of the query text: byte offset and byte length (DuckDB's QueryLocation).
struct Span {
    std::size_t offset = 0;
    std::size_t length = 0;
};

/// A span covering both `a` and `b`.
Span cover(Span a, Span b);

/// An error that ends a query: a syntax error, an undefined variable, unsupported syntax, a
/// type error at run time, a timeout. `what()` is the bare reason; use format_message() to show it.
class QueryError : public std::runtime_error {
public:
    QueryError(std::string message, Span span) : std::runtime_error(message), span_(span) {}
    Span span() const { return span_; }

private:
    Span span_;
};

/// A query stopped because it ran past its time limit (`--timeout`).
class TimeoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Something the query does that is allowed but probably not meant (an unknown label).
struct Warning {
    std::string message;
    Span span;
};

/// 1-based line and column (in characters, not bytes) of byte `offset` in `text`.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset);

/// "line L, column C: <message>\n<the line>\n<spaces>^^^" (no trailing newline). The caret sits
/// under the span's first character and is as long as the span within that line (at least 1).
std::string format_message(std::string_view query, std::string_view message, Span span);

/// Columns `text` takes on a terminal: grapheme clusters, with East Asian wide characters as 2
/// and combining marks as 0 (so NFC and NFD Vietnamese measure the same). Invalid UTF-8 counts
/// a byte a column.
std::size_t display_width(std::string_view text);

/// Edit distance (in code points) between two UTF-8 strings, case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` by edit distance (ignoring case), if it is close enough to
/// be a likely typo (distance at most a third of the word's length, and at least 1 allowed).
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

} // namespace vnkg::query
