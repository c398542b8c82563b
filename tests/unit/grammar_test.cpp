// The parser: grammar soundness, expressions (precedence, literals, names),
// spans, and the jsprs ruleset as a whole. Declarations are in
// grammar_decls_test.cpp, syntax errors and limits in grammar_errors_test.cpp.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "grammar/analyze.hpp"
#include "tests/unit/grammar_support.hpp"

using namespace kijun;
using namespace kijun::grammar_testing;

TEST_CASE("grammar: PEGTL analysis finds no problem", "[grammar]") { CHECK(grammar::grammar_is_sound()); }

TEST_CASE("grammar: expression precedence and shapes", "[grammar]") {
  CHECK(expr("1 + 2 * 3 - 4") == "(- (+ 1 (* 2 3)) 4)");
  CHECK(expr("a or b and not c == d + e * -f.g as u") == "(or a (and b (not (== c (+ d (* e (- (as f.g u))))))))");
  CHECK(expr("xs where it.x > 1 and y or z") == "(where xs (or (and (> it.x 1) y) z))");
  CHECK(expr("mandatory where it not in covered") == "(where mandatory (not in it covered))");
  CHECK(expr("date in window") == "(in date window)");
  CHECK(expr("a .. b + 1") == "(.. a (+ b 1))");
  CHECK(expr("1..5") == "(.. 1 5)");
  CHECK(expr("x as units as hours") == "(as (as x units) hours)");
  CHECK(expr("(a + b).c.d") == "(+ a b).c.d");
  CHECK(expr("- - 1") == "(- (- 1))");
  CHECK(expr("not not a") == "(not (not a))");
  CHECK(expr("1 + if a then b else c + 1") == "(+ 1 (if a b (+ c 1)))");
  CHECK(expr("case m when a, b then 3 units when c then 2 units else 1 unit") ==
        "(case m (a, b -> 3[units]) (c -> 2[units]) else 1[unit])");
  CHECK(expr("case a when 1 then case b when 2 then x else y else z") == "(case a (1 -> (case b (2 -> x) else y)) else z)");
}

TEST_CASE("grammar: literals", "[grammar]") {
  CHECK(expr("10 cases") == "10[cases]");
  CHECK(expr("1 case") == "1[case]");  // `case` is a declared unit name
  CHECK(expr("1.5") == "1.5");
  CHECK(expr("2015-04-01") == "date:2015-04-01");
  CHECK(expr("2015 - 04 - 01") == "(- (- 2015 04) 01)");
  CHECK(expr("true and false") == "(and true false)");
  CHECK(expr("{}") == "{}");
  CHECK(expr("{a, b}") == "{a, b}");
  CHECK(expr("{\"operator\", \"instructor\"}") == "{\"operator\", \"instructor\"}");
  CHECK(expr("{name: \"a\", n: 1 + 2}") == "{name: \"a\", n: (+ 1 2)}");
  CHECK(expr("[]") == "[]");
  CHECK(expr("[window_start, window_end]") == "[window_start, window_end]");
  CHECK(expr("\"q\\\"\\\\\\n\\{\\}\"") == "\"q\"\\\n{}\"");
  CHECK(expr("\"\"") == "\"\"");
  CHECK(expr("\"a {if x then \"b\" else \"c\"} d\"") == "\"a {(if x \"b\" \"c\")} d\"");
  CHECK(expr("\"{join(xs, \", \")}件\"") == "\"{join(xs, \", \")}件\"");
}

TEST_CASE("grammar: names and reserved words", "[grammar]") {
  // Top-level keywords are ordinary names in expressions.
  CHECK(expr("category == list and outcome != date") == "(and (== category list) (!= outcome date))");
  CHECK(expr("date(renewal_year - 4, 1, 1)") == "date((- renewal_year 4), 1, 1)");
  CHECK(expr("max(a, b) + min(c, d)") == "(+ max(a, b) min(c, d))");
  CHECK(expr("clinical.min") == "clinical.min");
  CHECK(expr("f()") == "f()");
  // Word boundaries: these are names, not keywords.
  CHECK(expr("order or android") == "(or order android)");
  CHECK(expr("iffy + notable + in_window + items") == "(+ (+ (+ iffy notable) in_window) items)");
  // Reserved words followed by '(' stay keywords.
  CHECK(expr("not (a or b)") == "(not (or a b))");
  CHECK(expr("if (a) then b else c") == "(if a b c)");
  // Japanese identifiers.
  CHECK(expr("症例数 >= 100 症例") == "(>= 症例数 100[症例])");
  // A unit is on the number's line and is not a clause word.
  auto rs = ruleset("let a = 3\nreport b = a\n");
  REQUIRE(rs.decls.size() == 2);
  CHECK(show(std::get<ast::LetDecl>(rs.decls[0]).value) == "3");
  CHECK(error_of("and", true) == "1:1: expected an expression");
  CHECK(error_of("it(1)", true) == "1:3: expected an operator or the end of the expression");
}

