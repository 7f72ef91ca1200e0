// `vnkg eval GOLD.jsonl INPUT...`: extracts the inputs (or reads a saved extraction with
// --system) and prints per-type precision, recall and F1 against a gold file, computed exactly
// as ../shared/tools/score.py does (shared/spec/extraction.md, "Scoring"): the same
// normalisation, the same one-to-one matching, the same rounding.
#include "cli/commands.hpp"
#include "cli/extract_pipeline.hpp"

#include "extract/jsonl.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace vnkg::cli {

namespace {

using Json = rapidjson::Value;

// ---------------------------------------------------------------------------------------------
// Text, as score.py normalises it

std::u32string to_u32(std::string_view s) {
    std::u32string out;
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        out += static_cast<char32_t>(c);
        i += U16_LENGTH(c);
    }
    return out;
}

std::string to_utf8(const std::u32string& s) {
    icu::UnicodeString u;
    for (char32_t c : s) {
        u.append(static_cast<UChar32>(c));
    }
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    icu::UnicodeString r = U_SUCCESS(status) ? n->normalize(u, status) : u;
    std::string out;
    (U_SUCCESS(status) ? r : u).toUTF8String(out);
    return out;
}

// Python's \s (str.isspace) and \w (str.isalnum or "_").
bool py_space(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool py_word(char32_t c) {
    auto cp = static_cast<UChar32>(c);
    return c == '_' || u_isalpha(cp) || u_isdigit(cp) || u_charType(cp) == U_OTHER_NUMBER ||
           u_charType(cp) == U_LETTER_NUMBER;
}

bool in_tone_class(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0x1EF9); }

std::u32string norm32(std::string_view input) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(nfc(input));
    u.foldCase();
    std::string folded;
    u.toUTF8String(folded);
    std::u32string s = to_u32(folded);
    static const std::vector<std::pair<std::u32string, std::u32string>> old_tones = {
        {U"oà", U"òa"}, {U"oá", U"óa"}, {U"oả", U"ỏa"}, {U"oã", U"õa"}, {U"oạ", U"ọa"},
        {U"oè", U"òe"}, {U"oé", U"óe"}, {U"oẻ", U"ỏe"}, {U"oẽ", U"õe"}, {U"oẹ", U"ọe"},
        {U"uỳ", U"ùy"}, {U"uý", U"úy"}, {U"uỷ", U"ủy"}, {U"uỹ", U"ũy"}, {U"uỵ", U"ụy"}};
    for (const auto& [old, repl] : old_tones) {
        std::u32string out;
        for (std::size_t i = 0; i < s.size();) {
            if (s.compare(i, old.size(), old) == 0 &&
                (i + old.size() >= s.size() || !in_tone_class(s[i + old.size()]))) {
                out += repl;
                i += old.size();
            } else {
                out += s[i++];
            }
        }
        s = out;
    }
    // [\s\u00a0]+ -> " "
    std::u32string spaced;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (py_space(s[i])) {
            while (i + 1 < s.size() && py_space(s[i + 1])) {
                ++i;
            }
            spaced += U' ';
        } else {
            spaced += s[i];
        }
    }
    // \s*[-–—]\s* -> "-"
    std::u32string dashed;
    for (std::size_t i = 0; i < spaced.size(); ++i) {
        char32_t c = spaced[i];
        if (c == U'-' || c == U'–' || c == U'—') {
            while (!dashed.empty() && py_space(dashed.back())) {
                dashed.pop_back();
            }
            dashed += U'-';
            while (i + 1 < spaced.size() && py_space(spaced[i + 1])) {
                ++i;
            }
        } else {
            dashed += c;
        }
    }
    static const std::u32string strip_chars = U" .,;:()\"'“”-–";
    std::size_t a = 0;
    std::size_t b = dashed.size();
    while (a < b && strip_chars.find(dashed[a]) != std::u32string::npos) {
        ++a;
    }
    while (b > a && strip_chars.find(dashed[b - 1]) != std::u32string::npos) {
        --b;
    }
    return dashed.substr(a, b - a);
}

std::string norm(std::string_view s) { return to_utf8(norm32(s)); }

// One ABBREV rule of score.py: `word` with \b before it, optionally a dot, then either \b or a
// required white-space character.
struct Abbrev {
    std::u32string word;
    std::u32string replacement;
    bool optional_dot = false;
    bool end_space = false;   ///< "\btp\.?\s": one white-space character consumed
    bool end_boundary = true; ///< "\b" after the word
};

