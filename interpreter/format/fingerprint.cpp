// ast_fingerprint: the tree as an S-expression, every node kind and every
// field except spans and comments. Two rulesets with the same fingerprint
// have the same meaning; kijun fmt writes a file only when the formatted text
// parses back to the fingerprint it started from.
#include <cstdio>
#include <type_traits>

#include "interpreter/format/format.hpp"

namespace kijun::format {
namespace {

class Writer {
 public:
  std::string out;

  void str(std::string_view s) {
    out += " \"";
    for (char c : s) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
        out += buf;
      } else {
        out += c;
      }
    }
    out += '"';
  }
  void opt(const std::optional<std::string>& s) { s ? str(*s) : word("-"); }
  void word(std::string_view w) { (out += ' ') += w; }
  void id(const ast::Ident& i) { str(i.text); }
  void opt(const std::optional<ast::Ident>& i) { i ? id(*i) : word("-"); }
  void open(std::string_view tag) { (out += " (") += tag; }
  void close() { out += ')'; }

  void expr(const ast::ExprPtr& e) { e ? expr(*e) : word("nil"); }
  void exprs(const std::vector<ast::ExprPtr>& es) {
    for (const auto& e : es) expr(e);
  }
  void expr(const ast::Expr& e) {
    std::visit([&](const auto& x) { node(x); }, e.kind);
  }
  void node(const ast::NumberLit& x) { open("num"), str(x.text), opt(x.unit), close(); }
  void node(const ast::DateLit& x) { open("date"), str(x.text), close(); }
  void node(const ast::BoolLit& x) { open("bool"), word(x.value ? "true" : "false"), close(); }
  void node(const ast::StringLit& x) {
    open("str");
    for (const auto& p : x.parts) {
      if (const auto* s = std::get_if<std::string>(&p)) str(*s);
      else open("interp"), expr(std::get<ast::ExprPtr>(p)), close();
    }
    close();
  }
  void node(const ast::NameRef& x) { open("name"), str(x.name), close(); }
  void node(const ast::ItRef&) { open("it"), close(); }
  void node(const ast::Member& x) { open("member"), expr(x.object), id(x.name), close(); }
  void node(const ast::Call& x) { open("call"), id(x.callee), exprs(x.args), close(); }
  void node(const ast::Unary& x) { open(x.op == ast::UnaryOp::neg ? "neg" : "not"), expr(x.operand), close(); }
  void node(const ast::Binary& x) {
    open("bin"), word(std::to_string(static_cast<int>(x.op))), expr(x.lhs), expr(x.rhs), close();
  }
  void node(const ast::As& x) { open("as"), expr(x.operand), id(x.unit), close(); }
  void node(const ast::Where& x) { open("where"), expr(x.list), expr(x.predicate), close(); }
  void node(const ast::If& x) { open("if"), expr(x.cond), expr(x.then_branch), expr(x.else_branch), close(); }
  void node(const ast::Case& x) {
    open("case"), expr(x.subject);
    for (const auto& arm : x.arms) open("arm"), open("values"), exprs(arm.values), close(), expr(arm.result), close();
    expr(x.else_branch), close();
  }
  void node(const ast::SetLit& x) { open("set"), exprs(x.items), close(); }
  void node(const ast::ListLit& x) { open("list"), exprs(x.items), close(); }
  void node(const ast::RecordLit& x) {
    open("record");
    for (const auto& [name, value] : x.fields) open("field"), id(name), expr(value), close();
    close();
  }

  void text(const ast::Text& t) { open("text"), expr(t.ja), expr(t.en), close(); }
  void text(const std::optional<ast::Text>& t) { t ? text(*t) : word("-"); }

  // name, label and cites, as most declarations have them, and a draft's
  // `override` and removed items.
  template <typename D> void head(const char* tag, const D& d) {
    open(tag);
    if constexpr (requires { d.is_override; }) word(d.is_override ? "override" : "new");
    if constexpr (requires { d.name; }) id(d.name);
    if constexpr (requires { d.label; }) opt(d.label);
    if constexpr (requires { d.cites; }) opt(d.cites);
    if constexpr (requires { d.removes; }) {
      open("removes");
      for (const auto& r : d.removes) id(r);
      close();
    }
  }

