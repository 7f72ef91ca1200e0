#include "graph/file.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <thread>

using namespace vnkg::graph;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary folder, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "vnkg-file-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw std::runtime_error("mkdtemp failed");
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const fs::path& path() const { return path_; }
    std::vector<std::string> entries() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path_)) {
            out.push_back(e.path().filename().string());
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    fs::path path_;
};

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::string& data) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::uint64_t fnv1a(const std::string& s) {
    std::uint64_t h = 14695981039346656037ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// A file with a valid header and checksum around any payload.
std::string frame(const std::string& payload, std::uint32_t version = 1) {
    std::string out("\x89VNKG\r\n\x1a", 8);
    std::uint32_t flags = 0;
    std::uint64_t size = payload.size();
    std::uint64_t sum = fnv1a(payload);
    out.append(reinterpret_cast<const char*>(&version), 4);
    out.append(reinterpret_cast<const char*>(&flags), 4);
    out.append(reinterpret_cast<const char*>(&size), 8);
    out += payload;
    out.append(reinterpret_cast<const char*>(&sum), 8);
    return out;
}

Graph sample_graph() {
    Graph g;
    g.add_article({"hungyen/2023-10-03.txt", "Hưng Yên: Tăng cường tuyên truyền", "2023-10-03",
                   "/data/hungyen/2023-10-03.txt", "9f86d081884c7d65"});
    g.add_article({"https://baochinhphu.vn/x-123.htm", "", "", "party.jsonl", "00ff"});

    Node person;
    person.labels = {"Person", "Official"};
    person.name = "Đào Hồng Vận";
    person.props["titles"] = std::vector<std::string>{"Ủy viên Thường vụ",
                                                      "Trưởng ban Tuyên giáo Tỉnh ủy"};
    person.props["kind"] = std::string("official");
    person.props["verified"] = true;
    person.props["rejected"] = false;
    person.props["age"] = std::int64_t{-52};
    person.props["big"] = std::numeric_limits<std::int64_t>::min();
    person.props["score"] = 0.125;
    person.props["inf"] = -std::numeric_limits<double>::infinity();
    person.props["none"] = std::monostate{};
    person.props["empty list"] = std::vector<std::string>{};
    person.props[""] = std::string("");
    person.mentions = {{"hungyen/2023-10-03.txt", "Đồng chí Đào Hồng Vận chủ trì hội nghị."},
                       {"https://baochinhphu.vn/x-123.htm", "Câu thứ hai.\nCó xuống dòng."}};
    NodeId p = g.merge_node(person);

    Node meeting;
    meeting.labels = {"Meeting"};
    meeting.name = "Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023";
    meeting.props["date"] = std::string("2023-10-03");
    meeting.mentions = {{"hungyen/2023-10-03.txt", "Đồng chí Đào Hồng Vận chủ trì hội nghị."}};
    NodeId m = g.merge_node(meeting);

    Node directive;
    directive.labels = {"Directive"};
    directive.name = "Kế hoạch số 10-KH/TU";
    directive.scope = "Hưng Yên";
    NodeId d = g.merge_node(directive);

    Node binary;
    binary.labels = {"Odd"};
    binary.name = std::string("nul\0inside\xff", 11);
    g.merge_node(binary);

    Edge attended;
    attended.type = "ATTENDED";
    attended.props["role"] = std::string("chair");
    attended.props["date"] = std::string("2023-10-03");
    attended.sources = {{"hungyen/2023-10-03.txt", "Đồng chí Đào Hồng Vận chủ trì hội nghị."}};
    g.merge_edge(p, m, attended);
    Edge discussed;
    discussed.type = "DISCUSSED";
    g.merge_edge(m, d, discussed);
    Edge self;
    self.type = "SELF";
    self.props["weight"] = 2.5;
    g.merge_edge(d, d, self);
    return g;
}

// A graph of `n` nodes and about 3n edges, with shared sentences as real builds have.
Graph big_graph(std::size_t n) {
    Graph g;
    for (std::size_t a = 0; a < 50; ++a) {
        g.add_article({"article-" + std::to_string(a), "Tiêu đề " + std::to_string(a),
                       "2024-01-" + std::to_string(10 + a % 20), "corpus.jsonl", "hash"});
    }
    for (std::size_t i = 0; i < n; ++i) {
        Node node;
        node.labels = {i % 3 == 0 ? "Person" : "Organisation"};
        node.name = "Thực thể số " + std::to_string(i);
        node.props["kind"] = std::string("official");
        node.mentions = {{"article-" + std::to_string(i % 50),
                          "Câu văn số " + std::to_string(i / 7) + " nói về việc gì đó."}};
        g.merge_node(std::move(node));
    }
    for (std::size_t i = 0; i < 3 * n; ++i) {
        Edge e;
        e.type = i % 2 ? "ATTENDED" : "HOLDS_POSITION";
        e.props["date"] = std::string("2024-01-15");
        e.sources = {{"article-" + std::to_string(i % 50), "Câu văn số " + std::to_string(i / 21)}};
        g.merge_edge(i % n, (i * 7 + 1) % n, std::move(e));
    }
    return g;
}

bool same_value(const Value& a, const Value& b) {
    if (const auto* x = std::get_if<double>(&a)) {
        const auto* y = std::get_if<double>(&b);
        return y != nullptr && std::memcmp(x, y, sizeof(double)) == 0;
    }
    return a == b;
}

void check_same(const Graph& a, const Graph& b) {
    REQUIRE(a.node_count() == b.node_count());
    REQUIRE(a.edge_count() == b.edge_count());
    for (NodeId i = 0; i < a.node_count(); ++i) {
        const Node& x = a.node(i);
        const Node& y = b.node(i);
        CHECK(x.labels == y.labels);
        CHECK(x.name == y.name);
        CHECK(x.scope == y.scope);
        CHECK(x.mentions == y.mentions);
        REQUIRE(x.props.size() == y.props.size());
        for (auto xi = x.props.begin(), yi = y.props.begin(); xi != x.props.end(); ++xi, ++yi) {
            CHECK(xi->first == yi->first);
            CHECK(same_value(xi->second, yi->second));
        }
    }
    for (EdgeId i = 0; i < a.edge_count(); ++i) {
        CHECK(a.edge_source(i) == b.edge_source(i));
        CHECK(a.edge_target(i) == b.edge_target(i));
        CHECK(a.edge(i).type == b.edge(i).type);
        CHECK(a.edge(i).sources == b.edge(i).sources);
        REQUIRE(a.edge(i).props.size() == b.edge(i).props.size());
        for (auto xi = a.edge(i).props.begin(), yi = b.edge(i).props.begin();
             xi != a.edge(i).props.end(); ++xi, ++yi) {
            CHECK(xi->first == yi->first);
            CHECK(same_value(xi->second, yi->second));
        }
    }
    for (NodeId i = 0; i < a.node_count(); ++i) {
        CHECK(a.out_edges(i) == b.out_edges(i));
        CHECK(a.in_edges(i) == b.in_edges(i));
    }
    REQUIRE(a.articles().size() == b.articles().size());
    for (const auto& [id, info] : a.articles()) {
        const ArticleInfo* other = b.article(id);
        REQUIRE(other != nullptr);
        CHECK(other->id == info.id);
        CHECK(other->title == info.title);
        CHECK(other->published == info.published);
        CHECK(other->source == info.source);
        CHECK(other->hash == info.hash);
    }
}

} // namespace

