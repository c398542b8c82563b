// The rule declarations for the formatter: tables (aligned), categories and
// their parts, exemptions, standards and outcomes.
#include <algorithm>
#include <type_traits>

#include "interpreter/format/format_impl.hpp"

namespace kijun::format::detail {
namespace {

std::string label(const std::optional<std::string>& l) { return l ? " " + quote(*l) : ""; }
std::string overriding(bool is_override) { return is_override ? "override " : ""; }

// A draft's `remove NAME` inside an overriding block.
void removes(Ordered& o, std::size_t indent, const std::vector<ast::Ident>& names, int group) {
  for (const auto& r : names) o.add(r.span.begin, group).push_back(code(indent, "remove " + r.text, r.span.begin, r.span.end));
}

std::string pad(std::size_t n) { return std::string(n, ' '); }

}  // namespace

void DeclPrinter::table(Lines& out, std::size_t indent, const ast::TableDecl& d) {
  head(out, indent, overriding(d.is_override) + "table " + d.name.text + label(d.label), d.cites, d.span, d.name.span.end);
  // The key row and the rows as a table: names left-aligned, cells right-aligned
  // in columns as wide as their widest cell (display width: labels are Japanese).
  struct Row {
    std::uint32_t at, end;
    std::string head;
    std::vector<std::string> cells;
    bool aligned;  // false: a draft's single-cell edit, `row key: value`
  };
  std::vector<Row> rows;
  auto cell = [](const ast::TableCell& c) { return c.value ? *c.value : std::string("-"); };
  if (!d.key.text.empty()) {
    Row r{d.key.span.begin, d.keys.empty() ? d.key.span.end : d.keys.back().span.end, d.key.text + ":", {}, true};
    for (const auto& k : d.keys) r.cells.push_back(cell(k));
    rows.push_back(std::move(r));
  }
  for (const auto& row : d.rows) {
    Row r{row.span.begin, row.span.end, row.name.text + " (" + row.type.text + ")" + label(row.label) + ":", {}, true};
    for (const auto& c : row.cells) r.cells.push_back(cell(c));
    rows.push_back(std::move(r));
  }
  for (const auto& e : d.edits)
    rows.push_back({e.span.begin, e.span.end, e.row.text + " " + cell(e.key) + ": " + cell(e.value), {}, false});
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.at < b.at; });
  std::size_t head_width = 0;
  std::vector<std::size_t> widths;
  for (const auto& r : rows) {
    if (!r.aligned) continue;
    head_width = std::max(head_width, width(r.head));
    if (widths.size() < r.cells.size()) widths.resize(r.cells.size());
    for (std::size_t j = 0; j < r.cells.size(); ++j) widths[j] = std::max(widths[j], width(r.cells[j]));
  }
  for (const auto& r : rows) {
    std::string t = r.head;
    if (r.aligned && !r.cells.empty()) {
      t += pad(head_width - width(r.head));
      for (std::size_t j = 0; j < r.cells.size(); ++j) t += "  " + pad(widths[j] - width(r.cells[j])) + r.cells[j];
    }
    out.push_back(code(indent + 2, t, r.at, r.end));
    out.back().item_start = true;
  }
  if (rows.empty()) {
    out.back().text += " }";
    out.back().e = d.span.end;
    return;
  }
  close(out, indent, d.span);
}

void DeclPrinter::counts(Lines& out, std::size_t indent, const ast::CountsWhen& c) {
  expr_lines(out, indent, "counts when ", *c.cond, "", c.span.begin);
  text_lines(out, indent + 2, "else ", c.reason);
}

void DeclPrinter::part(Lines& out, std::size_t indent, const ast::PartDecl& d) {
  head(out, indent, "part " + d.name.text + label(d.label), d.cites, d.span, d.name.span.end);
  std::vector<Item> items;
  const std::size_t in = indent + 2;
  auto clause = [&](const char* prefix, const ast::Expr& e, const std::string& suffix = {}) {
    items.push_back({1, {}});
    expr_lines(items.back().lines, in, prefix, e, suffix, e.span.begin);
  };
  clause("from ", *d.from);
  for (const auto& c : d.counts) {
    items.push_back({1, {}});
    counts(items.back().lines, in, c);
  }
  clause("earns ", *d.earns, d.once_per ? " once per " + flat(*d.once_per) : "");
  if (d.once_per) {
    Lines& earns = items.back().lines;
    if (earns.size() == 1) {
      earns.back().e = std::max(earns.back().e, d.once_per->span.end);
    } else {  // too long for one line: `once per` on a line of its own, not after an `else` branch
      earns.clear();
      expr_lines(earns, in, "earns ", *d.earns, "", d.earns->span.begin);
      earns.push_back(code(in + 2, "once per " + flat(*d.once_per), d.once_per->span.begin, d.once_per->span.end));
    }
  }
  if (d.max) clause("max ", *d.max);
  join(out, items, false);
  close(out, indent, d.span);
}

