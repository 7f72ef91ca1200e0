// Dates as Vietnamese news writes them ("Ngày 3/10", "sáng 25.5", "từ ngày 25/2 đến 28/2",
// "từ ngày 25 - 27/2", "tháng 5/2018", "quý IV/2023", "năm 2020", "Thứ Ba, 3/10/2023 16:52")
// turned into ISO 8601 of the text's own precision: 2023-10-03, 2023-10, 2023-Q4, 2020, a
// range 2020-02-25/2020-02-28, or --10-03 when the year is unknown.
#pragma once

#include "extract/scan.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::extract {

/// A date of some precision: year 0 is unknown, month 0 and day 0 absent; `quarter` 1-4 when
/// the text names a quarter.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    int quarter = 0;
};

/// ISO 8601 of the date's precision ("2023-10-03", "2023-10", "2023-Q4", "2020", "--10-03",
/// "--10"); empty for an empty date.
std::string iso(const Date& date);

/// Parses a numeric day and month, with or without year: "3/10/2023", "3.10.2023",
/// "3-10-2023", "3/10", "25.5", "03-10". False when `s` is not such a date.
bool parse_day_month(std::string_view s, Date& out);

/// A date expression found in a token list: its ISO form and the tokens [first, last) it spans.
struct DateMatch {
    std::string iso;
    std::size_t first = 0;
    std::size_t last = 0;
    bool has_day = false;   ///< day precision (or a range of days)
    bool has_month = false; ///< at least month precision
};

/// Parses a date expression that begins at `tokens[i]`: a time word ("ngày", "sáng", "chiều",
/// "tối", "trưa", "hôm", "từ", "tháng", "quý", "năm") or a full numeric date. A date without a
/// year takes `year` (0: unknown, written --MM-DD). Bare "3/10" without a time word before it
/// is not taken, since it may be a ratio or a code.
std::optional<DateMatch> parse_date_at(const std::vector<Token>& tokens, std::size_t i, int year);

/// False when no date can start at `token`: every date starts with a number or with one of
/// the words parse_date_at looks for ("ngày", "từ", "tháng", "quý", "năm", ...). A quick test
/// for loops that try every token.
bool may_start_date(const Token& token);

/// Parses a Roman numeral I..XXX ("IV" -> 4); 0 when `s` is not one.
int roman(std::string_view s);

} // namespace vnkg::extract
