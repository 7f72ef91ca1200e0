#include "extract/scan.hpp"

namespace vnkg::extract {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void lower_in_place(std::string& s) {
    // Every letter this folds keeps its UTF-8 length in lower case (A-Z, Latin-1, Latin
    // Extended-A and the Vietnamese block each map within themselves), so bytes are rewritten
    // where they stand.
    std::size_t pos = 0;
    while (pos < s.size()) {
        auto c = static_cast<unsigned char>(s[pos]);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') {
                s[pos] = static_cast<char>(c + 32);
            }
            ++pos;
            continue;
        }
        std::size_t at = pos;
        char32_t cp = next_code_point(s, pos);
        if (!is_upper(cp)) {
            continue;
        }
        char32_t low = to_lower(cp);
        if (pos - at == 2 && low < 0x800) {
            s[at] = static_cast<char>(0xC0 | (low >> 6));
            s[at + 1] = static_cast<char>(0x80 | (low & 0x3F));
        } else if (pos - at == 3 && low >= 0x800 && low < 0x10000) {
            s[at] = static_cast<char>(0xE0 | (low >> 12));
            s[at + 1] = static_cast<char>(0x80 | ((low >> 6) & 0x3F));
            s[at + 2] = static_cast<char>(0x80 | (low & 0x3F));
        }
    }
}

std::string lower(std::string_view s) {
    std::string out(s);
    lower_in_place(out);
    return out;
}

namespace {

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }

// Characters that may sit inside a word when letters or digits follow them.
bool is_inner(char32_t cp) {
    return cp == '.' || cp == '/' || cp == '-' || cp == '&' || cp == '\'' || cp == ',' ||
           cp == 0x2019;
}

bool is_word_char(char32_t cp) { return is_letter(cp) || is_digit(cp); }

} // namespace

std::vector<Token> tokenise(std::string_view s, std::size_t max_words) {
    std::vector<Token> out;
    out.reserve(s.size() / 5 + 1);
    std::size_t words = 0;
    std::size_t pos = 0;
    while (pos < s.size() && words < max_words) {
        std::size_t start = pos;
        char32_t cp = next_code_point(s, pos);
        if (is_space(cp)) {
            continue;
        }
        Token& t = out.emplace_back();
        t.begin = start;
        bool lower_needed = false;
        if (is_word_char(cp)) {
            bool starts_digit = is_digit(cp);
            // One pass finds the end and counts letters and capitals; `low` is made after.
            int letters = 0;
            int uppers = 0;
            bool cap = false;
            auto count = [&](char32_t c) {
                if (is_letter(c)) {
                    ++letters;
                    if (is_upper(c)) {
                        ++uppers;
                        cap = cap || letters == 1;
                    }
                }
            };
            count(cp);
            std::size_t end = pos;
            while (end < s.size()) {
                auto b = static_cast<unsigned char>(s[end]);
                if (b >= 'a' && b <= 'z') {
                    ++letters;
                    ++end;
                    continue;
                }
                if (b >= '0' && b <= '9') {
                    ++end;
                    continue;
                }
                if (b >= 'A' && b <= 'Z') {
                    ++letters;
                    ++uppers;
                    cap = cap || letters == 1;
                    ++end;
                    continue;
                }
                // Vietnamese letters, decoded in place: U+00C0 to U+01BF (two bytes, but × and
                // ÷) and U+1E80 to U+1EFF (three bytes).
                if (b >= 0xC3 && b <= 0xC6 && end + 1 < s.size()) {
                    auto c = static_cast<char32_t>(((b & 0x1F) << 6) |
                                                   (static_cast<unsigned char>(s[end + 1]) & 0x3F));
                    if (c != 0xD7 && c != 0xF7) {
                        count(c);
                        end += 2;
                        continue;
                    }
                }
                if (b == 0xE1 && end + 2 < s.size() &&
                    (static_cast<unsigned char>(s[end + 1]) == 0xBA ||
                     static_cast<unsigned char>(s[end + 1]) == 0xBB)) {
                    auto c = static_cast<char32_t>(
                        0x1000 | ((static_cast<unsigned char>(s[end + 1]) & 0x3F) << 6) |
                        (static_cast<unsigned char>(s[end + 2]) & 0x3F));
                    count(c);
                    end += 3;
                    continue;
                }
                std::size_t p = end;
                char32_t c = next_code_point(s, p);
                if (is_word_char(c)) {
                    count(c);
                    end = p;
                    continue;
                }
                if (is_inner(c) && p < s.size()) {
                    std::size_t q = p;
                    char32_t d = next_code_point(s, q);
                    // A comma stays inside numbers only ("21,5"); other marks join words and
                    // numbers ("05-CT/TW", "TP.HCM", "3/10").
                    bool join = c == ',' ? (starts_digit && is_digit(d)) : is_word_char(d);
                    if ((c == '-' || c == '/') && !starts_digit && !is_digit(d)) {
                        // "Bà Rịa-Vũng Tàu", "An Đăng/TTXVN" and "VOV-Trung tâm" split;
                        // "VH-TT&DL" is one: capitals on both sides.
                        bool caps_after = true;
                        std::size_t r = p;
                        while (r < s.size()) {
                            std::size_t r2 = r;
                            char32_t e = next_code_point(s, r2);
                            if (!is_word_char(e) && e != '&') {
                                break;
                            }
                            caps_after = caps_after && !(is_letter(e) && !is_upper(e));
                            r = r2;
                        }
                        join = join && letters == uppers && caps_after;
                    }
                    if (join) {
                        count(c);
                        count(d);
                        end = q;
                        continue;
                    }
                }
                break;
            }
            pos = end;
            lower_needed = uppers > 0;
            t.cap = cap;
            t.word = true;
            t.digit = starts_digit;
            t.all_caps = letters >= 2 && uppers == letters;
            ++words;
        }
        t.end = pos;
        t.text = s.substr(t.begin, t.end - t.begin);
        t.low.assign(t.text);
        if (lower_needed) {
            lower_in_place(t.low);
        }
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
        s.remove_suffix(1);
    }
    return s;
}

