#include "extract/extractor.hpp"

#include "extract/dates.hpp"
#include "extract/lexicon.hpp"
#include "extract/scan.hpp"
#include "graph/text.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vnkg::extract {

namespace {

using namespace std::string_view_literals;

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
using Tokens = std::vector<Token>;

struct Sentence {
    std::string_view text;
    std::size_t paragraph = 0;
    Tokens toks; ///< abbreviations expanded ("UBND" is "Ủy ban nhân dân")
    Tokens raw;  ///< as written, when that differs from `toks`

    /// The tokens as written, with their ids.
    const Tokens& written() const { return raw.empty() ? toks : raw; }
};

bool is_sep(const Token& t) {
    return !t.word &&
           (t.text == ","sv || t.text == ";"sv || t.text == ":"sv || t.text == "("sv ||
            t.text == ")"sv || t.text == "-"sv || t.text == "\xE2\x80\x93"sv ||
            t.text == "\xE2\x80\x94"sv || t.text == "."sv || t.text == "|"sv || t.text == "\""sv ||
            t.text == "\xE2\x80\x9C"sv || t.text == "\xE2\x80\x9D"sv || t.text == "!"sv ||
            t.text == "?"sv || t.text == "\xE2\x80\xA6"sv || t.text == "["sv || t.text == "]"sv);
}

bool is_dash(const Token& t) {
    return t.text == "-"sv || t.text == "\xE2\x80\x93"sv || t.text == "\xE2\x80\x94"sv;
}

// Joins tokens [a, b) with single spaces, keeping commas and closing brackets tight.
std::string join(const Tokens& t, std::size_t a, std::size_t b) {
    std::string out;
    bool quoted = false;     // inside a quote, opened by " or “
    bool after_open = false; // the previous token opened a quote or a parenthesis
    for (std::size_t k = a; k < b && k < t.size(); ++k) {
        std::string_view x = t[k].text;
        bool quote_mark = x == "\""sv || x == "\xE2\x80\x9C"sv || x == "\xE2\x80\x9D"sv;
        bool closes_quote = quote_mark && quoted;
        bool closing =
            x == ","sv || x == ")"sv || x == "."sv || x == ";"sv || x == ":"sv || closes_quote;
        if (!out.empty() && !closing && !after_open) {
            out += ' ';
        }
        out += x;
        after_open = x == "("sv || (quote_mark && !quoted);
        if (quote_mark) {
            quoted = !quoted;
        }
    }
    return out;
}

// Title case of an all-capitals name ("THU YẾN" -> "Thu Yến").
std::string title_case(std::string_view s) {
    std::string out;
    std::size_t pos = 0;
    bool start = true;
    while (pos < s.size()) {
        char32_t c = next_code_point(s, pos);
        if (c == ' ') {
            start = true;
            out += ' ';
            continue;
        }
        char32_t l = to_lower(c);
        if (start) {
            // The upper case of a lower-case letter: the code point whose lower case it is.
            char32_t u = l;
            for (char32_t d : {char32_t{32}, char32_t{1}}) {
                if (l >= d && is_upper(l - d) && to_lower(l - d) == l) {
                    u = l - d;
                }
            }
            append_utf8(out, u);
        } else {
            append_utf8(out, l);
        }
        start = false;
    }
    return out;
}

int year_of(std::string_view iso_date) {
    if (iso_date.size() >= 4 && iso_date[0] >= '0' && iso_date[0] <= '9') {
        int y = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            if (iso_date[k] < '0' || iso_date[k] > '9') {
                return 0;
            }
            y = y * 10 + (iso_date[k] - '0');
        }
        return y;
    }
    return 0;
}

// A place found in text: a province, or a district and the province it lies in.
struct PlaceMatch {
    std::size_t len = 0;  ///< tokens used, marker included
    std::string province; ///< pre-2025 short name; empty when unknown (ambiguous)
    std::string district; ///< district-level name, or empty for a province
    std::string unit;     ///< "tỉnh", "thành phố", "huyện", "quận", "thị xã"
    std::vector<std::string> candidates; ///< provinces an ambiguous district may lie in
    std::size_t name_begin = 0;          ///< the place name's first token (after the marker)
};

// The place as the text writes it ("Thừa Thiên Huế", "Đăk Glei"), when that is a plain name;
// else the gazetteer's.
std::string written(const std::vector<Token>& t, std::size_t a, std::size_t b,
                    const std::string& canonical) {
    for (std::size_t k = a; k < b; ++k) {
        if (!t[k].word || !t[k].cap || t[k].all_caps ||
            t[k].text.find('.') != std::string_view::npos) {
            return canonical;
        }
    }
    return b > a ? join(t, a, b) : canonical;
}

/// Per-article extraction state.
class Run {
  public:
    Run(const Lexicon& lex, Article&& article) : lex_(lex) { out_.article = std::move(article); }

    Extraction run();

  private:
    // Pipeline steps
    void split();
    void find_header();
    void find_reference_year();
    std::string posted_date() const;
    void find_places();
    void find_persons(Sentence& s, std::size_t si);
    void find_authors();
    void find_bodies(Sentence& s);
    void find_positions(const Sentence& s);
    void keep_position_titles();
    void find_directives(Sentence& s);
    void find_meetings(Sentence& s, std::size_t si);
    std::size_t meeting_name_end(const Tokens& t, std::size_t i, std::size_t head_len) const;
    std::string opening_period(const Tokens& t, std::size_t before) const;
    std::string sentence_date(const Tokens& t, std::size_t skip_from, std::size_t skip_to,
                              bool month_ok) const;
    /// Rewrites a meeting's date (and the scope it is named by across articles) when a
    /// sentence states it after an earlier mention took the article's date.
    /// A meeting named only by its head ("hội nghị"), named after the headline when that
    /// describes it.
    std::string headline_named(const std::string& head) const;
    void restate_meeting_date(std::size_t meeting, const std::string& date,
                              const std::string& name = {});
    /// Adds a meeting, or returns the article's meeting it names again. `date_assumed`: the
    /// date is the article's, not one the sentence states.
    std::string add_meeting(const std::string& name, const std::string& kind,
                            const std::string& date, std::string_view sentence, std::size_t si,
                            bool date_assumed = false);

    // Helpers
    std::optional<PlaceMatch> place_at(const Tokens& t, std::size_t i, bool need_marker) const;
    std::string resolve(const PlaceMatch& p) const;
    std::string province_type(const std::string& province) const;
    std::size_t title_end(const Tokens& t, std::size_t i) const;
    bool title_head_at(const Tokens& t, std::size_t i) const;
    std::size_t name_run(const Tokens& t, std::size_t i) const;
    bool is_place_name(const Tokens& t, std::size_t i, std::size_t len) const;
    struct BodyMatch {
        std::size_t len = 0;
        std::string name;
        std::string qualifier; ///< the committee or place part ("Tỉnh ủy Hưng Yên", "tỉnh X")
        std::string province;
        std::string scope;
    };
    std::optional<std::string> sole_district(const std::string& unit) const;
    std::string local_province() const;
    bool unknown_name_at(const Tokens& t, std::size_t k) const;
    std::string add_body(const BodyMatch& m, std::string_view sentence);
    std::optional<BodyMatch> body_at(const Tokens& t, std::size_t i) const;
    std::optional<BodyMatch> parent_at(const Tokens& t, std::size_t i) const;
    std::optional<BodyMatch> committee_at(const Tokens& t, std::size_t i) const;
    std::optional<BodyMatch> place_qualifier(const Tokens& t, std::size_t i,
                                             const std::string& implicit_unit) const;

    std::string add_entity(const std::string& type, const std::string& name,
                           const std::string& scope, std::string_view sentence);
    void add_relation(const std::string& type, const std::string& from, const std::string& to,
                      graph::Properties props, std::string_view sentence);
    void add_title(const std::string& person_id, const std::string& title);
    std::string province_entity(const std::string& province, std::string_view sentence);

    const Lexicon& lex_;
    Extraction out_;
    std::string text_;
    std::vector<Sentence> sentences_;
    std::vector<std::string> sentence_province_; ///< the last province each sentence names
    std::size_t cur_sentence_ = 0;
    int year_ = 0;
    std::string published_;

    std::map<std::string, int> province_score_;
    std::vector<std::string> province_order_;
    std::map<std::string, std::map<std::string, int>> district_by_unit_; // unit -> name -> count
    std::map<std::string, std::string> district_province_;               // district -> province
    std::map<std::string, std::string> written_form_; // province -> as the text first wrote it
    std::string display(const std::string& province) const {
        auto it = written_form_.find(province);
        return it == written_form_.end() ? province : it->second;
    }

    std::vector<Entity> entities_;
    std::unordered_map<std::string, std::size_t> entity_index_;
    std::set<std::string> relation_keys_;
    std::set<std::string> known_person_names_;

    // Per sentence, filled by the passes and read by the meeting pass.
    struct PersonMention {
        std::size_t first = 0;
        std::size_t last = 0;
        std::size_t name_len = 0;
        std::string id;
        std::vector<std::string> titles;
        /// Where each title was written in the sentence: [first, last) and the title.
        std::vector<std::tuple<std::size_t, std::size_t, std::string>> title_spans;
    };
    struct BodyMention {
        std::size_t first = 0;
        std::size_t last = 0;
        std::string id;
    };
    std::vector<PersonMention> persons_here_;
    std::vector<BodyMention> bodies_here_;
    std::vector<std::pair<std::size_t, std::string>> directives_here_;

    // Meetings
    struct MeetingState {
        std::string id;
        std::string kind;
        std::size_t sentence = 0;
        bool date_assumed = false; ///< the article's date, no sentence gave one
    };
    std::vector<MeetingState> meetings_;
};

// ---------------------------------------------------------------------------------------------
// Splitting, header, dates

void Run::split() {
    text_ = out_.article.text;
    for (const SentenceSpan& span : split_sentences(text_)) {
        Sentence s;
        s.text = span.text;
        s.paragraph = span.paragraph;
        sentences_.push_back(std::move(s));
    }
    // Abbreviations are capitalised and short, or hold a dot ("UBND", "TP.", "T.Ư"); each is a
    // word of the vocabulary.
    auto candidate = [](const Token& t) {
        return t.word && t.cap && t.id >= 0 &&
               (t.all_caps || t.text.size() <= 4 || t.text.find('.') != std::string_view::npos);
    };
    // "TP.Hà Nội", "TX.Cửa Lò": an abbreviation written onto the next word is one token, which
    // the vocabulary does not know; its parts are read as if a space followed the dot.
    auto glued = [this](const Token& t) -> std::size_t {
        if (!t.word || !t.cap || t.id >= 0) {
            return 0;
        }
        std::size_t dot = t.text.find('.');
        if (dot == std::string_view::npos || dot + 1 >= t.text.size() ||
            t.text.find('.', dot + 1) != std::string_view::npos ||
            lex_.abbreviations.count(std::string(t.text.substr(0, dot + 1))) == 0) {
            return 0;
        }
        std::size_t p = dot + 1;
        return is_upper(next_code_point(t.text, p)) ? dot + 1 : 0;
    };
    for (Sentence& s : sentences_) {
        Tokens raw = tokenise(s.text);
        lex_.assign_ids(raw);
        if (std::none_of(raw.begin(), raw.end(),
                         [&](const Token& t) { return candidate(t) || glued(t) > 0; })) {
            s.toks = std::move(raw);
            continue;
        }
        Tokens toks;
        toks.reserve(raw.size());
        bool expanded = false;
        for (std::size_t k = 0; k < raw.size(); ++k) {
            Token t = raw[k];
            Token rest;
            if (std::size_t cut = glued(t); cut > 0) {
                rest = t;
                rest.text = t.text.substr(cut);
                rest.low = lower(rest.text);
                rest.id = lex_.vocabulary.find(rest.low);
                rest.begin = t.begin + cut;
                rest.all_caps = rest.text.size() >= 2 && rest.low != rest.text;
                for (std::size_t p = 0; p < rest.text.size() && rest.all_caps;) {
                    char32_t c = next_code_point(rest.text, p);
                    rest.all_caps = !is_letter(c) || is_upper(c);
                }
                t.text = t.text.substr(0, cut);
                t.low = lower(t.text);
                t.end = rest.begin;
                t.all_caps = false;
                t.id = 0;
            }
            bool candidate_here = candidate(t);
            auto it = candidate_here ? lex_.abbreviations.find(std::string(t.text))
                                     : lex_.abbreviations.end();
            bool dotted = false;
            if (candidate_here && k + 1 < raw.size() && raw[k + 1].text == "."sv &&
                raw[k + 1].begin == t.end) {
                auto dot = lex_.abbreviations.find(std::string(t.text) + ".");
                if (dot != lex_.abbreviations.end()) {
                    it = dot;
                    dotted = true;
                }
            }
            if (it == lex_.abbreviations.end()) {
                toks.push_back(std::move(t));
                continue;
            }
            expanded = true;
            for (const std::string& w : it->second) {
                Token e;
                e.text = w;
                e.low = lower(w);
                e.id = lex_.vocabulary.find(e.low);
                e.word = true;
                std::size_t p = 0;
                char32_t c = next_code_point(w, p);
                e.cap = is_upper(c);
                e.begin = t.begin;
                e.end = dotted ? raw[k + 1].end : t.end;
                toks.push_back(std::move(e));
            }
            if (dotted) {
                ++k;
            }
            if (!rest.text.empty()) {
                toks.push_back(std::move(rest));
            }
        }
        if (expanded) {
            s.toks = std::move(toks);
            s.raw = std::move(raw);
        } else {
            s.toks = std::move(raw);
        }
    }
}

void Run::find_header() {
    Article& a = out_.article;
    // Lines of the page head: the article's date is the earliest dated line there (a page's
    // render date comes first and is later than the article).
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text_.size() && lines.size() < 12) {
        std::size_t nl = text_.find('\n', start);
        std::string_view line = trim(std::string_view(text_).substr(
            start, nl == std::string::npos ? std::string::npos : nl - start));
        if (!line.empty()) {
            lines.push_back(line);
        }
        if (nl == std::string::npos) {
            break;
        }
        start = nl + 1;
    }
    std::string best;
    for (std::string_view line : lines) {
        // A heading is the article's title, and a date in it is what the article is about
        // ("... trước 20/6/2025"), not when it was written.
        if (line.front() == '#' || (!a.title.empty() && line == trim(a.title))) {
            continue;
        }
        // A dated head line is short: a line of more than 12 words is never one, so thirteen
        // words are enough to tell.
        Tokens t = tokenise(line, 13);
        std::size_t words = 0;
        for (const Token& tok : t) {
            words += tok.word ? 1 : 0;
        }
        if (words > 12) {
            continue;
        }
        std::string found;
        for (const Token& tok : t) {
            Date d;
            if (tok.digit && parse_day_month(tok.text, d) && d.year != 0) {
                found = iso(d);
                break;
            }
        }
        // "Ngày 12 tháng 6 năm 2024", "Thứ Tư, ngày 12 tháng 6 năm 2024": a date line in words,
        // the date opening it (after the weekday) and ending it.
        for (std::size_t k = 0; found.empty() && k < t.size() && k <= 3; ++k) {
            if (t[k].low != "ngày"sv) {
                continue;
            }
            auto d = parse_date_at(t, k, 0);
            bool dated = d && d->has_day && d->iso.size() == 10 && ascii_digit(d->iso.front());
            if (dated && words <= 10 && (d->last >= t.size() || !t[d->last].word)) {
                found = d->iso;
            }
        }
        if (!found.empty() && (best.empty() || found < best)) {
            best = found;
        }
    }
    if (a.published.empty()) {
        a.published = posted_date();
    }
    if (a.published.empty() && !best.empty()) {
        a.published = best;
    }
    published_ = a.published;
    if (a.title.empty()) {
        for (std::string_view line : lines) {
            Tokens t = tokenise(line);
            std::size_t words = 0;
            bool dated = false;
            for (const Token& tok : t) {
                Date d;
                words += tok.word ? 1 : 0;
                dated = dated || (tok.digit && parse_day_month(tok.text, d));
            }
            // "Trang chủ > Tin tức > ...": a breadcrumb names sections, never the article.
            bool breadcrumb = line.find(" > "sv) != std::string_view::npos;
            if (words >= 5 && !dated && !breadcrumb) {
                if (!t.empty() && t[0].text == "null"sv) {
                    line = trim(line.substr(t[0].end));
                }
                // A Markdown page's headline is a heading: "# Thông qua ...".
                while (!line.empty() && line.front() == '#') {
                    line = trim(line.substr(1));
                }
                a.title = std::string(line);
                break;
            }
        }
    }
}

// "Ngày đăng bài viết gốc: 14:30 | 17/03/2025", "Giờ đăng: 09/07/2025 14:27": a short line
// whose label says when the article was posted dates it, wherever the page puts it.
std::string Run::posted_date() const {
    std::size_t start = 0;
    while (start < text_.size()) {
        std::size_t nl = text_.find('\n', start);
        std::string_view line = std::string_view(text_).substr(
            start, nl == std::string::npos ? std::string::npos : nl - start);
        start = nl == std::string::npos ? text_.size() : nl + 1;
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || line.size() > 120) {
            continue;
        }
        Tokens label = tokenise(line.substr(0, colon));
        std::size_t words = 0;
        bool posted = false;
        for (const Token& tok : label) {
            words += tok.word ? 1 : 0;
            posted = posted || tok.low == "đăng"sv;
        }
        if (!posted || words > 6) {
            continue;
        }
        for (const Token& tok : tokenise(line.substr(colon + 1), 12)) {
            Date d;
            if (tok.digit && parse_day_month(tok.text, d) && d.year != 0) {
                return iso(d);
            }
        }
    }
    return {};
}

