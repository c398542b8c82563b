// Typing and compiling `where` (with the variant it narrows records to, and
// its predicate fused into one record test), `case`, and list/set literals.
#include "interpreter/check/checker_impl.hpp"
#include "interpreter/compile/record_test.hpp"

namespace kijun::check {

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
  auto n = make_node<plan::Filter>(e.span);
  n->list = std::move(l.node);
  n->predicate = plan::fuse_record_condition(boolean(*w.predicate, inner));
  n->fused = dynamic_cast<const plan::RecordTest*>(n->predicate.get());
  return {Type::list(elem), std::move(n), {}};
}

Checked Checker::case_of(const ast::Case& c, const ast::Expr& e, const Scope& s, const Type* hint) {
  auto n = make_node<plan::CaseOf>(e.span);
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
  auto n = make_node<plan::MakeList>(e.span);
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
