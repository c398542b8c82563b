// The parser: each kind of declaration lowered to its AST node.
#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "tests/unit/grammar_support.hpp"

using namespace kijun;
using namespace kijun::grammar_testing;

TEST_CASE("grammar: declarations", "[grammar]") {
  auto rs = ruleset(R"K(
unit cases (case) "症例"
unit units
convert 10 cases = 1 units cites "③ i)"
enum host "主催" { jsprs "学会", facility, }
facts {
  n: integer >= 0 = 0 "回数"
  t: topic?
  xs: list of course = []
  invalid when n > 3 "多すぎ" en "too many"
}
record activity "活動" by kind {
  date: date
  paper "論文" { peer: boolean = false }
  review { }
  invalid when date > today "未来"
}
table transition "移行" cites "移行措置" {
  renewal_year: 2015 2016 2017
  old_needed (points) "旧基準": 100 - 50
  new_needed (units): - 10 20.5
}
exemption e { when a >= 3 waives x, y lowers total by x.min }
outcome pass "合格" { when meets(full) reporting full when other }
outcome fail { otherwise }
)K");
  REQUIRE(rs.decls.size() == 10);
  const auto& unit = std::get<ast::UnitDecl>(rs.decls[0]);
  CHECK(unit.name.text == "cases");
  CHECK(unit.singular->text == "case");
  CHECK(unit.label == "症例");
  CHECK_FALSE(std::get<ast::UnitDecl>(rs.decls[1]).singular);
  const auto& conv = std::get<ast::ConvertDecl>(rs.decls[2]);
  CHECK((conv.from_amount == "10" && conv.from_unit.text == "cases" && conv.to_amount == "1" && conv.to_unit.text == "units"));
  CHECK(conv.cites == "③ i)");
  const auto& host = decl<ast::EnumDecl>(rs, "host");
  REQUIRE(host.members.size() == 2);
  CHECK(host.members[0].label == "学会");
  CHECK_FALSE(host.members[1].label);

  const auto& facts = std::get<ast::FactsDecl>(rs.decls[4]);
  REQUIRE(facts.fields.size() == 3);
  CHECK(facts.fields[0].constraint->op == ast::ConstraintOp::ge);
  CHECK(show(facts.fields[0].constraint->bound) == "0");
  CHECK(show(facts.fields[0].default_value) == "0");
  CHECK(facts.fields[0].label == "回数");
  CHECK((facts.fields[1].type.name.text == "topic" && facts.fields[1].type.optional && !facts.fields[1].type.is_list));
  CHECK((facts.fields[2].type.name.text == "course" && facts.fields[2].type.is_list));
  REQUIRE(facts.checks.size() == 1);
  CHECK(show(facts.checks[0].message.ja) == "\"多すぎ\"");
  CHECK(show(facts.checks[0].message.en) == "\"too many\"");

  const auto& activity = decl<ast::RecordDecl>(rs, "activity");
  CHECK(activity.discriminant->text == "kind");
  CHECK(activity.fields.size() == 1);
  REQUIRE(activity.variants.size() == 2);
  CHECK((activity.variants[0].name.text == "paper" && activity.variants[0].label == "論文"));
  CHECK(activity.variants[0].fields.size() == 1);
  CHECK(activity.variants[1].fields.empty());
  CHECK(activity.checks.size() == 1);
  CHECK_FALSE(activity.checks[0].message.en);

  const auto& table = decl<ast::TableDecl>(rs, "transition");
  CHECK((table.label == "移行" && table.cites == "移行措置"));
  CHECK(table.key.text == "renewal_year");
  REQUIRE(table.keys.size() == 3);
  CHECK(table.keys[2].value == "2017");
  REQUIRE(table.rows.size() == 2);
  CHECK((table.rows[0].name.text == "old_needed" && table.rows[0].type.text == "points" && table.rows[0].label == "旧基準"));
  REQUIRE(table.rows[0].cells.size() == 3);
  CHECK(table.rows[0].cells[0].value == "100");
  CHECK_FALSE(table.rows[0].cells[1].value);
  CHECK(table.rows[0].cells[2].value == "50");
  REQUIRE(table.rows[1].cells.size() == 3);
  CHECK_FALSE(table.rows[1].cells[0].value);
  CHECK(table.rows[1].cells[2].value == "20.5");
  CHECK_FALSE(table.rows[1].label);

  const auto& ex = decl<ast::ExemptionDecl>(rs, "e");
  CHECK(show(ex.when) == "(>= a 3)");
  REQUIRE(ex.waives.size() == 2);
  CHECK(ex.waives[1].text == "y");
  CHECK(show(ex.lowers_total) == "x.min");

  const auto& pass = decl<ast::OutcomeDecl>(rs, "pass");
  REQUIRE(pass.whens.size() == 2);
  CHECK(show(pass.whens[0].cond) == "meets(full)");
  CHECK(pass.whens[0].reporting->text == "full");
  CHECK_FALSE(pass.whens[1].reporting);
  CHECK_FALSE(pass.otherwise);
  CHECK(decl<ast::OutcomeDecl>(rs, "fail").otherwise);
}

