// Typing and compiling expressions: literals, names, `as`, `if`, records,
// messages and string templates. Operators are in check_operators.cpp,
// `where`, `case` and collections in check_collections.cpp.
#include "interpreter/check/checker_impl.hpp"
#include "stdlib/dates.hpp"

namespace kijun::check {

namespace {
Checked constant(Value v, Type t, Span span) { return {std::move(t), const_node(v, span), {}}; }
}  // namespace

Checked Checker::expr(const ast::Expr& e, const Scope& s, const Type* hint) {
  return std::visit(
      [&](const auto& k) -> Checked {
        using K = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<K, ast::NumberLit>) {
          auto r = rational::parse(k.text);
          if (!r) {
            error(e.span, "'" + k.text + "' is too large or not a number");
            return bad();
          }
          std::uint32_t unit = k.unit ? unit_of(*k.unit, true) : 0;
          if (k.unit && unit == 0) return bad();  // unknown unit: reported once, not as a plain number
          return constant(Value::number(*r), Type::number(unit), e.span);
        } else if constexpr (std::is_same_v<K, ast::DateLit>) {
          auto d = dates::parse(k.text);
          if (!d) {
            error(e.span, "'" + k.text + "' is not a date", "dates are written YYYY-MM-DD and must exist");
            return bad();
          }
          return constant(Value::date_value(*d), Type::date(), e.span);
        } else if constexpr (std::is_same_v<K, ast::BoolLit>) {
          return constant(Value::boolean(k.value), Type::boolean(), e.span);
        } else if constexpr (std::is_same_v<K, ast::StringLit>) {
          return string_lit(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::NameRef>) {
          return name(k, e, s, hint);
        } else if constexpr (std::is_same_v<K, ast::ItRef>) {
          if (s.elements.empty()) {
            error(e.span, "'it' is only meaningful inside `where`", "it stands for the item being tested");
            return bad();
          }
          auto n = make_node<plan::Element>(e.span);
          return {s.elements.back(), std::move(n), {}};
        } else if constexpr (std::is_same_v<K, ast::Member>) {
          return member(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::Call>) {
          return call(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::Unary>) {
          if (k.op == ast::UnaryOp::not_) {
            auto n = make_node<plan::Not>(e.span);
            n->operand = boolean(*k.operand, s);
            return {Type::boolean(), std::move(n), {}};
          }
          Checked v = value(*k.operand, s);
          if (!v.type.is_number() && !v.type.is_error()) {
            error(k.operand->span, "'-' expects a number, got " + type_name(v.type));
            return bad();
          }
          auto n = make_node<plan::Negate>(e.span);
          n->operand = std::move(v.node);
          return {v.type, std::move(n), {}};
        } else if constexpr (std::is_same_v<K, ast::Binary>) {
          return binary(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::As>) {
          Checked v = value(*k.operand, s);
          std::uint32_t to = unit_of(k.unit, true);
          if (v.type.is_error() || to == 0) return bad();
          if (!v.type.is_number()) {
            error(k.operand->span, "only numbers can be converted, got " + type_name(v.type));
            return bad();
          }
          if (v.type.unit == 0) {
            error(k.operand->span, "a plain number has no unit to convert from",
                  "write the number with its unit, e.g. 10 <unit> as " + unit_name(to));
            return bad();
          }
          auto f = conversion(v.type.unit, to);
          if (!f) {
            error(e.span, "no conversion from " + unit_name(v.type.unit) + " to " + unit_name(to) + " is declared",
                  "declare one, e.g.: convert 10 " + unit_name(v.type.unit) + " = 1 " + unit_name(to));
            return bad();
          }
          auto n = make_node<plan::Convert>(e.span);
          n->operand = std::move(v.node);
          n->factor = *f;
          return {Type::number(to), std::move(n), {}};
        } else if constexpr (std::is_same_v<K, ast::Where>) {
          return where(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::If>) {
          auto n = make_node<plan::IfElse>(e.span);
          n->cond = boolean(*k.cond, s);
          Checked a = value(*k.then_branch, s, hint);
          Checked b = value(*k.else_branch, s, a.type.is_error() ? hint : &a.type);
          auto t = unify(a.type, b.type);
          if (!t) {
            error(e.span, "the branches of `if` differ: " + type_name(a.type) + " and " + type_name(b.type));
            return bad();
          }
          n->then_branch = std::move(a.node);
          n->else_branch = std::move(b.node);
          return {*t, std::move(n), {}};
        } else if constexpr (std::is_same_v<K, ast::Case>) {
          return case_of(k, e, s, hint);
        } else if constexpr (std::is_same_v<K, ast::SetLit>) {
          return collection(k.items, e, s, hint, true);
        } else if constexpr (std::is_same_v<K, ast::ListLit>) {
          return collection(k.items, e, s, hint, false);
        } else if constexpr (std::is_same_v<K, ast::RecordLit>) {
          auto n = make_node<plan::MakeMap>(e.span);
          for (const auto& [key, val] : k.fields) {
            for (auto prev : n->keys)
              if (prev == key.text) error(key.span, "'" + key.text + "' appears twice");
            n->keys.push_back(prog_->intern(key.text));
            n->values.push_back(value(*val, s).node);
          }
          return {Type::make(TypeKind::map), std::move(n), {}};
        }
      },
      e.kind);
}

// A value, not a category/part/standard/table: a part stands for its units.
Checked Checker::value(const ast::Expr& e, const Scope& s, const Type* hint) {
  Checked c = expr(e, s, hint);
  switch (c.meta.kind) {
    case Meta::value: return c;
    case Meta::part: {
      ensure_part(c.meta.a, c.meta.b);
      const auto& part = prog_->categories[c.meta.a].parts[c.meta.b];
      Type t = categories_[c.meta.a].part_unit_known[c.meta.b] ? Type::number(part.unit) : Type::error();
      return {t, cell_ref(part.total_cell, e.span), {}};
    }
    case Meta::category:
      error(e.span, "a category is not a number by itself",
            "write " + prog_->categories[c.meta.a].name + ".earned, or .counted inside a standard");
      return bad();
    case Meta::standard:
      error(e.span, "a standard is not a value", "write meets(" + prog_->standards[c.meta.a].name + ") or " +
                                                     prog_->standards[c.meta.a].name + ".total");
      return bad();
    case Meta::table:
      error(e.span, "a table is not a value", "name one of its rows: " + prog_->tables[c.meta.a].name + ".<row>");
      return bad();
  }
  return bad();
}

plan::NodePtr Checker::boolean(const ast::Expr& e, const Scope& s) {
  Checked c = value(e, s);
  if (c.type.kind != TypeKind::boolean && !c.type.is_error())
    error(e.span, "expected a condition (true or false), got " + type_name(c.type));
  return std::move(c.node);
}

plan::NodePtr Checker::credits(const ast::Expr& e, const Scope& s, const char* what) {
  if (!credit_unit_known_) return value(e, s).node;
  return number_in(e, s, prog_->credit_unit, what);
}

plan::NodePtr Checker::number_in(const ast::Expr& e, const Scope& s, std::uint32_t unit, const char* what) {
  Checked c = value(e, s);
  if (c.type.is_error()) return std::move(c.node);
  if (!c.type.is_number() || c.type.unit != unit) {
    std::string hint;
    if (c.type.is_number() && c.type.unit == 0 && unit != 0) hint = "give the number its unit, e.g. 10 " + unit_name(unit);
    else if (c.type.is_number() && unit != 0 && conversion(c.type.unit, unit)) hint = "convert it: (…) as " + unit_name(unit);
    error(e.span, std::string(what) + " must be " + type_name(Type::number(unit)) + ", got " + type_name(c.type), hint);
  }
  return std::move(c.node);
}

plan::Text Checker::text(const ast::Text& t, const Scope& s) {
  plan::Text out;
  auto one = [&](const ast::Expr& e) {
    Checked c = value(e, s);
    if (c.type.kind != TypeKind::string && !c.type.is_error()) error(e.span, "expected a message in quotes");
    return std::move(c.node);
  };
  if (t.ja) out.ja = one(*t.ja);
  if (t.en) out.en = one(*t.en);
  return out;
}

Checked Checker::string_lit(const ast::StringLit& lit, const ast::Expr& e, const Scope& s) {
  auto n = make_node<plan::Template>(e.span);
  std::string pending;
  for (const auto& part : lit.parts) {
    if (auto* str = std::get_if<std::string>(&part)) {
      pending += *str;
      continue;
    }
    const auto& sub = *std::get<ast::ExprPtr>(part);
    Checked c = value(sub, s);
    if (c.type.kind == TypeKind::record) error(sub.span, "a record cannot be shown in a message; name one of its fields");
    n->literals.push_back(prog_->intern(pending));
    pending.clear();
    n->exprs.push_back(std::move(c.node));
  }
  n->literals.push_back(prog_->intern(pending));
  if (n->exprs.empty()) return constant(Value::string(n->literals[0]), Type::string(), e.span);
  return {Type::string(), std::move(n), {}};
}

std::optional<Type> Checker::unify(const Type& a, const Type& b) const {
  if (a.is_error()) return b;
  if (b.is_error()) return a;
  if (a.kind == TypeKind::empty_list && b.kind == TypeKind::empty_list) return a;
  if (a.kind == TypeKind::empty_list && b.kind == TypeKind::list) return b;
  if (b.kind == TypeKind::empty_list && a.kind == TypeKind::list) return a;
  if (!same_type(a, b)) return std::nullopt;
  Type t = a;
  t.optional = a.optional || b.optional;
  if (a.kind == TypeKind::record && a.variant != b.variant) t.variant = -1;
  return t;
}

}  // namespace kijun::check