TEST_CASE("save then load gives back every node, edge, property and article") {
    TempDir dir;
    Graph g = sample_graph();
    std::string path = dir.file("g.vnkg");
    save(g, path);
    CHECK(dir.entries() == std::vector<std::string>{"g.vnkg"});
    Graph back = load(path);
    check_same(g, back);
    // The loaded graph's indexes work, not only its data.
    CHECK(back.find_node("Directive", "kế hoạch số 10-kh/tu", "Hưng Yên").has_value());
    CHECK(back.nodes_with_label("Official").size() == 1);
    CHECK(back.out_edges(0).size() == 1);

    SECTION("a loaded graph still merges: the same fact again is the same edge") {
        NodeId p = *back.find_node("Person", "Đào Hồng Vận");
        NodeId m = *back.find_node("Meeting",
                                   "Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023");
        Edge again;
        again.type = "ATTENDED";
        again.props["role"] = std::string("Chair");
        again.sources = {{"other-article", "Một câu khác."}};
        EdgeId e = back.merge_edge(p, m, again);
        CHECK(back.edge_count() == g.edge_count());
        CHECK(back.edge(e).sources.size() == 2);
        Node same;
        same.labels = {"Person"};
        same.name = "ĐÀO HỒNG VẬN";
        CHECK(back.merge_node(same) == p);
        CHECK(back.node_count() == g.node_count());
    }
    SECTION("saving the loaded graph gives the same bytes") {
        std::string again = dir.file("again.vnkg");
        save(back, again);
        CHECK(read_bytes(again) == read_bytes(path));
    }
    SECTION("saving over an existing file replaces it and keeps its permissions") {
        fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
        Graph empty;
        save(empty, path);
        CHECK(load(path).node_count() == 0);
        CHECK(dir.entries() == std::vector<std::string>{"g.vnkg"});
        CHECK(fs::status(path).permissions() ==
              (fs::perms::owner_read | fs::perms::owner_write));
    }
}

