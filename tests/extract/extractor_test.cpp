#include "extract/extractor.hpp"
#include "extract/jsonl.hpp"

#include "graph/text.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace vnkg;
using namespace vnkg::extract;

namespace {

const Extractor& extractor() {
    static const Extractor e;
    return e;
}

Extraction run(const std::string& text, const std::string& published = {}) {
    Article a;
    a.id = "test.txt";
    a.source = "test.txt";
    a.text = graph::normalise_text(text);
    a.published = published;
    return extractor().run(std::move(a));
}

const Entity* find(const Extraction& x, const std::string& type, const std::string& name) {
    for (const Entity& e : x.entities) {
        if (e.type == type && e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

std::vector<std::string> names(const Extraction& x, const std::string& type) {
    std::vector<std::string> out;
    for (const Entity& e : x.entities) {
        if (e.type == type) {
            out.push_back(e.name);
        }
    }
    return out;
}

std::string prop(const Entity* e, const std::string& name) {
    return e == nullptr ? "<no entity>" : std::string(graph::string_prop(e->props, name));
}

std::vector<std::string> titles(const Entity* e) {
    if (e == nullptr) {
        return {"<no entity>"};
    }
    auto it = e->props.find("titles");
    if (it == e->props.end()) {
        return {};
    }
    return std::get<std::vector<std::string>>(it->second);
}

const Relation* relation(const Extraction& x, const std::string& type, const Entity* from,
                         const Entity* to) {
    for (const Relation& r : x.relations) {
        if (r.type == type && from != nullptr && to != nullptr && r.from == from->id &&
            r.to == to->id) {
            return &r;
        }
    }
    return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

const char* kSeedLike =
    "Thứ Bảy, 15/6/2024\n"
    "Tuyên giáo các cấp\n"
    "Thứ Ba, 3/10/2023 16:52'(GMT+7)\n"
    "\n"
    "Hưng Yên: Tăng cường tuyên truyền việc thực hiện nhiệm vụ công tác tuyên giáo\n"
    "\n"
    "Ngày 3/10, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức Hội nghị triển khai nhiệm vụ công tác "
    "tuyên giáo quý IV/2023 dưới sự chủ trì của đồng chí Đào Hồng Vận, Ủy viên Thường vụ, "
    "Trưởng ban Tuyên giáo Tỉnh ủy.\n"
    "Các cấp ủy tiếp tục thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị về "
    "tiếp tục thực hiện Chỉ thị số 05 - CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo "
    "tư tưởng, đạo đức, phong cách Hồ Chí Minh. Ban Tuyên giáo các cấp tham mưu cho Ban Thường "
    "vụ Tỉnh ủy thực hiện Nghị quyết số 39-NQ/TU ngày 30/6/2023 của Ban Thường vụ Tỉnh ủy.\n"
    "Kết luận hội nghị, đồng chí Trưởng ban Tuyên giáo Tỉnh ủy Đào Hồng Vận đề nghị các cấp "
    "làm tốt công tác tham mưu.\n"
    "\n"
    "THU YẾN\n"
    "\n"
    "Phản hồi\n";

} // namespace

TEST_CASE("the article's own date - not the page's render date - the title from the text") {
    Extraction x = run(kSeedLike);
    CHECK(x.article.published == "2023-10-03");
    CHECK(x.article.title ==
          "Hưng Yên: Tăng cường tuyên truyền việc thực hiện nhiệm vụ công tác tuyên giáo");
    CHECK(x.province == "Hưng Yên");
}

TEST_CASE("a breadcrumb line is never the article's title") {
    Extraction x = run("Trang chủ > Tin tức > Tuyên giáo cơ sở\n"
                       "Tiên Lữ: Tọa đàm nâng cao chất lượng nắm bắt dư luận xã hội ở cơ sở\n"
                       "Ngày 5/9/2024, Huyện ủy Tiên Lữ tổ chức tọa đàm.\n");
    CHECK(x.article.title == "Tiên Lữ: Tọa đàm nâng cao chất lượng nắm bắt dư luận xã hội ở cơ sở");
}

TEST_CASE("persons with titles split at commas - the byline as an author") {
    Extraction x = run(kSeedLike);
    const Entity* van = find(x, "Person", "Đào Hồng Vận");
    REQUIRE(van != nullptr);
    CHECK(prop(van, "kind") == "official");
    CHECK(contains(titles(van), "Ủy viên Thường vụ"));
    CHECK(contains(titles(van), "Trưởng ban Tuyên giáo Tỉnh ủy"));
    const Entity* author = find(x, "Person", "Thu Yến");
    REQUIRE(author != nullptr);
    CHECK(prop(author, "kind") == "author");
    // "Hồ Chí Minh" after "phong cách" is neither a person nor the province.
    CHECK(find(x, "Person", "Hồ Chí Minh") == nullptr);
    CHECK(find(x, "Province", "Hồ Chí Minh") == nullptr);
}

TEST_CASE("bodies take the article's place - generic plurals are left out") {
    Extraction x = run(kSeedLike);
    std::vector<std::string> orgs = names(x, "Organisation");
    CHECK(contains(orgs, "Ban Tuyên giáo Tỉnh ủy Hưng Yên"));
    CHECK(contains(orgs, "Ban Thường vụ Tỉnh ủy Hưng Yên"));
    CHECK(contains(orgs, "Bộ Chính trị"));
    for (const std::string& o : orgs) {
        CHECK(o.find("các cấp") == std::string::npos);
    }
    const Entity* board = find(x, "Organisation", "Ban Tuyên giáo Tỉnh ủy Hưng Yên");
    const Entity* province = find(x, "Province", "Hưng Yên");
    CHECK(relation(x, "LOCATED_IN", board, province) != nullptr);
}

TEST_CASE("a title that names a body is a position held in it - dated by the article") {
    Extraction x = run(kSeedLike);
    const Entity* van = find(x, "Person", "Đào Hồng Vận");
    const Entity* board = find(x, "Organisation", "Ban Tuyên giáo Tỉnh ủy Hưng Yên");
    REQUIRE(van != nullptr);
    REQUIRE(board != nullptr);
    const Relation* held = relation(x, "HOLDS_POSITION", van, board);
    REQUIRE(held != nullptr);
    CHECK(graph::string_prop(held->props, "title") == "Trưởng ban Tuyên giáo Tỉnh ủy");
    CHECK(graph::string_prop(held->props, "date") == "2023-10-03");
    CHECK(held->sentence.find("Đào Hồng Vận, Ủy viên Thường vụ") != std::string::npos);
    // The title is written twice in the article; "Ủy viên Thường vụ" names no body.
    std::size_t positions = 0;
    for (const Relation& r : x.relations) {
        positions += r.type == "HOLDS_POSITION" ? 1 : 0;
    }
    CHECK(positions == 1);
}

TEST_CASE("a title that names no body gives no position") {
    Extraction x =
        run("Đồng chí Nguyễn Văn Nam, Phó Trưởng ban phát biểu tại buổi làm việc.\n", "2024-05-02");
    const Entity* nam = find(x, "Person", "Nguyễn Văn Nam");
    REQUIRE(nam != nullptr);
    CHECK(contains(titles(nam), "Phó Trưởng ban"));
    for (const Relation& r : x.relations) {
        CHECK(r.type != "HOLDS_POSITION");
    }
}

TEST_CASE("directives: codes in any written form - date - issuer - references - local scope") {
    Extraction x = run(kSeedLike);
    const Entity* kl = find(x, "Directive", "Kết luận số 01-KL/TW");
    REQUIRE(kl != nullptr);
    CHECK(prop(kl, "code") == "01-KL/TW");
    CHECK(prop(kl, "kind") == "Kết luận");
    CHECK(prop(kl, "date") == "2021-05-18");
    CHECK(prop(kl, "issuer") == "Bộ Chính trị");
    const Entity* ct = find(x, "Directive", "Chỉ thị số 05-CT/TW");
    REQUIRE(ct != nullptr);
    CHECK(relation(x, "REFERENCES", kl, ct) != nullptr);
    CHECK(relation(x, "ISSUED", find(x, "Organisation", "Bộ Chính trị"), kl) != nullptr);
    const Entity* nq = find(x, "Directive", "Nghị quyết số 39-NQ/TU");
    REQUIRE(nq != nullptr);
    CHECK(nq->scope == "Hưng Yên"); // a provincial code is unique only within its province
    CHECK(prop(nq, "issuer") == "Ban Thường vụ Tỉnh ủy Hưng Yên");
    CHECK(prop(nq, "date") == "2023-06-30");
}

TEST_CASE("a meeting with its date - organiser - place and attendance roles") {
    Extraction x = run(kSeedLike);
    const Entity* m =
        find(x, "Meeting", "Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023");
    REQUIRE(m != nullptr);
    CHECK(prop(m, "date") == "2023-10-03");
    CHECK(prop(m, "province") == "Hưng Yên");
    const Relation* chair = relation(x, "ATTENDED", find(x, "Person", "Đào Hồng Vận"), m);
    REQUIRE(chair != nullptr);
    CHECK(graph::string_prop(chair->props, "role") == "chair");
    CHECK(chair->sentence.rfind("Ngày 3/10, Ban Tuyên giáo", 0) == 0);
    CHECK(relation(x, "ORGANISED", find(x, "Organisation", "Ban Tuyên giáo Tỉnh ủy Hưng Yên"), m) !=
          nullptr);
    CHECK(relation(x, "HELD_IN", m, find(x, "Province", "Hưng Yên")) != nullptr);
    CHECK(names(x, "Meeting").size() == 1); // "Kết luận hội nghị" is the same meeting
}

TEST_CASE("state codes - bare numbers completed from the issuer - named resolutions") {
    Extraction x =
        run("Thủ tướng ký Quyết định số 1880/QĐ-TTg và Nghị quyết số 124/NQ-CP; Nghị định "
            "163/2013/NĐ-CP vẫn có hiệu lực.\n"
            "Các địa phương thực hiện Chỉ thị số 05 của Bộ Chính trị và Nghị quyết Trung ương 4 "
            "(khóa XII) về xây dựng Đảng.\n",
            "2020-01-01");
    std::vector<std::string> d = names(x, "Directive");
    CHECK(contains(d, "Quyết định số 1880/QĐ-TTG"));
    CHECK(contains(d, "Nghị quyết số 124/NQ-CP"));
    CHECK(contains(d, "Nghị định số 163/2013/NĐ-CP"));
    CHECK(contains(d, "Chỉ thị số 05-CT/TW"));
    CHECK(contains(d, "Nghị quyết Trung ương 4 (khóa XII)"));
    CHECK(prop(find(x, "Directive", "Chỉ thị số 05-CT/TW"), "issuer") == "Bộ Chính trị");

    SECTION("the National Assembly's codes: NUMBER/YEAR/QH and the legislature") {
        Extraction q = run("Thực hiện Nghị quyết số 111/2015/QH13 ngày 27/11/2015 của Quốc hội và "
                           "Luật số 55/2014/QH13.\n",
                           "2020-01-01");
        const Entity* nq = find(q, "Directive", "Nghị quyết số 111/2015/QH13");
        REQUIRE(nq != nullptr);
        CHECK(prop(nq, "issuer") == "Quốc hội");
        CHECK(prop(nq, "date") == "2015-11-27");
        CHECK(find(q, "Directive", "Luật số 55/2014/QH13") != nullptr);
    }
}

TEST_CASE("a title before a name may hold a body whose name has a verb in it ('Ủy ban Kiểm tra')") {
    Extraction x = run("Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Lò Văn Páo phát biểu tại hội nghị.\n"
                       "Bí thư Tỉnh ủy Hà Văn Sơn kiểm tra công tác chuẩn bị.\n",
                       "2024-03-05");
    CHECK(titles(find(x, "Person", "Lò Văn Páo")) ==
          std::vector<std::string>{"Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"});
    CHECK(titles(find(x, "Person", "Hà Văn Sơn")) == std::vector<std::string>{"Bí thư Tỉnh ủy"});
}

TEST_CASE("a title that ends in its unit's word ('UBND tỉnh', 'Trưởng bản') is followed by a name") {
    Extraction x = run(
        "Ngày 5/3/2024, Tỉnh ủy Nghệ An tổ chức hội nghị tổng kết công tác dân vận.\n"
        "Chủ tịch UBND tỉnh Lê Hồng Vinh chủ trì hội nghị.\n"
        "Phó Chủ tịch HĐND huyện Vi Văn Sơn và Trưởng bản Lò Văn Páo phát biểu.\n"
        "Đoàn đến thăm phường Nguyễn Du và Công ty TNHH Thái Hoàng.\n",
        "2024-03-05");
    const Entity* vinh = find(x, "Person", "Lê Hồng Vinh");
    REQUIRE(vinh != nullptr);
    CHECK(titles(vinh) == std::vector<std::string>{"Chủ tịch Ủy ban nhân dân tỉnh"});
    CHECK(find(x, "Person", "Vi Văn Sơn") != nullptr);
    CHECK(titles(find(x, "Person", "Lò Văn Páo")) == std::vector<std::string>{"Trưởng bản"});
    // A place or a company named after a person is still no person.
    CHECK(find(x, "Person", "Nguyễn Du") == nullptr);
    CHECK(find(x, "Person", "Thái Hoàng") == nullptr);
}

TEST_CASE("a meeting dated by the period its sentence opens with, or by 'cùng ngày'") {
    Extraction x = run(
        "Trong quý IV/2023, Tỉnh ủy Bắc Ninh đã tổ chức Hội nghị quán triệt Nghị quyết Trung "
        "ương 8.\n"
        "Tháng 5, Ban Tuyên giáo Tỉnh ủy sẽ tổ chức Hội nghị báo cáo viên tỉnh.\n"
        "Sáng 11/9, Ban Tuyên giáo Tỉnh ủy tổ chức Hội thảo khoa học về lịch sử Đảng bộ tỉnh.\n"
        "Chiều cùng ngày, Hội đồng nhân dân tỉnh khai mạc Kỳ họp thứ 22 Hội đồng nhân dân tỉnh.\n"
        "Tháng 10/2012, Hội nghị Trung ương 6 đã thông qua đề án.\n",
        "2024-03-01");
    CHECK(prop(find(x, "Meeting", "Hội nghị quán triệt Nghị quyết Trung ương 8"), "date") ==
          "2023-Q4"); // not the article's day, more precise than the text
    CHECK(prop(find(x, "Meeting", "Hội nghị báo cáo viên tỉnh"), "date") == "2024-05");
    CHECK(prop(find(x, "Meeting", "Kỳ họp thứ 22 Hội đồng nhân dân tỉnh"), "date") ==
          "2024-09-11");
    // A period opens a sentence about a meeting held then, not about what one did.
    for (const std::string& m : names(x, "Meeting")) {
        CHECK(prop(find(x, "Meeting", m), "date") != "2012-10");
    }
}

TEST_CASE("'đã có buổi làm việc với' is a working visit, one with the headline's, dated by the body") {
    Extraction x = run("Đoàn công tác Ban Tổ chức Tỉnh ủy làm việc với Huyện ủy Đầm Hà\n"
                       "Sáng 4/3, đoàn công tác của Ban Tổ chức Tỉnh ủy do đồng chí Vũ Văn Diện - "
                       "Trưởng ban Tổ chức Tỉnh ủy làm trưởng đoàn đã có buổi làm việc với Huyện "
                       "ủy Đầm Hà về công tác cán bộ.\n"
                       "Chiều 5/3, Ban Dân vận Tỉnh ủy đã làm việc với Huyện ủy Tiên Yên.\n",
                       "2024-03-06");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 2);
    const Entity* visit = find(x, "Meeting", meetings[0]);
    CHECK(prop(visit, "date") == "2024-03-04"); // the body's day, not the article's
    const Relation* head = relation(x, "ATTENDED", find(x, "Person", "Vũ Văn Diện"), visit);
    REQUIRE(head != nullptr);
    CHECK(graph::string_prop(head->props, "role") == "head");
    // The subject ends before the verb's tense: no "đã" in the name.
    CHECK(meetings[1].find(" đã ") == std::string::npos);
    CHECK(meetings[1].find("Huyện ủy Tiên Yên") != std::string::npos);
}

TEST_CASE("a local body before 'và'/',' and a body whose name starts with a unit word is named") {
    Extraction x = run("Ngày 5/3/2024, Tỉnh ủy Hưng Yên tổ chức hội nghị tổng kết công tác dân vận.\n"
                       "Hội Nông dân tỉnh và Tỉnh đoàn cùng tham gia; UBND tỉnh, thành phố phối "
                       "hợp.\n",
                       "2024-03-05");
    std::vector<std::string> orgs = names(x, "Organisation");
    CHECK(contains(orgs, "Hội Nông dân tỉnh Hưng Yên")); // "Tỉnh đoàn" is a body, not a unit
    CHECK_FALSE(contains(orgs, "Ủy ban nhân dân tỉnh Hưng Yên")); // "tỉnh, thành phố": plural
}

TEST_CASE("a byline on its own line may be a name that is also a word or a district") {
    const std::string body =
        "Ngày 5/3/2024, Tỉnh ủy Hưng Yên tổ chức hội nghị tổng kết công tác dân vận năm 2023 với "
        "sự tham dự của nhiều đại biểu các sở, ngành trong tỉnh.\n\n";
    for (const char* byline : {"Thu Trang", "THU TRANG", "Thanh Hà"}) {
        Extraction x = run(body + byline + "\n", "2024-03-05");
        INFO(byline);
        const Entity* author = find(x, "Person", byline[1] == 'H' ? "Thu Trang" : byline);
        REQUIRE(author != nullptr);
        CHECK(prop(author, "kind") == "author");
    }
    // A province or a phrase is no byline.
    CHECK(names(run(body + "Hưng Yên\n", "2024-03-05"), "Person").empty());
    CHECK(names(run(body + "Xin cảm ơn\n", "2024-03-05"), "Person").empty());
}

TEST_CASE("a meeting's name keeps the 'Kết luận số ...' it is about ('kết luận' is no verb there)") {
    Extraction x = run("Sáng 19/11, Ban Thường vụ Tỉnh ủy Bắc Giang tổ chức Hội nghị sơ kết 5 năm "
                       "thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị.\n"
                       "Đồng chí Dương Văn Thái kết luận hội nghị.\n",
                       "2023-11-20");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings[0] == "Hội nghị sơ kết 5 năm thực hiện Kết luận số 01-KL/TW");
    const Relation* r =
        relation(x, "ATTENDED", find(x, "Person", "Dương Văn Thái"), find(x, "Meeting", meetings[0]));
    REQUIRE(r != nullptr);
    CHECK(graph::string_prop(r->props, "role") == "speaker");
}

TEST_CASE("a congress looked forward to is no meeting; one the sentence dates is") {
    Extraction x = run("Các cấp ủy chuẩn bị tốt Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - "
                       "2030.\n"
                       "Tiến tới Đại hội Đảng bộ tỉnh lần thứ XX, các cấp ủy thi đua lập thành "
                       "tích.\n",
                       "2025-09-01");
    CHECK(names(x, "Meeting").empty());
    Extraction held = run("Sáng 15/10, Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030 khai "
                          "mạc.\n",
                          "2025-10-16");
    REQUIRE(names(held, "Meeting").size() == 1);
    CHECK(prop(find(held, "Meeting", names(held, "Meeting")[0]), "date") == "2025-10-15");
}

TEST_CASE("a meeting's organiser and the documents it discusses, also when a headline named it") {
    Extraction x = run("Lạng Sơn: Sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW\n"
                       "Sáng 12/6, Tỉnh ủy Lạng Sơn tổ chức Hội nghị sơ kết 5 năm thực hiện Chỉ thị "
                       "số 05-CT/TW của Bộ Chính trị.\n"
                       "Hội nghị đã thảo luận, cho ý kiến vào dự thảo Nghị quyết số 21-NQ/TU của "
                       "Ban Thường vụ Tỉnh ủy.\n",
                       "2024-06-13");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1);
    const Entity* m = find(x, "Meeting", meetings[0]);
    CHECK(prop(m, "date") == "2024-06-12");
    CHECK(relation(x, "ORGANISED", find(x, "Organisation", "Tỉnh ủy Lạng Sơn"), m) != nullptr);
    // The issuer of the document in the name did not organise it.
    CHECK(relation(x, "ORGANISED", find(x, "Organisation", "Bộ Chính trị"), m) == nullptr);
    CHECK(relation(x, "DISCUSSED", m, find(x, "Directive", "Chỉ thị số 05-CT/TW")) != nullptr);
    CHECK(relation(x, "DISCUSSED", m, find(x, "Directive", "Nghị quyết số 21-NQ/TU")) != nullptr);
}

TEST_CASE("a role word that opens a list with 'có' or 'là' gives every listed person the role") {
    Extraction x = run("Sáng 12/6, Tỉnh ủy Hà Tĩnh tổ chức hội nghị tổng kết công tác dân vận.\n"
                       "Chủ trì hội nghị có các đồng chí: Trần Thế Dũng, Phó Bí thư Tỉnh ủy; Võ "
                       "Trọng Hải, Chủ tịch UBND tỉnh.\n"
                       "Điều hành hội nghị là đồng chí Nguyễn Văn Sơn, Phó Trưởng ban Dân vận Tỉnh "
                       "ủy.\n",
                       "2024-06-13");
    for (const char* who : {"Trần Thế Dũng", "Võ Trọng Hải", "Nguyễn Văn Sơn"}) {
        INFO(who);
        const Entity* p = find(x, "Person", who);
        REQUIRE(p != nullptr);
        bool chair = false;
        for (const Relation& r : x.relations) {
            chair = chair || (r.type == "ATTENDED" && r.from == p->id &&
                              graph::string_prop(r.props, "role") == "chair");
        }
        CHECK(chair);
    }
}

TEST_CASE("a given name that is also a word ending names ('Đoàn', 'Tỉnh', 'Lễ') is kept last") {
    Extraction x = run("Ông Nguyễn Quốc Đoàn, Bí thư Tỉnh ủy, chủ trì hội nghị.\n"
                       "Bà Trần Thị Lễ phát biểu; đồng chí Phạm Văn Tỉnh dự.\n"
                       "Đoàn công tác của Ban Tuyên giáo đến thăm ông Nguyễn Văn A Đoàn công tác.\n",
                       "2024-06-13");
    CHECK(titles(find(x, "Person", "Nguyễn Quốc Đoàn")) ==
          std::vector<std::string>{"Bí thư Tỉnh ủy"});
    CHECK(find(x, "Person", "Trần Thị Lễ") != nullptr);
    CHECK(find(x, "Person", "Phạm Văn Tỉnh") != nullptr);
    CHECK(find(x, "Person", "Nguyễn Quốc") == nullptr);
}

TEST_CASE("'Phó Chủ tịch Thường trực UBND thành phố' holds a post in the UBND, not its 'Thường trực'") {
    Extraction x = run("Sáng 12/6, Thành ủy Đà Nẵng tổ chức hội nghị tổng kết công tác dân vận.\n"
                       "Đồng chí Hồ Kỳ Minh, Phó Chủ tịch Thường trực UBND thành phố phát biểu.\n"
                       "Thường trực HĐND thành phố đã họp.\n",
                       "2024-06-13");
    const Entity* ubnd = find(x, "Organisation", "Ủy ban nhân dân thành phố Đà Nẵng");
    REQUIRE(ubnd != nullptr);
    CHECK(relation(x, "HOLDS_POSITION", find(x, "Person", "Hồ Kỳ Minh"), ubnd) != nullptr);
    CHECK(find(x, "Organisation", "Thường trực Ủy ban nhân dân thành phố Đà Nẵng") == nullptr);
    // Standing alone it is a body.
    CHECK(find(x, "Organisation", "Thường trực Hội đồng nhân dân thành phố Đà Nẵng") != nullptr);
}

TEST_CASE("a date line written in words dates the article") {
    for (const char* line : {"Ngày 12 tháng 6 năm 2024", "Thứ Tư, ngày 12 tháng 6 năm 2024"}) {
        INFO(line);
        Extraction x = run(std::string("Lạng Sơn: Hội nghị tổng kết công tác dân vận\n") + line +
                           "\nSáng 11/6, Tỉnh ủy Lạng Sơn tổ chức hội nghị tổng kết công tác "
                           "dân vận.\n");
        CHECK(x.article.published == "2024-06-12");
    }
}

TEST_CASE("a resolution 'của Hội nghị lần thứ sáu Ban Chấp hành Trung ương' is the committee's") {
    Extraction x = run("Sáng 15/1, Tỉnh ủy Hà Tĩnh tổ chức hội nghị quán triệt Nghị quyết số 18-NQ/TW, "
                       "ngày 25/10/2017 của Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa "
                       "XII.\n",
                       "2024-01-15");
    const Entity* nq = find(x, "Directive", "Nghị quyết số 18-NQ/TW");
    REQUIRE(nq != nullptr);
    CHECK(prop(nq, "issuer") == "Ban Chấp hành Trung ương Đảng");
    CHECK(prop(nq, "date") == "2017-10-25");
    // The plenum that issued it is not a meeting of the article.
    CHECK(names(x, "Meeting") == std::vector<std::string>{"hội nghị quán triệt Nghị quyết số 18-NQ/TW"});
}

TEST_CASE("a ward or commune named like a province is not that province") {
    Extraction x = run("Hưng Yên: Phường Thái Bình ra mắt\n"
                       "Sáng 1/10, Đảng ủy phường Thái Bình tổ chức hội nghị triển khai nhiệm vụ; "
                       "đoàn đến thăm xã Đồng Tháp.\n",
                       "2025-10-02");
    CHECK(x.province == "Hưng Yên");
    std::vector<std::string> provinces = names(x, "Province");
    CHECK(std::find(provinces.begin(), provinces.end(), "Thái Bình") == provinces.end());
    CHECK(std::find(provinces.begin(), provinces.end(), "Đồng Tháp") == provinces.end());
}

TEST_CASE("'Về phía huyện X có ông A', 'Tại điểm cầu ... có đồng chí B': those listed attend") {
    Extraction x = run("Sáng 4/3, Ban Tổ chức Tỉnh ủy Quảng Ninh tổ chức hội nghị tổng kết công tác "
                       "tổ chức xây dựng Đảng năm 2023.\n"
                       "Về phía huyện Đầm Hà có ông Trần Văn Lâm, Bí thư Huyện ủy.\n"
                       "Tại điểm cầu huyện Tiên Yên có đồng chí Nguyễn Văn Phương, Phó Bí thư Huyện "
                       "ủy.\n",
                       "2024-03-05");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1);
    const Entity* m = find(x, "Meeting", meetings[0]);
    for (const char* who : {"Trần Văn Lâm", "Nguyễn Văn Phương"}) {
        INFO(who);
        const Relation* r = relation(x, "ATTENDED", find(x, "Person", who), m);
        REQUIRE(r != nullptr);
        CHECK(graph::string_prop(r->props, "role") == "participant");
    }
}

