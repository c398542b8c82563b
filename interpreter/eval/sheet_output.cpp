// 単位集計表: the unit summary sheet of one applicant, from its explanation.
// HTML is self-contained (no network, no scripts) and laid out for A4 paper.
#include <fmt/format.h>

#include "interpreter/eval/escape.hpp"
#include "interpreter/eval/explanation.hpp"

namespace kijun {

namespace {

struct SheetWords {
  const char* title;
  const char* applicant;
  const char* units;
  const char* item;
  const char* part;
  const char* earned;
  const char* counted;
  const char* min;
  const char* max;
  const char* total;
  const char* required;
  const char* requirements;
  const char* verdict;
  const char* waived;
  const char* met;
  const char* unmet;
  const char* not_applicable;
  const char* standard;
  const char* footer;
};

const SheetWords sheet_ja{"単位集計表", "申請者", "更新単位", "項目", "内訳", "取得単位", "算定単位", "下限", "上限",
                          "合計", "必要単位", "要件", "判定", "免除", "充足", "未達", "対象外", "基準",
                          "kijun によりルールセットから作成"};
const SheetWords sheet_en{"Unit summary sheet", "Applicant", "Renewal units", "Item", "Detail", "Earned",
                          "Counted", "Min", "Max", "Total", "Required", "Requirements", "Verdict", "waived", "met",
                          "unmet", "not applicable", "Standard", "made by kijun from the ruleset"};


std::string n(Rational r) { return rational::to_string(r); }
std::string opt(const std::optional<Rational>& r) { return r ? n(*r) : std::string("—"); }

const char* status_word(const SheetWords& w, RequirementStatus s) {
  switch (s) {
    case RequirementStatus::met: return w.met;
    case RequirementStatus::unmet: return w.unmet;
    case RequirementStatus::not_applicable: return w.not_applicable;
    case RequirementStatus::waived: return w.waived;
  }
  return "";
}

const char* css = R"(@page { size: A4; margin: 14mm; }
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "Hiragino Sans", sans-serif;
       font-size: 10pt; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #444; }
p.ruleset { margin: 0 0 3mm; color: #333; }
table { border-collapse: collapse; width: 100%; page-break-inside: avoid; }
th, td { border: 1px solid #555; padding: 1.2mm 2mm; vertical-align: top; }
th { background: #eee; font-weight: 600; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.category td { font-weight: 600; background: #f6f6f6; }
tr.part td.label { padding-left: 6mm; color: #333; }
tr.total td { font-weight: 700; border-top: 2px solid #111; }
.unmet { color: #a00000; font-weight: 600; }
.met { color: #005a00; }
p.verdict { font-size: 12pt; font-weight: 700; margin: 1mm 0; }
footer { margin-top: 6mm; font-size: 8pt; color: #666; }
)";

}  // namespace

std::string summary_sheet_html(const Explanation& e, Lang lang) {
  const SheetWords& w = lang == Lang::ja ? sheet_ja : sheet_en;
  const Verdict& v = e.verdict;
  std::string o = fmt::format(
      "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} {}</title>\n<style>\n{}</style>\n"
      "</head>\n<body>\n<h1>{}</h1>\n<p class=\"ruleset\">{}</p>\n",
      lang == Lang::ja ? "ja" : "en", w.title, html_escape(v.id), css, w.title, html_escape(e.ruleset_label));
  o += fmt::format("<h2>{}</h2>\n<table class=\"applicant\">\n", w.applicant);
  for (const auto& [label, value] : e.applicant)
    o += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n", html_escape(label), html_escape(value));
  o += fmt::format("<tr><th>{}</th><td>{}</td></tr>\n</table>\n", w.standard, html_escape(v.standard_label));

  o += fmt::format("<h2>{}</h2>\n<table class=\"units\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
                   "<th>{}</th></tr></thead>\n<tbody>\n",
                   w.units, w.item, w.earned, w.counted, w.min, w.max);
  for (const auto& c : e.categories) {
    std::string counted = c.waived_by.empty() ? n(c.counted) : n(c.counted) + "（" + w.waived + "）";
    o += fmt::format("<tr class=\"category\" data-category=\"{}\"><td class=\"label\">{}</td><td class=\"n\">{}</td>"
                     "<td class=\"n counted\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                     html_escape(c.name), html_escape(c.label), n(c.earned), html_escape(counted), opt(c.min), opt(c.max));
    for (const auto& p : c.parts) {
      const std::string& unit = lang == Lang::ja ? p.unit_label : p.unit;
      std::string earned = n(p.earned) + (lang == Lang::ja ? "" : " ") + unit;
      std::string capped = p.max ? n(p.counted) + (lang == Lang::ja ? "" : " ") + unit : "";
      o += fmt::format("<tr class=\"part\"><td class=\"label\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                       "<td class=\"n\"></td><td class=\"n\">{}</td></tr>\n",
                       html_escape(p.label), html_escape(earned), html_escape(capped), p.max ? opt(p.max) : "");
    }
  }
  o += fmt::format("<tr class=\"total\"><td>{}</td><td class=\"n\">{}</td><td class=\"n\" id=\"total\">{}</td>"
                   "<td class=\"n\">{}</td><td class=\"n\"></td></tr>\n</tbody>\n</table>\n",
                   w.total, n(v.earned_total), n(v.total), n(v.required_total));

  o += fmt::format("<h2>{}</h2>\n<table class=\"requirements\">\n", w.requirements);
  for (const auto& r : e.requirements) {
    std::string cls = r.status == RequirementStatus::unmet ? "unmet" : r.status == RequirementStatus::met ? "met" : "";
    std::string msg = r.status == RequirementStatus::unmet ? (lang == Lang::ja ? r.message_ja : r.message_en) : r.label.empty() ? std::string(w.total) : r.label;
    o += fmt::format("<tr><td class=\"{}\">{}</td><td>{}</td><td>{}</td></tr>\n", cls, status_word(w, r.status),
                     html_escape(msg), html_escape(r.cites));
  }
  o += "</table>\n";
  o += fmt::format("<h2>{}</h2>\n<p class=\"verdict\" id=\"outcome\">{} — {}</p>\n", w.verdict, html_escape(v.outcome_label),
                   html_escape(v.outcome));
  o += fmt::format("<footer>{}</footer>\n</body>\n</html>\n", w.footer);
  return o;
}

std::string summary_sheet_markdown(const Explanation& e, Lang lang) {
  const SheetWords& w = lang == Lang::ja ? sheet_ja : sheet_en;
  const Verdict& v = e.verdict;
  std::string o = fmt::format("# {}\n\n{}\n\n## {}\n\n", w.title, e.ruleset_label, w.applicant);
  for (const auto& [label, value] : e.applicant) o += fmt::format("- {}: {}\n", label, value);
  o += fmt::format("- {}: {}\n\n## {}\n\n| {} | {} | {} | {} | {} |\n| --- | ---: | ---: | ---: | ---: |\n",
                   w.standard, v.standard_label, w.units, w.item, w.earned, w.counted, w.min, w.max);
  for (const auto& c : e.categories) {
    std::string counted = c.waived_by.empty() ? n(c.counted) : n(c.counted) + "（" + w.waived + "）";
    o += fmt::format("| **{}** | {} | **{}** | {} | {} |\n", c.label, n(c.earned), counted, opt(c.min), opt(c.max));
    for (const auto& p : c.parts) {
      const std::string& unit = lang == Lang::ja ? p.unit_label : p.unit;
      const char* sep = lang == Lang::ja ? "" : " ";
      o += fmt::format("| &nbsp;&nbsp;{} | {}{}{} | {} | | {} |\n", p.label, n(p.earned), sep, unit,
                       p.max ? n(p.counted) + sep + unit : "", p.max ? opt(p.max) : "");
    }
  }
  o += fmt::format("| **{}** | {} | **{}** | {} | |\n\n## {}\n\n", w.total, n(v.earned_total), n(v.total),
                   n(v.required_total), w.requirements);
  for (const auto& r : e.requirements) {
    std::string msg = r.status == RequirementStatus::unmet ? (lang == Lang::ja ? r.message_ja : r.message_en) : r.label.empty() ? std::string(w.total) : r.label;
    o += fmt::format("- {}: {}{}\n", status_word(w, r.status), msg, r.cites.empty() ? "" : " [" + r.cites + "]");
  }
  o += fmt::format("\n## {}\n\n**{}** ({})\n", w.verdict, v.outcome_label, v.outcome);
  return o;
}

}  // namespace kijun
