// The checker and evaluator on small rulesets written inline: units, names,
// cycles, bounds, variants, tables, and evaluation edge cases.
#include <catch2/catch.hpp>

#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/facts_reader.hpp"

using namespace kijun;

namespace {

// A small board: hours of training in one category, a table by year.
const char* base = R"(
ruleset t "test board"
unit units (unit) "単位"
unit hours (hour) "時間"
unit minutes (minute) "分"
unit points (point) "点"
convert 60 minutes = 1 hours
convert 1 hours = 1 units
enum level { basic "基礎", advanced "応用" }
facts {
  id: string
  year: integer
  old: points = 0 points
  items: list of item = []
}
record item by kind {
  date: date
  minutes: minutes > 0 minutes
  talk "講演" { level: level }
  course "講習" { }
}
table caps "上限" { year: 2020 2021 2022
  cap (units): 3 - 5
  floor_ (units): 1 1 1
}
category training "研修" {
  part talks "講演" {
    from items where kind == talk
    counts when level == advanced else "基礎は算定しない" en "basic talks do not count"
    earns floor(minutes as units)
    max 4 units
  }
  part courses "講習" {
    from items where kind == course
    earns floor(minutes as hours) as units once per fiscal_year(date)
  }
}
standard main "main" {
  applies when year >= 2020
  training min caps.floor_ max caps.cap
  total min 2 units
}
outcome pass "合格" { when meets(main) }
outcome fail "不合格" { otherwise }
)";

struct Checked {
  SourceMap sources;
  driver::LoadResult result;
  std::string text;
};

std::unique_ptr<Checked> check_source(const std::string& src) {
  auto c = std::make_unique<Checked>();
  c->result = driver::load_ruleset_text("t.kijun", src, c->sources);
  c->text = render_all(c->result.diagnostics, c->sources);
  return c;
}

// The base ruleset with one line replaced, or with extra text appended.
std::string edit(const std::string& from, const std::string& to) {
  std::string s = base;
  auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

std::string eval(const Checked& c, const std::string& json, bool* ok = nullptr) {
  const Program& p = *c.result.ruleset->program;
  facts::FactsReader reader(p.schema);
  Evaluator ev(p, Lang::en);
  Arena arena;
  Value facts;
  Diagnostics diags;
  Verdict v;
  bool good = reader.read(json, arena, facts, diags, "t.json") && ev.evaluate(facts, arena, v, diags, "t.json");
  if (ok) *ok = good;
  return good ? verdict_json(v, Lang::en) : render_all(diags, c.sources);
}

}  // namespace

TEST_CASE("the base test ruleset checks clean", "[check]") {
  auto c = check_source(base);
  INFO(c->text);
  REQUIRE(c->result.ruleset);
  CHECK(c->text.empty());
}

TEST_CASE("conversions compose along declared lines and stay exact", "[check][eval][units]") {
  auto c = check_source(base);
  REQUIRE(c->result.ruleset);
  std::string out = eval(*c, R"({"id": "a", "year": 2020, "items": [
      {"date": "2020-05-01", "kind": "talk", "level": "advanced", "minutes": 150},
      {"date": "2020-05-01", "kind": "talk", "level": "basic", "minutes": 600}]})");
  CHECK(out.find(R"("training":{"earned":2,"counted":2,"min":1,"max":3})") != std::string::npos);
}

TEST_CASE("units: points cannot be added to units", "[check][units]") {
  auto c = check_source(std::string(base) + "report bad = old + 1 unit\n");
  CHECK_FALSE(c->result.ruleset);
  CHECK(c->text.find("error: cannot add units to points") != std::string::npos);
}

TEST_CASE("units: a quantity compared with a plain number asks for the unit", "[check][units]") {
  auto c = check_source(std::string(base) + "report bad = main.total >= 50\n");
  CHECK(c->text.find("error: cannot compare a number of units with a plain number") != std::string::npos);
  CHECK(c->text.find("hint: write the unit on the number, e.g. 50 units") != std::string::npos);
}

TEST_CASE("units: `as` needs a declared conversion", "[check][units]") {
  auto c = check_source(std::string(base) + "report bad = old as units\n");
  CHECK(c->text.find("error: no conversion from points to units is declared") != std::string::npos);
}

TEST_CASE("a let that uses itself through another is a cycle", "[check]") {
  auto c = check_source(std::string(base) + "let a = b + 1 unit\nlet b = a\nreport x = a\n");
  CHECK_FALSE(c->result.ruleset);
  CHECK(c->text.find("depends on itself") != std::string::npos);
}

