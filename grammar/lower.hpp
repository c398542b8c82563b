// Lowering: the parse tree of grammar.hpp to the ast::Ruleset. Included only
// by parse.cpp, the one translation unit that sees PEGTL; a header of its own
// only to keep each file readable.
#pragma once

#include <algorithm>
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

// An upper bound of the height of the AST built from `n`: chains such as
// a + b + … fold into left-deep trees as tall as they are long.
inline constexpr int max_expression_height = 512;
inline bool is_chain(const Node& n) {
  return is<r::postfix_expr>(n) || is<r::as_expr>(n) || is<r::mul_expr>(n) || is<r::add_expr>(n) ||
         is<r::range_expr>(n) || is<r::compare_expr>(n) || is<r::and_expr>(n) || is<r::or_expr>(n) ||
         is<r::where_expr>(n);
}
inline int height_bound(const Node& n) {
  int h = 0;
  for (const auto& c : n.children) h = std::max(h, height_bound(*c));
  if (!is_chain(n)) return h + 1;
  // Operands alternate with operator nodes except in and/or/../where/as/'.'.
  const bool implied = is<r::and_expr>(n) || is<r::or_expr>(n) || is<r::range_expr>(n) ||
                       is<r::where_expr>(n) || is<r::as_expr>(n) || is<r::postfix_expr>(n);
  const auto links = implied ? n.children.size() - 1 : (n.children.size() - 1) / 2;
  return h + static_cast<int>(links);
}

// ------------------------------------------------------------------ lowering

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

inline bool Lowerer::checked_height(const Node& n) {
  if (height_bound(n) <= max_expression_height) return true;
  const Node* tall = &n;  // descend to the smallest node still too tall
  for (bool found = true; found;) {
    found = false;
    for (const auto& c : tall->children)
      if (height_bound(*c) > max_expression_height) {
        tall = c.get();
        found = true;
        break;
      }
  }
  error(span(*tall), "expression is too long or too deeply nested", "name parts of it with 'let'");
  return false;
}

inline ast::StringLit Lowerer::string_parts(const Node& n) {
  ast::StringLit s;
  std::string literal;
  bool pending = false;
  for (const auto& c : n.children) {
    if (is<r::str_plain>(*c)) {
      literal += c->string_view();
      pending = true;
    } else if (is<r::str_escape>(*c)) {
      const char e = c->string_view().at(1);
      literal += e == 'n' ? '\n' : e;
      pending = true;
    } else {
      if (pending) s.parts.emplace_back(std::exchange(literal, {}));
      pending = false;
      s.parts.emplace_back(expr(*c));
    }
  }
  if (pending) s.parts.emplace_back(std::move(literal));
  return s;
}

// Labels, cites and header strings are plain text.
inline std::string Lowerer::plain(const Node& string_node) {
  auto s = string_parts(string_node);
  std::string out;
  for (auto& part : s.parts) {
    if (auto* piece = std::get_if<std::string>(&part)) {
      out += *piece;
    } else {
      error(std::get<ast::ExprPtr>(part)->span, "a label cannot interpolate an expression",
            "write \\{ for a literal '{'");
    }
  }
  return out;
}

inline ast::Text Lowerer::text(const Node& n) {
  ast::Text t;
  t.span = span(n);
  const auto& ja = only(n);
  t.ja = make(span(ja), string_parts(ja));
  if (n.children.size() > 1) {
    const auto& en = only(*n.children[1]);
    t.en = make(span(en), string_parts(en));
  }
  return t;
}