std::u32string apply_abbrevs(std::u32string s) {
    static const std::vector<Abbrev> rules = {{U"ubnd", U"ủy ban nhân dân"},
                                              {U"hđnd", U"hội đồng nhân dân"},
                                              {U"mttq", U"mặt trận tổ quốc"},
                                              {U"ubkt", U"ủy ban kiểm tra"},
                                              {U"btv", U"ban thường vụ"},
                                              {U"bch", U"ban chấp hành"},
                                              {U"tw", U"trung ương"},
                                              {U"tp", U"thành phố ", true, true, false},
                                              {U"tx", U"thị xã ", true, true, false},
                                              {U"btg", U"ban tuyên giáo"},
                                              {U"ttxvn", U"thông tấn xã việt nam"},
                                              {U"vov", U"đài tiếng nói việt nam"},
                                              {U"vtv", U"đài truyền hình việt nam"},
                                              {U"qđnd", U"quân đội nhân dân"},
                                              {U"đbqh", U"đại biểu quốc hội"},
                                              {U"hcm", U"hồ chí minh"},
                                              {U"t.ư", U"trung ương", true, false, false},
                                              {U"vksndtc", U"viện kiểm sát nhân dân tối cao"},
                                              {U"tandtc", U"tòa án nhân dân tối cao"},
                                              {U"lđtb&xh", U"lao động - thương binh và xã hội"},
                                              {U"ubmttq", U"ủy ban mặt trận tổ quốc"}};
    for (const Abbrev& r : rules) {
        std::u32string out;
        std::size_t i = 0;
        while (i < s.size()) {
            bool start_ok = (i == 0 || !py_word(s[i - 1])) && py_word(r.word.front());
            if (start_ok && s.compare(i, r.word.size(), r.word) == 0) {
                std::size_t j = i + r.word.size();
                if (r.optional_dot && j < s.size() && s[j] == U'.') {
                    ++j;
                }
                bool ok = true;
                if (r.end_space) {
                    ok = j < s.size() && py_space(s[j]);
                    j += ok ? 1 : 0;
                } else if (r.end_boundary) {
                    // \b after a word character: the next one is not a word character
                    ok = (j >= s.size() || !py_word(s[j])) && py_word(s[j - 1]);
                }
                if (ok) {
                    out += r.replacement;
                    i = j;
                    continue;
                }
            }
            out += s[i++];
        }
        s = out;
    }
    return s;
}

std::u32string collapse_strip(const std::u32string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (py_space(s[i])) {
            while (i + 1 < s.size() && py_space(s[i + 1])) {
                ++i;
            }
            out += U' ';
        } else {
            out += s[i];
        }
    }
    std::size_t a = 0;
    std::size_t b = out.size();
    while (a < b && py_space(out[a])) {
        ++a;
    }
    while (b > a && py_space(out[b - 1])) {
        --b;
    }
    return out.substr(a, b - a);
}

std::string norm_org(std::string_view input) {
    std::u32string s = apply_abbrevs(norm32(input));
    // \b(tỉnh|thành phố|huyện|thị xã|quận)\s+(?!ủy\b)(?=\S) -> ""
    static const std::vector<std::u32string> units = {U"tỉnh", U"thành phố", U"huyện", U"thị xã",
                                                      U"quận"};
    std::u32string out;
    std::size_t i = 0;
    while (i < s.size()) {
        bool removed = false;
        if (i == 0 || !py_word(s[i - 1])) {
            for (const std::u32string& u : units) {
                if (s.compare(i, u.size(), u) != 0) {
                    continue;
                }
                std::size_t j = i + u.size();
                std::size_t k = j;
                while (k < s.size() && py_space(s[k])) {
                    ++k;
                }
                if (k == j || k >= s.size()) {
                    continue;
                }
                // Backtracking in \s+ lets the lookaheads hold at an earlier space too; with
                // a run of single spaces (norm collapsed them) only the last position counts.
                bool uy = s.compare(k, 2, U"ủy") == 0 && (k + 2 >= s.size() || !py_word(s[k + 2]));
                if (uy) {
                    continue;
                }
                i = k;
                removed = true;
                break;
            }
        }
        if (!removed) {
            out += s[i++];
        }
    }
    return to_utf8(collapse_strip(out));
}

std::string norm_title(std::string_view input) {
    return to_utf8(collapse_strip(apply_abbrevs(norm32(input))));
}