  void field(const ast::FieldDecl& f) {
    open("field"), id(f.name), word(f.type.is_list ? "list" : "one"), id(f.type.name), word(f.type.optional ? "?" : "!");
    if (f.constraint) open(f.constraint->op == ast::ConstraintOp::gt ? ">" : ">="), expr(f.constraint->bound), close();
    else word("-");
    expr(f.default_value), opt(f.label), close();
  }
  void checks(const std::vector<ast::InvalidWhen>& cs) {
    for (const auto& c : cs) open("invalid"), expr(c.cond), text(c.message), close();
  }
  template <typename D> void fields(const D& d) {
    for (const auto& f : d.fields) field(f);
    checks(d.checks);
  }
  void cell(const ast::TableCell& c) { opt(c.value); }
  void counts(const ast::CountsWhen& c) { open("counts"), expr(c.cond), text(c.reason), close(); }

  void decl(const ast::Decl& d) {
    std::visit([&](const auto& x) { node(x); }, d);
  }
  void node(const ast::UnitDecl& x) { head("unit", x), opt(x.singular), close(); }
  void node(const ast::ConvertDecl& x) {
    open("convert"), str(x.from_amount), id(x.from_unit), str(x.to_amount), id(x.to_unit), opt(x.cites), close();
  }
  void node(const ast::EnumDecl& x) {
    head("enum", x);
    for (const auto& m : x.members) open("member"), id(m.name), opt(m.label), close();
    close();
  }
  void node(const ast::FactsDecl& x) { open("facts"), fields(x), close(); }
  void node(const ast::RecordDecl& x) {
    head("record", x), opt(x.discriminant), fields(x);
    for (const auto& v : x.variants) head("variant", v), fields(v), close();
    close();
  }
  void node(const ast::LetDecl& x) { head("let", x), expr(x.value), close(); }
  void node(const ast::ReportDecl& x) { head("report", x), expr(x.value), close(); }
  void node(const ast::TableDecl& x) {
    head("table", x), id(x.key);
    open("keys");
    for (const auto& k : x.keys) cell(k);
    close();
    for (const auto& r : x.rows) {
      open("row"), id(r.name), id(r.type), opt(r.label);
      for (const auto& c : r.cells) cell(c);
      close();
    }
    for (const auto& e : x.edits) open("edit"), id(e.row), cell(e.key), cell(e.value), close();
    close();
  }
  void node(const ast::PartDecl& x) {
    head("part", x), expr(x.from);
    for (const auto& c : x.counts) counts(c);
    expr(x.earns), expr(x.once_per), expr(x.max), close();
  }
  void node(const ast::CategoryDecl& x) {
    head("category", x);
    for (const auto& c : x.counts) counts(c);
    for (const auto& p : x.parts) node(p);
    expr(x.earns), close();
  }
  void node(const ast::ExemptionDecl& x) {
    head("exemption", x), expr(x.when);
    for (const auto& w : x.waives) id(w);
    expr(x.lowers_total), close();
  }
  void node(const ast::BoundDecl& x) { open("bound"), id(x.category), expr(x.min), expr(x.max), text(x.message), close(); }
  void node(const ast::TotalDecl& x) { open("total"), expr(x.min), text(x.message), close(); }
  void node(const ast::RequireDecl& x) { head("require", x), expr(x.when), expr(x.cond), text(x.message), close(); }
  void node(const ast::StandardDecl& x) {
    head("standard", x), expr(x.applies);
    for (const auto& item : x.items) std::visit([&](const auto& i) { node(i); }, item);
    close();
  }
  void node(const ast::OutcomeDecl& x) {
    head("outcome", x), word(x.otherwise ? "otherwise" : "when");
    for (const auto& w : x.whens) open("when"), expr(w.cond), opt(w.reporting), close();
    close();
  }
  void node(const ast::RemoveDecl& x) { open("remove"), id(x.kind), id(x.name), close(); }
};

}  // namespace

std::string ast_fingerprint(const ast::Ruleset& rs) {
  Writer w;
  const auto& h = rs.header;
  w.open("ruleset"), w.id(h.name), w.opt(h.label), w.opt(h.version), w.opt(h.source), w.opt(h.extends), w.close();
  for (const auto& d : rs.decls) w.out += '\n', w.decl(d);
  return w.out;
}

}  // namespace kijun::format
