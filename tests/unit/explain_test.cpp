// Explanations of the contract examples: every record of the facts is
// accounted for (counted, or not counted with a reason), every unmet
// requirement appears with its shortfall, and the text in both languages is
// pinned by golden files (tests/golden/explain/NAME.LANG.txt; regenerate
// with KIJUN_UPDATE_GOLDEN=1 and review the diff).
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
namespace fs = std::filesystem;

namespace {

Explanation explain(const std::string& facts_json, Lang lang) {
  const auto& rs = testing::jsprs();
  facts::FactsReader reader(rs.program().schema);
  Evaluator ev(rs.program(), lang);
  Arena arena;
  Value facts;
  Diagnostics diags;
  Explanation e;
  bool ok = reader.read(facts_json, arena, facts, diags, "t") && ev.explain(facts, arena, e, diags, "t");
  INFO(render_all(diags, rs.sources));
  REQUIRE(ok);
  return e;
}

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(KIJUN_SHARED_DIR) / "contract" / "examples")) {
    std::string n = entry.path().filename().string();
    if (entry.path().extension() == ".json" && n.find(".verdict.") == std::string::npos)
      names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string example(const std::string& name) {
  return testing::read_text((fs::path(KIJUN_SHARED_DIR) / "contract" / "examples" / (name + ".json")).string());
}

}  // namespace

TEST_CASE("an explanation accounts for every record of the facts", "[explain][jsprs]") {
  for (const auto& name : example_names()) {
    INFO(name);
    std::string facts = example(name);
    Explanation e = explain(facts, Lang::ja);
    std::multiset<std::string> traced;
    for (const auto& c : e.categories)
      for (const auto& p : c.parts)
        for (const auto& r : p.records) {
          traced.insert(r.path);
          if (!r.counted) CHECK_FALSE(r.reason_ja.empty());
        }
    for (const auto& r : e.unconsidered) traced.insert(r.path);
    simdjson::dom::parser parser;
    simdjson::dom::element doc = parser.parse(facts);
    std::size_t records = 0;
    for (const char* list : {"cases", "courses", "activities"}) {
      simdjson::dom::array a;
      if (doc[list].get(a) != simdjson::SUCCESS) continue;
      for (std::size_t i = 0; i < a.size(); ++i) {
        std::string path = std::string("$.") + list + "[" + std::to_string(i) + "]";
        CHECK(traced.count(path) == 1);
        ++records;
      }
    }
    CHECK(traced.size() == records);
  }
}

TEST_CASE("an explanation shows every unmet requirement with its shortfall and clause", "[explain][jsprs]") {
  Explanation e = explain(example("society-2018"), Lang::en);
  std::set<std::string> unmet;
  for (const auto& r : e.requirements)
    if (r.status == RequirementStatus::unmet) {
      unmet.insert(r.name);
      CHECK_FALSE(r.cites.empty());
      REQUIRE(r.shortfall);
    }
  CHECK(unmet == std::set<std::string>{"domain_min", "total_min"});
  for (const auto& r : e.requirements) {
    if (r.name == "domain_min") CHECK(rational::to_string(*r.shortfall) == "4");
    if (r.name == "total_min") CHECK(rational::to_string(*r.shortfall) == "10");
  }
  // Why not board: the year's column misses two requirements; full does not apply.
  REQUIRE(e.outcomes.size() == 2);
  CHECK(e.outcomes[0].name == "board");
  CHECK(e.outcomes[0].clauses[0].unmet == std::vector<std::string>{"domain_min", "total_min"});
  CHECK_FALSE(e.outcomes[0].clauses[1].standard_applies);
  CHECK(e.outcomes[1].chosen);
}

TEST_CASE("a record that does not count says why, in the committee's words", "[explain][jsprs]") {
  Explanation e = explain(example("board-2021"), Lang::ja);
  bool found = false;
  for (const auto& c : e.categories)
    for (const auto& p : c.parts)
      for (const auto& r : p.records)
        if (r.path == "$.courses[14]") {  // 企業主催セミナー（承認なし）
          found = true;
          CHECK_FALSE(r.counted);
          CHECK(r.reason_ja == "営利団体が主催するセミナーは算定しない");
          CHECK(r.reason_en == "commercial seminars never count");
        }
  CHECK(found);
}

TEST_CASE("explanations of the contract examples, in Japanese and English", "[explain][jsprs][golden]") {
  bool update = std::getenv("KIJUN_UPDATE_GOLDEN") != nullptr;
  for (const auto& name : example_names())
    for (Lang lang : {Lang::ja, Lang::en}) {
      std::string file = std::string(KIJUN_SOURCE_DIR) + "/tests/golden/explain/" + name + (lang == Lang::ja ? ".ja" : ".en") + ".txt";
      std::string actual = explanation_text(explain(example(name), lang), lang);
      if (update) std::ofstream(file, std::ios::binary) << actual;
      INFO(file);
      CHECK(actual == testing::read_text(file));
    }
}

TEST_CASE("the unit summary sheet in Markdown and HTML", "[explain][sheet][golden]") {
  bool update = std::getenv("KIJUN_UPDATE_GOLDEN") != nullptr;
  Explanation e = explain(example("society-2018"), Lang::ja);
  std::string md = summary_sheet_markdown(e, Lang::ja);
  std::string file = std::string(KIJUN_SOURCE_DIR) + "/tests/golden/explain/society-2018.sheet.md";
  if (update) std::ofstream(file, std::ios::binary) << md;
  CHECK(md == testing::read_text(file));
  std::string html = summary_sheet_html(e, Lang::ja);
  // Self-contained: no scripts, no links to fetch.
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<td class=\"n\" id=\"total\">20</td>") != std::string::npos);
}
