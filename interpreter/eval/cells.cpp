// Computing cells: a let, a table column, a category (with its parts, record
// by record), an exemption, and a standard's bounds, totals and requirements.
#include "interpreter/compile/nodes.hpp"
#include "interpreter/compile/record_test.hpp"
#include "interpreter/eval/frame.hpp"

namespace kijun {

namespace {

[[noreturn]] void overflow(const Span& at) { throw EvalError{at, "arithmetic overflow while adding up credits", {}}; }

inline Rational add_or_fail(Rational a, Rational b, const Span& at) {
  auto s = rational::add(a, b);
  if (!s) overflow(at);
  return *s;
}

bool exemption_active(Frame& f, std::uint32_t e) { return f.force(f.program.exemptions[e].cell).b; }

bool category_waived(Frame& f, std::uint32_t c) {
  for (std::uint32_t e = 0; e < f.program.exemptions.size(); ++e)
    for (auto wc : f.program.exemptions[e].waived_categories)
      if (wc == c && exemption_active(f, e)) return true;
  return false;
}

bool requirement_waived(Frame& f, const std::string& name) {
  for (std::uint32_t e = 0; e < f.program.exemptions.size(); ++e)
    for (const auto& w : f.program.exemptions[e].waived_requirements)
      if (w == name && exemption_active(f, e)) return true;
  return false;
}

// One part: every record of `from`, tested by the `counts when` clauses in
// order; the first that fails is the record's reason for not counting.
// Clauses the checker fused (record_test.hpp) are called directly; a pure
// fused `where` of `from` is tested here, record by record, instead of
// building the filtered list first; the record is pushed on Frame::elements
// only when something reads it there (or an observer renders a reason).
// Out of line so that a profile shows the record loop on its own.
[[gnu::noinline]] void evaluate_part(Frame& f, std::uint32_t c, std::uint32_t p) {
  const PartPlan& part = f.program.categories[c].parts[p];
  const plan::RecordTest* where = part.from_where;
  Value list = where ? part.from_list->eval(f) : part.from->eval(f);
  const std::uint32_t n = list.seq.size;
  // The counted records are built only when the ruleset reads them.
  Value* counted = part.records_read ? f.arena.values(n) : nullptr;
  std::uint32_t kept = 0;
  Value* keys = part.once_per ? f.arena.values(n) : nullptr;
  std::uint32_t nkeys = 0;
  Rational total{0, 1};
  const std::size_t clauses = part.counts.size();
  const bool push = part.reads_element || f.observer;
  // The plain case (`counts when …` all fused and reading only fields,
  // `earns` a constant, nothing observing, the records not kept): the same
  // loop with nothing but the tests and the sum. The checker clears
  // reads_element only when every clause is fused and `earns` is constant
  // (check_rules.cpp), so `!push` is what makes the loop below safe.
  const bool plain = !push && !counted && !keys;
  for (std::uint32_t i = 0; plain && i < n; ++i) {
    const Value& rec = list.seq.items[i];
    if (where && !where->test(rec, f)) continue;
    bool counts = true;
    for (std::size_t k = 0; k < clauses && counts; ++k) counts = part.counts[k].fused->test(rec, f);
    if (counts) total = add_or_fail(total, part.earns_const->num, part.span);
  }
  for (std::uint32_t i = 0; !plain && i < n; ++i) {
    const Value& rec = list.seq.items[i];
    if (where && !where->test(rec, f)) continue;
    if (push) f.elements.push_back(&rec);
    int reason = -1;
    for (std::size_t k = 0; k < clauses; ++k) {
      const CountsPlan& cw = part.counts[k];
      if (!(cw.fused ? cw.fused->test(rec, f) : cw.cond->eval(f).b)) {
        reason = static_cast<int>(k);
        break;
      }
    }
    Rational earned{0, 1};
    bool duplicate = false;
    if (reason < 0) {
      earned = part.earns_const ? part.earns_const->num : part.earns->eval(f).num;
      if (keys) {
        Value key = part.once_per->eval(f);
        for (std::uint32_t k = 0; k < nkeys && !duplicate; ++k) duplicate = plan::values_equal(keys[k], key);
        if (duplicate) earned = Rational{0, 1};
        else keys[nkeys++] = key;
      }
      total = add_or_fail(total, earned, part.span);
      if (counted) {
        // The record as it counted, with `earned` appended after its fields.
        Value* fields = f.arena.values(rec.seq.size + 1);
        std::copy(rec.seq.items, rec.seq.items + rec.seq.size, fields);
        fields[rec.seq.size] = Value::number(earned);
        counted[kept++] = Value::record(rec.aux, rec.seq.variant, fields, rec.seq.size + 1);
      }
    }
    if (f.observer) f.observer->record(f, c, p, rec, reason, duplicate, earned);
    if (push) f.elements.pop_back();
  }
  Rational uncapped = total;
  if (part.max) {
    Value cap = part.max->eval(f);
    if (!cap.is_none() && rational::compare(total, cap.num) > 0) total = cap.num;
  }
  if (f.observer) f.observer->part_done(c, p, uncapped, total);
  f.values[part.total_cell] = Value::number(total);
  f.state[part.total_cell] = CellState::done;
  f.values[part.records_cell] = Value::list(counted, kept);
  f.state[part.records_cell] = CellState::done;
}

Value evaluate_category(Frame& f, std::uint32_t c) {
  const CategoryPlan& cat = f.program.categories[c];
  for (std::uint32_t p = 0; p < cat.parts.size(); ++p) evaluate_part(f, c, p);
  Rational earned{0, 1};
  if (cat.earns) {
    earned = cat.earns->eval(f).num;
  } else {
    for (const auto& part : cat.parts) earned = add_or_fail(earned, f.values[part.total_cell].num, cat.span);
  }
  // A waived category earns nothing, whatever its records (exemption).
  if (category_waived(f, c)) earned = Rational{0, 1};
  return Value::number(earned);
}

RequirementStatus requirement_status(Frame& f, const StandardPlan& sp, const RequirementPlan& r) {
  if (requirement_waived(f, r.name)) return RequirementStatus::waived;
  switch (r.kind) {
    case RequirementKind::written:
      if (r.when && !r.when->eval(f).b) return RequirementStatus::not_applicable;
      return r.cond->eval(f).b ? RequirementStatus::met : RequirementStatus::unmet;
    case RequirementKind::category_min: {
      if (category_waived(f, r.category)) return RequirementStatus::waived;
      Value min = f.force(sp.min_cells[r.category]);
      if (min.is_none()) return RequirementStatus::not_applicable;
      Value counted = f.force(sp.counted_cells[r.category]);
      return rational::compare(counted.num, min.num) >= 0 ? RequirementStatus::met : RequirementStatus::unmet;
    }
    case RequirementKind::total_min: {
      Value total = f.force(sp.total_cell);
      Value required = f.force(sp.required_total_cell);
      return rational::compare(total.num, required.num) >= 0 ? RequirementStatus::met : RequirementStatus::unmet;
    }
  }
  return RequirementStatus::unmet;
}

Value compute(Frame& f, const CellPlan& cell) {
  const Program& p = f.program;
  switch (cell.kind) {
    case CellKind::let:
    case CellKind::std_let:
    case CellKind::std_applies:
    case CellKind::std_min:
    case CellKind::std_max: return cell.node->eval(f);
    case CellKind::table_column: {
      const TablePlan& t = p.tables[cell.a];
      Value key = f.facts.seq.items[t.key_field];
      for (std::size_t i = 0; i < t.keys.size(); ++i)
        if (rational::equal(t.keys[i], key.num)) return Value::integer(static_cast<std::int64_t>(i));
      std::string cols;
      if (!t.keys.empty())
        cols = " (" + rational::to_string(t.keys.front()) + "–" + rational::to_string(t.keys.back()) + ")";
      throw EvalError{t.span, t.key_name + " " + rational::to_string(key.num) + " is not a column of table " + t.name + cols,
                      "the ruleset does not cover this " + t.key_name};
    }
    case CellKind::category: return evaluate_category(f, cell.a);
    case CellKind::part_total:
    case CellKind::part_records:
      f.force(p.categories[cell.a].cell);  // fills both part cells
      return f.values[&cell - p.cells.data()];
    case CellKind::exemption: return p.exemptions[cell.a].when->eval(f);
    case CellKind::std_counted: {
      const StandardPlan& sp = p.standards[cell.a];
      if (category_waived(f, cell.b)) return Value::integer(0);
      Rational earned = f.force(p.categories[cell.b].cell).num;
      Value max = f.force(sp.max_cells[cell.b]);
      if (!max.is_none() && rational::compare(earned, max.num) > 0) earned = max.num;
      return Value::number(earned);
    }
    case CellKind::std_total:
    case CellKind::std_earned_total: {
      const StandardPlan& sp = p.standards[cell.a];
      Rational sum{0, 1};
      for (std::uint32_t c = 0; c < p.categories.size(); ++c) {
        auto from = cell.kind == CellKind::std_total ? sp.counted_cells[c] : p.categories[c].cell;
        sum = add_or_fail(sum, f.force(from).num, sp.span);
      }
      return Value::number(sum);
    }
    case CellKind::std_required_total: {
      const StandardPlan& sp = p.standards[cell.a];
      Rational required = sp.total_min ? sp.total_min->eval(f).num : Rational{0, 1};
      for (std::uint32_t e = 0; e < p.exemptions.size(); ++e) {
        if (!sp.exemption_lowers[e] || !exemption_active(f, e)) continue;
        Value by = sp.exemption_lowers[e]->eval(f);
        if (by.is_none()) continue;
        auto lowered = rational::sub(required, by.num);
        if (!lowered) throw EvalError{sp.span, "arithmetic overflow in the required total", {}};
        required = lowered->num < 0 ? Rational{0, 1} : *lowered;
      }
      return Value::number(required);
    }
    case CellKind::std_requirement: {
      const StandardPlan& sp = p.standards[cell.a];
      return Value::integer(static_cast<std::int64_t>(requirement_status(f, sp, sp.requirements[cell.b])));
    }
    case CellKind::std_met: {
      const StandardPlan& sp = p.standards[cell.a];
      // A standard that does not apply is not met, and nothing else of it is
      // evaluated (its table columns may not exist for this applicant).
      if (!f.force(sp.applies_cell).b) return Value::boolean(false);
      for (const auto& r : sp.requirements)
        if (static_cast<RequirementStatus>(f.force(r.cell).num.num) == RequirementStatus::unmet)
          return Value::boolean(false);
      return Value::boolean(true);
    }
  }
  return Value();
}

}  // namespace

Value Frame::compute_cell(std::uint32_t cell) {
  if (state[cell] == CellState::busy)
    throw EvalError{program.cells[cell].span, "internal error: '" + program.cells[cell].name + "' depends on itself", {}};
  state[cell] = CellState::busy;
  // A cell's nodes address records relative to the top of `elements`, and
  // were compiled outside any `where`: the records an enclosing `where` is
  // iterating stay below them, unseen, so nothing needs saving here.
  Value v = compute(*this, program.cells[cell]);
  values[cell] = v;
  state[cell] = CellState::done;
  return v;
}

}  // namespace kijun
