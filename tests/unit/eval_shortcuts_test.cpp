// What the evaluator skips on the plain path must not change what it
// computes: a part's counted records are built only when the ruleset reads
// them, lists of constants are built once, and check_facts walks only lists
// whose records have `invalid when` checks (path rendered only on failure).
#include <catch2/catch.hpp>

#include "interpreter/compile/nodes.hpp"
#include "tests/unit/jsprs_support.hpp"

using kijun::testing::applicant;
using kijun::testing::evaluate;
using kijun::testing::jsprs;

TEST_CASE("only parts whose records are read build them", "[eval][shortcuts]") {
  const kijun::Program& p = jsprs().program();
  std::size_t read = 0, parts = 0;
  for (const auto& c : p.categories)
    for (const auto& part : c.parts) {
      ++parts;
      if (part.records_read) {
        ++read;
        CHECK(c.name + "." + part.name == "common.lectures");  // mandatory_covered reads these
      }
    }
  CHECK(read == 1);
  CHECK(parts > 5);
}

TEST_CASE("records read by the ruleset are still there: mandatory topics", "[eval][shortcuts]") {
  auto course = [](const char* topic) {
    return std::string(R"({"date": "2020-06-01", "category": "common", "topic": ")") + topic +
           R"(", "host": "jsprs", "minutes": 60, "role": "attendee"})";
  };
  auto with = kijun::testing::evaluate(
      jsprs(), applicant(R"("courses": [)" + course("safety") + "," + course("infection") + "," +
                         course("ethics") + "]"));
  REQUIRE(with.ok);
  auto without = evaluate(jsprs(), applicant(R"("courses": [)" + course("safety") + "]"));
  REQUIRE(without.ok);
  auto unmet = [](const kijun::Verdict& v, const std::string& rule) {
    for (const auto& u : v.unmet)
      if (u.rule == rule) return true;
    return false;
  };
  CHECK_FALSE(unmet(with.verdict, "common_mandatory"));
  CHECK(unmet(without.verdict, "common_mandatory"));
}

TEST_CASE("an invalid record deep in a list is reported at its path", "[eval][shortcuts]") {
  std::string activities = R"("activities": [)";
  for (int i = 0; i < 4; ++i) activities += R"({"kind": "exam_duty", "date": "2021-05-01"},)";
  activities += R"({"kind": "school_doctor", "date": "2021-05-01", "start": "2021-05-01", "end": "2020-05-01"}])";
  const kijun::Program& p = jsprs().program();
  kijun::facts::FactsReader reader(p.schema);
  kijun::Evaluator evaluator(p, kijun::Lang::en);
  kijun::Arena arena;
  // Twice on the same evaluator (its Frame and path are reused), with a
  // valid applicant between: the same single diagnostic each time.
  for (const std::string& json : {applicant(activities), applicant(R"("activities": [])"), applicant(activities)}) {
    arena.reset();
    kijun::Value facts;
    kijun::Diagnostics diags;
    kijun::Verdict v;
    REQUIRE(reader.read(json, arena, facts, diags, "t"));
    bool ok = evaluator.evaluate(facts, arena, v, diags, "t");
    if (json == applicant(R"("activities": [])")) {
      CHECK(ok);
      CHECK(diags.empty());
      continue;
    }
    CHECK_FALSE(ok);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].json_path == "$.activities[4]");
    CHECK(diags[0].message == "the end is before the start");
  }
}
