// Typing and compiling operators: `and`/`or`, arithmetic with its unit
// rules, ranges, comparisons and `in`.
#include "interpreter/check/checker_impl.hpp"

namespace kijun::check {

Checked Checker::binary(const ast::Binary& b, const ast::Expr& e, const Scope& s) {
  using Op = ast::BinaryOp;
  switch (b.op) {
    case Op::and_:
    case Op::or_: {
      auto n = make_node<plan::Logic>(e.span);
      n->is_and = b.op == Op::and_;
      n->lhs = boolean(*b.lhs, s);
      n->rhs = boolean(*b.rhs, s);
      return {Type::boolean(), std::move(n), {}};
    }
    case Op::add:
    case Op::sub:
    case Op::mul:
    case Op::div: return arithmetic(b, e, s);
    case Op::range: {
      Checked lo = value(*b.lhs, s);
      Checked hi = value(*b.rhs, s);
      if (lo.type.is_error() || hi.type.is_error()) return bad();  // already reported
      bool ok = (lo.type.is_number() || lo.type.kind == TypeKind::date) && same_type(lo.type, hi.type);
      if (!ok && !lo.type.is_error() && !hi.type.is_error()) {
        error(e.span, "a range needs two dates or two numbers in the same unit, got " + type_name(lo.type) + " and " +
                          type_name(hi.type));
        return bad();
      }
      auto n = make_node<plan::MakeRange>(e.span);
      n->lo = std::move(lo.node);
      n->hi = std::move(hi.node);
      return {Type::range(lo.type.with_optional(false)), std::move(n), {}};
    }
    default: return comparison(b, e, s);
  }
}

Checked Checker::arithmetic(const ast::Binary& b, const ast::Expr& e, const Scope& s) {
  using Op = ast::BinaryOp;
  Checked l = value(*b.lhs, s);
  Checked r = value(*b.rhs, s);
  if (l.type.is_error() || r.type.is_error()) return bad();
  const char* sym = b.op == Op::add ? "+" : b.op == Op::sub ? "-" : b.op == Op::mul ? "*" : "/";
  for (const Checked* side : {&l, &r})
    if (!side->type.is_number()) {
      error(side == &l ? b.lhs->span : b.rhs->span,
            std::string("'") + sym + "' expects numbers, got " + type_name(side->type));
      return bad();
    }
  if (l.type.optional || r.type.optional)
    error(e.span, "this value may be blank (an absent fact or an empty table cell)",
          "use default(value, 0 …) to say what a blank counts as");
  std::uint32_t lu = l.type.unit, ru = r.type.unit, unit = 0;
  if (b.op == Op::add || b.op == Op::sub) {
    if (lu != ru) {
      std::string verb = b.op == Op::add ? "add " : "subtract ";
      std::string hint = (lu == 0 || ru == 0) ? "write the unit on the number, e.g. 1 " + unit_name(lu ? lu : ru)
                                              : conversion(ru, lu) ? "convert one side first, e.g. (…) as " + unit_name(lu) : std::string();
      error(e.span, "cannot " + verb + unit_name(ru) + (b.op == Op::add ? " to " : " from ") + unit_name(lu), hint);
      return bad();
    }
    unit = lu;
  } else if (b.op == Op::mul) {
    if (lu != 0 && ru != 0) {
      error(e.span, "cannot multiply " + unit_name(lu) + " by " + unit_name(ru),
            "multiply by a plain number: 2 * (…)");
      return bad();
    }
    unit = lu ? lu : ru;
  } else {
    if (ru != 0 && ru != lu) {
      error(e.span, "cannot divide " + unit_name(lu) + " by " + unit_name(ru), "convert with `as` instead");
      return bad();
    }
    unit = ru == lu ? 0 : lu;
  }
  auto n = make_node<plan::ArithOp>(e.span);
  n->op = b.op == Op::add ? plan::Arith::add : b.op == Op::sub ? plan::Arith::sub : b.op == Op::mul ? plan::Arith::mul : plan::Arith::div;
  n->lhs = std::move(l.node);
  n->rhs = std::move(r.node);
  return {Type::number(unit), std::move(n), {}};
}

Checked Checker::comparison(const ast::Binary& b, const ast::Expr& e, const Scope& s) {
  using Op = ast::BinaryOp;
  Checked l = value(*b.lhs, s);
  if (b.op == Op::in || b.op == Op::not_in) {
    Type elem_hint = l.type.with_optional(false);
    Type list_hint = Type::list(elem_hint);
    Checked r = value(*b.rhs, s, &list_hint);
    if (l.type.is_error() || r.type.is_error()) return bad();
    bool ok = (r.type.kind == TypeKind::list && same_type(*r.type.elem, l.type)) ||
              r.type.kind == TypeKind::empty_list ||
              (r.type.kind == TypeKind::range && same_type(*r.type.elem, l.type));
    if (!ok) {
      error(e.span, "cannot look for " + type_name(l.type) + " in " + type_name(r.type));
      return bad();
    }
    auto n = make_node<plan::Member>(e.span);
    n->item = std::move(l.node);
    n->collection = std::move(r.node);
    n->negate = b.op == Op::not_in;
    if (const auto* m = dynamic_cast<const plan::MakeList*>(n->collection.get()); m && m->is_constant)
      n->constant_list = m;
    n->item_element = dynamic_cast<const plan::ElementField*>(n->item.get());
    return {Type::boolean(), std::move(n), {}};
  }
  Type hint = l.type.with_optional(false);
  Checked r = value(*b.rhs, s, &hint);
  if (l.type.is_error() || r.type.is_error()) return bad();
  bool equality = b.op == Op::eq || b.op == Op::ne;
  bool ordered = l.type.is_number() || l.type.kind == TypeKind::date || l.type.kind == TypeKind::string;
  if (!same_type(l.type, r.type) || (!equality && !ordered)) {
    std::string hint_text;
    if (l.type.is_number() && r.type.is_number() && (l.type.unit == 0 || r.type.unit == 0))
      hint_text = "write the unit on the number, e.g. 50 " + unit_name(l.type.unit ? l.type.unit : r.type.unit);
    else if (l.type.is_number() && r.type.is_number() && conversion(r.type.unit, l.type.unit))
      hint_text = "convert one side with `as " + unit_name(l.type.unit) + "`";
    error(e.span, "cannot compare " + type_name(l.type) + " with " + type_name(r.type), hint_text);
    return bad();
  }
  auto n = make_node<plan::Compare>(e.span);
  switch (b.op) {
    case Op::eq: n->op = plan::Cmp::eq; break;
    case Op::ne: n->op = plan::Cmp::ne; break;
    case Op::lt: n->op = plan::Cmp::lt; break;
    case Op::le: n->op = plan::Cmp::le; break;
    case Op::gt: n->op = plan::Cmp::gt; break;
    default: n->op = plan::Cmp::ge; break;
  }
  n->lhs = std::move(l.node);
  n->rhs = std::move(r.node);
  if (const auto* c = dynamic_cast<const plan::Const*>(n->rhs.get())) n->rhs_const = &c->value;
  n->lhs_element = dynamic_cast<const plan::ElementField*>(n->lhs.get());
  return {Type::boolean(), std::move(n), {}};
}

}  // namespace kijun::check