TEST_CASE("one head for a list of sectors gives a body each ('các Sở: Nội vụ, Tài chính, Y tế')") {
    Extraction x = run("Sáng 5/3, Tỉnh ủy Hưng Yên tổ chức hội nghị tổng kết công tác dân vận.\n"
                       "Dự hội nghị có lãnh đạo các Sở: Nội vụ, Tài chính, Y tế; các Bộ: Công an, "
                       "Quốc phòng cử đại diện.\n"
                       "Lãnh đạo các sở, ngành dự.\n",
                       "2024-03-05");
    std::vector<std::string> orgs = names(x, "Organisation");
    for (const char* b : {"Sở Nội vụ tỉnh Hưng Yên", "Sở Tài chính tỉnh Hưng Yên",
                          "Sở Y tế tỉnh Hưng Yên", "Bộ Công an", "Bộ Quốc phòng"}) {
        INFO(b);
        CHECK(contains(orgs, b));
    }
    CHECK(orgs.size() == 6); // and the Tỉnh ủy: "các sở, ngành" names none
}

TEST_CASE("directives: date and issuer from 'ban hành' around the code, a year, a shared issuer") {
    Extraction x = run(
        "Ngày 12/3/2024, Ban Tuyên giáo Tỉnh ủy Nam Định đã ban hành Hướng dẫn số 21-HD/BTGTU về "
        "công tác thông tin cơ sở.\n"
        "Thủ tướng Chính phủ vừa ban hành Chỉ thị số 14/CT-TTg về phòng, chống thiên tai.\n"
        "Các cấp ủy quán triệt Nghị quyết số 29-NQ/TW về \"Đổi mới căn bản, toàn diện giáo dục và "
        "đào tạo\" được Ban Chấp hành Trung ương khóa XI ban hành ngày 4/11/2013.\n"
        "Tổng kết Chỉ thị số 27-CT/TW của Bộ Chính trị về tổ chức lễ tang (ban hành tháng 9/2019) "
        "và Kết luận số 80-KL/TW năm 2024.\n"
        "Thực hiện Quy định số 11-QĐ/TW, ngày 18/2/2019 và Quy định số 124-QĐ/TW, ngày 2/2/2018 "
        "của Ban Bí thư; Nghị định số 30/2020/NĐ-CP và Công văn số 15-CV/TU, ngày 3/5/2024 của "
        "Ban Thường vụ Tỉnh ủy.\n",
        "2024-06-01");
    const Entity* hd = find(x, "Directive", "Hướng dẫn số 21-HD/BTGTU");
    REQUIRE(hd != nullptr);
    CHECK(prop(hd, "date") == "2024-03-12");
    CHECK(prop(hd, "issuer") == "Ban Tuyên giáo Tỉnh ủy Nam Định");
    CHECK(relation(x, "ISSUED", find(x, "Organisation", "Ban Tuyên giáo Tỉnh ủy Nam Định"), hd) !=
          nullptr);
    // The longer issuer's name, not the body inside it.
    CHECK(prop(find(x, "Directive", "Chỉ thị số 14/CT-TTG"), "issuer") == "Thủ tướng Chính phủ");
    const Entity* nq = find(x, "Directive", "Nghị quyết số 29-NQ/TW");
    REQUIRE(nq != nullptr);
    CHECK(prop(nq, "date") == "2013-11-04");
    CHECK(prop(nq, "issuer") == "Ban Chấp hành Trung ương Đảng");
    CHECK(prop(find(x, "Directive", "Chỉ thị số 27-CT/TW"), "date") == "2019-09");
    CHECK(prop(find(x, "Directive", "Kết luận số 80-KL/TW"), "date") == "2024");
    // One issuer named after a list of dated codes of its kind is each one's ...
    CHECK(prop(find(x, "Directive", "Quy định số 11-QĐ/TW"), "issuer") == "Ban Bí thư");
    CHECK(prop(find(x, "Directive", "Quy định số 124-QĐ/TW"), "issuer") == "Ban Bí thư");
    // ... but not that of an undated code of another kind before them.
    CHECK(prop(find(x, "Directive", "Nghị định số 30/2020/NĐ-CP"), "issuer").empty());
    CHECK(prop(find(x, "Directive", "Công văn số 15-CV/TU"), "issuer") ==
          "Ban Thường vụ Tỉnh ủy Nam Định");
}

