#include "extract/reader.hpp"

#include "graph/text.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>

namespace vnkg::extract {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kChunk = 1u << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string errno_text(int error) { return std::generic_category().message(error); }

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20)) {
        return std::to_string(bytes >> 20) + " MB";
    }
    if (bytes >= (1u << 10)) {
        return std::to_string(bytes >> 10) + " KB";
    }
    return std::to_string(bytes) + " bytes";
}

bool is_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
    });
}

/// Collapses every run of white space (newlines included) to one space and trims.
std::string one_line(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(c);
    }
    return out;
}

/// Reads a file descriptor in large chunks, line by line or whole, never holding more than the
/// article limit: an overlong line is counted and dropped while it streams past.
class ChunkReader {
public:
    /// `buffer` (kChunk bytes) is shared by the readers of one read_inputs() call: allocating
    /// and clearing a fresh one per file cost more than reading a small article.
    ChunkReader(int fd, std::size_t max_bytes, char* buffer)
        : fd_(fd), max_(max_bytes), buffer_(buffer) {}

    /// Fills the buffer if it is empty; false at the end of the input. Throws std::system_error.
    bool fill() {
        if (pos_ < end_) {
            return true;
        }
        pos_ = 0;
        end_ = 0;
        for (;;) {
            ssize_t n = ::read(fd_, buffer_, kChunk);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                throw std::system_error(errno, std::generic_category());
            }
            end_ = static_cast<std::size_t>(n);
            return n > 0;
        }
    }

    /// What the buffer holds now (after fill()).
    std::string_view peek() const { return {buffer_ + pos_, end_ - pos_}; }

    /// The next line without its '\n'. `length` receives its full length; when that passes the
    /// limit `line` is left empty and `too_long` set. False at the end of the input.
    bool next_line(std::string& line, std::size_t& length, bool& too_long) {
        line.clear();
        length = 0;
        too_long = false;
        bool any = false;
        while (fill()) {
            any = true;
            const char* start = buffer_ + pos_;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            std::size_t take = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
            append(line, length, too_long, start, take);
            pos_ += take;
            if (nl) {
                ++pos_;
                return true;
            }
        }
        return any;
    }

    /// Everything left, with the same limit rule as next_line().
    void rest(std::string& out, std::size_t& length, bool& too_long) {
        out.clear();
        length = 0;
        too_long = false;
        while (fill()) {
            append(out, length, too_long, buffer_ + pos_, end_ - pos_);
            pos_ = end_;
        }
    }

private:
    void append(std::string& out, std::size_t& length, bool& too_long, const char* data,
                std::size_t n) {
        length += n;
        if (too_long) {
            return;
        }
        if (length > max_) {
            too_long = true;
            out.clear();
            out.shrink_to_fit();
            return;
        }
        out.append(data, n);
    }

    int fd_;
    std::size_t max_;
    char* buffer_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
};

/// Closes a file descriptor it opened.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ > 2) {
            ::close(fd_);
        }
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

bool has_extension(const fs::path& p, std::string_view ext) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e == ext;
}

bool is_article_file(const fs::path& p) {
    return has_extension(p, ".txt") || has_extension(p, ".md") || has_extension(p, ".jsonl");
}

/// The last named component of `p` as an absolute path ("../shared/seeds/" -> "seeds").
std::string last_component(const fs::path& p) {
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec);
    if (ec) {
        abs = p;
    }
    abs = abs.lexically_normal();
    if (!abs.has_filename() && abs.has_parent_path() && abs != abs.root_path()) {
        abs = abs.parent_path();
    }
    std::string name = abs.filename().string();
    return name == "." || name == ".." ? std::string() : name;
}

std::string join_id(const std::string& prefix, const std::string& rel) {
    return prefix.empty() ? rel : prefix + "/" + rel;
}

/// Field lookups by the caller's name or the common names, in order.
const rapidjson::Value* find_field(const rapidjson::Value& object, const std::string& named,
                                   std::initializer_list<const char*> common,
                                   bool want_non_empty_string) {
    auto usable = [&](const rapidjson::Value& v) {
        if (!want_non_empty_string) {
            return !v.IsNull();
        }
        return v.IsString() && !is_blank(std::string_view(v.GetString(), v.GetStringLength()));
    };
    if (!named.empty()) {
        auto it = object.FindMember(rapidjson::StringRef(named.data(), named.size()));
        return it != object.MemberEnd() && usable(it->value) ? &it->value : nullptr;
    }
    for (const char* name : common) {
        auto it = object.FindMember(name);
        if (it != object.MemberEnd() && usable(it->value)) {
            return &it->value;
        }
    }
    return nullptr;
}