inline ast::ExprPtr Lowerer::binary_chain(const Node& n) {
  const auto& cs = n.children;
  if (is<r::where_expr>(n)) return make(span(n), ast::Where{expr(*cs.at(0)), expr(*cs.at(1))});
  if (is<r::as_expr>(n) || is<r::postfix_expr>(n)) {
    auto e = expr(*cs.at(0));
    for (std::size_t i = 1; i < cs.size(); ++i) {
      auto s = Span{file_.id(), span(n).begin, span(*cs[i]).end};
      if (is<r::as_expr>(n))
        e = make(s, ast::As{std::move(e), ident(*cs[i])});
      else
        e = make(s, ast::Member{std::move(e), ident(*cs[i])});
    }
    return e;
  }
  // Operands alternate with operator nodes, except for and/or/.. whose
  // operator is implied by the node.
  const bool implied = is<r::and_expr>(n) || is<r::or_expr>(n) || is<r::range_expr>(n);
  const auto implied_op = is<r::and_expr>(n) ? ast::BinaryOp::and_
                          : is<r::or_expr>(n) ? ast::BinaryOp::or_
                                              : ast::BinaryOp::range;
  auto e = expr(*cs.at(0));
  for (std::size_t i = 1; i < cs.size(); ++i) {
    auto op = implied_op;
    if (!implied) {
      const auto& o = *cs[i++];
      op = is<r::op_add>(o) ? ast::BinaryOp::add
           : is<r::op_sub>(o) ? ast::BinaryOp::sub
           : is<r::op_mul>(o) ? ast::BinaryOp::mul
           : is<r::op_div>(o) ? ast::BinaryOp::div
           : is<r::op_eq>(o)  ? ast::BinaryOp::eq
           : is<r::op_ne>(o)  ? ast::BinaryOp::ne
           : is<r::op_lt>(o)  ? ast::BinaryOp::lt
           : is<r::op_le>(o)  ? ast::BinaryOp::le
           : is<r::op_gt>(o)  ? ast::BinaryOp::gt
           : is<r::op_ge>(o)  ? ast::BinaryOp::ge
           : is<r::op_in>(o)  ? ast::BinaryOp::in
                              : ast::BinaryOp::not_in;
    }
    auto rhs = expr(*cs.at(i));
    auto s = span(e->span, rhs->span);
    e = make(s, ast::Binary{op, std::move(e), std::move(rhs)});
  }
  return e;
}

inline ast::ExprPtr Lowerer::expr(const Node& n) {
  const auto s = span(n);
  const auto& cs = n.children;
  if (is<r::number_lit>(n)) {
    ast::NumberLit lit{std::string(only(n).string_view()), std::nullopt};
    if (cs.size() > 1) lit.unit = ident(*cs[1]);
    return make(s, std::move(lit));
  }
  if (is<r::date_lit>(n)) return make(s, ast::DateLit{n.string()});
  if (is<r::string_lit>(n)) return make(s, string_parts(n));
  if (is<r::true_lit>(n)) return make(s, ast::BoolLit{true});
  if (is<r::false_lit>(n)) return make(s, ast::BoolLit{false});
  if (is<r::it_ref>(n)) return make(s, ast::ItRef{});
  if (is<r::name_ref>(n)) return make(s, ast::NameRef{n.string()});
  if (is<r::call>(n)) {
    ast::Call call{ident(only(n)), {}};
    for (std::size_t i = 1; i < cs.size(); ++i) call.args.push_back(expr(*cs[i]));
    return make(s, std::move(call));
  }
  if (is<r::if_expr>(n)) return make(s, ast::If{expr(*cs.at(0)), expr(*cs.at(1)), expr(*cs.at(2))});
  if (is<r::case_expr>(n)) {
    ast::Case c{expr(only(n)), {}, nullptr};
    for (std::size_t i = 1; i < cs.size(); ++i) {
      const auto& arm = *cs[i];
      if (is<r::case_else>(arm)) {
        c.else_branch = expr(only(arm));
        continue;
      }
      ast::CaseArm a;
      a.span = span(arm);
      for (std::size_t j = 0; j + 1 < arm.children.size(); ++j) a.values.push_back(expr(*arm.children[j]));
      a.result = expr(*arm.children.back());
      c.arms.push_back(std::move(a));
    }
    return make(s, std::move(c));
  }
  if (is<r::set_lit>(n) || is<r::list_lit>(n)) {
    std::vector<ast::ExprPtr> items;
    for (const auto& c : cs) items.push_back(expr(*c));
    if (is<r::set_lit>(n)) return make(s, ast::SetLit{std::move(items)});
    return make(s, ast::ListLit{std::move(items)});
  }
  if (is<r::record_lit>(n)) {
    ast::RecordLit rec;
    for (const auto& f : cs) rec.fields.emplace_back(ident(only(*f)), expr(*f->children.at(1)));
    return make(s, std::move(rec));
  }
  if (is<r::neg>(n)) return make(s, ast::Unary{ast::UnaryOp::neg, expr(only(n))});
  if (is<r::not_expr>(n)) return make(s, ast::Unary{ast::UnaryOp::not_, expr(only(n))});
  return binary_chain(n);
}

// -------------------------------------------------------------- declarations

inline ast::Header Lowerer::header(const Node& n) {
  ast::Header h;
  h.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::ident>(*c)) h.name = ident(*c);
    else if (is<r::string_lit>(*c)) h.label = plain(*c);
    else if (is<r::header_version>(*c)) h.version = plain(only(*c));
    else if (is<r::header_source>(*c)) h.source = plain(only(*c));
    else if (is<r::header_extends>(*c)) {
      h.extends = plain(only(*c));
      h.extends_span = span(only(*c));
    }
  }
  return h;
}

