// The verdict as the contract's JSON object, and as a summary for a terminal.
#include <fmt/format.h>

#include "interpreter/eval/verdict.hpp"

namespace kijun {

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += ch;
    }
  }
  out += '"';
}

void append_categories_json(std::string& o, const Verdict& v) {
  o += "\"categories\":{";
  for (std::size_t i = 0; i < v.categories.size(); ++i) {
    const auto& c = v.categories[i];
    if (i) o += ',';
    append_json_string(o, c.name);
    o += ":{\"earned\":" + rational::to_json(c.earned) + ",\"counted\":" + rational::to_json(c.counted);
    if (c.min) o += ",\"min\":" + rational::to_json(*c.min);
    if (c.max) o += ",\"max\":" + rational::to_json(*c.max);
    if (c.waived) o += ",\"waived\":true";
    o += '}';
  }
  o += '}';
}

std::string verdict_json(const Verdict& v, Lang lang) {
  std::string o = "{\"id\":";
  append_json_string(o, v.id);
  o += ",\"outcome\":";
  append_json_string(o, v.outcome);
  o += ",\"total\":" + rational::to_json(v.total);
  o += ',';
  append_categories_json(o, v);
  o += ",\"unmet\":[";
  for (std::size_t i = 0; i < v.unmet.size(); ++i) {
    if (i) o += ',';
    o += "{\"rule\":";
    append_json_string(o, v.unmet[i].rule);
    o += ",\"message\":";
    append_json_string(o, v.unmet[i].message(lang));
    if (!v.unmet[i].cites.empty()) {
      o += ",\"cites\":";
      append_json_string(o, v.unmet[i].cites);
    }
    o += '}';
  }
  o += "],\"standard\":";
  append_json_string(o, v.standard);
  o += ",\"earned_total\":" + rational::to_json(v.earned_total);
  o += ",\"required_total\":" + rational::to_json(v.required_total);
  for (const auto& [name, json] : v.reports) {
    o += ',';
    append_json_string(o, name);
    o += ':';
    o += json;
  }
  o += '}';
  return o;
}

std::string verdict_text(const Verdict& v, Lang lang, const std::string& unit, const std::string& unit_label) {
  const bool ja = lang == Lang::ja;
  const char* min_word = ja ? "下限" : "min";
  const char* max_word = ja ? "上限" : "max";
  std::string o = fmt::format("{}: {} ({})\n", v.id, v.outcome, v.outcome_label);
  o += fmt::format("  {}: {}\n", ja ? "基準" : "standard", v.standard_label);
  o += fmt::format("  {} {} / {}{}  ({} {})\n", ja ? "合計" : "total", rational::to_string(v.total),
                   rational::to_string(v.required_total), ja ? (unit_label.empty() ? unit : unit_label) : " " + unit, ja ? "取得" : "earned",
                   rational::to_string(v.earned_total));
  for (const auto& c : v.categories) {
    std::string bounds;
    if (c.waived) bounds = ja ? "免除" : "waived";
    else {
      if (c.min) bounds += std::string(min_word) + " " + rational::to_string(*c.min);
      if (c.max) bounds += std::string(bounds.empty() ? "" : ", ") + max_word + " " + rational::to_string(*c.max);
    }
    o += fmt::format("  {}: {} → {}{}\n", c.label, rational::to_string(c.earned), rational::to_string(c.counted),
                     bounds.empty() ? "" : "  (" + bounds + ")");
  }
  if (v.unmet.empty()) {
    o += ja ? "  未達の要件なし\n" : "  every requirement is met\n";
  } else {
    for (const auto& u : v.unmet)
      o += fmt::format("  ✗ {}{}\n", u.message(lang), u.cites.empty() ? "" : "  [" + u.cites + "]");
  }
  return o;
}

}  // namespace kijun