void Run::find_reference_year() {
    year_ = year_of(published_);
    if (year_ != 0) {
        return;
    }
    // The year the text is about: the one it names most as "năm 2020", a sentence that opens
    // with it ("Năm 2020 có nhiều sự kiện", "(Baonghean.vn) - Trong năm 2019, ...") counting
    // twice; a later year breaks a tie. Targets and spans ("đến năm 2025", "giai đoạn ... năm
    // 2030", "nhiệm kỳ") say what is planned, not when the text is.
    std::map<int, int> score;
    for (const Sentence& s : sentences_) {
        const Tokens& t = s.toks;
        std::size_t open = 0;
        // A lead opens with its source: "(Baonghean.vn) - Năm 2020 ...".
        if (open < t.size() && t[open].text == "("sv) {
            while (open < t.size() && t[open].text != ")"sv) {
                ++open;
            }
            ++open;
            while (open < t.size() && is_dash(t[open])) {
                ++open;
            }
        }
        if (open < t.size() && (t[open].low == "trong"sv || t[open].low == "cả"sv)) {
            ++open;
        }
        for (std::size_t k = 0; k + 1 < t.size(); ++k) {
            if (t[k].low != "năm"sv || !t[k + 1].digit || t[k + 1].text.size() != 4) {
                continue;
            }
            int y = year_of(t[k + 1].text);
            if (y < 1990 || y > 2100) {
                continue;
            }
            bool planned = false;
            for (std::size_t b = k; b > 0 && k - b < 4; --b) {
                std::string_view w = t[b - 1].low;
                planned = planned || w == "đến"sv || w == "tới"sv || w == "đoạn"sv || w == "kỳ"sv ||
                          w == "từ"sv || w == "trước"sv || w == "sau"sv || w == "vào"sv;
            }
            if (!planned) {
                score[y] += k == open ? 2 : 1;
            }
        }
    }
    int best = 0;
    int best_score = 0;
    for (const auto& [y, n] : score) {
        if (n >= best_score) {
            best = y;
            best_score = n;
        }
    }
    year_ = best;
}

// ---------------------------------------------------------------------------------------------
// Places

std::optional<PlaceMatch> Run::place_at(const Tokens& t, std::size_t i, bool need_marker) const {
    if (i >= t.size()) {
        return std::nullopt;
    }
    std::string unit;
    std::size_t k = i;
    const std::string& w = t[i].low;
    if (w == "tỉnh"sv) {
        unit = "tỉnh";
        k = i + 1;
    } else if (w == "thành"sv && i + 1 < t.size() && t[i + 1].low == "phố"sv) {
        unit = "thành phố";
        k = i + 2;
    } else if (w == "huyện"sv || w == "quận"sv) {
        unit = w;
        k = i + 1;
    } else if (w == "thị"sv && i + 1 < t.size() && t[i + 1].low == "xã"sv) {
        unit = "thị xã";
        k = i + 2;
    } else if (need_marker) {
        return std::nullopt;
    }
    if (k >= t.size() || !t[k].cap) {
        return std::nullopt;
    }
    PlaceMatch m;
    m.unit = unit;
    if (unit.empty() || unit == "tỉnh" || unit == "thành phố") {
        auto [len, idx] = lex_.province_names.match(t, k);
        if (len > 0) {
            // A longer capitalised run ("Thái Bình Dương", "Trương Hòa Bình") is not the province.
            std::size_t after = k + len;
            if (unit.empty()) {
                if (k > 0 && t[k - 1].cap && t[k - 1].word && lex_.is_surname(t[k - 1])) {
                    return std::nullopt;
                }
                // "phường Thái Bình", "xã Hà Nam": a ward or commune of that name (after July
                // 2025 many are named after the provinces merged away), not the province.
                if (k > 0 && (t[k - 1].low == "phường"sv || t[k - 1].low == "xã"sv ||
                              (k > 1 && t[k - 2].low == "thị"sv && t[k - 1].low == "trấn"sv))) {
                    return std::nullopt;
                }
                if (after < t.size() && t[after].cap && t[after].word && !t[after].all_caps &&
                    !lex_.is_surname(t[after]) && !lex_.is_non_name(t[after])) {
                    return std::nullopt;
                }
            }
            const ProvinceInfo& p = lex_.provinces[static_cast<std::size_t>(idx)];
            m.name_begin = k;
            if (unit.empty() && lex_.marked_places.count(p.name) > 0 &&
                !(k > 0 && (t[k - 1].low == "ủy"sv || t[k - 1].low == "phố"sv))) {
                return std::nullopt; // "tư tưởng Hồ Chí Minh"
            }
            m.len = after - i;
            m.province = p.name;
            if (p.post_2025) {
                // A name only the new province has: map to an old one of that name if any.
                m.province = p.name;
            }
            if (m.unit.empty()) {
                m.unit = p.type == "Thành phố" ? "thành phố" : "tỉnh";
            }
            return m;
        }
        if (unit != "thành phố") {
            return std::nullopt;
        }
    }
    if (unit.empty()) {
        return std::nullopt;
    }
    auto [len, idx] = lex_.district_names.match(t, k);
    if (len == 0) {
        return std::nullopt;
    }
    const DistrictInfo& d = lex_.districts[static_cast<std::size_t>(idx)];
    m.len = k + len - i;
    m.name_begin = k;
    m.district = d.name;
    std::set<std::string> provs;
    for (std::size_t n = 0; n < d.provinces.size(); ++n) {
        std::string type = lower(d.types[n]);
        if (type == unit || unit.empty()) {
            provs.insert(d.provinces[n]);
        }
    }
    if (provs.empty()) {
        provs.insert(d.provinces.begin(), d.provinces.end());
    }
    if (provs.size() == 1) {
        m.province = *provs.begin();
    } else {
        m.candidates.assign(provs.begin(), provs.end());
    }
    return m;
}

std::string Run::resolve(const PlaceMatch& p) const {
    if (!p.province.empty()) {
        return p.province;
    }
    std::string best;
    int score = 0;
    for (const std::string& c : p.candidates) {
        auto it = province_score_.find(c);
        if (it != province_score_.end() && it->second > score) {
            best = c;
            score = it->second;
        }
    }
    return best;
}

std::string Run::province_type(const std::string& province) const {
    auto it = lex_.province_by_name.find(lower(province));
    if (it == lex_.province_by_name.end()) {
        return "tỉnh";
    }
    return lex_.provinces[it->second].type == "Thành phố" ? "thành phố" : "tỉnh";
}

void Run::find_places() {
    std::vector<PlaceMatch> ambiguous;
    const std::string& title = out_.article.title;
    Tokens title_toks = tokenise(title);
    lex_.assign_ids(title_toks);
    for (std::size_t k = 0; k < title_toks.size(); ++k) {
        if (auto m = place_at(title_toks, k, false)) {
            if (!m->province.empty()) {
                province_score_[m->province] += 3;
                province_order_.push_back(m->province);
            }
            k += m->len - 1;
        }
    }
    sentence_province_.assign(sentences_.size(), std::string());
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        const Tokens& t = sentences_[si].toks;
        for (std::size_t k = 0; k < t.size(); ++k) {
            // A place starts with a capital or a unit word (tỉnh, thành phố, thị xã, huyện,
            // quận): every other token is passed over at the cost of two tests.
            char first = t[k].low.empty() ? '\0' : t[k].low.front();
            if (!t[k].cap && first != 't' && first != 'h' && first != 'q') {
                continue;
            }
            std::optional<PlaceMatch> m;
            // "Huyện ủy Kỳ Sơn", "6 Huyện ủy: Kỳ Sơn, Tương Dương", "các huyện: A, B và TX. C"
            bool committee = k + 1 < t.size() && t[k + 1].low == "ủy"sv &&
                             (t[k].low == "huyện"sv || t[k].low == "thị"sv ||
                              t[k].low == "quận"sv || t[k].low == "thành"sv);
            if (committee || t[k].low == "huyện"sv || t[k].low == "quận"sv) {
                std::string unit = t[k].low == "thành"sv ? "thành phố"
                                   : t[k].low == "thị"sv ? "thị xã"
                                                         : t[k].low;
                std::size_t j = k + (committee ? 2 : 1);
                bool list = j < t.size() && t[j].text == ":"sv;
                if (list) {
                    ++j;
                }
                while (j < t.size()) {
                    auto [len, idx] = lex_.district_names.match(t, j);
                    if (len == 0 || !t[j].cap) {
                        if (auto p = place_at(t, j, true)) {
                            if (!p->district.empty()) {
                                district_by_unit_[p->unit][p->district]++;
                                if (p->province.empty()) {
                                    ambiguous.push_back(*p);
                                } else {
                                    province_score_[p->province]++;
                                    province_order_.push_back(p->province);
                                    district_province_[p->district] = p->province;
                                }
                            } else if (!p->province.empty()) {
                                province_score_[p->province]++;
                                province_order_.push_back(p->province);
                            }
                            j += p->len;
                        } else {
                            break;
                        }
                    } else {
                        PlaceMatch p;
                        p.len = len;
                        const DistrictInfo& d = lex_.districts[static_cast<std::size_t>(idx)];
                        p.district = d.name;
                        p.unit = unit;
                        std::set<std::string> provs;
                        for (std::size_t n = 0; n < d.provinces.size(); ++n) {
                            if (lower(d.types[n]) == unit) {
                                provs.insert(d.provinces[n]);
                            }
                        }
                        if (provs.empty()) {
                            provs.insert(d.provinces.begin(), d.provinces.end());
                        }
                        district_by_unit_[unit][d.name]++;
                        if (provs.size() == 1) {
                            p.province = *provs.begin();
                            province_score_[p.province]++;
                            province_order_.push_back(p.province);
                            district_province_[d.name] = p.province;
                        } else {
                            p.candidates.assign(provs.begin(), provs.end());
                            ambiguous.push_back(p);
                        }
                        j += len;
                    }
                    if (!list) {
                        break;
                    }
                    if (j < t.size() && (t[j].text == ","sv || t[j].low == "và"sv)) {
                        ++j;
                        continue;
                    }
                    break;
                }
                k = j > k ? j - 1 : k;
                continue;
            }
            m = place_at(t, k, false);
            if (!m) {
                continue;
            }
            if (!m->district.empty()) {
                district_by_unit_[m->unit][m->district]++;
            }
            if (m->province.empty()) {
                ambiguous.push_back(*m);
            } else {
                if (m->district.empty()) {
                    sentence_province_[si] = m->province;
                    written_form_.emplace(m->province,
                                          written(t, m->name_begin, k + m->len, m->province));
                }
                province_score_[m->province]++;
                province_order_.push_back(m->province);
                if (!m->district.empty()) {
                    district_province_[m->district] = m->province;
                }
            }
            k += m->len - 1;
        }
    }
    for (const PlaceMatch& p : ambiguous) {
        std::string prov = resolve(p);
        if (!prov.empty()) {
            province_score_[prov]++;
            province_order_.push_back(prov);
            district_province_[p.district] = prov;
        }
    }
    // The article's province: the most named, the first named on a tie.
    int best = 0;
    for (const std::string& p : province_order_) {
        if (province_score_[p] > best) {
            best = province_score_[p];
            out_.province = p;
        }
    }
}

std::string Run::province_entity(const std::string& province, std::string_view sentence) {
    // After 1 July 2025 a province whose territory changed is the new unit (scope "2025").
    auto it = lex_.province_by_name.find(lower(province));
    if (it == lex_.province_by_name.end()) {
        return {};
    }
    const ProvinceInfo& pre = lex_.provinces[it->second];
    std::string scope;
    std::string code = pre.code;
    if (!published_.empty() && published_ >= "2025-07-01" && !pre.post_2025) {
        auto post = lex_.post_by_code.find(pre.code);
        if (post != lex_.post_by_code.end()) {
            const ProvinceInfo& p = lex_.provinces[post->second];
            if (p.merged.size() > 1) {
                scope = "2025";
            }
        }
    }
    std::string id = add_entity("Province", pre.name, scope, sentence);
    Entity& e = entities_[entity_index_.at("Province\x1f" + lower(pre.name) + "\x1f" + scope)];
    e.props["code"] = code;
    if (!scope.empty()) {
        e.props["valid_from"] = std::string("2025-07-01");
    }
    return id;
}

// ---------------------------------------------------------------------------------------------
// Entities and relations

std::string Run::add_entity(const std::string& type, const std::string& name,
                            const std::string& scope, std::string_view sentence) {
    std::string key = type + "\x1f" + lower(name) + "\x1f" + scope;
    auto it = entity_index_.find(key);
    if (it != entity_index_.end()) {
        Entity& e = entities_[it->second];
        // Sentences come in text order, so a repeat is the last one kept.
        if (!sentence.empty() && e.sentences.size() < 8 &&
            (e.sentences.empty() || e.sentences.back() != sentence)) {
            e.sentences.emplace_back(sentence);
        }
        return e.id;
    }
    Entity e;
    e.id = "e" + std::to_string(entities_.size() + 1);
    e.type = type;
    e.name = name;
    e.scope = scope;
    if (!sentence.empty()) {
        e.sentences.emplace_back(sentence);
    }
    entity_index_.emplace(key, entities_.size());
    entities_.push_back(std::move(e));
    return entities_.back().id;
}

void Run::add_relation(const std::string& type, const std::string& from, const std::string& to,
                       graph::Properties props, std::string_view sentence) {
    if (from.empty() || to.empty() || from == to) {
        return;
    }
    std::string key = type + "\x1f" + from + "\x1f" + to + "\x1f" +
                      std::string(graph::string_prop(props, "title")) + "\x1f" +
                      std::string(graph::string_prop(props, "role"));
    if (!relation_keys_.insert(key).second) {
        return;
    }
    Relation r;
    r.type = type;
    r.from = from;
    r.to = to;
    r.props = std::move(props);
    r.sentence = std::string(sentence);
    out_.relations.push_back(std::move(r));
}

Entity* entity_by_id(std::vector<Entity>& entities, const std::string& id) {
    std::size_t n = std::stoul(id.substr(1));
    return n >= 1 && n <= entities.size() ? &entities[n - 1] : nullptr;
}

void Run::add_title(const std::string& person_id, const std::string& title) {
    Entity* e = entity_by_id(entities_, person_id);
    if (e == nullptr || title.empty()) {
        return;
    }
    auto& v = e->props["titles"];
    if (!std::holds_alternative<std::vector<std::string>>(v)) {
        v = std::vector<std::string>{};
    }
    auto& list = std::get<std::vector<std::string>>(v);
    std::string key = lower(title);
    for (std::string& old : list) {
        std::string ok = lower(old);
        if (ok == key || ok.find(key) != std::string::npos) {
            return;
        }
        if (key.find(ok) != std::string::npos) {
            old = title;
            return;
        }
    }
    list.push_back(title);
}

// ---------------------------------------------------------------------------------------------
// Persons

// "Chủ tịch tỉnh", "Phó Chủ tịch thành phố Hà Nội": the chair of a place is the chair of its
// People's Committee, and is written as the title in full says it.
std::string people_committee_title(const std::string& title) {
    static const std::string_view heads[] = {"chủ tịch ", "phó chủ tịch "};
    static const std::string_view units[] = {"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã"};
    std::string low = lower(title);
    for (std::string_view head : heads) {
        if (low.compare(0, head.size(), head) != 0) {
            continue;
        }
        for (std::string_view unit : units) {
            std::string_view rest = std::string_view(low).substr(head.size());
            if (rest.compare(0, unit.size(), unit) == 0 &&
                (rest.size() == unit.size() || rest[unit.size()] == ' ')) {
                return title.substr(0, head.size()) + "Ủy ban nhân dân " +
                       title.substr(head.size());
            }
        }
    }
    return title;
}

bool Run::title_head_at(const Tokens& t, std::size_t i) const {
    std::size_t k = i;
    if (k < t.size() && t[k].low == "nguyên"sv) {
        ++k;
    }
    if (k >= t.size() || !t[k].cap) {
        return false;
    }
    return lex_.titles.match(t, k).first > 0;
}

// The end of a title that starts at `i`: the next separator, stop word or person name.
std::size_t Run::title_end(const Tokens& t, std::size_t i) const {
    std::size_t k = i;
    if (k < t.size() && t[k].low == "nguyên"sv) {
        ++k;
    }
    k += std::max<std::size_t>(1, lex_.titles.match(t, k).first);
    std::size_t longest = i + 16; // a title, not a clause
    while (k < t.size() && k < longest) {
        const Token& x = t[k];
        // A body or sector named in the title is taken whole ("Ủy ban kiểm tra T.Ư",
        // "Bộ Lao động - Thương binh và Xã hội"), whatever its words.
        if (x.cap) {
            std::size_t whole =
                std::max(lex_.body_names.match(t, k).first, lex_.sector_names.match(t, k).first);
            if (whole > 1) {
                k += whole;
                continue;
            }
        }
        if (!x.word) {
            if (x.text == "("sv) {
                // "(khóa XII)" stays inside a title.
                if (k + 1 < t.size() && t[k + 1].low == "khóa"sv) {
                    std::size_t c = k + 2;
                    while (c < t.size() && t[c].text != ")"sv) {
                        ++c;
                    }
                    k = c < t.size() ? c + 1 : c;
                    continue;
                }
            }
            if (is_dash(x) && k + 1 < t.size() && t[k + 1].cap && k > i && t[k - 1].cap &&
                lex_.sector_names.match(t, k + 1).first == 0 && !lex_.is_surname(t[k + 1]) &&
                !title_head_at(t, k + 1)) {
                // "Lao động - Thương binh và Xã hội", "Văn hóa - Thông tin": a dash inside a name
                ++k;
                continue;
            }
            break;
        }
        if (!x.cap && !x.digit) {
            if (x.low == "và"sv && k + 1 < t.size() && t[k + 1].cap && !title_head_at(t, k + 1) &&
                !lex_.is_surname(t[k + 1])) {
                ++k;
                continue;
            }
            // "Trưởng Đoàn kiểm tra số 12", "đoàn công tác": the delegation's own words
            bool delegation =
                k > 0 && ((t[k - 1].low == "đoàn"sv &&
                           (x.low == "kiểm"sv || x.low == "công"sv || x.low == "giám"sv)) ||
                          (t[k - 1].low == "thư"sv && x.low == "ký"sv));
            if (!delegation && lex_.stop_words.match(t, k).first > 0) {
                break;
            }
        }
        if (x.cap && k > i && lex_.is_surname(x) && name_run(t, k) >= 2 &&
            lex_.body_names.match(t, k).first == 0 && !is_place_name(t, k, name_run(t, k))) {
            break; // the person's name
        }
        if (x.cap && k > i && lex_.honorifics.match(t, k).first > 0) {
            break;
        }
        ++k;
    }
    return k;
}