std::string_view trim_punct(std::string_view s) {
    auto strip_front = [](std::string_view& v) {
        for (std::string_view p :
             {" ", ",", ";", ":", "-", "\t", "\xE2\x80\x93", "\xE2\x80\x94", ".", "\n"}) {
            if (v.substr(0, p.size()) == p) {
                v.remove_prefix(p.size());
                return true;
            }
        }
        return false;
    };
    auto strip_back = [](std::string_view& v) {
        for (std::string_view p :
             {" ", ",", ";", ":", "-", "\t", "\xE2\x80\x93", "\xE2\x80\x94", "\n"}) {
            if (v.size() >= p.size() && v.substr(v.size() - p.size()) == p) {
                v.remove_suffix(p.size());
                return true;
            }
        }
        return false;
    };
    while (strip_front(s)) {
    }
    while (strip_back(s)) {
    }
    return s;
}

namespace {

// True when the word that ends at `dot` (the position of a '.') is an abbreviation or an
// initial, so that the dot does not end the sentence.
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0) {
        unsigned char c = static_cast<unsigned char>(text[b - 1]);
        if (c == ' ' || c == '\n' || c == '(' || c == '.' || c == ',') {
            break;
        }
        --b;
    }
    std::string_view w = text.substr(b, dot - b);
    if (w.empty()) {
        return false;
    }
    std::size_t p = 0;
    int letters = 0;
    bool caps = true;
    while (p < w.size()) {
        char32_t c = next_code_point(w, p);
        if (!is_letter(c)) {
            return false;
        }
        ++letters;
        caps = caps && is_upper(c);
    }
    if (letters == 1) {
        return true;
    }
    return (caps && letters <= 4) || w == "ThS" || w == "Tp" || w == "Th";
}

} // namespace

std::vector<SentenceSpan> split_sentences(std::string_view text) {
    std::vector<SentenceSpan> out;
    std::size_t paragraph = 0;
    std::size_t line_start = 0;
    auto emit = [&](std::size_t a, std::size_t b) {
        std::string_view s = trim(text.substr(a, b - a));
        if (!s.empty()) {
            out.push_back({s, paragraph});
        }
    };
    while (line_start <= text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) {
            line_end = text.size();
        }
        std::size_t start = line_start;
        std::size_t pos = line_start;
        while (pos < line_end) {
            char c = text[pos];
            std::size_t mark_end = 0;
            if (c == '.' || c == '!' || c == '?') {
                mark_end = pos + 1;
            } else if (static_cast<unsigned char>(c) == 0xE2 &&
                       text.compare(pos, 3, "\xE2\x80\xA6") == 0) { // …
                mark_end = pos + 3;
            }
            if (mark_end == 0) {
                ++pos;
                continue;
            }
            // Absorb runs like "...", "./.", ".”" before looking at what follows.
            std::size_t e = mark_end;
            while (e < line_end && (text[e] == '.' || text[e] == '/' || text[e] == '!' ||
                                    text[e] == '?' || text[e] == '"' || text[e] == ')')) {
                ++e;
            }
            while (e < line_end && text.compare(e, 3, "\xE2\x80\x9D") == 0) { // ”
                e += 3;
            }
            if (e >= line_end || text[e] != ' ') {
                pos = e > pos ? e : pos + 1;
                continue;
            }
            std::size_t n = e;
            while (n < line_end && text[n] == ' ') {
                ++n;
            }
            if (n >= line_end) {
                pos = n;
                continue;
            }
            std::size_t q = n;
            char32_t next = next_code_point(text, q);
            bool opens = is_upper(next) || next == '"' || next == 0x201C || next == '(' ||
                         (next >= '0' && next <= '9' && c != '.');
            if (c == '.' && mark_end == pos + 1 && abbreviation_before(text, pos)) {
                opens = false;
            }
            if (opens) {
                emit(start, e);
                start = n;
            }
            pos = n;
        }
        emit(start, line_end);
        ++paragraph;
        if (line_end == text.size()) {
            break;
        }
        line_start = line_end + 1;
    }
    return out;
}

} // namespace vnkg::extract