TEST_CASE("grammar: spans are byte ranges of the source", "[grammar]") {
  auto p = parse("ruleset t\nlet 合計 = x + 1 # 計\n");
  REQUIRE(p.result.ruleset);
  const auto& rs = *p.result.ruleset;
  const auto& let = std::get<ast::LetDecl>(rs.decls.at(0));
  CHECK(slice(*p.file, let.name.span) == "合計");
  CHECK(slice(*p.file, let.value->span) == "x + 1");
  CHECK(slice(*p.file, let.span) == "let 合計 = x + 1");
  const auto& sum = std::get<ast::Binary>(let.value->kind);
  CHECK(slice(*p.file, sum.rhs->span) == "1");
  CHECK(slice(*p.file, rs.header.name.span) == "t");
  REQUIRE(rs.comments.size() == 1);
  CHECK(rs.comments[0].text == " 計");
  CHECK(slice(*p.file, rs.comments[0].span) == "# 計");
}

TEST_CASE("grammar: rulesets/jsprs parses cleanly", "[grammar]") {
  std::ifstream in(std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs/jsprs.kijun", std::ios::binary);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto p = parse(text.str());
  CHECK(p.result.diagnostics.empty());
  REQUIRE(p.result.ruleset);
  const auto& rs = *p.result.ruleset;

  CHECK(rs.header.name.text == "jsprs");
  CHECK(rs.header.label == "形成外科領域専門医更新基準");
  CHECK(rs.header.version == "2020");
  CHECK(rs.header.source);
  CHECK_FALSE(rs.header.extends);

  CHECK(rs.decls.size() == 47);
  CHECK(count<ast::UnitDecl>(rs) == 6);
  CHECK(count<ast::ConvertDecl>(rs) == 5);
  CHECK(count<ast::EnumDecl>(rs) == 8);
  CHECK(count<ast::FactsDecl>(rs) == 1);
  CHECK(count<ast::RecordDecl>(rs) == 3);
  CHECK(count<ast::LetDecl>(rs) == 8);
  CHECK(count<ast::TableDecl>(rs) == 1);
  CHECK(count<ast::CategoryDecl>(rs) == 4);
  CHECK(count<ast::ExemptionDecl>(rs) == 1);
  CHECK(count<ast::StandardDecl>(rs) == 2);
  CHECK(count<ast::ReportDecl>(rs) == 4);
  CHECK(count<ast::OutcomeDecl>(rs) == 4);

  REQUIRE(rs.comments.size() == 24);
  CHECK(rs.comments[0].text == " 形成外科領域専門医更新基準 — the renewal criteria of the Japan Society of");
  CHECK(p.file->locate(rs.comments.back().span.begin).line == 385);

  const auto& facts = std::get<ast::FactsDecl>(rs.decls.at(19));
  REQUIRE(facts.fields.size() == 9);
  const auto& old_points = facts.fields[5];
  CHECK(old_points.name.text == "old_points");
  CHECK(show(old_points.constraint->bound) == "0[points]");
  CHECK(show(old_points.default_value) == "0[points]");

  const auto& activity = decl<ast::RecordDecl>(rs, "activity");
  CHECK(activity.discriminant->text == "kind");
  REQUIRE(activity.variants.size() == 8);
  const auto& review = activity.variants[3];
  CHECK(review.name.text == "review");
  REQUIRE(review.fields.size() == 1);
  CHECK(review.fields[0].name.text == "approved_journal");
  CHECK(activity.variants[2].fields.size() == 3);
  const auto& school = activity.variants[6];
  CHECK(school.name.text == "school_doctor");
  REQUIRE(school.checks.size() == 1);
  CHECK(show(school.checks[0].cond) == "(< end start)");
  CHECK(show(school.checks[0].message.en) == "\"the end is before the start\"");

  CHECK(show(decl<ast::LetDecl>(rs, "window_start").value) ==
        "(if (<= renewal_year 2019) max(period_start, transition_start) period_start)");
  CHECK(show(decl<ast::LetDecl>(rs, "transition_start").value) == "date:2015-04-01");
  CHECK(show(decl<ast::LetDecl>(rs, "mandatory_missing").value) == "(where mandatory (not in it mandatory_covered))");
  CHECK(show(decl<ast::LetDecl>(rs, "mandatory_covered").value) ==
        "sorted(distinct((where common.lectures.records (and (in topic mandatory) (>= earned 1[unit]))).topic))");

  const auto& clinical = decl<ast::CategoryDecl>(rs, "clinical");
  REQUIRE(clinical.parts.size() == 1);
  const auto& counted = clinical.parts[0];
  CHECK(counted.counts.size() == 3);
  CHECK(show(counted.counts[2].cond) ==
        "(or (== list surgery) (and (and (and (!= diagnosis \"\") (!= treatment \"\")) (!= outcome \"\")) (!= facility \"\")))");
  CHECK(show(counted.counts[2].reason.en) == "\"diagnosis, treatment, outcome or facility missing\"");
  CHECK(show(counted.earns) == "1[case]");

  const auto& academic = decl<ast::CategoryDecl>(rs, "academic");
  CHECK(academic.counts.size() == 1);
  REQUIRE(academic.parts.size() == 8);
  const auto& attendance = academic.parts[0];
  const auto& arms = std::get<ast::Case>(attendance.earns->kind).arms;
  REQUIRE(arms.size() == 2);
  CHECK(arms[0].values.size() == 2);
  CHECK(arms[1].values.size() == 3);
  CHECK(show(attendance.max) == "6[units]");
  CHECK_FALSE(attendance.once_per);
  CHECK(show(academic.parts[4].once_per) == "fiscal_year(date)");
  CHECK(show(academic.parts[7].once_per) == "fiscal_year(date)");

  const auto& table = decl<ast::TableDecl>(rs, "transition_table");
  CHECK(table.cites == "移行措置 必要単位一覧表");
  CHECK(table.key.text == "renewal_year");
  REQUIRE(table.keys.size() == 5);
  CHECK((table.keys.front().value == "2015" && table.keys.back().value == "2019"));
  REQUIRE(table.rows.size() == 13);
  CHECK((table.rows[0].name.text == "cases" && table.rows[0].type.text == "cases"));
  CHECK(table.rows[0].label == "i) 診療実績の証明（症例）");
  const auto& domain_max = table.rows[6];
  CHECK(domain_max.name.text == "domain_max");
  REQUIRE(domain_max.cells.size() == 5);
  CHECK_FALSE(domain_max.cells[0].value);
  CHECK_FALSE(domain_max.cells[1].value);
  CHECK(domain_max.cells[2].value == "13");
  const auto& raised = table.rows[11];
  CHECK((raised.type.text == "integer" && !raised.cells[0].value && raised.cells[1].value == "1" && !raised.cells[4].value));
  CHECK(slice(*p.file, domain_max.cells[0].span) == "-");

  const auto& transition = decl<ast::StandardDecl>(rs, "transition");
  CHECK(show(transition.applies) == "(in renewal_year (.. 2015 2019))");
  REQUIRE(transition.items.size() == 12);
  const auto& clinical_bound = std::get<ast::BoundDecl>(transition.items[2]);
  CHECK((show(clinical_bound.min) == "transition_table.clinical" && show(clinical_bound.max) == "transition_table.clinical"));
  CHECK(show(std::get<ast::LetDecl>(transition.items[9]).value) ==
        "(if (and present(transition_table.raised_at) (>= earned_total transition_table.raised_at)) "
        "transition_table.mandatory_raised transition_table.mandatory)");
  CHECK(show(std::get<ast::ReportDecl>(transition.items[10]).value) == "\"transition_{renewal_year}\"");

  const auto& veteran = decl<ast::ExemptionDecl>(rs, "veteran");
  CHECK(veteran.waives.size() == 2);
  CHECK(show(veteran.lowers_total) == "clinical.min");

  const auto& full = decl<ast::StandardDecl>(rs, "full");
  CHECK(show(full.applies) == "(>= renewal_year 2019)");
  REQUIRE(full.items.size() == 11);
  const auto& practice = std::get<ast::RequireDecl>(full.items[1]);
  const auto& parts = std::get<ast::StringLit>(practice.message.ja->kind).parts;
  REQUIRE(parts.size() == 5);
  CHECK(std::get<std::string>(parts[0]) == "② 診療実績: 様式3 ");
  CHECK(show(std::get<ast::ExprPtr>(parts[1])) == "(if clinical_record \"提出\" \"未提出\")");
  CHECK(std::get<std::string>(parts[2]) == "、症例 ");
  CHECK(show(std::get<ast::ExprPtr>(parts[3])) == "clinical.cases_counted");
  CHECK(std::get<std::string>(parts[4]) == "/100");
  CHECK(practice.message.en);
  const auto& total = std::get<ast::TotalDecl>(full.items[7]);
  CHECK(show(total.message->ja) == "\"③ 新基準合計 {total}単位：必要{required_total}単位（あと{(- required_total total)}単位）\"");

  CHECK(show(decl<ast::ReportDecl>(rs, "window").value) == "[window_start, window_end]");
  CHECK(decl<ast::OutcomeDecl>(rs, "board").whens.size() == 2);
  CHECK(show(decl<ast::OutcomeDecl>(rs, "review").whens.at(0).cond) ==
        "(and applies(transition) (<= (as (- 150[points] old_points) years) (as transition.total years)))");
  CHECK(decl<ast::OutcomeDecl>(rs, "not_eligible").otherwise);
}
