#include "extract/reader.hpp"

#include "graph/text.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using vnkg::extract::Article;
using vnkg::extract::content_hash;
using vnkg::extract::Diagnostic;
using vnkg::extract::iso_date;
using vnkg::extract::read_inputs;
using vnkg::extract::ReadCounts;
using vnkg::extract::ReaderOptions;

namespace {

/// A fresh folder under the system's temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "vnkg_reader_XXXXXX").string();
        char* made = ::mkdtemp(pattern.data());
        REQUIRE(made != nullptr);
        path_ = made;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }

    fs::path write(const std::string& rel, const std::string& content) const {
        fs::path p = path_ / rel;
        fs::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary);
        out << content;
        return p;
    }

private:
    fs::path path_;
};

struct Result {
    std::vector<Article> articles;
    std::vector<Diagnostic> diagnostics;
    ReadCounts counts;
};

Result read(const std::vector<std::string>& inputs, const ReaderOptions& options = {}) {
    Result r;
    r.counts = read_inputs(
        inputs, options, [&r](Article&& a) { r.articles.push_back(std::move(a)); },
        [&r](const Diagnostic& d) { r.diagnostics.push_back(d); });
    return r;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

/// Runs `body` with fd 0 reading `file`.
template <typename F>
void with_stdin(const fs::path& file, F body) {
    int saved = ::dup(STDIN_FILENO);
    int fd = ::open(file.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    body();
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
}

} // namespace

TEST_CASE("a folder is read recursively, sorted, with ids under its own name", "[reader]") {
    TempDir dir;
    dir.write("seeds/b.txt", "Bài B.");
    dir.write("seeds/a.md", "Bài A.");
    dir.write("seeds/sub/c.txt", "Bài C.");
    dir.write("seeds/notes.pdf", "not an article");
    dir.write("seeds/.hidden.txt", "hidden");
    Result r = read({(dir.path() / "seeds").string()});
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].id == "seeds/a.md");
    CHECK(r.articles[1].id == "seeds/b.txt");
    CHECK(r.articles[2].id == "seeds/sub/c.txt");
    CHECK(r.articles[2].source == (dir.path() / "seeds" / "sub" / "c.txt").generic_string());
    CHECK(r.articles[0].text == "Bài A.");
    CHECK(r.counts.read == 3);
    CHECK(r.counts.skipped == 0);

    SECTION("a trailing slash names the same folder") {
        Result again = read({(dir.path() / "seeds").string() + "/"});
        REQUIRE(again.articles.size() == 3);
        CHECK(again.articles[1].id == "seeds/b.txt");
    }
    SECTION("a file given directly takes its folder's name, as if the folder had been given") {
        Result one = read({(dir.path() / "seeds" / "b.txt").string()});
        REQUIRE(one.articles.size() == 1);
        CHECK(one.articles[0].id == "seeds/b.txt");
        CHECK(one.articles[0].hash == r.articles[1].hash);
    }
}

TEST_CASE("a folder's files come in the order of their relative paths, folders among them",
          "[reader]") {
    // The walk sorts one folder at a time; a folder sorts as "name/", so the order is that of
    // the full paths: '-' < '.' < '/' puts a-b.txt, a.txt, then a/..., and ab/ after them.
    TempDir dir;
    dir.write("in/ab/c.txt", "Bài 4.");
    dir.write("in/a/z/y.txt", "Bài 3.");
    dir.write("in/a/b.txt", "Bài 2.");
    dir.write("in/a.txt", "Bài 1.");
    dir.write("in/a-b.txt", "Bài 0.");
    dir.write("in/empty/notes.pdf", "not an article");
    Result r = read({(dir.path() / "in").string()});
    REQUIRE(r.diagnostics.empty());
    std::vector<std::string> ids;
    for (const Article& a : r.articles) {
        ids.push_back(a.id);
    }
    CHECK(ids == std::vector<std::string>{"in/a-b.txt", "in/a.txt", "in/a/b.txt", "in/a/z/y.txt",
                                          "in/ab/c.txt"});

    SECTION("a folder with no article file anywhere under it is one diagnostic") {
        Result none = read({(dir.path() / "in" / "empty").string()});
        CHECK(none.articles.empty());
        REQUIRE(none.diagnostics.size() == 1);
        CHECK(contains(none.diagnostics[0].reason, "no .txt, .md or .jsonl files"));
    }
}