// The length of a run of capitalised name words at `i` (0 when none), at most 5.
std::size_t Run::name_run(const Tokens& t, std::size_t i) const {
    std::size_t k = i;
    while (k < t.size() && k - i < 5) {
        const Token& x = t[k];
        if (!x.word || !x.cap || x.digit || x.all_caps) {
            break;
        }
        // A surname that also opens sentences ("Đoàn công tác", "Đoàn Thị Mỹ Lệ") starts a
        // name when a middle name that is nothing else follows.
        bool surname_then_middle = k == i && k + 1 < t.size() && t[k + 1].cap &&
                                   (t[k + 1].low == "thị"sv || t[k + 1].low == "văn"sv) &&
                                   lex_.is_surname(x);
        // A given name that is also a word which ends names ("Nguyễn Quốc Đoàn, Bí thư ...",
        // "Trần Quốc Hội phát biểu"): the last word of a name of three, before punctuation or
        // the sentence's verb, is the name's.
        bool last_given = k >= i + 2 && lex_.is_surname(t[i]) &&
                          (k + 1 >= t.size() || !t[k + 1].word ||
                           (!t[k + 1].cap && lex_.roles.match(t, k + 1).first > 0));
        if (!surname_then_middle && !last_given &&
            (k == i ? lex_.is_non_name(x) : lex_.is_name_break(x))) {
            break;
        }
        // A title, a body or "Đồng chí" ends a name ("Hoàng Trung Hải Bí thư", "Ảnh: Thu Giang
        // Đồng chí Nguyễn Xuân Phúc ...").
        if (k > i && !last_given &&
            (lex_.titles.match(t, k).first > 0 || lex_.body_names.match(t, k).first > 0 ||
             lex_.honorifics.match(t, k).first > 1)) {
            break;
        }
        bool letters_only = true;
        std::size_t p = 0;
        while (p < x.text.size()) {
            if (!is_letter(next_code_point(x.text, p))) {
                letters_only = false;
            }
        }
        if (!letters_only) {
            break;
        }
        ++k;
    }
    return k - i;
}

bool Run::is_place_name(const Tokens& t, std::size_t i, std::size_t len) const {
    auto [pl, pi] = lex_.province_names.match(t, i);
    if (pl == len) {
        return true;
    }
    auto [dl, di] = lex_.district_names.match(t, i);
    (void)pi;
    (void)di;
    return dl == len || (t[i].cap && lex_.countries.match(t, i).first > 0);
}

void Run::find_persons(Sentence& s, std::size_t si) {
    (void)si;
    const Tokens& t = s.toks;
    persons_here_.clear();
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!t[i].cap || !t[i].word) {
            continue;
        }
        // What comes before: an honorific ("đồng chí", "ông"), a title, a place word.
        bool honorific = false;
        if (i > 0) {
            for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
                std::size_t h = i - back;
                auto [len, v] = lex_.honorifics.match(t, h);
                (void)v;
                // "Hội Nhà báo Việt Nam": an honorific inside a body's name does not count.
                if (len == back && (!t[h].cap || h == 0 || is_sep(t[h - 1]) || !t[h - 1].cap)) {
                    honorific = true;
                }
            }
        }
        // "Bí thư Thành ủy Hà Nội Hoàng Trung Hải": a place before the name is not part of it.
        if (!honorific) {
            auto [pl, pi] = lex_.province_names.match(t, i);
            (void)pi;
            if (pl > 0 && i + pl < t.size() && lex_.is_surname(t[i + pl])) {
                i += pl - 1;
                continue;
            }
        }
        std::size_t len = name_run(t, i);
        if (len < 2) {
            continue;
        }
        bool surname = lex_.is_surname(t[i]);
        std::string name = join(t, i, i + len);
        // "các đồng chí Ủy viên Trung ương Đảng: Thuận Hữu, Tổng Biên tập ...": a list item
        // followed by a title is a person even without a family name from the lexicon.
        bool listed = (i == 0 || is_sep(t[i - 1])) && len <= 3 && i + len + 1 < t.size() &&
                      (t[i + len].text == ","sv || is_dash(t[i + len])) &&
                      title_head_at(t, i + len + 1) && lex_.body_names.match(t, i).first == 0;
        if (!honorific && !surname && !listed && known_person_names_.count(name) == 0) {
            continue;
        }
        if (is_place_name(t, i, len) && !honorific) {
            i += len - 1;
            continue;
        }
        if (i > 0 && !honorific) {
            const std::string& prev = t[i - 1].low;
            static const std::set<std::string, std::less<>> place_words = {
                "đường", "phố",   "phường", "xã",     "thôn", "bản",  "trường", "cầu",  "sông",
                "núi",   "chợ",   "cảng",   "khu",    "làng", "tỉnh", "huyện",  "quận", "thị",
                "cách",  "tưởng", "tàu",    "hiệu",   "viện", "đảo",  "đền",    "chùa", "nhà",
                "đình",  "mang",  "tên",    "ấp",     "tổ",   "xóm",  "đội",    "buôn", "sân",
                "ty",    "tnhh",  "phần",   "nghiệp", "hãng", "án"};
            // Unless a title ends right there: "Chủ tịch UBND tỉnh Nguyễn Văn Thông", "Trưởng
            // bản Lò Văn Páo" (the title names its place's body, not a place of that name).
            static const std::set<std::string, std::less<>> units = {
                "tỉnh", "huyện", "quận", "thị", "xã", "phường", "thôn", "bản", "làng", "ấp",
                "xóm",  "buôn",  "tổ",   "khu", "phố"};
            bool title_ends_here = false;
            for (std::size_t k = i - 1; units.count(prev) > 0 && k-- > 0 && i - k <= 12 &&
                                        !is_sep(t[k]);) {
                if (title_head_at(t, k)) {
                    title_ends_here = title_end(t, k) == i;
                    break;
                }
            }
            if (place_words.count(prev) > 0 && !title_ends_here) {
                i += len - 1;
                continue;
            }
        }
        // Two-word names need something that says they are people.
        bool context = honorific || known_person_names_.count(name) > 0 || len >= 3;
        std::size_t after = i + len;
        if (!context && after + 1 < t.size() &&
            (t[after].text == ","sv || is_dash(t[after]) || t[after].text == "("sv)) {
            context = title_head_at(t, after + 1);
        }
        // The clause of the name: back to a separator or a verb ("Ủy ban Kiểm tra" is a name,
        // so a capitalised stop word is part of one).
        auto in_body_name = [&](std::size_t k) {
            for (std::size_t j = k >= 4 ? k - 4 : 0; j < k; ++j) {
                if (t[j].cap && j + lex_.body_names.match(t, j).first > k) {
                    return true;
                }
            }
            return false;
        };
        std::size_t clause = i;
        while (clause > 0 && !is_sep(t[clause - 1]) &&
               (lex_.stop_words.match(t, clause - 1).first == 0 ||
                (t[clause - 1].cap && in_body_name(clause - 1)))) {
            --clause;
        }
        std::size_t head = i;
        for (std::size_t k = clause; k < i; ++k) {
            if (title_head_at(t, k)) {
                head = k;
                break;
            }
        }
        if (!context && head < i) {
            context = true;
        }
        if (!context) {
            continue;
        }
        PersonMention pm;
        pm.first = i;
        pm.last = after;
        pm.name_len = len;
        pm.id = add_entity("Person", name, "", s.text);
        known_person_names_.insert(name);
        Entity* e = entity_by_id(entities_, pm.id);
        if (e->props.find("kind") == e->props.end()) {
            e->props["kind"] = std::string("official");
        }
        // Titles before the name: the chain "A, B, C Name" of title clauses.
        std::vector<std::string> titles;
        std::vector<std::pair<std::size_t, std::size_t>> spans; // where each title is written
        if (head < i) {
            std::size_t end = i;
            while (end > head && lex_.honorifics.match(t, end - 1).first == 1) {
                --end;
            }
            std::size_t h = head;
            while (h < end && lex_.ranks.match(t, h).first > 0) {
                h += lex_.ranks.match(t, h).first;
            }
            if (h < end) {
                titles.push_back(join(t, h, end));
                spans.emplace_back(h, end);
            }
            std::size_t c = clause;
            while (c >= 2 && t[c - 1].text == ","sv) {
                std::size_t b = c - 1;
                while (b > 0 && !is_sep(t[b - 1])) {
                    --b;
                }
                if (!title_head_at(t, b) || title_end(t, b) < c - 1) {
                    break;
                }
                titles.insert(titles.begin(), join(t, b, c - 1));
                spans.insert(spans.begin(), {b, c - 1});
                c = b;
            }
        }
        // Titles after the name: ", A, B" or " - A, B" or " (A)".
        std::size_t k = after;
        const std::size_t titles_before = titles.size();
        while (k + 1 < t.size() &&
               (t[k].text == ","sv || is_dash(t[k]) || t[k].text == "("sv || t[k].text == ";"sv) &&
               title_head_at(t, k + 1)) {
            if (t[k].text == ";"sv && k != after) {
                break;
            }
            std::size_t b = k + 1;
            std::size_t e2 = title_end(t, b);
            if (e2 < t.size() && lex_.is_surname(t[e2]) && name_run(t, e2) >= 2) {
                // "A, Thủ tướng Chính phủ B": the title is the next person's, and so is the
                // list it ends ("Thủ tướng A, Tổng Bí thư, Chủ tịch nước B").
                titles.resize(titles_before);
                spans.resize(titles_before);
                k = after;
                break;
            }
            std::size_t h = b;
            while (h < e2 && lex_.ranks.match(t, h).first > 0) {
                h += lex_.ranks.match(t, h).first;
            }
            if (e2 > h) {
                titles.push_back(join(t, h, e2));
                spans.emplace_back(h, e2);
            }
            k = e2;
            if (k < t.size() && t[k].text == ")"sv) {
                ++k;
                break;
            }
        }
        pm.last = std::max(pm.last, k);
        for (std::size_t n = 0; n < titles.size(); ++n) {
            const std::string title = people_committee_title(titles[n]);
            std::string key = lower(title);
            if (key == "trưởng đoàn"sv || key == "phó trưởng đoàn"sv || key == "đồng chí"sv) {
                continue;
            }
            add_title(pm.id, title);
            pm.titles.push_back(title);
            pm.title_spans.emplace_back(spans[n].first, spans[n].second, title);
        }
        persons_here_.push_back(pm);
        i = after - 1;
    }
    // "các đồng chí Phó Bí thư Tỉnh ủy: A, B và C" gives the title to every name after it.
    for (std::size_t c = 0; c < t.size(); ++c) {
        if (t[c].text != ":"sv) {
            continue;
        }
        // The list may hold several titles: "các đồng chí Ủy viên Trung ương Đảng, Thứ trưởng
        // Bộ Quốc phòng: A; B; C" gives both to each.
        std::vector<std::pair<std::size_t, std::size_t>> shared_spans;
        std::size_t end = c;
        bool opened = false;
        while (!opened) {
            std::size_t b = end;
            while (b > 0 && !is_sep(t[b - 1])) {
                --b;
            }
            std::size_t h = b;
            while (h < end && !title_head_at(t, h)) {
                ++h;
            }
            if (h >= end) {
                break;
            }
            opened = h > b && (t[b].low == "các"sv || t[h - 1].low == "chí"sv);
            if (h > b && !opened) {
                break;
            }
            shared_spans.emplace(shared_spans.begin(), h, end);
            if (opened || b < 2 || t[b - 1].text != ","sv) {
                break;
            }
            end = b - 1;
        }
        if (!opened) {
            continue;
        }
        for (const auto& [h, e] : shared_spans) {
            std::string shared = people_committee_title(join(t, h, e));
            for (PersonMention& pm : persons_here_) {
                if (pm.first > c) {
                    add_title(pm.id, shared);
                    pm.titles.push_back(shared);
                    pm.title_spans.emplace_back(h, e, shared);
                }
            }
        }
    }
}