std::string scalar_text(const rapidjson::Value& v) {
    if (v.IsString()) {
        return {v.GetString(), v.GetStringLength()};
    }
    if (v.IsInt64()) {
        return std::to_string(v.GetInt64());
    }
    if (v.IsUint64()) {
        return std::to_string(v.GetUint64());
    }
    return {};
}

class Reader {
public:
    Reader(const ReaderOptions& options, const std::function<void(Article&&)>& on_article,
           const std::function<void(const Diagnostic&)>& on_diagnostic)
        : options_(options), on_article_(on_article), on_diagnostic_(on_diagnostic),
          buffer_(new char[kChunk]) {}

    void read_input(const std::string& input) {
        if (input == "-") {
            read_stdin();
            return;
        }
        fs::path path(input);
        std::error_code ec;
        fs::file_status st = fs::status(path, ec);
        if (ec || !fs::exists(st)) {
            diagnose(input, 0,
                     ec && ec != std::errc::no_such_file_or_directory
                         ? "cannot read: " + ec.message()
                         : "no such file or folder");
            return;
        }
        if (fs::is_directory(st)) {
            read_folder(path);
            return;
        }
        std::string rel = path.filename().string();
        read_file(path, join_id(last_component(path.parent_path()), rel));
    }

    ReadCounts counts() const { return counts_; }

private:
    void diagnose(std::string file, std::size_t line, std::string reason) {
        ++counts_.skipped;
        on_diagnostic_(Diagnostic{std::move(file), line, std::move(reason)});
    }

    void read_folder(const fs::path& root) {
        if (!walk(root, std::string(), last_component(root))) {
            diagnose(root.string(), 0, "no .txt, .md or .jsonl files in this folder");
        }
    }

