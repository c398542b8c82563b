// Resolving names (fields, lets, categories, tables, standards, enumeration
// values), member access `a.b`, and calls to the standard library.
#include "interpreter/check/checker_impl.hpp"
#include "stdlib/registry.hpp"

namespace kijun::check {

namespace {
Checked meta(Meta m) { return {Type::error(), make_node<plan::Const>(Span{}), m}; }
}  // namespace

std::optional<std::pair<std::uint32_t, std::uint32_t>> Checker::enum_member(const std::string& name,
                                                                             const Type* hint) const {
  auto it = members_.find(name);
  if (it == members_.end()) return std::nullopt;
  if (hint && hint->kind == TypeKind::enumeration) {
    for (auto [e, i] : it->second)
      if (e == hint->id) return std::pair{e, i};
    return std::nullopt;
  }
  if (hint && hint->kind == TypeKind::list && hint->elem->kind == TypeKind::enumeration) return enum_member(name, hint->elem.get());
  if (it->second.size() == 1) return it->second[0];
  return std::nullopt;
}

Checked Checker::let_ref(LetInfo& let, Span span) {
  let.used = true;
  if (let.state == CheckState::pending) {
    let.state = CheckState::busy;
    Scope s;
    s.standard = let.standard;
    auto saved = current_cell_;
    current_cell_ = let.cell;
    Checked c = value(*let.decl->value, s);
    current_cell_ = saved;
    let.type = c.type;
    prog_->cells[let.cell].node = std::move(c.node);
    let.state = CheckState::done;
  }
  // A let used while it is being checked is part of a cycle: find_cycles()
  // reports it; its type is unknown here.
  Type t = let.state == CheckState::done ? let.type : Type::error();
  return {t, cell_ref(let.cell, span), {}};
}

Checked Checker::name(const ast::NameRef& n, const ast::Expr& e, const Scope& s, const Type* hint) {
  // 1. An enumeration value where the other side says which enumeration.
  if (hint && (hint->kind == TypeKind::enumeration ||
               (hint->kind == TypeKind::list && hint->elem->kind == TypeKind::enumeration))) {
    if (auto m = enum_member(n.name, hint)) {
      auto c = make_node<plan::Const>(e.span);
      c->value = Value::enumeration(m->first, m->second);
      return {Type::enumeration(m->first), std::move(c), {}};
    }
  }
  // 2. Fields of the records being iterated, innermost first.
  for (std::size_t d = 0; d < s.elements.size(); ++d) {
    const Type& t = s.elements[s.elements.size() - 1 - d];
    if (t.kind != TypeKind::record) continue;
    const auto& rec = prog_->schema.records[t.id];
    int other_variant = -1;  // the field exists, but on records of another kind
    for (std::uint32_t i = 0; i < rec.fields.size(); ++i) {
      if (rec.fields[i].name != n.name) continue;
      const auto& f = rec.fields[i];
      if (f.variant >= 0 && f.variant != t.variant) {
        other_variant = f.variant;
        continue;
      }
      auto node = make_node<plan::ElementField>(e.span);
      node->depth = static_cast<std::uint32_t>(d);
      node->index = i;
      return {field_type(f), std::move(node), {}};
    }
    if (other_variant >= 0) {
      error(e.span, "'" + n.name + "' belongs only to " + rec.name + " records of kind " + rec.variants[other_variant].name,
            "select them first: where " + rec.fields[rec.discriminant].name + " == " + rec.variants[other_variant].name);
      return bad();
    }
    if (t.earned_unit >= 0 && n.name == "earned") {
      auto node = make_node<plan::ElementField>(e.span);
      node->depth = static_cast<std::uint32_t>(d);
      node->index = static_cast<std::uint32_t>(rec.fields.size());
      return {Type::number(static_cast<std::uint32_t>(t.earned_unit)), std::move(node), {}};
    }
  }
  // 3. Inside a standard: its totals and lets; categories seen through it.
  if (s.standard >= 0) {
    const auto& sp = prog_->standards[s.standard];
    std::uint32_t cell = no_cell;
    if (n.name == "total") cell = sp.total_cell;
    if (n.name == "earned_total") cell = sp.earned_total_cell;
    if (n.name == "required_total") cell = sp.required_total_cell;
    if (cell != no_cell) return {credit_type(), cell_ref(cell, e.span), {}};
    auto it = std_lets_[s.standard].find(n.name);
    if (it != std_lets_[s.standard].end()) return let_ref(lets_[it->second], e.span);
    auto c = categories_by_name_.find(n.name);
    if (c != categories_by_name_.end()) return meta({Meta::category, c->second, 0, s.standard});
  }
  // 4. Inside a category: its parts.
  if (s.category >= 0) {
    auto& parts = categories_[s.category].parts;
    auto p = parts.find(n.name);
    if (p != parts.end()) return meta({Meta::part, static_cast<std::uint32_t>(s.category), p->second, -1});
  }
  // 5. The applicant's facts, lets, categories, tables, standards.
  const auto& root = prog_->schema.records[prog_->schema.root];
  for (std::uint32_t i = 0; i < root.fields.size(); ++i)
    if (root.fields[i].name == n.name) {
      auto node = make_node<plan::FactField>(e.span);
      node->index = i;
      return {field_type(root.fields[i]), std::move(node), {}};
    }
  if (auto it = lets_by_name_.find(n.name); it != lets_by_name_.end()) return let_ref(lets_[it->second], e.span);
  if (auto it = categories_by_name_.find(n.name); it != categories_by_name_.end())
    return meta({Meta::category, it->second, 0, -1});
  if (auto it = tables_by_name_.find(n.name); it != tables_by_name_.end()) {
    table_used_[it->second] = true;
    return meta({Meta::table, it->second, 0, -1});
  }
  if (auto it = standards_by_name_.find(n.name); it != standards_by_name_.end())
    return meta({Meta::standard, it->second, 0, -1});
  // 6. An enumeration value whose name is unambiguous.
  if (auto m = enum_member(n.name, nullptr)) {
    auto c = make_node<plan::Const>(e.span);
    c->value = Value::enumeration(m->first, m->second);
    return {Type::enumeration(m->first), std::move(c), {}};
  }
  if (auto it = members_.find(n.name); it != members_.end()) {
    std::string which;
    for (auto [en, _] : it->second) which += (which.empty() ? "" : ", ") + prog_->schema.enums[en].name;
    error(e.span, "'" + n.name + "' is a value of several enumerations (" + which + ")",
          "compare it with a field of the enumeration you mean: <field> == " + n.name);
    return bad();
  }
  std::vector<std::string> names;
  for (const auto& f : root.fields) names.push_back(f.name);
  for (const auto& [k, _] : lets_by_name_) names.push_back(k);
  for (const auto& [k, _] : categories_by_name_) names.push_back(k);
  for (const auto& [k, _] : tables_by_name_) names.push_back(k);
  for (const auto& [k, _] : members_) names.push_back(k);
  for (const auto& t : s.elements)
    if (t.kind == TypeKind::record)
      for (const auto& f : prog_->schema.records[t.id].fields) names.push_back(f.name);
  if (s.standard >= 0) {
    names.insert(names.end(), {"total", "earned_total", "required_total"});
    for (const auto& [k, _] : std_lets_[s.standard]) names.push_back(k);
  }
  if (s.category >= 0)
    for (const auto& [k, _] : categories_[s.category].parts) names.push_back(k);
  error(e.span, "unknown name '" + n.name + "'", suggest(n.name, names));
  return bad();
}

Checked Checker::record_field(plan::NodePtr object, const Type& t, const ast::Ident& field, Span span, bool project) {
  const auto& rec = prog_->schema.records[t.id];
  int other_variant = -1;
  for (std::uint32_t i = 0; i <= rec.fields.size(); ++i) {
    bool earned = i == rec.fields.size();
    if (earned ? !(t.earned_unit >= 0 && field.text == "earned") : rec.fields[i].name != field.text) continue;
    if (!earned && rec.fields[i].variant >= 0 && rec.fields[i].variant != t.variant) {
      other_variant = rec.fields[i].variant;
      continue;
    }
    Type ft = earned ? Type::number(static_cast<std::uint32_t>(t.earned_unit)) : field_type(rec.fields[i]);
    if (project) {
      auto n = make_node<plan::Project>(span);
      n->list = std::move(object);
      n->index = i;
      return {Type::list(ft), std::move(n), {}};
    }
    auto n = make_node<plan::RecordField>(span);
    n->object = std::move(object);
    n->index = i;
    return {ft, std::move(n), {}};
  }
  if (other_variant >= 0) {
    error(field.span, "'" + field.text + "' belongs only to " + rec.name + " records of kind " +
                          rec.variants[other_variant].name,
          "select them first: where " + rec.fields[rec.discriminant].name + " == " + rec.variants[other_variant].name);
    return bad();
  }
  std::vector<std::string> names;
  for (const auto& f : rec.fields) names.push_back(f.name);
  error(field.span, rec.name + " records have no field '" + field.text + "'", suggest(field.text, names));
  return bad();
}

Checked Checker::member(const ast::Member& m, const ast::Expr& e, const Scope& s) {
  Checked obj = expr(*m.object, s);
  const std::string& f = m.name.text;
  switch (obj.meta.kind) {
    case Meta::category: {
      std::uint32_t c = obj.meta.a;
      ensure_category(c);
      const auto& cat = prog_->categories[c];
      if (f == "earned") return {credit_type(), cell_ref(cat.cell, e.span), {}};
      if (f == "parts") {
        for (std::uint32_t p = 0; p < cat.parts.size(); ++p) depend(cat.parts[p].total_cell);
        auto n = make_node<plan::PartsMap>(e.span);
        n->category = c;
        return {Type::make(TypeKind::map), std::move(n), {}};
      }
      if (f == "counted" || f == "min" || f == "max") {
        if (obj.meta.through < 0) {
          error(e.span, "'" + cat.name + "." + f + "' depends on the standard",
                "inside a standard write " + cat.name + "." + f + "; elsewhere name the standard, e.g. " +
                    (prog_->standards.empty() ? std::string("full") : prog_->standards[0].name) + "." + cat.name + "." + f);
          return bad();
        }
        const auto& sp = prog_->standards[obj.meta.through];
        auto cell = f == "counted" ? sp.counted_cells[c] : f == "min" ? sp.min_cells[c] : sp.max_cells[c];
        Type t = credit_type();
        t.optional = f != "counted" && !t.is_error();
        return {t, cell_ref(cell, e.span), {}};
      }
      auto p = categories_[c].parts.find(f);
      if (p != categories_[c].parts.end()) return meta({Meta::part, c, p->second, -1});
      std::vector<std::string> names{"earned", "counted", "min", "max", "parts"};
      for (const auto& [k, _] : categories_[c].parts) names.push_back(k);
      error(m.name.span, "category '" + cat.name + "' has no part or value '" + f + "'", suggest(f, names));
      return bad();
    }
    case Meta::part: {
      ensure_part(obj.meta.a, obj.meta.b);
      const auto& part = prog_->categories[obj.meta.a].parts[obj.meta.b];
      if (f == "records") {
        prog_->categories[obj.meta.a].parts[obj.meta.b].records_read = true;
        Type t = categories_[obj.meta.a].part_elem[obj.meta.b];
        t.earned_unit = static_cast<std::int32_t>(part.unit);
        return {Type::list(t), cell_ref(part.records_cell, e.span), {}};
      }
      if (f == "total") return {Type::number(part.unit), cell_ref(part.total_cell, e.span), {}};
      error(m.name.span, "part '" + part.name + "' has no value '" + f + "'",
            "a part is its units; part.records lists the records that counted");
      return bad();
    }
    case Meta::standard: {
      std::uint32_t st = obj.meta.a;
      const auto& sp = prog_->standards[st];
      std::uint32_t cell = no_cell;
      Type t = credit_type();
      if (f == "total") cell = sp.total_cell;
      if (f == "earned_total") cell = sp.earned_total_cell;
      if (f == "required_total") cell = sp.required_total_cell;
      if (f == "met") {
        cell = sp.met_cell;
        t = Type::boolean();
      }
      if (cell != no_cell) return {t, cell_ref(cell, e.span), {}};
      if (auto it = std_lets_[st].find(f); it != std_lets_[st].end()) return let_ref(lets_[it->second], e.span);
      if (auto c = categories_by_name_.find(f); c != categories_by_name_.end())
        return meta({Meta::category, c->second, 0, static_cast<int>(st)});
      error(m.name.span, "standard '" + sp.name + "' has no value '" + f + "'",
            "a standard has total, earned_total, required_total, met, its lets and its categories");
      return bad();
    }
    case Meta::table: {
      const auto& t = prog_->tables[obj.meta.a];
      for (std::uint32_t r = 0; r < t.rows.size(); ++r) {
        if (t.rows[r].name != f) continue;
        depend(t.column_cell);
        auto n = make_node<plan::TableCell>(e.span);
        n->table = obj.meta.a;
        n->row = r;
        Type ty = Type::number(t.rows[r].unit);
        for (const auto& cell : t.rows[r].cells) ty.optional = ty.optional || !cell;
        return {ty, std::move(n), {}};
      }
      std::vector<std::string> names;
      for (const auto& r : t.rows) names.push_back(r.name);
      error(m.name.span, "table '" + t.name + "' has no row '" + f + "'", suggest(f, names));
      return bad();
    }
    case Meta::value: break;
  }
  if (obj.type.is_error()) return bad();
  if (obj.type.kind == TypeKind::record) return record_field(std::move(obj.node), obj.type, m.name, e.span, false);
  if (obj.type.kind == TypeKind::list && obj.type.elem->kind == TypeKind::record)
    return record_field(std::move(obj.node), *obj.type.elem, m.name, e.span, true);
  error(m.name.span, type_name(obj.type) + " has no field '" + f + "'");
  return bad();
}

Checked Checker::call(const ast::Call& c, const ast::Expr& e, const Scope& s) {
  const std::string& fn = c.callee.text;
  if (fn == "meets" || fn == "applies") {
    const ast::NameRef* n = c.args.size() == 1 ? std::get_if<ast::NameRef>(&c.args[0]->kind) : nullptr;
    auto it = n ? standards_by_name_.find(n->name) : standards_by_name_.end();
    if (it == standards_by_name_.end()) {
      std::vector<std::string> names;
      for (const auto& [k, _] : standards_by_name_) names.push_back(k);
      error(e.span, fn + "() takes the name of a standard",
            n ? suggest(n->name, names) : "e.g. " + fn + "(" + (names.empty() ? "full" : names[0]) + ")");
      return bad();
    }
    const auto& sp = prog_->standards[it->second];
    return {Type::boolean(), cell_ref(fn == "meets" ? sp.met_cell : sp.applies_cell, e.span), {}};
  }
  const stdlib::Builtin* b = stdlib::find(fn);
  if (!b) {
    std::vector<std::string> names{"meets", "applies"};
    for (const auto& x : stdlib::all()) names.push_back(x.name);
    error(c.callee.span, "unknown function '" + fn + "'", suggest(fn, names));
    return bad();
  }
  int n = static_cast<int>(c.args.size());
  if (n < b->min_args || n > b->max_args) {
    error(e.span, fn + "() takes " +
                      (b->min_args == b->max_args ? std::to_string(b->min_args)
                                                  : std::to_string(b->min_args) + " or " + std::to_string(b->max_args)) +
                      " argument" + (b->max_args == 1 ? "" : "s") + ", got " + std::to_string(n),
          b->signature);
    return bad();
  }
  auto node = make_node<plan::CallBuiltin>(e.span);
  node->fn = b->fn;
  std::vector<Type> types;
  bool any_error = false;
  for (const auto& a : c.args) {
    Checked v = value(*a, s);
    any_error = any_error || v.type.is_error();
    types.push_back(v.type);
    node->args.push_back(std::move(v.node));
  }
  if (any_error) return bad();
  std::string message;
  auto result = b->check(types, message, [this](const Type& t) { return type_name(t); });
  if (!result) {
    error(e.span, message, b->signature);
    return bad();
  }
  return {*result, std::move(node), {}};
}

}  // namespace kijun::check