TEST_CASE("a minimum above the maximum is refused, also per table column", "[check][bounds]") {
  auto c = check_source(edit("training min caps.floor_ max caps.cap", "training min 4 units max 3 units"));
  CHECK(c->text.find("the minimum of training (4) is above its maximum (3)") != std::string::npos);
  auto t = check_source(edit("floor_ (units): 1 1 1", "floor_ (units): 1 4 6"));
  CHECK(t->text.find("in table caps, column 2022, the minimum of training (6) is above its maximum (5)") !=
        std::string::npos);
  CHECK(t->text.find("column 2021") == std::string::npos);  // blank maximum: no limit
}

TEST_CASE("unused lets and tables are warnings, not errors", "[check]") {
  auto c = check_source(std::string(base) + "let spare = 3 units\n");
  REQUIRE(c->result.ruleset);
  CHECK(c->text.find("warning: 'spare' is defined but never used") != std::string::npos);
}

TEST_CASE("a variant's field needs the variant selected first", "[check][variants]") {
  auto c = check_source(edit("from items where kind == talk", "from items"));
  CHECK(c->text.find("'level' belongs only to item records of kind talk") != std::string::npos);
  CHECK(c->text.find("hint: select them first: where kind == talk") != std::string::npos);
}

TEST_CASE("unknown names suggest the closest one", "[check]") {
  auto c = check_source(edit("training min caps.floor_", "trainin min caps.floor_"));
  CHECK(c->text.find("error: unknown category 'trainin'") != std::string::npos);
  CHECK(c->text.find("hint: did you mean 'training'?") != std::string::npos);
}

TEST_CASE("the checker reports every error in one run", "[check]") {
  auto c = check_source(std::string(base) + "report a = old + 1 unit\nreport b = nosuch\nreport c = floor(\"x\")\n");
  std::size_t errors = 0;
  for (const auto& d : c->result.diagnostics) errors += d.severity == Severity::error;
  CHECK(errors == 3);
}

TEST_CASE("once per: only the first record of each key earns", "[eval]") {
  auto c = check_source(base);
  REQUIRE(c->result.ruleset);
  std::string out = eval(*c, R"({"id": "a", "year": 2022, "items": [
      {"date": "2020-04-01", "kind": "course", "minutes": 120},
      {"date": "2021-03-31", "kind": "course", "minutes": 180},
      {"date": "2021-04-01", "kind": "course", "minutes": 60}]})");
  CHECK(out.find(R"("training":{"earned":3,)") != std::string::npos);
}

TEST_CASE("a blank table cell is no limit; a year outside the table is an error, not a verdict", "[eval][tables]") {
  auto c = check_source(base);
  REQUIRE(c->result.ruleset);
  std::string items = R"("items": [{"date": "2020-05-01", "kind": "talk", "level": "advanced", "minutes": 600}])";
  std::string out = eval(*c, R"({"id": "a", "year": 2021, )" + items + "}");
  CHECK(out.find(R"("training":{"earned":4,"counted":4,"min":1})") != std::string::npos);
  bool ok = true;
  std::string err = eval(*c, R"({"id": "b", "year": 2023, )" + items + "}", &ok);
  CHECK_FALSE(ok);
  CHECK(err.find("applicant 'b': year 2023 is not a column of table caps (2020–2022)") != std::string::npos);
  std::string none = eval(*c, R"({"id": "c", "year": 2019})", &ok);
  CHECK_FALSE(ok);
  CHECK(none.find("no standard of this ruleset applies to this applicant") != std::string::npos);
  CHECK(none.find("main: applies when year >= 2020") != std::string::npos);
}

TEST_CASE("arithmetic overflow is a diagnostic for the applicant, never a crash", "[eval]") {
  auto c = check_source(std::string(base) + "report big = old * 9223372036854775807 * 9223372036854775807\n");
  REQUIRE(c->result.ruleset);
  bool ok = true;
  std::string err = eval(*c, R"({"id": "o", "year": 2020, "old": 5})", &ok);
  CHECK_FALSE(ok);
  CHECK(err.find("arithmetic overflow") != std::string::npos);
}

TEST_CASE("a standard's report may not reuse a top-level report's name", "[check]") {
  auto c = check_source(edit("  total min 2 units\n}", "  total min 2 units\n  report level = 1\n}") + "report level = 2\n");
  CHECK_FALSE(c->result.ruleset);
  CHECK(c->text.find("error: report 'level' is also a top-level report") != std::string::npos);
  CHECK(c->text.find("note: the top-level report is here") != std::string::npos);
}
