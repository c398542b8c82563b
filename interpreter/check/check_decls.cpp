// Units and conversions, enumerations, the facts and records (-> the facts
// schema), `invalid when` checks, and tables.
#include <deque>

#include "interpreter/check/checker_impl.hpp"
#include "stdlib/dates.hpp"
#include "stdlib/registry.hpp"

namespace kijun::check {

using facts::FieldKind;

void Checker::declare_units() {
  for (const auto& d : rs_.decls) {
    if (auto* u = std::get_if<ast::UnitDecl>(&d)) {
      auto id = static_cast<std::uint32_t>(prog_->units.size());
      for (const ast::Ident* n : {&u->name, u->singular ? &*u->singular : nullptr}) {
        if (!n) continue;
        if (!unit_ids_.emplace(n->text, id).second) error(n->span, "unit '" + n->text + "' is declared twice");
      }
      prog_->units.push_back({u->name.text, u->singular ? u->singular->text : u->name.text, u->label.value_or("")});
      conversions_.emplace_back();
    }
  }
  for (const auto& d : rs_.decls) {
    auto* c = std::get_if<ast::ConvertDecl>(&d);
    if (!c) continue;
    auto from = unit_of(c->from_unit, true);
    auto to = unit_of(c->to_unit, true);
    auto fa = rational::parse(c->from_amount);
    auto ta = rational::parse(c->to_amount);
    if (!from || !to || !fa || !ta) continue;
    if (fa->num == 0 || ta->num == 0) {
      error(c->span, "a conversion needs amounts above zero");
      continue;
    }
    if (from == to) {
      error(c->span, "a conversion from '" + c->from_unit.text + "' to itself");
      continue;
    }
    // a from = b to  =>  1 from = b/a to
    auto f = rational::div(*ta, *fa);
    auto back = rational::div(*fa, *ta);
    if (!f || !back) continue;
    conversions_[from].push_back({to, *f});
    conversions_[to].push_back({from, *back});
  }
}

std::uint32_t Checker::unit_of(const ast::Ident& name, bool report) {
  auto it = unit_ids_.find(name.text);
  if (it != unit_ids_.end()) return it->second;
  if (report) {
    std::vector<std::string> names;
    for (const auto& [n, _] : unit_ids_) names.push_back(n);
    std::string hint = suggest(name.text, names);
    if (hint.empty()) {
      hint = "declared units:";
      for (std::size_t i = 1; i < prog_->units.size(); ++i) hint += " " + prog_->units[i].name;
      if (prog_->units.size() == 1) hint = "declare it first: unit " + name.text + " \"label\"";
    }
    error(name.span, "unknown unit '" + name.text + "'", hint);
  }
  return 0;
}

std::string Checker::unit_name(std::uint32_t unit) const {
  return unit == 0 ? "a plain number" : prog_->units[unit].name;
}

// Breadth-first over the declared conversions; the factor is composed exactly.
std::optional<Rational> Checker::conversion(std::uint32_t from, std::uint32_t to) const {
  if (from == to) return Rational{1, 1};
  std::vector<std::optional<Rational>> factor(conversions_.size());
  std::deque<std::uint32_t> queue{from};
  factor[from] = Rational{1, 1};
  while (!queue.empty()) {
    auto u = queue.front();
    queue.pop_front();
    for (const auto& [v, f] : conversions_[u]) {
      if (factor[v]) continue;
      auto composed = rational::mul(*factor[u], f);
      if (!composed) continue;
      factor[v] = composed;
      if (v == to) return factor[v];
      queue.push_back(v);
    }
  }
  return std::nullopt;
}

void Checker::declare_types() {
  for (const auto& d : rs_.decls) {
    if (auto* e = std::get_if<ast::EnumDecl>(&d)) {
      auto id = static_cast<std::uint32_t>(prog_->schema.enums.size());
      if (!enum_ids_.emplace(e->name.text, id).second || record_ids_.count(e->name.text)) {
        error(e->name.span, "type '" + e->name.text + "' is declared twice");
        continue;
      }
      facts::EnumSchema es{e->name.text, {}};
      for (const auto& m : e->members) {
        for (const auto& prev : es.members)
          if (prev == m.name.text) error(m.name.span, "'" + m.name.text + "' is listed twice in " + e->name.text);
        members_[m.name.text].push_back({id, static_cast<std::uint32_t>(es.members.size())});
        es.members.push_back(m.name.text);
      }
      prog_->schema.enums.push_back(std::move(es));
      enum_decls_.push_back(e);
    } else if (auto* r = std::get_if<ast::RecordDecl>(&d)) {
      auto id = static_cast<std::uint32_t>(prog_->schema.records.size());
      if (!record_ids_.emplace(r->name.text, id).second || enum_ids_.count(r->name.text)) {
        error(r->name.span, "type '" + r->name.text + "' is declared twice");
        continue;
      }
      prog_->schema.records.push_back({r->name.text, {}, -1, {}});
      record_decls_.push_back(r);
    }
  }
}

Type Checker::field_type(const facts::FieldSchema& f) const {
  if (f.invalid) return Type::error();
  Type t;
  switch (f.kind) {
    case FieldKind::boolean: t = Type::boolean(); break;
    case FieldKind::integer:
    case FieldKind::decimal: t = Type::number(f.unit_name.empty() ? 0 : unit_ids_.at(f.unit_name)); break;
    case FieldKind::string: t = Type::string(); break;
    case FieldKind::date: t = Type::date(); break;
    case FieldKind::enumeration: t = Type::enumeration(f.enum_id); break;
    case FieldKind::list: t = Type::list(Type::record(f.record_id)); break;
  }
  t.optional = f.optional;
  return t;
}

namespace {
// Defaults and bounds are constants: folded here, never evaluated per applicant.
std::optional<Value> constant(Checker& ck, const ast::Expr& e, const Type& want) {
  if (auto* n = std::get_if<ast::NumberLit>(&e.kind)) {
    if (!want.is_number()) return std::nullopt;
    auto r = rational::parse(n->text);
    std::uint32_t unit = n->unit ? ck.unit_of(*n->unit, true) : 0;
    if (n->unit && unit == 0) return Value();  // unknown unit: reported once
    if (!r) return std::nullopt;
    if (unit != want.unit) {
      ck.error(e.span, "expected " + ck.unit_name(want.unit) + ", got " + ck.unit_name(unit),
               want.unit ? "write " + n->text + " " + ck.unit_name(want.unit) : std::string());
      return Value();
    }
    return Value::number(*r);
  }
  if (auto* s = std::get_if<ast::StringLit>(&e.kind)) {
    if (want.kind != TypeKind::string) return std::nullopt;
    std::string text;
    for (const auto& p : s->parts) {
      if (!std::holds_alternative<std::string>(p)) return std::nullopt;
      text += std::get<std::string>(p);
    }
    return Value::string(ck.prog_->intern(text));
  }
  if (auto* b = std::get_if<ast::BoolLit>(&e.kind)) {
    if (want.kind != TypeKind::boolean) return std::nullopt;
    return Value::boolean(b->value);
  }
  if (auto* d = std::get_if<ast::DateLit>(&e.kind)) {
    auto days = dates::parse(d->text);
    if (want.kind != TypeKind::date || !days) return std::nullopt;
    return Value::date_value(*days);
  }
  if (auto* n = std::get_if<ast::NameRef>(&e.kind)) {
    if (want.kind != TypeKind::enumeration) return std::nullopt;
    const auto& members = ck.prog_->schema.enums[want.id].members;
    for (std::uint32_t i = 0; i < members.size(); ++i)
      if (members[i] == n->name) return Value::enumeration(want.id, i);
    ck.error(e.span, "'" + n->name + "' is not a value of " + ck.prog_->schema.enums[want.id].name,
             Checker::suggest(n->name, members));
    return Value();
  }
  if (auto* l = std::get_if<ast::ListLit>(&e.kind)) {
    if (want.kind != TypeKind::list || !l->items.empty()) return std::nullopt;
    return Value::list(nullptr, 0);
  }
  return std::nullopt;
}
}  // namespace

facts::FieldSchema Checker::field_schema(const ast::FieldDecl& f, int variant) {
  std::size_t errors_before = diags_.size();
  facts::FieldSchema fs = field_schema_unchecked(f, variant);
  // A field whose type is wrong is not reported again at each of its uses.
  for (std::size_t i = errors_before; i < diags_.size(); ++i)
    if (diags_[i].severity == Severity::error && diags_[i].span &&
        diags_[i].span->begin >= f.type.span.begin && diags_[i].span->end <= f.type.span.end)
      fs.invalid = true;
  return fs;
}

facts::FieldSchema Checker::field_schema_unchecked(const ast::FieldDecl& f, int variant) {
  facts::FieldSchema fs;
  fs.name = f.name.text;
  fs.label = f.label.value_or("");
  fs.variant = variant;
  fs.optional = f.type.optional;
  const std::string& tn = f.type.name.text;
  if (f.type.is_list) {
    fs.kind = FieldKind::list;
    auto it = record_ids_.find(tn);
    if (it == record_ids_.end())
      error(f.type.name.span, "unknown record type '" + tn + "'", "declare it: record " + tn + " { … }");
    else
      fs.record_id = it->second;
  } else if (tn == "integer" || tn == "decimal") {
    fs.kind = tn == "integer" ? FieldKind::integer : FieldKind::decimal;
  } else if (tn == "boolean") {
    fs.kind = FieldKind::boolean;
  } else if (tn == "string") {
    fs.kind = FieldKind::string;
  } else if (tn == "date") {
    fs.kind = FieldKind::date;
  } else if (unit_ids_.count(tn)) {
    fs.kind = FieldKind::integer;
    fs.unit_name = prog_->units[unit_ids_[tn]].name;
  } else if (enum_ids_.count(tn)) {
    fs.kind = FieldKind::enumeration;
    fs.enum_id = enum_ids_[tn];
  } else if (record_ids_.count(tn)) {
    error(f.type.name.span, "a field holds a list of records, not one record", "write: list of " + tn);
  } else {
    std::vector<std::string> names{"integer", "decimal", "boolean", "string", "date"};
    for (const auto& [n, _] : enum_ids_) names.push_back(n);
    for (const auto& [n, _] : unit_ids_) names.push_back(n);
    error(f.type.name.span, "unknown type '" + tn + "'", suggest(tn, names));
  }
  Type t = field_type(fs);
  if (f.constraint) {
    if (!t.is_number()) {
      error(f.constraint->span, "only numbers can have a lower bound");
    } else if (auto v = constant(*this, *f.constraint->bound, t.with_optional(false))) {
      if (v->kind == ValueKind::number) {
        fs.bound = f.constraint->op == ast::ConstraintOp::gt ? facts::Bound::gt : facts::Bound::ge;
        fs.bound_value = v->num;
      }
    } else {
      error(f.constraint->bound->span, "a lower bound must be a constant number");
    }
  }
  if (f.default_value) {
    fs.required = false;
    if (auto v = constant(*this, *f.default_value, t.with_optional(false)))
      fs.default_value = *v;
    else
      error(f.default_value->span, "a default must be a constant of the field's type",
            "a number, text, a date, true/false, an enumeration value or []");
  } else {
    fs.required = !f.type.optional;
  }
  return fs;
}

void Checker::build_records() {
  const ast::FactsDecl* facts = nullptr;
  for (const auto& d : rs_.decls)
    if (auto* f = std::get_if<ast::FactsDecl>(&d)) {
      if (facts) error(f->span, "the facts are declared twice");
      else facts = f;
    }
  for (std::uint32_t id = 0; id < record_decls_.size(); ++id) {
    const auto* r = record_decls_[id];
    auto& rec = prog_->schema.records[id];
    for (const auto& f : r->fields) rec.fields.push_back(field_schema(f, -1));
    if (!r->discriminant && !r->variants.empty())
      error(r->variants[0].span, "variants need a discriminating field", "write: record " + r->name.text + " by kind { … }");
    if (r->discriminant || !r->variants.empty()) {
      // The discriminant is an enumeration of the variant names (`kind`
      // when the `by` is missing, so that its uses are not errors too).
      std::string by = r->discriminant ? r->discriminant->text : "kind";
      facts::EnumSchema kinds{r->name.text + "." + by, {}};
      auto enum_id = static_cast<std::uint32_t>(prog_->schema.enums.size());
      for (const auto& v : r->variants) {
        members_[v.name.text].push_back({enum_id, static_cast<std::uint32_t>(kinds.members.size())});
        kinds.members.push_back(v.name.text);
        rec.variants.push_back({v.name.text});
      }
      prog_->schema.enums.push_back(std::move(kinds));
      enum_decls_.push_back(nullptr);
      facts::FieldSchema kf;
      kf.name = by;
      kf.kind = FieldKind::enumeration;
      kf.enum_id = enum_id;
      rec.discriminant = static_cast<int>(rec.fields.size());
      rec.fields.push_back(kf);
      for (std::size_t vi = 0; vi < r->variants.size(); ++vi)
        for (const auto& f : r->variants[vi].fields) rec.fields.push_back(field_schema(f, static_cast<int>(vi)));
    }
    // A field declared twice (a variant's own fields may repeat another
    // variant's, never the common ones): point at the second declaration.
    std::vector<std::pair<const ast::FieldDecl*, int>> all;
    for (const auto& f : r->fields) all.push_back({&f, -1});
    for (std::size_t vi = 0; vi < r->variants.size(); ++vi)
      for (const auto& f : r->variants[vi].fields) all.push_back({&f, static_cast<int>(vi)});
    for (std::size_t i = 0; i < all.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (all[i].first->name.text == all[j].first->name.text &&
            (all[i].second == all[j].second || all[j].second < 0)) {
          error_with_note(all[i].first->name.span, "field '" + all[i].first->name.text + "' is declared twice in " + r->name.text,
                          all[j].first->name.span, "first declared here");
          break;
        }
  }
  prog_->schema.root = static_cast<std::uint32_t>(prog_->schema.records.size());
  facts::RecordSchema root{"facts", {}, -1, {}};
  if (facts)
    for (const auto& f : facts->fields) root.fields.push_back(field_schema(f, -1));
  else
    error(rs_.header.span, "the ruleset declares no facts", "add: facts { id: string … }");
  for (std::size_t i = 0; i < root.fields.size(); ++i)
    if (root.fields[i].name == "id") prog_->schema.id_field = static_cast<int>(i);
  if (facts && (prog_->schema.id_field < 0 || root.fields[prog_->schema.id_field].kind != FieldKind::string))
    error(facts->span, "the facts must declare `id: string`", "every verdict echoes the applicant's id");
  prog_->schema.records.push_back(std::move(root));
  record_decls_.push_back(nullptr);
  prog_->record_checks.resize(prog_->schema.records.size());
}

void Checker::check_record_checks() {
  auto add = [&](std::uint32_t record, int variant, const std::vector<ast::InvalidWhen>& checks) {
    for (const auto& c : checks) {
      Scope s;
      if (record != prog_->schema.root) s.elements.push_back(Type::record(record, variant));
      RecordCheckPlan p;
      p.variant = variant;
      p.cond = boolean(*c.cond, s);
      p.message = text(c.message, s);
      p.span = c.span;
      prog_->record_checks[record].push_back(std::move(p));
    }
  };
  for (std::uint32_t id = 0; id < record_decls_.size(); ++id) {
    if (!record_decls_[id]) continue;
    add(id, -1, record_decls_[id]->checks);
    for (std::size_t v = 0; v < record_decls_[id]->variants.size(); ++v)
      add(id, static_cast<int>(v), record_decls_[id]->variants[v].checks);
  }
  for (const auto& d : rs_.decls)
    if (auto* f = std::get_if<ast::FactsDecl>(&d)) add(prog_->schema.root, -1, f->checks);
}

void Checker::declare_tables() {
  for (const auto& d : rs_.decls) {
    auto* t = std::get_if<ast::TableDecl>(&d);
    if (!t) continue;
    TablePlan tp;
    tp.name = t->name.text;
    tp.label = t->label.value_or("");
    tp.cites = t->cites.value_or("");
    tp.key_name = t->key.text;
    tp.span = t->span;
    const auto& root = prog_->schema.records[prog_->schema.root];
    bool found = false;
    for (std::uint32_t i = 0; i < root.fields.size(); ++i)
      if (root.fields[i].name == t->key.text) {
        found = true;
        tp.key_field = i;
        if (root.fields[i].kind != FieldKind::integer || !root.fields[i].unit_name.empty())
          error(t->key.span, "a table is keyed by an integer fact; '" + t->key.text + "' is not one");
      }
    if (!found) error(t->key.span, "table '" + tp.name + "' is keyed by '" + t->key.text + "', which is not a fact");
    for (const auto& k : t->keys) {
      auto r = k.value ? rational::parse(*k.value) : std::nullopt;
      if (!r || !rational::is_integer(*r)) {
        error(k.span, "a table's column keys are whole numbers");
        continue;
      }
      for (const auto& prev : tp.keys)
        if (rational::equal(prev, *r)) error(k.span, "column " + *k.value + " appears twice");
      tp.keys.push_back(*r);
    }
    for (const auto& row : t->rows) {
      TableRowPlan rp;
      rp.name = row.name.text;
      rp.label = row.label.value_or("");
      if (row.type.text != "integer" && row.type.text != "decimal") rp.unit = unit_of(row.type, true);
      for (const auto& prev : tp.rows)
        if (prev.name == rp.name) error(row.name.span, "row '" + rp.name + "' appears twice in table " + tp.name);
      if (row.cells.size() != t->keys.size())
        error(row.span, "row '" + rp.name + "' has " + std::to_string(row.cells.size()) + " cells but the table has " +
                            std::to_string(t->keys.size()) + " columns");
      for (const auto& c : row.cells) {
        if (!c.value) {
          rp.cells.push_back(std::nullopt);
          continue;
        }
        auto r = rational::parse(*c.value);
        if (!r) error(c.span, "'" + *c.value + "' is not a number");
        rp.cells.push_back(r);
      }
      tp.rows.push_back(std::move(rp));
    }
    auto index = static_cast<std::uint32_t>(prog_->tables.size());
    if (!tables_by_name_.emplace(tp.name, index).second) error(t->name.span, "table '" + tp.name + "' is declared twice");
    tp.column_cell = add_cell(CellKind::table_column, index, 0, tp.name, t->span);
    prog_->tables.push_back(std::move(tp));
    table_used_.push_back(false);
  }
}

std::string Checker::type_name(const Type& t) const {
  switch (t.kind) {
    case TypeKind::number: return t.unit ? "a number of " + prog_->units[t.unit].name : "a plain number";
    case TypeKind::enumeration: return "a value of " + prog_->schema.enums[t.id].name;
    case TypeKind::record: return "a " + prog_->schema.records[t.id].name + " record";
    case TypeKind::list: return "a list (" + type_name(*t.elem) + " each)";
    case TypeKind::range: return "a range of " + type_name(*t.elem).substr(2);
    default: return stdlib::describe(t);
  }
}

}  // namespace kijun::check
