// The extractors' lexicons: the gazetteer (provinces before and after 1 July 2025, districts),
// titles, honorifics, ranks, surnames, body heads, sectors, document kinds, issuers, meeting
// words, stop words and abbreviations. They are data files of extract/lexicon/ (see its
// README), compiled in and loaded at run time, to which a user's own folder adds entries.
#pragma once

#include "extract/scan.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vnkg::extract {

/// One lexicon file as compiled into the program: its name and its content.
struct LexiconFile {
    std::string_view name;
    std::string_view content;
};

/// The lexicon files of extract/lexicon/ as they were when the program was built.
const std::vector<LexiconFile>& embedded_lexicon_files();

/// The lower-case words of every lexicon, numbered, so that matching compares integers: a
/// token's `id` is looked up once (Lexicon::assign_ids) and every table then indexes by it.
class Vocabulary {
  public:
    /// The id of `word` (lower case), adding it when new.
    int intern(std::string_view word);
    /// The id of `word`, or -1.
    int find(std::string_view word) const;
    std::size_t size() const { return words_.size(); }

  private:
    static std::uint64_t hash(std::string_view word);
    /// The slot that holds `word`, or the empty slot where it would go.
    std::size_t slot_of(std::string_view word, std::uint64_t h) const;

    std::vector<std::string> words_;    ///< by id
    std::vector<std::uint64_t> hashes_; ///< by id
    std::vector<int> slots_;            ///< open addressing, a power of two long; -1 is empty
};

/// Multi-word phrases matched against tokens by their lower-case form, longest first. The
/// phrases form a trie over word ids, so a match walks one step per token whatever the number
/// of phrases that share a first word ("ban ...", "hội nghị ...").
class PhraseTable {
  public:
    /// Adds `phrase` (tokenised and lower-cased, its words interned in `vocabulary`) with a
    /// payload. A phrase added twice keeps its first payload.
    void add(std::string_view phrase, int value, Vocabulary& vocabulary);

    /// The longest phrase that starts at `tokens[i]` (whose ids are assigned): its length in
    /// tokens and its payload, or {0, -1}.
    std::pair<std::size_t, int> match(const std::vector<Token>& tokens, std::size_t i) const {
        if (i >= tokens.size() || tokens[i].id < 0 ||
            static_cast<std::size_t>(tokens[i].id) >= roots_.size() ||
            roots_[static_cast<std::size_t>(tokens[i].id)] < 0) {
            return {0, -1};
        }
        return walk(tokens, i);
    }

    bool empty() const { return nodes_.empty(); }

  private:
    struct TrieNode {
        std::vector<std::pair<int, int>> next; ///< (word id, node index)
        int value = 0;
        bool terminal = false; ///< a phrase ends here, with `value`
    };
    std::pair<std::size_t, int> walk(const std::vector<Token>& tokens, std::size_t i) const;

    std::vector<int> roots_; ///< node index by the first word's id, -1 for none
    std::vector<TrieNode> nodes_;
};

/// A province or centrally-run city of the gazetteer.
struct ProvinceInfo {
    std::string name; ///< short name, canonical tones ("Hòa Bình")
    std::string code;
    std::string type; ///< "Tỉnh" or "Thành phố"
    bool post_2025 = false;
    std::string successor;           ///< for a province before 2025: the code it merged into
    std::vector<std::string> merged; ///< for one after: the codes it took in
};

/// A district-level unit before July 2025 and the provinces a unit of that name lies in.
struct DistrictInfo {
    std::string name;
    std::vector<std::string> types;     ///< "Huyện", "Quận", "Thị xã", "Thành phố"
    std::vector<std::string> provinces; ///< province short names, one per unit of this name
};

/// How an organisation head takes its place or parent (bodies.tsv).
enum class BodyClass { national, board, committee, local, sector };

struct Body {
    std::string name; ///< canonical spelling
    BodyClass cls = BodyClass::national;
    std::string canonical; ///< the name to write when the text's form differs, or empty
};