void Run::find_authors() {
    // Bylines: a short line of two to four capitalised words after the article's last long
    // paragraph ("THU YẾN", "Hữu Việt"), a photo credit anywhere ("Ảnh: Hiền Lương"), or a
    // name at the end of a one-paragraph text ("... trước ngày 30.6. Hoàng Trọng", "Thu Phương
    // (TTXVN)"). Abbreviations are not expanded here: "TTXVN" is an agency, not a name.
    auto add_author = [&](std::string name, std::string_view sentence) {
        if (name.empty()) {
            return;
        }
        std::string id = add_entity("Person", name, "", sentence);
        Entity* e = entity_by_id(entities_, id);
        // A byline's name found as a bare name elsewhere (no title) is the author's.
        if (e->props.find("kind") == e->props.end() || e->props.find("titles") == e->props.end()) {
            e->props["kind"] = std::string("author");
        }
        add_relation("AUTHORED", id, "article", {}, sentence);
    };
    auto is_name_word = [&](const Token& x) {
        if (!x.word || !(x.cap || x.all_caps) || x.digit) {
            return false;
        }
        std::size_t p = 0;
        while (p < x.text.size()) {
            if (!is_letter(next_code_point(x.text, p))) {
                return false;
            }
        }
        return !lex_.is_non_name(x) && lex_.abbreviations.count(std::string(x.text)) == 0;
    };
    // A credit's words: "Sáng", "Nguyên" and the like stop a name in running text, but after
    // a credit's first word ("Nhan Sáng/TTXVN") or on a byline line above "Theo ..." they are
    // given names.
    auto name_words = [&](const Tokens& t, std::size_t i, std::size_t max,
                          bool first_may_be_common = false) {
        auto agency_next = [&](std::size_t k) {
            return k + 1 < t.size() && (t[k + 1].text == "/"sv || t[k + 1].text == "("sv);
        };
        std::size_t k = i;
        while (k < t.size() && k - i < max &&
               (is_name_word(t[k]) ||
                (((k > i && agency_next(k)) || first_may_be_common) && t[k].word && t[k].cap &&
                 !t[k].digit && lex_.is_non_name(t[k]) &&
                 lex_.abbreviations.count(std::string(t[k].text)) == 0)) &&
               !(k > i && lex_.honorifics.match(t, k).first > 1)) {
            ++k;
        }
        return k - i;
    };
    auto as_name = [&](const Tokens& t, std::size_t a, std::size_t b) {
        std::string n = join(t, a, b);
        bool caps = true;
        for (std::size_t k = a; k < b; ++k) {
            caps = caps && t[k].all_caps;
        }
        return caps ? title_case(lower(n)) : n;
    };
    auto plausible = [&](const Tokens& t, std::size_t a, std::size_t n) {
        return n >= 2 && n <= 4 && !is_place_name(t, a, n) &&
               lex_.body_names.match(t, a).first == 0 && !title_head_at(t, a) &&
               lex_.province_names.match(t, a).first == 0;
    };
    // Photo credits
    for (const Sentence& s : sentences_) {
        if (s.text.find("Ảnh") == std::string_view::npos &&
            s.text.find("ẢNH") == std::string_view::npos) {
            continue;
        }
        const Tokens& t = s.written();
        for (std::size_t k = 0; k + 1 < t.size(); ++k) {
            if (t[k].text != "Ảnh"sv && t[k].text != "ẢNH"sv) {
                continue;
            }
            std::size_t j = k + 1;
            if (j < t.size() && t[j].text == ":"sv) {
                ++j;
            }
            std::size_t n = name_words(t, j, 4);
            // "Ảnh: Nguyên Sơn Sáng 28/6": the next sentence's opening word is not the name's.
            if (plausible(t, j, n)) {
                add_author(as_name(t, j, j + n), s.text);
            }
        }
    }
    // Bylines after the last long paragraph
    // A page's source note ("Theo Cổng thông tin ...", its address, "Ngày đăng bài viết gốc:
    // ...") is not the article's text.
    auto source_note = [](std::string_view line) {
        return line.find("://"sv) != std::string_view::npos || line.rfind("Theo ", 0) == 0 ||
               line.rfind("Ngày đăng"sv, 0) == 0 || line.rfind("Ngày giờ đăng"sv, 0) == 0;
    };
    std::size_t last_long = 0;
    for (std::size_t k = 0; k < sentences_.size(); ++k) {
        if (sentences_[k].toks.size() >= 15 && !source_note(sentences_[k].text)) {
            last_long = k;
        }
    }
    for (std::size_t k = last_long + 1; k < sentences_.size() && k <= last_long + 6; ++k) {
        const Tokens& t = sentences_[k].written();
        std::size_t end = t.size();
        // "Thu Phương (TTXVN)", "Đinh Tuấn/TTXVN"
        if (end >= 3 && t[end - 1].text == ")"sv && t[end - 3].text == "("sv) {
            end -= 3;
        }
        std::size_t words = 0;
        for (std::size_t x = 0; x < end; ++x) {
            words += t[x].word ? 1 : 0;
        }
        bool above_source = k + 1 < sentences_.size() && source_note(sentences_[k + 1].text) &&
                            sentences_[k].paragraph != sentences_[k + 1].paragraph;
        std::size_t n = name_words(t, 0, 4, above_source);
        if (n == words && plausible(t, 0, n)) {
            add_author(as_name(t, 0, n), sentences_[k].text);
            break;
        }
        // A line of its own that is only a given name and a name that is also a word or a
        // district ("Thu Trang", "Thanh Hà"): a byline, when nothing else at the end is one.
        bool own_line = (k == 0 || sentences_[k - 1].paragraph != sentences_[k].paragraph) &&
                        (k + 1 >= sentences_.size() ||
                         sentences_[k + 1].paragraph != sentences_[k].paragraph);
        if (own_line && words >= 2 && words <= 3 && end == words && is_name_word(t[0]) &&
            lex_.province_names.match(t, 0).first == 0 && lex_.body_names.match(t, 0).first == 0 &&
            !title_head_at(t, 0)) {
            bool names_only = true;
            for (std::size_t x = 1; x < end; ++x) {
                names_only = names_only && t[x].word && (t[x].cap || t[x].all_caps) &&
                             !t[x].digit && (t[x].all_caps == t[0].all_caps);
            }
            if (names_only && lex_.honorifics.match(t, 0).first == 0) {
                add_author(as_name(t, 0, end), sentences_[k].text);
                break;
            }
        }
    }
    // "Nguyên Nhung/VOV-Trung tâm Tin", "Thu Phương (TTXVN)" near the end: a name and its agency.
    for (std::size_t k = sentences_.size() > 2 ? sentences_.size() - 2 : 0; k < sentences_.size();
         ++k) {
        const Tokens& t = sentences_[k].written();
        for (std::size_t j = 0; j + 1 < t.size(); ++j) {
            bool agency = (t[j].text == "/"sv && t[j + 1].all_caps) ||
                          (t[j].text == "("sv && j + 2 < t.size() && t[j + 1].all_caps &&
                           t[j + 2].text == ")"sv);
            if (!agency) {
                continue;
            }
            std::size_t b = j;
            while (b > 0 && j - b < 3 && is_name_word(t[b - 1]) && !t[b - 1].all_caps) {
                --b;
            }
            std::size_t n = j - b;
            if (n >= 2 && (b == 0 || !t[b - 1].word || !t[b - 1].cap) && plausible(t, b, n)) {
                add_author(as_name(t, b, j), sentences_[k].text);
            }
        }
    }
    // A name glued to the end of the text: "... trước ngày 30.6. Hoàng Trọng". A text that
    // ends with a full stop ends with its own sentence.
    std::string_view tail = trim(text_);
    bool closed =
        !tail.empty() && (tail.back() == '.' || tail.back() == '!' || tail.back() == '?' ||
                          tail.back() == ':' || tail.back() == ';' ||
                          (tail.size() >= 3 && tail.substr(tail.size() - 3) == "\xE2\x80\xA6"));
    if (!sentences_.empty() && last_long + 1 >= sentences_.size() && !closed) {
        const Sentence& s = sentences_.back();
        const Tokens& t = s.written();
        std::size_t end = t.size();
        while (end > 0 && !t[end - 1].word) {
            --end;
        }
        if (end >= 2 && t[end - 1].all_caps && end < t.size() && t[end].text == ")"sv &&
            t[end - 2].text == "("sv) {
            end -= 2; // "(TTXVN)"
            while (end > 0 && !t[end - 1].word) {
                --end;
            }
        }
        std::size_t b = end;
        while (b > 0 && end - b < 4 && is_name_word(t[b - 1]) && !t[b - 1].all_caps) {
            --b;
        }
        std::size_t n = end - b;
        if (n >= 2 && n <= 3 && (b == 0 || !t[b - 1].cap || !t[b - 1].word) && plausible(t, b, n)) {
            std::string name = as_name(t, b, end);
            if (known_person_names_.count(name) == 0) {
                add_author(name, s.text);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Organisations

// The district of a kind ("huyện") the article names, when it names exactly one.
std::optional<std::string> Run::sole_district(const std::string& unit) const {
    std::set<std::string> names;
    for (const auto& [u, m] : district_by_unit_) {
        if (unit.empty() || u == unit) {
            for (const auto& [name, count] : m) {
                (void)count;
                names.insert(name);
            }
        }
    }
    if (names.size() != 1) {
        return std::nullopt;
    }
    return *names.begin();
}

// The province a sentence's unqualified "tỉnh" means: the last one named in this paragraph
// within a few sentences, else the article's.
std::string Run::local_province() const {
    for (std::size_t k = cur_sentence_ + 1; k > 0; --k) {
        std::size_t si = k - 1;
        if (si >= sentences_.size() || cur_sentence_ - si > 3 ||
            sentences_[si].paragraph != sentences_[cur_sentence_].paragraph) {
            break;
        }
        if (!sentence_province_[si].empty()) {
            return sentence_province_[si];
        }
    }
    return out_.province;
}

bool Run::unknown_name_at(const Tokens& t, std::size_t k) const {
    // A capitalised word that is neither a person's name, a title nor a body: an unknown place.
    return k < t.size() && t[k].word && t[k].cap && !t[k].all_caps && !t[k].digit &&
           !lex_.is_surname(t[k]) && lex_.titles.match(t, k).first == 0 &&
           lex_.body_names.match(t, k).first == 0 && !lex_.is_non_name(t[k]) &&
           lex_.honorifics.match(t, k).first == 0;
}

std::optional<Run::BodyMatch> Run::place_qualifier(const Tokens& t, std::size_t i,
                                                   const std::string& implicit_unit) const {
    // "tỉnh Bình Định", "thành phố Cao Lãnh", "huyện Đầm Hà", "Bình Định", or "tỉnh" alone
    // (the sentence's province) or "huyện" alone (the article's one district of that kind).
    BodyMatch m;
    if (auto p = place_at(t, i, false)) {
        std::string prov = resolve(*p);
        if (!p->district.empty()) {
            m.name = p->unit + " " + written(t, p->name_begin, i + p->len, p->district);
            m.province = prov;
            m.scope = prov;
        } else {
            m.name = p->unit + " " + written(t, p->name_begin, i + p->len, p->province);
            m.province = prov;
        }
        m.len = p->len;
        return m;
    }
    std::string unit;
    std::size_t len = 1;
    if (i < t.size() && (t[i].low == "huyện"sv || t[i].low == "quận"sv || t[i].low == "tỉnh"sv)) {
        unit = t[i].low;
    } else if (i + 1 < t.size() && t[i].low == "thành"sv && t[i + 1].low == "phố"sv) {
        unit = "thành phố";
        len = 2;
    } else if (i + 1 < t.size() && t[i].low == "thị"sv && t[i + 1].low == "xã"sv) {
        unit = "thị xã";
        len = 2;
    } else if (!implicit_unit.empty()) {
        unit = implicit_unit;
        len = 0;
    }
    if (unit.empty() || unknown_name_at(t, i + len)) {
        return std::nullopt; // an unknown place: leave the body out rather than misname it
    }
    // "UBND tỉnh, thành phố", "Sở Nội vụ các tỉnh, huyện": units listed without names are
    // every such place, a generic plural.
    if (len > 0 && i + len + 1 < t.size() &&
        (t[i + len].text == ","sv || t[i + len].low == "và"sv)) {
        std::size_t k = i + len + 1;
        bool next_unit = t[k].low == "huyện"sv || t[k].low == "quận"sv || t[k].low == "tỉnh"sv ||
                         t[k].low == "xã"sv || t[k].low == "phường"sv ||
                         (k + 1 < t.size() && t[k].low == "thành"sv && t[k + 1].low == "phố"sv) ||
                         (k + 1 < t.size() && t[k].low == "thị"sv && t[k + 1].low == "xã"sv);
        // "Hội Nông dân tỉnh và Tỉnh đoàn": the next word opens a body's name, not a unit.
        if (next_unit && lex_.body_names.match(t, k).first == 0) {
            return std::nullopt;
        }
    }
    m.len = len;
    std::string prov = local_province();
    if (unit == "tỉnh" || (unit == "thành phố" && province_type(prov) == "thành phố" &&
                           district_by_unit_.count("thành phố") == 0)) {
        if (prov.empty()) {
            return std::nullopt;
        }
        m.name = (unit == "tỉnh" ? province_type(prov) : unit) + " " + display(prov);
        m.province = prov;
        return m;
    }
    auto d = sole_district(unit);
    if (!d) {
        return std::nullopt;
    }
    m.name = unit + " " + *d;
    auto dp = district_province_.find(*d);
    m.province = dp != district_province_.end() ? dp->second : std::string();
    m.scope = m.province;
    return m;
}

std::optional<Run::BodyMatch> Run::committee_at(const Tokens& t, std::size_t i) const {
    // "Tỉnh ủy [Bình Định]", "Thành ủy [Cao Lãnh]", "Huyện ủy [Đầm Hà]", "Đảng bộ tỉnh X";
    // in lower case after a title: "Bí thư huyện ủy huyện Phù Yên".
    bool after_title = i > 0 && (t[i - 1].low == "thư"sv || t[i - 1].low == "viên"sv);
    if (i + 1 >= t.size() || (!t[i].cap && !after_title)) {
        return std::nullopt;
    }
    auto [len, idx] = lex_.body_names.match(t, i);
    if (len == 0 || lex_.bodies[static_cast<std::size_t>(idx)].cls != BodyClass::committee) {
        return std::nullopt;
    }
    const Body& b = lex_.bodies[static_cast<std::size_t>(idx)];
    std::size_t k = i + len;
    if (k < t.size() && (t[k].low == "viên"sv || t[k].low == "các"sv || t[k].low == "cấp"sv ||
                         t[k].low == "cơ"sv)) {
        return std::nullopt;
    }
    BodyMatch m;
    std::string level = lower(b.name);
    std::string unit = level == "tỉnh ủy"sv    ? "tỉnh"
                       : level == "thành ủy"sv ? "thành phố"
                       : level == "huyện ủy"sv ? "huyện"
                       : level == "thị ủy"sv   ? "thị xã"
                       : level == "quận ủy"sv  ? "quận"
                                               : "";
    if (level == "đảng bộ"sv) {
        auto q = place_qualifier(t, k, "");
        if (!q || q->len == 0) {
            return std::nullopt;
        }
        m.name = b.name + " " + q->name;
        m.qualifier = q->name;
        m.province = q->province;
        m.scope = q->scope;
        m.len = len + q->len;
        return m;
    }
    if (level == "đảng ủy"sv) {
        // "Đảng ủy Đài Tiếng nói Việt Nam": the Party committee of a national body
        auto [nl, ni] = lex_.body_names.match(t, k);
        if (nl > 0 && t[k].cap &&
            lex_.bodies[static_cast<std::size_t>(ni)].cls == BodyClass::national) {
            const Body& nb = lex_.bodies[static_cast<std::size_t>(ni)];
            m.name = b.name + " " + (nb.canonical.empty() ? nb.name : nb.canonical);
            m.len = len + nl;
            return m;
        }
        return std::nullopt;
    }
    // "Huyện ủy huyện Phù Yên": the unit word before the place says nothing more.
    if (k + 1 < t.size() && !unit.empty() && t[k].low == unit && t[k + 1].cap) {
        ++k;
        ++len;
    } else if (k + 2 < t.size() && unit.find(' ') != std::string::npos &&
               t[k].low + " " + t[k + 1].low == unit && t[k + 2].cap) {
        k += 2;
        len += 2;
    }
    if (!t[i].cap && !(k < t.size() && t[k].cap)) {
        return std::nullopt; // lower case "huyện ủy" needs its place named
    }
    // A named place right after: a province, or a district of the committee's level.
    if (k < t.size() && t[k].cap) {
        auto [pl, pi] = lex_.province_names.match(t, k);
        if (pl > 0 && (unit == "tỉnh" || unit == "thành phố")) {
            const ProvinceInfo& p = lex_.provinces[static_cast<std::size_t>(pi)];
            m.qualifier = written(t, k, k + pl, p.name);
            m.name = b.name + " " + m.qualifier;
            m.province = p.name;
            m.len = len + pl;
            return m;
        }
        auto [dl, di] = lex_.district_names.match(t, k);
        if (dl > 0 && unit != "tỉnh") {
            const DistrictInfo& d = lex_.districts[static_cast<std::size_t>(di)];
            m.qualifier = written(t, k, k + dl, d.name);
            m.name = b.name + " " + m.qualifier;
            auto dp = district_province_.find(d.name);
            m.province = dp != district_province_.end() ? dp->second : std::string();
            m.scope = m.province;
            m.len = len + dl;
            return m;
        }
    }
    if (k + 1 < t.size() && t[k].low == "thành"sv && t[k + 1].low == "phố"sv) {
        auto [pl2, pi2] = lex_.province_names.match(t, k + 2);
        if (pl2 > 0) {
            const ProvinceInfo& p = lex_.provinces[static_cast<std::size_t>(pi2)];
            m.name = b.name + " " + p.name; // one spelling: "Thành ủy Hồ Chí Minh"
            m.qualifier = p.name;
            m.province = p.name;
            m.len = len + 2 + pl2;
            return m;
        }
    }
    if (unknown_name_at(t, k)) {
        return std::nullopt; // "Tỉnh ủy Hà Đông": a place the gazetteer does not know
    }
    // Implicit place: the sentence's province, or the article's one district of that level.
    m.len = len;
    std::string prov = local_province();
    if (unit == "tỉnh" || (unit == "thành phố" && province_type(prov) == "thành phố" &&
                           district_by_unit_.count("thành phố") == 0)) {
        if (prov.empty()) {
            return std::nullopt;
        }
        m.qualifier = display(prov);
        m.name = b.name + " " + m.qualifier;
        m.province = prov;
        return m;
    }
    auto d = sole_district(unit);
    if (!d) {
        return std::nullopt;
    }
    m.name = b.name + " " + *d;
    m.qualifier = *d;
    auto dp = district_province_.find(*d);
    m.province = dp != district_province_.end() ? dp->second : std::string();
    m.scope = m.province;
    return m;
}

std::optional<Run::BodyMatch> Run::parent_at(const Tokens& t, std::size_t i) const {
    if (i >= t.size()) {
        return std::nullopt;
    }
    if (auto c = committee_at(t, i)) {
        return c;
    }
    // "Trung ương (Đảng)"
    if (i + 1 < t.size() && t[i].low == "trung"sv && t[i + 1].low == "ương"sv) {
        BodyMatch m;
        m.name = "Trung ương";
        m.len = 2;
        if (i + 2 < t.size() && t[i + 2].text == "Đảng"sv) {
            m.name = "Trung ương Đảng";
            m.len = 3;
        }
        return m;
    }
    // "Quân ủy Trung ương", "Bộ Xây dựng" and other complete bodies
    auto [len, idx] = lex_.body_names.match(t, i);
    if (len > 0 && t[i].cap) {
        const Body& b = lex_.bodies[static_cast<std::size_t>(idx)];
        if (b.cls == BodyClass::national) {
            BodyMatch m;
            m.name = b.canonical.empty() ? b.name : b.canonical;
            m.len = len;
            return m;
        }
        if (b.cls == BodyClass::sector && b.name == "Bộ") {
            auto [sl, sx] = lex_.sector_names.match(t, i + len);
            if (sl > 0) {
                BodyMatch m;
                m.name = "Bộ " + lex_.sectors[static_cast<std::size_t>(sx)];
                m.len = len + sl;
                return m;
            }
        }
    }
    return std::nullopt;
}

std::optional<Run::BodyMatch> Run::body_at(const Tokens& t, std::size_t i) const {
    auto [len, idx] = lex_.body_names.match(t, i);
    if (len == 0) {
        return std::nullopt;
    }
    const Body& b = lex_.bodies[static_cast<std::size_t>(idx)];
    const std::string& written = b.canonical.empty() ? b.name : b.canonical;
    bool cap = t[i].cap;
    // "Trưởng ban Tuyên giáo", "Trưởng đoàn Đại biểu Quốc hội": a body named inside a title
    // is written in lower case.
    bool after_title = i > 0 && (t[i - 1].low == "trưởng"sv || t[i - 1].low == "phó"sv) &&
                       (t[i].low == "ban"sv || t[i].low == "đoàn"sv);
    bool committee_after_title = b.cls == BodyClass::committee && i > 0 &&
                                 (t[i - 1].low == "thư"sv || t[i - 1].low == "viên"sv);
    if (!cap && !after_title && !committee_after_title && b.name != "Ban cán sự đảng") {
        return std::nullopt;
    }
    if (i > 0 && (t[i - 1].low == "các"sv || t[i - 1].low == "những"sv)) {
        return std::nullopt;
    }
    std::size_t k = i + len;
    BodyMatch m;
    switch (b.cls) {
    case BodyClass::national:
        m.name = written;
        m.len = len;
        return m;
    case BodyClass::board: {
        if (b.name == "Thường trực" && i > 0 &&
            ((t[i - 1].word && t[i - 1].cap) || t[i - 1].low == "thư"sv ||
             t[i - 1].low == "tịch"sv || t[i - 1].low == "ban"sv || t[i - 1].low == "viên"sv ||
             t[i - 1].low == "trưởng"sv || t[i - 1].low == "tướng"sv)) {
            return std::nullopt; // "Phó Bí thư Thường trực": part of a title
        }
        auto p = parent_at(t, k);
        if (!p) {
            return std::nullopt; // "Ban Tuyên giáo các cấp": generic
        }
        if (b.name == "Thường trực" && committee_at(t, k) == std::nullopt) {
            return std::nullopt; // "Thường trực Ban Bí thư" is a title
        }
        m.name = written + " " + p->name;
        m.qualifier = p->name;
        m.province = p->province;
        m.scope = p->scope;
        m.len = len + p->len;
        return m;
    }
    case BodyClass::committee: {
        if (b.name == "Đảng bộ") {
            return std::nullopt; // only as a parent ("Ban Chấp hành Đảng bộ tỉnh")
        }
        return committee_at(t, i);
    }
    case BodyClass::local: {
        if (k < t.size() && (t[k].low == "các"sv || t[k].low == "cấp"sv)) {
            return std::nullopt;
        }
        if (b.name == "Báo") {
            auto [pl, pi] = lex_.province_names.match(t, k);
            if (pl == 0 || !t[k].cap) {
                return std::nullopt;
            }
            m.name = "Báo " + lex_.provinces[static_cast<std::size_t>(pi)].name;
            m.province = lex_.provinces[static_cast<std::size_t>(pi)].name;
            m.len = len + pl;
            return m;
        }
        bool district_body = b.name.rfind("Trung tâm", 0) == 0;
        auto q = place_qualifier(t, k, district_body ? "huyện" : "");
        if (!q) {
            if (b.name.find("Việt Nam") != std::string::npos) {
                m.name = written;
                m.len = len;
                return m;
            }
            return std::nullopt;
        }
        m.name = written + " " + q->name;
        m.qualifier = q->name;
        m.province = q->province;
        m.scope = q->scope;
        m.len = len + q->len;
        return m;
    }
    case BodyClass::sector: {
        if (!cap) {
            return std::nullopt;
        }
        auto [sl, sx] = lex_.sector_names.match(t, k);
        if (sl == 0 || !t[k].cap) {
            return std::nullopt;
        }
        std::string sector = lex_.sectors[static_cast<std::size_t>(sx)];
        if (b.name == "Bộ") {
            m.name = "Bộ " + sector;
            m.len = len + sl;
            return m;
        }
        auto q = place_qualifier(t, k + sl, b.name == "Phòng" ? "huyện" : "tỉnh");
        if (!q) {
            return std::nullopt;
        }
        m.name = b.name + " " + sector + " " + q->name;
        m.qualifier = q->name;
        m.province = q->province;
        m.scope = q->scope;
        m.len = len + sl + q->len;
        return m;
    }
    }
    return std::nullopt;
}

std::string Run::add_body(const BodyMatch& m, std::string_view sentence) {
    std::string id = add_entity("Organisation", m.name, m.scope, sentence);
    if (!m.province.empty()) {
        entity_by_id(entities_, id)->props["province"] = m.province;
        add_relation("LOCATED_IN", id, province_entity(m.province, sentence), {}, sentence);
    }
    return id;
}

void Run::find_bodies(Sentence& s) {
    const Tokens& t = s.toks;
    bodies_here_.clear();
    for (std::size_t i = 0; i < t.size(); ++i) {
        // "Phó Chủ tịch Thường trực UBND tỉnh", "Phó Bí thư Thường trực Tỉnh ủy": "Thường trực"
        // is the post's (standing), and the body is the one after it.
        if (i >= 1 && i + 2 < t.size() && t[i].low == "thường"sv && t[i + 1].low == "trực"sv &&
            (t[i - 1].low == "tịch"sv || t[i - 1].low == "thư"sv) &&
            lex_.body_names.match(t, i + 2).first > 0) {
            ++i;
            continue;
        }
        // "6 Huyện ủy: Kỳ Sơn, Tương Dương, ..." names one committee per district.
        auto [len, idx] = lex_.body_names.match(t, i);
        if (len > 0 && t[i].cap && i + len < t.size() && t[i + len].text == ":"sv &&
            lex_.bodies[static_cast<std::size_t>(idx)].cls == BodyClass::committee) {
            const Body& b = lex_.bodies[static_cast<std::size_t>(idx)];
            std::size_t j = i + len + 1;
            while (j < t.size()) {
                auto [dl, di] = lex_.district_names.match(t, j);
                if (dl == 0 || !t[j].cap) {
                    break;
                }
                const DistrictInfo& d = lex_.districts[static_cast<std::size_t>(di)];
                auto dp = district_province_.find(d.name);
                BodyMatch m;
                m.name = b.name + " " + written(t, j, j + dl, d.name);
                m.province = dp != district_province_.end() ? dp->second : std::string();
                m.scope = m.province;
                std::string id = add_body(m, s.text);
                bodies_here_.push_back({j, j + dl, id});
                j += dl;
                if (j < t.size() && (t[j].text == ","sv || t[j].low == "và"sv)) {
                    ++j;
                    continue;
                }
                break;
            }
            i = j > i ? j - 1 : i;
            continue;
        }
        // "Bộ trưởng Thông tin và Truyền thông" names the ministry.
        if (i + 2 < t.size() && (t[i].low == "bộ"sv || t[i].low == "thứ"sv) &&
            t[i + 1].low == "trưởng"sv && t[i].cap) {
            auto [sl, sx] = lex_.sector_names.match(t, i + 2);
            if (sl > 0 && t[i + 2].cap) {
                BodyMatch m;
                m.name = "Bộ " + lex_.sectors[static_cast<std::size_t>(sx)];
                std::string id = add_body(m, s.text);
                bodies_here_.push_back({i + 2, i + 2 + sl, id});
                i += 1 + sl;
                continue;
            }
        }
        // "các Sở: Nội vụ, Tài chính, Y tế", "Sở Nội vụ, Tài chính và Y tế tỉnh", "các Bộ: Công an,
        // Quốc phòng": one head for a list of sectors, a body each.
        if (t[i].low == "sở"sv || t[i].low == "bộ"sv) {
            bool ministry = t[i].low == "bộ"sv;
            std::size_t j = i + 1;
            if (j < t.size() && t[j].text == ":"sv) {
                ++j;
            }
            struct Item {
                std::size_t first;
                std::size_t last;
                std::size_t sector;
            };
            std::vector<Item> items;
            while (j < t.size()) {
                auto [sl, sx] = lex_.sector_names.match(t, j);
                if (sl == 0 || !t[j].cap) {
                    break;
                }
                items.push_back({j, j + sl, static_cast<std::size_t>(sx)});
                j += sl;
                if (j + 1 < t.size() && (t[j].text == ","sv || t[j].low == "và"sv)) {
                    ++j;
                    continue;
                }
                break;
            }
            if (items.size() >= 2) {
                std::size_t end = items.back().last;
                std::optional<BodyMatch> q;
                if (!ministry) {
                    q = place_qualifier(t, end, "tỉnh");
                }
                if (ministry || q) {
                    for (const Item& it : items) {
                        BodyMatch item;
                        item.name = (ministry ? "Bộ " : "Sở ") + lex_.sectors[it.sector];
                        if (q) {
                            item.name += " " + q->name;
                            item.qualifier = q->name;
                            item.province = q->province;
                            item.scope = q->scope;
                        }
                        std::string id = add_body(item, s.text);
                        bodies_here_.push_back({it.first, it.last, id});
                    }
                    i = end + (q ? q->len : 0) - 1;
                    continue;
                }
            }
        }
        auto m = body_at(t, i);
        if (!m && len > 0 && t[i].cap) {
            // "Ban Tuyên giáo, Ban Tổ chức, Ủy ban Kiểm tra Thành ủy Cao Lãnh", "HĐND, UBND
            // thành phố Hà Nội": the listed bodies share the last one's committee or place.
            const Body& b = lex_.bodies[static_cast<std::size_t>(idx)];
            bool board = b.cls == BodyClass::board;
            bool local = b.cls == BodyClass::local;
            if ((board && b.name != "Thường trực") || local) {
                std::size_t j = i + len;
                std::optional<BodyMatch> last;
                while (j + 1 < t.size() &&
                       (t[j].text == ","sv || t[j].low == "và"sv || is_dash(t[j]))) {
                    ++j;
                    auto [l2, i2] = lex_.body_names.match(t, j);
                    if (l2 == 0 || !t[j].cap ||
                        lex_.bodies[static_cast<std::size_t>(i2)].cls != b.cls) {
                        break;
                    }
                    if (auto m2 = body_at(t, j)) {
                        last = m2;
                        break;
                    }
                    j += l2;
                }
                if (last && !last->qualifier.empty()) {
                    BodyMatch shared = *last;
                    shared.name =
                        (b.canonical.empty() ? b.name : b.canonical) + " " + last->qualifier;
                    shared.len = len;
                    m = shared;
                }
            }
        }
        if (!m) {
            continue;
        }
        std::string id = add_body(*m, s.text);
        bodies_here_.push_back({i, i + m->len, id});
        i += m->len - 1;
    }
}

// A title that names a body ("Trưởng ban Tuyên giáo Tỉnh ủy", completed to the Ban Tuyên giáo
// Tỉnh ủy of the article's province by find_bodies) is a post held in that body. A title that
// names none ("Bí thư" alone) says where the person works only by guess, so it gives no edge.
void Run::find_positions(const Sentence& s) {
    for (const PersonMention& pm : persons_here_) {
        for (const auto& [first, last, title] : pm.title_spans) {
            // The first body that starts inside the title is the one it names; a later one is
            // its parent's place or another body the title runs into.
            const BodyMention* body = nullptr;
            for (const BodyMention& b : bodies_here_) {
                if (b.first >= first && b.first < last) {
                    body = &b;
                    break;
                }
            }
            if (body == nullptr) {
                continue;
            }
            // "Trưởng Đoàn kiểm tra số 12 của Bộ Chính trị": the post is in an unnamed unit
            // that the body only owns.
            bool owned = false;
            for (std::size_t k = first; k < body->first; ++k) {
                owned = owned || s.toks[k].low == "của"sv;
            }
            if (owned) {
                continue;
            }
            graph::Properties props{{"title", title}};
            if (!published_.empty()) {
                props["date"] = published_;
            }
            add_relation(std::string(graph::rel::holds_position), pm.id, body->id, std::move(props),
                         s.text);
        }
    }
}

// A position's title as the person's titles finally keep it: add_title merges a title into a
// longer one written later ("Chủ tịch Hội đồng nhân dân thành phố" into "... thành phố Cao
// Lãnh"), which is then the post meant; two edges that become one are kept once.
void Run::keep_position_titles() {
    std::set<std::string> seen;
    std::vector<Relation> kept;
    kept.reserve(out_.relations.size());
    for (Relation& r : out_.relations) {
        if (r.type == graph::rel::holds_position) {
            std::string title(graph::string_prop(r.props, "title"));
            const Entity* person = entity_by_id(entities_, r.from);
            const std::vector<std::string>* titles = nullptr;
            if (person != nullptr) {
                auto it = person->props.find("titles");
                if (it != person->props.end()) {
                    titles = std::get_if<std::vector<std::string>>(&it->second);
                }
            }
            if (titles != nullptr) {
                std::string key = lower(title);
                for (const std::string& old : *titles) {
                    if (lower(old).find(key) != std::string::npos) {
                        r.props["title"] = old;
                        break;
                    }
                }
            }
            std::string key = r.from + "\x1f" + r.to + "\x1f" +
                              lower(std::string(graph::string_prop(r.props, "title")));
            if (!seen.insert(key).second) {
                continue;
            }
        }
        kept.push_back(std::move(r));
    }
    out_.relations = std::move(kept);
}

// ---------------------------------------------------------------------------------------------
// Directives

struct CodeMatch {
    std::size_t begin = 0; ///< byte offsets in the sentence
    std::size_t end = 0;
    std::string code;
    std::vector<std::string> groups; ///< letter groups ("CT", "TW")
};

// Letters of a code group: Latin capitals, Đ, and lower case (codes are upper-cased after).
std::size_t letter_run(std::string_view s, std::size_t pos) {
    std::size_t p = pos;
    while (p < s.size()) {
        std::size_t q = p;
        char32_t c = next_code_point(s, q);
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == 0x110 || c == 0x111;
        if (!ok) {
            break;
        }
        p = q;
    }
    return p - pos;
}

std::vector<CodeMatch> find_codes(std::string_view s) {
    std::vector<CodeMatch> out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (!ascii_digit(s[pos]) ||
            (pos > 0 && (ascii_digit(s[pos - 1]) || (s[pos - 1] >= 'A' && s[pos - 1] <= 'z')))) {
            ++pos;
            continue;
        }
        std::size_t start = pos;
        std::size_t p = pos;
        while (p < s.size() && ascii_digit(s[p])) {
            ++p;
        }
        std::string number(s.substr(start, p - start));
        if (number.size() == 1) {
            number = "0" + number; // "4-KH/TW" is "04-KH/TW", as such codes are usually written
        }
        if (p < s.size() && s[p] >= 'a' && s[p] <= 'z' &&
            (p + 1 >= s.size() || !(s[p + 1] >= 'a' && s[p + 1] <= 'z'))) {
            number += static_cast<char>(s[p] - 32); // "36a/NQ-CP"
            ++p;
        }
        // "/2013/" or "-2017/" : the year inside state codes
        if (p + 5 < s.size() && (s[p] == '/' || s[p] == '-') && ascii_digit(s[p + 1]) &&
            ascii_digit(s[p + 2]) && ascii_digit(s[p + 3]) && ascii_digit(s[p + 4]) &&
            s[p + 5] == '/') {
            number += std::string(1, s[p]) + std::string(s.substr(p + 1, 4));
            p += 5;
        }
        auto skip_sep = [&](std::size_t q, std::string& sep) {
            std::size_t r = q;
            while (r < s.size() && s[r] == ' ') {
                ++r;
            }
            bool any = false;
            while (r < s.size()) {
                if (s[r] == '-' || s[r] == '/') {
                    sep += s[r];
                    ++r;
                    any = true;
                } else if (s.compare(r, 3, "\xE2\x80\x93") == 0) {
                    sep += '-';
                    r += 3;
                    any = true;
                } else {
                    break;
                }
            }
            while (r < s.size() && s[r] == ' ') {
                ++r;
            }
            return any && r - q <= 5 ? r : std::string_view::npos;
        };
        std::string sep;
        std::size_t q = skip_sep(p, sep);
        if (q == std::string_view::npos) {
            pos = p;
            continue;
        }
        std::vector<std::string> groups;
        std::vector<std::string> seps{sep.size() > 1 ? std::string(1, sep.back()) : sep};
        std::size_t r = q;
        while (true) {
            std::size_t n = letter_run(s, r);
            if (n == 0) {
                break;
            }
            groups.emplace_back(s.substr(r, n));
            r += n;
            if (r < s.size() && (s[r] == '-' || s[r] == '/') && r + 1 < s.size() &&
                letter_run(s, r + 1) > 0) {
                seps.emplace_back(1, s[r]);
                ++r;
                continue;
            }
            break;
        }
        // The National Assembly's "111/2015/QH13": one group, QH and the legislature's number.
        if (groups.size() == 1 && (groups[0] == "QH" || groups[0] == "qh") &&
            number.find_first_of("/-") != std::string::npos && r < s.size() &&
            ascii_digit(s[r])) {
            std::size_t d = r;
            while (d < s.size() && ascii_digit(s[d])) {
                ++d;
            }
            if (d - r <= 2 && (d >= s.size() || letter_run(s, d) == 0)) {
                groups[0] = "QH" + std::string(s.substr(r, d - r));
                r = d;
                groups.emplace_back(); // passes the two-group test below; not written
            }
        }
        if (groups.size() == 2 && groups[1].empty()) {
            groups.pop_back();
        } else if (groups.size() < 2 || (r < s.size() && (ascii_digit(s[r])))) {
            pos = p;
            continue;
        }
        CodeMatch m;
        m.begin = start;
        m.end = r;
        m.code = number;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            std::string up;
            std::string_view gv = groups[g];
            std::size_t x = 0;
            while (x < gv.size()) {
                char32_t c = next_code_point(gv, x);
                append_utf8(up, (c >= 'a' && c <= 'z') ? c - 32 : (c == 0x111 ? 0x110 : c));
            }
            m.code += seps[g] + up;
            m.groups.push_back(up);
        }
        out.push_back(std::move(m));
        pos = r;
    }
    return out;
}

std::size_t token_at_offset(const Tokens& t, std::size_t offset) {
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k].begin >= offset) {
            return k;
        }
    }
    return t.size();
}

