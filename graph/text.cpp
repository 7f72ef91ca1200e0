#include "graph/text.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <stdexcept>

namespace vnkg::graph {

namespace {

/// Decodes the code point at `i` (valid UTF-8 assumed) and advances `i`.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    UChar32 c = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT_UNSAFE(reinterpret_cast<const uint8_t*>(s.data()), pos, c);
    i = static_cast<std::size_t>(pos);
    return static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
        return;
    }
    std::array<uint8_t, 4> buf{};
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf.data(), len, static_cast<UChar32>(c));
    out.append(reinterpret_cast<const char*>(buf.data()), static_cast<std::size_t>(len));
}

const icu::Normalizer2& nfc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
        throw std::runtime_error("ICU NFC normaliser is unavailable");
    }
    return *n;
}

const icu::Normalizer2& nfd() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
        throw std::runtime_error("ICU NFD normaliser is unavailable");
    }
    return *n;
}

/// Composes `text` to NFC into `out` and returns true, or returns false when it already is NFC
/// (the common case, which then costs no copy).
bool compose_nfc(std::string_view text, std::string& out) {
    const icu::Normalizer2& n = nfc();
    UErrorCode status = U_ZERO_ERROR;
    icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
    if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
        return false;
    }
    status = U_ZERO_ERROR;
    out.reserve(text.size());
    icu::StringByteSink<std::string> sink(&out);
    n.normalizeUTF8(0, piece, sink, nullptr, status);
    if (U_FAILURE(status)) {
        throw std::runtime_error("text could not be normalised to NFC");
    }
    return true;
}

bool is_odd_space(char32_t c) {
    return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0x1680 || c == 0x0085 || c == '\t' || c == '\v' || c == '\f';
}

bool is_invisible(char32_t c) {
    return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

// Old-style placements: the tone sits on o/u before a/e/y at a word's end. Rows: the toned second
// vowel, then the same tone on the first vowel. Lower case; upper case is derived with u_toupper.
struct TonePair {
    char32_t first;       // o or u
    char32_t toned_second; // à, é, ỷ ...
    char32_t toned_first;  // ò, ó, ủ ...
    char32_t second;       // a, e, y
};

constexpr std::array<TonePair, 15> kTonePairs{{
    {U'o', U'à', U'ò', U'a'}, {U'o', U'á', U'ó', U'a'}, {U'o', U'ả', U'ỏ', U'a'},
    {U'o', U'ã', U'õ', U'a'}, {U'o', U'ạ', U'ọ', U'a'}, {U'o', U'è', U'ò', U'e'},
    {U'o', U'é', U'ó', U'e'}, {U'o', U'ẻ', U'ỏ', U'e'}, {U'o', U'ẽ', U'õ', U'e'},
    {U'o', U'ẹ', U'ọ', U'e'}, {U'u', U'ỳ', U'ù', U'y'}, {U'u', U'ý', U'ú', U'y'},
    {U'u', U'ỷ', U'ủ', U'y'}, {U'u', U'ỹ', U'ũ', U'y'}, {U'u', U'ỵ', U'ụ', U'y'},
}};

const TonePair* find_tone_pair(char32_t first, char32_t second) {
    char32_t f = static_cast<char32_t>(u_tolower(static_cast<UChar32>(first)));
    char32_t s = static_cast<char32_t>(u_tolower(static_cast<UChar32>(second)));
    for (const TonePair& p : kTonePairs) {
        if (p.first == f && p.toned_second == s) {
            return &p;
        }
    }
    return nullptr;
}

char32_t with_case_of(char32_t c, char32_t model) {
    return u_isupper(static_cast<UChar32>(model))
               ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)))
               : c;
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; }

std::u32string decode(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        out.push_back(next_code_point(s, i));
    }
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    out.reserve(s.size());
    for (char32_t c : s) {
        append_utf8(out, c);
    }
    return out;
}

/// Collapses white space runs to one space and trims; used on short names.
std::string squeeze_spaces(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {
            ++i;
            continue;
        }
        int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            if (bad_offset != nullptr) {
                *bad_offset = static_cast<std::size_t>(start);
            }
            return false;
        }
    }
    return true;
}

