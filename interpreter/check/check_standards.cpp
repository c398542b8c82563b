// Standards (bounds, totals, requirements, their lets and reports), outcomes,
// top-level reports, and warnings for definitions nothing uses.
#include <set>

#include "interpreter/check/checker_impl.hpp"

namespace kijun::check {

namespace {
const std::set<std::string> reserved_reports{"id", "outcome", "outcome_label", "total", "categories", "unmet",
                                             "standard", "earned_total", "required_total"};
}  // namespace

void Checker::check_standards() {
  for (std::uint32_t s = 0; s < prog_->standards.size(); ++s) check_standard(s);
  // Exemptions may waive requirements by name: the name must exist somewhere.
  for (std::uint32_t e = 0; e < exemption_decls_.size(); ++e)
    for (const auto& w : exemption_decls_[e]->waives) {
      if (categories_by_name_.count(w.text)) continue;
      bool found = false;
      for (const auto& sp : prog_->standards)
        for (const auto& r : sp.requirements) found = found || r.name == w.text;
      if (!found) {
        std::vector<std::string> names;
        for (const auto& [k, _] : categories_by_name_) names.push_back(k);
        for (const auto& sp : prog_->standards)
          for (const auto& r : sp.requirements) names.push_back(r.name);
        error(w.span, "exemption '" + exemption_decls_[e]->name.text + "' waives '" + w.text +
                          "', which is neither a category nor a requirement", suggest(w.text, names));
      }
    }
}

void Checker::check_standard(std::uint32_t si) {
  const auto* sd = standard_decls_[si];
  auto& sp = prog_->standards[si];
  Scope s;
  s.standard = static_cast<int>(si);
  auto in_cell = [&](std::uint32_t cell, auto&& fn) {
    auto saved = current_cell_;
    current_cell_ = cell;
    fn();
    current_cell_ = saved;
  };

  in_cell(sp.applies_cell, [&] {
    prog_->cells[sp.applies_cell].node = sd->applies ? boolean(*sd->applies, s) : const_node(Value::boolean(true), sd->span);
  });
  for (std::uint32_t c = 0; c < prog_->categories.size(); ++c) {
    prog_->cells[sp.min_cells[c]].node = const_node(Value(), sd->span);
    prog_->cells[sp.max_cells[c]].node = const_node(Value(), sd->span);
    auto& d = deps_[sp.counted_cells[c]];
    d.push_back(prog_->categories[c].cell);
    d.push_back(sp.max_cells[c]);
    deps_[sp.total_cell].push_back(sp.counted_cells[c]);
    deps_[sp.earned_total_cell].push_back(prog_->categories[c].cell);
  }
  for (const auto& e : prog_->exemptions) deps_[sp.required_total_cell].push_back(e.cell);
  deps_[sp.met_cell].push_back(sp.applies_cell);

  std::set<std::string> names;
  std::set<std::uint32_t> bounded;
  bool has_total = false;
  auto add_requirement = [&](RequirementPlan r, Span name_span) {
    if (!names.insert(r.name).second) error(name_span, "requirement '" + r.name + "' appears twice in standard " + sp.name);
    r.cell = add_cell(CellKind::std_requirement, si, static_cast<std::uint32_t>(sp.requirements.size()),
                      sp.name + "." + r.name, name_span);
    deps_[sp.met_cell].push_back(r.cell);
    for (const auto& e : prog_->exemptions) deps_[r.cell].push_back(e.cell);
    sp.requirements.push_back(std::move(r));
    return sp.requirements.back().cell;
  };

  for (const auto& item : sd->items) {
    if (auto* b = std::get_if<ast::BoundDecl>(&item)) {
      auto it = categories_by_name_.find(b->category.text);
      if (it == categories_by_name_.end()) {
        std::vector<std::string> cats;
        for (const auto& [k, _] : categories_by_name_) cats.push_back(k);
        error(b->category.span, "unknown category '" + b->category.text + "'", suggest(b->category.text, cats));
        continue;
      }
      std::uint32_t c = it->second;
      if (!bounded.insert(c).second) error(b->category.span, "bounds for '" + b->category.text + "' are given twice");
      if (b->min)
        in_cell(sp.min_cells[c], [&] { prog_->cells[sp.min_cells[c]].node = credits(*b->min, s, "a minimum"); });
      if (b->max)
        in_cell(sp.max_cells[c], [&] { prog_->cells[sp.max_cells[c]].node = credits(*b->max, s, "a maximum"); });
      check_min_max(si, *b, c);
      if (b->message && !b->min) error(b->span, "a message is given but there is no minimum to fail");
      if (b->min) {
        sp.has_min[c] = true;
        RequirementPlan r;
        r.name = b->category.text + "_min";
        r.label = prog_->categories[c].label;
        r.cites = prog_->categories[c].cites;
        r.kind = RequirementKind::category_min;
        r.category = c;
        r.span = b->span;
        if (b->message) r.message = text(*b->message, s);
        auto cell = add_requirement(std::move(r), b->category.span);
        deps_[cell].push_back(sp.counted_cells[c]);
        deps_[cell].push_back(sp.min_cells[c]);
      }
    } else if (auto* t = std::get_if<ast::TotalDecl>(&item)) {
      if (has_total) {
        error(t->span, "the total minimum is given twice");
        continue;
      }
      has_total = true;
      in_cell(sp.required_total_cell, [&] { sp.total_min = credits(*t->min, s, "the total minimum"); });
      RequirementPlan r;
      r.name = "total_min";
      r.label = "total";
      r.cites = sp.cites;
      r.kind = RequirementKind::total_min;
      r.span = t->span;
      if (t->message) r.message = text(*t->message, s);
      auto cell = add_requirement(std::move(r), t->span);
      deps_[cell].push_back(sp.total_cell);
      deps_[cell].push_back(sp.required_total_cell);
    } else if (auto* rq = std::get_if<ast::RequireDecl>(&item)) {
      RequirementPlan r;
      r.name = rq->name.text;
      r.label = rq->label.value_or(rq->name.text);
      r.cites = rq->cites.value_or("");
      r.span = rq->span;
      auto cell = add_requirement(std::move(r), rq->name.span);
      auto& req = sp.requirements.back();
      in_cell(cell, [&] {
        if (rq->when) req.when = boolean(*rq->when, s);
        req.cond = boolean(*rq->cond, s);
      });
      req.message = text(rq->message, s);
    } else if (auto* l = std::get_if<ast::LetDecl>(&item)) {
      auto it = std_lets_[si].find(l->name.text);
      if (it != std_lets_[si].end() && lets_[it->second].state == CheckState::pending) {
        bool used = lets_[it->second].used;
        let_ref(lets_[it->second], l->span);
        lets_[it->second].used = used;
      }
    } else if (auto* rp = std::get_if<ast::ReportDecl>(&item)) {
      if (reserved_reports.count(rp->name.text))
        error(rp->name.span, "'" + rp->name.text + "' is part of every verdict already; choose another name");
      for (const auto& prev : sp.reports)
        if (prev.name == rp->name.text) error(rp->name.span, "report '" + rp->name.text + "' appears twice");
      // Both go into the verdict: one name would be two members of one object.
      for (const auto* top : report_decls_)
        if (top->name.text == rp->name.text)
          error_with_note(rp->name.span, "report '" + rp->name.text + "' is also a top-level report",
                          top->name.span, "the top-level report is here");
      sp.reports.push_back({rp->name.text, value(*rp->value, s).node, rp->span});
    }
  }
  sp.exemption_lowers.resize(prog_->exemptions.size());
  for (std::uint32_t e = 0; e < exemption_decls_.size(); ++e) {
    const auto* d = exemption_decls_[e];
    if (!d->lowers_total) continue;
    in_cell(sp.required_total_cell,
            [&] { sp.exemption_lowers[e] = credits(*d->lowers_total, s, "what an exemption lowers the total by"); });
  }
}

// A minimum above the maximum can never be met: compare constants, or the
// two rows of a table column by column.
void Checker::check_min_max(std::uint32_t s, const ast::BoundDecl& b, std::uint32_t c) {
  const auto& sp = prog_->standards[s];
  const plan::Node* lo = prog_->cells[sp.min_cells[c]].node.get();
  const plan::Node* hi = prog_->cells[sp.max_cells[c]].node.get();
  if (!b.min || !b.max || !lo || !hi) return;
  auto* lc = dynamic_cast<const plan::Const*>(lo);
  auto* hc = dynamic_cast<const plan::Const*>(hi);
  if (lc && hc && lc->value.kind == ValueKind::number && hc->value.kind == ValueKind::number) {
    if (rational::compare(lc->value.num, hc->value.num) > 0)
      error(b.min->span, "the minimum of " + b.category.text + " (" + rational::to_string(lc->value.num) +
                             ") is above its maximum (" + rational::to_string(hc->value.num) + ")",
            "no applicant could ever meet it");
    return;
  }
  auto* lt = dynamic_cast<const plan::TableCell*>(lo);
  auto* ht = dynamic_cast<const plan::TableCell*>(hi);
  if (lt && ht && lt->table == ht->table) {
    const auto& t = prog_->tables[lt->table];
    for (std::size_t k = 0; k < t.keys.size(); ++k) {
      const auto& a = t.rows[lt->row].cells.size() > k ? t.rows[lt->row].cells[k] : std::nullopt;
      const auto& z = t.rows[ht->row].cells.size() > k ? t.rows[ht->row].cells[k] : std::nullopt;
      if (a && z && rational::compare(*a, *z) > 0)
        error(b.min->span, "in table " + t.name + ", column " + rational::to_string(t.keys[k]) + ", the minimum of " +
                               b.category.text + " (" + rational::to_string(*a) + ") is above its maximum (" +
                               rational::to_string(*z) + ")", "no applicant of that year could ever meet it");
    }
  }
}

void Checker::check_outcomes() {
  std::set<std::string> names;
  if (outcome_decls_.empty()) {
    error(rs_.header.span, "the ruleset has no outcomes", "add e.g.: outcome pass { when meets(full) } outcome fail { otherwise }");
    return;
  }
  for (std::size_t i = 0; i < outcome_decls_.size(); ++i) {
    const auto* o = outcome_decls_[i];
    if (!names.insert(o->name.text).second) error(o->name.span, "outcome '" + o->name.text + "' is declared twice");
    OutcomePlan op;
    op.name = o->name.text;
    op.label = o->label.value_or(o->name.text);
    op.cites = o->cites.value_or("");
    op.span = o->span;
    op.otherwise = o->otherwise.has_value();
    if (op.otherwise && i + 1 != outcome_decls_.size())
      error(*o->otherwise, "`otherwise` must be the last outcome", "outcomes are tried in order; later ones could never apply");
    for (const auto& w : o->whens) {
      OutcomeWhenPlan wp;
      wp.cond = boolean(*w.cond, Scope{});
      wp.span = w.span;
      wp.text = source_text(w.cond->span);
      // `when meets(x) …` reports the standard x that it names first.
      const ast::Expr* first = w.cond.get();
      while (auto* b = std::get_if<ast::Binary>(&first->kind)) {
        if (b->op != ast::BinaryOp::and_) break;
        first = b->lhs.get();
      }
      if (auto* c = std::get_if<ast::Call>(&first->kind); c && c->callee.text == "meets" && c->args.size() == 1)
        if (auto* n = std::get_if<ast::NameRef>(&c->args[0]->kind))
          if (auto it = standards_by_name_.find(n->name); it != standards_by_name_.end())
            wp.meets = wp.reporting = static_cast<int>(it->second);
      if (w.reporting) {
        auto it = standards_by_name_.find(w.reporting->text);
        if (it == standards_by_name_.end()) error(w.reporting->span, "unknown standard '" + w.reporting->text + "'");
        else wp.reporting = static_cast<int>(it->second);
      }
      op.whens.push_back(std::move(wp));
    }
    prog_->outcomes.push_back(std::move(op));
  }
  if (!outcome_decls_.back()->otherwise)
    error(outcome_decls_.back()->span, "the last outcome must be `otherwise`", "so that every applicant gets a verdict");
}

void Checker::check_reports() {
  std::set<std::string> names;
  for (const auto* r : report_decls_) {
    if (reserved_reports.count(r->name.text))
      error(r->name.span, "'" + r->name.text + "' is part of every verdict already; choose another name");
    if (!names.insert(r->name.text).second) error(r->name.span, "report '" + r->name.text + "' appears twice");
    prog_->reports.push_back({r->name.text, value(*r->value, Scope{}).node, r->span});
  }
}

void Checker::warn_unused() {
  for (const auto& l : lets_)
    if (!l.used)
      warning(l.decl->name.span, "'" + l.decl->name.text + "' is defined but never used",
              "remove it, or use it in a rule or a report");
  for (std::size_t t = 0; t < table_used_.size(); ++t)
    if (!table_used_[t]) warning(prog_->tables[t].span, "table '" + prog_->tables[t].name + "' is never used");
}

}  // namespace kijun::check
