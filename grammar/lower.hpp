// Lowering: the parse tree of grammar.hpp to the ast::Ruleset. Included only
// by parse.cpp, the one translation unit that sees PEGTL; headers of their own
// only to keep each file readable. This one declares the Lowerer; its members
// are defined, all inline, in lower_expr.hpp (expressions and strings) and
// lower_decls.hpp (the header and every declaration), which parse.cpp
// includes too.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/grammar.hpp"
#include "interpreter/ast/ast.hpp"
#include "interpreter/diag/diagnostic.hpp"

namespace kijun::grammar::lowering {

namespace r = rules;
using Node = tao::pegtl::parse_tree::node;

template <typename R> bool is(const Node& n) { return n.is_type<R>(); }

class Lowerer {
 public:
  Lowerer(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  ast::Ruleset ruleset(const Node& root);
  ast::ExprPtr expression(const Node& root) { return checked_height(root) ? expr(*root.children.at(0)) : nullptr; }

 private:
  Span span(const Node& n) const {
    return {file_.id(), static_cast<std::uint32_t>(n.m_begin.byte), static_cast<std::uint32_t>(n.m_end.byte)};
  }
  Span span(Span a, Span b) const { return {file_.id(), a.begin, b.end}; }
  ast::Ident ident(const Node& n) const { return {n.string(), span(n)}; }
  void error(Span s, std::string message, std::string hint = {}) {
    Diagnostic d;
    d.span = s;
    d.message = std::move(message);
    d.hint = std::move(hint);
    diags_.push_back(std::move(d));
  }
  bool checked_height(const Node& n);

  ast::ExprPtr make(Span s, auto kind) {
    auto e = std::make_unique<ast::Expr>();
    e->span = s;
    e->kind = std::move(kind);
    return e;
  }
  ast::StringLit string_parts(const Node& n);
  std::string plain(const Node& string_node);
  ast::Text text(const Node& n);
  ast::ExprPtr expr(const Node& n);
  ast::ExprPtr binary_chain(const Node& n);
  const Node& only(const Node& n) const { return *n.children.at(0); }

  // name, "label" and cites, shared by most declarations.
  template <typename D> bool head(D& d, const Node& c) {
    if constexpr (requires { d.name; }) {
      if (is<r::ident>(c)) return d.name = ident(c), true;
      if (is<r::string_lit>(c)) return d.label = plain(c), true;
    }
    if constexpr (requires { d.cites; }) {
      if (is<r::cites>(c)) return d.cites = plain(only(c)), true;
    }
    return false;
  }

  ast::Header header(const Node& n);
  ast::Decl decl(const Node& n);
  ast::UnitDecl unit(const Node& n);
  ast::ConvertDecl convert(const Node& n);
  ast::EnumDecl enumeration(const Node& n);
  ast::FieldDecl field(const Node& n);
  ast::InvalidWhen invalid(const Node& n);
  template <typename D> void fields(D& d, const Node& n);
  ast::RecordDecl record(const Node& n);
  ast::LetDecl let(const Node& n) { return {ident(*n.children.at(0)), expr(*n.children.at(1)), span(n)}; }
  ast::ReportDecl report(const Node& n) { return {ident(*n.children.at(0)), expr(*n.children.at(1)), span(n)}; }
  ast::TableCell cell(const Node& n) const;
  ast::TableDecl table(const Node& n);
  ast::CountsWhen counts(const Node& n) { return {expr(*n.children.at(0)), text(*n.children.at(1)), span(n)}; }
  ast::PartDecl part(const Node& n);
  ast::CategoryDecl category(const Node& n);
  ast::ExemptionDecl exemption(const Node& n);
  ast::StandardItem standard_item(const Node& n);
  ast::StandardDecl standard(const Node& n);
  ast::OutcomeDecl outcome(const Node& n);

  const SourceFile& file_;
  Diagnostics& diags_;
};

}  // namespace kijun::grammar::lowering
