#include "extract/lexicon.hpp"

#include "graph/text.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vnkg::extract {

std::uint64_t Vocabulary::hash(std::string_view word) {
    // Eight bytes at a time with a 64-bit mix: words are short, and this is on every token.
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ word.size();
    std::size_t i = 0;
    for (; i + 8 <= word.size(); i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, word.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    std::uint64_t w = 0;
    std::memcpy(&w, word.data() + i, word.size() - i);
    h = (h ^ w) * 0x94D049BB133111EBULL;
    return h ^ (h >> 29);
}

std::size_t Vocabulary::slot_of(std::string_view word, std::uint64_t h) const {
    std::size_t mask = slots_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
        int id = slots_[at];
        if (id < 0 || (hashes_[static_cast<std::size_t>(id)] == h &&
                       words_[static_cast<std::size_t>(id)] == word)) {
            return at;
        }
    }
}

int Vocabulary::intern(std::string_view word) {
    if ((words_.size() + 1) * 2 > slots_.size()) {
        slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, -1);
        for (std::size_t id = 0; id < words_.size(); ++id) {
            slots_[slot_of(words_[id], hashes_[id])] = static_cast<int>(id);
        }
    }
    std::uint64_t h = hash(word);
    std::size_t at = slot_of(word, h);
    if (slots_[at] < 0) {
        slots_[at] = static_cast<int>(words_.size());
        words_.emplace_back(word);
        hashes_.push_back(h);
    }
    return slots_[at];
}

int Vocabulary::find(std::string_view word) const {
    if (slots_.empty()) {
        return -1;
    }
    return slots_[slot_of(word, hash(word))];
}

void PhraseTable::add(std::string_view phrase, int value, Vocabulary& vocabulary) {
    std::vector<int> words;
    for (const Token& t : tokenise(phrase)) {
        words.push_back(vocabulary.intern(t.low));
    }
    if (words.empty()) {
        return;
    }
    auto first = static_cast<std::size_t>(words.front());
    if (roots_.size() <= first) {
        roots_.resize(first + 1, -1);
    }
    if (roots_[first] < 0) {
        roots_[first] = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
    }
    int node = roots_[first];
    for (std::size_t k = 1; k < words.size(); ++k) {
        auto& next = nodes_[static_cast<std::size_t>(node)].next;
        auto it = std::find_if(next.begin(), next.end(),
                               [&](const std::pair<int, int>& e) { return e.first == words[k]; });
        if (it != next.end()) {
            node = it->second;
            continue;
        }
        int child = static_cast<int>(nodes_.size());
        nodes_[static_cast<std::size_t>(node)].next.emplace_back(words[k], child);
        nodes_.emplace_back();
        node = child;
    }
    TrieNode& end = nodes_[static_cast<std::size_t>(node)];
    if (!end.terminal) {
        end.terminal = true;
        end.value = value;
    }
}

std::pair<std::size_t, int> PhraseTable::walk(const std::vector<Token>& tokens,
                                              std::size_t i) const {
    std::pair<std::size_t, int> best{0, -1};
    auto node = static_cast<std::size_t>(roots_[static_cast<std::size_t>(tokens[i].id)]);
    for (std::size_t k = i;;) {
        const TrieNode& n = nodes_[node];
        if (n.terminal) {
            best = {k - i + 1, n.value};
        }
        ++k;
        if (k >= tokens.size() || n.next.empty() || tokens[k].id < 0) {
            return best;
        }
        auto it = std::find_if(n.next.begin(), n.next.end(), [&](const std::pair<int, int>& e) {
            return e.first == tokens[k].id;
        });
        if (it == n.next.end()) {
            return best;
        }
        node = static_cast<std::size_t>(it->second);
    }
}

void Lexicon::assign_ids(std::vector<Token>& tokens) const {
    for (Token& t : tokens) {
        t.id = vocabulary.find(t.low);
    }
}

namespace {

// The fields of one data line, or nothing for a blank line or a comment.
std::vector<std::string> fields_of(std::string_view line) {
    std::vector<std::string> out;
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    if (trim(line).empty() || trim(line).front() == '#') {
        return out;
    }
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        std::string_view f = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
        out.push_back(graph::canonical_tones(graph::normalise_text(trim(f))));
        if (tab == std::string_view::npos) {
            break;
        }
        start = tab + 1;
    }
    return out;
}

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) {
        std::string_view t = trim(item);
        if (!t.empty()) {
            out.emplace_back(t);
        }
    }
    return out;
}

