// Dates as the graph holds them (ISO 8601, never more precise than the text: `2023-10-03`,
// `2023-10`, `2023-Q4`, `2023`, ranges `a/b`) widened to the full days they cover, for date
// windows and for Gephi's timeline.
#pragma once

#include "graph/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::exporter {

/// A span of whole days, both ends included, as `YYYY-MM-DD`.
struct DateSpan {
    std::string start;
    std::string end;

    friend bool operator==(const DateSpan&, const DateSpan&) = default;
};

/// The days `iso` covers: `2023` -> 2023-01-01..2023-12-31, `2023-10` -> ..2023-10-31,
/// `2023-Q4` -> 2023-10-01..2023-12-31, `a/b` -> start of a..end of b. Nothing for an empty
/// text, a date without a year (`--10-03`) or anything unreadable.
std::optional<DateSpan> date_span(std::string_view iso);

/// True when the spans share a day.
bool overlaps(const DateSpan& a, const DateSpan& b);

/// The distinct spans of a date property: a string, or each string of a list.
std::vector<DateSpan> spans_of(const graph::Value& v);

} // namespace vnkg::exporter
