#include "interpreter/eval/evaluate.hpp"

#include "interpreter/compile/nodes.hpp"
#include "interpreter/eval/explain.hpp"
#include "stdlib/dates.hpp"

namespace kijun {

Evaluator::Evaluator(const Program& program, Lang lang) : program_(program), lang_(lang) {
  // checked_[t]: records of type t, or records in their lists, have checks.
  // Repeated until nothing changes, so nesting of any depth is covered.
  const auto& records = program_.schema.records;
  checked_.assign(records.size(), false);
  for (std::size_t t = 0; t < records.size() && t < program_.record_checks.size(); ++t)
    checked_[t] = !program_.record_checks[t].empty();
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t t = 0; t < records.size(); ++t)
      for (const auto& fs : records[t].fields)
        if (!checked_[t] && fs.kind == facts::FieldKind::list && checked_[fs.record_id]) checked_[t] = changed = true;
  }
  walked_.resize(records.size());
  for (std::size_t t = 0; t < records.size(); ++t)
    for (std::uint32_t i = 0; i < records[t].fields.size(); ++i) {
      const auto& fs = records[t].fields[i];
      if (fs.kind == facts::FieldKind::list && checked_[fs.record_id]) walked_[t].push_back(i);
    }
}

namespace {

std::string text_of(Frame& f, const plan::Text& t, Lang lang) {
  const plan::NodePtr& n = (lang == Lang::en && t.en) ? t.en : t.ja;
  if (!n) return {};
  return std::string(n->eval(f).as_string());
}

std::string num(Rational r) { return rational::to_string(r); }

// "applicant 'EX-1'" in diagnostics; made only for a diagnostic.
std::string subject_of(const std::string& id) { return id.empty() ? std::string() : "applicant '" + id + "'"; }

// The default messages of bounds the ruleset gives no message for.
void default_message(const Program& p, const RequirementPlan& r, const CategoryVerdict* c, const Verdict& v,
                     UnmetVerdict& out) {
  const UnitInfo& u = p.units[p.credit_unit];
  if (r.kind == RequirementKind::category_min && c) {
    Rational min = c->min.value_or(Rational{0, 1});
    Rational short_by = rational::sub(min, c->counted).value_or(Rational{0, 1});
    out.message_ja = std::string(c->label) + ": " + num(c->counted) + u.label + "（最小" + num(min) + u.label + "、あと" +
                     num(short_by) + u.label + "）";
    out.message_en = std::string(c->label) + " " + num(c->counted) + " " + u.name + " < minimum " + num(min);
  } else {
    Rational short_by = rational::sub(v.required_total, v.total).value_or(Rational{0, 1});
    out.message_ja = "合計 " + num(v.total) + u.label + "（必要" + num(v.required_total) + u.label + "、あと" +
                     num(short_by) + u.label + "）";
    out.message_en = "total " + num(v.total) + " " + u.name + " < " + num(v.required_total) + " required";
  }
}

}  // namespace

void append_json_value(std::string& out, const Program& p, const Value& v) {
  switch (v.kind) {
    case ValueKind::none: out += "null"; return;
    case ValueKind::boolean: out += v.b ? "true" : "false"; return;
    case ValueKind::number: rational::append_json(out, v.num); return;
    case ValueKind::string: append_json_string(out, v.as_string()); return;
    case ValueKind::date:  // ISO dates need no escape
      out += '"';
      dates::append_iso(out, v.date);
      out += '"';
      return;
    case ValueKind::enumeration: append_json_string(out, p.schema.enums[v.aux].members[v.index]); return;
    case ValueKind::list:
    case ValueKind::range:
      out += '[';
      for (std::uint32_t i = 0; i < v.seq.size; ++i) {
        if (i) out += ',';
        append_json_value(out, p, v.seq.items[i]);
      }
      out += ']';
      return;
    case ValueKind::map:
      out += '{';
      for (std::uint32_t i = 0; i + 1 < v.seq.size; i += 2) {
        if (i) out += ',';
        append_json_string(out, v.seq.items[i].as_string());
        out += ':';
        append_json_value(out, p, v.seq.items[i + 1]);
      }
      out += '}';
      return;
    case ValueKind::record: {
      const auto& rec = p.schema.records[v.aux];
      out += '{';
      bool first = true;
      for (std::uint32_t i = 0; i < v.seq.size && i < rec.fields.size(); ++i) {
        if (v.seq.items[i].is_none()) continue;
        if (!first) out += ',';
        first = false;
        append_json_string(out, rec.fields[i].name);
        out += ':';
        append_json_value(out, p, v.seq.items[i]);
      }
      out += '}';
      return;
    }
  }
}

