#include "query/value.hpp"

#include <catch2/catch.hpp>

using namespace vnkg::query;

namespace {

bool is_true(const Value& v) { return v.get<bool>() && *v.get<bool>(); }
bool is_false(const Value& v) { return v.get<bool>() && !*v.get<bool>(); }

} // namespace

TEST_CASE("dates of every precision parse to the interval they cover") {
    auto d = parse_date("2023-10-03");
    REQUIRE(d);
    CHECK(d->start == 20231003);
    CHECK(d->end == 20231003);
    d = parse_date("2024-02");
    REQUIRE(d);
    CHECK(d->end == 20240229); // leap year
    d = parse_date("2023-Q4");
    REQUIRE(d);
    CHECK(d->start == 20231001);
    CHECK(d->end == 20231231);
    d = parse_date("2020");
    REQUIRE(d);
    CHECK(d->precision == 0);
    d = parse_date("2020-02-25/2020-02-28");
    REQUIRE(d);
    CHECK(d->start == 20200225);
    CHECK(d->end == 20200225);
    for (const char* bad : {"--10-03", "2023-13", "2023-Q5", "2023-02-30", "20231", "2023-1",
                            "2023/", "năm 2023", "", "2023-10-03/x"}) {
        CHECK_FALSE(parse_date(bad));
    }
}

TEST_CASE("the date rule: nesting is equality, otherwise order by start") {
    CHECK(is_true(equals(Value("2023-10-03"), Value("2023"))));
    CHECK(is_true(equals(Value("2023-Q4"), Value("2023-11"))));
    CHECK(is_false(equals(Value("2023-Q4"), Value("2023-09"))));
    CHECK(is_false(equals(Value("2023-Q4"), Value("2024"))));
    CHECK(compare(Value("2023-09"), Value("2023-Q4")) == -1);
    CHECK(compare(Value("2024-01-01"), Value("2023")) == 1);
    CHECK(compare(Value("2023-12-31"), Value("2023")) == 0);
    // Without the rule (IN, DISTINCT) strings are compared exactly.
    CHECK(is_false(equals(Value("2023-10"), Value("2023"), false)));
}

TEST_CASE("equality is ternary and numeric across integer and float") {
    CHECK(equals(Value(), Value(1)).is_null());
    CHECK(is_true(equals(Value(1), Value(1.0))));
    CHECK(is_false(equals(Value(1), Value("1"))));
    CHECK(equals(Value(List{1, Value()}), Value(List{1, Value()})).is_null());
    CHECK(is_false(equals(Value(List{1, 2}), Value(List{3, Value()}))));
    CHECK(is_false(equals(Value(List{1}), Value(List{1, 2}))));
    CHECK_FALSE(compare(Value(1), Value("a")));
    CHECK_FALSE(compare(Value(), Value()));
}

TEST_CASE("ORDER BY's order is total and puts null last") {
    vnkg::graph::Graph g;
    std::vector<Value> sorted{Value(Map{}), Value(List{}), Value("a"), Value(false),
                              Value(true), Value(-1), Value(0.5), Value(2), Value()};
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        for (std::size_t j = 0; j < sorted.size(); ++j) {
            int c = order(sorted[i], sorted[j], g);
            CHECK((i < j ? c < 0 : (i == j ? c == 0 : c > 0)));
        }
    }
}

TEST_CASE("grouping keys merge 1 and 1.0 and keep strings apart from numbers") {
    CHECK(group_key(Value(1)) == group_key(Value(1.0)));
    CHECK(group_key(Value("1")) != group_key(Value(1)));
    CHECK(group_key(Value()) == group_key(Value()));
    CHECK(group_key(Value(List{"a", "b"})) != group_key(Value(List{"ab"})));
}

TEST_CASE("values print as Cypher literals") {
    vnkg::graph::Graph g;
    CHECK(to_text(Value("it's"), g) == "'it\\'s'");
    CHECK(to_text(Value("bare"), g, false) == "bare");
    CHECK(to_text(Value(2.0), g) == "2.0");
    CHECK(to_text(Value(0.1), g) == "0.1");
    CHECK(to_text(Value(List{1, "x", Value()}), g) == "[1, 'x', null]");
}
