#include "interpreter/resolve/resolve.hpp"

#include "interpreter/ast/names.hpp"
#include "interpreter/diag/suggest.hpp"

#include <algorithm>

namespace kijun::resolve {

namespace {

using ast::item_key;
using ast::kind_and_name;

bool is_override(const ast::Decl& d) {
  return std::visit(
      [](const auto& x) {
        if constexpr (requires { x.is_override; }) return x.is_override;
        else return false;
      },
      d);
}

Span decl_span(const ast::Decl& d) {
  return std::visit([](const auto& x) { return x.span; }, d);
}

class Merger {
 public:
  Merger(ast::Ruleset& base, Diagnostics& diags) : base_(base), diags_(diags) {}

  void error(Span at, std::string message, std::string hint = {}, std::optional<Span> note = {}) {
    Diagnostic d;
    d.span = at;
    d.message = std::move(message);
    d.hint = std::move(hint);
    if (note) d.notes.push_back({note, "the base defines it here"});
    diags_.push_back(std::move(d));
    ok_ = false;
  }

  ast::Decl* find(const std::string& kind, const std::string& name) {
    for (auto& d : base_.decls) {
      auto [k, n] = kind_and_name(d);
      if (n && k == kind && n->text == name) return &d;
    }
    return nullptr;
  }

  std::string names_of(const std::string& kind) {
    std::string list;
    for (auto& d : base_.decls) {
      auto [k, n] = kind_and_name(d);
      if (n && k == kind) list += (list.empty() ? "" : ", ") + n->text;
    }
    return list.empty() ? "the base has none" : "the base has: " + list;
  }

  void add(ast::Decl&& d) {
    auto [kind, name] = kind_and_name(d);
    if (name)
      for (auto& existing : base_.decls) {
        auto [k, n] = kind_and_name(existing);
        if (n && n->text == name->text && (k == kind || kind != "unit")) {
          error(name->span, "'" + name->text + "' is already defined in the base ruleset",
                k == kind ? "write `override " + kind + " " + name->text + " …` to change it" : "choose another name",
                n->span);
          return;
        }
      }
    // A new outcome goes before the base's closing `otherwise`.
    if (std::holds_alternative<ast::OutcomeDecl>(d)) {
      for (auto it = base_.decls.rbegin(); it != base_.decls.rend(); ++it) {
        auto* o = std::get_if<ast::OutcomeDecl>(&*it);
        if (!o) continue;
        if (o->otherwise) {
          base_.decls.insert(it.base() - 1, std::move(d));
          return;
        }
        break;
      }
    }
    base_.decls.push_back(std::move(d));
  }

  void remove(const ast::RemoveDecl& r) {
    for (auto it = base_.decls.begin(); it != base_.decls.end(); ++it) {
      auto [k, n] = kind_and_name(*it);
      if (n && k == r.kind.text && n->text == r.name.text) {
        base_.decls.erase(it);
        return;
      }
    }
    error(r.name.span, "the base has no " + r.kind.text + " '" + r.name.text + "' to remove", names_of(r.kind.text));
  }

  void override_table(ast::TableDecl& into, ast::TableDecl&& d) {
    if (d.label) into.label = d.label;
    if (d.cites) into.cites = d.cites;
    for (auto& e : d.edits) {
      auto row = std::find_if(into.rows.begin(), into.rows.end(), [&](const auto& r) { return r.name.text == e.row.text; });
      if (row == into.rows.end()) {
        std::vector<std::string> rows;
        for (const auto& r : into.rows) rows.push_back(r.name.text);
        error(e.row.span, "table " + into.name.text + " has no row '" + e.row.text + "'", did_you_mean(e.row.text, rows));
        continue;
      }
      auto col = std::find_if(into.keys.begin(), into.keys.end(), [&](const auto& k) { return k.value == e.key.value; });
      if (col == into.keys.end()) {
        error(e.key.span, "table " + into.name.text + " has no column " + e.key.value.value_or("-"));
        continue;
      }
      auto index = static_cast<std::size_t>(col - into.keys.begin());
      if (index < row->cells.size()) row->cells[index] = e.value;
    }
    for (auto& r : d.rows) {
      auto row = std::find_if(into.rows.begin(), into.rows.end(), [&](const auto& x) { return x.name.text == r.name.text; });
      if (row != into.rows.end()) *row = std::move(r);
      else into.rows.push_back(std::move(r));
    }
    into.span = d.span;
  }

