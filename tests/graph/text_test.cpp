#include "graph/text.hpp"

#include <catch2/catch.hpp>

using namespace vnkg::graph;

TEST_CASE("normalise_text composes to NFC") {
    // "ủy" written as u + combining hook above + y
    CHECK(normalise_text("U\xCC\x89y ban") == "Ủy ban");
}

TEST_CASE("normalise_text puts the tone on the main vowel at a word's end only") {
    CHECK(normalise_text("Tỉnh uỷ") == "Tỉnh ủy");
    CHECK(normalise_text("hoà bình") == "hòa bình");
    CHECK(normalise_text("Thuý, hoàng, toàn, quý IV") == "Thúy, hoàng, toàn, quý IV");
    CHECK(normalise_text("UỶ BAN, Uỷ ban") == "ỦY BAN, Ủy ban");
    CHECK(normalise_text("khoẻ.") == "khỏe.");
}

TEST_CASE("normalise_text folds odd spaces, invisible characters and line ends") {
    CHECK(normalise_text("\xEF\xBB\xBF" "a\xC2\xA0" "b\xE2\x80\x8B" "c\r\nd\re\tf") == "a bc\nd\ne f");
}

TEST_CASE("is_valid_utf8 finds the first bad byte") {
    std::size_t at = 99;
    CHECK(is_valid_utf8("Hưng Yên"));
    CHECK_FALSE(is_valid_utf8("ab\xFF" "cd", &at));
    CHECK(at == 2);
    CHECK_FALSE(is_valid_utf8("\xC0\xAF", &at)); // overlong '/'
    CHECK(at == 0);
}

TEST_CASE("name_key ignores case, tone placement and spaces around dashes, not diacritics") {
    CHECK(name_key("Ban Tuyên giáo Tỉnh uỷ") == name_key("BAN TUYÊN GIÁO  TỈNH ỦY"));
    CHECK(name_key("Bà Rịa - Vũng Tàu") == name_key("Bà Rịa-Vũng Tàu"));
    CHECK(name_key("Đào Hồng Vận") != name_key("Đào Hồng Văn"));
}

TEST_CASE("fold drops case and diacritics") {
    CHECK(fold("Đào Hồng Vận") == "dao hong van");
    CHECK(fold("Chỉ thị số 05-CT/TW") == "chi thi so 05-ct/tw");
    CHECK(fold("  Ủy   ban ") == "uy ban");
}