void Run::find_directives(Sentence& s) {
    const Tokens& t = s.toks;
    directives_here_.clear();
    struct Found {
        std::size_t first;
        std::size_t last;
        std::string id;
        std::string kind;
        std::size_t code_end = 0; ///< the token after the code
        std::string issuer;       ///< as named in this sentence, and its entity
        std::string issuer_id;
    };
    std::vector<Found> found;
    auto kind_before = [&](std::size_t k) -> std::pair<std::string, std::size_t> {
        // "Chỉ thị số", "Nghị quyết", "Quyết định số ... ," just before the number
        std::size_t j = k;
        if (j > 0 && t[j - 1].low == "số"sv) {
            --j;
        }
        for (std::size_t back = 1; back <= 3 && back <= j; ++back) {
            auto [len, idx] = lex_.document_kind_names.match(t, j - back);
            if (len == back) {
                return {lex_.document_kinds[static_cast<std::size_t>(idx)].name, j - back};
            }
        }
        return {"", k};
    };
    // Date and issuer after a code: ", ngày 18/5/2021 của Bộ Chính trị"
    auto date_and_issuer = [&](std::size_t k, std::string& date, std::string& issuer,
                               std::string& issuer_id, std::size_t& end) {
        std::size_t j = k;
        while (j < t.size() && (t[j].text == ","sv || t[j].low == "ban"sv || t[j].low == "hành"sv ||
                                t[j].low == "được"sv)) {
            ++j;
        }
        if (j < t.size() && t[j].low == "ngày"sv) {
            if (auto d = parse_date_at(t, j, 0)) {
                if (d->iso.size() == 10) {
                    date = d->iso;
                }
                j = d->last;
            }
        }
        while (j < t.size() && t[j].text == ","sv) {
            ++j;
        }
        if (j < t.size() && t[j].low == "của"sv) {
            ++j;
            // "của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII", "của Hội nghị
            // Trung ương 4": a plenum's resolution is its committee's.
            if (j + 1 < t.size() && t[j].low == "hội"sv && t[j + 1].low == "nghị"sv) {
                std::size_t q = j + 2;
                while (q < t.size() && q < j + 8 && !is_sep(t[q]) &&
                       lex_.body_names.match(t, q).first == 0) {
                    ++q;
                }
                if (q < t.size() && q < j + 8 && lex_.body_names.match(t, q).first > 0) {
                    j = q;
                } else if (j + 3 < t.size() && t[j + 2].low == "trung"sv &&
                           t[j + 3].low == "ương"sv) {
                    issuer = "Ban Chấp hành Trung ương";
                    end = j + 4;
                    return;
                }
            }
            if (auto b = body_at(t, j)) {
                issuer = b->name;
                issuer_id = add_entity("Organisation", b->name, b->scope, s.text);
                if (!b->province.empty()) {
                    entity_by_id(entities_, issuer_id)->props["province"] = b->province;
                }
                j += b->len;
            } else {
                auto [len, idx] = lex_.issuer_names.match(t, j);
                if (len > 0 && t[j].cap) {
                    issuer = lex_.issuers[static_cast<std::size_t>(idx)].name;
                    j += len;
                }
            }
        }
        end = j;
    };
    auto add_directive = [&](const std::string& kind, const std::string& code,
                             const std::string& name, std::size_t first, std::size_t k) {
        std::string date;
        std::string issuer;
        std::string issuer_id;
        std::size_t end = k;
        date_and_issuer(k, date, issuer, issuer_id, end);
        std::string scope;
        std::size_t slash = code.rfind('/');
        std::size_t dash = code.rfind('-');
        std::string suffix =
            slash != std::string::npos && (dash == std::string::npos || slash > dash)
                ? code.substr(slash + 1)
                : (dash != std::string::npos ? code.substr(dash + 1) : "");
        if (!code.empty() && lex_.local_suffixes.count(suffix) > 0) {
            scope = out_.province;
        }
        std::string id = add_entity("Directive", name, scope, s.text);
        Entity* e = entity_by_id(entities_, id);
        if (!code.empty()) {
            e->props["code"] = code;
        }
        if (!kind.empty()) {
            e->props["kind"] = kind;
        }
        if (!date.empty() && e->props.find("date") == e->props.end()) {
            e->props["date"] = date;
        }
        if (!issuer.empty() && e->props.find("issuer") == e->props.end()) {
            e->props["issuer"] = issuer;
        }
        if (!issuer_id.empty()) {
            graph::Properties p;
            if (!date.empty()) {
                p["date"] = date;
            }
            add_relation("ISSUED", issuer_id, id, p, s.text);
        }
        found.push_back({first, end, id, kind, k, issuer, issuer_id});
    };
    for (const CodeMatch& c : find_codes(s.text)) {
        std::size_t k = token_at_offset(t, c.begin);
        std::size_t after = token_at_offset(t, c.end);
        auto [kind, first] = kind_before(k);
        if (kind.empty()) {
            auto it = lex_.kind_by_letters.find(c.groups.front());
            if (it == lex_.kind_by_letters.end()) {
                continue;
            }
            kind = it->second;
        }
        add_directive(kind, c.code, kind + " số " + c.code, first, after);
    }
    // Bare numbers whose kind and issuer are named: "Chỉ thị số 05 của Bộ Chính trị"
    for (std::size_t k = 0; k + 2 < t.size(); ++k) {
        auto [len, idx] = lex_.document_kind_names.match(t, k);
        if (len == 0 || !t[k].cap) {
            continue;
        }
        std::size_t j = k + len;
        if (j < t.size() && t[j].low == "số"sv) {
            ++j;
        }
        if (j >= t.size() || !t[j].digit || t[j].text.size() > 4) {
            continue;
        }
        bool plain = true;
        for (char ch : t[j].text) {
            plain = plain && ascii_digit(ch);
        }
        if (!plain || (j + 1 < t.size() && (is_dash(t[j + 1]) || t[j + 1].text == "/"sv))) {
            continue;
        }
        bool covered = false;
        for (const Found& f : found) {
            covered = covered || (j >= f.first && j < f.last);
        }
        if (covered) {
            continue;
        }
        std::size_t m = j + 1;
        std::size_t guard = m;
        while (m < t.size() && m < guard + 8 && t[m].low != "của"sv && !is_sep(t[m])) {
            ++m;
        }
        while (m < t.size() && t[m].text == ","sv) {
            ++m;
        }
        if (m < t.size() && t[m].low == "ngày"sv) {
            if (auto d = parse_date_at(t, m, 0)) {
                m = d->last;
            }
            while (m < t.size() && t[m].text == ","sv) {
                ++m;
            }
        }
        if (m >= t.size() || t[m].low != "của"sv) {
            continue;
        }
        auto [il, ii] = lex_.issuer_names.match(t, m + 1);
        if (il == 0) {
            continue;
        }
        const Issuer& is = lex_.issuers[static_cast<std::size_t>(ii)];
        const DocumentKind& dk = lex_.document_kinds[static_cast<std::size_t>(idx)];
        if (dk.letters.empty() || is.local) {
            continue;
        }
        std::string num(t[j].text);
        if (num.size() == 1) {
            num = "0" + num;
        }
        std::string code = is.party ? num + "-" + dk.letters.front() + "/" + is.suffix
                                    : num + "/" + dk.letters.front() + "-" + is.suffix;
        add_directive(dk.name, code, dk.name + " số " + code, k, j + 1);
    }
    // Named resolutions without a number: "Nghị quyết Trung ương 4 (khóa XII)"
    for (std::size_t k = 0; k + 4 < t.size(); ++k) {
        if (t[k].low != "nghị"sv || t[k + 1].low != "quyết"sv || !t[k].cap) {
            continue;
        }
        std::size_t j = k + 2;
        if (t[j].low == "hội"sv && j + 1 < t.size() && t[j + 1].low == "nghị"sv) {
            j += 2;
        }
        if (j + 2 >= t.size() || t[j].low != "trung"sv || t[j + 1].low != "ương"sv ||
            !t[j + 2].digit) {
            continue;
        }
        std::string n(t[j + 2].text);
        std::size_t m = j + 3;
        if (m < t.size() && t[m].text == "("sv) {
            ++m;
        }
        if (m + 1 >= t.size() || t[m].low != "khóa"sv || roman(t[m + 1].text) == 0) {
            continue;
        }
        std::string name =
            "Nghị quyết Trung ương " + n + " (khóa " + std::string(t[m + 1].text) + ")";
        std::string id = add_entity("Directive", name, "", s.text);
        entity_by_id(entities_, id)->props["kind"] = std::string("Nghị quyết");
        found.push_back({k, m + 2, id, "Nghị quyết", m + 2, "", ""});
    }
    // "Kết luận số 01-KL/TW ... về tiếp tục thực hiện Chỉ thị số 05-CT/TW"
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.first < b.first; });
    // What the words around a code say of its date and issuer when they do not follow it
    // directly (docs/extraction.md, "Directives").
    {
        auto ban_hanh = [&](std::size_t k) {
            return k + 1 < t.size() && t[k].low == "ban"sv && t[k + 1].low == "hành"sv;
        };
        auto set_date = [&](const Found& f, const std::string& iso) {
            Entity* e = entity_by_id(entities_, f.id);
            if (!iso.empty() && ascii_digit(iso.front()) && !e->props.contains("date")) {
                e->props["date"] = iso;
            }
        };
        auto set_issuer = [&](Found& f, const std::string& name, const std::string& issuer_id) {
            Entity* e = entity_by_id(entities_, f.id);
            if (name.empty() || !f.issuer.empty() || e->props.contains("issuer")) {
                return;
            }
            e->props["issuer"] = name;
            f.issuer = name;
            f.issuer_id = issuer_id;
            if (!issuer_id.empty()) {
                graph::Properties p;
                if (std::string_view d = graph::string_prop(e->props, "date"); !d.empty()) {
                    p["date"] = std::string(d);
                }
                add_relation("ISSUED", issuer_id, f.id, p, s.text);
            }
        };
        // The body named at [from, to), nearest `to`: a mention find_bodies() made, else an
        // issuer's name. Empty name when there is none.
        auto body_in = [&](std::size_t from, std::size_t to) -> std::pair<std::string, std::string> {
            for (auto it = bodies_here_.rbegin(); it != bodies_here_.rend(); ++it) {
                if (it->first >= from && it->last <= to) {
                    return {entity_by_id(entities_, it->id)->name, it->id};
                }
            }
            for (std::size_t k = from; k < to; ++k) {
                auto [len, idx] = lex_.issuer_names.match(t, k);
                if (len > 0 && t[k].cap && k + len <= to) {
                    return {lex_.issuers[static_cast<std::size_t>(idx)].name, ""};
                }
            }
            return {"", ""};
        };
        for (std::size_t a = 0; a < found.size(); ++a) {
            Found& f = found[a];
            std::size_t stop = a + 1 < found.size() ? found[a + 1].first : t.size();
            // "Kết luận 150-KL/TW năm 2025"
            std::size_t c = f.code_end;
            if (c + 1 < t.size() && t[c].low == "năm"sv && t[c + 1].digit &&
                t[c + 1].text.size() == 4) {
                set_date(f, std::string(t[c + 1].text));
            }
            // After it, before the next code: "... được Ban Chấp hành Trung ương khóa XIII ban
            // hành ngày 16/6/2022", "(ban hành tháng 5/2014)".
            for (std::size_t k = f.last; k < stop && k < f.last + 60; ++k) {
                if (t[k].text == ";"sv) {
                    break;
                }
                if (!ban_hanh(k)) {
                    continue;
                }
                if (auto d = parse_date_at(t, k + 2, 0); d && d->first == k + 2) {
                    set_date(f, d->iso);
                }
                for (std::size_t b = k; b-- > f.last && b + 12 > k;) {
                    if (!t[b].cap && (t[b].low == "được"sv || t[b].low == "do"sv)) {
                        auto [name, id] = body_in(b + 1, k);
                        set_issuer(f, name, id);
                        break;
                    }
                }
                break;
            }
            // Before it, in a sentence that names no earlier code: "Chủ tịch UBND TP. Hà Nội đã
            // ban hành Chỉ thị số 01/CT-UBND", "Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí
            // X ký ban hành Kết luận 157-KL/TW".
            if (a == 0) {
                std::size_t k = f.first;
                while (k > 0 && (t[k - 1].low == "các"sv || t[k - 1].low == "văn"sv ||
                                 t[k - 1].low == "bản"sv)) {
                    --k;
                }
                if (k >= 2 && ban_hanh(k - 2)) {
                    std::size_t bh = k - 2;
                    static const std::set<std::string, std::less<>> fillers = {
                        "đã", "vừa", "mới", "ký", "chính", "thức", "cũng", "đồng", "thời"};
                    std::size_t j = bh;
                    while (j > 0 && fillers.count(t[j - 1].low) > 0 && bh - j < 4) {
                        --j;
                    }
                    std::pair<std::string, std::string> by;
                    std::size_t by_first = j;
                    for (const BodyMention& m : bodies_here_) {
                        if (m.last == j) {
                            by = {entity_by_id(entities_, m.id)->name, m.id};
                            by_first = m.first;
                        }
                    }
                    // A longer issuer's name wins: "Thủ tướng Chính phủ vừa ban hành ..." is
                    // the Prime Minister's, not the Government's.
                    // Not the tail of a longer name ("Hội đồng Thi đua - Khen thưởng Trung ương").
                    auto in_name = [&](std::size_t p) {
                        return (p >= 2 && t[p - 1].cap) || (p >= 3 && t[p - 2].cap);
                    };
                    for (std::size_t p = j > 6 ? j - 6 : 0; p < by_first; ++p) {
                        auto [len, idx] = lex_.issuer_names.match(t, p);
                        if (len > 0 && t[p].cap && p + len == j && !in_name(p)) {
                            by = {lex_.issuers[static_cast<std::size_t>(idx)].name, ""};
                            break;
                        }
                    }
                    // "thay mặt Bộ Chính trị, ... ký ban hành"
                    for (std::size_t m = 0; by.first.empty() && m + 2 < bh; ++m) {
                        if (t[m].low == "thay"sv && t[m + 1].low == "mặt"sv) {
                            for (const BodyMention& b : bodies_here_) {
                                if (b.first == m + 2) {
                                    by = {entity_by_id(entities_, b.id)->name, b.id};
                                }
                            }
                        }
                    }
                    set_issuer(f, by.first, by.second);
                    if (!t.empty() && t[0].low == "ngày"sv) {
                        if (auto d = parse_date_at(t, 0, 0); d && d->has_day) {
                            set_date(f, d->iso);
                        }
                    }
                }
            }
        }
        // A list that names its issuer once, at the end: "Quy định số 40-QĐ/TW, ngày 19/9/2011
        // và Quyết định số 343-QĐNS/TW, ngày 13/8/2016 của Bộ Chính trị".
        for (std::size_t a = found.size(); a-- > 1;) {
            Found& f = found[a - 1];
            const Found& g = found[a];
            // Only between codes of one issuer's kind, each with its own date before the
            // issuer: "Nghị định 130/2020/NĐ-CP và Công văn 1084-CV/TU, ngày ... của Ban
            // Thường vụ Tỉnh ủy" names the issuer of the second alone.
            auto suffix = [&](const Found& x) {
                std::string_view code = graph::string_prop(entity_by_id(entities_, x.id)->props, "code");
                std::size_t cut = code.find_last_of("/-");
                return cut == std::string_view::npos ? std::string_view() : code.substr(cut + 1);
            };
            bool joined = f.last <= g.first && g.first - f.last <= 2 && f.last > f.code_end &&
                          !suffix(f).empty() && suffix(f) == suffix(g);
            for (std::size_t k = f.last; joined && k < g.first; ++k) {
                joined = t[k].text == ","sv || t[k].low == "và"sv;
            }
            if (joined && !g.issuer.empty()) {
                set_issuer(f, g.issuer, g.issuer_id);
            }
        }
    }
    for (std::size_t a = 0; a + 1 < found.size(); ++a) {
        const Found& x = found[a];
        const Found& y = found[a + 1];
        if (x.id == y.id) {
            continue;
        }
        bool link = false;
        for (std::size_t k = x.last; k < y.first && k < t.size(); ++k) {
            if (t[k].text == ";"sv || t[k].text == "."sv) {
                break;
            }
            if (t[k].low == "thực"sv && k + 1 < t.size() && t[k + 1].low == "hiện"sv) {
                link = true;
            }
        }
        if (link) {
            add_relation("REFERENCES", x.id, y.id, {}, s.text);
        }
    }
    for (const Found& f : found) {
        directives_here_.emplace_back(f.first, f.id);
    }
}

