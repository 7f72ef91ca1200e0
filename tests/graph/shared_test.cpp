#include "graph/shared.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using vnkg::graph::SharedList;
using vnkg::graph::SharedMap;

TEST_CASE("a shared list's copies share until one changes, then each keeps its own") {
    SharedList<std::string> a = {"x", "y"};
    SharedList<std::string> b = a;
    CHECK(a.same_as(b));
    CHECK(std::as_const(b)[1] == "y"); // const access does not copy
    CHECK(a.same_as(b));

    b.push_back("z");
    CHECK_FALSE(a.same_as(b));
    CHECK(a == std::vector<std::string>{"x", "y"});
    CHECK(b == std::vector<std::string>{"x", "y", "z"});

    SharedList<std::string> c = a;
    c[0] = "changed"; // non-const operator[] makes c's own elements first
    CHECK(a[0] == "x");
    CHECK(c[0] == "changed");

    SharedList<std::string> d = a;
    CHECK(d.erase_if([](const std::string& s) { return s == "nothing"; }) == 0);
    CHECK(d.same_as(a)); // nothing removed, nothing copied
    CHECK(d.erase_if([](const std::string& s) { return s == "x"; }) == 1);
    CHECK(d == std::vector<std::string>{"y"});
    CHECK(a == std::vector<std::string>{"x", "y"});

    SECTION("equal lists compare equal whether they share or not") {
        SharedList<std::string> e = {"x", "y"};
        CHECK_FALSE(e.same_as(a));
        CHECK(e == a);
        CHECK_FALSE(e == b);
    }
    SECTION("an empty list allocates nothing and iterates over nothing") {
        SharedList<std::string> empty;
        SharedList<std::string> other;
        CHECK(empty.same_as(other));
        CHECK(empty.begin() == empty.end());
        CHECK(std::as_const(empty).vector().empty());
        empty.push_back("first");
        CHECK(empty.size() == 1);
        CHECK(other.empty());
    }
}

TEST_CASE("a shared map keeps its names sorted and one entry a name, as a std::map") {
    SharedMap<int> m;
    m["c"] = 3;
    m.emplace("a", 1);
    m.insert({"b", 2});
    CHECK_FALSE(m.emplace("a", 10).second); // the first entry for a name is kept
    CHECK(m.at("a") == 1);
    std::vector<std::string> names;
    for (const auto& [name, value] : m) {
        names.push_back(name);
    }
    CHECK(names == std::vector<std::string>{"a", "b", "c"});
    CHECK(m.count("b") == 1);
    CHECK(m.find("zz") == m.end()); // a miss is end(), also through non-const access
    CHECK(std::as_const(m).find("zz") == m.cend());
    CHECK_THROWS_AS(std::as_const(m).at("zz"), std::out_of_range);

    m.insert_or_assign("b", 20);
    CHECK(m.at("b") == 20);
    CHECK(m.erase("a") == 1);
    CHECK(m.erase("a") == 0);
    CHECK(m.size() == 2);

    SECTION("emplace_hint at the end appends in order and falls back to a sorted insert") {
        SharedMap<int> h;
        h.emplace_hint(h.end(), "a", 1);
        h.emplace_hint(h.end(), "b", 2);
        h.emplace_hint(h.end(), "a", 9); // out of order: a normal emplace, first one kept
        h.emplace_hint(h.end(), "0", 0);
        CHECK(h.begin()->first == "0");
        CHECK(h.at("a") == 1);
        CHECK(h.size() == 3);
    }
    SECTION("a copy is not changed by later writes to the original") {
        SharedMap<int> copy = m;
        CHECK(copy.same_as(m));
        m["d"] = 4;
        m.at("c") = 30;
        CHECK(copy.size() == 2);
        CHECK(copy.at("c") == 3);
        CHECK_FALSE(copy.contains("d"));
        CHECK(m.at("c") == 30);
    }
}