TEST_CASE("lists of committees - provinces from districts - a working visit with a date range") {
    Extraction x =
        run("Từ ngày 25/2 đến 28/2, đoàn công tác của Ban Tuyên giáo Tỉnh ủy do đồng chí Kha Văn "
            "Tám - Phó Trưởng ban Thường trực làm trưởng đoàn làm việc với 6 Huyện ủy: Kỳ Sơn, "
            "Tương Dương, Con Cuông, Anh Sơn, Tân Kỳ, Thanh Chương.\n"
            "Năm 2020 có nhiều sự kiện chính trị quan trọng.\n");
    std::vector<std::string> orgs = names(x, "Organisation");
    for (const char* d :
         {"Kỳ Sơn", "Tương Dương", "Con Cuông", "Anh Sơn", "Tân Kỳ", "Thanh Chương"}) {
        CHECK(contains(orgs, std::string("Huyện ủy ") + d));
    }
    CHECK(contains(orgs, "Ban Tuyên giáo Tỉnh ủy Nghệ An"));
    CHECK(names(x, "Province") == std::vector<std::string>{"Nghệ An"});
    const Entity* huyen = find(x, "Organisation", "Huyện ủy Kỳ Sơn");
    REQUIRE(huyen != nullptr);
    CHECK(huyen->scope == "Nghệ An"); // Kỳ Sơn is also a district of Hòa Bình
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1);
    const Entity* m = find(x, "Meeting", meetings.front());
    CHECK(prop(m, "date") == "2020-02-25/2020-02-28");
    const Relation* head = relation(x, "ATTENDED", find(x, "Person", "Kha Văn Tám"), m);
    REQUIRE(head != nullptr);
    CHECK(graph::string_prop(head->props, "role") == "head");
}