// ---------------------------------------------------------------------------------------------
// Meetings

// The end of a meeting's name that starts with its head at `i`.
std::size_t Run::meeting_name_end(const Tokens& t, std::size_t i, std::size_t head_len) const {
    static const std::set<std::string, std::less<>> stops = {
        "do",   "dưới",  "vào",  "diễn",  "được",  "sẽ",   "đã",   "nhằm", "để",    "có",
        "từ",   "ngày",  "sáng", "chiều", "tối",   "trưa", "là",   "cho",  "tại",   "trong",
        "theo", "cùng",  "bằng", "qua",   "đến",   "tới",  "nhân", "này",  "đó",    "trên",
        "sau",  "trước", "khi",  "thì",   "mà",    "tham", "dự",   "và",   "nhưng", "cũng",
        "vừa",  "đang",  "hôm",  "bởi",   "không", "chưa", "nên",  "phải", "vẫn",   "còn"};
    // Verbs of the sentence around the name; a capitalised one opens a run-on sentence
    // ("tại hội nghị Phát biểu ...").
    static const std::set<std::string, std::less<>> verbs = {
        "phát biểu", "kết luận", "nhấn mạnh", "chủ trì",   "cho biết", "khẳng định",
        "đề nghị",   "yêu cầu",  "ghi nhận",  "điều hành", "tham dự",  "trình bày"};
    static const std::set<std::string, std::less<>> happenings = {"khai mạc", "bế mạc", "diễn ra",
                                                                  "kết thúc", "công bố"};
    auto stop_here = [&](std::size_t k) {
        const Token& x = t[k];
        if (k + 1 < t.size() && verbs.count(x.low + " " + t[k + 1].low) > 0) {
            return true;
        }
        if (x.low == "nhân"sv && k + 1 < t.size() && t[k + 1].low == "dân"sv) {
            return false; // "Hội đồng nhân dân", not "nhân dịp"
        }
        // What happens to the event, once it has a name: "Hội nghị lần thứ 8 ... khai mạc
        // trọng thể", "Đại hội ... lần thứ XVI công bố kết quả ...". Right after the head these
        // words name it ("Lễ khai mạc", "Hội nghị công bố quyết định").
        if (k >= i + head_len + 2 && k + 1 < t.size() && !x.cap &&
            happenings.count(x.low + " " + t[k + 1].low) > 0) {
            return true;
        }
        return !x.cap && stops.count(x.low) > 0;
    };
    std::size_t k = i + head_len;
    while (k < t.size() && k - i < 30) {
        const Token& x = t[k];
        // A quoted title belongs to the name: tọa đàm "Nâng cao chất lượng ...".
        if (x.text == "\""sv || x.text == "\xE2\x80\x9C"sv) {
            std::size_t c = k + 1;
            while (c < t.size() && c - i < 40 && t[c].text != "\""sv &&
                   t[c].text != "\xE2\x80\x9D"sv) {
                ++c;
            }
            if (c < t.size() && c > k + 1 &&
                (t[c].text == "\""sv || t[c].text == "\xE2\x80\x9D"sv)) {
                k = c + 1;
                continue;
            }
            break;
        }
        if (!x.word) {
            if (is_dash(x) && k + 1 < t.size() && t[k + 1].word && !stop_here(k + 1)) {
                ++k; // "Hội thi 90 năm - Vinh quang ...", "kinh tế - xã hội"
                continue;
            }
            if (x.text == "("sv && k + 1 < t.size() && t[k + 1].low == "khóa"sv) {
                std::size_t c = k;
                while (c < t.size() && t[c].text != ")"sv) {
                    ++c;
                }
                k = c < t.size() ? c + 1 : c;
                continue;
            }
            // "Hội nghị phối hợp lãnh đạo, chỉ đạo công tác quân sự, quốc phòng ..."
            if (x.text == ","sv && k > i + head_len && k + 1 < t.size() && t[k + 1].word &&
                !t[k + 1].cap && !t[k + 1].digit && !stop_here(k + 1) &&
                lex_.honorifics.match(t, k + 1).first == 0) {
                ++k;
                continue;
            }
            break;
        }
        if (x.cap && lex_.honorifics.match(t, k).first > 0) {
            break; // "Hội nghị Ông Trần Thanh Mẫn chào mừng ...": a caption run on
        }
        // "kỷ luật đồng chí Nguyễn Văn Thiện": a person the event is about, at its end
        if (lex_.honorifics.match(t, k).first > 0 && !x.cap) {
            std::size_t h = k + lex_.honorifics.match(t, k).first;
            std::size_t n = name_run(t, h);
            if (n >= 2 && lex_.is_surname(t[h]) && (h + n >= t.size() || is_sep(t[h + n]))) {
                return h + n;
            }
            break;
        }
        // "Hội nghị sơ kết 5 năm thực hiện Kết luận số 01-KL/TW": a capitalised document kind
        // before its number is the document the event is about, not the verb "kết luận".
        if (auto [kl, ki] = lex_.document_kind_names.match(t, k); kl > 0 && x.cap) {
            (void)ki;
            std::size_t c = k + kl;
            if (c < t.size() && t[c].low == "số"sv) {
                ++c;
            }
            if (c < t.size() && t[c].digit) {
                k = c + 1;
                continue;
            }
        }
        if (stop_here(k)) {
            if (x.low == "và"sv && k + 1 < t.size() &&
                (t[k + 1].cap || lex_.event_acts.match(t, k + 1).first > 0)) {
                ++k;
                continue;
            }
            break;
        }
        ++k;
    }
    // A name does not end inside a quote: it ends before the quote opened.
    std::size_t open_quote = k;
    for (std::size_t q = i + head_len; q < k; ++q) {
        bool mark =
            t[q].text == "\""sv || t[q].text == "\xE2\x80\x9C"sv || t[q].text == "\xE2\x80\x9D"sv;
        if (mark) {
            open_quote = open_quote == k ? q : k;
        }
    }
    k = open_quote;
    // Trailing linking words are not part of the name.
    while (k > i + head_len &&
           (t[k - 1].low == "với"sv || t[k - 1].low == "của"sv || t[k - 1].low == "về"sv ||
            t[k - 1].text == ","sv || is_dash(t[k - 1]))) {
        --k;
    }
    return k;
}

namespace {

std::set<std::string> word_set(std::string_view s) {
    std::set<std::string> out;
    for (const Token& t : tokenise(s)) {
        if (t.word) {
            out.insert(t.low);
        }
    }
    return out;
}

} // namespace

// Names longer than 120 characters are cut at a word boundary: a name, not a summary.
std::string shorten_name(const std::string& name) {
    std::size_t chars = 0;
    std::size_t pos = 0;
    std::size_t last_space = 0;
    while (pos < name.size()) {
        if (name[pos] == ' ') {
            last_space = pos;
        }
        next_code_point(name, pos);
        if (++chars > 120) {
            std::string cut = name.substr(0, last_space);
            Tokens t = tokenise(cut);
            std::size_t end = t.size();
            // Never inside a quote: a cut quote ends the name before it opened.
            std::size_t open_quote = end;
            for (std::size_t q = 0; q < end; ++q) {
                if (t[q].text == "\""sv || t[q].text == "\xE2\x80\x9C"sv ||
                    t[q].text == "\xE2\x80\x9D"sv) {
                    open_quote = open_quote == end ? q : end;
                }
            }
            end = open_quote;
            while (end > 0 &&
                   (!t[end - 1].word || t[end - 1].low == "của"sv || t[end - 1].low == "về"sv ||
                    t[end - 1].low == "và"sv || t[end - 1].low == "với"sv)) {
                --end;
            }
            return end == 0 ? cut : std::string(trim(cut.substr(0, t[end - 1].end)));
        }
    }
    return name;
}

void Run::restate_meeting_date(std::size_t meeting, const std::string& date,
                               const std::string& name) {
    MeetingState& m = meetings_[meeting];
    m.date_assumed = false;
    Entity* e = entity_by_id(entities_, m.id);
    e->props["date"] = date;
    std::string new_name = name.empty() ? e->name : name;
    std::string scope = date + " " + out_.province;
    auto old = entity_index_.find(e->type + "\x1f" + lower(e->name) + "\x1f" + e->scope);
    if (old == entity_index_.end() ||
        entity_index_.count(e->type + "\x1f" + lower(new_name) + "\x1f" + scope) > 0) {
        return; // another meeting of that name and date: keep the name and scope it had
    }
    std::size_t index = old->second;
    entity_index_.erase(old);
    e->name = new_name;
    e->scope = scope;
    entity_index_.emplace(e->type + "\x1f" + lower(new_name) + "\x1f" + scope, index);
}