inline ast::UnitDecl Lowerer::unit(const Node& n) {
  ast::UnitDecl u;
  u.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::unit_singular>(*c)) u.singular = ident(only(*c));
    else head(u, *c);
  }
  return u;
}

inline ast::ConvertDecl Lowerer::convert(const Node& n) {
  const auto& cs = n.children;
  ast::ConvertDecl d{cs.at(0)->string(), ident(*cs.at(1)), cs.at(2)->string(), ident(*cs.at(3)), std::nullopt, span(n)};
  if (cs.size() > 4) d.cites = plain(only(*cs[4]));
  return d;
}

inline ast::EnumDecl Lowerer::enumeration(const Node& n) {
  ast::EnumDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::enum_member>(*c)) {
      ast::EnumMember m{ident(only(*c)), std::nullopt};
      if (c->children.size() > 1) m.label = plain(*c->children[1]);
      d.members.push_back(std::move(m));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::FieldDecl Lowerer::field(const Node& n) {
  ast::FieldDecl f;
  f.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::ident>(*c)) {
      f.name = ident(*c);
    } else if (is<r::list_type>(*c) || is<r::named_type>(*c)) {
      f.type.span = span(*c);
      f.type.is_list = is<r::list_type>(*c);
      f.type.name = ident(only(*c));
      f.type.optional = c->children.size() > 1;
    } else if (is<r::constraint>(*c)) {
      auto op = is<r::op_ge>(only(*c)) ? ast::ConstraintOp::ge : ast::ConstraintOp::gt;
      f.constraint = ast::Constraint{op, expr(*c->children.at(1)), span(*c)};
    } else if (is<r::field_default>(*c)) {
      f.default_value = expr(only(*c));
    } else if (is<r::string_lit>(*c)) {
      f.label = plain(*c);
    }
  }
  return f;
}

inline ast::InvalidWhen Lowerer::invalid(const Node& n) {
  return {expr(*n.children.at(0)), text(*n.children.at(1)), span(n)};
}

template <typename D> void Lowerer::fields(D& d, const Node& c) {
  if (is<r::field>(c)) d.fields.push_back(field(c));
  else if (is<r::invalid_when>(c)) d.checks.push_back(invalid(c));
  else head(d, c);
}

inline ast::RecordDecl Lowerer::record(const Node& n) {
  ast::RecordDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::record_by>(*c)) {
      d.discriminant = ident(only(*c));
    } else if (is<r::variant>(*c)) {
      ast::VariantDecl v;
      v.span = span(*c);
      for (const auto& vc : c->children) fields(v, *vc);
      d.variants.push_back(std::move(v));
    } else {
      fields(d, *c);
    }
  }
  return d;
}

inline ast::TableCell Lowerer::cell(const Node& n) const {
  if (is<r::blank_cell>(n)) return {std::nullopt, span(n)};
  return {n.string(), span(n)};
}

inline ast::TableDecl Lowerer::table(const Node& n) {
  ast::TableDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::table_keyrow>(*c)) {
      d.key = ident(only(*c));
      for (std::size_t i = 1; i < c->children.size(); ++i) d.keys.push_back(cell(*c->children[i]));
    } else if (is<r::table_edit>(*c)) {
      const auto& ec = c->children;
      d.edits.push_back({ident(*ec.at(0)), cell(*ec.at(1)), cell(*ec.at(2)), span(*c)});
    } else if (is<r::table_row>(*c)) {
      const auto& rc = c->children;
      ast::TableRow row{ident(*rc.at(0)), ident(*rc.at(1)), std::nullopt, {}, span(*c)};
      for (std::size_t i = 2; i < rc.size(); ++i) {
        if (is<r::string_lit>(*rc[i])) row.label = plain(*rc[i]);
        else row.cells.push_back(cell(*rc[i]));
      }
      d.rows.push_back(std::move(row));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::PartDecl Lowerer::part(const Node& n) {
  ast::PartDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::part_from>(*c)) d.from = expr(only(*c));
    else if (is<r::counts_when>(*c)) d.counts.push_back(counts(*c));
    else if (is<r::part_earns>(*c)) d.earns = expr(only(*c));
    else if (is<r::part_once_per>(*c)) d.once_per = expr(only(*c));
    else if (is<r::part_max>(*c)) d.max = expr(only(*c));
    else head(d, *c);
  }
  return d;
}