TEST_CASE("article text is normalised and hashed", "[reader]") {
    TempDir dir;
    // Old tone placement, a non-breaking space and CRLF line ends.
    dir.write("in/x.txt", "Ban Tuyên giáo Tỉnh uỷ\xC2\xA0Hưng Yên\r\nhoà bình\r\n");
    Result r = read({(dir.path() / "in").string()});
    REQUIRE(r.articles.size() == 1);
    const Article& a = r.articles[0];
    CHECK(a.text == "Ban Tuyên giáo Tỉnh ủy Hưng Yên\nhòa bình\n");
    CHECK(a.text == vnkg::graph::normalise_text(a.text));
    CHECK(a.hash == content_hash(a.text));
    CHECK(a.hash.size() == 16);
    CHECK(a.title.empty());
    CHECK(a.published.empty());
}

TEST_CASE("JSONL: one article a line, fields found by their common names", "[reader][jsonl]") {
    TempDir dir;
    dir.write("feed/party.jsonl",
              R"({"url": "https://example.vn/a.htm", "title": "Hội nghị  tuyên giáo", "publish_date": "21/06/2025 08:06", "sapo": "Ngày 20/6, Ban Tuyên giáo Tỉnh uỷ họp."})"
              "\n"
              "\n"
              R"({"id": 42, "text": "Bài thứ hai.", "published": "2024-03-05T10:00:00+07:00"})"
              "\n"
              R"({"content": "Bài không có id.", "date": "2023"})"
              "\n");
    Result r = read({(dir.path() / "feed").string()});
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.articles.size() == 3);
    const Article& a = r.articles[0];
    CHECK(a.id == "https://example.vn/a.htm");
    CHECK(a.title == "Hội nghị tuyên giáo");
    CHECK(a.published == "2025-06-21");
    CHECK(a.text == "Hội nghị  tuyên giáo\n\nNgày 20/6, Ban Tuyên giáo Tỉnh ủy họp.");
    CHECK(a.source == (dir.path() / "feed" / "party.jsonl").generic_string() + ":1");
    CHECK(r.articles[1].id == "42");
    CHECK(r.articles[1].published == "2024-03-05");
    CHECK(r.articles[1].title.empty());
    CHECK(r.articles[1].text == "Bài thứ hai.");
    CHECK(r.articles[2].id == "feed/party.jsonl:4");
    CHECK(r.articles[2].published == "2023");
}

TEST_CASE("JSONL: a lead beside the text opens the article, once", "[reader][jsonl]") {
    TempDir dir;
    dir.write("feed/lead.jsonl",
              R"({"sapo": "Sáng 9/1, Ban Tuyên giáo Tỉnh ủy họp.", "content": "Đồng chí A chủ trì."})"
              "\n"
              R"({"summary": "Sáng 9/1, Ban A họp.", "content": "Sáng 9/1, Ban A họp. Đồng chí B dự."})"
              "\n");
    Result r = read({(dir.path() / "feed").string()});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].text == "Sáng 9/1, Ban Tuyên giáo Tỉnh ủy họp.\n\nĐồng chí A chủ trì.");
    CHECK(r.articles[1].text == "Sáng 9/1, Ban A họp. Đồng chí B dự."); // already in the text

    SECTION("a text field named by the user is read alone") {
        ReaderOptions o;
        o.text_field = "content";
        Result named = read({(dir.path() / "feed").string()}, o);
        REQUIRE(named.articles.size() == 2);
        CHECK(named.articles[0].text == "Đồng chí A chủ trì.");
    }
}

