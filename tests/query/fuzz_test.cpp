// Mutation fuzz: every golden query, cut and spliced at random (fixed seed), must end in rows or
// a QueryError/TimeoutError: never a crash, a hang or another exception.
#include "test_graph.hpp"

#include "query/lexer.hpp"
#include "query/query.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

using namespace vnkg::query;

namespace {

std::vector<std::string> golden_queries() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(VNKG_GOLDEN_QUERY_DIR)) {
        if (entry.path().extension() != ".test") {
            continue;
        }
        std::ifstream in(entry.path());
        std::string query;
        bool in_expected = false;
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) {
                in_expected = false;
                query.clear();
                continue;
            }
            if (in_expected || line[0] == '#' || line.rfind("param ", 0) == 0) {
                continue;
            }
            if (line == "----") {
                out.push_back(query);
                in_expected = true;
                continue;
            }
            query += (query.empty() ? "" : "\n") + line;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

const char* const kSnippets[] = {
    "(",     ")",      "[",     "]",        "{",     "}",      "-",       "->",   "<-",
    "*",     "*1..3",  "..",    ":",        "|",     ",",      "'",       "\"",   "`",
    "$p",    "MATCH",  "WHERE", "RETURN",   "WITH",  "UNWIND", "OPTIONAL", "AS", "ORDER BY",
    "LIMIT", "SKIP",   "NOT",   "AND",      "OR",    "IN",     "IS NULL", "=~", "count(*)",
    "null",  "[1, 2]", "1.5",   "-9223372036854775808", "Đ",   "\xC3",    "=",  "<>",
    "collect(", "shortestPath(", "DISTINCT", "*0..10", "fold(", "year(", "CREATE", ";",
};

std::string mutate(const std::string& q, std::mt19937& rng) {
    std::string s = q;
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
        std::size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
        switch (rng() % 5) {
        case 0: // delete a few bytes
            if (!s.empty() && at < s.size()) {
                s.erase(at, 1 + rng() % 6);
            }
            break;
        case 1: // insert a snippet
            s.insert(at, kSnippets[rng() % (sizeof kSnippets / sizeof *kSnippets)]);
            break;
        case 2: { // swap two tokens' texts
            std::vector<Token> toks;
            try {
                toks = tokenize(s);
            } catch (const QueryError&) {
                break;
            }
            if (toks.size() < 3) {
                break;
            }
            const Token& a = toks[rng() % (toks.size() - 1)];
            const Token& b = toks[rng() % (toks.size() - 1)];
            if (a.span.offset + a.span.length <= b.span.offset) {
                std::string ta = s.substr(a.span.offset, a.span.length);
                std::string tb = s.substr(b.span.offset, b.span.length);
                s.replace(b.span.offset, b.span.length, ta);
                s.replace(a.span.offset, a.span.length, tb);
            }
            break;
        }
        case 3: // duplicate a stretch
            if (!s.empty() && at < s.size()) {
                s.insert(at, s.substr(at, 1 + rng() % 12));
            }
            break;
        default: // replace a byte with a random one
            if (!s.empty() && at < s.size()) {
                s[at] = static_cast<char>(rng() % 256);
            }
            break;
        }
    }
    return s;
}

} // namespace

TEST_CASE("mutated queries end in a result or an error, never a crash") {
    const vnkg::graph::Graph g = testing::make_test_graph();
    Database db(g);
    std::vector<std::string> queries = golden_queries();
    REQUIRE(queries.size() > 100);
    std::mt19937 rng(20231003);
    Options options;
    options.timeout_seconds = 0.5;
    options.params["p"] = Value("x");
    int results = 0;
    int errors = 0;
    int timeouts = 0;
    // VNKG_FUZZ_MUTANTS=N runs more (or fewer) mutants than the default 6000.
    int mutants = 6000;
    if (const char* n = std::getenv("VNKG_FUZZ_MUTANTS")) {
        mutants = std::max(100, std::atoi(n));
    }
    for (int i = 0; i < mutants; ++i) {
        std::string q = mutate(queries[rng() % queries.size()], rng);
        try {
            run(db, q, options);
            ++results;
        } catch (const QueryError& e) {
            // Every error can be shown with its caret.
            std::string m = format_message(q, e.what(), e.span());
            CHECK(m.rfind("line ", 0) == 0);
            ++errors;
        } catch (const TimeoutError&) {
            ++timeouts;
        } catch (const std::exception& e) {
            FAIL("unexpected exception " << e.what() << " for query:\n" << q);
        }
    }
    CHECK(results > 100);
    CHECK(errors > 1000);
    INFO("results " << results << ", errors " << errors << ", timeouts " << timeouts);
}