namespace {

/// Moves old-style tone marks of `text` into `out` and returns true, or returns false when
/// there is none to move (and leaves `out` alone).
bool rewrite_tones(std::string_view text, std::string& out) {
    // Scans the UTF-8 bytes: only an ASCII o/O/u/U followed by a non-ASCII letter can start an
    // old-style pair, so most text is passed over without decoding.
    std::size_t copied = 0;
    bool changed = false;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        char c = text[i];
        char low = static_cast<char>(c | 0x20); // o and u, either case
        if ((low != 'o' && low != 'u') || (static_cast<unsigned char>(text[i + 1]) & 0x80) == 0) {
            continue;
        }
        std::size_t after = i + 1;
        char32_t second = next_code_point(text, after);
        const TonePair* pair = find_tone_pair(static_cast<char32_t>(c), second);
        if (pair == nullptr) {
            continue;
        }
        if (after < text.size()) {
            std::size_t peek = after;
            if (is_letter(next_code_point(text, peek))) {
                continue; // hoàng, toàn: the mark is already where it belongs
            }
        }
        if (pair->first == U'u' && i > 0 && (text[i - 1] == 'q' || text[i - 1] == 'Q')) {
            continue; // quý: u belongs to the consonant qu
        }
        if (!changed) {
            out.clear();
            out.reserve(text.size());
            changed = true;
        }
        out.append(text.substr(copied, i - copied));
        append_utf8(out, with_case_of(pair->toned_first, static_cast<char32_t>(c)));
        append_utf8(out, with_case_of(pair->second, second));
        copied = after;
        i = after - 1;
    }
    if (changed) {
        out.append(text.substr(copied));
    }
    return changed;
}

} // namespace

std::string canonical_tones(std::string_view text) {
    std::string out;
    return rewrite_tones(text, out) ? out : std::string(text);
}

std::string normalise_text(std::string_view text) {
    std::string composed;
    std::string_view s = compose_nfc(text, composed) ? std::string_view(composed) : text;
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") {
        i = 3;
    }
    while (i < s.size()) {
        // Runs of bytes that stay as they are are copied whole: ASCII other than \r, \t, \v,
        // \f, and the letters of Vietnamese (U+00C0 to U+07FF, U+1E80 to U+1EFF), among which
        // there is no space or invisible character.
        std::size_t run = i;
        while (run < s.size()) {
            auto b = static_cast<unsigned char>(s[run]);
            if (b < 0x80) {
                if (b == '\r' || b == '\t' || b == '\v' || b == '\f') {
                    break;
                }
                ++run;
            } else if (b >= 0xC3 && b <= 0xDF && run + 1 < s.size()) {
                run += 2;
            } else if (b == 0xE1 && run + 2 < s.size() &&
                       (static_cast<unsigned char>(s[run + 1]) == 0xBA ||
                        static_cast<unsigned char>(s[run + 1]) == 0xBB)) {
                run += 3;
            } else {
                break;
            }
        }
        out.append(s.data() + i, run - i);
        i = run;
        if (i >= s.size()) {
            break;
        }
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) {
            if (byte == '\r') {
                out.push_back('\n');
                ++i;
                if (i < s.size() && s[i] == '\n') {
                    ++i;
                }
                continue;
            }
            out.push_back(' '); // \t, \v, \f
            ++i;
            continue;
        }
        std::size_t start = i;
        char32_t c = next_code_point(s, i);
        if (is_invisible(c)) {
            continue;
        }
        if (is_odd_space(c)) {
            out.push_back(' ');
            continue;
        }
        if (c == 0x2028 || c == 0x2029) {
            out.push_back('\n');
            continue;
        }
        out.append(s.data() + start, i - start);
    }
    std::string toned;
    return rewrite_tones(out, toned) ? toned : out;
}

std::string name_key(std::string_view name) {
    std::string normal = normalise_text(name);
    std::u32string s = decode(normal);
    std::u32string lower;
    lower.reserve(s.size());
    for (char32_t c : s) {
        lower.push_back(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
    }
    std::string squeezed = squeeze_spaces(encode(lower));
    // Spaces around dashes do not tell names apart: "Bà Rịa - Vũng Tàu" = "Bà Rịa-Vũng Tàu".
    std::string out;
    out.reserve(squeezed.size());
    for (std::size_t i = 0; i < squeezed.size(); ++i) {
        if (squeezed[i] == ' ' && i + 1 < squeezed.size() && squeezed[i + 1] == '-') {
            continue;
        }
        out.push_back(squeezed[i]);
        if (squeezed[i] == '-' && i + 1 < squeezed.size() && squeezed[i + 1] == ' ') {
            ++i;
        }
    }
    return out;
}

std::string fold(std::string_view text) {
    if (!is_valid_utf8(text)) {
        return {};
    }
    const icu::Normalizer2& n = nfd();
    UErrorCode status = U_ZERO_ERROR;
    std::string decomposed;
    icu::StringByteSink<std::string> sink(&decomposed);
    n.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                    nullptr, status);
    if (U_FAILURE(status)) {
        return {};
    }
    std::string out;
    out.reserve(decomposed.size());
    for (std::size_t i = 0; i < decomposed.size();) {
        char32_t c = next_code_point(decomposed, i);
        if (u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
            u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) {
            continue;
        }
        if (c == U'đ' || c == U'Đ') {
            c = U'd';
        }
        if (is_odd_space(c) || c == '\n' || c == '\r') {
            c = ' ';
        }
        append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c),
                                                           U_FOLD_CASE_DEFAULT)));
    }
    return squeeze_spaces(out);
}

} // namespace vnkg::graph
