// What-if summaries as text, JSON and CSV.
#include <fmt/format.h>

#include "interpreter/eval/escape.hpp"
#include "interpreter/eval/verdict.hpp"
#include "interpreter/whatif/whatif.hpp"

namespace kijun::whatif {

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string q(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}


std::string delta(Rational from, Rational to) {
  auto d = rational::sub(to, from);
  if (!d) return "?";
  return (d->num > 0 ? "+" : "") + rational::to_string(*d);
}

}  // namespace

std::string render_text(const Summary& s) {
  std::string o = fmt::format("what-if: {} → {}\n", s.base_name, s.draft_name);
  o += fmt::format("{} applicants evaluated under both; {} changed outcome", s.applicants, s.outcome_changed);
  if (s.bad) o += fmt::format("; {} could not be evaluated", s.bad);
  o += "\n\ntransition matrix (rows: base, columns: draft)\n";
  std::size_t w = 12;
  for (const auto& x : s.outcomes) w = std::max(w, x.size() + 2);
  o += fmt::format("{:<{}}", "", w);
  for (const auto& x : s.outcomes) o += fmt::format("{:>{}}", x, w);
  o += fmt::format("{:>{}}\n", "total", w);
  for (const auto& r : s.outcomes) {
    o += fmt::format("{:<{}}", r, w);
    for (const auto& c : s.outcomes) {
      auto it = s.matrix.find({r, c});
      o += fmt::format("{:>{}}", it == s.matrix.end() ? 0 : it->second, w);
    }
    o += fmt::format("{:>{}}\n", s.base_count(r), w);
  }
  o += fmt::format("{:<{}}", "total", w);
  for (const auto& c : s.outcomes) o += fmt::format("{:>{}}", s.draft_count(c), w);
  o += fmt::format("{:>{}}\n", s.applicants, w);

  o += "\ncounted units by category (sum over the cohort)\n";
  for (const auto& c : s.categories)
    o += fmt::format("  {:<12} {} → {} ({}); more for {}, fewer for {}\n", c.name, rational::to_string(c.base_sum),
                     rational::to_string(c.draft_sum), delta(c.base_sum, c.draft_sum), c.up, c.down);
  if (!s.deciding_rules.empty()) {
    o += "\nrequirements behind the changes (applicants)\n";
    for (const auto& [rule, n] : s.deciding_rules) o += fmt::format("  {:<20} {}\n", rule, n);
  }
  if (!s.changes.empty()) {
    o += fmt::format("\napplicants whose outcome changed{}\n",
                     s.outcome_changed > s.changes.size() ? fmt::format(" (first {} of {})", s.changes.size(), s.outcome_changed) : "");
    for (const auto& c : s.changes) {
      o += fmt::format("  {}  {} → {}  total {} → {}", c.id, c.base_outcome, c.draft_outcome,
                       rational::to_string(c.base_total), rational::to_string(c.draft_total));
      if (!c.newly_unmet.empty()) o += "  now unmet: " + join(c.newly_unmet, ", ");
      if (!c.newly_met.empty()) o += "  now met: " + join(c.newly_met, ", ");
      o += "\n";
    }
  }
  return o;
}

std::string render_json(const Summary& s) {
  std::string o = "{\"base\":" + q(s.base_name) + ",\"draft\":" + q(s.draft_name) +
                  fmt::format(",\"applicants\":{},\"bad\":{},\"outcome_changed\":{}", s.applicants, s.bad, s.outcome_changed) +
                  ",\"outcomes\":[";
  for (std::size_t i = 0; i < s.outcomes.size(); ++i) o += (i ? "," : "") + q(s.outcomes[i]);
  o += "],\"matrix\":[";
  bool first = true;
  for (const auto& [k, n] : s.matrix) {
    o += (first ? "" : ",") + fmt::format("{{\"base\":{},\"draft\":{},\"applicants\":{}}}", q(k.first), q(k.second), n);
    first = false;
  }
  o += "],\"categories\":[";
  for (std::size_t i = 0; i < s.categories.size(); ++i) {
    const auto& c = s.categories[i];
    o += (i ? "," : "") + fmt::format("{{\"name\":{},\"base_counted\":{},\"draft_counted\":{},\"more\":{},\"fewer\":{}}}",
                                      q(c.name), rational::to_json(c.base_sum), rational::to_json(c.draft_sum), c.up, c.down);
  }
  o += "],\"deciding_rules\":{";
  first = true;
  for (const auto& [r, n] : s.deciding_rules) {
    o += (first ? "" : ",") + q(r) + ":" + std::to_string(n);
    first = false;
  }
  o += fmt::format("}},\"changes_listed\":{},\"changes\":[", s.changes.size());
  for (std::size_t i = 0; i < s.changes.size(); ++i) {
    const auto& c = s.changes[i];
    o += (i ? ",{" : "{") + std::string("\"id\":") + q(c.id) + ",\"at\":" + q(c.location) + ",\"base\":" +
         q(c.base_outcome) + ",\"draft\":" + q(c.draft_outcome) + ",\"base_total\":" + rational::to_json(c.base_total) +
         ",\"draft_total\":" + rational::to_json(c.draft_total) + ",\"newly_unmet\":[";
    for (std::size_t k = 0; k < c.newly_unmet.size(); ++k) o += (k ? "," : "") + q(c.newly_unmet[k]);
    o += "],\"newly_met\":[";
    for (std::size_t k = 0; k < c.newly_met.size(); ++k) o += (k ? "," : "") + q(c.newly_met[k]);
    o += "]}";
  }
  return o + "]}\n";
}

std::string csv_header() { return "id,at,base_outcome,draft_outcome,base_total,draft_total,newly_unmet,newly_met\n"; }

std::string csv_row(const Change& c) {
  return csv_field(c.id) + "," + csv_field(c.location) + "," + c.base_outcome + "," + c.draft_outcome + "," +
         rational::to_string(c.base_total) + "," + rational::to_string(c.draft_total) + "," +
         csv_field(join(c.newly_unmet, " ")) + "," + csv_field(join(c.newly_met, " ")) + "\n";
}

}  // namespace kijun::whatif
