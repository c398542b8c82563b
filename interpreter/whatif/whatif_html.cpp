// The what-if report a committee member opens in a browser: the transition
// matrix, outcome counts as an SVG bar chart, category changes and the
// applicants whose outcome changed. One file, no scripts, no network.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/eval/escape.hpp"
#include "interpreter/whatif/whatif.hpp"

namespace kijun::whatif {

namespace {


// Grouped bars: each outcome's count under the base and under the draft.
std::string chart(const Summary& s) {
  std::size_t most = 1;
  for (const auto& o : s.outcomes) most = std::max({most, s.base_count(o), s.draft_count(o)});
  const int group = 150, bar = 50, height = 200, top = 20, bottom = 40;
  int width = static_cast<int>(s.outcomes.size()) * group + 40;
  std::string svg = fmt::format(
      "<svg width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"outcomes under base and draft\">\n",
      width, height + top + bottom);
  svg += fmt::format("<line x1=\"20\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\" stroke=\"#333\"/>\n", top + height, width - 10);
  for (std::size_t i = 0; i < s.outcomes.size(); ++i) {
    const auto& o = s.outcomes[i];
    int x = 30 + static_cast<int>(i) * group;
    std::size_t counts[2] = {s.base_count(o), s.draft_count(o)};
    for (int k = 0; k < 2; ++k) {
      int h = static_cast<int>(static_cast<double>(counts[k]) / static_cast<double>(most) * height);
      int bx = x + k * (bar + 4);
      svg += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", k ? "draft" : "base", bx,
                         top + height - h, bar, h);
      svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" class=\"count\">{}</text>\n", bx + bar / 2,
                         top + height - h - 4, counts[k]);
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x + bar + 2, top + height + 18, html_escape(o));
  }
  return svg + "</svg>\n";
}

const char* css = R"(body { font-family: "Noto Sans CJK JP", "Noto Sans JP", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #888; padding: 0.25em 0.6em; }
th { background: #eee; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.same { background: #f2f2f2; } td.changed { background: #fde2c8; font-weight: 600; }
rect.base { fill: #8aa9c9; } rect.draft { fill: #d9822b; }
.legend span { display: inline-block; width: 1em; height: 1em; vertical-align: middle; margin: 0 0.3em 0 1em; }
text { font-size: 12px; } text.count { font-size: 11px; }
@media print { body { margin: 10mm; } }
)";

}  // namespace

std::string render_html(const Summary& s) {
  std::string o = fmt::format(
      "<!doctype html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>what-if: {0} → {1}</title>\n"
      "<style>\n{2}</style>\n</head>\n<body>\n<h1>What-if: {0} → {1}</h1>\n"
      "<p id=\"summary\">{3} applicants evaluated under both rulesets; <strong id=\"changed\">{4}</strong> change outcome{5}.</p>\n",
      html_escape(s.base_name), html_escape(s.draft_name), css, s.applicants, s.outcome_changed,
      s.bad ? fmt::format("; {} could not be evaluated", s.bad) : "");
  o += "<h2>Outcomes</h2>\n<p class=\"legend\"><span style=\"background:#8aa9c9\"></span>base"
       "<span style=\"background:#d9822b\"></span>draft</p>\n" + chart(s);
  o += "<h2>Transition matrix</h2>\n<p>Rows: outcome under the base; columns: under the draft.</p>\n"
       "<table id=\"matrix\">\n<tr><th></th>";
  for (const auto& c : s.outcomes) o += "<th>" + html_escape(c) + "</th>";
  o += "<th>total</th></tr>\n";
  for (const auto& r : s.outcomes) {
    o += "<tr><th>" + html_escape(r) + "</th>";
    for (const auto& c : s.outcomes) {
      auto it = s.matrix.find({r, c});
      std::size_t n = it == s.matrix.end() ? 0 : it->second;
      o += fmt::format("<td class=\"n {}\" data-base=\"{}\" data-draft=\"{}\">{}</td>",
                       r == c ? "same" : (n ? "changed" : ""), html_escape(r), html_escape(c), n);
    }
    o += fmt::format("<td class=\"n\">{}</td></tr>\n", s.base_count(r));
  }
  o += "<tr><th>total</th>";
  for (const auto& c : s.outcomes) o += fmt::format("<td class=\"n\">{}</td>", s.draft_count(c));
  o += fmt::format("<td class=\"n\">{}</td></tr>\n</table>\n", s.applicants);

  o += "<h2>Counted units by category</h2>\n<table id=\"categories\">\n<tr><th>category</th><th>base</th><th>draft</th>"
       "<th>more</th><th>fewer</th></tr>\n";
  for (const auto& c : s.categories)
    o += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
                     "<td class=\"n\">{}</td></tr>\n",
                     html_escape(c.label.empty() ? c.name : c.label), rational::to_string(c.base_sum),
                     rational::to_string(c.draft_sum), c.up, c.down);
  o += "</table>\n";
  if (!s.deciding_rules.empty()) {
    o += "<h2>Requirements behind the changes</h2>\n<table id=\"rules\">\n<tr><th>requirement</th><th>applicants</th></tr>\n";
    for (const auto& [r, n] : s.deciding_rules) o += fmt::format("<tr><td>{}</td><td class=\"n\">{}</td></tr>\n", html_escape(r), n);
    o += "</table>\n";
  }
  if (!s.changes.empty()) {
    o += fmt::format("<h2>Applicants whose outcome changed{}</h2>\n<table id=\"changes\">\n<tr><th>id</th><th>base</th>"
                     "<th>draft</th><th>total</th><th>now unmet</th><th>now met</th></tr>\n",
                     s.outcome_changed > s.changes.size()
                         ? fmt::format(" (first {} of {})", s.changes.size(), s.outcome_changed)
                         : "");
    for (const auto& c : s.changes) {
      std::string unmet, met;
      for (const auto& r : c.newly_unmet) unmet += (unmet.empty() ? "" : ", ") + r;
      for (const auto& r : c.newly_met) met += (met.empty() ? "" : ", ") + r;
      o += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{} → {}</td><td>{}</td><td>{}</td></tr>\n",
                       html_escape(c.id), html_escape(c.base_outcome), html_escape(c.draft_outcome), rational::to_string(c.base_total),
                       rational::to_string(c.draft_total), html_escape(unmet), html_escape(met));
    }
    o += "</table>\n";
  }
  return o + "</body>\n</html>\n";
}

}  // namespace kijun::whatif