TEST_CASE("JSONL: fields named by the user", "[reader][jsonl]") {
    TempDir dir;
    fs::path f = dir.write("x.jsonl", R"({"text": "ignored", "summary": "Tóm tắt.", "headline": "Tiêu đề", "when": "3/10/2023", "key": "k1"})"
                                      "\n");
    ReaderOptions options;
    options.text_field = "summary";
    options.title_field = "headline";
    options.date_field = "when";
    options.id_field = "key";
    Result r = read({f.string()}, options);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == "Tiêu đề\n\nTóm tắt.");
    CHECK(r.articles[0].title == "Tiêu đề");
    CHECK(r.articles[0].published == "2023-10-03");
    CHECK(r.articles[0].id == "k1");

    SECTION("a named text field that is missing is a diagnostic listing the fields there are") {
        options.text_field = "body2";
        Result bad = read({f.string()}, options);
        CHECK(bad.articles.empty());
        REQUIRE(bad.diagnostics.size() == 1);
        CHECK(bad.diagnostics[0].line == 1);
        CHECK(contains(bad.diagnostics[0].reason, "\"body2\""));
        CHECK(contains(bad.diagnostics[0].reason, "text, summary, headline, when, key"));
    }
}

TEST_CASE("JSONL: bad lines are skipped with their line number, the rest is read", "[reader][jsonl]") {
    TempDir dir;
    std::string content;
    content += R"({"text": "Một."})" "\n";
    content += R"({"text": "Hai." "oops"})" "\n";
    content += R"({"url": "u", "title": "Chỉ có tiêu đề"})" "\n";
    content += "[1, 2]\n";
    content += std::string(R"({"text": "bad )") + "\xC3\x28" + R"("})" + "\n";
    content += R"({"text": "   "})" "\n";
    content += R"({"text": "Ba."})" "\r\n";
    fs::path f = dir.write("mixed.jsonl", content);
    Result r = read({f.string()});
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].text == "Một.");
    CHECK(r.articles[1].text == "Ba.");
    CHECK(r.articles[1].id == dir.path().filename().string() + "/mixed.jsonl:7");
    REQUIRE(r.diagnostics.size() == 5);
    CHECK(r.diagnostics[0].line == 2);
    CHECK(contains(r.diagnostics[0].reason, "not JSON"));
    CHECK(contains(r.diagnostics[0].reason, "column 17"));
    CHECK(r.diagnostics[1].line == 3);
    CHECK(contains(r.diagnostics[1].reason, "no text field"));
    CHECK(contains(r.diagnostics[1].reason, "url, title"));
    CHECK(r.diagnostics[2].line == 4);
    CHECK(contains(r.diagnostics[2].reason, "not a JSON object"));
    CHECK(r.diagnostics[3].line == 5);
    CHECK(contains(r.diagnostics[3].reason, "invalid UTF-8 at column 15"));
    CHECK(r.diagnostics[4].line == 6);
    CHECK(contains(r.diagnostics[4].reason, "no text field"));
    CHECK(r.counts.read == 2);
    CHECK(r.counts.skipped == 5);
    CHECK(r.diagnostics[0].message() == f.generic_string() + ":2: " + r.diagnostics[0].reason);
}

