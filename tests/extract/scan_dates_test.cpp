#include "extract/dates.hpp"
#include "extract/scan.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace vnkg::extract;

namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
    std::vector<std::string> out;
    for (const Token& t : tokens) {
        out.emplace_back(t.text);
    }
    return out;
}

std::vector<std::string> sentences(std::string_view text) {
    std::vector<std::string> out;
    for (const SentenceSpan& s : split_sentences(text)) {
        out.emplace_back(s.text);
    }
    return out;
}

std::string date_in(const std::string& text, int year) {
    std::vector<Token> t = tokenise(text);
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (auto d = parse_date_at(t, k, year)) {
            return d->iso;
        }
    }
    return "none";
}

} // namespace

TEST_CASE("tokens keep codes - dates and abbreviations whole") {
    CHECK(texts(tokenise("Chỉ thị số 05-CT/TW, ngày 3/10/2023")) ==
          std::vector<std::string>{"Chỉ", "thị", "số", "05-CT/TW", ",", "ngày", "3/10/2023"});
    CHECK(texts(tokenise("TP.HCM và UBND tỉnh")) ==
          std::vector<std::string>{"TP.HCM", "và", "UBND", "tỉnh"});
    // A slash or dash between ordinary words splits them: a credit, not one name.
    CHECK(texts(tokenise("An Đăng/TTXVN")) == std::vector<std::string>{"An", "Đăng", "/", "TTXVN"});
    CHECK(texts(tokenise("Bà Rịa-Vũng Tàu")) ==
          std::vector<std::string>{"Bà", "Rịa", "-", "Vũng", "Tàu"});
}

TEST_CASE("token case flags follow Vietnamese letters") {
    std::vector<Token> t = tokenise("Đào hồng THU YẾN");
    REQUIRE(t.size() == 4);
    CHECK(t[0].cap);
    CHECK_FALSE(t[1].cap);
    CHECK(t[2].all_caps);
    CHECK(t[3].all_caps);
    CHECK(t[0].low == "đào");
    CHECK(lower("ỦY BAN") == "ủy ban");
}

TEST_CASE("sentences end at a full stop before a capital - not after abbreviations or in numbers") {
    CHECK(sentences("Ngày 3.10, hội nghị họp. Đồng chí A phát biểu.") ==
          std::vector<std::string>{"Ngày 3.10, hội nghị họp.", "Đồng chí A phát biểu."});
    CHECK(sentences("Làm việc tại TX. Cửa Lò và TP. Vinh. Sau đó về.") ==
          std::vector<std::string>{"Làm việc tại TX. Cửa Lò và TP. Vinh.", "Sau đó về."});
    CHECK(sentences("Dòng một\nDòng hai") == std::vector<std::string>{"Dòng một", "Dòng hai"});
}

TEST_CASE("dates of the text's own precision") {
    CHECK(date_in("Ngày 3/10, Ban tổ chức", 2023) == "2023-10-03");
    CHECK(date_in("Sáng 25.5, tại Hà Nội", 2017) == "2017-05-25");
    CHECK(date_in("Ngày 3-7, tại Hà Nội", 0) == "--07-03");
    CHECK(date_in("Từ ngày 25/2 đến 28/2, đoàn", 2020) == "2020-02-25/2020-02-28");
    CHECK(date_in("từ ngày 25 - 27/2, đoàn", 2020) == "2020-02-25/2020-02-27");
    CHECK(date_in("trong quý IV/2023", 0) == "2023-Q4");
    CHECK(date_in("vào tháng 5 tới", 2020) == "2020-05");
    CHECK(date_in("tháng 6.2012 đến nay", 0) == "2012-06");
    CHECK(date_in("năm 2020 có nhiều", 0) == "2020");
    CHECK(date_in("ngày 18 tháng 5 năm 2021", 0) == "2021-05-18");
    CHECK(date_in("Thứ Ba, 3/10/2023 16:52", 0) == "2023-10-03");
    // A bare "3/10" with no time word may be anything (a ratio, a code).
    CHECK(date_in("tỷ lệ 3/10 số hộ", 2023) == "none");
    CHECK(date_in("ngày 31/2", 2023) == "none");
}

TEST_CASE("ISO forms and Roman numerals") {
    CHECK(iso(Date{2023, 10, 3, 0}) == "2023-10-03");
    CHECK(iso(Date{0, 10, 3, 0}) == "--10-03");
    CHECK(iso(Date{2023, 0, 0, 4}) == "2023-Q4");
    CHECK(iso(Date{2020, 0, 0, 0}) == "2020");
    CHECK(roman("XII") == 12);
    CHECK(roman("IV") == 4);
    CHECK(roman("Hà") == 0);
}
