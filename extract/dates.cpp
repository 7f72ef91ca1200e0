#include "extract/dates.hpp"

#include <cstdio>

namespace vnkg::extract {

std::string iso(const Date& d) {
    char buf[32];
    if (d.year == 0 && d.month == 0) {
        return {};
    }
    if (d.quarter != 0 && d.year != 0) {
        std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, d.quarter);
    } else if (d.year == 0) {
        if (d.day != 0) {
            std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day);
        } else {
            std::snprintf(buf, sizeof buf, "--%02d", d.month);
        }
    } else if (d.month == 0) {
        std::snprintf(buf, sizeof buf, "%04d", d.year);
    } else if (d.day == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    return buf;
}

namespace {

// Reads up to `max_digits` digits at `pos`; -1 when there are none.
int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
    std::size_t start = pos;
    int v = 0;
    while (pos < s.size() && pos - start < max_digits && s[pos] >= '0' && s[pos] <= '9') {
        v = v * 10 + (s[pos] - '0');
        ++pos;
    }
    return pos == start ? -1 : v;
}

bool valid_year(int y) { return y >= 1900 && y <= 2100; }

int days_in(int month) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

// "2018", "5/2018", "6.2012": a month with a year, or a year alone.
bool parse_month_year(std::string_view s, int& month, int& year) {
    std::size_t pos = 0;
    int a = read_number(s, pos, 4);
    if (a < 0) {
        return false;
    }
    if (pos == s.size()) {
        month = a;
        year = 0;
        return a >= 1 && a <= 12;
    }
    char sep = s[pos];
    if (sep != '/' && sep != '.' && sep != '-') {
        return false;
    }
    ++pos;
    int b = read_number(s, pos, 4);
    if (pos != s.size() || !valid_year(b) || a < 1 || a > 12) {
        return false;
    }
    month = a;
    year = b;
    return true;
}

bool is_time_word(std::string_view low) {
    return low == "ngày" || low == "sáng" || low == "chiều" || low == "tối" || low == "trưa" ||
           low == "đêm" || low == "hôm" || low == "rạng";
}

} // namespace

int roman(std::string_view s) {
    int total = 0;
    int prev = 0;
    if (s.empty() || s.size() > 6) {
        return 0;
    }
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
        int v = 0;
        switch (*it) {
        case 'I':
            v = 1;
            break;
        case 'V':
            v = 5;
            break;
        case 'X':
            v = 10;
            break;
        case 'L':
            v = 50;
            break;
        default:
            return 0;
        }
        total += v < prev ? -v : v;
        prev = v > prev ? v : prev;
    }
    return total;
}

bool parse_day_month(std::string_view s, Date& out) {
    std::size_t pos = 0;
    int d = read_number(s, pos, 2);
    if (d < 1 || d > 31 || pos >= s.size()) {
        return false;
    }
    char sep = s[pos];
    if (sep != '/' && sep != '.' && sep != '-') {
        return false;
    }
    ++pos;
    int m = read_number(s, pos, 2);
    if (m < 1 || m > 12 || d > days_in(m)) {
        return false;
    }
    int y = 0;
    if (pos < s.size()) {
        if (s[pos] != sep) {
            return false;
        }
        ++pos;
        y = read_number(s, pos, 4);
        if (!valid_year(y) || pos != s.size()) {
            return false;
        }
    }
    out = Date{y, m, d, 0};
    return true;
}

bool may_start_date(const Token& token) {
    if (token.digit) {
        return true;
    }
    std::string_view w = token.low;
    if (w.empty()) {
        return false;
    }
    switch (w.front()) {
    case 't':    // từ, tháng, tối, trưa
    case 'n':    // ngày, năm
    case 's':    // sáng
    case 'c':    // chiều
    case 'h':    // hôm
    case 'r':    // rạng
    case 'q':    // quý
    case '\xC4': // đêm
        break;
    default:
        return false;
    }
    return w == "từ" || w == "tháng" || w == "quý" || w == "năm" || is_time_word(w);
}