/// An issuer of documents and the code suffix a bare number completes with (issuers.tsv).
struct Issuer {
    std::string name;
    std::string suffix;
    bool party = true;  ///< NUMBER-KIND/SUFFIX, else NUMBER/KIND-SUFFIX
    bool local = false; ///< codes unique only within a province
};

/// A kind of document and the letters its codes use (document_kinds.tsv).
struct DocumentKind {
    std::string name;
    std::vector<std::string> letters;
};

class Lexicon {
  public:
    /// Loads the compiled-in files, then every file of `user_dir` (when not empty) with a
    /// known name, adding its entries. Throws std::runtime_error naming the file and line of a
    /// malformed entry, or a folder that cannot be read.
    explicit Lexicon(const std::string& user_dir = {});

    /// Adds the entries of one file, known by its name ("titles.txt"). Unknown names are
    /// ignored. Throws std::runtime_error("NAME:LINE: reason") on a malformed line.
    void load(std::string_view name, std::string_view content);

    /// Sets each token's `id` from the vocabulary (-1 for words no lexicon uses).
    void assign_ids(std::vector<Token>& tokens) const;

    /// True when `t` is written with a capital and its lower-case form is in `words`.
    static bool capitalised_in(const Token& t, const std::vector<bool>& words) {
        return t.cap && t.id >= 0 && static_cast<std::size_t>(t.id) < words.size() &&
               words[static_cast<std::size_t>(t.id)];
    }
    bool is_surname(const Token& t) const { return capitalised_in(t, surname_ids); }
    bool is_non_name(const Token& t) const { return capitalised_in(t, non_name_ids); }
    bool is_name_break(const Token& t) const { return capitalised_in(t, name_break_ids); }

    Vocabulary vocabulary;
    std::vector<bool> surname_ids;    ///< by word id
    std::vector<bool> non_name_ids;   ///< by word id
    std::vector<bool> name_break_ids; ///< by word id

    // Gazetteer
    std::vector<ProvinceInfo> provinces;
    PhraseTable province_names; ///< payload: index into provinces (the pre-2025 one first)
    std::unordered_map<std::string, std::size_t> province_by_name; ///< lower name -> pre index
    std::unordered_map<std::string, std::size_t> province_by_code; ///< code -> pre index
    std::unordered_map<std::string, std::size_t> post_by_code;     ///< code -> post index
    std::set<std::string, std::less<>> marked_places; ///< need "tỉnh"/"thành phố" before them
    PhraseTable countries; ///< foreign places: never persons, never provinces
    std::vector<DistrictInfo> districts;
    PhraseTable district_names; ///< payload: index into districts
    std::unordered_map<std::string, std::size_t> district_by_name; ///< lower name -> index

    // People
    std::set<std::string, std::less<>> surnames;       ///< as written, canonical tones
    std::set<std::string, std::less<>> non_name_words; ///< as written
    PhraseTable honorifics;
    PhraseTable titles;
    PhraseTable ranks;
    PhraseTable stop_words; ///< matched on lower-case tokens only

    // Bodies and documents
    std::vector<Body> bodies;
    PhraseTable body_names; ///< payload: index into bodies
    std::vector<std::string> sectors;
    PhraseTable sector_names; ///< payload: index into sectors
    std::unordered_map<std::string, std::vector<std::string>> abbreviations; ///< -> tokens
    std::vector<DocumentKind> document_kinds;
    PhraseTable document_kind_names; ///< payload: index into document_kinds
    std::map<std::string, std::string, std::less<>> kind_by_letters; ///< "CT" -> "Chỉ thị"
    std::vector<Issuer> issuers;
    PhraseTable issuer_names;                                ///< payload: index into issuers
    std::map<std::string, bool, std::less<>> local_suffixes; ///< "TU" -> true

    // Events
    std::vector<std::pair<std::string, std::string>> meeting_words; ///< head, kind
    PhraseTable meeting_heads;           ///< payload: index into meeting_words
    PhraseTable event_acts;              ///< what an event does, after "và" in its name
    std::vector<std::string> role_names; ///< chair, head, speaker, participant
    PhraseTable roles;                   ///< payload: index into role_names
};

} // namespace vnkg::extract
