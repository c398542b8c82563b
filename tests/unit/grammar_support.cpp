#include "tests/unit/grammar_support.hpp"

#include <utility>

namespace kijun::grammar_testing {

namespace {

const char* op_name(ast::BinaryOp op) {
  static const char* names[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or", ".."};
  return names[static_cast<int>(op)];
}

}  // namespace

std::string show(const ast::ExprPtr& e) { return e ? show(*e) : "<null>"; }
std::string show_all(const std::vector<ast::ExprPtr>& es) {
  std::string out;
  for (const auto& e : es) out += (out.empty() ? "" : ", ") + show(e);
  return out;
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

Parsed parse(std::string text) {
  auto file = std::make_unique<SourceFile>(0, "test.kijun", std::move(text));
  auto result = grammar::parse(*file);
  return {std::move(file), std::move(result)};
}
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
std::string error_of(const std::string& text, bool expression) {
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
std::string slice(const SourceFile& f, Span s) { return f.text().substr(s.begin, s.end - s.begin); }

}  // namespace kijun::grammar_testing
