// Lowering of the ruleset's header and declarations (the Lowerer is
// declared in lower.hpp): units, conversions, enumerations, facts and
// records, tables, parts, categories, exemptions, standards and outcomes.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "grammar/lower.hpp"

namespace kijun::grammar::lowering {

inline ast::Header Lowerer::header(const Node& n) {
  ast::Header h;
  h.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::ident>(*c)) h.name = ident(*c);
    else if (is<r::string_lit>(*c)) h.label = plain(*c);
    else if (is<r::header_version>(*c)) h.version = plain(only(*c));
    else if (is<r::header_source>(*c)) h.source = plain(only(*c));
    else if (is<r::header_extends>(*c)) {
      h.extends = plain(only(*c));
      h.extends_span = span(only(*c));
    }
  }
  return h;
}

inline ast::UnitDecl Lowerer::unit(const Node& n) {
  ast::UnitDecl u;
  u.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::unit_singular>(*c)) u.singular = ident(only(*c));
    else head(u, *c);
  }
  return u;
}

inline ast::ConvertDecl Lowerer::convert(const Node& n) {
  const auto& cs = n.children;
  ast::ConvertDecl d{cs.at(0)->string(), ident(*cs.at(1)), cs.at(2)->string(), ident(*cs.at(3)), std::nullopt, span(n)};
  if (cs.size() > 4) d.cites = plain(only(*cs[4]));
  return d;
}

inline ast::EnumDecl Lowerer::enumeration(const Node& n) {
  ast::EnumDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::enum_member>(*c)) {
      ast::EnumMember m{ident(only(*c)), std::nullopt};
      if (c->children.size() > 1) m.label = plain(*c->children[1]);
      d.members.push_back(std::move(m));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::FieldDecl Lowerer::field(const Node& n) {
  ast::FieldDecl f;
  f.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::ident>(*c)) {
      f.name = ident(*c);
    } else if (is<r::list_type>(*c) || is<r::named_type>(*c)) {
      f.type.span = span(*c);
      f.type.is_list = is<r::list_type>(*c);
      f.type.name = ident(only(*c));
      f.type.optional = c->children.size() > 1;
    } else if (is<r::constraint>(*c)) {
      auto op = is<r::op_ge>(only(*c)) ? ast::ConstraintOp::ge : ast::ConstraintOp::gt;
      f.constraint = ast::Constraint{op, expr(*c->children.at(1)), span(*c)};
    } else if (is<r::field_default>(*c)) {
      f.default_value = expr(only(*c));
    } else if (is<r::string_lit>(*c)) {
      f.label = plain(*c);
    }
  }
  return f;
}

inline ast::InvalidWhen Lowerer::invalid(const Node& n) {
  return {expr(*n.children.at(0)), text(*n.children.at(1)), span(n)};
}

template <typename D> void Lowerer::fields(D& d, const Node& c) {
  if (is<r::field>(c)) d.fields.push_back(field(c));
  else if (is<r::invalid_when>(c)) d.checks.push_back(invalid(c));
  else head(d, c);
}

inline ast::RecordDecl Lowerer::record(const Node& n) {
  ast::RecordDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::record_by>(*c)) {
      d.discriminant = ident(only(*c));
    } else if (is<r::variant>(*c)) {
      ast::VariantDecl v;
      v.span = span(*c);
      for (const auto& vc : c->children) fields(v, *vc);
      d.variants.push_back(std::move(v));
    } else {
      fields(d, *c);
    }
  }
  return d;
}

inline ast::TableCell Lowerer::cell(const Node& n) const {
  if (is<r::blank_cell>(n)) return {std::nullopt, span(n)};
  return {n.string(), span(n)};
}

inline ast::TableDecl Lowerer::table(const Node& n) {
  ast::TableDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::table_keyrow>(*c)) {
      d.key = ident(only(*c));
      for (std::size_t i = 1; i < c->children.size(); ++i) d.keys.push_back(cell(*c->children[i]));
    } else if (is<r::table_edit>(*c)) {
      const auto& ec = c->children;
      d.edits.push_back({ident(*ec.at(0)), cell(*ec.at(1)), cell(*ec.at(2)), span(*c)});
    } else if (is<r::table_row>(*c)) {
      const auto& rc = c->children;
      ast::TableRow row{ident(*rc.at(0)), ident(*rc.at(1)), std::nullopt, {}, span(*c)};
      for (std::size_t i = 2; i < rc.size(); ++i) {
        if (is<r::string_lit>(*rc[i])) row.label = plain(*rc[i]);
        else row.cells.push_back(cell(*rc[i]));
      }
      d.rows.push_back(std::move(row));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::PartDecl Lowerer::part(const Node& n) {
  ast::PartDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::part_from>(*c)) d.from = expr(only(*c));
    else if (is<r::counts_when>(*c)) d.counts.push_back(counts(*c));
    else if (is<r::part_earns>(*c)) d.earns = expr(only(*c));
    else if (is<r::part_once_per>(*c)) d.once_per = expr(only(*c));
    else if (is<r::part_max>(*c)) d.max = expr(only(*c));
    else head(d, *c);
  }
  return d;
}