std::string norm_prov(std::string_view input) {
    std::u32string s = norm32(input);
    for (const std::u32string& p :
         {std::u32string(U"tỉnh"), std::u32string(U"thành phố"), std::u32string(U"tp.")}) {
        if (s.compare(0, p.size(), p) == 0 && p.size() < s.size() && py_space(s[p.size()])) {
            std::size_t k = p.size();
            while (k < s.size() && py_space(s[k])) {
                ++k;
            }
            s = s.substr(k);
            break;
        }
        if (p == U"tp." && s.compare(0, 2, U"tp") == 0 && s.size() > 2 && py_space(s[2])) {
            std::size_t k = 2;
            while (k < s.size() && py_space(s[k])) {
                ++k;
            }
            s = s.substr(k);
            break;
        }
    }
    std::string out = to_utf8(s);
    static const std::map<std::string, std::string> aliases = {
        {"thừa thiên huế", "huế"}, {"tp hồ chí minh", "hồ chí minh"}, {"sài gòn", "hồ chí minh"}};
    auto it = aliases.find(out);
    return it == aliases.end() ? out : it->second;
}

std::string norm_code(std::string_view input) {
    if (input.empty()) {
        return {};
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(nfc(input));
    u.toUpper();
    std::string up;
    u.toUTF8String(up);
    std::u32string out;
    for (char32_t c : to_u32(up)) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == 0x110) {
            out += c;
        }
    }
    return to_utf8(out);
}