// A place name and the other spellings the press uses for it: Đắk, Đăk and Đắc are one.
std::vector<std::string> spelling_variants(const std::string& name) {
    std::vector<std::string> out{name};
    static const std::vector<std::vector<std::string>> groups = {{"Đắk", "Đăk", "Đắc", "Dak"},
                                                                 {"Lắk", "Lăk", "Lắc"}};
    for (const auto& group : groups) {
        std::size_t n = out.size();
        for (std::size_t k = 0; k < n; ++k) {
            for (const std::string& from : group) {
                std::size_t pos = out[k].find(from);
                if (pos == std::string::npos) {
                    continue;
                }
                for (const std::string& to : group) {
                    std::string v = out[k];
                    v.replace(pos, from.size(), to);
                    if (std::find(out.begin(), out.end(), v) == out.end()) {
                        out.push_back(v);
                    }
                }
            }
        }
    }
    return out;
}

BodyClass body_class(const std::string& s, const std::string& where) {
    if (s == "national") {
        return BodyClass::national;
    }
    if (s == "board") {
        return BodyClass::board;
    }
    if (s == "committee") {
        return BodyClass::committee;
    }
    if (s == "local") {
        return BodyClass::local;
    }
    if (s == "sector") {
        return BodyClass::sector;
    }
    throw std::runtime_error(where + ": unknown body class '" + s + "'");
}

} // namespace

Lexicon::Lexicon(const std::string& user_dir) {
    // Gazetteer files first, so the others may refer to provinces.
    const auto& files = embedded_lexicon_files();
    for (std::string_view first : {"provinces.tsv", "districts.tsv"}) {
        for (const LexiconFile& f : files) {
            if (f.name == first) {
                load(f.name, f.content);
            }
        }
    }
    for (const LexiconFile& f : files) {
        if (f.name != "provinces.tsv" && f.name != "districts.tsv") {
            load(f.name, f.content);
        }
    }
    if (user_dir.empty()) {
        return;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(user_dir, ec)) {
        throw std::runtime_error(user_dir + ": not a lexicon folder");
    }
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(user_dir, ec)) {
        paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
        std::ifstream in(p, std::ios::binary);
        if (!in) {
            throw std::runtime_error(p.string() + ": cannot read");
        }
        std::stringstream buf;
        buf << in.rdbuf();
        std::string content = buf.str();
        if (!graph::is_valid_utf8(content)) {
            throw std::runtime_error(p.string() + ": not UTF-8");
        }
        load(p.filename().string(), content);
    }
}

