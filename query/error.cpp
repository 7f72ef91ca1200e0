#include "query/error.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace vnkg::query {

namespace {

std::u32string decode(std::string_view s) {
    std::u32string out;
    int32_t i = 0;
    auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(s.data(), i, n, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

int char_width(UChar32 c) {
    if (c < 0) {
        return 1;
    }
    auto type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
        c == 0x200B) {
        return 0;
    }
    if (type == U_CONTROL_CHAR) {
        return c == '\t' ? 1 : 0;
    }
    auto ea = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
    return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

} // namespace

Span cover(Span a, Span b) {
    std::size_t start = std::min(a.offset, b.offset);
    std::size_t end = std::max(a.offset + a.length, b.offset + b.length);
    return Span{start, end - start};
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    int32_t i = 0;
    auto n = static_cast<int32_t>(text.size());
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, n, c);
        width += static_cast<std::size_t>(char_width(c));
    }
    return width;
}

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    std::size_t column = 1;
    int32_t i = static_cast<int32_t>(line_start);
    while (static_cast<std::size_t>(i) < offset) {
        UChar32 c = 0;
        U8_NEXT(text.data(), i, static_cast<int32_t>(offset), c);
        ++column;
    }
    return {line, column};
}

std::string format_message(std::string_view query, std::string_view message, Span span) {
    std::size_t offset = std::min(span.offset, query.size());
    auto [line, column] = line_column(query, offset);
    std::string out = "line " + std::to_string(line) + ", column " + std::to_string(column) +
                      ": " + std::string(message);
    std::size_t start = query.substr(0, offset).rfind('\n');
    start = start == std::string_view::npos ? 0 : start + 1;
    std::size_t end = query.find('\n', offset);
    if (end == std::string_view::npos) {
        end = query.size();
    }
    std::string_view text = query.substr(start, end - start);
    // Tabs show as spaces, other control characters (a NUL in a query file) as '?': one byte
    // for one, so offsets into the line stay those of the query.
    std::string shown;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        shown.push_back(c == '\t' ? ' ' : (u < 0x20 || u == 0x7f) ? '?' : c);
    }
    out += '\n';
    out += shown;
    out += '\n';
    std::string_view line_shown(shown);
    std::size_t pad = display_width(line_shown.substr(0, offset - start));
    std::size_t span_end = std::min(offset + span.length, end);
    std::size_t carets =
        span_end > offset ? display_width(line_shown.substr(offset - start, span_end - offset)) : 0;
    out.append(pad, ' ');
    out.append(std::max<std::size_t>(carets, 1), '^');
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::u32string x = decode(a);
    std::u32string y = decode(b);
    // Optimal string alignment: a swap of two neighbours counts as one edit (nmae -> name).
    std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
    for (std::size_t i = 0; i <= x.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= y.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= x.size(); ++i) {
        for (std::size_t j = 1; j <= y.size(); ++j) {
            std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[x.size()][y.size()];
}

std::string nearest(std::string_view word, const std::vector<std::string>& candidates) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    };
    std::string w = lower(word);
    std::size_t allowed = std::max<std::size_t>(1, decode(word).size() / 3);
    std::string best;
    std::size_t best_distance = allowed + 1;
    for (const std::string& c : candidates) {
        std::size_t d = edit_distance(w, lower(c));
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

} // namespace vnkg::query