// The ruleset's `invalid when` checks, over the applicant and every record in
// its lists: "$.activities[3]: the end is before the start". Lists whose
// records (and their lists) have no checks are not walked, and the JSON path
// is rendered only for a failing check.
bool Evaluator::check_facts(Frame& f, Diagnostics& diags, const std::string& location, const std::string& id) {
  if (!checked_[program_.schema.root]) return true;
  bool ok = true;
  std::vector<Step>& trail = trail_;
  trail.clear();
  auto path = [&] {
    std::string p = "$";
    for (const Step& s : trail) p += "." + *s.field + "[" + std::to_string(s.index) + "]";
    return p;
  };
  auto run = [&](std::uint32_t type, const Value& rec, auto&& self) -> void {
    for (const auto& c : program_.record_checks[type]) {
      if (c.variant >= 0 && c.variant != rec.seq.variant) continue;
      if (type != program_.schema.root) f.elements.push_back(&rec);
      bool invalid = c.cond->eval(f).b;
      std::string message = invalid ? text_of(f, c.message, lang_) : std::string();
      if (type != program_.schema.root) f.elements.pop_back();
      if (invalid) {
        Diagnostic d;
        d.location = location;
        d.subject = subject_of(id);
        d.json_path = path();
        d.message = message;
        diags.push_back(std::move(d));
        ok = false;
      }
    }
    const auto& fields = program_.schema.records[type].fields;
    for (std::uint32_t i : walked_[type]) {
      if (i >= rec.seq.size) break;
      const Value& list = rec.seq.items[i];
      trail.push_back({&fields[i].name, 0});
      for (std::uint32_t k = 0; k < list.seq.size; ++k) {
        trail.back().index = k;
        self(fields[i].record_id, list.seq.items[k], self);
      }
      trail.pop_back();
    }
  };
  run(program_.schema.root, f.facts, run);
  return ok;
}

bool Evaluator::evaluate(Value facts, Arena& arena, Verdict& out, Diagnostics& diags, const std::string& location,
                         RequirementStatuses* statuses) {
  return run(facts, arena, out, diags, location, nullptr, statuses);
}

void Evaluator::requirement_statuses(Frame& f, RequirementStatuses& out) {
  out.assign(program_.standards.size(), {});
  for (std::size_t s = 0; s < program_.standards.size(); ++s) {
    const StandardPlan& sp = program_.standards[s];
    try {
      if (!f.force(sp.applies_cell).b) continue;
      for (const auto& r : sp.requirements) out[s].push_back(static_cast<RequirementStatus>(f.force(r.cell).num.num));
    } catch (const EvalError&) {
      // A standard the verdict did not need may fail to evaluate (e.g. an
      // overflow): it counts as not seen, the verdict stands.
      out[s].clear();
    }
  }
}

bool Evaluator::explain(Value facts, Arena& arena, Explanation& out, Diagnostics& diags, const std::string& location) {
  out = Explanation();
  return run(facts, arena, out.verdict, diags, location, &out);
}