void Lexicon::load(std::string_view name, std::string_view content) {
    std::size_t line_no = 0;
    std::size_t start = 0;
    while (start <= content.size()) {
        std::size_t nl = content.find('\n', start);
        std::string_view line =
            content.substr(start, nl == std::string_view::npos ? nl : nl - start);
        ++line_no;
        start = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
        std::vector<std::string> f = fields_of(line);
        if (f.empty()) {
            continue;
        }
        std::string where = std::string(name) + ":" + std::to_string(line_no);
        auto need = [&](std::size_t n) {
            if (f.size() < n) {
                throw std::runtime_error(where + ": expected " + std::to_string(n) +
                                         " tab-separated fields, found " +
                                         std::to_string(f.size()));
            }
        };
        if (name == "provinces.tsv") {
            need(5);
            ProvinceInfo p;
            p.post_2025 = f[0] == "post";
            if (!p.post_2025 && f[0] != "pre") {
                throw std::runtime_error(where + ": era must be 'pre' or 'post'");
            }
            p.code = f[1];
            p.name = f[2];
            p.type = f[3];
            if (p.post_2025) {
                p.merged = split_commas(f[4]);
            } else {
                p.successor = f[4];
            }
            std::size_t index = provinces.size();
            provinces.push_back(p);
            if (p.post_2025) {
                post_by_code[p.code] = index;
                // A new name that no old province had is matched in text too.
                if (!province_by_name.count(lower(p.name))) {
                    province_by_name[lower(p.name)] = index;
                    province_names.add(p.name, static_cast<int>(index), vocabulary);
                }
            } else {
                province_by_code[p.code] = index;
                province_by_name[lower(p.name)] = index;
                province_names.add(p.name, static_cast<int>(index), vocabulary);
            }
        } else if (name == "province_aliases.tsv") {
            need(2);
            auto it = province_by_name.find(lower(f[1]));
            if (it == province_by_name.end()) {
                throw std::runtime_error(where + ": unknown province '" + f[1] + "'");
            }
            province_by_name[lower(f[0])] = it->second;
            province_names.add(f[0], static_cast<int>(it->second), vocabulary);
        } else if (name == "districts.tsv") {
            need(3);
            std::string key = lower(f[0]);
            auto it = district_by_name.find(key);
            if (it != district_by_name.end()) {
                districts[it->second].types.push_back(f[1]);
                districts[it->second].provinces.push_back(f[2]);
            } else {
                district_by_name[key] = districts.size();
                districts.push_back({f[0], {f[1]}, {f[2]}});
                for (const std::string& v : spelling_variants(f[0])) {
                    district_names.add(v, static_cast<int>(districts.size() - 1), vocabulary);
                }
            }
        } else if (name == "countries.txt") {
            countries.add(f[0], 0, vocabulary);
        } else if (name == "marked_places.txt") {
            marked_places.insert(f[0]);
        } else if (name == "surnames.txt") {
            surnames.insert(f[0]);
            auto id = static_cast<std::size_t>(vocabulary.intern(lower(f[0])));
            surname_ids.resize(std::max(surname_ids.size(), id + 1));
            surname_ids[id] = true;
        } else if (name == "name_breaks.txt") {
            auto id = static_cast<std::size_t>(vocabulary.intern(lower(f[0])));
            name_break_ids.resize(std::max(name_break_ids.size(), id + 1));
            name_break_ids[id] = true;
        } else if (name == "non_name_words.txt") {
            non_name_words.insert(f[0]);
            auto id = static_cast<std::size_t>(vocabulary.intern(lower(f[0])));
            non_name_ids.resize(std::max(non_name_ids.size(), id + 1));
            non_name_ids[id] = true;
        } else if (name == "honorifics.txt") {
            honorifics.add(f[0], 0, vocabulary);
        } else if (name == "titles.txt") {
            titles.add(f[0], 0, vocabulary);
        } else if (name == "ranks.txt") {
            ranks.add(f[0], 0, vocabulary);
        } else if (name == "stop_words.txt") {
            stop_words.add(f[0], 0, vocabulary);
        } else if (name == "bodies.tsv") {
            need(2);
            bodies.push_back({f[0], body_class(f[1], where), f.size() > 2 ? f[2] : ""});
            body_names.add(f[0], static_cast<int>(bodies.size() - 1), vocabulary);
        } else if (name == "sectors.txt") {
            sectors.push_back(f[0]);
            sector_names.add(f[0], static_cast<int>(sectors.size() - 1), vocabulary);
        } else if (name == "abbreviations.tsv") {
            need(2);
            std::vector<std::string> words;
            for (const Token& t : tokenise(f[1])) {
                words.emplace_back(t.text);
            }
            abbreviations[f[0]] = words;
            // Its word in the vocabulary lets a token that is no lexicon word skip the lookup.
            std::string_view key = f[0];
            if (key.size() > 1 && key.back() == '.') {
                key.remove_suffix(1);
            }
            vocabulary.intern(lower(key));
        } else if (name == "document_kinds.tsv") {
            DocumentKind k{f[0], f.size() > 1 ? split_commas(f[1]) : std::vector<std::string>{}};
            for (const std::string& l : k.letters) {
                kind_by_letters.emplace(l, k.name);
            }
            document_kinds.push_back(k);
            document_kind_names.add(k.name, static_cast<int>(document_kinds.size() - 1),
                                    vocabulary);
        } else if (name == "issuers.tsv") {
            need(4);
            Issuer is{f[0], f[1], f[2] == "party", f[3] == "local"};
            if (f[2] != "party" && f[2] != "state") {
                throw std::runtime_error(where + ": form must be 'party' or 'state'");
            }
            if (is.local) {
                local_suffixes[is.suffix] = true;
            }
            issuers.push_back(is);
            issuer_names.add(is.name, static_cast<int>(issuers.size() - 1), vocabulary);
        } else if (name == "roles.tsv") {
            need(2);
            static const std::set<std::string> known = {"chair", "head", "speaker", "participant"};
            if (known.count(f[1]) == 0) {
                throw std::runtime_error(where + ": unknown role '" + f[1] + "'");
            }
            auto it = std::find(role_names.begin(), role_names.end(), f[1]);
            int index = static_cast<int>(it - role_names.begin());
            if (it == role_names.end()) {
                role_names.push_back(f[1]);
            }
            roles.add(f[0], index, vocabulary);
        } else if (name == "meeting_words.tsv") {
            need(2);
            meeting_words.emplace_back(f[0], f[1]);
            meeting_heads.add(f[0], static_cast<int>(meeting_words.size() - 1), vocabulary);
        } else if (name == "event_acts.txt") {
            event_acts.add(f[0], 0, vocabulary);
        }
    }
}

} // namespace vnkg::extract
