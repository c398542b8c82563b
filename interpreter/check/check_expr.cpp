// Typing and compiling expressions: literals, operators (with units),
// `where`, `if`, `case`, collections and string templates.
#include "interpreter/check/checker_impl.hpp"
#include "stdlib/dates.hpp"

namespace kijun::check {

namespace {
template <typename N>
std::unique_ptr<N> make(Span span) {
  return make_node<N>(span);
}
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
          auto n = make<plan::Element>(e.span);
          return {s.elements.back(), std::move(n), {}};
        } else if constexpr (std::is_same_v<K, ast::Member>) {
          return member(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::Call>) {
          return call(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::Unary>) {
          if (k.op == ast::UnaryOp::not_) {
            auto n = make<plan::Not>(e.span);
            n->operand = boolean(*k.operand, s);
            return {Type::boolean(), std::move(n), {}};
          }
          Checked v = value(*k.operand, s);
          if (!v.type.is_number() && !v.type.is_error()) {
            error(k.operand->span, "'-' expects a number, got " + type_name(v.type));
            return bad();
          }
          auto n = make<plan::Negate>(e.span);
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
          auto n = make<plan::Convert>(e.span);
          n->operand = std::move(v.node);
          n->factor = *f;
          return {Type::number(to), std::move(n), {}};
        } else if constexpr (std::is_same_v<K, ast::Where>) {
          return where(k, e, s);
        } else if constexpr (std::is_same_v<K, ast::If>) {
          auto n = make<plan::IfElse>(e.span);
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
          auto n = make<plan::MakeMap>(e.span);
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
  auto n = make<plan::Template>(e.span);
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

Checked Checker::binary(const ast::Binary& b, const ast::Expr& e, const Scope& s) {
  using Op = ast::BinaryOp;
  switch (b.op) {
    case Op::and_:
    case Op::or_: {
      auto n = make<plan::Logic>(e.span);
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
      auto n = make<plan::MakeRange>(e.span);
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
  auto n = make<plan::ArithOp>(e.span);
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
    auto n = make<plan::Member>(e.span);
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
  auto n = make<plan::Compare>(e.span);
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

// `kind == paper` among the top-level conjuncts narrows records to a variant,
// so that the variant's own fields may be used.
int Checker::narrowed_variant(const ast::Expr& p, const Type& elem) const {
  if (elem.kind != TypeKind::record) return -1;
  const auto& rec = prog_->schema.records[elem.id];
  if (rec.discriminant < 0) return -1;
  auto* bin = std::get_if<ast::Binary>(&p.kind);
  if (!bin) return -1;
  if (bin->op == ast::BinaryOp::and_) {
    int v = narrowed_variant(*bin->lhs, elem);
    return v >= 0 ? v : narrowed_variant(*bin->rhs, elem);
  }
  if (bin->op != ast::BinaryOp::eq) return -1;
  auto* l = std::get_if<ast::NameRef>(&bin->lhs->kind);
  auto* r = std::get_if<ast::NameRef>(&bin->rhs->kind);
  if (!l || !r || l->name != rec.fields[rec.discriminant].name) return -1;
  for (std::size_t i = 0; i < rec.variants.size(); ++i)
    if (rec.variants[i].name == r->name) return static_cast<int>(i);
  return -1;
}

Checked Checker::where(const ast::Where& w, const ast::Expr& e, const Scope& s) {
  Checked l = value(*w.list, s);
  if (l.type.is_error()) return bad();
  if (l.type.kind == TypeKind::empty_list) return l;
  if (l.type.kind != TypeKind::list) {
    error(w.list->span, "`where` filters a list, got " + type_name(l.type));
    return bad();
  }
  Type elem = *l.type.elem;
  int v = narrowed_variant(*w.predicate, elem);
  if (v >= 0) elem.variant = v;
  Scope inner = s;
  inner.elements.push_back(elem);
  auto n = make<plan::Filter>(e.span);
  n->list = std::move(l.node);
  n->predicate = boolean(*w.predicate, inner);
  return {Type::list(elem), std::move(n), {}};
}

Checked Checker::case_of(const ast::Case& c, const ast::Expr& e, const Scope& s, const Type* hint) {
  auto n = make<plan::CaseOf>(e.span);
  Checked subject = value(*c.subject, s);
  Type subject_hint = subject.type.with_optional(false);
  std::optional<Type> result;
  for (const auto& arm : c.arms) {
    std::vector<plan::NodePtr> values;
    for (const auto& v : arm.values) {
      Checked cv = value(*v, s, &subject_hint);
      if (!subject.type.is_error() && !cv.type.is_error() && !same_type(subject.type, cv.type))
        error(v->span, "`case` compares " + type_name(subject.type) + " with " + type_name(cv.type));
      values.push_back(std::move(cv.node));
    }
    Checked r = value(*arm.result, s, result ? &*result : hint);
    auto u = result ? unify(*result, r.type) : std::optional<Type>(r.type);
    if (!u) error(arm.result->span, "the results of `case` differ: " + type_name(*result) + " and " + type_name(r.type));
    else result = u;
    n->arm_values.push_back(std::move(values));
    n->arm_results.push_back(std::move(r.node));
  }
  Checked other = value(*c.else_branch, s, result ? &*result : hint);
  auto u = result ? unify(*result, other.type) : std::optional<Type>(other.type);
  if (!u) error(c.else_branch->span, "the results of `case` differ: " + type_name(*result) + " and " + type_name(other.type));
  n->subject = std::move(subject.node);
  n->else_branch = std::move(other.node);
  return {u.value_or(Type::error()), std::move(n), {}};
}

Checked Checker::collection(const std::vector<ast::ExprPtr>& items, const ast::Expr& e, const Scope& s,
                            const Type* hint, bool set) {
  auto n = make<plan::MakeList>(e.span);
  std::optional<Type> elem;
  const Type* item_hint = hint && hint->kind == TypeKind::list ? hint->elem.get() : nullptr;
  for (const auto& it : items) {
    Checked c = value(*it, s, elem ? &*elem : item_hint);
    auto u = elem ? unify(*elem, c.type) : std::optional<Type>(c.type);
    if (!u) error(it->span, std::string("the items of a ") + (set ? "set" : "list") + " must be alike: " +
                                type_name(*elem) + " and " + type_name(c.type));
    else elem = u;
    n->items.push_back(std::move(c.node));
  }
  // A list of constants (`role in {"operator", "instructor"}`) is built once,
  // here, not per record.
  bool constant = true;
  for (const auto& it : n->items) constant = constant && dynamic_cast<const plan::Const*>(it.get());
  if (constant) {
    for (const auto& it : n->items) n->folded.push_back(static_cast<const plan::Const&>(*it).value);
    n->is_constant = true;
  }
  if (!elem) return {Type::make(TypeKind::empty_list), std::move(n), {}};
  return {Type::list(*elem), std::move(n), {}};
}

}  // namespace kijun::check