std::set<std::string> words(std::string_view s) {
    std::set<std::string> out;
    std::u32string n = norm32(s);
    std::u32string w;
    for (char32_t c : n) {
        if (py_word(c)) {
            w += c;
        } else if (!w.empty()) {
            out.insert(to_utf8(w));
            w.clear();
        }
    }
    if (!w.empty()) {
        out.insert(to_utf8(w));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Dates

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::pair<std::string, std::string>> date_iv(std::string_view d) {
    if (d.empty()) {
        return std::nullopt;
    }
    std::size_t slash = d.find('/');
    if (slash != std::string_view::npos) {
        auto a = date_iv(d.substr(0, slash));
        auto b = date_iv(d.substr(slash + 1));
        if (a && b) {
            return std::make_pair(a->first, b->second);
        }
        return a ? a : b;
    }
    if (d.size() == 7 && all_digits(d.substr(0, 4)) && d.substr(4, 2) == "-Q" && d[6] >= '1' &&
        d[6] <= '4') {
        int q = d[6] - '0';
        char lo[16];
        char hi[16];
        std::snprintf(lo, sizeof lo, "%s-%02d-01", std::string(d.substr(0, 4)).c_str(), 3 * q - 2);
        std::snprintf(hi, sizeof hi, "%s-%02d-31", std::string(d.substr(0, 4)).c_str(), 3 * q);
        return std::make_pair(std::string(lo), std::string(hi));
    }
    if (d.size() == 4 && all_digits(d)) {
        return std::make_pair(std::string(d) + "-01-01", std::string(d) + "-12-31");
    }
    if (d.size() == 7 && all_digits(d.substr(0, 4)) && d[4] == '-' && all_digits(d.substr(5, 2))) {
        return std::make_pair(std::string(d) + "-01", std::string(d) + "-31");
    }
    if (d.size() >= 10 && all_digits(d.substr(0, 4)) && d[4] == '-' && all_digits(d.substr(5, 2)) &&
        d[7] == '-' && all_digits(d.substr(8, 2))) {
        return std::make_pair(std::string(d.substr(0, 10)), std::string(d.substr(0, 10)));
    }
    return std::nullopt;
}

bool dates_compatible(std::string_view a, std::string_view b) {
    auto ia = date_iv(a);
    auto ib = date_iv(b);
    if (!ia || !ib) {
        return true;
    }
    return ia->first <= ib->second && ib->first <= ia->second;
}

// ---------------------------------------------------------------------------------------------
// JSON access, with Python's truthiness where score.py relies on it

std::string str_of(const Json* v) {
    if (v == nullptr || v->IsNull()) {
        return {};
    }
    if (v->IsString()) {
        return std::string(v->GetString(), v->GetStringLength());
    }
    if (v->IsBool()) {
        return v->GetBool() ? "True" : "False";
    }
    if (v->IsInt64()) {
        return std::to_string(v->GetInt64());
    }
    if (v->IsNumber()) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17g", v->GetDouble());
        return buf;
    }
    rapidjson::StringBuffer b;
    rapidjson::Writer<rapidjson::StringBuffer> w(b);
    v->Accept(w);
    return b.GetString();
}

const Json* member(const Json& obj, const char* name) {
    if (!obj.IsObject()) {
        return nullptr;
    }
    auto it = obj.FindMember(name);
    return it == obj.MemberEnd() ? nullptr : &it->value;
}

bool truthy(const Json* v) {
    if (v == nullptr || v->IsNull()) {
        return false;
    }
    if (v->IsString()) {
        return v->GetStringLength() != 0;
    }
    if (v->IsBool()) {
        return v->GetBool();
    }
    if (v->IsNumber()) {
        return v->GetDouble() != 0;
    }
    if (v->IsArray()) {
        return !v->Empty();
    }
    return !v->IsObject() || v->MemberCount() != 0;
}

const Json* props_of(const Json& x) {
    const Json* p = member(x, "props");
    return truthy(p) ? p : nullptr;
}

std::vector<const Json*> array_items(const Json* v) {
    std::vector<const Json*> out;
    if (v != nullptr && v->IsArray()) {
        for (const Json& x : v->GetArray()) {
            out.push_back(&x);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

struct Prf {
    long tp = 0;
    long fp = 0;
    long fn = 0;

    void add(long t, long f, long n) {
        tp += t;
        fp += f;
        fn += n;
    }

    std::tuple<double, double, double> get() const {
        double p = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp)
                           : (fn == 0 ? 1.0 : 0.0);
        double r = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1.0;
        double f = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
        return {p, r, f};
    }
};

bool prefix_match(const std::string& a, const std::string& b) {
    auto count = [](const std::string& s) {
        std::size_t n = 0;
        bool in = false;
        for (char32_t c : to_u32(s)) {
            bool sp = py_space(c);
            n += (!sp && !in) ? 1 : 0;
            in = !sp;
        }
        return n;
    };
    if (std::min(count(a), count(b)) < 2) {
        return false;
    }
    return a.rfind(b + " ", 0) == 0 || b.rfind(a + " ", 0) == 0;
}

using KeyFn = std::string (*)(const Json&);
using Lenient = bool (*)(const std::string&, const std::string&);

struct SetResult {
    long tp = 0;
    long fp = 0;
    long fn = 0;
};

SetResult set_score(const std::vector<const Json*>& sys, const std::vector<const Json*>& gold,
                    const std::vector<const Json*>& opt, KeyFn key, Lenient lenient) {
    auto keys = [&](const std::vector<const Json*>& items) {
        std::set<std::string> out;
        for (const Json* x : items) {
            out.insert(key(*x));
        }
        out.erase("");
        return out;
    };
    std::set<std::string> g = keys(gold);
    std::set<std::string> o = keys(opt);
    std::set<std::string> s = keys(sys);
    std::set<std::string> matched;
    for (const std::string& x : g) {
        if (s.count(x) > 0) {
            matched.insert(x);
        }
    }
    std::set<std::string> free_s;
    for (const std::string& y : s) {
        if (matched.count(y) == 0) {
            free_s.insert(y);
        }
    }
    if (lenient != nullptr) {
        std::vector<std::string> unmatched;
        for (const std::string& x : g) {
            if (matched.count(x) == 0) {
                unmatched.push_back(x);
            }
        }
        for (const std::string& x : unmatched) {
            for (const std::string& y : free_s) {
                if (lenient(x, y)) {
                    matched.insert(x);
                    free_s.erase(y);
                    break;
                }
            }
        }
    }
    long fp = 0;
    for (const std::string& y : free_s) {
        if (o.count(y) > 0) {
            continue;
        }
        bool opt_lenient = false;
        if (lenient != nullptr) {
            for (const std::string& x : o) {
                opt_lenient = opt_lenient || lenient(x, y);
            }
        }
        fp += opt_lenient ? 0 : 1;
    }
    return {static_cast<long>(matched.size()), fp,
            static_cast<long>(g.size()) - static_cast<long>(matched.size())};
}

std::string name_of(const Json& x) { return x.IsObject() ? str_of(member(x, "name")) : str_of(&x); }

std::string person_key(const Json& x) { return norm(name_of(x)); }
std::string org_key(const Json& x) { return norm_org(name_of(x)); }
std::string prov_key(const Json& x) { return norm_prov(name_of(x)); }

std::string directive_key(const Json& x) {
    const Json* code = member(x, "code");
    if (code == nullptr) {
        const Json* p = props_of(x);
        code = p != nullptr ? member(*p, "code") : nullptr;
    }
    if (truthy(code)) {
        return "code:" + norm_code(str_of(code));
    }
    return "name:" + norm(str_of(member(x, "name")));
}

std::map<int, int> match_meetings(const std::vector<const Json*>& sys,
                                  const std::vector<const Json*>& gold) {
    std::vector<std::tuple<double, int, int>> pairs;
    for (std::size_t si = 0; si < sys.size(); ++si) {
        std::set<std::string> sw = words(str_of(member(*sys[si], "name")));
        const Json* p = props_of(*sys[si]);
        std::string sd = p != nullptr ? str_of(member(*p, "date")) : std::string();
        for (std::size_t gi = 0; gi < gold.size(); ++gi) {
            if (!dates_compatible(sd, str_of(member(*gold[gi], "date")))) {
                continue;
            }
            std::set<std::string> gw = words(str_of(member(*gold[gi], "name")));
            std::size_t common = 0;
            for (const std::string& w : sw) {
                common += gw.count(w);
            }
            std::size_t all = sw.size() + gw.size() - common;
            double j =
                static_cast<double>(common) / static_cast<double>(std::max<std::size_t>(1, all));
            if (j >= 0.25) {
                pairs.emplace_back(j, static_cast<int>(si), static_cast<int>(gi));
            }
        }
    }
    std::sort(pairs.rbegin(), pairs.rend());
    std::set<int> used_s;
    std::set<int> used_g;
    std::map<int, int> m;
    for (const auto& [j, si, gi] : pairs) {
        (void)j;
        if (used_s.count(si) == 0 && used_g.count(gi) == 0) {
            used_s.insert(si);
            used_g.insert(gi);
            m[si] = gi;
        }
    }
    return m;
}

struct Scores {
    std::vector<std::pair<std::string, Prf>> types;
    long date_ok = 0;
    long date_all = 0;
    long issuer_ok = 0;
    long issuer_all = 0;
    std::size_t docs = 0;
    std::vector<std::string> missing;
};

Prf& type(Scores& s, const std::string& name) {
    for (auto& [n, p] : s.types) {
        if (n == name) {
            return p;
        }
    }
    throw std::logic_error("unknown type " + name);
}

void score_doc(Scores& out, const Json& g, const Json& rec) {
    std::map<std::string, const Json*> ents;
    std::map<std::string, std::vector<const Json*>> by_type;
    for (const Json* e : array_items(member(rec, "entities"))) {
        ents[str_of(member(*e, "id"))] = e;
        by_type[str_of(member(*e, "type"))].push_back(e);
    }
    const Json* opt_v = member(g, "optional");
    static const Json empty_object(rapidjson::kObjectType);
    const Json& opt = opt_v != nullptr && opt_v->IsObject() ? *opt_v : empty_object;
    auto gold_list = [&](const char* name) { return array_items(member(g, name)); };
    auto opt_list = [&](const char* name) { return array_items(member(opt, name)); };

    SetResult r = set_score(by_type["Person"], gold_list("persons"), opt_list("persons"),
                            person_key, nullptr);
    type(out, "persons").add(r.tp, r.fp, r.fn);
    r = set_score(by_type["Organisation"], gold_list("organisations"), opt_list("organisations"),
                  org_key, nullptr);
    type(out, "organisations").add(r.tp, r.fp, r.fn);
    r = set_score(by_type["Organisation"], gold_list("organisations"), opt_list("organisations"),
                  org_key, prefix_match);
    type(out, "organisations_lenient").add(r.tp, r.fp, r.fn);
    r = set_score(by_type["Province"], gold_list("provinces"), {}, prov_key, nullptr);
    type(out, "provinces").add(r.tp, r.fp, r.fn);
    r = set_score(by_type["Directive"], gold_list("directives"), opt_list("directives"),
                  directive_key, nullptr);
    type(out, "directives").add(r.tp, r.fp, r.fn);

    std::map<std::string, const Json*> sysd;
    for (const Json* d : by_type["Directive"]) {
        sysd[directive_key(*d)] = d;
    }
    for (const Json* gd : gold_list("directives")) {
        auto it = sysd.find(directive_key(*gd));
        if (it == sysd.end()) {
            continue;
        }
        const Json* props = props_of(*it->second);
        const Json* gdate = member(*gd, "date");
        if (truthy(gdate)) {
            ++out.date_all;
            std::string d = props != nullptr && truthy(member(*props, "date"))
                                ? str_of(member(*props, "date"))
                                : std::string();
            std::u32string d32 = to_u32(d);
            out.date_ok +=
                to_utf8(d32.substr(0, std::min<std::size_t>(10, d32.size()))) == str_of(gdate) ? 1
                                                                                               : 0;
        }
        const Json* gissuer = member(*gd, "issuer");
        if (truthy(gissuer)) {
            ++out.issuer_all;
            std::string si = props != nullptr ? str_of(member(*props, "issuer")) : std::string();
            std::string gi = norm_org(str_of(gissuer));
            bool ok =
                norm_org(si) == gi || prefix_match(norm_org(!si.empty() && props != nullptr &&
                                                                    truthy(member(*props, "issuer"))
                                                                ? si
                                                                : std::string("x")),
                                                   gi);
            out.issuer_ok += ok ? 1 : 0;
        }
    }

    // Meetings: optional ones are matched first and then ignored.
    std::vector<const Json*> sm = by_type["Meeting"];
    std::vector<const Json*> gm = gold_list("meetings");
    std::vector<const Json*> all_gold = gm;
    for (const Json* o : opt_list("meetings")) {
        all_gold.push_back(o);
    }
    std::map<int, int> mm = match_meetings(sm, all_gold);
    std::set<int> hit;
    for (const auto& [si, gi] : mm) {
        (void)si;
        if (gi < static_cast<int>(gm.size())) {
            hit.insert(gi);
        }
    }
    long mfp = 0;
    for (std::size_t si = 0; si < sm.size(); ++si) {
        mfp += mm.count(static_cast<int>(si)) == 0 ? 1 : 0;
    }
    type(out, "meetings")
        .add(static_cast<long>(hit.size()), mfp,
             static_cast<long>(gm.size()) - static_cast<long>(hit.size()));

    // Attendance
    std::set<std::pair<std::string, int>> gold_pairs;
    for (std::size_t gi = 0; gi < gm.size(); ++gi) {
        for (const Json* a : array_items(member(*gm[gi], "attendees"))) {
            gold_pairs.emplace(norm(str_of(member(*a, "name"))), static_cast<int>(gi));
        }
    }
    std::set<std::pair<std::string, int>> sys_pairs;
    for (const Json* rel : array_items(member(rec, "relations"))) {
        if (str_of(member(*rel, "type")) != "ATTENDED") {
            continue;
        }
        auto p = ents.find(str_of(member(*rel, "from")));
        auto m = ents.find(str_of(member(*rel, "to")));
        if (p == ents.end() || m == ents.end() || str_of(member(*m->second, "type")) != "Meeting") {
            continue;
        }
        int si = static_cast<int>(std::find(sm.begin(), sm.end(), m->second) - sm.begin());
        auto it = mm.find(si);
        int gi = it != mm.end() ? it->second : -1 - si;
        if (gi >= static_cast<int>(gm.size())) {
            continue;
        }
        sys_pairs.emplace(norm(str_of(member(*p->second, "name"))), gi);
    }
    long atp = 0;
    for (const auto& x : sys_pairs) {
        atp += gold_pairs.count(x) > 0 ? 1 : 0;
    }
    type(out, "attendance")
        .add(atp, static_cast<long>(sys_pairs.size()) - atp,
             static_cast<long>(gold_pairs.size()) - atp);

    // Positions: (person, title) pairs; a title matches if one contains the other
    std::set<std::pair<std::string, std::string>> gpos;
    for (const Json* p : gold_list("persons")) {
        for (const Json* t : array_items(member(*p, "titles"))) {
            gpos.emplace(norm(str_of(member(*p, "name"))), norm_title(str_of(t)));
        }
    }
    std::set<std::pair<std::string, std::string>> spos;
    for (const Json* e : by_type["Person"]) {
        const Json* props = props_of(*e);
        const Json* titles = props != nullptr ? member(*props, "titles") : nullptr;
        for (const Json* t : array_items(titles)) {
            spos.emplace(norm(str_of(member(*e, "name"))), norm_title(str_of(t)));
        }
    }
    for (const Json* rel : array_items(member(rec, "relations"))) {
        if (str_of(member(*rel, "type")) != "HOLDS_POSITION") {
            continue;
        }
        auto p = ents.find(str_of(member(*rel, "from")));
        const Json* props = props_of(*rel);
        const Json* t = props != nullptr ? member(*props, "title") : nullptr;
        if (p != ents.end() && truthy(t)) {
            spos.emplace(norm(str_of(member(*p->second, "name"))), norm_title(str_of(t)));
        }
    }
    auto related = [](const std::pair<std::string, std::string>& x,
                      const std::pair<std::string, std::string>& y) {
        return x.first == y.first && (y.second.find(x.second) != std::string::npos ||
                                      x.second.find(y.second) != std::string::npos);
    };
    long hit_g = 0;
    for (const auto& x : gpos) {
        hit_g += std::any_of(spos.begin(), spos.end(), [&](const auto& y) { return related(x, y); })
                     ? 1
                     : 0;
    }
    long hit_s = 0;
    for (const auto& y : spos) {
        hit_s += std::any_of(gpos.begin(), gpos.end(), [&](const auto& x) { return related(x, y); })
                     ? 1
                     : 0;
    }
    type(out, "positions")
        .add(hit_g, static_cast<long>(spos.size()) - hit_s, static_cast<long>(gpos.size()) - hit_g);
}

// ---------------------------------------------------------------------------------------------
// Input and output

std::vector<std::unique_ptr<rapidjson::Document>> load_jsonl(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error(path + ": cannot read");
    }
    std::vector<std::unique_ptr<rapidjson::Document>> out;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        std::string_view t = line;
        while (!t.empty() && (t.back() == '\r' || t.back() == ' ' || t.back() == '\t')) {
            t.remove_suffix(1);
        }
        while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
            t.remove_prefix(1);
        }
        if (t.empty()) {
            continue;
        }
        auto doc = std::make_unique<rapidjson::Document>();
        doc->Parse(t.data(), t.size());
        if (doc->HasParseError() || !doc->IsObject()) {
            throw std::runtime_error(path + ":" + std::to_string(n) + ": not a JSON object");
        }
        out.push_back(std::move(doc));
    }
    return out;
}

