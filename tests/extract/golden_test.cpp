// Golden tests: every tests/golden/extract/CASE.txt is read and extracted as `vnkg extract`
// does, and its JSON line must equal CASE.jsonl. VNKG_REWRITE_GOLDEN=1 rewrites the expected
// files instead; review the diff before committing it.
#include "extract/extractor.hpp"
#include "extract/jsonl.hpp"
#include "extract/reader.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace vnkg::extract;

namespace {

fs::path golden_dir() {
    return fs::path(__FILE__).parent_path().parent_path() / "golden" / "extract";
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("golden extractions of tests/golden/extract") {
    fs::path dir = golden_dir();
    REQUIRE(fs::is_directory(dir));
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") {
            cases.push_back(entry.path());
        }
    }
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 3);
    const char* rewrite = std::getenv("VNKG_REWRITE_GOLDEN");
    Extractor extractor;
    for (const fs::path& txt : cases) {
        std::vector<std::string> lines;
        read_inputs(
            {txt.string()}, ReaderOptions{},
            [&](Article&& a) {
                a.source = txt.filename().string(); // the same on every machine
                lines.push_back(to_json_line(extractor.run(std::move(a))));
            },
            [](const Diagnostic& d) { FAIL(d.message()); });
        REQUIRE(lines.size() == 1);
        fs::path expected = fs::path(txt).replace_extension(".jsonl");
        if (rewrite != nullptr && std::string(rewrite) == "1") {
            std::ofstream(expected, std::ios::binary) << lines.front() << '\n';
            continue;
        }
        INFO(txt.filename().string() << ": rerun with VNKG_REWRITE_GOLDEN=1 after a change");
        REQUIRE(fs::exists(expected));
        CHECK(lines.front() + "\n" == read_file(expected));
    }
}
