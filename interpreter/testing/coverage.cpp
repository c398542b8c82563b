#include "interpreter/testing/coverage.hpp"

#include <fmt/format.h>

#include "interpreter/eval/verdict.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::ruletest {

Coverage::Coverage(const Program& program) {
  for (const auto& sp : program.standards) {
    Standard s{sp.name, sp.label, 0, {}};
    for (const auto& r : sp.requirements) s.requirements.push_back({r.name, r.label, r.cites});
    standards_.push_back(std::move(s));
  }
  for (const auto& op : program.outcomes) outcomes_.push_back({op.name, op.label, 0});
}

void Coverage::add(const std::string& outcome, const RequirementStatuses& statuses) {
  ++examples_;
  for (auto& o : outcomes_)
    if (o.name == outcome) ++o.reached;
  for (std::size_t s = 0; s < standards_.size() && s < statuses.size(); ++s) {
    if (statuses[s].empty()) continue;
    auto& st = standards_[s];
    ++st.applied;
    for (std::size_t r = 0; r < st.requirements.size() && r < statuses[s].size(); ++r) {
      auto& req = st.requirements[r];
      switch (statuses[s][r]) {
        case RequirementStatus::met: ++req.met; break;
        case RequirementStatus::unmet: ++req.unmet; break;
        case RequirementStatus::waived: ++req.waived; break;
        case RequirementStatus::not_applicable: ++req.not_applicable; break;
      }
    }
  }
}

bool Coverage::complete() const {
  for (const auto& s : standards_)
    for (const auto& r : s.requirements)
      if (!r.covered()) return false;
  for (const auto& o : outcomes_)
    if (!o.reached) return false;
  return true;
}

namespace {

// Pads to a display width (Japanese labels are two columns a character).
std::string pad(const std::string& s, std::size_t width) {
  const std::size_t w = display_width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

}  // namespace

std::string Coverage::text(const std::string& ruleset) const {
  std::size_t name_width = 0, covered = 0, total = 0, reached = 0;
  for (const auto& s : standards_)
    for (const auto& r : s.requirements) name_width = std::max(name_width, display_width(r.name));
  for (const auto& o : outcomes_) name_width = std::max(name_width, display_width(o.name));
  std::string out = fmt::format("coverage of {} ({} example{} evaluated)\n", ruleset, examples_, examples_ == 1 ? "" : "s");
  for (const auto& s : standards_) {
    out += fmt::format("  standard {} \"{}\": applied to {} example{}\n", s.name, s.label, s.applied,
                       s.applied == 1 ? "" : "s");
    for (const auto& r : s.requirements) {
      ++total;
      if (r.covered()) ++covered;
      std::string missing = r.covered() ? ""
                            : r.met == 0 && r.unmet == 0 ? "  <- never met nor unmet"
                            : r.met == 0                 ? "  <- never met"
                                                         : "  <- never unmet";
      std::string other;
      if (r.waived) other += fmt::format("  waived {}", r.waived);
      if (r.not_applicable) other += fmt::format("  n/a {}", r.not_applicable);
      out += fmt::format("    {} {}  met {:>3}  unmet {:>3}{}{}\n", r.covered() ? "✓" : "✗", pad(r.name, name_width), r.met,
                         r.unmet, other, missing);
    }
  }
  out += "  outcomes\n";
  for (const auto& o : outcomes_) {
    if (o.reached) ++reached;
    out += fmt::format("    {} {}  reached {:>3}{}\n", o.reached ? "✓" : "✗", pad(o.name, name_width), o.reached,
                       o.reached ? "" : "  <- never reached");
  }
  out += fmt::format("  {} of {} requirements seen both met and unmet; {} of {} outcomes reached{}\n", covered, total,
                     reached, outcomes_.size(), complete() ? ": full coverage" : "");
  return out;
}

std::string Coverage::json(const std::string& ruleset) const {
  std::string o = "{\"ruleset\":";
  append_json_string(o, ruleset);
  o += fmt::format(",\"examples\":{},\"complete\":{},\"standards\":[", examples_, complete() ? "true" : "false");
  for (std::size_t i = 0; i < standards_.size(); ++i) {
    const auto& s = standards_[i];
    if (i) o += ',';
    o += "{\"name\":";
    append_json_string(o, s.name);
    o += ",\"label\":";
    append_json_string(o, s.label);
    o += fmt::format(",\"applied\":{},\"requirements\":[", s.applied);
    for (std::size_t k = 0; k < s.requirements.size(); ++k) {
      const auto& r = s.requirements[k];
      if (k) o += ',';
      o += "{\"name\":";
      append_json_string(o, r.name);
      o += ",\"label\":";
      append_json_string(o, r.label);
      o += ",\"cites\":";
      append_json_string(o, r.cites);
      o += fmt::format(",\"met\":{},\"unmet\":{},\"waived\":{},\"not_applicable\":{},\"covered\":{}}}", r.met, r.unmet,
                       r.waived, r.not_applicable, r.covered() ? "true" : "false");
    }
    o += "]}";
  }
  o += "],\"outcomes\":[";
  for (std::size_t i = 0; i < outcomes_.size(); ++i) {
    if (i) o += ',';
    o += "{\"name\":";
    append_json_string(o, outcomes_[i].name);
    o += ",\"label\":";
    append_json_string(o, outcomes_[i].label);
    o += fmt::format(",\"reached\":{}}}", outcomes_[i].reached);
  }
  return o + "]}";
}

}  // namespace kijun::ruletest