struct SystemRecord {
    std::string id;
    std::string source;
    std::unique_ptr<rapidjson::Document> doc;
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string stem_of(const std::string& doc) {
    std::size_t dot = doc.rfind('.');
    return dot == std::string::npos ? doc : doc.substr(0, dot);
}

// score.py's find(): the record whose id is the doc or whose source ends with it, else one
// whose id is the doc without its extension.
const rapidjson::Document* find_record(const std::vector<SystemRecord>& recs,
                                       const std::string& doc) {
    std::string stem = stem_of(doc);
    for (const SystemRecord& r : recs) {
        std::u32string src = to_u32(r.source);
        std::string tail = to_utf8(src.substr(src.size() > 6 ? src.size() - 6 : 0));
        if (r.id == doc || ends_with(r.source, doc) ||
            (ends_with(r.source, stem) && tail.find('.') == std::string::npos)) {
            return r.doc.get();
        }
    }
    for (const SystemRecord& r : recs) {
        if (!r.id.empty() && (r.id == stem || ends_with(r.id, "/" + stem))) {
            return r.doc.get();
        }
    }
    return nullptr;
}

Scores score_all(const std::vector<std::unique_ptr<rapidjson::Document>>& gold,
                 const std::vector<SystemRecord>& recs) {
    Scores s;
    for (const char* name : {"persons", "organisations", "organisations_lenient", "provinces",
                             "directives", "meetings", "attendance", "positions"}) {
        s.types.emplace_back(name, Prf{});
    }
    static const rapidjson::Document empty = [] {
        rapidjson::Document d;
        d.Parse(R"({"entities": [], "relations": []})");
        return d;
    }();
    for (const auto& g : gold) {
        std::string doc = str_of(member(*g, "doc"));
        const rapidjson::Document* rec = find_record(recs, doc);
        if (rec == nullptr) {
            s.missing.push_back(doc);
            rec = &empty;
        }
        score_doc(s, *g, *rec);
    }
    s.docs = gold.size();
    return s;
}

// Python's repr of round(x, 3).
std::string rounded(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') {
        s.pop_back();
    }
    return s;
}

