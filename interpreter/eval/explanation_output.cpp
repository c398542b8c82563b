// An explanation as text for a reader (Japanese or English) and as JSON.
#include <fmt/format.h>

#include "interpreter/eval/explanation.hpp"

namespace kijun {

namespace {

struct Words {
  const char* outcome;
  const char* standard;
  const char* total;
  const char* earned;
  const char* counted;
  const char* min;
  const char* max;
  const char* requirements;
  const char* outcomes;
  const char* unmet;
  const char* waived;
  const char* not_applicable;
  const char* does_not_apply;
  const char* short_by;  // "{n}{unit}"
  const char* duplicate;
  const char* unconsidered;
  const char* none;
  const char* open;   // parentheses: full-width in Japanese text
  const char* close;
};

const Words ja{"結果",   "基準",   "合計",   "取得",   "算定",     "下限",          "上限",
               "要件",   "結果の理由", "未達", "免除", "対象外", "この申請者には適用されない",
               "あと{}{}", "同じ区分で算定済み（0）", "どの区分の対象にもならない記録", "なし", "（", "）"};
const Words en{"outcome", "standard", "total", "earned", "counted", "min", "max",
               "requirements", "why this outcome", "unmet", "waived", "not applicable", "does not apply to this applicant",
               "short by {} {}", "already counted for its key (0)", "records no category considered", "none", " (", ")"};

std::string n(Rational r) { return rational::to_string(r); }

std::string bounds(const Words& w, const std::optional<Rational>& min, const std::optional<Rational>& max) {
  std::string s;
  if (min) s += std::string(w.min) + " " + n(*min);
  if (max) s += std::string(s.empty() ? "" : ", ") + w.max + " " + n(*max);
  return s.empty() ? s : w.open + s + w.close;
}

}  // namespace

std::string explanation_text(const Explanation& e, Lang lang) {
  const Words& w = lang == Lang::ja ? ja : en;
  const Verdict& v = e.verdict;
  const std::string& unit = lang == Lang::ja ? e.unit_label : e.unit;
  const char* sep = lang == Lang::ja ? "" : " ";
  std::string o = fmt::format("{}: {} — {}\n", v.id, v.outcome, v.outcome_label);
  o += fmt::format("{}: {} — {}\n", w.standard, v.standard, v.standard_label);
  o += fmt::format("{} {} / {}{}{}{}{} {}{}\n", w.total, n(v.total), n(v.required_total), sep, unit, w.open, w.earned,
                   n(v.earned_total), w.close);
  for (const auto& c : e.categories) {
    o += fmt::format("\n{}{}: {} {} → {} {}{}\n", c.label, c.cites.empty() ? "" : " [" + c.cites + "]", w.earned,
                     n(c.earned), w.counted, n(c.counted), bounds(w, c.min, c.max));
    if (!c.waived_by.empty()) o += fmt::format("  {}: {}\n", w.waived, c.waived_by);
    for (const auto& p : c.parts) {
      const std::string& pu = lang == Lang::ja ? p.unit_label : p.unit;
      o += fmt::format("  {}{}: {}{}{}", p.label, p.cites.empty() ? "" : " [" + p.cites + "]", n(p.earned), sep, pu);
      if (p.max) o += fmt::format(" → {}{}{}{}{} {}{}", n(p.counted), sep, pu, w.open, w.max, n(*p.max), w.close);
      o += "\n";
      for (const auto& r : p.records) {
        const std::string& ru =
            lang == Lang::en && rational::equal(r.earned, Rational{1, 1}) && !p.unit_one.empty() ? p.unit_one : pu;
        if (r.counted)
          o += fmt::format("    ✓ {}  {}  +{}{}{}{}\n", r.path, r.summary, n(r.earned), sep, ru,
                           r.duplicate ? std::string("  ") + w.duplicate : "");
        else
          o += fmt::format("    ✗ {}  {}  — {}\n", r.path, r.summary, lang == Lang::ja ? r.reason_ja : r.reason_en);
      }
    }
  }
  if (!e.unconsidered.empty()) {
    o += fmt::format("\n{}:\n", w.unconsidered);
    for (const auto& r : e.unconsidered) o += fmt::format("    ? {}  {}\n", r.path, r.summary);
  }
  o += fmt::format("\n{} ({}):\n", w.requirements, v.standard);
  for (const auto& req : e.requirements) {
    RequirementTrace r = req;
    if (r.label.empty()) r.label = w.total;
    std::string cites = r.cites.empty() ? "" : "  [" + r.cites + "]";
    switch (r.status) {
      case RequirementStatus::met: o += fmt::format("  ✓ {}  {}{}\n", r.name, r.label, cites); break;
      case RequirementStatus::unmet: {
        std::string msg = lang == Lang::ja ? r.message_ja : r.message_en;
        bool one = r.shortfall && rational::equal(*r.shortfall, Rational{1, 1});
        std::string by = r.shortfall ? fmt::format(fmt::runtime(w.short_by), n(*r.shortfall),
                                                   one && lang == Lang::en && !e.unit_one.empty() ? e.unit_one : unit)
                                     : "";
        // Say how much is missing, unless the ruleset's message says it already.
        std::string shortfall = by.empty() || msg.find(by) != std::string::npos ? "" : w.open + by + w.close;
        o += fmt::format("  ✗ {}  {}{}{}\n", r.name, msg, shortfall, cites);
        break;
      }
      case RequirementStatus::not_applicable:
        o += fmt::format("  – {}  {}{}{}{}\n", r.name, r.label, w.open, w.not_applicable, w.close);
        break;
      case RequirementStatus::waived:
        o += fmt::format("  – {}  {}{}{}: {}{}\n", r.name, r.label, w.open, w.waived, r.waived_by, w.close);
        break;
    }
  }
  o += fmt::format("\n{}:\n", w.outcomes);
  for (const auto& oc : e.outcomes) {
    o += fmt::format("  {} {} — {}{}\n", oc.chosen ? "→" : "✗", oc.name, oc.label, oc.cites.empty() ? "" : "  [" + oc.cites + "]");
    if (oc.otherwise) o += lang == Lang::ja ? "      otherwise（他のどれにも当たらない）\n" : "      otherwise (none of the above)\n";
    for (const auto& c : oc.clauses) {
      o += fmt::format("      {} when {}", c.holds ? "✓" : "✗", c.text);
      if (!c.standard.empty() && !c.holds) {
        if (!c.standard_applies)
          o += fmt::format(" — {} {}{}{}{}", c.standard, w.does_not_apply, w.open, c.standard_applies_text, w.close);
        else if (!c.unmet.empty()) {
          std::string list;
          for (const auto& u : c.unmet) list += (list.empty() ? "" : ", ") + u;
          o += fmt::format(" — {}: {}", w.unmet, list);
        }
      }
      o += "\n";
    }
  }
  return o;
}

std::string explanation_json(const Explanation& e, Lang lang) {
  auto str = [](std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
  };
  auto opt = [](const std::optional<Rational>& r) { return r ? rational::to_json(*r) : std::string("null"); };
  auto rec = [&](const RecordTrace& r) {
    std::string o = "{\"path\":" + str(r.path) + ",\"summary\":" + str(r.summary) +
                    ",\"counted\":" + (r.counted ? "true" : "false");
    if (r.counted) o += ",\"earned\":" + rational::to_json(r.earned) + (r.duplicate ? ",\"duplicate\":true" : "");
    else o += ",\"reason\":" + str(lang == Lang::ja ? r.reason_ja : r.reason_en);
    return o + "}";
  };
  std::string o = "{\"verdict\":" + verdict_json(e.verdict, lang) + ",\"categories\":[";
  for (std::size_t i = 0; i < e.categories.size(); ++i) {
    const auto& c = e.categories[i];
    o += (i ? ",{" : "{") + std::string("\"name\":") + str(c.name) + ",\"label\":" + str(c.label) +
         ",\"cites\":" + str(c.cites) + ",\"earned\":" + rational::to_json(c.earned) +
         ",\"counted\":" + rational::to_json(c.counted) + ",\"min\":" + opt(c.min) + ",\"max\":" + opt(c.max);
    if (!c.waived_by.empty()) o += ",\"waived_by\":" + str(c.waived_by);
    o += ",\"parts\":[";
    for (std::size_t k = 0; k < c.parts.size(); ++k) {
      const auto& p = c.parts[k];
      o += (k ? ",{" : "{") + std::string("\"name\":") + str(p.name) + ",\"label\":" + str(p.label) +
           ",\"cites\":" + str(p.cites) + ",\"unit\":" + str(p.unit) + ",\"earned\":" + rational::to_json(p.earned) +
           ",\"counted\":" + rational::to_json(p.counted) + ",\"max\":" + opt(p.max) + ",\"records\":[";
      for (std::size_t r = 0; r < p.records.size(); ++r) o += (r ? "," : "") + rec(p.records[r]);
      o += "]}";
    }
    o += "]}";
  }
  o += "],\"requirements\":[";
  static const char* status[] = {"met", "unmet", "not_applicable", "waived"};
  for (std::size_t i = 0; i < e.requirements.size(); ++i) {
    const auto& r = e.requirements[i];
    o += (i ? ",{" : "{") + std::string("\"rule\":") + str(r.name) + ",\"label\":" + str(r.label) +
         ",\"cites\":" + str(r.cites) + ",\"status\":\"" + status[static_cast<int>(r.status)] + "\"";
    if (r.status == RequirementStatus::unmet) o += ",\"message\":" + str(lang == Lang::ja ? r.message_ja : r.message_en);
    if (r.shortfall) o += ",\"shortfall\":" + rational::to_json(*r.shortfall);
    if (!r.waived_by.empty()) o += ",\"waived_by\":" + str(r.waived_by);
    o += "}";
  }
  o += "],\"outcomes\":[";
  for (std::size_t i = 0; i < e.outcomes.size(); ++i) {
    const auto& oc = e.outcomes[i];
    o += (i ? ",{" : "{") + std::string("\"outcome\":") + str(oc.name) + ",\"label\":" + str(oc.label) +
         ",\"chosen\":" + (oc.chosen ? "true" : "false") + ",\"otherwise\":" + (oc.otherwise ? "true" : "false") +
         ",\"clauses\":[";
    for (std::size_t k = 0; k < oc.clauses.size(); ++k) {
      const auto& c = oc.clauses[k];
      o += (k ? ",{" : "{") + std::string("\"when\":") + str(c.text) + ",\"holds\":" + (c.holds ? "true" : "false");
      if (!c.standard.empty()) {
        o += ",\"standard\":" + str(c.standard) + ",\"applies\":" + (c.standard_applies ? "true" : "false") + ",\"unmet\":[";
        for (std::size_t u = 0; u < c.unmet.size(); ++u) o += (u ? "," : "") + str(c.unmet[u]);
        o += "]";
      }
      o += "}";
    }
    o += "]}";
  }
  o += "],\"unconsidered\":[";
  for (std::size_t i = 0; i < e.unconsidered.size(); ++i) o += (i ? "," : "") + rec(e.unconsidered[i]);
  return o + "]}";
}

}  // namespace kijun