    /// Reads the article files under `dir` (relative path `rel`, "" or ending in '/') in the order
    /// of their relative paths, one folder at a time: memory holds the entries of the folders on
    /// the way down, never the whole tree. An entry sorts as its name, a folder's as "name/", which
    /// is the order of the full relative paths. Hidden entries are left out and linked folders
    /// not followed, so a link cycle cannot trap the walk. True when an article file was found.
    bool walk(const fs::path& dir, const std::string& rel, const std::string& prefix) {
        struct Entry {
            std::string key; // the name, with '/' after a folder's
            fs::path path;
            bool folder = false;
        };
        std::vector<Entry> entries;
        std::error_code ec;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            diagnose(dir.string(), 0, "cannot read folder: " + ec.message());
            return false;
        }
        for (fs::directory_iterator end; it != end; it.increment(ec)) {
            if (ec) {
                break;
            }
            const fs::directory_entry& entry = *it;
            std::string name = entry.path().filename().string();
            if (name.empty() || name.front() == '.') {
                continue;
            }
            std::error_code kind_ec;
            if (entry.is_directory(kind_ec) && !entry.is_symlink(kind_ec)) {
                entries.push_back(Entry{name + '/', entry.path(), true});
            } else if (is_article_file(entry.path()) && !entry.is_directory(kind_ec)) {
                entries.push_back(Entry{std::move(name), entry.path(), false});
            }
        }
        if (ec) {
            diagnose(dir.string(), 0, "cannot read folder: " + ec.message());
        }
        std::sort(entries.begin(), entries.end(),
                  [](const Entry& a, const Entry& b) { return a.key < b.key; });
        bool any = false;
        for (const Entry& e : entries) {
            if (e.folder) {
                any = walk(e.path, rel + e.key, prefix) || any;
            } else {
                read_file(e.path, join_id(prefix, rel + e.key));
                any = true;
            }
        }
        return any;
    }

    void read_file(const fs::path& path, const std::string& id) {
        std::string file = path.generic_string();
        int raw = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (raw < 0) {
            diagnose(file, 0, "cannot open: " + errno_text(errno));
            return;
        }
        Fd fd(raw);
        struct stat st {};
        if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode)) {
            diagnose(file, 0, "is a folder");
            return;
        }
        try {
            if (has_extension(path, ".jsonl")) {
                read_jsonl(fd.get(), file, id);
                return;
            }
            if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > options_.max_article_bytes) {
                diagnose(file, 0,
                         "file is " + size_text(static_cast<std::size_t>(st.st_size)) +
                             ", over the limit of " + size_text(options_.max_article_bytes) +
                             " for one article");
                return;
            }
            ChunkReader reader(fd.get(), options_.max_article_bytes, buffer_.get());
            std::string text;
            if (S_ISREG(st.st_mode)) {
                text.reserve(static_cast<std::size_t>(st.st_size));
            }
            std::size_t length = 0;
            bool too_long = false;
            reader.rest(text, length, too_long);
            if (too_long) {
                diagnose(file, 0,
                         "file is " + size_text(length) + ", over the limit of " +
                             size_text(options_.max_article_bytes) + " for one article");
                return;
            }
            whole_article(file, id, file, std::move(text));
        } catch (const std::system_error& e) {
            diagnose(file, 0, "cannot read: " + e.code().message());
        }
    }

    void read_stdin() {
        static const std::string file = "<stdin>";
        try {
            ChunkReader reader(STDIN_FILENO, options_.max_article_bytes, buffer_.get());
            bool jsonl = false;
            if (reader.fill()) {
                std::string_view head = reader.peek();
                if (head.substr(0, kBom.size()) == kBom) {
                    head.remove_prefix(kBom.size());
                }
                auto first = head.find_first_not_of(" \t\r\n");
                jsonl = first != std::string_view::npos && head[first] == '{';
            }
            if (jsonl) {
                jsonl_lines(reader, file, "-", "stdin");
                return;
            }
            std::string text;
            std::size_t length = 0;
            bool too_long = false;
            reader.rest(text, length, too_long);
            if (too_long) {
                diagnose(file, 0,
                         "input is " + size_text(length) + ", over the limit of " +
                             size_text(options_.max_article_bytes) + " for one article");
                return;
            }
            whole_article(file, {}, "-", std::move(text));
        } catch (const std::system_error& e) {
            diagnose(file, 0, "cannot read: " + e.code().message());
        }
    }

    /// Checks a raw text and says what is wrong with it, or nothing. `where` is "byte" for a file,
    /// "column" for a line.
    std::optional<std::string> check_raw(std::string_view raw, std::string_view where) {
        if (raw.size() >= 2 && ((raw[0] == '\xFF' && raw[1] == '\xFE') ||
                                (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
            return "UTF-16 text; only UTF-8 is read";
        }
        if (const void* nul = std::memchr(raw.data(), '\0', raw.size())) {
            auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - raw.data());
            return "binary data (NUL byte at " + std::string(where) + " " +
                   std::to_string(where == "column" ? at + 1 : at) + ")";
        }
        std::size_t bad = 0;
        if (!graph::is_valid_utf8(raw, &bad)) {
            return "invalid UTF-8 at " + std::string(where) + " " +
                   std::to_string(where == "column" ? bad + 1 : bad);
        }
        return std::nullopt;
    }

    /// A .txt/.md file or stdin: one article. An empty `id` means "name it by its hash".
    void whole_article(const std::string& file, std::string id, std::string source,
                       std::string raw) {
        counts_.bytes += raw.size();
        if (raw.empty()) {
            diagnose(file, 0, "empty file");
            return;
        }
        if (auto problem = check_raw(raw, "byte")) {
            diagnose(file, 0, *problem);
            return;
        }
        std::string text = graph::normalise_text(raw);
        raw.clear();
        raw.shrink_to_fit();
        if (is_blank(text)) {
            diagnose(file, 0, "only white space, no text");
            return;
        }
        Article article;
        article.hash = content_hash(text);
        article.id = id.empty() ? "stdin-" + article.hash.substr(0, 12) : std::move(id);
        article.source = std::move(source);
        article.text = std::move(text);
        ++counts_.read;
        on_article_(std::move(article));
    }

    void read_jsonl(int fd, const std::string& file, const std::string& id) {
        ChunkReader reader(fd, options_.max_article_bytes, buffer_.get());
        if (reader.fill()) {
            std::string_view head = reader.peek().substr(0, 4096);
            if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') ||
                                     (head[0] == '\xFE' && head[1] == '\xFF'))) {
                diagnose(file, 0, "UTF-16 text; only UTF-8 is read");
                return;
            }
            if (const void* nul = std::memchr(head.data(), '\0', head.size())) {
                diagnose(file, 0,
                         "binary file (NUL byte at byte " +
                             std::to_string(static_cast<const char*>(nul) - head.data()) + ")");
                return;
            }
        } else {
            diagnose(file, 0, "empty file");
            return;
        }
        jsonl_lines(reader, file, file, id);
    }

    /// One article a line. `source` and `id_base` name lines that carry no id of their own.
    void jsonl_lines(ChunkReader& reader, const std::string& file, const std::string& source,
                     const std::string& id_base) {
        std::string line;
        std::size_t length = 0;
        bool too_long = false;
        std::size_t number = 0;
        std::size_t articles_before = counts_.read + counts_.skipped;
        while (reader.next_line(line, length, too_long)) {
            ++number;
            counts_.bytes += length;
            if (too_long) {
                diagnose(file, number,
                         "line is " + size_text(length) + ", over the limit of " +
                             size_text(options_.max_article_bytes) + " for one article");
                continue;
            }
            if (number == 1 && std::string_view(line).substr(0, kBom.size()) == kBom) {
                line.erase(0, kBom.size());
            }
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            if (is_blank(line)) {
                continue;
            }
            jsonl_article(file, number, source, id_base, line);
        }
        if (counts_.read + counts_.skipped == articles_before) {
            diagnose(file, 0, number == 0 ? "empty file" : "no articles, only blank lines");
        }
    }

    void jsonl_article(const std::string& file, std::size_t number, const std::string& source,
                       const std::string& id_base, std::string& line) {
        if (auto problem = check_raw(line, "column")) {
            diagnose(file, number, *problem);
            return;
        }
        rapidjson::Document doc;
        // In place: the line buffer is ours and is refilled for the next line anyway.
        doc.ParseInsitu<rapidjson::kParseDefaultFlags>(line.data());
        if (doc.HasParseError()) {
            diagnose(file, number,
                     std::string("not JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()) +
                         " (column " + std::to_string(doc.GetErrorOffset() + 1) + ")");
            return;
        }
        if (!doc.IsObject()) {
            diagnose(file, number, "not a JSON object");
            return;
        }
        const rapidjson::Value* body =
            find_field(doc, options_.text_field, {"text", "content", "body", "sapo"}, true);
        if (body == nullptr) {
            std::string fields;
            for (const auto& m : doc.GetObject()) {
                fields += fields.empty() ? "" : ", ";
                fields.append(m.name.GetString(), m.name.GetStringLength());
            }
            std::string wanted = options_.text_field.empty()
                                     ? "no text field (text, content, body or sapo)"
                                     : "no text in field \"" + options_.text_field + "\"";
            diagnose(file, number, wanted + "; the line has " +
                                       (fields.empty() ? std::string("no fields") : fields));
            return;
        }
        const rapidjson::Value* title = find_field(
            doc, options_.title_field, {"title"}, true);
        const rapidjson::Value* date = find_field(
            doc, options_.date_field, {"published", "publish_date", "date"}, true);
        const rapidjson::Value* id = find_field(doc, options_.id_field, {"id", "url"}, false);

        std::string raw;
        std::string_view body_text(body->GetString(), body->GetStringLength());
        if (title != nullptr) {
            std::string_view t(title->GetString(), title->GetStringLength());
            raw.reserve(t.size() + 2 + body_text.size());
            raw.append(t).append("\n\n");
        }
        // A lead ("sapo", "summary", "description") beside the text opens the article, unless
        // the text already does: news sites often keep the two apart, and the lead dates and
        // names the event.
        if (options_.text_field.empty()) {
            const rapidjson::Value* lead =
                find_field(doc, "", {"sapo", "summary", "description", "lead"}, true);
            if (lead != nullptr && lead != body) {
                std::string_view l(lead->GetString(), lead->GetStringLength());
                if (body_text.find(l.substr(0, std::min<std::size_t>(l.size(), 80))) ==
                    std::string_view::npos) {
                    raw.append(l).append("\n\n");
                }
            }
        }
        raw.append(body_text);
        // Escapes such as \u0000 pass the JSON parser; the decoded text must still be text.
        if (std::memchr(raw.data(), '\0', raw.size()) != nullptr) {
            diagnose(file, number, "the text holds a NUL character");
            return;
        }
        Article article;
        article.text = graph::normalise_text(raw);
        if (is_blank(article.text)) {
            diagnose(file, number, "only white space, no text");
            return;
        }
        article.hash = content_hash(article.text);
        if (title != nullptr) {
            article.title = one_line(graph::normalise_text(
                std::string_view(title->GetString(), title->GetStringLength())));
        }
        if (date != nullptr) {
            article.published = iso_date(std::string_view(date->GetString(), date->GetStringLength()));
        }
        std::string id_text = id != nullptr ? one_line(scalar_text(*id)) : std::string();
        article.id = id_text.empty() ? id_base + ":" + std::to_string(number) : std::move(id_text);
        article.source = source + ":" + std::to_string(number);
        ++counts_.read;
        on_article_(std::move(article));
    }

    const ReaderOptions& options_;
    const std::function<void(Article&&)>& on_article_;
    const std::function<void(const Diagnostic&)>& on_diagnostic_;
    ReadCounts counts_;
    std::unique_ptr<char[]> buffer_;
};