std::string accuracy(long ok, long all) {
    if (all == 0) {
        return "None";
    }
    return rounded(static_cast<double>(ok) / static_cast<double>(all));
}

std::string json_string(const std::string& s) {
    rapidjson::StringBuffer b;
    rapidjson::Writer<rapidjson::StringBuffer> w(b);
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    return b.GetString();
}

void print_scores(const Scores& s, bool json) {
    if (json) {
        std::string out = "{";
        for (const auto& [name, prf] : s.types) {
            auto [p, r, f] = prf.get();
            out += "\"" + name + "\": {\"p\": " + rounded(p) + ", \"r\": " + rounded(r) +
                   ", \"f1\": " + rounded(f) + "}, ";
        }
        std::string d = accuracy(s.date_ok, s.date_all);
        std::string i = accuracy(s.issuer_ok, s.issuer_all);
        out += "\"directive_date_acc\": " + (d == "None" ? std::string("null") : d) + ", ";
        out += "\"directive_issuer_acc\": " + (i == "None" ? std::string("null") : i) + ", ";
        out += "\"docs\": " + std::to_string(s.docs) + ", \"docs_missing\": [";
        for (std::size_t k = 0; k < s.missing.size(); ++k) {
            out += (k ? ", " : "") + json_string(s.missing[k]);
        }
        out += "]}";
        std::cout << out << '\n';
        return;
    }
    char line[128];
    std::snprintf(line, sizeof line, "%-24s %6s %6s %6s\n", "type", "P", "R", "F1");
    std::cout << line;
    for (const auto& [name, prf] : s.types) {
        auto [p, r, f] = prf.get();
        std::snprintf(line, sizeof line, "%-24s %6.3f %6.3f %6.3f\n", name.c_str(),
                      std::stod(rounded(p)), std::stod(rounded(r)), std::stod(rounded(f)));
        std::cout << line;
    }
    std::cout << "directive date accuracy   " << accuracy(s.date_ok, s.date_all) << '\n';
    std::cout << "directive issuer accuracy " << accuracy(s.issuer_ok, s.issuer_all) << '\n';
    if (!s.missing.empty()) {
        std::cout << "docs with no system record: " << s.missing.size() << '\n';
    }
}