TEST_CASE("a headline's meeting takes the date the body states - a quoted title is its name") {
    Extraction x = run("Tiên Lữ: Tọa đàm nâng cao chất lượng nắm bắt dư luận xã hội\n"
                       "Chiều 14/11, Ban Tuyên giáo Huyện ủy Tiên Lữ (Hưng Yên) tổ chức tọa đàm "
                       "\"Nâng cao chất lượng nắm bắt, định hướng dư luận xã hội\". Đồng chí Đặng "
                       "Thị Hải Yến, Trưởng ban Tuyên giáo Huyện ủy chủ trì tọa đàm.\n",
                       "2024-11-15");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1); // the headline's and the body's are one event
    const Entity* m = find(x, "Meeting", meetings.front());
    CHECK(prop(m, "date") == "2024-11-14");
    CHECK(m->scope == "2024-11-14 Hưng Yên");
    const Relation* chair = relation(x, "ATTENDED", find(x, "Person", "Đặng Thị Hải Yến"), m);
    REQUIRE(chair != nullptr);
    CHECK(graph::string_prop(chair->props, "date") == "2024-11-14");

    Extraction body = run("Chiều 14/11, Ban Tuyên giáo Huyện ủy Tiên Lữ tổ chức tọa đàm \"Nâng cao "
                          "chất lượng nắm bắt, định hướng dư luận xã hội\".\n",
                          "2024-11-15");
    CHECK(names(body, "Meeting") ==
          std::vector<std::string>{
              "tọa đàm \"Nâng cao chất lượng nắm bắt, định hướng dư luận xã hội\""});
}