inline ast::CategoryDecl Lowerer::category(const Node& n) {
  ast::CategoryDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::counts_when>(*c)) {
      d.counts.push_back(counts(*c));
    } else if (is<r::remove_item>(*c)) {
      d.removes.push_back(ident(only(*c)));
    } else if (is<r::part_decl>(*c)) {
      d.parts.push_back(part(*c));
    } else if (is<r::category_earns>(*c)) {
      if (d.earns) error(span(*c), "a category has at most one 'earns'", "combine the amounts in one expression");
      d.earns = expr(only(*c));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::ExemptionDecl Lowerer::exemption(const Node& n) {
  ast::ExemptionDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::exemption_when>(*c)) {
      d.when = expr(only(*c));
    } else if (is<r::exemption_waives>(*c)) {
      for (const auto& w : c->children) d.waives.push_back(ident(*w));
    } else if (is<r::exemption_lowers>(*c)) {
      d.lowers_total = expr(only(*c));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::StandardItem Lowerer::standard_item(const Node& n) {
  const auto& cs = n.children;
  if (is<r::let_decl>(n)) return let(n);
  if (is<r::report_decl>(n)) return report(n);
  if (is<r::total_decl>(n)) {
    ast::TotalDecl t{expr(*cs.at(0)), std::nullopt, span(n)};
    if (cs.size() > 1) t.message = text(*cs[1]);
    return t;
  }
  if (is<r::require_decl>(n)) {
    ast::RequireDecl q;
    q.span = span(n);
    // name, "label"?, cites?, (when …)?, then the condition and the message.
    for (std::size_t i = 0; i + 2 < cs.size(); ++i) {
      if (is<r::require_when>(*cs[i])) q.when = expr(only(*cs[i]));
      else head(q, *cs[i]);
    }
    q.cond = expr(*cs.at(cs.size() - 2));
    q.message = text(*cs.back());
    return q;
  }
  ast::BoundDecl b;
  b.span = span(n);
  for (const auto& c : cs) {
    if (is<r::ident>(*c)) b.category = ident(*c);
    else if (is<r::bound_min>(*c)) b.min = expr(only(*c));
    else if (is<r::bound_max>(*c)) b.max = expr(only(*c));
    else if (is<r::text>(*c)) b.message = text(*c);
  }
  return b;
}

inline ast::StandardDecl Lowerer::standard(const Node& n) {
  ast::StandardDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::standard_applies>(*c)) d.applies = expr(only(*c));
    else if (is<r::remove_item>(*c)) d.removes.push_back(ident(only(*c)));
    else if (!head(d, *c)) d.items.push_back(standard_item(*c));
  }
  return d;
}

inline ast::OutcomeDecl Lowerer::outcome(const Node& n) {
  ast::OutcomeDecl d;
  d.span = span(n);
  for (const auto& c : n.children) {
    if (is<r::otherwise>(*c)) {
      d.otherwise = span(*c);
    } else if (is<r::outcome_when>(*c)) {
      ast::OutcomeWhen w{expr(only(*c)), std::nullopt, span(*c)};
      if (c->children.size() > 1) w.reporting = ident(only(*c->children[1]));
      d.whens.push_back(std::move(w));
    } else {
      head(d, *c);
    }
  }
  return d;
}

inline ast::Decl Lowerer::decl(const Node& n) {
  if (is<r::override_decl>(n)) {
    ast::Decl d = decl(only(n));
    // The declaration's span starts at `override`, where messages about the
    // override point.
    std::visit(
        [&](auto& x) {
          if constexpr (requires { x.is_override; }) {
            x.is_override = true;
            x.span = span(n);
          }
        },
        d);
    return d;
  }
  if (is<r::remove_decl>(n)) {
    const auto& rc = n.children;
    return ast::RemoveDecl{{rc.at(0)->string(), span(*rc.at(0))}, ident(*rc.at(1)), span(n)};
  }
  if (is<r::table_override>(n)) return table(n);
  if (is<r::category_override>(n)) return category(n);
  if (is<r::standard_override>(n)) return standard(n);
  if (is<r::unit_decl>(n)) return unit(n);
  if (is<r::convert_decl>(n)) return convert(n);
  if (is<r::enum_decl>(n)) return enumeration(n);
  if (is<r::facts_decl>(n)) {
    ast::FactsDecl d;
    d.span = span(n);
    for (const auto& c : n.children) fields(d, *c);
    return d;
  }
  if (is<r::record_decl>(n)) return record(n);
  if (is<r::let_decl>(n)) return let(n);
  if (is<r::table_decl>(n)) return table(n);
  if (is<r::category_decl>(n)) return category(n);
  if (is<r::exemption_decl>(n)) return exemption(n);
  if (is<r::standard_decl>(n)) return standard(n);
  if (is<r::outcome_decl>(n)) return outcome(n);
  return report(n);
}

inline ast::Ruleset Lowerer::ruleset(const Node& root) {
  ast::Ruleset rs;
  rs.header = header(*root.children.at(0));
  for (std::size_t i = 1; i < root.children.size(); ++i)
    if (checked_height(*root.children[i])) rs.decls.push_back(decl(*root.children[i]));
  return rs;
}

}  // namespace kijun::grammar::lowering
