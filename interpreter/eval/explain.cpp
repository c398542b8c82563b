#include "interpreter/eval/explain.hpp"

#include "interpreter/compile/nodes.hpp"
#include "stdlib/dates.hpp"

namespace kijun {

namespace {

std::string text_of(Frame& f, const plan::NodePtr& n) { return n ? std::string(n->eval(f).as_string()) : std::string(); }

// Every record in the facts' lists, with its JSON path, so that each one is
// accounted for: counted, not counted with a reason, or not considered.
void index_records(const Program& p, std::uint32_t type, const Value& rec, const std::string& path, auto&& add) {
  const auto& fields = p.schema.records[type].fields;
  for (std::uint32_t i = 0; i < fields.size() && i < rec.seq.size; ++i) {
    if (fields[i].kind != facts::FieldKind::list) continue;
    const Value& list = rec.seq.items[i];
    for (std::uint32_t k = 0; k < list.seq.size; ++k) {
      std::string sub = path + "." + fields[i].name + "[" + std::to_string(k) + "]";
      add(list.seq.items[k], sub);
      index_records(p, fields[i].record_id, list.seq.items[k], sub, add);
    }
  }
}

}  // namespace

std::string summarize_record(const Program& p, const Value& rec) {
  if (rec.kind != ValueKind::record || rec.aux >= p.schema.records.size()) return {};
  const auto& fields = p.schema.records[rec.aux].fields;
  std::string dates, rest;
  auto add = [&](std::string& to, const std::string& s) {
    if (!to.empty()) to += ' ';
    to += s;
  };
  for (std::uint32_t i = 0; i < fields.size() && i < rec.seq.size; ++i) {
    const Value& v = rec.seq.items[i];
    switch (v.kind) {
      case ValueKind::date: add(dates, dates::format(v.date)); break;
      case ValueKind::enumeration: add(rest, p.schema.enums[v.aux].members[v.index]); break;
      case ValueKind::string:
        if (v.str.size) add(rest, std::string(v.as_string()));
        break;
      case ValueKind::boolean:
        if (v.b) add(rest, fields[i].name);
        break;
      case ValueKind::number:
        add(rest, rational::to_string(v.num) + (fields[i].unit_name.empty() ? "" : " " + fields[i].unit_name));
        break;
      default: break;
    }
  }
  std::string s = dates.empty() ? rest : rest.empty() ? dates : dates + " " + rest;
  // Keep a line readable: cut at a character boundary.
  if (s.size() > 120) {
    std::size_t cut = 117;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return s;
}

ExplainCollector::ExplainCollector(const Program& p, Value facts, Explanation& out) : p_(p), out_(out) {
  index_records(p, p.schema.root, facts, "$", [&](const Value& rec, const std::string& path) {
    records_[rec.seq.items] = {path, rec, false};
    order_.push_back(rec.seq.items);
  });
  out_.ruleset_label = p.label.empty() ? p.name : p.label;
  const auto& root = p.schema.records[p.schema.root];
  for (std::uint32_t i = 0; i < root.fields.size() && i < facts.seq.size; ++i) {
    const Value& v = facts.seq.items[i];
    if (root.fields[i].kind == facts::FieldKind::list || v.is_none()) continue;
    std::string text = v.kind == ValueKind::boolean ? (v.b ? "✓" : "—") : plan::display(p, v);
    out_.applicant.emplace_back(root.fields[i].label.empty() ? root.fields[i].name : root.fields[i].label, text);
  }
  out_.unit = p.units[p.credit_unit].name;
  out_.unit_one = p.units[p.credit_unit].singular;
  out_.unit_label = p.units[p.credit_unit].label.empty() ? out_.unit : p.units[p.credit_unit].label;
  for (const auto& c : p.categories) {
    CategoryTrace ct;
    ct.name = c.name;
    ct.label = c.label;
    ct.cites = c.cites;
    for (const auto& part : c.parts) {
      PartTrace pt;
      pt.name = part.name;
      pt.label = part.label;
      pt.cites = part.cites;
      pt.unit = p.units[part.unit].name;
      pt.unit_one = p.units[part.unit].singular;
      pt.unit_label = p.units[part.unit].label.empty() ? pt.unit : p.units[part.unit].label;
      ct.parts.push_back(std::move(pt));
    }
    out_.categories.push_back(std::move(ct));
  }
}

void ExplainCollector::record(Frame& f, std::uint32_t c, std::uint32_t part, const Value& rec, int reason,
                              bool duplicate, Rational earned) {
  RecordTrace t;
  auto it = records_.find(rec.seq.items);
  if (it != records_.end()) {
    t.path = it->second.path;
    it->second.seen = true;
  }
  t.summary = summarize_record(p_, rec);
  t.counted = reason < 0;
  t.duplicate = duplicate;
  t.earned = earned;
  if (reason >= 0) {
    const auto& why = p_.categories[c].parts[part].counts[static_cast<std::size_t>(reason)].reason;
    t.reason_ja = text_of(f, why.ja);
    t.reason_en = why.en ? text_of(f, why.en) : t.reason_ja;
  }
  out_.categories[c].parts[part].records.push_back(std::move(t));
}

void ExplainCollector::part_done(std::uint32_t c, std::uint32_t part, Rational earned, Rational counted) {
  auto& pt = out_.categories[c].parts[part];
  pt.earned = earned;
  pt.counted = counted;
  if (rational::compare(earned, counted) != 0) pt.max = counted;
}

void ExplainCollector::finish(Frame& f, std::uint32_t outcome, int standard) {
  const Verdict& v = out_.verdict;
  for (std::size_t c = 0; c < v.categories.size(); ++c) {
    auto& ct = out_.categories[c];
    ct.earned = v.categories[c].earned;
    ct.counted = v.categories[c].counted;
    ct.min = v.categories[c].min;
    ct.max = v.categories[c].max;
    for (const auto& e : p_.exemptions)
      for (auto wc : e.waived_categories)
        if (wc == c && f.force(e.cell).b) ct.waived_by = e.label;
  }
  if (standard >= 0) {
    const StandardPlan& sp = p_.standards[static_cast<std::size_t>(standard)];
    for (const auto& r : sp.requirements) {
      RequirementTrace rt;
      rt.name = r.name;
      rt.label = r.kind == RequirementKind::total_min ? "" : r.label;  // renderers say "total" in their language
      rt.cites = r.cites;
      rt.status = static_cast<RequirementStatus>(f.force(r.cell).num.num);
      if (rt.status == RequirementStatus::waived)
        for (const auto& e : p_.exemptions)
          if (f.force(e.cell).b) rt.waived_by = e.label;
      for (const auto& u : v.unmet)
        if (u.rule == r.name) {
          rt.message_ja = u.message_ja;
          rt.message_en = u.message_en;
        }
      if (r.kind == RequirementKind::category_min && rt.status == RequirementStatus::unmet) {
        const auto& cv = v.categories[r.category];
        if (cv.min) rt.shortfall = rational::sub(*cv.min, cv.counted);
      } else if (r.kind == RequirementKind::total_min && rt.status == RequirementStatus::unmet) {
        rt.shortfall = rational::sub(v.required_total, v.total);
      }
      out_.requirements.push_back(std::move(rt));
    }
  }
  for (std::uint32_t o = 0; o <= outcome && o < p_.outcomes.size(); ++o) {
    const OutcomePlan& op = p_.outcomes[o];
    OutcomeTrace ot;
    ot.name = op.name;
    ot.label = op.label;
    ot.cites = op.cites;
    ot.chosen = o == outcome;
    ot.otherwise = op.otherwise;
    for (const auto& w : op.whens) {
      ClauseTrace ct;
      ct.text = w.text;
      ct.holds = w.cond->eval(f).b;
      if (w.meets >= 0) {
        const StandardPlan& sp = p_.standards[static_cast<std::size_t>(w.meets)];
        ct.standard = sp.name;
        ct.standard_applies = f.force(sp.applies_cell).b;
        ct.standard_applies_text = sp.applies_text;
        if (ct.standard_applies)
          for (const auto& r : sp.requirements)
            if (static_cast<RequirementStatus>(f.force(r.cell).num.num) == RequirementStatus::unmet)
              ct.unmet.push_back(r.name);
      }
      ot.clauses.push_back(std::move(ct));
      if (ot.chosen && ot.clauses.back().holds) break;  // later clauses were not needed
    }
    out_.outcomes.push_back(std::move(ot));
  }
  for (const Value* key : order_) {
    const Known& k = records_[key];
    if (k.seen) continue;
    RecordTrace t;
    t.path = k.path;
    t.summary = summarize_record(p_, k.record);
    t.reason_ja = "どの区分の対象にもならない";
    t.reason_en = "not considered by any category";
    out_.unconsidered.push_back(std::move(t));
  }
}

}  // namespace kijun
