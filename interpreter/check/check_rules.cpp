// Categories and their parts, exemptions, standards (bounds, totals,
// requirements), outcomes and reports; unused definitions.
#include <algorithm>

#include "interpreter/check/checker_impl.hpp"
#include "interpreter/compile/record_test.hpp"

namespace kijun::check {

void Checker::declare_rules() {
  std::unordered_map<std::string, Span> defined;
  const auto& root = prog_->schema.records[prog_->schema.root];
  for (const auto& d : rs_.decls)
    if (auto* f = std::get_if<ast::FactsDecl>(&d))
      for (const auto& field : f->fields) defined.emplace(field.name.text, field.name.span);
  for (const auto& f : root.fields) defined.emplace(f.name, rs_.header.span);
  for (const auto& [n, i] : tables_by_name_) defined.emplace(n, prog_->tables[i].span);
  auto define = [&](const ast::Ident& id) {
    auto [it, fresh] = defined.emplace(id.text, id.span);
    if (!fresh) {
      error(id.span, "'" + id.text + "' is already defined", "every fact, let, category, table and standard needs its own name");
      diags_.back().notes.push_back({it->second, "first defined here"});
      return false;
    }
    return true;
  };
  for (const auto& d : rs_.decls) {
    if (auto* l = std::get_if<ast::LetDecl>(&d)) {
      if (!define(l->name)) continue;
      LetInfo li;
      li.decl = l;
      li.cell = add_cell(CellKind::let, 0, 0, l->name.text, l->name.span);
      lets_by_name_[l->name.text] = static_cast<std::uint32_t>(lets_.size());
      lets_.push_back(li);
    } else if (auto* c = std::get_if<ast::CategoryDecl>(&d)) {
      if (!define(c->name)) continue;
      auto ci = static_cast<std::uint32_t>(prog_->categories.size());
      CategoryPlan cp;
      cp.name = c->name.text;
      cp.label = c->label.value_or(c->name.text);
      cp.cites = c->cites.value_or("");
      cp.span = c->span;
      cp.cell = add_cell(CellKind::category, ci, 0, c->name.text, c->name.span);
      CategoryInfo info;
      info.decl = c;
      for (const auto& p : c->parts) {
        if (!info.parts.emplace(p.name.text, static_cast<std::uint32_t>(cp.parts.size())).second) {
          error(p.name.span, "part '" + p.name.text + "' appears twice in category " + cp.name);
          continue;
        }
        PartPlan pp;
        pp.name = p.name.text;
        pp.label = p.label.value_or(p.name.text);
        pp.cites = p.cites.value_or("");
        pp.span = p.span;
        auto pi = static_cast<std::uint32_t>(cp.parts.size());
        pp.total_cell = add_cell(CellKind::part_total, ci, pi, cp.name + "." + pp.name, p.name.span);
        pp.records_cell = add_cell(CellKind::part_records, ci, pi, cp.name + "." + pp.name + ".records", p.name.span);
        deps_[pp.total_cell].push_back(cp.cell);
        deps_[pp.records_cell].push_back(cp.cell);
        cp.parts.push_back(std::move(pp));
      }
      info.part_state.assign(cp.parts.size(), CheckState::pending);
      info.part_unit_known.assign(cp.parts.size(), false);
      info.part_elem.assign(cp.parts.size(), Type::error());
      categories_by_name_[cp.name] = ci;
      categories_.push_back(std::move(info));
      prog_->categories.push_back(std::move(cp));
    } else if (auto* e = std::get_if<ast::ExemptionDecl>(&d)) {
      ExemptionPlan ep;
      ep.name = e->name.text;
      ep.label = e->label.value_or(e->name.text);
      ep.cites = e->cites.value_or("");
      ep.span = e->span;
      ep.lowers_total = e->lowers_total != nullptr;
      ep.cell = add_cell(CellKind::exemption, static_cast<std::uint32_t>(prog_->exemptions.size()), 0, ep.name, e->name.span);
      prog_->exemptions.push_back(std::move(ep));
      exemption_decls_.push_back(e);
    } else if (auto* o = std::get_if<ast::OutcomeDecl>(&d)) {
      outcome_decls_.push_back(o);
    } else if (auto* r = std::get_if<ast::ReportDecl>(&d)) {
      report_decls_.push_back(r);
    }
  }
  for (const auto& d : rs_.decls) {
    auto* sd = std::get_if<ast::StandardDecl>(&d);
    if (!sd || !define(sd->name)) continue;
    auto si = static_cast<std::uint32_t>(prog_->standards.size());
    StandardPlan sp;
    sp.name = sd->name.text;
    sp.label = sd->label.value_or(sd->name.text);
    sp.cites = sd->cites.value_or("");
    sp.span = sd->span;
    sp.applies_text = sd->applies ? "applies when " + source_text(sd->applies->span) : "always applies";
    auto nm = [&](const std::string& what) { return sp.name + "." + what; };
    sp.applies_cell = add_cell(CellKind::std_applies, si, 0, nm("applies"), sd->name.span);
    for (std::uint32_t c = 0; c < prog_->categories.size(); ++c) {
      const auto& cn = prog_->categories[c].name;
      sp.min_cells.push_back(add_cell(CellKind::std_min, si, c, nm(cn + ".min"), sd->name.span));
      sp.max_cells.push_back(add_cell(CellKind::std_max, si, c, nm(cn + ".max"), sd->name.span));
      sp.counted_cells.push_back(add_cell(CellKind::std_counted, si, c, nm(cn + ".counted"), sd->name.span));
      sp.has_min.push_back(false);
    }
    sp.total_cell = add_cell(CellKind::std_total, si, 0, nm("total"), sd->name.span);
    sp.earned_total_cell = add_cell(CellKind::std_earned_total, si, 0, nm("earned_total"), sd->name.span);
    sp.required_total_cell = add_cell(CellKind::std_required_total, si, 0, nm("required_total"), sd->name.span);
    sp.met_cell = add_cell(CellKind::std_met, si, 0, nm("met"), sd->name.span);
    std_lets_.emplace_back();
    for (const auto& item : sd->items) {
      auto* l = std::get_if<ast::LetDecl>(&item);
      if (!l) continue;
      if (std_lets_[si].count(l->name.text) ||
          (l->name.text == "total" || l->name.text == "earned_total" || l->name.text == "required_total")) {
        error(l->name.span, "'" + l->name.text + "' is already defined in standard " + sp.name);
        continue;
      }
      LetInfo li;
      li.decl = l;
      li.standard = static_cast<int>(si);
      li.cell = add_cell(CellKind::std_let, si, 0, nm(l->name.text), l->name.span);
      std_lets_[si][l->name.text] = static_cast<std::uint32_t>(lets_.size());
      lets_.push_back(li);
    }
    standards_by_name_[sp.name] = si;
    standard_decls_.push_back(sd);
    prog_->standards.push_back(std::move(sp));
  }
}

void Checker::ensure_part(std::uint32_t c, std::uint32_t p) {
  auto& info = categories_[c];
  if (info.part_state[p] != CheckState::pending) return;
  info.part_state[p] = CheckState::busy;
  auto& cat = prog_->categories[c];
  auto& part = cat.parts[p];
  const auto& decl = info.decl->parts[p];
  auto saved = current_cell_;
  current_cell_ = cat.cell;  // a category's parts are evaluated by its cell
  Scope s;
  s.category = static_cast<int>(c);
  Checked from = value(*decl.from, s);
  Type elem = Type::error();
  if (from.type.kind == TypeKind::list && from.type.elem->kind == TypeKind::record) {
    elem = *from.type.elem;
  } else if (!from.type.is_error()) {
    error(decl.from->span, "a part counts records from a list of records, got " + type_name(from.type),
          "name a list of records from the facts, optionally with `where …`");
  }
  info.part_elem[p] = elem;
  part.from = std::move(from.node);
  if (auto* w = dynamic_cast<const plan::Filter*>(part.from.get()); w && w->fused && w->fused->pure) {
    part.from_list = w->list.get();
    part.from_where = w->fused;
  }
  part.record_id = elem.id;
  Scope inner = s;
  inner.elements.push_back(elem);
  if (!elem.is_error()) {
    for (const auto* clauses : {&info.decl->counts, &decl.counts})
      for (const auto& cw : *clauses) {
        CountsPlan cp;
        cp.cond = plan::fuse_record_condition(boolean(*cw.cond, inner));
        cp.fused = dynamic_cast<const plan::RecordTest*>(cp.cond.get());
        cp.reason = text(cw.reason, inner);
        cp.span = cw.span;
        part.counts.push_back(std::move(cp));
      }
    Checked earns = value(*decl.earns, inner);
    if (!earns.type.is_number() && !earns.type.is_error())
      error(decl.earns->span, "`earns` must be a number with a unit (e.g. 2 units), got " + type_name(earns.type));
    part.unit = earns.type.is_number() ? earns.type.unit : 0;
    info.part_unit_known[p] = earns.type.is_number();
    part.earns = std::move(earns.node);
    if (auto* k = dynamic_cast<const plan::Const*>(part.earns.get())) part.earns_const = &k->value;
    if (decl.once_per) part.once_per = value(*decl.once_per, inner).node;
    part.reads_element = !part.earns_const || part.once_per;
    for (const auto& cw : part.counts) part.reads_element = part.reads_element || !cw.fused || cw.fused->calls;
  }
  if (decl.max)
    part.max = info.part_unit_known[p] ? number_in(*decl.max, s, part.unit, "a part's maximum") : value(*decl.max, s).node;
  current_cell_ = saved;
  info.part_state[p] = CheckState::done;
}

void Checker::ensure_category(std::uint32_t c) {
  auto& info = categories_[c];
  if (info.state != CheckState::pending) return;
  info.state = CheckState::busy;
  auto& cat = prog_->categories[c];
  for (std::uint32_t p = 0; p < cat.parts.size(); ++p) ensure_part(c, p);
  std::uint32_t unit = 0;
  bool known = false;  // false while an error (already reported) hides the unit
  auto saved = current_cell_;
  current_cell_ = cat.cell;
  if (info.decl->earns) {
    Scope s;
    s.category = static_cast<int>(c);
    Checked e = value(*info.decl->earns, s);
    if (!e.type.is_number() && !e.type.is_error())
      error(info.decl->earns->span, "a category earns a number of credits, got " + type_name(e.type));
    unit = e.type.is_number() ? e.type.unit : 0;
    known = e.type.is_number();
    cat.earns = std::move(e.node);
  } else {
    for (std::size_t p = 0; p < cat.parts.size(); ++p) {
      if (!info.part_unit_known[p]) continue;
      if (!known) {
        unit = cat.parts[p].unit;
        known = true;
      } else if (cat.parts[p].unit != unit) {
        error(cat.parts[p].span, "the parts of category " + cat.name + " earn different units (" + unit_name(unit) +
                                     ", " + unit_name(cat.parts[p].unit) + ")",
              "convert in `earns`, or add `earns …` to the category");
      }
    }
  }
  current_cell_ = saved;
  // Its own parts are evaluated before the category's `earns`: not a cycle.
  auto& d = deps_[cat.cell];
  d.erase(std::remove_if(d.begin(), d.end(),
                         [&](std::uint32_t x) {
                           for (const auto& p : cat.parts)
                             if (x == p.total_cell || x == p.records_cell) return true;
                           return false;
                         }),
          d.end());
  if (!known) {
    // Its `earns` had an error: nothing to compare.
  } else if (!credit_unit_known_) {
    prog_->credit_unit = unit;
    credit_unit_known_ = true;
  } else if (unit != prog_->credit_unit) {
    error(cat.span, "category " + cat.name + " earns " + unit_name(unit) + " but the others earn " +
                        unit_name(prog_->credit_unit), "every category earns the same credits; convert with `as`");
  }
  info.state = CheckState::done;
}

void Checker::check_exemptions() {
  for (std::uint32_t e = 0; e < exemption_decls_.size(); ++e) {
    const auto* d = exemption_decls_[e];
    auto& ep = prog_->exemptions[e];
    current_cell_ = ep.cell;
    ep.when = boolean(*d->when, Scope{});
    current_cell_ = no_cell;
    for (const auto& w : d->waives) {
      auto c = categories_by_name_.find(w.text);
      if (c != categories_by_name_.end()) {
        ep.waived_categories.push_back(c->second);
        deps_[prog_->categories[c->second].cell].push_back(ep.cell);
      } else {
        ep.waived_requirements.push_back(w.text);  // validated once standards are checked
      }
    }
  }
}

}  // namespace kijun::check