  void override_category(ast::CategoryDecl& into, ast::CategoryDecl&& d) {
    if (d.label) into.label = d.label;
    if (d.cites) into.cites = d.cites;
    if (!d.counts.empty()) into.counts = std::move(d.counts);
    if (d.earns) into.earns = std::move(d.earns);
    for (const auto& r : d.removes) {
      auto it = std::find_if(into.parts.begin(), into.parts.end(), [&](const auto& p) { return p.name.text == r.text; });
      if (it == into.parts.end()) error(r.span, "category " + into.name.text + " has no part '" + r.text + "' to remove");
      else into.parts.erase(it);
    }
    for (auto& p : d.parts) {
      auto it = std::find_if(into.parts.begin(), into.parts.end(), [&](const auto& x) { return x.name.text == p.name.text; });
      if (it != into.parts.end()) *it = std::move(p);
      else into.parts.push_back(std::move(p));
    }
  }

  void override_standard(ast::StandardDecl& into, ast::StandardDecl&& d) {
    if (d.label) into.label = d.label;
    if (d.cites) into.cites = d.cites;
    if (d.applies) into.applies = std::move(d.applies);
    for (const auto& r : d.removes) {
      auto it = std::find_if(into.items.begin(), into.items.end(), [&](const auto& i) { return item_key(i) == r.text; });
      if (it == into.items.end())
        error(r.span, "standard " + into.name.text + " has no '" + r.text + "' to remove",
              "remove a requirement, let or report by its name, a category's bounds by the category, or total");
      else into.items.erase(it);
    }
    for (auto& item : d.items) {
      std::string key = item_key(item);
      auto it = std::find_if(into.items.begin(), into.items.end(), [&](const auto& i) {
        return item_key(i) == key && i.index() == item.index();
      });
      if (it != into.items.end()) *it = std::move(item);
      else into.items.push_back(std::move(item));
    }
  }

  void override(ast::Decl&& d) {
    auto [kind, name] = kind_and_name(d);
    ast::Decl* target = name ? find(kind, name->text) : nullptr;
    if (!target) {
      error(name ? name->span : decl_span(d), "override of " + kind + " '" + (name ? name->text : "") +
                                                  "': the base has no " + kind + " of that name",
            names_of(kind));
      return;
    }
    if (auto* t = std::get_if<ast::TableDecl>(&d)) override_table(std::get<ast::TableDecl>(*target), std::move(*t));
    else if (auto* c = std::get_if<ast::CategoryDecl>(&d)) override_category(std::get<ast::CategoryDecl>(*target), std::move(*c));
    else if (auto* s = std::get_if<ast::StandardDecl>(&d)) override_standard(std::get<ast::StandardDecl>(*target), std::move(*s));
    else *target = std::move(d);  // a let, exemption, outcome or report is replaced whole
  }

  bool ok() const { return ok_; }

 private:
  ast::Ruleset& base_;
  Diagnostics& diags_;
  bool ok_ = true;
};

}  // namespace

bool merge(ast::Ruleset& base, ast::Ruleset&& draft, Diagnostics& diags) {
  Merger m(base, diags);
  for (auto& d : draft.decls) {
    if (auto* r = std::get_if<ast::RemoveDecl>(&d)) m.remove(*r);
    else if (is_override(d)) m.override(std::move(d));
    else m.add(std::move(d));
  }
  // The result is the draft: its name, label and version.
  ast::Header h = std::move(draft.header);
  if (!h.label) h.label = base.header.label;
  if (!h.source) h.source = base.header.source;
  base.header = std::move(h);
  for (auto& c : draft.comments) base.comments.push_back(std::move(c));
  return m.ok();
}

}  // namespace kijun::resolve
