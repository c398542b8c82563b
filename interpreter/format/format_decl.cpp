// Declarations for the formatter: each construct's one layout. Blocks indent
// by 2; consecutive items of the same kind form a paragraph and a blank line
// separates paragraphs (join); the layout rules are listed in docs/cli.md.
#include <algorithm>
#include <type_traits>

#include "interpreter/format/format_impl.hpp"

namespace kijun::format::detail {
namespace {

std::string label(const std::optional<std::string>& l) { return l ? " " + quote(*l) : ""; }
std::string cites(const std::optional<std::string>& c) { return c ? " cites " + quote(*c) : ""; }
std::string overriding(bool is_override) { return is_override ? "override " : ""; }
Line blank_line() {
  Line l;
  l.blank = true;
  return l;
}

// Top-level paragraphs: consecutive units, converts, lets or reports stay
// together; every other declaration is a paragraph of its own.
template <typename D> int top_group(const D& d, int& unique) {
  if constexpr (std::is_same_v<D, ast::UnitDecl>) return 1;
  else if constexpr (std::is_same_v<D, ast::ConvertDecl>) return 2;
  else if constexpr (std::is_same_v<D, ast::LetDecl>) return d.is_override ? 4 : 3;
  else if constexpr (std::is_same_v<D, ast::ReportDecl>) return d.is_override ? 6 : 5;
  else if constexpr (std::is_same_v<D, ast::RemoveDecl>) return 7;
  else return ++unique;
}

std::string field_text(const ast::FieldDecl& f) {
  std::string t = f.name.text + ": " + (f.type.is_list ? "list of " : "") + f.type.name.text + (f.type.optional ? "?" : "");
  if (f.constraint) t += (f.constraint->op == ast::ConstraintOp::gt ? " > " : " >= ") + flat(*f.constraint->bound);
  if (f.default_value) t += " = " + flat(*f.default_value);
  return t + label(f.label);
}

}  // namespace

std::uint32_t DeclPrinter::find(std::string_view token, std::uint32_t from, std::uint32_t to) const {
  for (auto [b, e] = next_token(text_, from); b < to; std::tie(b, e) = next_token(text_, e))
    if (text_.substr(b, e - b) == token) return b;
  return to;
}

std::vector<Item> Ordered::sorted() {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Item> out;
  for (auto& [at, item] : items) out.push_back(std::move(item));
  return out;
}

void join(Lines& out, std::vector<Item>& items, bool top) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].lines.empty()) continue;
    if (i > 0 && items[i].group != items[i - 1].group) out.push_back(blank_line());
    items[i].lines.front().item_start = true;
    items[i].lines.front().top = top;
    for (auto& l : items[i].lines) out.push_back(std::move(l));
  }
}

void DeclPrinter::head(Lines& out, std::size_t indent, std::string head, const std::optional<std::string>& c,
                       Span decl, std::uint32_t name_end) {
  const std::uint32_t brace = find("{", name_end, decl.end);
  const std::string one = head + cites(c) + " {";
  if (!c || fits(indent, one)) {
    out.push_back(code(indent, one, decl.begin, brace + 1));
  } else {  // the cites on a continuation line
    out.push_back(code(indent, std::move(head), decl.begin, name_end));
    out.push_back(code(indent + 4, "cites " + quote(*c) + " {", find("cites", name_end, brace), brace + 1));
  }
}

void DeclPrinter::close(Lines& out, std::size_t indent, Span decl) {
  Line l = code(indent, "}", decl.end - 1, decl.end);
  l.comment_indent = indent + 2;  // comments before the '}' belong inside the block
  out.push_back(std::move(l));
}

void DeclPrinter::body(Lines& out, std::size_t indent, Ordered& items, Span decl) {
  if (items.items.empty()) {
    out.back().text += " }";
    out.back().e = decl.end;
    return;
  }
  auto sorted = items.sorted();
  join(out, sorted, false);
  close(out, indent, decl);
}

Lines DeclPrinter::ruleset(const ast::Ruleset& rs) {
  std::vector<Item> items;
  items.push_back({-1, header(rs.header)});
  int unique = 100;
  for (const auto& d : rs.decls) {
    const int group = std::visit([&](const auto& x) { return top_group(x, unique); }, d);
    items.push_back({group, decl(d, 0)});
  }
  Lines out;
  join(out, items, true);
  return out;
}

Lines DeclPrinter::header(const ast::Header& h) {
  Lines out;
  out.push_back(code(0, "ruleset " + h.name.text + label(h.label), h.span.begin, h.name.span.end));
  std::uint32_t at = h.name.span.end;
  auto clause = [&](std::string_view kw, const std::optional<std::string>& value) {
    if (!value) return;
    at = find(kw, at, h.span.end);
    out.push_back(code(2, std::string(kw) + " " + quote(*value), at, at + static_cast<std::uint32_t>(kw.size())));
  };
  clause("version", h.version);
  clause("source", h.source);
  clause("extends", h.extends);
  return out;
}