std::string Run::headline_named(const std::string& head) const {
    // "Dự hội nghị, ..." under the headline "Thông qua Dự thảo báo cáo kết quả kiểm tra ...":
    // the meeting the article is about, which the headline describes.
    std::string_view title = trim_punct(out_.article.title);
    Tokens tt = tokenise(title);
    if (tt.size() < 3 || tt.size() > 25) {
        return head;
    }
    for (std::size_t k = 0; k < tt.size(); ++k) {
        if (tt[k].low == "hội"sv || tt[k].low == "họp"sv || tt[k].low == "lễ"sv ||
            tt[k].low == "đại"sv || tt[k].low == "tọa"sv) {
            return head; // the headline names an event of its own
        }
    }
    std::string rest(title);
    if (!tt.empty() && tt[0].cap && !tt[0].all_caps) {
        std::size_t p = 0;
        char32_t c = next_code_point(rest, p);
        std::string low;
        append_utf8(low, to_lower(c));
        rest = low + rest.substr(p);
    }
    return head + " " + rest;
}

std::string Run::add_meeting(const std::string& full_name, const std::string& kind,
                             const std::string& date, std::string_view sentence, std::size_t si,
                             bool date_assumed) {
    std::string name = shorten_name(full_name);
    // The same event named twice in an article ("Hội nghị tổng kết công tác Tuyên giáo ..." in
    // the title, "Hội nghị tổng kết hoạt động năm 2020" in the text) is one meeting.
    std::set<std::string> words = word_set(name);
    for (std::size_t mi = 0; mi < meetings_.size(); ++mi) {
        const MeetingState& m = meetings_[mi];
        // A ceremony is not the contest or meeting it names ("Lễ tổng kết và trao giải Hội
        // thi ..."), nor a congress any other event.
        if ((m.kind == "congress") != (kind == "congress") ||
            (m.kind == "ceremony") != (kind == "ceremony")) {
            continue;
        }
        Entity* e = entity_by_id(entities_, m.id);
        std::set<std::string> other = word_set(e->name);
        std::size_t common = 0;
        for (const std::string& w : words) {
            common += other.count(w);
        }
        std::size_t all = words.size() + other.size() - common;
        bool subset = common == std::min(words.size(), other.size()) && common >= 3;
        // "Hội nghị tổng kết ..." twice in one article: the same head and next word.
        Tokens a = tokenise(name);
        Tokens b = tokenise(e->name);
        bool same_start = a.size() >= 3 && b.size() >= 3 && a[0].low == b[0].low &&
                          a[1].low == b[1].low && a[2].low == b[2].low;
        subset = subset || same_start;
        std::string old_date(graph::string_prop(e->props, "date"));
        // The article's date stands in for a date no sentence stated, so it clashes with none.
        bool dates_clash = !date.empty() && !old_date.empty() && date != old_date &&
                           !date_assumed && !m.date_assumed;
        if (!dates_clash && (subset || (all > 0 && common * 5 >= all * 2))) {
            if (!sentence.empty() && e->sentences.size() < 8) {
                e->sentences.emplace_back(sentence);
            }
            if (old_date.empty() && !date.empty()) {
                e->props["date"] = date;
                meetings_[mi].date_assumed = date_assumed;
            } else if (m.date_assumed && !date_assumed && !date.empty()) {
                std::string id = m.id;
                restate_meeting_date(mi, date);
                return id;
            }
            return m.id;
        }
    }
    // A meeting is one node across articles when its name, date and province agree; without
    // a date it stays within its article.
    std::string scope = date.empty() ? out_.article.id : date + " " + out_.province;
    std::string id = add_entity("Meeting", name, scope, sentence);
    Entity* e = entity_by_id(entities_, id);
    if (!date.empty() && e->props.find("date") == e->props.end()) {
        e->props["date"] = date;
    }
    std::string prov = local_province();
    if (!prov.empty() && e->props.find("province") == e->props.end()) {
        e->props["province"] = prov;
        add_relation("HELD_IN", id, province_entity(prov, sentence), {}, sentence);
    }
    meetings_.push_back({id, kind, si, date_assumed && !date.empty()});
    return id;
}

std::string Run::opening_period(const Tokens& t, std::size_t before) const {
    // "Trong quý IV/2023, Tỉnh ủy đã tổ chức Hội nghị ...", "Tháng 5, ... sẽ tổ chức ...",
    // "Cuối năm 2023, ...": a sentence that opens with a period dates what it tells no more
    // precisely than that (rather than by the article's day).
    std::size_t k = 0;
    while (k < t.size() && k < 2 &&
           (t[k].low == "trong"sv || t[k].low == "vào"sv || t[k].low == "cuối"sv ||
            t[k].low == "đầu"sv || t[k].low == "giữa"sv)) {
        ++k;
    }
    if (k >= before || k >= t.size() || !may_start_date(t[k])) {
        return {};
    }
    // Only for a meeting the sentence says is held: "tổ chức", "diễn ra", "khai mạc", "tiến hành".
    bool held = false;
    for (std::size_t j = 0; j + 1 < t.size() && !held; ++j) {
        std::string_view a = t[j].low;
        std::string_view b = t[j + 1].low;
        held = (a == "tổ"sv && b == "chức"sv) || (a == "diễn"sv && b == "ra"sv) ||
               (a == "khai"sv && b == "mạc"sv) || (a == "tiến"sv && b == "hành"sv);
    }
    if (!held) {
        return {};
    }
    auto d = parse_date_at(t, k, year_);
    if (!d || d->has_day || d->last >= before || d->iso.empty() || !ascii_digit(d->iso.front()) ||
        d->last >= t.size() || t[d->last].text != ","sv) {
        return {};
    }
    return d->iso;
}

std::string Run::sentence_date(const Tokens& t, std::size_t skip_from, std::size_t skip_to,
                               bool month_ok) const {
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (k >= skip_from && k < skip_to) {
            continue;
        }
        bool paren = t[k].text == "("sv;
        if (!paren && !may_start_date(t[k])) {
            continue;
        }
        // A date right after a document's code is its date of issue.
        bool cited = false;
        for (std::size_t b = k; b > 0 && k - b < 3; --b) {
            const Token& x = t[b - 1];
            if (x.digit &&
                (x.text.find('-') != std::string_view::npos ||
                 x.text.find('/') != std::string_view::npos) &&
                letter_run(x.text, x.text.find_first_of("-/") + 1) > 0) {
                cited = true;
            }
        }
        if (cited) {
            continue;
        }
        if (paren) {
            while (k < t.size() && t[k].text != ")"sv) {
                ++k;
            }
            continue;
        }
        if (auto d = parse_date_at(t, k, year_)) {
            if (d->has_day || (month_ok && d->has_month)) {
                return d->iso;
            }
            k = d->last - 1;
        }
    }
    return {};
}