TEST_CASE("an empty graph round-trips") {
    TempDir dir;
    save(Graph{}, dir.file("e.vnkg"));
    Graph back = load(dir.file("e.vnkg"));
    CHECK(back.node_count() == 0);
    CHECK(back.edge_count() == 0);
    CHECK(back.articles().empty());
}

TEST_CASE("a larger graph round-trips") {
    TempDir dir;
    Graph g = big_graph(3000);
    save(g, dir.file("big.vnkg"));
    check_same(g, load(dir.file("big.vnkg")));
}

TEST_CASE("a graph loaded on two threads comes back whole, and damage in it is still found") {
    // Past 100,000 edges the lists are built on two threads, and past 8 MB the checksum is
    // computed beside the decoding: this graph is over both (a long distinct note a node).
    TempDir dir;
    Graph g = big_graph(60001); // odd: 2n distinct edges
    for (NodeId i = 0; i < g.node_count(); ++i) {
        Node n = g.node(i);
        n.props["note"] = "Ghi chú " + std::to_string(i) + std::string(220, 'x');
        g.merge_node(std::move(n));
    }
    REQUIRE(g.edge_count() >= 100000);
    std::string path = dir.file("big.vnkg");
    save(g, path);
    std::string whole = read_bytes(path);
    REQUIRE(whole.size() > (8u << 20));
    check_same(g, load(path));

    for (std::size_t at : {whole.size() / 3, whole.size() - 100}) {
        std::string bad = whole;
        bad[at] = static_cast<char>(bad[at] ^ 0x04);
        write_bytes(path, bad);
        INFO("byte " << at);
        CHECK_THROWS_WITH(load(path), Catch::Contains(path) && Catch::Contains("checksum"));
    }
}

TEST_CASE("a truncated file is a FileError at every cut") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    save(sample_graph(), path);
    std::string whole = read_bytes(path);
    REQUIRE(whole.size() > 100);
    std::vector<std::size_t> cuts = {1, 4, 7, 8, 12, 23, 24, 25, 40, whole.size() / 2,
                                     whole.size() - 9, whole.size() - 8, whole.size() - 1};
    for (std::size_t cut : cuts) {
        INFO("cut at " << cut << " of " << whole.size());
        write_bytes(path, whole.substr(0, cut));
        CHECK_THROWS_WITH(load(path), Catch::Contains(path) && Catch::Contains("truncated"));
    }
    write_bytes(path, "");
    CHECK_THROWS_WITH(load(path), Catch::Contains("empty file"));
    write_bytes(path, whole + "x");
    CHECK_THROWS_AS(load(path), FileError);
}

TEST_CASE("a flipped byte anywhere is a FileError") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    save(sample_graph(), path);
    std::string whole = read_bytes(path);
    for (std::size_t at = 0; at < whole.size(); ++at) {
        std::string bad = whole;
        bad[at] = static_cast<char>(bad[at] ^ 0x10);
        write_bytes(path, bad);
        INFO("byte " << at);
        CHECK_THROWS_AS(load(path), FileError);
    }
    std::string bad = whole;
    bad[whole.size() / 2] = static_cast<char>(bad[whole.size() / 2] ^ 1);
    write_bytes(path, bad);
    CHECK_THROWS_WITH(load(path), Catch::Contains("checksum"));
}