TEST_CASE("a ceremony is not the contest it names - a bare head is the meeting of that head") {
    Extraction x =
        run("Chiều 22/5, Ban Tuyên giáo Tỉnh ủy Thái Bình tổ chức Lễ tổng kết và trao "
            "giải Hội thi Báo cáo viên giỏi tỉnh Thái Bình năm 2024.\n"
            "Hội thi Báo cáo viên giỏi tỉnh Thái Bình năm 2024 có 34 thí sinh tham gia.\n"
            "Hội thi diễn ra từ ngày 20/5 đến 22/5 tại thành phố Thái Bình.\n",
            "2024-05-23");
    const Entity* ceremony = find(
        x, "Meeting", "Lễ tổng kết và trao giải Hội thi Báo cáo viên giỏi tỉnh Thái Bình năm 2024");
    REQUIRE(ceremony != nullptr);
    CHECK(prop(ceremony, "date") == "2024-05-22");
    const Entity* contest = find(x, "Meeting", "Hội thi Báo cáo viên giỏi tỉnh Thái Bình năm 2024");
    REQUIRE(contest != nullptr);
    CHECK(prop(contest, "date") == "2024-05-20/2024-05-22");
    CHECK(names(x, "Meeting").size() == 2);
}

TEST_CASE("a meeting named again without a date is the same - a bare one takes the headline") {
    Extraction x = run("Tổng Bí thư Nguyễn Phú Trọng chủ trì Hội nghị Quân ủy Trung ương\n"
                       "Ngày 7-1, tại Hà Nội, Quân ủy Trung ương đã tổ chức hội nghị ra nghị quyết "
                       "lãnh đạo thực hiện nhiệm vụ quân sự, quốc phòng.\n"
                       "Tham dự Hội nghị gồm 500 đại biểu ở Hội trường.\n"
                       "Tổng Bí thư Nguyễn Phú Trọng đã chủ trì hội nghị.\n");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1); // the headline's, the lead's and "Tham dự Hội nghị gồm ..."
    CHECK(meetings.front() ==
          "hội nghị ra nghị quyết lãnh đạo thực hiện nhiệm vụ quân sự, quốc phòng");
    CHECK(prop(find(x, "Meeting", meetings.front()), "date") == "--01-07");

    Extraction bare = run("# Thông qua Dự thảo báo cáo kết quả kiểm tra\n"
                          "Dự hội nghị có đồng chí Hoàng Văn Trà, Phó Chủ nhiệm Ủy ban Kiểm tra "
                          "Trung ương.\n");
    CHECK(bare.article.title == "Thông qua Dự thảo báo cáo kết quả kiểm tra");
    CHECK(names(bare, "Meeting") ==
          std::vector<std::string>{"hội nghị thông qua Dự thảo báo cáo kết quả kiểm tra"});
}