void Run::find_meetings(Sentence& s, std::size_t si) {
    const Tokens& t = s.toks;
    static const std::set<std::string, std::less<>> triggers = {
        "chức", "dự", "tại", "trì", "mạc", "ra",   "biểu", "hành", "trong", "họp",
        "với",  "về", "tới", "đến", "sau", "tiếp", "qua",  "mở",   "vào"};

    std::vector<std::pair<std::size_t, std::string>> here;  // token, meeting id
    std::vector<std::pair<std::size_t, std::size_t>> names; // spans of meeting names
    // The edges a meeting named at [i, end) (its head [i, i + len)) has from its sentence.
    auto link_meeting = [&](const std::string& id, std::size_t i, std::size_t len,
                            std::size_t end, const std::string& date) {
        // "Ban Tuyên giáo Tỉnh ủy Hưng Yên (phối hợp) tổ chức Hội nghị": the organiser
        if (i >= 2 && t[i - 1].low == "chức"sv && t[i - 2].low == "tổ"sv) {
            for (const BodyMention& b : bodies_here_) {
                if (b.last <= i - 2 && b.last + 4 >= i - 2) {
                    graph::Properties p;
                    if (!date.empty()) {
                        p["date"] = date;
                    }
                    add_relation("ORGANISED", b.id, id, p, s.text);
                }
            }
        }
        // "Hội nghị ... của Ban Thường vụ Tỉnh ủy": the organiser, unless "của" is a
        // document's ("... thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị", "... Quyết định của
        // Bộ Chính trị").
        for (const BodyMention& b : bodies_here_) {
            if (b.first < i + len || b.last > end || b.first == 0 || t[b.first - 1].low != "của"sv) {
                continue;
            }
            bool of_document = false;
            for (const auto& [di, did] : directives_here_) {
                of_document = of_document || (di >= i + len && di < b.first && b.first - di <= 12);
            }
            for (std::size_t k = b.first >= 4 ? b.first - 4 : 0; k + 1 < b.first; ++k) {
                std::size_t kl = lex_.document_kind_names.match(t, k).first;
                of_document = of_document || (kl > 0 && k + kl < b.first);
            }
            if (!of_document) {
                add_relation("ORGANISED", b.id, id, {}, s.text);
            }
        }
        // The documents it is about: named in it or after it ("Hội nghị sơ kết 5 năm thực hiện
        // Chỉ thị số 05-CT/TW", "Hội nghị ... quán triệt Nghị quyết số 57-NQ/TW").
        for (const auto& [di, did] : directives_here_) {
            if (di >= i + len) {
                add_relation("DISCUSSED", id, did, {}, s.text);
            }
        }
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        auto [len, idx] = lex_.meeting_heads.match(t, i);
        if (len == 0) {
            continue;
        }
        const std::string& kind = lex_.meeting_words[static_cast<std::size_t>(idx)].second;
        std::string prev = i > 0 ? t[i - 1].low : std::string();
        // "Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung
        // ương": the plenum that issued a document, not a meeting of the article.
        if (prev == "của"sv) {
            bool cited = false;
            for (const auto& [di, did] : directives_here_) {
                cited = cited || (di < i && i - di <= 12);
            }
            if (cited) {
                i = std::max(i, meeting_name_end(t, i, len) - 1);
                continue;
            }
        }
        if (prev == "các"sv || prev == "những"sv || prev == "nhiều"sv || prev == "mỗi"sv ||
            prev == "quyết"sv || prev == "kiện"sv || prev == "thảo"sv || prev == "từng"sv ||
            prev == "thông"sv ||
            (i >= 3 && t[i - 3].low == "ban"sv && t[i - 2].low == "tổ"sv && prev == "chức"sv)) {
            i += len - 1; // "Trưởng Ban Tổ chức Hội thi" names a body, not the event
            continue;
        }
        std::size_t end = meeting_name_end(t, i, len);
        std::size_t extra = end - (i + len);
        bool triggered = t[i].cap || triggers.count(prev) > 0;
        if (kind == "ceremony") {
            if (prev == "ngày"sv || prev == "dịp"sv || prev == "mùa"sv || extra < 2 || !triggered ||
                (i + 1 < t.size() &&
                 (t[i + 1].low == "hội"sv || t[i + 1].low == "lớn"sv || t[i + 1].low == "tết"sv))) {
                continue;
            }
        }
        if (kind == "congress") {
            bool numbered = false;
            for (std::size_t k = i + len; k < end; ++k) {
                numbered = numbered || t[k].low == "thứ"sv || roman(t[k].text) > 0;
            }
            bool referred = false;
            for (std::size_t k = 0; k < i; ++k) {
                referred = referred || t[k].low == "kiện"sv || t[k].low == "quyết"sv;
            }
            // "chuẩn bị tốt Đại hội ...", "Tiến tới Đại hội ...", "chào mừng Đại hội ...": one
            // looked forward to, not held in what the article tells (unless the sentence dates it).
            for (std::size_t k = i >= 4 ? i - 4 : 0; k + 1 < i && !referred; ++k) {
                std::string pair = t[k].low + " " + t[k + 1].low;
                referred = (pair == "chuẩn bị" || pair == "tiến tới" || pair == "hướng tới" ||
                            pair == "chào mừng" || pair == "trước thềm") &&
                           sentence_date(t, i, end, true).empty();
            }
            if (!numbered || extra < 2 || !t[i].cap || referred) {
                i = end > i ? end - 1 : i;
                continue;
            }
            std::string id =
                add_meeting(join(t, i, end), kind, sentence_date(t, i, end, true), s.text, si);
            here.emplace_back(i, id);
            names.emplace_back(i, end);
            i = end - 1;
            continue;
        }
        std::string date = sentence_date(t, i, end, false);
        if (date.empty()) {
            // Unless the name has a period of its own ("Hội nghị Trung ương 9 tháng 12/2018").
            bool own_period = false;
            for (std::size_t k = i + len; k < end && !own_period; ++k) {
                if (may_start_date(t[k]) && !t[k].digit) {
                    auto d = parse_date_at(t, k, 0);
                    own_period = d && !d->iso.empty() && ascii_digit(d->iso.front());
                }
            }
            if (!own_period) {
                date = opening_period(t, i);
            }
        }
        // "Chiều cùng ngày, ... khai mạc Kỳ họp ...": the day of the meeting told just before.
        if (date.empty() && !meetings_.empty() && !meetings_.back().date_assumed) {
            for (std::size_t k = 0; k + 1 < t.size() && k < 3 && k < i; ++k) {
                if (t[k].low == "cùng"sv && t[k + 1].low == "ngày"sv) {
                    std::string_view last = graph::string_prop(
                        entity_by_id(entities_, meetings_.back().id)->props, "date");
                    if (last.size() == 10) {
                        date = std::string(last);
                    }
                    break;
                }
            }
        }
        bool date_assumed_or_none = date.empty();
        bool date_assumed = date.empty() && published_.size() == 10;
        if (date_assumed) {
            date = published_;
        }
        bool specific = (extra >= 2 || (extra >= 1 && t[i + len].digit)) && triggered;
        // The article's latest meeting named with the same head ("Hội thi diễn ra ..." is the
        // Hội thi, not the ceremony named after it), and its latest meeting.
        std::size_t same_head = meetings_.size();
        std::size_t latest = meetings_.size();
        for (std::size_t mi = meetings_.size(); mi-- > 0;) {
            if (meetings_[mi].kind == "congress") {
                continue;
            }
            latest = latest == meetings_.size() ? mi : latest;
            Tokens named = tokenise(entity_by_id(entities_, meetings_[mi].id)->name);
            bool same = named.size() >= len;
            for (std::size_t w = 0; w < len && same; ++w) {
                same = named[w].low == t[i + w].low;
            }
            if (same) {
                same_head = mi;
                break;
            }
        }
        if (i == 0 && same_head < meetings_.size()) {
            specific = false; // "Hội nghị bàn về ...": the article's meeting, described
        }
        // Named again without a date or a number of its own ("Tham dự Hội nghị gồm 500 đại
        // biểu", "Để Hội nghị đạt kết quả tốt"), a head is the article's meeting of that head.
        bool numbered = i + len < end && t[i + len].digit; // "Hội nghị 15", "kỳ họp 32"
        for (std::size_t k = i + len; k < end; ++k) {
            numbered = numbered || t[k].low == "thứ"sv || t[k].low == "lần"sv ||
                       t[k].low == "khóa"sv || roman(t[k].text) > 0;
        }
        if (specific && same_head < meetings_.size() && date_assumed_or_none && !numbered) {
            specific = false;
        }
        // The article's meeting named first without a date (a headline's "chủ trì Hội nghị
        // Quân ủy Trung ương") is the one a later sentence names and dates ("Ngày 7-1, ... tổ
        // chức hội nghị ra nghị quyết ..."): one meeting, with the fuller name.
        if (specific && same_head < meetings_.size() && !date_assumed_or_none &&
            (meetings_[same_head].date_assumed ||
             graph::string_prop(entity_by_id(entities_, meetings_[same_head].id)->props, "date")
                 .empty())) {
            std::string name = shorten_name(join(t, i, end));
            const Entity* e = entity_by_id(entities_, meetings_[same_head].id);
            if (word_set(name).size() <= word_set(e->name).size()) {
                name.clear();
            }
            restate_meeting_date(same_head, date, name);
            here.emplace_back(i, meetings_[same_head].id);
            names.emplace_back(i, end);
            link_meeting(meetings_[same_head].id, i, len, end, date);
            i = end - 1;
            continue;
        }
        if (!specific) {
            // "Tại hội nghị", "Kết luận hội nghị": the article's meeting of that kind, else its
            // latest.
            std::size_t found = same_head < meetings_.size() ? same_head : latest;
            std::string id;
            if (found < meetings_.size()) {
                id = meetings_[found].id;
                if (meetings_[found].date_assumed && !date_assumed && !date.empty()) {
                    restate_meeting_date(found, date);
                }
            }
            if (id.empty() && (prev == "tại"sv || prev == "dự"sv)) {
                id = add_meeting(headline_named(join(t, i, i + len)), kind, date, s.text, si,
                                 date_assumed);
            }
            if (!id.empty()) {
                here.emplace_back(i, id);
                // "Hội nghị đã thảo luận, cho ý kiến vào dự thảo Nghị quyết số 21-NQ/TU": what
                // the article's meeting does with a document.
                static const std::set<std::string, std::less<>> verbs = {
                    "thảo luận", "cho ý",     "quán triệt", "thông qua", "bàn về",
                    "đánh giá",  "triển khai", "học tập",    "sơ kết",    "tổng kết"};
                for (const auto& [di, did] : directives_here_) {
                    bool acted = false;
                    for (std::size_t k = i + len; k + 1 < di && k < i + len + 12; ++k) {
                        acted = acted || verbs.count(t[k].low + " " + t[k + 1].low) > 0;
                    }
                    if (acted) {
                        add_relation("DISCUSSED", id, did, {}, s.text);
                    }
                }
            }
            i += len - 1;
            continue;
        }
        std::string id = add_meeting(join(t, i, end), kind, date, s.text, si, date_assumed);
        here.emplace_back(i, id);
        names.emplace_back(i, end);
        link_meeting(id, i, len, end, date);
        i = end - 1;
    }
    // "đoàn công tác ... làm việc với 6 Huyện ủy", "Tổng Bí thư Nguyễn Phú Trọng làm việc với
    // Ban Thường vụ Tỉnh ủy Nam Định": a working meeting named by its verb.
    // The sentence's date, needed only when one of the verbs below is in it.
    bool verbs_here = false;
    for (const Token& x : t) {
        verbs_here = verbs_here || x.low == "việc"sv || x.low == "tiếp"sv || x.low == "kiến"sv ||
                     x.low == "đàm"sv || x.low == "họp"sv;
    }
    std::string date = verbs_here ? sentence_date(t, t.size(), t.size(), false) : std::string();
    for (std::size_t i = 1; i + 2 < t.size(); ++i) {
        // "X làm việc với Y", and "X (đã) có buổi làm việc với Y"; a "buổi làm việc với Y" named
        // otherwise is a meeting head's.
        bool had = i >= 2 && (t[i - 1].low == "buổi"sv || t[i - 1].low == "cuộc"sv) &&
                   t[i - 2].low == "có"sv;
        if (t[i].low != "làm"sv || t[i + 1].low != "việc"sv || t[i + 2].low != "với"sv ||
            ((t[i - 1].low == "buổi"sv || t[i - 1].low == "cuộc"sv) && !had)) {
            continue;
        }
        std::size_t verb_at = had ? i - 2 : i; // the subject ends before "có buổi"
        if (date.empty() && si >= 4) {
            continue;
        }
        // Words of the verb's tense or manner end the subject: "... Tỉnh ủy đã làm việc với".
        auto auxiliary = [&](std::size_t k) {
            return t[k].low == "đã"sv || t[k].low == "vừa"sv || t[k].low == "sẽ"sv ||
                   t[k].low == "đang"sv || t[k].low == "cũng"sv || t[k].low == "có"sv;
        };
        std::string subject;
        for (std::size_t k = 0; k < verb_at; ++k) {
            if (t[k].low == "đoàn"sv && (k + 1 >= t.size() || t[k + 1].low != "kết"sv)) {
                std::size_t e = k;
                while (e < verb_at && t[e].low != "do"sv && !is_sep(t[e]) && !auxiliary(e)) {
                    ++e;
                }
                for (std::size_t x = k; x < e; ++x) {
                    if (t[x].low == "của"sv && x == k + 2) {
                        continue;
                    }
                    subject += (subject.empty() ? "" : " ") + std::string(t[x].text);
                }
                break;
            }
        }
        if (subject.empty()) {
            for (const PersonMention& pm : persons_here_) {
                if (pm.last <= verb_at && pm.last + 2 >= verb_at) {
                    subject = (pm.titles.empty() ? std::string() : pm.titles.back() + " ") +
                              join(t, pm.first, pm.first + (pm.name_len));
                }
            }
        }
        if (subject.empty()) {
            for (const BodyMention& b : bodies_here_) {
                if (b.last <= verb_at && b.last + 3 >= verb_at) {
                    subject = entity_by_id(entities_, b.id)->name;
                }
            }
        }
        if (subject.empty()) {
            continue;
        }
        std::size_t obj = i + 3;
        std::size_t obj_end = obj;
        while (obj_end < t.size() && !is_sep(t[obj_end]) && t[obj_end].low != "để"sv &&
               t[obj_end].low != "nhằm"sv && t[obj_end].low != "về"sv && obj_end - obj < 15) {
            ++obj_end;
        }
        if (obj_end == obj) {
            continue;
        }
        std::string name = "buổi làm việc của " + subject + " với " + join(t, obj, obj_end);
        bool assumed = date.empty() && published_.size() == 10;
        std::string id =
            add_meeting(name, "working", assumed ? published_ : date, s.text, si, assumed);
        here.emplace_back(i, id);
    }
    // "Tổng Bí thư Nguyễn Phú Trọng đã tiếp Đoàn đại biểu Đảng Cộng sản Cuba", "... hội kiến
    // Chủ tịch Quốc hội Nguyễn Thị Kim Ngân": a reception or a call named by its verb, which
    // the host and a guest named as a person attend.
    for (const PersonMention& host : persons_here_) {
        if (date.empty() && si >= 4) {
            break;
        }
        std::size_t v = host.last;
        while (v < t.size() && (t[v].low == "đã"sv || t[v].low == "vừa"sv || t[v].low == "sẽ"sv ||
                                t[v].low == "đang"sv)) {
            ++v;
        }
        if (v + 1 >= t.size()) {
            continue;
        }
        std::size_t verb_len = 0;
        if (t[v].low == "tiếp"sv && (t[v + 1].cap || t[v + 1].low == "đoàn"sv ||
                                     lex_.honorifics.match(t, v + 1).first > 0)) {
            verb_len = 1;
        } else if (t[v].low == "hội"sv && (t[v + 1].low == "kiến"sv || t[v + 1].low == "đàm"sv)) {
            verb_len = 2;
        }
        if (verb_len == 0) {
            continue;
        }
        std::size_t obj = v + verb_len;
        if (obj < t.size() && t[obj].low == "với"sv) {
            ++obj;
        }
        std::size_t obj_end = obj;
        while (obj_end < t.size() && !is_sep(t[obj_end]) && t[obj_end].low != "để"sv &&
               t[obj_end].low != "nhằm"sv && t[obj_end].low != "về"sv &&
               t[obj_end].low != "tại"sv && t[obj_end].low != "nhân"sv &&
               t[obj_end].low != "đang"sv && t[obj_end].low != "do"sv && obj_end - obj < 15) {
            ++obj_end;
        }
        if (obj_end == obj ||
            (!t[obj].cap && t[obj].low != "đoàn"sv && lex_.honorifics.match(t, obj).first == 0)) {
            continue;
        }
        std::string subject = (host.titles.empty() ? std::string() : host.titles.back() + " ") +
                              join(t, host.first, host.first + host.name_len);
        std::string name = subject + " " + join(t, v, v + verb_len) + " " + join(t, obj, obj_end);
        std::string id = add_meeting(name, "working",
                                     date.empty() && published_.size() == 10 ? published_ : date,
                                     s.text, si, date.empty());
        here.emplace_back(v, id);
        graph::Properties p;
        p["role"] = std::string("participant");
        if (const Entity* m = entity_by_id(entities_, id); m != nullptr) {
            if (auto d = m->props.find("date"); d != m->props.end()) {
                p["date"] = d->second;
            }
        }
        add_relation("ATTENDED", host.id, id, p, s.text);
        for (const PersonMention& guest : persons_here_) {
            if (guest.first >= obj && guest.first < obj_end) {
                add_relation("ATTENDED", guest.id, id, p, s.text);
            }
        }
    }
    // "Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 15", "Ban Bí thư đã họp": a meeting named by
    // its verb and the body that met.
    for (std::size_t i = 1; i < t.size(); ++i) {
        if (t[i].low != "họp"sv || (i + 1 < t.size() && t[i + 1].low == "báo"sv)) {
            continue;
        }
        std::size_t v = i;
        while (v > 0 && (t[v - 1].low == "đã"sv || t[v - 1].low == "vừa"sv ||
                         t[v - 1].low == "sẽ"sv || t[v - 1].low == "đang"sv)) {
            --v;
        }
        const BodyMention* who = nullptr;
        for (const BodyMention& b : bodies_here_) {
            if (b.last == v) {
                who = &b;
            }
        }
        // "Tổng Bí thư X đã chủ trì họp Tiểu ban Văn kiện", "... lần lượt chủ trì họp lãnh đạo
        // chủ chốt và họp Bộ Chính trị": a meeting named by the verb and what follows it.
        if (who == nullptr && i >= 2 && t[i - 2].low == "chủ"sv && t[i - 1].low == "trì"sv &&
            i + 1 < t.size() && t[i + 1].word && !t[i + 1].digit) {
            std::size_t end = i + 1;
            while (end < t.size() && end - i <= 10 && !is_sep(t[end]) && t[end].low != "và"sv &&
                   t[end].low != "cho"sv && t[end].low != "để"sv && t[end].low != "về"sv &&
                   t[end].low != "tại"sv && t[end].low != "nhằm"sv && t[end].low != "sáng"sv &&
                   t[end].low != "chiều"sv && t[end].low != "ngày"sv) {
                ++end;
            }
            std::string d = date.empty() && published_.size() == 10 ? published_ : date;
            std::string id = add_meeting(join(t, i, end), "meeting", d, s.text, si, date.empty());
            here.emplace_back(i, id);
            continue;
        }
        if (who == nullptr) {
            continue;
        }
        std::string body = entity_by_id(entities_, who->id)->name;
        std::string name = "cuộc họp của " + body;
        if (i + 3 < t.size() && t[i + 1].low == "kỳ"sv && t[i + 2].low == "thứ"sv &&
            t[i + 3].digit) {
            name = "kỳ họp thứ " + std::string(t[i + 3].text) + " của " + body;
        }
        std::string d = date.empty() && published_.size() == 10 ? published_ : date;
        std::string id;
        for (auto it = meetings_.rbegin(); it != meetings_.rend() && id.empty(); ++it) {
            if (it->kind != "congress") {
                id = it->id; // "Chính phủ họp phiên thường kỳ" after "phiên họp ...": the same
            }
        }
        if (id.empty()) {
            id = add_meeting(name, "meeting", d, s.text, si);
        }
        add_relation("ORGANISED", who->id, id, {}, s.text);
        here.emplace_back(i, id);
    }
    // Attendance: a named person with a role word near, at this sentence's meeting or the
    // article's current one; not the persons an event's name is about.
    std::string current;
    if (!here.empty()) {
        current = here.front().second;
    } else if (!meetings_.empty()) {
        for (auto it = meetings_.rbegin(); it != meetings_.rend(); ++it) {
            if (it->kind != "congress" && si - it->sentence <= 12) {
                current = it->id;
                break;
            }
        }
    }
    if (current.empty()) {
        return;
    }
    // The role a word right after the name and its titles gives: "X, Bí thư Tỉnh ủy chủ trì",
    // "X đã công bố".
    auto role_after = [&](const PersonMention& pm) {
        std::size_t k = pm.last;
        if (k < t.size() && t[k].text == ","sv && k > pm.first + pm.name_len) {
            ++k; // "ông X, Bí thư Tỉnh ủy, báo cáo ..."
        }
        while (k < t.size() && k < pm.last + 3 &&
               (t[k].low == "đã"sv || t[k].low == "cũng"sv || t[k].low == "vừa"sv ||
                t[k].low == "sẽ"sv || t[k].low == "đến"sv || t[k].low == "tới"sv ||
                t[k].low == "về"sv || t[k].low == "cùng"sv || t[k].low == "đồng"sv)) {
            ++k;
        }
        auto [len, idx] = lex_.roles.match(t, k);
        if (len > 0 && !t[k].cap) {
            return lex_.role_names[static_cast<std::size_t>(idx)];
        }
        // "Bà X, cộng tác viên dư luận xã hội xã Hải Thắng, đề nghị ...", "ông X, Bí thư Chi bộ
        // thôn An Xá, xã Thủ Sỹ chia sẻ ...": one more stretch that the title lexicon does not
        // know, then the role word, with no other person in between.
        if (pm.last >= t.size() || t[pm.last].text != ","sv) {
            return std::string();
        }
        for (std::size_t e = pm.last + 1; e < t.size() && e <= pm.last + 12; ++e) {
            if (is_sep(t[e]) && t[e].text != ","sv) {
                break;
            }
            for (const PersonMention& other : persons_here_) {
                if (other.first == e) {
                    return std::string();
                }
            }
            for (const BodyMention& b : bodies_here_) {
                if (b.first == e) {
                    return std::string(); // "..., UBKT xem xét, kết luận": another subject
                }
            }
            std::size_t r = e + (t[e].text == ","sv ? 1 : 0);
            auto [rl, ri] = lex_.roles.match(t, r);
            if (rl > 0 && !t[r].cap && r > pm.last + 1) {
                return lex_.role_names[static_cast<std::size_t>(ri)];
            }
            if (t[e].text == ","sv && e > pm.last + 1) {
                break;
            }
        }
        return std::string();
    };
    // "A, Bí thư ... và đồng chí B, Chủ tịch ... chủ trì": only "và", "cùng", commas and
    // honorifics between one person and the next, who share the role that follows the last.
    auto joined = [&](const PersonMention& a, const PersonMention& b) {
        for (std::size_t k = a.last; k < b.first;) {
            if (t[k].low == "và"sv || t[k].low == "cùng"sv || t[k].text == ","sv) {
                ++k;
                continue;
            }
            std::size_t h = lex_.honorifics.match(t, k).first;
            if (h == 0) {
                return false;
            }
            k += h;
        }
        return a.last <= b.first;
    };
    for (std::size_t n = 0; n < persons_here_.size(); ++n) {
        const PersonMention& pm = persons_here_[n];
        bool named = false;
        for (const auto& [a, b] : names) {
            named = named || (pm.first >= a && pm.first < b);
        }
        if (named) {
            continue;
        }
        std::string role = role_after(pm);
        for (std::size_t m = n + 1; role.empty() && m < persons_here_.size() &&
                                    joined(persons_here_[m - 1], persons_here_[m]);
             ++m) {
            role = role_after(persons_here_[m]);
        }
        // A cue that opens the clause before the name: "Phát biểu tại hội nghị, ông X",
        // "dưới sự chủ trì của đồng chí X", "Dự ... có đồng chí A; các đồng chí B, C".
        std::size_t floor = 0;
        for (std::size_t k = pm.first; k > floor && role.empty(); --k) {
            std::size_t c = k - 1;
            auto [len, idx] = lex_.roles.match(t, c);
            if (len == 0) {
                continue;
            }
            bool opens = c == 0 || is_sep(t[c - 1]) || t[c - 1].low == "sự"sv ||
                         t[c - 1].low == "có"sv || t[c - 1].low == "cùng"sv;
            std::string r = lex_.role_names[static_cast<std::size_t>(idx)];
            // "... dự Hội nghị có các đồng chí: A; B": the list after "có" attends, whatever
            // stands before the role word.
            std::size_t after = c + len + lex_.meeting_heads.match(t, c + len).first;
            // "Chủ trì hội nghị có các đồng chí: A, ...; B, ...", "Điều hành hội nghị là đồng
            // chí X": the list after "có" or "là" has the role, however long it is.
            bool listed = after < pm.first && (t[after].low == "có"sv || t[after].low == "là"sv) &&
                          (c == 0 || is_sep(t[c - 1]) || t[c - 1].low == "cùng"sv ||
                           t[c - 1].low == "đồng"sv);
            opens = opens || (after < pm.first && t[after].low == "có"sv) || listed;
            // A speaker's or chair's words open the clause of a name close after them, not
            // one a long sentence away ("báo cáo thẩm tra ... tờ trình của Chủ tịch X").
            if (r != "participant" && pm.first > c + 12 && !listed) {
                opens = false;
            }
            // ... and the name is the subject of the clause that follows ("Phát biểu tại hội
            // nghị, ông X"), not the verb's object ("đánh giá cao công lao của đồng chí X",
            // "đề nghị kỷ luật ông X"), unless "dưới sự chủ trì của ...".
            bool comma_between = false;
            for (std::size_t q = c + len; q < pm.first; ++q) {
                comma_between = comma_between || t[q].text == ","sv;
            }
            if (r != "participant" && !comma_between && !(c > 0 && t[c - 1].low == "sự"sv) &&
                !listed) {
                opens = false;
            }
            bool other_between = false;
            for (std::size_t q = 0; q < n && !listed; ++q) {
                other_between = other_between || (persons_here_[q].first > c && r != "participant");
            }
            if (opens && !other_between) {
                role = r;
            }
        }
        // "Về phía huyện Đầm Hà có ông X, ...", "Tại điểm cầu huyện Nam Sách có đồng chí Y":
        // a sentence that opens by placing a side or a site at the event lists who was there.
        if (role.empty() && !current.empty() && t.size() > 3 &&
            ((t[0].low == "về"sv && t[1].low == "phía"sv) ||
             (t[0].low == "tại"sv && t[1].low == "điểm"sv && t[2].low == "cầu"sv))) {
            for (std::size_t k = 2; k < pm.first && k < 14; ++k) {
                if (t[k].low == "có"sv) {
                    role = "participant";
                    break;
                }
            }
        }
        // A photo caption "Từ trái qua: A, B, C tại phiên khai mạc hội nghị ...": those
        // pictured at the meeting named after them.
        if (role.empty() && t.size() > 2 && t[0].low == "từ"sv && t[1].low == "trái"sv) {
            for (const auto& [pos, id] : here) {
                if (pos > pm.first) {
                    role = "participant";
                }
            }
        }
        for (const std::string& title : pm.titles) {
            std::string low = lower(title);
            if (low.rfind("trưởng đoàn", 0) == 0 && low.find("quốc hội") == std::string::npos) {
                role = "head";
            }
        }
        if (role.empty()) {
            continue;
        }
        std::string meeting = current;
        for (const auto& [pos, id] : here) {
            if (pos <= pm.first) {
                meeting = id;
            }
        }
        graph::Properties p;
        p["role"] = role;
        const Entity* m = entity_by_id(entities_, meeting);
        if (m != nullptr) {
            auto d = m->props.find("date");
            if (d != m->props.end()) {
                p["date"] = d->second;
            }
        }
        add_relation("ATTENDED", pm.id, meeting, p, s.text);
    }
}

Extraction Run::run() {
    split();
    find_header();
    find_reference_year();
    find_places();
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
        Sentence& s = sentences_[si];
        cur_sentence_ = si;
        find_persons(s, si);
        find_bodies(s);
        find_positions(s);
        find_directives(s);
        find_meetings(s, si);
    }
    find_authors();
    // Every province the article's facts concern, in the order first named.
    std::set<std::string> seen;
    for (const std::string& p : province_order_) {
        if (seen.insert(p).second) {
            province_entity(p, {});
        }
    }
    for (Entity& e : entities_) {
        if (e.type == "Province" && e.sentences.empty()) {
            for (const Sentence& s : sentences_) {
                if (s.text.find(e.name) != std::string_view::npos) {
                    e.sentences.emplace_back(s.text);
                    break;
                }
            }
        }
    }
    keep_position_titles();
    // An edge to a meeting carries the meeting's date, which a later sentence may have stated
    // in place of the article's.
    for (Relation& r : out_.relations) {
        auto d = r.props.find("date");
        const Entity* m = r.to.empty() || r.to[0] != 'e' ? nullptr : entity_by_id(entities_, r.to);
        if (d == r.props.end() || m == nullptr || m->type != "Meeting") {
            continue;
        }
        if (auto md = m->props.find("date"); md != m->props.end()) {
            d->second = md->second;
        }
    }
    // Relations that name the article stay as "article"; the writer and the graph know it.
    out_.entities = std::move(entities_);
    return std::move(out_);
}

} // namespace

Extractor::Extractor(const std::string& user_lexicon_dir)
    : lexicon_(std::make_unique<const Lexicon>(user_lexicon_dir)) {}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

Extraction Extractor::run(Article article) const {
    Run r(*lexicon_, std::move(article));
    return r.run();
}

} // namespace vnkg::extract