TEST_CASE("bad files are diagnostics naming the file, and reading goes on", "[reader]") {
    TempDir dir;
    fs::path bad_utf8 = dir.write("in/1_bad.txt", std::string("Xin chào \xC3\x28 thế giới"));
    fs::path binary = dir.write("in/2_binary.txt", std::string("PK\x03\x04\0\0\x01", 7));
    fs::path empty = dir.write("in/3_empty.txt", "");
    fs::path blank = dir.write("in/4_blank.md", " \n\t\r\n \xC2\xA0 \n");
    fs::path good = dir.write("in/5_good.txt", "Bài tốt.");
    fs::path empty_jsonl = dir.write("in/6_empty.jsonl", "");
    fs::path binary_jsonl = dir.write("in/7_binary.jsonl", std::string("{\0\0\0", 4));
    fs::create_directories(dir.path() / "nothing" / "deeper");
    dir.write("nothing/deeper/readme.pdf", "x");
    std::string missing = (dir.path() / "no_such_thing").string();

    Result r = read({(dir.path() / "in").string(), missing, (dir.path() / "nothing").string()});
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].text == "Bài tốt.");
    REQUIRE(r.diagnostics.size() == 8);
    CHECK(r.diagnostics[0].file == bad_utf8.generic_string());
    CHECK(r.diagnostics[0].reason == "invalid UTF-8 at byte 10");
    CHECK(r.diagnostics[1].file == binary.generic_string());
    CHECK(contains(r.diagnostics[1].reason, "binary data (NUL byte at byte 4)"));
    CHECK(r.diagnostics[2].file == empty.generic_string());
    CHECK(r.diagnostics[2].reason == "empty file");
    CHECK(r.diagnostics[3].file == blank.generic_string());
    CHECK(contains(r.diagnostics[3].reason, "white space"));
    CHECK(r.diagnostics[4].file == empty_jsonl.generic_string());
    CHECK(r.diagnostics[4].reason == "empty file");
    CHECK(r.diagnostics[5].file == binary_jsonl.generic_string());
    CHECK(contains(r.diagnostics[5].reason, "binary file"));
    CHECK(r.diagnostics[6].file == missing);
    CHECK(r.diagnostics[6].reason == "no such file or folder");
    CHECK(r.diagnostics[6].message() == missing + ": no such file or folder");
    CHECK(contains(r.diagnostics[7].reason, "no .txt, .md or .jsonl files"));
    for (const Diagnostic& d : r.diagnostics) {
        CHECK(d.line == 0);
    }
    CHECK(r.counts.read == 1);
    CHECK(r.counts.skipped == 8);
}

TEST_CASE("an unreadable file is a diagnostic", "[reader]") {
    if (::geteuid() == 0) {
        SUCCEED("root reads every file; nothing to check");
        return;
    }
    TempDir dir;
    fs::path f = dir.write("locked.txt", "Bí mật.");
    fs::permissions(f, fs::perms::none);
    Result r = read({f.string()});
    CHECK(r.articles.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(contains(r.diagnostics[0].reason, "cannot open"));
}

TEST_CASE("a 10 MB single line is one article, past the limit it is skipped", "[reader]") {
    TempDir dir;
    std::string word = "Hội nghị ";
    std::string big;
    while (big.size() < (10u << 20)) {
        big += word;
    }
    fs::path txt = dir.write("big/long.txt", big);
    fs::path jsonl = dir.write("big/long.jsonl", "{\"text\": \"" + big + "\"}\n{\"text\": \"Sau.\"}\n");
    Result r = read({txt.string(), jsonl.string()});
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].text.size() == big.size());
    CHECK(r.articles[1].text.size() == big.size());
    CHECK(r.articles[2].text == "Sau.");

    ReaderOptions small;
    small.max_article_bytes = 1u << 20;
    Result limited = read({txt.string(), jsonl.string()}, small);
    REQUIRE(limited.articles.size() == 1);
    CHECK(limited.articles[0].text == "Sau.");
    REQUIRE(limited.diagnostics.size() == 2);
    CHECK(contains(limited.diagnostics[0].reason, "over the limit"));
    CHECK(limited.diagnostics[1].line == 1);
    CHECK(contains(limited.diagnostics[1].reason, "over the limit"));
}