TEST_CASE("a reception named by its verb - a list after 'dự hội nghị có' attends") {
    Extraction x =
        run("Ngày 24/5, Tổng Bí thư Nguyễn Phú Trọng đã tiếp Đoàn đại biểu Đảng Cộng sản "
            "Cuba do đồng chí Jose Ramon Balaguer Cabrera dẫn đầu.\n");
    const Entity* m =
        find(x, "Meeting", "Tổng Bí thư Nguyễn Phú Trọng tiếp Đoàn đại biểu Đảng Cộng sản Cuba");
    REQUIRE(m != nullptr);
    CHECK(prop(m, "date") == "--05-24");
    CHECK(relation(x, "ATTENDED", find(x, "Person", "Nguyễn Phú Trọng"), m) != nullptr);
    // "tiếp tục" (continue) is no reception.
    CHECK(
        names(run("Tổng Bí thư Nguyễn Phú Trọng tiếp tục nhấn mạnh yêu cầu đổi mới.\n"), "Meeting")
            .empty());

    Extraction chaired = run("Ngày 15/3, Tổng Bí thư Tô Lâm đã chủ trì họp Tiểu ban Văn kiện, cho "
                             "ý kiến vào dự thảo Báo cáo Chính trị.\n");
    const Entity* sitting = find(chaired, "Meeting", "họp Tiểu ban Văn kiện");
    REQUIRE(sitting != nullptr);
    const Relation* chair =
        relation(chaired, "ATTENDED", find(chaired, "Person", "Tô Lâm"), sitting);
    REQUIRE(chair != nullptr);
    CHECK(graph::string_prop(chair->props, "role") == "chair");

    Extraction list = run("Sáng 3/7, Đảng ủy Công an Trung ương tổ chức Hội nghị sơ kết công tác "
                          "6 tháng đầu năm.\n"
                          "Ảnh: Trí Dũng/TTXVN Dự Hội nghị có các đồng chí: Nguyễn Phú Trọng, Tổng "
                          "Bí thư; Trưởng Ban Tổ chức Trung ương Phạm Minh Chính.\n");
    std::vector<std::string> meetings = names(list, "Meeting");
    REQUIRE(meetings.size() == 1);
    const Entity* conference = find(list, "Meeting", meetings.front());
    CHECK(relation(list, "ATTENDED", find(list, "Person", "Nguyễn Phú Trọng"), conference) !=
          nullptr);
    CHECK(relation(list, "ATTENDED", find(list, "Person", "Phạm Minh Chính"), conference) !=
          nullptr);
}

