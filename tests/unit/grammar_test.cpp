// The parser: grammar soundness, each construct, the jsprs ruleset, syntax
// errors (exact message and line:column) and the nesting limit.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "grammar/analyze.hpp"
#include "grammar/parse.hpp"

namespace {

using namespace kijun;

// A compact rendering of an expression tree, for precedence and shape checks.
std::string show(const ast::Expr& e);
std::string show(const ast::ExprPtr& e) { return e ? show(*e) : "<null>"; }
std::string show_all(const std::vector<ast::ExprPtr>& es) {
  std::string out;
  for (const auto& e : es) out += (out.empty() ? "" : ", ") + show(e);
  return out;
}
const char* op_name(ast::BinaryOp op) {
  static const char* names[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or", ".."};
  return names[static_cast<int>(op)];
}
std::string show(const ast::Expr& e) {
  struct V {
    std::string operator()(const ast::NumberLit& n) { return n.text + (n.unit ? "[" + n.unit->text + "]" : ""); }
    std::string operator()(const ast::DateLit& d) { return "date:" + d.text; }
    std::string operator()(const ast::BoolLit& b) { return b.value ? "true" : "false"; }
    std::string operator()(const ast::StringLit& s) {
      std::string out = "\"";
      for (const auto& p : s.parts)
        out += std::holds_alternative<std::string>(p) ? std::get<std::string>(p) : "{" + show(std::get<ast::ExprPtr>(p)) + "}";
      return out + "\"";
    }
    std::string operator()(const ast::NameRef& n) { return n.name; }
    std::string operator()(const ast::ItRef&) { return "it"; }
    std::string operator()(const ast::Member& m) { return show(m.object) + "." + m.name.text; }
    std::string operator()(const ast::Call& c) { return c.callee.text + "(" + show_all(c.args) + ")"; }
    std::string operator()(const ast::Unary& u) {
      return std::string("(") + (u.op == ast::UnaryOp::neg ? "-" : "not") + " " + show(u.operand) + ")";
    }
    std::string operator()(const ast::Binary& b) {
      return std::string("(") + op_name(b.op) + " " + show(b.lhs) + " " + show(b.rhs) + ")";
    }
    std::string operator()(const ast::As& a) { return "(as " + show(a.operand) + " " + a.unit.text + ")"; }
    std::string operator()(const ast::Where& w) { return "(where " + show(w.list) + " " + show(w.predicate) + ")"; }
    std::string operator()(const ast::If& i) {
      return "(if " + show(i.cond) + " " + show(i.then_branch) + " " + show(i.else_branch) + ")";
    }
    std::string operator()(const ast::Case& c) {
      std::string out = "(case " + show(c.subject);
      for (const auto& arm : c.arms) out += " (" + show_all(arm.values) + " -> " + show(arm.result) + ")";
      return out + " else " + show(c.else_branch) + ")";
    }
    std::string operator()(const ast::SetLit& s) { return "{" + show_all(s.items) + "}"; }
    std::string operator()(const ast::ListLit& l) { return "[" + show_all(l.items) + "]"; }
    std::string operator()(const ast::RecordLit& r) {
      std::string out;
      for (const auto& [name, value] : r.fields) out += (out.empty() ? "" : ", ") + name.text + ": " + show(value);
      return "{" + out + "}";
    }
  };
  return std::visit(V{}, e.kind);
}

struct Parsed {
  std::unique_ptr<SourceFile> file;
  grammar::ParseResult result;
};
Parsed parse(std::string text) {
  auto file = std::make_unique<SourceFile>(0, "test.kijun", std::move(text));
  auto result = grammar::parse(*file);
  return {std::move(file), std::move(result)};
}
// A ruleset of one header line and `decls`; must parse cleanly.
ast::Ruleset ruleset(const std::string& decls) {
  auto p = parse("ruleset t\n" + decls);
  INFO(decls);
  REQUIRE(p.result.diagnostics.empty());
  REQUIRE(p.result.ruleset);
  return std::move(*p.result.ruleset);
}
std::string expr(const std::string& text) {
  SourceFile file(0, "expr", text);
  auto r = grammar::parse_expression(file);
  INFO(text);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.expr);
  return show(r.expr);
}
// "line:column: message" of the first diagnostic.
std::string error_of(const std::string& text, bool expression = false) {
  SourceFile file(0, "test.kijun", text);
  Diagnostics ds;
  bool produced = false;
  if (expression) {
    auto r = grammar::parse_expression(file);
    ds = std::move(r.diagnostics);
    produced = r.expr != nullptr;
  } else {
    auto r = grammar::parse(file);
    ds = std::move(r.diagnostics);
    produced = r.ruleset.has_value();
  }
  if (ds.empty()) return "no diagnostic";
  if (produced) return "a tree despite a diagnostic";
  const auto& d = ds.front();
  if (!d.span || d.severity != Severity::error) return "not an error with a span";
  const auto lc = file.locate(d.span->begin);
  return std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + d.message;
}
std::string error_in(const std::string& decls) { return error_of("ruleset t\n" + decls); }

template <typename D> const D& decl(const ast::Ruleset& rs, const std::string& name) {
  for (const auto& d : rs.decls)
    if (const auto* p = std::get_if<D>(&d))
      if (p->name.text == name) return *p;
  FAIL("no declaration " << name);
  throw;
}
template <typename D> int count(const ast::Ruleset& rs) {
  int n = 0;
  for (const auto& d : rs.decls) n += std::holds_alternative<D>(d);
  return n;
}
std::string slice(const SourceFile& f, Span s) { return f.text().substr(s.begin, s.end - s.begin); }

}  // namespace

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