Lines DeclPrinter::decl(const ast::Decl& d, std::size_t indent) {
  Lines out;
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, ast::UnitDecl>) {
          std::string t = "unit " + x.name.text + (x.singular ? " (" + x.singular->text + ")" : "") + label(x.label);
          out.push_back(code(indent, t, x.span.begin, x.span.end));
        } else if constexpr (std::is_same_v<T, ast::ConvertDecl>) {
          out.push_back(code(indent,
                             "convert " + x.from_amount + " " + x.from_unit.text + " = " + x.to_amount + " " +
                                 x.to_unit.text + cites(x.cites),
                             x.span.begin, x.span.end));
        } else if constexpr (std::is_same_v<T, ast::EnumDecl>) {
          enumeration(out, indent, x);
        } else if constexpr (std::is_same_v<T, ast::FactsDecl>) {
          head(out, indent, "facts", std::nullopt, x.span, x.span.begin);
          fields_block(out, indent, x.fields, x.checks, nullptr, x.span);
        } else if constexpr (std::is_same_v<T, ast::RecordDecl>) {
          std::string h = "record " + x.name.text + label(x.label) + (x.discriminant ? " by " + x.discriminant->text : "");
          const auto name_end = x.discriminant ? x.discriminant->span.end : x.name.span.end;
          head(out, indent, h, std::nullopt, x.span, name_end);
          fields_block(out, indent, x.fields, x.checks, &x.variants, x.span);
        } else if constexpr (std::is_same_v<T, ast::LetDecl>) {
          assign_lines(out, indent, overriding(x.is_override) + "let " + x.name.text + " =", *x.value, x.span.begin);
        } else if constexpr (std::is_same_v<T, ast::ReportDecl>) {
          assign_lines(out, indent, overriding(x.is_override) + "report " + x.name.text + " =", *x.value, x.span.begin);
        } else if constexpr (std::is_same_v<T, ast::TableDecl>) {
          table(out, indent, x);
        } else if constexpr (std::is_same_v<T, ast::CategoryDecl>) {
          category(out, indent, x);
        } else if constexpr (std::is_same_v<T, ast::ExemptionDecl>) {
          exemption(out, indent, x);
        } else if constexpr (std::is_same_v<T, ast::StandardDecl>) {
          standard(out, indent, x);
        } else if constexpr (std::is_same_v<T, ast::OutcomeDecl>) {
          outcome(out, indent, x);
        } else {
          static_assert(std::is_same_v<T, ast::RemoveDecl>, "a declaration the formatter does not know");
          out.push_back(code(indent, "remove " + x.kind.text + " " + x.name.text, x.span.begin, x.span.end));
        }
      },
      d);
  return out;
}

void DeclPrinter::field(Lines& out, std::size_t indent, const ast::FieldDecl& f) {
  out.push_back(code(indent, field_text(f), f.span.begin, f.span.end));
}

void DeclPrinter::invalid(Lines& out, std::size_t indent, const ast::InvalidWhen& w) {
  const std::string one = "invalid when " + flat(*w.cond) + " " + text(w.message);
  if (fits(indent, one)) {
    out.push_back(code(indent, one, w.span.begin, w.span.end));
    return;
  }
  expr_lines(out, indent, "invalid when ", *w.cond, "", w.span.begin);
  text_lines(out, indent + 2, "", w.message);
}

// Fields and checks form one paragraph, variants another, in source order.
void DeclPrinter::fields_block(Lines& out, std::size_t indent, const std::vector<ast::FieldDecl>& fs,
                               const std::vector<ast::InvalidWhen>& checks,
                               const std::vector<ast::VariantDecl>* variants, Span decl) {
  Ordered o;
  const std::size_t in = indent + 2;
  for (const auto& f : fs) field(o.add(f.span.begin, 1), in, f);
  for (const auto& w : checks) invalid(o.add(w.span.begin, 1), in, w);
  if (variants)
    for (const auto& v : *variants) variant(o.add(v.span.begin, 2), in, v);
  body(out, indent, o, decl);
}

// A variant of at most one field is one line when it fits.
void DeclPrinter::variant(Lines& out, std::size_t indent, const ast::VariantDecl& v) {
  const std::string h = v.name.text + label(v.label);
  if (v.fields.size() <= 1 && v.checks.empty()) {
    const std::string one = h + (v.fields.empty() ? " { }" : " { " + field_text(v.fields.front()) + " }");
    if (fits(indent, one)) {
      out.push_back(code(indent, one, v.span.begin, v.span.end));
      return;
    }
  }
  head(out, indent, h, std::nullopt, v.span, v.name.span.end);
  fields_block(out, indent, v.fields, v.checks, nullptr, v.span);
}

void DeclPrinter::enumeration(Lines& out, std::size_t indent, const ast::EnumDecl& d) {
  head(out, indent, "enum " + d.name.text + label(d.label), std::nullopt, d.span, d.name.span.end);
  for (std::size_t i = 0; i < d.members.size(); ++i) {
    const auto& m = d.members[i];
    out.push_back(code(indent + 2, m.name.text + label(m.label) + (i + 1 < d.members.size() ? "," : ""),
                       m.name.span.begin, m.name.span.end));
    out.back().item_start = true;
  }
  close(out, indent, d.span);
}

}  // namespace kijun::format::detail