TEST_CASE("damaged counts behind a valid checksum fail cleanly, without huge allocations") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    const std::vector<std::string> payloads = {
        std::string("\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 9),        // string count 2^63
        std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11), // varint too long
        std::string("\x01\xff\xff\xff\x0f", 5),                        // string length 4G
        std::string("\x00\x00\x01\x01\x00\x00\x00\x00\x00", 9),        // label string 0 of 0
        std::string("\x00\x00\x00\x01\x00\x00\x00\x00\x00", 9),        // edge to node 0 of 0
        std::string("\x00\x00\x00\x00\x00", 5),                        // bytes after the end
        std::string("", 0),                                            // nothing at all
    };
    for (const std::string& payload : payloads) {
        write_bytes(path, frame(payload));
        INFO("payload of " << payload.size() << " bytes");
        CHECK_THROWS_WITH(load(path), Catch::Contains(path) && Catch::Contains("corrupted"));
    }
    // The smallest valid payload: no strings, articles, nodes or edges.
    write_bytes(path, frame(std::string("\x00\x00\x00\x00", 4)));
    CHECK(load(path).node_count() == 0);
}

TEST_CASE("a foreign file, a directory and a missing file are FileErrors naming the path") {
    TempDir dir;
    std::string text = dir.file("notes.txt");
    write_bytes(text, "Hội nghị triển khai nhiệm vụ công tác tuyên giáo\n");
    CHECK_THROWS_WITH(load(text), Catch::Contains(text) &&
                                      Catch::Contains("not a vnkg graph file"));
    write_bytes(text, "PK");
    CHECK_THROWS_WITH(load(text), Catch::Contains("not a vnkg graph file"));
    CHECK_THROWS_WITH(load(dir.path().string()), Catch::Contains("directory"));
    CHECK_THROWS_WITH(load("/dev/null"), Catch::Contains("not a regular file"));
    std::string fifo = dir.file("fifo.vnkg");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH(load(fifo), Catch::Contains("not a regular file")); // and no hang
    std::string missing = dir.file("missing.vnkg");
    CHECK_THROWS_WITH(load(missing), Catch::Contains(missing) &&
                                         Catch::Contains("No such file or directory"));
}

TEST_CASE("a file from a newer vnkg says so") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    save(sample_graph(), path);
    std::string bytes = read_bytes(path);
    bytes[8] = static_cast<char>(kFormatVersion + 1);
    write_bytes(path, bytes);
    CHECK_THROWS_WITH(load(path), Catch::Contains("was written by a newer vnkg (format " +
                                                  std::to_string(kFormatVersion + 1) +
                                                  ", this one reads up to " +
                                                  std::to_string(kFormatVersion) + ")"));
}

TEST_CASE("saving needs a file name") {
    CHECK_THROWS_AS(save(Graph{}, ""), FileError);
}

TEST_CASE("saving into a missing folder fails and leaves nothing behind") {
    TempDir dir;
    std::string path = dir.file("no/such/folder/g.vnkg");
    CHECK_THROWS_WITH(save(sample_graph(), path),
                      Catch::Contains(path) && Catch::Contains("No such file or directory"));
    CHECK(dir.entries().empty());
}

TEST_CASE("a save that cannot replace its target removes its temporary file") {
    TempDir dir;
    // A non-empty directory cannot be replaced by a file: the rename fails after the write.
    std::string target = dir.file("taken.vnkg");
    fs::create_directory(target);
    write_bytes(target + "/inside", "x");
    CHECK_THROWS_WITH(save(sample_graph(), target), Catch::Contains(target));
    CHECK(dir.entries() == std::vector<std::string>{"taken.vnkg"});
    CHECK(read_bytes(target + "/inside") == "x");
}