struct EvalOptions {
    std::string gold;
    std::vector<std::string> inputs;
    std::string system;
    bool json = false;
    unsigned jobs = 1;
    std::string lexicon;
};

SystemRecord record_of(std::unique_ptr<rapidjson::Document> doc) {
    SystemRecord r;
    const Json* a = member(*doc, "article");
    if (a != nullptr) {
        r.id = str_of(member(*a, "id"));
        r.source = str_of(member(*a, "source"));
    }
    r.doc = std::move(doc);
    return r;
}

int run_eval(const EvalOptions& options) {
    if (options.inputs.empty() == options.system.empty()) {
        std::cerr << "vnkg eval: name the articles to extract, or --system FILE with a saved "
                     "extraction (not both)\nRun `vnkg eval --help` for the options.\n";
        return 2;
    }
    auto gold = load_jsonl(options.gold);
    std::vector<std::string> docs;
    for (const auto& g : gold) {
        docs.push_back(str_of(member(*g, "doc")));
    }
    std::vector<SystemRecord> recs;
    // Only records some gold document can match are kept, in input order, so memory follows
    // the gold file rather than the input.
    auto keep = [&](SystemRecord r) {
        std::vector<SystemRecord> one;
        one.push_back(std::move(r));
        for (const std::string& d : docs) {
            if (find_record(one, d) != nullptr) {
                recs.push_back(std::move(one.front()));
                return;
            }
        }
    };
    if (!options.system.empty()) {
        for (auto& doc : load_jsonl(options.system)) {
            keep(record_of(std::move(doc)));
        }
    } else {
        ExtractRunOptions run;
        run.inputs = options.inputs;
        run.lexicon = options.lexicon;
        run.jobs = options.jobs;
        run.quiet = true;
        ExtractRunCounts counts = run_extraction(run, [&](const extract::Extraction& e) {
            auto doc = std::make_unique<rapidjson::Document>();
            std::string line = extract::to_json_line(e);
            doc->Parse(line.data(), line.size());
            keep(record_of(std::move(doc)));
        });
        if (counts.read == 0) {
            std::cerr << "vnkg eval: no article could be read\n";
            return 1;
        }
    }
    print_scores(score_all(gold, recs), options.json);
    return 0;
}

} // namespace