/// Reads up to `max_digits` digits at `i`; the count read goes to `digits`.
int read_number(std::string_view s, std::size_t& i, int max_digits, int& digits) {
    int value = 0;
    digits = 0;
    while (i < s.size() && digits < max_digits && s[i] >= '0' && s[i] <= '9') {
        value = value * 10 + (s[i] - '0');
        ++i;
        ++digits;
    }
    return value;
}

bool valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[static_cast<std::size_t>(month - 1)]) {
        return false;
    }
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month != 2 || day != 29 || leap;
}

std::string two(int n) {
    return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

} // namespace

std::string Diagnostic::message() const {
    return line == 0 ? file + ": " + reason : file + ":" + std::to_string(line) + ": " + reason;
}

std::string iso_date(std::string_view text) {
    std::size_t b = text.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
        return {};
    }
    std::string_view s = text.substr(b);
    std::size_t i = 0;
    int d1 = 0;
    int first = read_number(s, i, 4, d1);
    if (d1 == 0) {
        return {};
    }
    auto at_end_or_time = [&s](std::size_t k) {
        return k == s.size() || s[k] == ' ' || s[k] == 'T' || s[k] == 't' || s[k] == ',';
    };
    if (d1 == 4) {
        int year = first;
        if (at_end_or_time(i)) {
            return std::to_string(year);
        }
        char sep = s[i];
        if (sep != '-' && sep != '/' && sep != '.') {
            return {};
        }
        ++i;
        int d2 = 0;
        int month = read_number(s, i, 2, d2);
        if (d2 == 0 || month < 1 || month > 12) {
            return {};
        }
        if (at_end_or_time(i)) {
            return std::to_string(year) + "-" + two(month);
        }
        if (s[i] != sep) {
            return {};
        }
        ++i;
        int d3 = 0;
        int day = read_number(s, i, 2, d3);
        if (d3 == 0 || !at_end_or_time(i) || !valid_day(year, month, day)) {
            return {};
        }
        return std::to_string(year) + "-" + two(month) + "-" + two(day);
    }
    if (d1 > 2 || i >= s.size()) {
        return {};
    }
    // Day first, as Vietnamese pages write it: 21/06/2025, 21-6-2025, 21.6.2025.
    char sep = s[i];
    if (sep != '-' && sep != '/' && sep != '.') {
        return {};
    }
    ++i;
    int d2 = 0;
    int month = read_number(s, i, 2, d2);
    if (d2 == 0 || i >= s.size() || s[i] != sep) {
        return {};
    }
    ++i;
    int d3 = 0;
    int year = read_number(s, i, 4, d3);
    if (d3 != 4 || !at_end_or_time(i) || !valid_day(year, month, first)) {
        return {};
    }
    return std::to_string(year) + "-" + two(month) + "-" + two(first);
}

std::string content_hash(std::string_view text) {
    // FNV-1a over 64-bit words (bytes for the tail), with an xor-shift so that high bits reach
    // low ones: byte-wise FNV-1a was a twentieth of the reading time.
    constexpr std::uint64_t kPrime = 0x100000001b3ULL;
    std::uint64_t h = 0xcbf29ce484222325ULL ^ text.size();
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        h ^= word;
        h *= kPrime;
        h ^= h >> 32;
    }
    for (; i < text.size(); ++i) {
        h ^= static_cast<unsigned char>(text[i]);
        h *= kPrime;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 32;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int k = 15; k >= 0; --k) {
        out[static_cast<std::size_t>(k)] = kHex[h & 0xF];
        h >>= 4;
    }
    return out;
}

ReadCounts read_inputs(const std::vector<std::string>& inputs, const ReaderOptions& options,
                       const std::function<void(Article&&)>& on_article,
                       const std::function<void(const Diagnostic&)>& on_diagnostic) {
    Reader reader(options, on_article, on_diagnostic);
    for (const std::string& input : inputs) {
        reader.read_input(input);
    }
    return reader.counts();
}

} // namespace vnkg::extract
