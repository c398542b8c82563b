#include "interpreter/cli/table_render.hpp"

#include <algorithm>

#include "interpreter/eval/escape.hpp"
#include "interpreter/eval/verdict.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::cli {

namespace {

std::string cell_text(const std::optional<Rational>& c, const char* blank) {
  return c ? rational::to_string(*c) : blank;
}

std::string unit_of(const Program& p, const TableRowPlan& r) { return r.unit ? p.units[r.unit].name : "number"; }
std::string label_of(const TableRowPlan& r) { return r.label.empty() ? r.name : r.label; }

std::string pad_right(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  return s + std::string(width > w ? width - w : 0, ' ');
}
std::string pad_left(const std::string& s, std::size_t width) {
  std::size_t w = display_width(s);
  return std::string(width > w ? width - w : 0, ' ') + s;
}


std::string text(const Program& p, const TablePlan& t) {
  std::string out = t.label.empty() ? t.name : t.label;
  if (!t.cites.empty()) out += "  [" + t.cites + "]";
  out += "\n";
  std::size_t lw = display_width(t.key_name), uw = 0, cw = 4;
  for (const auto& r : t.rows) {
    lw = std::max(lw, display_width(label_of(r)));
    uw = std::max(uw, unit_of(p, r).size());
    for (const auto& c : r.cells) cw = std::max(cw, cell_text(c, "-").size());
  }
  for (const auto& k : t.keys) cw = std::max(cw, rational::to_string(k).size());
  out += pad_right(t.key_name, lw) + "  " + std::string(uw, ' ');
  for (const auto& k : t.keys) out += "  " + pad_left(rational::to_string(k), cw);
  out += "\n";
  for (const auto& r : t.rows) {
    out += pad_right(label_of(r), lw) + "  " + pad_right(unit_of(p, r), uw);
    for (const auto& c : r.cells) out += "  " + pad_left(cell_text(c, "-"), cw);
    out += "\n";
  }
  return out;
}

std::string csv(const Program& p, const TablePlan& t) {
  std::string out = "row,label,unit";
  for (const auto& k : t.keys) out += "," + rational::to_string(k);
  out += "\n";
  for (const auto& r : t.rows) {
    out += csv_field(r.name) + "," + csv_field(label_of(r)) + "," + unit_of(p, r);
    for (const auto& c : r.cells) out += "," + cell_text(c, "");
    out += "\n";
  }
  return out;
}

std::string markdown(const Program& p, const TablePlan& t) {
  std::string out = "**" + (t.label.empty() ? t.name : t.label) + "**";
  if (!t.cites.empty()) out += " (" + t.cites + ")";
  out += "\n\n| 項目 | unit |";
  for (const auto& k : t.keys) out += " " + rational::to_string(k) + " |";
  out += "\n| --- | --- |";
  for (std::size_t i = 0; i < t.keys.size(); ++i) out += " ---: |";
  out += "\n";
  for (const auto& r : t.rows) {
    out += "| " + label_of(r) + " | " + unit_of(p, r) + " |";
    for (const auto& c : r.cells) out += " " + cell_text(c, "–") + " |";
    out += "\n";
  }
  return out;
}

std::string json(const Program& p, const TablePlan& t) {
  std::string out = "{\"table\":";
  append_json_string(out, t.name);
  out += ",\"label\":";
  append_json_string(out, t.label);
  out += ",\"cites\":";
  append_json_string(out, t.cites);
  out += ",\"key\":";
  append_json_string(out, t.key_name);
  out += ",\"columns\":[";
  for (std::size_t i = 0; i < t.keys.size(); ++i) out += (i ? "," : "") + rational::to_json(t.keys[i]);
  out += "],\"rows\":[";
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const auto& r = t.rows[i];
    out += i ? ",{\"name\":" : "{\"name\":";
    append_json_string(out, r.name);
    out += ",\"label\":";
    append_json_string(out, label_of(r));
    out += ",\"unit\":";
    append_json_string(out, unit_of(p, r));
    out += ",\"cells\":[";
    for (std::size_t k = 0; k < r.cells.size(); ++k)
      out += (k ? "," : "") + (r.cells[k] ? rational::to_json(*r.cells[k]) : std::string("null"));
    out += "]}";
  }
  return out + "]}\n";
}

}  // namespace

std::string render_table(const Program& p, const TablePlan& t, TableFormat format) {
  switch (format) {
    case TableFormat::text: return text(p, t);
    case TableFormat::csv: return csv(p, t);
    case TableFormat::markdown: return markdown(p, t);
    case TableFormat::json: return json(p, t);
  }
  return {};
}

}  // namespace kijun::cli