TEST_CASE("credits: a given name that is also a word - a byline above the page's source note") {
    Extraction x = run("Chủ tịch nước Trần Đại Quang chủ trì phiên họp thứ ba của Ban Chỉ đạo Cải "
                       "cách tư pháp Trung ương. Ảnh: Nhan Sáng/TTXVN\n"
                       "Ban Chỉ đạo đã xây dựng và ban hành nhiều văn bản quan trọng để chỉ đạo "
                       "công tác cải cách tư pháp trong cả nước.\n"
                       "\n"
                       "Nguyên Hải\n"
                       "\n"
                       "Theo Cổng thông tin điện tử Bộ Quốc phòng\n"
                       "\n"
                       "https://www.mod.gov.vn/vn/chi-tiet/sa-ttsk/sa-tt-qpan/thong-qua-du-thao\n");
    CHECK(prop(find(x, "Person", "Nhan Sáng"), "kind") == "author");
    CHECK(prop(find(x, "Person", "Nguyên Hải"), "kind") == "author");
    // A name over a body's name at the end is the author's, not an official's.
    Extraction byline =
        run("Ngày 3/10/2024, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức Hội nghị triển "
            "khai nhiệm vụ công tác tuyên giáo quý IV năm 2024 với sự tham dự của "
            "đại diện các cơ quan, đơn vị trong tỉnh.\n"
            "\n"
            "Nguyễn Thị Thu Hà\n"
            "Ban Tuyên giáo Tỉnh ủy Hưng Yên\n");
    CHECK(prop(find(byline, "Person", "Nguyễn Thị Thu Hà"), "kind") == "author");
    // In running text "Sáng" still ends a name: "Ảnh: Thu Giang Sáng 28/6 ..."
    CHECK(find(run("Ảnh: Thu Giang Sáng 28/6, đoàn đã làm việc với Tỉnh ủy.\n"), "Person",
               "Thu Giang Sáng") == nullptr);
}

TEST_CASE("a date without a year stays without one when nothing gives the year") {
    Extraction x = run("Ngày 3-7, tại Hà Nội, Ủy ban Kiểm tra Trung ương đã họp kỳ thứ 15 do "
                       "ông Trần Quốc Vượng, Chủ nhiệm Ủy ban Kiểm tra Trung ương chủ trì.\n");
    std::vector<std::string> meetings = names(x, "Meeting");
    REQUIRE(meetings.size() == 1);
    CHECK(meetings.front() == "kỳ họp thứ 15 của Ủy ban Kiểm tra Trung ương");
    CHECK(prop(find(x, "Meeting", meetings.front()), "date") == "--07-03");
    CHECK(x.article.published.empty());
}

TEST_CASE("initials - places and bodies are not persons") {
    Extraction x = run("Ông T.T.L.P cho biết, Bí thư Thành ủy Hà Nội Hoàng Trung Hải và Phó Thủ "
                       "tướng Trương Hòa Bình dự lễ dâng hương tại Hòa Bình.\n");
    std::vector<std::string> people = names(x, "Person");
    CHECK(contains(people, "Hoàng Trung Hải"));
    CHECK(contains(people, "Trương Hòa Bình"));
    CHECK(people.size() == 2);
    CHECK(contains(names(x, "Province"), "Hòa Bình"));
    CHECK(contains(names(x, "Organisation"), "Thành ủy Hà Nội"));
}