TEST_CASE("stdin: JSONL when it starts with '{', else one article", "[reader]") {
    TempDir dir;
    fs::path jsonl = dir.write("in.jsonl", "  {\"id\": \"a\", \"text\": \"Một.\"}\n{\"text\": \"Hai.\"}\n{bad\n");
    with_stdin(jsonl, [] {
        Result r = read({"-"});
        REQUIRE(r.articles.size() == 2);
        CHECK(r.articles[0].id == "a");
        CHECK(r.articles[0].source == "-:1");
        CHECK(r.articles[1].id == "stdin:2");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].file == "<stdin>");
        CHECK(r.diagnostics[0].line == 3);
    });
    fs::path text = dir.write("in.txt", "Ngày 3/10, hội nghị.\n");
    with_stdin(text, [] {
        Result r = read({"-"});
        REQUIRE(r.articles.size() == 1);
        CHECK(r.articles[0].text == "Ngày 3/10, hội nghị.\n");
        CHECK(r.articles[0].source == "-");
        CHECK(r.articles[0].id == "stdin-" + r.articles[0].hash.substr(0, 12));
    });
}

TEST_CASE("metadata dates become ISO dates", "[reader][date]") {
    CHECK(iso_date("21/06/2025 08:06") == "2025-06-21");
    CHECK(iso_date("3/10/2023") == "2023-10-03");
    CHECK(iso_date("03-10-2023") == "2023-10-03");
    CHECK(iso_date("3.10.2023") == "2023-10-03");
    CHECK(iso_date("2023-10-03") == "2023-10-03");
    CHECK(iso_date("2023-10-03T16:52:00+07:00") == "2023-10-03");
    CHECK(iso_date("2023/10/03 16:52") == "2023-10-03");
    CHECK(iso_date(" 2023-10") == "2023-10");
    CHECK(iso_date("2020") == "2020");
    CHECK(iso_date("29/02/2024") == "2024-02-29");
    CHECK(iso_date("29/02/2023").empty());
    CHECK(iso_date("31/04/2023").empty());
    CHECK(iso_date("2023-13-01").empty());
    CHECK(iso_date("Thứ Ba, 3/10/2023").empty());
    CHECK(iso_date("3/10").empty());
    CHECK(iso_date("20231003").empty());
    CHECK(iso_date("").empty());
}

TEST_CASE("content_hash tells texts apart, in 16 hex digits", "[reader]") {
    std::string base = "Ngày 3/10, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức hội nghị.";
    std::string h = content_hash(base);
    CHECK(h.size() == 16);
    CHECK(h.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(content_hash(base) == h);
    CHECK(content_hash("") != content_hash(std::string(1, '\0')));
    // Every one-byte change, at every position (words and tail alike), changes the hash.
    for (std::size_t i = 0; i < base.size(); ++i) {
        std::string changed = base;
        changed[i] = static_cast<char>(changed[i] ^ 0x80);
        CHECK(content_hash(changed) != h);
    }
    CHECK(content_hash(base + " ") != h);
    CHECK(content_hash(base.substr(1)) != h);
}

TEST_CASE("UTF-8 checks find the first bad byte, after long ASCII runs too", "[reader]") {
    TempDir dir;
    std::string ascii(37, 'a');
    std::vector<std::pair<std::string, std::size_t>> cases = {
        {ascii + "\xC3", 37},                 // cut short at the end
        {ascii + "\xC0\xAF", 37},             // overlong
        {ascii + "\xED\xA0\x80", 37},         // a surrogate
        {ascii + "\xF4\x90\x80\x80", 37},     // past U+10FFFF
        {ascii + "\xE1\xBB\xA7\x80", 40},     // a stray continuation byte after ủ
        {"\xFF" + ascii, 0},
    };
    for (const auto& [text, offset] : cases) {
        fs::path f = dir.write("bad.txt", text);
        Result r = read({f.string()});
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].reason == "invalid UTF-8 at byte " + std::to_string(offset));
        std::size_t graph_offset = 0;
        CHECK_FALSE(vnkg::graph::is_valid_utf8(text, &graph_offset));
        CHECK(graph_offset == offset);
    }
    fs::path ok = dir.write("ok.txt", ascii + "ủy 𝕏 é" + ascii);
    CHECK(read({ok.string()}).articles.size() == 1);
}
