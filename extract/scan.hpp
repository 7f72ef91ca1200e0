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

/// Decodes the code point at `pos` of valid UTF-8 and advances `pos` past it.
char32_t next_code_point(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 form of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Lower case of a Vietnamese letter (ASCII, Latin-1, Latin Extended-A/B, Latin Extended
/// Additional); other code points are returned unchanged.
char32_t to_lower(char32_t cp);

/// True for an upper-case letter of those blocks.
bool is_upper(char32_t cp);

/// True for a letter of those blocks (either case) or any code point above U+0250 that is not
/// punctuation we know of.
bool is_letter(char32_t cp);

/// Lower-cases a UTF-8 string.
std::string lower(std::string_view s);

/// One token of a sentence: a word (letters and digits, with inner dots, slashes and dashes as
/// in "05-CT/TW", "3/10/2023", "TP.HCM") or one punctuation mark.
struct Token {
    std::string_view text;
    std::string low;        ///< lower case
    bool word = false;      ///< starts with a letter or digit
    bool cap = false;       ///< first letter upper case
    bool all_caps = false;  ///< two or more letters, all upper case
    bool digit = false;     ///< starts with a digit
    int id = -1;            ///< the lexicons' id of `low` (Lexicon::assign_ids), -1 if none
    std::size_t begin = 0;  ///< byte offset in the sentence
    std::size_t end = 0;
};

/// Splits a sentence into tokens.
std::vector<Token> tokenise(std::string_view sentence);

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
