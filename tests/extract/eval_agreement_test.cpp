// `vnkg eval` must report exactly what ../shared/tools/score.py reports on the same `vnkg
// extract` output, for both dev gold files. Runs only where ../shared and the vnkg program are.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string capture(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) {
        return out;
    }
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) {
        out.append(buf, n);
    }
    return out;
}

std::string quoted(const fs::path& p) {
    std::string s(1, '\'');
    s += p.string();
    s += '\'';
    return s;
}

} // namespace

TEST_CASE("vnkg eval agrees with shared/tools/score.py on the dev gold files") {
    fs::path shared =
        fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path() / "shared";
    fs::path vnkg = fs::read_symlink("/proc/self/exe").parent_path().parent_path().parent_path() /
                    "cli" / "vnkg";
    if (!fs::exists(shared / "tools" / "score.py") || !fs::exists(vnkg) ||
        std::system("python3 -c pass > /dev/null 2>&1") != 0) {
        WARN("skipped: needs ../shared (seeds, corpus, eval, tools), python3 and the vnkg program");
        return;
    }
    fs::path out = fs::temp_directory_path() / "vnkg_eval_agreement.jsonl";
    std::string extract = quoted(vnkg) + " extract -q " + quoted(shared / "seeds") + " " +
                          quoted(shared / "corpus" / "baomoi") + " -o " + quoted(out);
    REQUIRE(std::system(extract.c_str()) == 0);
    for (const char* gold : {"seeds.gold.jsonl", "baomoi.gold.jsonl"}) {
        fs::path g = shared / "eval" / "dev" / gold;
        for (const char* format : {"", " --json"}) {
            std::string ours =
                capture(quoted(vnkg) + " eval " + quoted(g) + " --system " + quoted(out) + format);
            std::string theirs = capture("python3 " + quoted(shared / "tools" / "score.py") + " " +
                                         quoted(g) + " " + quoted(out) + format);
            INFO(gold << format);
            CHECK_FALSE(ours.empty());
            CHECK(ours == theirs);
        }
        // Extracting directly gives the same figures as scoring the saved output.
        std::string direct =
            capture(quoted(vnkg) + " eval " + quoted(g) + " " + quoted(shared / "seeds") + " " +
                    quoted(shared / "corpus" / "baomoi") + " --json");
        std::string saved =
            capture(quoted(vnkg) + " eval " + quoted(g) + " --system " + quoted(out) + " --json");
        CHECK(direct == saved);
    }
    fs::remove(out);
}
