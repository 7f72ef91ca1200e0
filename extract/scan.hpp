// Low-level text scanning for the extractors: UTF-8 code points, Vietnamese case folding
// without ICU (fast, table-free for the Latin blocks Vietnamese uses), tokens and sentences.
// Everything works on normalised text (graph::normalise_text) and hands on string_views into it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnkg::extract {

/// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it (U+FFFD for a
/// stray or truncated byte: the reader validates UTF-8, so this only guards).
inline char32_t next_code_point(std::string_view s, std::size_t& pos) {
    auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra == 0 || pos + extra >= s.size()) {
        ++pos;
        return 0xFFFD;
    }
    char32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : (c & 0x1F);
    for (int i = 1; i <= extra; ++i) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[pos + i]) & 0x3F);
    }
    pos += extra + 1;
    return cp;
}

/// Appends the UTF-8 form of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// True for an upper-case letter of the Latin blocks Vietnamese uses (ASCII, Latin-1,
/// Latin Extended-A/B, Latin Extended Additional).
inline bool is_upper(char32_t cp) {
    if (cp < 0x80) {
        return cp >= 'A' && cp <= 'Z';
    }
    if (cp >= 0xC0 && cp <= 0xDE) {
        return cp != 0xD7;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        return cp % 2 == 0; // Latin Extended-A pairs upper and lower as even and odd
    }
    if (cp == 0x1A0 || cp == 0x1AF) {
        return true;
    }
    return cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0;
}

/// Lower case of a letter of those blocks; other code points are returned unchanged.
inline char32_t to_lower(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    }
    return is_upper(cp) ? cp + (cp < 0x100 ? 32 : 1) : cp;
}

/// True for a letter of those blocks (either case), a combining mark, or any other code point
/// above U+024F that is not punctuation or a symbol.
inline bool is_letter(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    }
    if (cp >= 0xC0 && cp <= 0x24F) {
        return cp != 0xD7 && cp != 0xF7;
    }
    if (cp >= 0x300 && cp <= 0x36F) {
        return true;
    }
    if (cp >= 0x1E00 && cp <= 0x1EFF) {
        return true;
    }
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)) {
        return false;
    }
    return cp > 0x24F && cp != 0xFFFD;
}

/// Lower-cases a UTF-8 string.
std::string lower(std::string_view s);

/// Lower-cases a UTF-8 string where it stands.
void lower_in_place(std::string& s);

/// One token of a sentence: a word (letters and digits, with inner dots, slashes and dashes as
/// in "05-CT/TW", "3/10/2023", "TP.HCM") or one punctuation mark.
struct Token {
    std::string_view text;
    std::string low;       ///< lower case
    bool word = false;     ///< starts with a letter or digit
    bool cap = false;      ///< first letter upper case
    bool all_caps = false; ///< two or more letters, all upper case
    bool digit = false;    ///< starts with a digit
    int id = -1;           ///< the lexicons' id of `low` (Lexicon::assign_ids), -1 if none
    std::size_t begin = 0; ///< byte offset in the sentence
    std::size_t end = 0;
};

/// Splits a sentence into tokens, stopping after `max_words` word tokens.
std::vector<Token> tokenise(std::string_view sentence, std::size_t max_words = SIZE_MAX);

/// A sentence of the article and the paragraph (line) it belongs to.
struct SentenceSpan {
    std::string_view text;
    std::size_t paragraph = 0;
};

/// Splits text into sentences: at line ends, and after ". ", "! ", "? ", "…" followed by an
/// upper-case letter or a quote, but not after abbreviations and initials (an all-capitals
/// word of at most four letters, "ThS" or "Tp" before the dot: "TP.", "TX.", "T.") nor inside
/// numbers and dates ("3.10", "21.245").
std::vector<SentenceSpan> split_sentences(std::string_view text);

/// Trims ASCII white space and the punctuation " ,;:-–—" from both ends.
std::string_view trim_punct(std::string_view s);

/// Trims white space.
std::string_view trim(std::string_view s);

} // namespace vnkg::extract