TEST_CASE("grammar: syntax errors carry our message at the offending token", "[grammar]") {
  CHECK(error_of("rulesett x") == "1:1: expected 'ruleset' and the ruleset's name");
  CHECK(error_in("let a = (1 + )") == "2:14: expected an expression");
  CHECK(error_in("let a 1") == "2:7: expected '='");
  CHECK(error_in("let a = \"abc\nlet b = 1") == "2:13: unterminated string");
  CHECK(error_in("let a = \"a}b\"") == "2:11: unescaped '}' in a string");
  CHECK(error_in("let a = \"a\\qb\"") == "2:11: unknown escape sequence");
  CHECK(error_in("let a = \"x {y\"") == "2:14: expected '}' to end the interpolation");
  CHECK(error_in("let a = 1 < 2 < 3") == "2:15: comparisons do not chain");
  CHECK(error_in("foo") == "2:1: expected a declaration");
  CHECK(error_in("let a = if x then 1\nlet b = 2") == "3:1: expected 'else'");
  CHECK(error_in("let a = f(1, 2\nlet b = 1") == "3:1: expected ',' or ')'");
  CHECK(error_in("let a = case x when 1 then 2\nlet b = 1") == "3:1: expected 'when' or 'else'");
  CHECK(error_in("let a = x.)") == "2:11: expected a field name after '.'");
  CHECK(error_in("let 合計 = 症例 +") == "2:14: expected an expression");
  CHECK(error_in("enum e { a b }") == "2:12: expected ',' or '}'");
  CHECK(error_in("facts { a: }") == "2:12: expected a type");
  CHECK(error_in("record r by k { v { a: integer b } }") == "2:32: expected a field, 'invalid when' or '}'");
  CHECK(error_in("category c {\n  part p { earns 1 }\n}") == "3:12: expected 'from' and the records the part counts");
  CHECK(error_in("category c { counts when x \"r\" }") == "2:28: expected 'else'");
  CHECK(error_in("exemption e { when x }") == "2:22: expected 'waives' and what the exemption waives");
  CHECK(error_in("standard s { total 3 }") == "2:20: expected 'min' after 'total'");
  CHECK(error_in("table t { y: 1 2\n  row: 1 }") == "3:6: expected '('");
  CHECK(error_in("table t { y: 1 2\n  r (units): x }") == "3:14: expected a number or '-'");
  CHECK(error_in("outcome o { }") == "2:13: expected 'when' or 'otherwise'");
  CHECK(error_of("1 2", true) == "1:3: expected an operator or the end of the expression");
}

TEST_CASE("grammar: errors found while building the tree", "[grammar]") {
  CHECK(error_in("unit u \"{x}\"") == "2:10: a label cannot interpolate an expression");
  CHECK(error_in("category c { part p { from xs earns 1 } earns 1 earns 2 }") ==
        "2:49: a category has at most one 'earns'");
}

TEST_CASE("grammar: a byte order mark and CRLF line ends are accepted", "[grammar]") {
  auto p = parse("\xEF\xBB\xBFruleset t\r\nlet a = 1 # c\r\nlet b = \"x\"\r\n");
  REQUIRE(p.result.ruleset);
  CHECK(p.result.ruleset->decls.size() == 2);
  CHECK(p.result.ruleset->comments.at(0).text == " c");
}

TEST_CASE("grammar: a syntax error's span and hint", "[grammar]") {
  auto p = parse("ruleset t\nfoo bar");
  REQUIRE(p.result.diagnostics.size() == 1);
  const auto& d = p.result.diagnostics[0];
  CHECK(slice(*p.file, *d.span) == "foo");
  CHECK(d.hint.find("a declaration starts with") == 0);
  auto eof = parse("ruleset t\nlet a =");
  REQUIRE(eof.result.diagnostics.size() == 1);
  CHECK(eof.result.diagnostics[0].span->begin == eof.file->text().size());
  auto escape = parse("ruleset t\nlet a = \"\\q\"");
  CHECK(slice(*escape.file, *escape.result.diagnostics.at(0).span) == "\\q");
}

TEST_CASE("grammar: nesting is limited, never a stack overflow", "[grammar]") {
  auto nested = [](int depth) { return std::string(depth, '(') + "x" + std::string(depth, ')'); };
  CHECK(expr(nested(64)) == "x");
  CHECK(error_of(nested(65), true) == "1:66: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + nested(10000)) == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + std::string(100000, '(')) == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + std::string(100000, '-') + "1") == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + std::string(100000, '[')) == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  std::string nots;
  for (int i = 0; i < 20000; ++i) nots += "not ";
  CHECK(error_in("let a = " + nots + "x").find("nesting deeper than 64 levels (limit max_nesting_depth)") != std::string::npos);
  std::string strings;
  for (int i = 0; i < 20000; ++i) strings += "\"{";
  CHECK(error_in("let a = " + strings).find("nesting deeper than 64 levels (limit max_nesting_depth)") != std::string::npos);
  // Long flat chains fold into tall trees: refused before they are built.
  std::string sum = "1";
  for (int i = 0; i < 300; ++i) sum += " + 1";
  CHECK_NOTHROW(ruleset("let a = " + sum));
  sum = "1";
  for (int i = 0; i < 100000; ++i) sum += "+1";
  CHECK(error_in("let a = " + sum) == "2:9: expression is too long or too deeply nested");
}
