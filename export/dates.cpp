#include "export/dates.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace vnkg::exporter {

namespace {

bool read_int(std::string_view s, int& out) {
    if (s.empty()) {
        return false;
    }
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string ymd(int y, int m, int d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

// One date without a range: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn.
std::optional<DateSpan> single_span(std::string_view s) {
    if (s.size() < 4) {
        return std::nullopt;
    }
    int year = 0;
    if (!read_int(s.substr(0, 4), year)) {
        return std::nullopt;
    }
    if (s.size() == 4) {
        return DateSpan{ymd(year, 1, 1), ymd(year, 12, 31)};
    }
    if (s[4] != '-') {
        return std::nullopt;
    }
    std::string_view rest = s.substr(5);
    if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q')) {
        int q = rest[1] - '0';
        if (q < 1 || q > 4) {
            return std::nullopt;
        }
        int first = 3 * q - 2;
        return DateSpan{ymd(year, first, 1), ymd(year, first + 2, days_in_month(year, first + 2))};
    }
    int month = 0;
    if (rest.size() < 2 || !read_int(rest.substr(0, 2), month) || month < 1 || month > 12) {
        return std::nullopt;
    }
    if (rest.size() == 2) {
        return DateSpan{ymd(year, month, 1), ymd(year, month, days_in_month(year, month))};
    }
    int day = 0;
    if (rest.size() != 5 || rest[2] != '-' || !read_int(rest.substr(3), day) || day < 1 ||
        day > days_in_month(year, month)) {
        return std::nullopt;
    }
    return DateSpan{ymd(year, month, day), ymd(year, month, day)};
}

} // namespace

std::optional<DateSpan> date_span(std::string_view iso) {
    while (!iso.empty() && iso.front() == ' ') {
        iso.remove_prefix(1);
    }
    while (!iso.empty() && iso.back() == ' ') {
        iso.remove_suffix(1);
    }
    auto slash = iso.find('/');
    if (slash == std::string_view::npos) {
        return single_span(iso);
    }
    auto a = single_span(iso.substr(0, slash));
    auto b = single_span(iso.substr(slash + 1));
    if (!a || !b) {
        return std::nullopt;
    }
    DateSpan span{a->start, b->end};
    if (span.end < span.start) {
        std::swap(span.start, span.end);
    }
    return span;
}

bool overlaps(const DateSpan& a, const DateSpan& b) {
    return a.start <= b.end && b.start <= a.end;
}

std::vector<DateSpan> spans_of(const graph::Value& v) {
    std::vector<DateSpan> out;
    auto add = [&out](std::string_view s) {
        if (auto span = date_span(s); span && std::find(out.begin(), out.end(), *span) == out.end()) {
            out.push_back(std::move(*span));
        }
    };
    if (const auto* s = std::get_if<std::string>(&v)) {
        add(*s);
    } else if (const auto* list = std::get_if<std::vector<std::string>>(&v)) {
        for (const std::string& s : *list) {
            add(s);
        }
    }
    return out;
}

} // namespace vnkg::exporter