inline ast::CategoryDecl Lowerer::category(const Node& n) {
  ast::CategoryDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::counts_when>(*c)) {
      d.counts.push_back(counts(*c));
    } else if (is<r::remove_item>(*c)) {
      d.removes.push_back(ident(only(*c)));
    } else if (is<r::part_decl>(*c)) {
      d.parts.push_back(part(*c));
    } else if (is<r::category_earns>(*c)) {
      if (d.earns) error(span(*c), "a category has at most one 'earns'", "combine the amounts in one expression");
      d.earns = expr(only(*c));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::ExemptionDecl Lowerer::exemption(const Node& n) {
  ast::ExemptionDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::exemption_when>(*c)) {
      d.when = expr(only(*c));
    } else if (is<r::exemption_waives>(*c)) {
      for (const auto& w : c->children) d.waives.push_back(ident(*w));
    } else if (is<r::exemption_lowers>(*c)) {
      d.lowers_total = expr(only(*c));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::StandardItem Lowerer::standard_item(const Node& n) {
  const auto& cs = n.children;
  if (is<r::let_decl>(n)) return let(n);
  if (is<r::report_decl>(n)) return report(n);
  if (is<r::total_decl>(n)) {
    ast::TotalDecl t{expr(*cs.at(0)), std::nullopt, span(n)};
    if (cs.size() > 1) t.message = text(*cs[1]);
    return t;
  }
  if (is<r::require_decl>(n)) {
    ast::RequireDecl q;
    q.span = span(n);
    // name, "label"?, cites?, (when …)?, then the condition and the message.
    for (std::size_t i = 0; i + 2 < cs.size(); ++i) {
      if (is<r::require_when>(*cs[i])) q.when = expr(only(*cs[i]));
      else head(q, *cs[i]);
    }
    q.cond = expr(*cs.at(cs.size() - 2));
    q.message = text(*cs.back());
    return q;
  }
  ast::BoundDecl b;
  b.span = span(n);
  for (const auto& c : cs) {
    if (is<r::ident>(*c)) b.category = ident(*c);
    else if (is<r::bound_min>(*c)) b.min = expr(only(*c));
    else if (is<r::bound_max>(*c)) b.max = expr(only(*c));
    else if (is<r::text>(*c)) b.message = text(*c);
  }
  return b;
}

inline ast::StandardDecl Lowerer::standard(const Node& n) {
  ast::StandardDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::standard_applies>(*c)) d.applies = expr(only(*c));
    else if (is<r::remove_item>(*c)) d.removes.push_back(ident(only(*c)));
    else if (!head(d, *c)) d.items.push_back(standard_item(*c));
  }
  return d;
}

inline ast::OutcomeDecl Lowerer::outcome(const Node& n) {
  ast::OutcomeDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::otherwise>(*c)) {
      d.otherwise = span(*c);
    } else if (is<r::outcome_when>(*c)) {
      ast::OutcomeWhen w{expr(only(*c)), std::nullopt, span(*c)};
      if (c->children.size() > 1) w.reporting = ident(only(*c->children[1]));
      d.whens.push_back(std::move(w));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::Decl Lowerer::decl(const Node& n) {
  if (is<r::override_decl>(n)) {
    ast::Decl d = decl(only(n));
    // The declaration's span starts at `override`, where messages about the
    // override point.
    std::visit(
        [&](auto& x) {
          if constexpr (requires { x.is_override; }) {
            x.is_override = true;
            x.span = span(n);
          }
        },
        d);
    return d;
  }
  if (is<r::remove_decl>(n)) {
    const auto& rc = n.children;
    return ast::RemoveDecl{{rc.at(0)->string(), span(*rc.at(0))}, ident(*rc.at(1)), span(n)};
  }
  if (is<r::table_override>(n)) return table(n);
  if (is<r::category_override>(n)) return category(n);
  if (is<r::standard_override>(n)) return standard(n);
  if (is<r::unit_decl>(n)) return unit(n);
  if (is<r::convert_decl>(n)) return convert(n);
  if (is<r::enum_decl>(n)) return enumeration(n);
  if (is<r::facts_decl>(n)) {
    ast::FactsDecl d;
    d.span = span(n);
    for (const auto& c : n.children) fields(d, *c);
    return d;
  }
  if (is<r::record_decl>(n)) return record(n);
  if (is<r::let_decl>(n)) return let(n);
  if (is<r::table_decl>(n)) return table(n);
  if (is<r::category_decl>(n)) return category(n);
  if (is<r::exemption_decl>(n)) return exemption(n);
  if (is<r::standard_decl>(n)) return standard(n);
  if (is<r::outcome_decl>(n)) return outcome(n);
  return report(n);
}

inline ast::Ruleset Lowerer::ruleset(const Node& root) {
  ast::Ruleset rs;
  rs.header = header(*root.children.at(0));
  for (std::size_t i = 1; i < root.children.size(); ++i)
    if (checked_height(*root.children[i])) rs.decls.push_back(decl(*root.children[i]));
  return rs;
}

}  // namespace kijun::grammar::lowering