TEST_CASE("a save that fails while writing keeps the old file and removes the temporary one") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    save(sample_graph(), path);
    std::string before = read_bytes(path);
    Graph big = big_graph(2000);

    // The file size limit makes write() fail with EFBIG in a child, as a full disk would.
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{8192, 8192};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            save(big, path);
        } catch (const FileError& e) {
            bool named = std::string(e.what()).find(path) != std::string::npos;
            ::_exit(named ? 0 : 3);
        } catch (...) {
            ::_exit(4);
        }
        ::_exit(5); // the save should not have succeeded
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read_bytes(path) == before);
    CHECK(dir.entries() == std::vector<std::string>{"g.vnkg"});
    CHECK(load(path).node_count() == sample_graph().node_count());
}

TEST_CASE("a process killed while saving leaves the previous file loadable") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    Graph big = big_graph(20000);
    save(big, path);
    std::mt19937 rng(12345);
    std::uniform_int_distribution<int> delay_ms(0, 120);
    for (int round = 0; round < 6; ++round) {
        pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            for (;;) {
                save(big, path);
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
        ::kill(child, SIGKILL);
        int status = 0;
        REQUIRE(::waitpid(child, &status, 0) == child);
        CHECK(WIFSIGNALED(status));
        INFO("round " << round);
        Graph back;
        REQUIRE_NOTHROW(back = load(path));
        CHECK(back.node_count() == big.node_count());
        CHECK(back.edge_count() == big.edge_count());
    }
}

namespace {

Node make_person(std::string name) {
    Node n;
    n.labels = {"Person"};
    n.name = std::move(name);
    return n;
}

// The payload of a file this build saved, as format 1 wrote it: without the identity rule's
// print that format 2 puts first.
std::string as_format_1(const std::string& whole) {
    return frame(whole.substr(24 + 8, whole.size() - 24 - 8 - 8), 1);
}

} // namespace

TEST_CASE("a file in format 1 still loads") {
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    Graph g = sample_graph();
    save(g, path);
    std::string whole = read_bytes(path);
    std::string old_path = dir.file("old.vnkg");
    write_bytes(old_path, as_format_1(whole));
    Graph back = load(old_path);
    check_same(g, back);
    CHECK(back.find_node("Directive", "kế hoạch số 10-kh/tu", "Hưng Yên").has_value());
    // Saving it again writes the current format, the same bytes as the original save.
    save(back, old_path);
    CHECK(read_bytes(old_path) == whole);
}

TEST_CASE("nodes are merged on loading when the identity rule changed since the save") {
    // Two stored nodes that this build's rule says are one, as after a change to name_key.
    Graph g;
    NodeId a = g.append_node(make_person("Đào Hồng Vận"));
    NodeId b = g.append_node(make_person("ĐÀO HỒNG VẬN"));
    Node meeting;
    meeting.labels = {"Meeting"};
    meeting.name = "Hội nghị";
    NodeId m = g.append_node(meeting);
    Edge from_a;
    from_a.type = "ATTENDED";
    from_a.sources = {{"a1", "s1"}};
    Edge from_b = from_a;
    from_b.sources = {{"a2", "s2"}};
    g.append_edge(a, m, from_a);
    g.append_edge(b, m, from_b);
    TempDir dir;
    std::string path = dir.file("g.vnkg");
    save(g, path);
    std::string whole = read_bytes(path);

    SECTION("saved under this build's rule, the nodes are taken as distinct") {
        Graph back = load(path);
        CHECK(back.node_count() == 3);
        CHECK(back.edge_count() == 2);
    }
    auto check_merged = [&](const std::string& file) {
        Graph back = load(file);
        REQUIRE(back.node_count() == 2);
        CHECK(back.node(0).name == "Đào Hồng Vận");
        REQUIRE(back.edge_count() == 1);
        CHECK(back.edge_source(0) == 0);
        CHECK(back.edge_target(0) == 1);
        CHECK(back.edge(0).sources == std::vector<Provenance>{{"a1", "s1"}, {"a2", "s2"}});
    };
    SECTION("saved under another rule (another print), they are merged") {
        std::string payload = whole.substr(24, whole.size() - 24 - 8);
        payload[0] = static_cast<char>(payload[0] ^ 1);
        write_bytes(path, frame(payload, 2));
        check_merged(path);
    }
    SECTION("in format 1, which has no print, they are merged") {
        write_bytes(path, as_format_1(whole));
        check_merged(path);
    }
}