std::optional<DateMatch> parse_date_at(const std::vector<Token>& t, std::size_t i, int year) {
    if (i >= t.size() || !may_start_date(t[i])) {
        return std::nullopt;
    }
    auto tok = [&](std::size_t k) -> std::string_view {
        return k < t.size() ? std::string_view(t[k].low) : std::string_view();
    };
    auto with_year = [&](Date d) {
        if (d.year == 0) {
            d.year = year;
        }
        return d;
    };
    // "từ (ngày) A đến|- (ngày) B" and "từ ngày 25-27/2"
    if (tok(i) == "từ") {
        std::size_t k = i + 1;
        if (is_time_word(tok(k))) {
            ++k;
        }
        if (k >= t.size() || !t[k].digit) {
            return std::nullopt;
        }
        std::string_view a = t[k].text;
        // "25-27/2" as one token
        std::size_t dash = a.find('-');
        if (dash != std::string_view::npos) {
            Date end;
            std::size_t pos = 0;
            int first_day = read_number(a, pos, 2);
            if (pos == dash && parse_day_month(a.substr(dash + 1), end) && first_day >= 1 &&
                first_day < end.day) {
                Date start = end;
                start.day = first_day;
                DateMatch m{iso(with_year(start)) + "/" + iso(with_year(end)), i, k + 1, true,
                            true};
                return m;
            }
        }
        Date start;
        bool start_full = parse_day_month(a, start);
        int start_day = 0;
        if (!start_full) {
            std::size_t pos = 0;
            start_day = read_number(a, pos, 2);
            if (pos != a.size() || start_day < 1 || start_day > 31) {
                return std::nullopt;
            }
        }
        std::size_t j = k + 1;
        if (tok(j) == "đến" || tok(j) == "-" || tok(j) == "–" || tok(j) == "tới") {
            ++j;
        } else {
            return std::nullopt;
        }
        if (is_time_word(tok(j))) {
            ++j;
        }
        Date end;
        if (j >= t.size() || !parse_day_month(t[j].text, end)) {
            return std::nullopt;
        }
        if (!start_full) {
            start = end;
            start.day = start_day;
            if (start_day >= end.day) {
                return std::nullopt;
            }
        }
        if (start.year == 0 && end.year != 0) {
            start.year = end.year;
        }
        DateMatch m{iso(with_year(start)) + "/" + iso(with_year(end)), i, j + 1, true, true};
        return m;
    }
    // "ngày 3/10", "sáng 25.5", "ngày 3 tháng 10 năm 2023"
    if (is_time_word(tok(i))) {
        std::size_t k = i + 1;
        if (tok(k) == "nay" || tok(k) == "qua" || tok(k) == "mai") {
            ++k;
        }
        if (is_time_word(tok(k))) {
            ++k;
        }
        if (k >= t.size() || !t[k].digit) {
            return std::nullopt;
        }
        Date d;
        if (parse_day_month(t[k].text, d)) {
            return DateMatch{iso(with_year(d)), i, k + 1, true, true};
        }
        std::size_t pos = 0;
        int day = read_number(t[k].text, pos, 2);
        if (pos == t[k].text.size() && day >= 1 && day <= 31 && tok(k + 1) == "tháng" &&
            k + 2 < t.size()) {
            int month = 0;
            int y = 0;
            if (parse_month_year(t[k + 2].text, month, y)) {
                std::size_t last = k + 3;
                if (y == 0 && tok(k + 3) == "năm" && k + 4 < t.size()) {
                    std::size_t p2 = 0;
                    int yy = read_number(t[k + 4].text, p2, 4);
                    if (p2 == t[k + 4].text.size() && valid_year(yy)) {
                        y = yy;
                        last = k + 5;
                    }
                }
                if (day <= days_in(month)) {
                    return DateMatch{iso(with_year(Date{y, month, day, 0})), i, last, true, true};
                }
            }
        }
        return std::nullopt;
    }
    // "tháng 5", "tháng 5/2018", "tháng 6.2012", "tháng 5 năm 2018"
    if (tok(i) == "tháng" && i + 1 < t.size() && t[i + 1].digit) {
        int month = 0;
        int y = 0;
        if (!parse_month_year(t[i + 1].text, month, y)) {
            return std::nullopt;
        }
        std::size_t last = i + 2;
        if (y == 0 && tok(i + 2) == "năm" && i + 3 < t.size()) {
            std::size_t p2 = 0;
            int yy = read_number(t[i + 3].text, p2, 4);
            if (p2 == t[i + 3].text.size() && valid_year(yy)) {
                y = yy;
                last = i + 4;
            }
        }
        return DateMatch{iso(with_year(Date{y, month, 0, 0})), i, last, false, true};
    }
    // "quý IV/2023", "quý IV năm 2023", "quý I"
    if (tok(i) == "quý" && i + 1 < t.size()) {
        std::string_view q = t[i + 1].text;
        int y = 0;
        std::size_t slash = q.find('/');
        if (slash != std::string_view::npos) {
            std::size_t p2 = slash + 1;
            y = read_number(q, p2, 4);
            if (p2 != q.size() || !valid_year(y)) {
                return std::nullopt;
            }
            q = q.substr(0, slash);
        }
        int n = roman(q);
        if (n < 1 || n > 4) {
            return std::nullopt;
        }
        std::size_t last = i + 2;
        if (y == 0 && tok(i + 2) == "năm" && i + 3 < t.size()) {
            std::size_t p2 = 0;
            int yy = read_number(t[i + 3].text, p2, 4);
            if (p2 == t[i + 3].text.size() && valid_year(yy)) {
                y = yy;
                last = i + 4;
            }
        }
        if (y == 0) {
            y = year;
        }
        if (y == 0) {
            return std::nullopt;
        }
        return DateMatch{iso(Date{y, 0, 0, n}), i, last, false, false};
    }
    // "năm 2020"
    if (tok(i) == "năm" && i + 1 < t.size() && t[i + 1].digit) {
        std::size_t p2 = 0;
        int y = read_number(t[i + 1].text, p2, 4);
        if (p2 == t[i + 1].text.size() && valid_year(y)) {
            return DateMatch{iso(Date{y, 0, 0, 0}), i, i + 2, false, false};
        }
        return std::nullopt;
    }
    // "3/10/2023" with its year
    if (i < t.size() && t[i].digit) {
        Date d;
        if (parse_day_month(t[i].text, d) && d.year != 0) {
            return DateMatch{iso(d), i, i + 1, true, true};
        }
    }
    return std::nullopt;
}

} // namespace vnkg::extract