TEST_CASE("after July 2025 a merged province is the new unit") {
    Extraction before = run("Tỉnh ủy Hưng Yên họp.\n", "2024-05-01");
    Extraction after = run("Tỉnh ủy Hưng Yên họp.\n", "2025-08-01");
    const Entity* old_unit = find(before, "Province", "Hưng Yên");
    const Entity* new_unit = find(after, "Province", "Hưng Yên");
    REQUIRE(old_unit != nullptr);
    REQUIRE(new_unit != nullptr);
    CHECK(old_unit->scope.empty());
    CHECK(new_unit->scope == "2025");
}

TEST_CASE("every relation names entities of its record and quotes a sentence") {
    Extraction x = run(kSeedLike);
    for (const Relation& r : x.relations) {
        bool from = r.from == "article";
        bool to = r.to == "article";
        for (const Entity& e : x.entities) {
            from = from || e.id == r.from;
            to = to || e.id == r.to;
        }
        CHECK(from);
        CHECK(to);
        CHECK_FALSE(r.sentence.empty());
        CHECK(x.article.text.find(r.sentence) != std::string::npos);
    }
}

TEST_CASE("extraction is the same from several threads at once") {
    std::string expected = to_json_line(run(kSeedLike));
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < got.size(); ++k) {
        threads.emplace_back([&got, k] { got[k] = to_json_line(run(kSeedLike)); });
    }
    for (std::thread& t : threads) {
        t.join();
    }
    for (const std::string& g : got) {
        CHECK(g == expected);
    }
}

TEST_CASE("a user's lexicon folder adds entries - a malformed line names file and line") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "vnkg_lexicon_test";
    fs::create_directories(dir);
    { std::ofstream(dir / "surnames.txt") << "# extra\nXầu\n"; }
    Extractor with_user(dir.string());
    Article a;
    a.id = "t";
    a.text = graph::normalise_text("Đồng chí Bí thư Xầu Văn Páo phát biểu tại hội nghị.\n");
    Extraction x = with_user.run(a);
    CHECK(contains(names(x, "Person"), "Xầu Văn Páo"));
    { std::ofstream(dir / "bodies.tsv") << "# phrase\tclass\nBan Mới\n"; }
    CHECK_THROWS_WITH(Extractor(dir.string()), Catch::Contains("bodies.tsv:2"));
    fs::remove_all(dir);
    CHECK_THROWS_WITH(Extractor("/no/such/folder"), Catch::Contains("/no/such/folder"));
}

TEST_CASE("a line that says when the article was posted dates it - a headline's date does not") {
    Extraction posted = run("# Tỉnh ủy Hưng Yên họp phiên thường kỳ tháng 3\n\n"
                            "Tỉnh ủy Hưng Yên họp.\n\n"
                            "Ngày đăng bài viết gốc: 14:30 | 17/03/2025\n");
    CHECK(posted.article.published == "2025-03-17");
    Extraction timed =
        run("Tỉnh ủy Hưng Yên họp.\n\nNgày giờ đăng bài viết gốc: 19:20 11-04-2025\n");
    CHECK(timed.article.published == "2025-04-11");
    Extraction deadline = run("# Hoàn thiện phương án nhân sự cấp ủy cấp tỉnh trước "
                              "20/6/2025\n\nTỉnh ủy Hưng Yên họp.\n");
    CHECK(deadline.article.published.empty());
}

TEST_CASE("an abbreviation glued to the next word is expanded - a place's chair chairs its "
          "People's Committee") {
    Extraction x = run("Chủ tịch UBND TP.Hà Nội Nguyễn Đức Chung phát biểu. Chủ tịch TP. Hà Nội "
                       "Nguyễn Đức Chung nhấn mạnh việc cải cách.\n");
    std::vector<std::string> got = titles(find(x, "Person", "Nguyễn Đức Chung"));
    CHECK(got == std::vector<std::string>{"Chủ tịch Ủy ban nhân dân thành phố Hà Nội"});
}

TEST_CASE("a title list that runs into a name belongs to that name, not to the one before") {
    Extraction x = run("Từ trái qua: Thủ tướng Nguyễn Xuân Phúc, Tổng Bí thư, Chủ tịch nước Nguyễn "
                       "Phú Trọng tại phiên khai mạc. Dự có Phó Thủ tướng Trương Hòa Bình; Ủy viên "
                       "Trung ương Đảng, Bộ trưởng Bộ Công an Tô Lâm.\n");
    CHECK(titles(find(x, "Person", "Nguyễn Xuân Phúc")) == std::vector<std::string>{"Thủ tướng"});
    std::vector<std::string> trong = titles(find(x, "Person", "Nguyễn Phú Trọng"));
    CHECK(contains(trong, "Tổng Bí thư"));
    CHECK(contains(trong, "Chủ tịch nước"));
    CHECK(titles(find(x, "Person", "Trương Hòa Bình")) ==
          std::vector<std::string>{"Phó Thủ tướng"});
    CHECK(contains(titles(find(x, "Person", "Tô Lâm")), "Ủy viên Trung ương Đảng"));
}

TEST_CASE("the chief of the general staff is a title, and the titles after it are kept") {
    Extraction x = run("Dự hội nghị có Đại tướng Nguyễn Tân Cương, Ủy viên Trung ương Đảng, Tổng "
                       "Tham mưu trưởng QĐND Việt Nam, Thứ trưởng Bộ Quốc phòng.\n");
    std::vector<std::string> got = titles(find(x, "Person", "Nguyễn Tân Cương"));
    CHECK(contains(got, "Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"));
    CHECK(contains(got, "Thứ trưởng Bộ Quốc phòng"));
}

TEST_CASE("several titles before a colon are shared by every name of the list") {
    Extraction x = run("Dự hội nghị có các đồng chí Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc "
                       "phòng: Thượng tướng Võ Minh Lương; Thượng tướng Lê Huy Vịnh; Thượng tướng "
                       "Vũ Hải Sản.\n");
    for (const char* name : {"Võ Minh Lương", "Lê Huy Vịnh", "Vũ Hải Sản"}) {
        std::vector<std::string> got = titles(find(x, "Person", name));
        CHECK(contains(got, "Ủy viên Trung ương Đảng"));
        CHECK(contains(got, "Thứ trưởng Bộ Quốc phòng"));
        CHECK(got.size() == 2);
    }
}
