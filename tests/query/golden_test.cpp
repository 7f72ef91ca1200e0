// Runs every tests/golden/query/*.test file. A file holds records separated by blank lines:
// optional `#` comment lines and `param name=value` lines, the query, a line `----`, and the
// expected output (see test_graph.hpp). VNKG_REWRITE_GOLDEN=1 rewrites the expected parts.
#include "test_graph.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace graph = vnkg::graph;

namespace {

struct Record {
    std::vector<std::string> preamble; ///< comments and params
    std::string params;
    std::string query;
    std::string expected;
};

std::vector<Record> read_records(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<Record> out;
    Record r;
    enum { Start, Query, Expected } state = Start;
    auto flush = [&] {
        if (state != Start) {
            out.push_back(r);
        }
        r = Record{};
        state = Start;
    };
    for (std::string line; std::getline(in, line);) {
        if (state == Expected) {
            if (line.empty()) {
                flush();
            } else {
                r.expected += line + '\n';
            }
            continue;
        }
        if (state == Start && line.empty()) {
            continue;
        }
        if (state == Start && (line.rfind("#", 0) == 0 || line.rfind("param ", 0) == 0)) {
            r.preamble.push_back(line);
            if (line.rfind("param ", 0) == 0) {
                r.params += line.substr(6) + '\n';
            }
            continue;
        }
        if (line == "----") {
            state = Expected;
            continue;
        }
        r.query += (r.query.empty() ? "" : "\n") + line;
        state = Query;
    }
    if (state == Expected) {
        flush();
    }
    return out;
}

} // namespace

TEST_CASE("golden query files") {
    const graph::Graph g = vnkg::query::testing::make_test_graph();
    bool rewrite = std::getenv("VNKG_REWRITE_GOLDEN") != nullptr &&
                   std::string(std::getenv("VNKG_REWRITE_GOLDEN")) == "1";
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(VNKG_GOLDEN_QUERY_DIR)) {
        if (entry.path().extension() == ".test") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    for (const auto& file : files) {
        std::vector<Record> records = read_records(file);
        std::string rewritten;
        for (const Record& r : records) {
            std::string actual = vnkg::query::testing::golden_output(g, r.query, r.params);
            if (!rewrite) {
                INFO(file.filename().string() << ":\n" << r.query);
                CHECK(actual == r.expected);
            }
            for (const std::string& p : r.preamble) {
                rewritten += p + '\n';
            }
            rewritten += r.query + "\n----\n" + actual + '\n';
        }
        if (rewrite) {
            std::ofstream(file) << rewritten;
        }
    }
}
