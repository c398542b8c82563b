// Lowering of expressions and strings (the Lowerer is declared in
// lower.hpp): operator chains folded left-deep, string templates split into
// literal and interpolated parts, and the height bound that refuses an
// expression too tall for the recursive stages after the parser.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "grammar/lower.hpp"

namespace kijun::grammar::lowering {

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

}  // namespace kijun::grammar::lowering