bool Evaluator::run(Value facts, Arena& arena, Verdict& out, Diagnostics& diags, const std::string& location,
                    Explanation* explain, RequirementStatuses* statuses) {
  // One Frame per Evaluator, reused: its cell vectors are allocated once.
  if (!frame_ || &frame_->arena != &arena) frame_ = std::make_unique<Frame>(program_, arena);
  Frame& f = *frame_;
  f.observer = nullptr;
  f.reset(facts);
  std::unique_ptr<ExplainCollector> collector;
  if (explain) {
    collector = std::make_unique<ExplainCollector>(program_, facts, *explain);
    f.observer = collector.get();
  }
  out.clear();
  if (program_.schema.id_field >= 0) {
    const Value& id = facts.seq.items[program_.schema.id_field];
    if (id.kind == ValueKind::string) out.id = id.as_string();
  }
  try {
    if (!check_facts(f, diags, location, out.id)) return false;
    for (std::uint32_t o = 0; o < program_.outcomes.size(); ++o) {
      const OutcomePlan& op = program_.outcomes[o];
      int reporting = -2;  // -2: this outcome does not apply
      if (op.otherwise) reporting = -1;
      for (std::size_t w = 0; w < op.whens.size() && reporting == -2; ++w)
        if (op.whens[w].cond->eval(f).b) reporting = op.whens[w].reporting;
      if (reporting == -2) continue;
      int standard = build_verdict(f, o, reporting, out);
      if (collector) collector->finish(f, o, standard);
      if (statuses) requirement_statuses(f, *statuses);
      return true;
    }
    throw EvalError{program_.outcomes.empty() ? Span{} : program_.outcomes.back().span,
                    "no outcome applies to this applicant", "end the outcomes with one that says `otherwise`"};
  } catch (const EvalError& e) {
    Diagnostic d;
    d.location = location;
    d.subject = subject_of(out.id);
    d.message = e.message;
    d.hint = e.hint;
    d.notes.push_back({e.span, "while evaluating this rule"});
    diags.push_back(std::move(d));
    return false;
  }
}

int Evaluator::build_verdict(Frame& f, std::uint32_t outcome, int standard, Verdict& out) {
  const Program& p = program_;
  if (standard < 0)
    for (std::uint32_t s = 0; s < p.standards.size() && standard < 0; ++s)
      if (f.force(p.standards[s].applies_cell).b) standard = static_cast<int>(s);
  out.outcome = p.outcomes[outcome].name;
  if (render_) out.outcome_label = p.outcomes[outcome].label;
  if (standard < 0) {
    if (p.standards.empty()) return -1;
    std::string which;
    for (const auto& sp : p.standards) which += (which.empty() ? "" : "; ") + sp.name + ": " + sp.applies_text;
    throw EvalError{p.standards.front().span, "no standard of this ruleset applies to this applicant", which};
  }
  const StandardPlan& sp = p.standards[standard];
  out.standard = sp.name;
  if (render_) out.standard_label = sp.label;
  out.categories.reserve(p.categories.size());
  for (std::uint32_t c = 0; c < p.categories.size(); ++c) {
    CategoryVerdict cv;
    cv.name = p.categories[c].name;
    if (render_) cv.label = p.categories[c].label;
    cv.earned = f.force(p.categories[c].cell).num;
    cv.counted = f.force(sp.counted_cells[c]).num;
    Value min = f.force(sp.min_cells[c]), max = f.force(sp.max_cells[c]);
    if (!min.is_none()) cv.min = min.num;
    if (!max.is_none()) cv.max = max.num;
    for (const auto& e : p.exemptions)
      for (auto wc : e.waived_categories) cv.waived = cv.waived || (wc == c && f.force(e.cell).b);
    out.categories.push_back(cv);
  }
  out.total = f.force(sp.total_cell).num;
  out.earned_total = f.force(sp.earned_total_cell).num;
  out.required_total = f.force(sp.required_total_cell).num;
  for (const auto& r : sp.requirements) {
    if (static_cast<RequirementStatus>(f.force(r.cell).num.num) != RequirementStatus::unmet) continue;
    UnmetVerdict u;
    u.rule = r.name;
    if (!render_) {
      // Evaluated all the same: a message that cannot be evaluated fails the
      // applicant here as it does when rendered.
      if (r.message.ja) r.message.ja->eval(f);
      if (r.message.en) r.message.en->eval(f);
      out.unmet.push_back(std::move(u));
      continue;
    }
    u.label = r.label;
    u.cites = r.cites;
    if (r.message.ja) {
      u.message_ja = text_of(f, r.message, Lang::ja);
      u.message_en = text_of(f, r.message, Lang::en);
    } else {
      default_message(p, r, r.kind == RequirementKind::category_min ? &out.categories[r.category] : nullptr, out, u);
    }
    out.unmet.push_back(std::move(u));
  }
  for (const auto* reports : {&p.reports, &sp.reports})
    for (const auto& r : *reports) {
      Value v = r.value->eval(f);
      if (!render_) continue;
      // Written into one reused buffer, then copied once at its size.
      scratch_.clear();
      append_json_value(scratch_, p, v);
      out.reports.emplace_back(r.name, scratch_);
    }
  return standard;
}

}  // namespace kijun