TEST_CASE("grammar: categories and standards", "[grammar]") {
  auto rs = ruleset(R"K(
category c "区分" cites "③" {
  counts when ok else "理由"
  part p { from xs where kind == k  earns 1 unit once per fiscal_year(date)  max 2 units }
  earns floor(p as units)
}
standard s {
  applies when year >= 2019
  total min 50 units else "足りない" en "short"
  c min 10 units max 10 units else "c"
  d max 5 units
  require r "要件" cites "①" when year > 2020: ok else "未提出"
  require q: ok else "x"
  let n = 3
  report path = "full"
}
)K");
  const auto& c = decl<ast::CategoryDecl>(rs, "c");
  CHECK((c.label == "区分" && c.cites == "③"));
  REQUIRE(c.counts.size() == 1);
  CHECK(show(c.counts[0].reason.ja) == "\"理由\"");
  REQUIRE(c.parts.size() == 1);
  CHECK(show(c.parts[0].from) == "(where xs (== kind k))");
  CHECK(c.parts[0].counts.empty());
  CHECK(show(c.parts[0].earns) == "1[unit]");
  CHECK(show(c.parts[0].once_per) == "fiscal_year(date)");
  CHECK(show(c.parts[0].max) == "2[units]");
  CHECK(show(c.earns) == "floor((as p units))");

  const auto& s = decl<ast::StandardDecl>(rs, "s");
  CHECK(show(s.applies) == "(>= year 2019)");
  REQUIRE(s.items.size() == 7);
  const auto& total = std::get<ast::TotalDecl>(s.items[0]);
  CHECK(show(total.min) == "50[units]");
  CHECK(show(total.message->en) == "\"short\"");
  const auto& bound = std::get<ast::BoundDecl>(s.items[1]);
  CHECK((bound.category.text == "c" && show(bound.min) == "10[units]" && show(bound.max) == "10[units]"));
  CHECK(bound.message);
  const auto& cap = std::get<ast::BoundDecl>(s.items[2]);
  CHECK((!cap.min && show(cap.max) == "5[units]" && !cap.message));
  const auto& req = std::get<ast::RequireDecl>(s.items[3]);
  CHECK((req.name.text == "r" && req.label == "要件" && req.cites == "①"));
  CHECK(show(req.when) == "(> year 2020)");
  CHECK(show(req.cond) == "ok");
  CHECK(show(req.message.ja) == "\"未提出\"");
  const auto& plain = std::get<ast::RequireDecl>(s.items[4]);
  CHECK((!plain.when && !plain.label && show(plain.cond) == "ok"));
  CHECK(std::holds_alternative<ast::LetDecl>(s.items[5]));
  CHECK(std::get<ast::ReportDecl>(s.items[6]).name.text == "path");
}
