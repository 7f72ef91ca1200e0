// Text forms shared by every stage: the normalised text articles are stored and quoted in, the
// key form that decides when two names are "the same name", and the folded form used for search.
// All functions take and return UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace vnkg::graph {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
/// On failure `bad_offset` (if given) receives the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

/// Normalises article text: Unicode NFC, one tone placement (the mark on the main vowel:
/// `uỷ` -> `ủy`, `hoà` -> `hòa`, but `hoàng`, `quý` untouched), non-breaking and other odd spaces
/// folded to a plain space, zero-width characters and the BOM dropped, CRLF and CR to LF.
/// The input must be valid UTF-8.
std::string normalise_text(std::string_view text);

/// Moves old-style tone marks to the main vowel at word ends (`hoà` -> `hòa`, `Uỷ` -> `Ủy`).
/// Expects NFC input; normalise_text() already does this.
std::string canonical_tones(std::string_view text);

/// The form in which two names are the same: normalised, lower case, runs of white space as one
/// space, spaces around dashes removed, trimmed. Diacritics are kept: Vận and Văn differ.
std::string name_key(std::string_view name);

/// The form for search: lower case without diacritics, `đ` as `d`, runs of white space as one space,
/// trimmed (`Đào Hồng Vận` -> `dao hong van`).
std::string fold(std::string_view text);

} // namespace vnkg::graph