// Category-wide `counts`, the parts, and `earns`: three paragraphs.
void DeclPrinter::category(Lines& out, std::size_t indent, const ast::CategoryDecl& d) {
  head(out, indent, overriding(d.is_override) + "category " + d.name.text + label(d.label), d.cites, d.span, d.name.span.end);
  const std::size_t in = indent + 2;
  Ordered o;
  removes(o, in, d.removes, 0);
  for (const auto& c : d.counts) counts(o.add(c.span.begin, 1), in, c);
  for (const auto& p : d.parts) part(o.add(p.span.begin, 2), in, p);
  if (d.earns) expr_lines(o.add(d.earns->span.begin, 3), in, "earns ", *d.earns, "", d.earns->span.begin);
  body(out, indent, o, d.span);
}

void DeclPrinter::exemption(Lines& out, std::size_t indent, const ast::ExemptionDecl& d) {
  head(out, indent, overriding(d.is_override) + "exemption " + d.name.text + label(d.label), d.cites, d.span, d.name.span.end);
  const std::size_t in = indent + 2;
  std::vector<Item> items;
  items.push_back({1, {}});
  expr_lines(items.back().lines, in, "when ", *d.when, "", d.when->span.begin);
  std::string waives;
  for (const auto& w : d.waives) waives += (waives.empty() ? "waives " : ", ") + w.text;
  items.push_back({1, {code(in, waives, d.waives.front().span.begin, d.waives.back().span.end)}});
  if (d.lowers_total) {
    items.push_back({1, {}});
    expr_lines(items.back().lines, in, "lowers total by ", *d.lowers_total, "", d.lowers_total->span.begin);
  }
  join(out, items, false);
  close(out, indent, d.span);
}

// `applies when`, then paragraphs of requirements, of limits (category bounds
// and `total min`), and of definitions (let and report).
void DeclPrinter::standard(Lines& out, std::size_t indent, const ast::StandardDecl& d) {
  head(out, indent, overriding(d.is_override) + "standard " + d.name.text + label(d.label), d.cites, d.span, d.name.span.end);
  const std::size_t in = indent + 2;
  Ordered o;
  if (d.applies) expr_lines(o.add(d.applies->span.begin, 0), in, "applies when ", *d.applies, "", d.applies->span.begin);
  removes(o, in, d.removes, 4);
  for (const auto& item : d.items) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, ast::BoundDecl>) {
            Lines& l = o.add(x.span.begin, 2);
            std::string t = x.category.text;
            std::uint32_t end = x.category.span.end;
            // An `if` before `max` is parenthesized for the reader (it would parse without).
            if (x.min) t += " min " + flat(*x.min, 0, !x.max), end = x.min->span.end;
            if (x.max) t += " max " + flat(*x.max), end = x.max->span.end;
            l.push_back(code(in, t, x.span.begin, end));
            if (x.message) text_lines(l, in + 2, "else ", *x.message);
          } else if constexpr (std::is_same_v<T, ast::TotalDecl>) {
            Lines& l = o.add(x.span.begin, 2);
            expr_lines(l, in, "total min ", *x.min, "", x.span.begin);
            if (x.message) text_lines(l, in + 2, "else ", *x.message);
          } else if constexpr (std::is_same_v<T, ast::RequireDecl>) {
            Lines& l = o.add(x.span.begin, 1);
            std::string h = "require " + x.name.text + label(x.label) + (x.cites ? " cites " + quote(*x.cites) : "") +
                            (x.when ? " when " + flat(*x.when) : "") + ":";
            assign_lines(l, in, h, *x.cond, x.span.begin);
            text_lines(l, in + 2, "else ", x.message);
          } else if constexpr (std::is_same_v<T, ast::LetDecl>) {
            assign_lines(o.add(x.span.begin, 3), in, "let " + x.name.text + " =", *x.value, x.span.begin);
          } else {
            static_assert(std::is_same_v<T, ast::ReportDecl>);
            assign_lines(o.add(x.span.begin, 3), in, "report " + x.name.text + " =", *x.value, x.span.begin);
          }
        },
        item);
  }
  body(out, indent, o, d.span);
}

void DeclPrinter::outcome(Lines& out, std::size_t indent, const ast::OutcomeDecl& d) {
  head(out, indent, overriding(d.is_override) + "outcome " + d.name.text + label(d.label), d.cites, d.span, d.name.span.end);
  const std::size_t in = indent + 2;
  if (d.otherwise) {
    out.push_back(code(in, "otherwise", d.otherwise->begin, d.otherwise->end));
    out.back().item_start = true;
  }
  for (const auto& w : d.whens) {
    const std::size_t first = out.size();
    expr_lines(out, in, "when ", *w.cond, w.reporting ? " reporting " + w.reporting->text : "", w.span.begin);
    out[first].item_start = true;
    if (w.reporting) out.back().e = std::max(out.back().e, w.reporting->span.end);
  }
  close(out, indent, d.span);
}

}  // namespace kijun::format::detail