void setup_eval(CLI::App& app, int& status) {
    auto options = std::make_shared<EvalOptions>();
    CLI::App* sub = app.add_subcommand(
        "eval", "Score extraction against a gold file (per-type precision, recall, F1)");
    sub->footer("Examples:\n"
                "  vnkg eval ../shared/eval/dev/seeds.gold.jsonl ../shared/seeds\n"
                "  vnkg eval ../shared/eval/dev/baomoi.gold.jsonl ../shared/corpus/baomoi --json\n"
                "  vnkg eval GOLD.jsonl --system saved_extraction.jsonl\n"
                "The figures are those of ../shared/tools/score.py on the same extraction.");
    sub->add_option("gold", options->gold, "Gold file: one annotated article a line")
        ->required()
        ->check(CLI::ExistingFile);
    sub->add_option("inputs", options->inputs, "Articles to extract (files, folders, -)");
    sub->add_option("--system", options->system,
                    "Score this saved `vnkg extract` output instead of extracting")
        ->check(CLI::ExistingFile);
    sub->add_flag("--json", options->json, "Print the figures as one JSON object");
    sub->add_option("-j,--jobs", options->jobs, "Extraction threads (default 1)")
        ->check(CLI::Range(1u, 256u));
    sub->add_option("--lexicon", options->lexicon,
                    "A folder of lexicon files to add to the built-in ones")
        ->check(CLI::ExistingDirectory);
    sub->callback([options, &status] { status = run_eval(*options); });
}

} // namespace vnkg::cli
