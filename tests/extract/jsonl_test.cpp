#include "extract/jsonl.hpp"

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <cmath>
#include <limits>
#include <string>

using vnkg::extract::Entity;
using vnkg::extract::Extraction;
using vnkg::extract::Relation;
using vnkg::extract::to_json_line;

namespace {

Extraction sample() {
    Extraction x;
    x.article.id = "seeds/001_86aed937a0335254.txt";
    x.article.source = "../shared/seeds/001_86aed937a0335254.txt";
    x.article.title = "Hưng Yên: Tăng cường tuyên truyền";
    x.article.published = "2023-10-03";
    x.province = "Hưng Yên";
    Entity person;
    person.id = "e1";
    person.type = "Person";
    person.name = "Đào Hồng Vận";
    person.props["titles"] = std::vector<std::string>{"Ủy viên Thường vụ", "Trưởng ban Tuyên giáo Tỉnh ủy"};
    person.props["kind"] = std::string("official");
    person.sentences = {"Ngày 3/10, ..."};
    Entity meeting;
    meeting.id = "e2";
    meeting.type = "Meeting";
    meeting.name = "Hội nghị triển khai nhiệm vụ công tác tuyên giáo quý IV/2023";
    meeting.props["date"] = std::string("2023-10-03");
    meeting.props["delegates"] = std::int64_t{120};
    meeting.props["score"] = 0.5;
    meeting.props["online"] = false;
    meeting.props["unknown"] = std::monostate{};
    meeting.props["bad"] = std::numeric_limits<double>::quiet_NaN();
    Entity directive;
    directive.id = "e3";
    directive.type = "Directive";
    directive.name = "Nghị quyết số 39-NQ/TU";
    directive.scope = "Hưng Yên";
    x.entities = {person, meeting, directive};
    Relation attended;
    attended.type = "ATTENDED";
    attended.from = "e1";
    attended.to = "e2";
    attended.props["role"] = std::string("chair");
    attended.sentence = "Ngày 3/10, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức \"Hội nghị\"\nkhác.";
    x.relations = {attended};
    return x;
}

} // namespace

TEST_CASE("an extraction is one line of JSON in the spec's shape", "[jsonl]") {
    std::string line = to_json_line(sample());
    CHECK(line.find('\n') == std::string::npos);
    // UTF-8 is written as it is, not as \u escapes.
    CHECK(line.find("Đào Hồng Vận") != std::string::npos);

    rapidjson::Document doc;
    doc.Parse(line.c_str());
    REQUIRE_FALSE(doc.HasParseError());
    REQUIRE(doc.IsObject());
    CHECK(doc.MemberCount() == 3);

    const auto& article = doc["article"];
    CHECK(std::string(article["id"].GetString()) == "seeds/001_86aed937a0335254.txt");
    CHECK(std::string(article["source"].GetString()) == "../shared/seeds/001_86aed937a0335254.txt");
    CHECK(std::string(article["title"].GetString()) == "Hưng Yên: Tăng cường tuyên truyền");
    CHECK(std::string(article["published"].GetString()) == "2023-10-03");
    CHECK(std::string(article["province"].GetString()) == "Hưng Yên");

    const auto& entities = doc["entities"];
    REQUIRE(entities.Size() == 3);
    const auto& e1 = entities[0];
    CHECK(std::string(e1["id"].GetString()) == "e1");
    CHECK(std::string(e1["type"].GetString()) == "Person");
    CHECK(std::string(e1["name"].GetString()) == "Đào Hồng Vận");
    CHECK_FALSE(e1.HasMember("scope"));
    REQUIRE(e1["props"]["titles"].IsArray());
    CHECK(e1["props"]["titles"].Size() == 2);
    CHECK(std::string(e1["props"]["titles"][1].GetString()) == "Trưởng ban Tuyên giáo Tỉnh ủy");
    CHECK(std::string(e1["props"]["kind"].GetString()) == "official");

    const auto& props = entities[1]["props"];
    CHECK(props["delegates"].IsInt64());
    CHECK(props["delegates"].GetInt64() == 120);
    CHECK(props["score"].IsDouble());
    CHECK(props["score"].GetDouble() == 0.5);
    CHECK(props["online"].IsFalse());
    CHECK(props["unknown"].IsNull());
    CHECK(props["bad"].IsNull());
    CHECK(std::string(entities[2]["scope"].GetString()) == "Hưng Yên");
    CHECK(entities[2]["props"].IsObject());
    CHECK(entities[2]["props"].MemberCount() == 0);

    const auto& relations = doc["relations"];
    REQUIRE(relations.Size() == 1);
    const auto& r = relations[0];
    CHECK(std::string(r["type"].GetString()) == "ATTENDED");
    CHECK(std::string(r["from"].GetString()) == "e1");
    CHECK(std::string(r["to"].GetString()) == "e2");
    CHECK(std::string(r["props"]["role"].GetString()) == "chair");
    CHECK(std::string(r["evidence"]["sentence"].GetString()) ==
          "Ngày 3/10, Ban Tuyên giáo Tỉnh ủy Hưng Yên tổ chức \"Hội nghị\"\nkhác.");
}

TEST_CASE("unknown article metadata is null, empty lists stay lists", "[jsonl]") {
    Extraction x;
    x.article.id = "a";
    x.article.source = "a.txt";
    std::string line = to_json_line(x);
    CHECK(line == R"({"article":{"id":"a","source":"a.txt","title":null,"published":null,)"
                  R"("province":null},"entities":[],"relations":[]})");
}
