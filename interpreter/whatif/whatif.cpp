#include "interpreter/whatif/whatif.hpp"

#include <algorithm>

namespace kijun::whatif {

std::size_t Summary::base_count(const std::string& outcome) const {
  std::size_t n = 0;
  for (const auto& [k, v] : matrix)
    if (k.first == outcome) n += v;
  return n;
}

std::size_t Summary::draft_count(const std::string& outcome) const {
  std::size_t n = 0;
  for (const auto& [k, v] : matrix)
    if (k.second == outcome) n += v;
  return n;
}

bool same_schema(const facts::Schema& a, const facts::Schema& b) {
  if (a.root != b.root || a.id_field != b.id_field || a.enums.size() != b.enums.size() ||
      a.records.size() != b.records.size())
    return false;
  for (std::size_t i = 0; i < a.enums.size(); ++i)
    if (a.enums[i].name != b.enums[i].name || a.enums[i].members != b.enums[i].members) return false;
  for (std::size_t i = 0; i < a.records.size(); ++i) {
    const auto& x = a.records[i];
    const auto& y = b.records[i];
    if (x.name != y.name || x.discriminant != y.discriminant || x.fields.size() != y.fields.size() ||
        x.variants.size() != y.variants.size())
      return false;
    for (std::size_t v = 0; v < x.variants.size(); ++v)
      if (x.variants[v].name != y.variants[v].name) return false;
    for (std::size_t f = 0; f < x.fields.size(); ++f) {
      const auto& p = x.fields[f];
      const auto& q = y.fields[f];
      if (p.name != q.name || p.kind != q.kind || p.unit_name != q.unit_name || p.enum_id != q.enum_id ||
          p.record_id != q.record_id || p.required != q.required || p.optional != q.optional ||
          p.bound != q.bound || !rational::equal(p.bound_value, q.bound_value) || p.variant != q.variant ||
          p.default_value.kind != q.default_value.kind)
        return false;
      // Defaults are constants; compare the ones that carry a value.
      const Value& d = p.default_value;
      const Value& e = q.default_value;
      if ((d.kind == ValueKind::number && !rational::equal(d.num, e.num)) ||
          (d.kind == ValueKind::boolean && d.b != e.b) || (d.kind == ValueKind::string && d.as_string() != e.as_string()) ||
          (d.kind == ValueKind::enumeration && d.index != e.index) || (d.kind == ValueKind::date && d.date != e.date))
        return false;
    }
  }
  return true;
}

Evaluation::Evaluation(const Program& base, const Program& draft, Lang lang)
    : same_facts_(same_schema(base.schema, draft.schema)),
      base_reader_(base.schema),
      draft_reader_(draft.schema),
      base_eval_(base, lang),
      draft_eval_(draft, lang) {
  // The summary compares outcomes, figures and rule names only.
  base_eval_.set_render(false);
  draft_eval_.set_render(false);
}

bool Evaluation::run(std::string_view json, bool padded, const std::string& location, Diagnostics& diags,
                     Verdict& base, Verdict& draft) {
  arena_.reset();
  Value base_facts, draft_facts;
  auto read = [&](facts::FactsReader& r, Value& out) {
    return padded ? r.read_padded(json, arena_, out, diags, location) : r.read(json, arena_, out, diags, location);
  };
  bool ok = read(base_reader_, base_facts);
  if (ok && !same_facts_) ok = read(draft_reader_, draft_facts);
  if (same_facts_) draft_facts = base_facts;
  return ok && base_eval_.evaluate(base_facts, arena_, base, diags, location + " (base)") &&
         draft_eval_.evaluate(draft_facts, arena_, draft, diags, location + " (draft)");
}

Runner::Runner(const Program& base, const Program& draft, Lang lang, std::size_t max_listed)
    : evaluation_(base, draft, lang) {
  summary_.base_name = base.name;
  summary_.draft_name = draft.name;
  summary_.max_listed = max_listed;
  for (const auto& o : base.outcomes) summary_.outcomes.push_back(o.name);
  for (const auto& o : draft.outcomes)
    if (std::find(summary_.outcomes.begin(), summary_.outcomes.end(), o.name) == summary_.outcomes.end())
      summary_.outcomes.push_back(o.name);
  for (const auto* p : {&base, &draft})
    for (const auto& c : p->categories) {
      bool known = false;
      for (const auto& d : summary_.categories) known = known || d.name == c.name;
      if (!known) summary_.categories.push_back({c.name, c.label, 0, 0, {0, 1}, {0, 1}});
    }
}

namespace {

const CategoryVerdict* find(const Verdict& v, std::string_view name) {
  for (const auto& c : v.categories)
    if (c.name == name) return &c;
  return nullptr;
}

bool has_rule(const Verdict& v, std::string_view rule) {
  for (const auto& u : v.unmet)
    if (u.rule == rule) return true;
  return false;
}

}  // namespace

void Runner::add(std::string_view json, const std::string& location, Diagnostics& diags) {
  bool ok = evaluation_.run(json, false, location, diags, base_verdict_, draft_verdict_);
  record(ok, base_verdict_, draft_verdict_, location);
}

void Runner::record(bool ok, const Verdict& b, const Verdict& d, const std::string& location) {
  if (!ok) {
    ++summary_.bad;
    return;
  }
  ++summary_.applicants;
  ++summary_.matrix[{std::string(b.outcome), std::string(d.outcome)}];
  for (auto& cd : summary_.categories) {
    const CategoryVerdict* x = find(b, cd.name);
    const CategoryVerdict* y = find(d, cd.name);
    Rational bx = x ? x->counted : Rational{0, 1};
    Rational dy = y ? y->counted : Rational{0, 1};
    cd.base_sum = rational::add(cd.base_sum, bx).value_or(cd.base_sum);
    cd.draft_sum = rational::add(cd.draft_sum, dy).value_or(cd.draft_sum);
    int c = rational::compare(dy, bx);
    if (c > 0) ++cd.up;
    if (c < 0) ++cd.down;
  }
  if (b.outcome == d.outcome) return;
  ++summary_.outcome_changed;
  Change ch;
  ch.id = b.id;
  ch.location = location;
  ch.base_outcome = b.outcome;
  ch.draft_outcome = d.outcome;
  ch.base_total = b.total;
  ch.draft_total = d.total;
  for (const auto& u : d.unmet)
    if (!has_rule(b, u.rule)) ch.newly_unmet.emplace_back(u.rule);
  for (const auto& u : b.unmet)
    if (!has_rule(d, u.rule)) ch.newly_met.emplace_back(u.rule);
  for (const auto& r : ch.newly_unmet) ++summary_.deciding_rules[r];
  for (const auto& r : ch.newly_met) ++summary_.deciding_rules[r];
  if (on_change) on_change(ch);
  if (summary_.changes.size() < summary_.max_listed) summary_.changes.push_back(std::move(ch));
}

}  // namespace kijun::whatif
