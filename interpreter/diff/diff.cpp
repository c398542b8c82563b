#include "interpreter/diff/diff.hpp"

#include <algorithm>
#include <map>

#include "interpreter/ast/names.hpp"

namespace kijun::diff {

namespace {

// An expression as written, without comments and with white space folded:
// what a reviewer reads, independent of layout.
std::string normalize(std::string_view t) {
  std::string out;
  bool in_string = false, space = false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (!in_string && c == '#') {  // a comment runs to the end of the line
      while (i < t.size() && t[i] != '\n') ++i;
      space = true;
      continue;
    }
    if (c == '"' && (i == 0 || t[i - 1] != '\\')) in_string = !in_string;
    if (!in_string && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

class Side {
 public:
  explicit Side(const SourceMap& s) : sources_(s) {}
  std::string text(Span s) const {
    if (s.file >= sources_.size()) return {};
    const std::string& t = sources_.file(s.file).text();
    return s.end <= t.size() && s.begin <= s.end ? normalize(std::string_view(t).substr(s.begin, s.end - s.begin)) : "";
  }
  std::string expr(const ast::ExprPtr& e) const { return e ? text(e->span) : std::string(); }
  std::string text(const ast::Text& t) const { return expr(t.ja) + (t.en ? " en " + expr(t.en) : ""); }
  std::string text(const std::optional<ast::Text>& t) const { return t ? text(*t) : std::string(); }

 private:
  const SourceMap& sources_;
};

std::string opt(const std::optional<std::string>& s) { return s.value_or(""); }

class Differ {
 public:
  Differ(const SourceMap& a, const SourceMap& b) : a_(a), b_(b) {}

  void changed(const std::string& where, const std::string& what, const std::string& before, const std::string& after) {
    if (before != after) out.push_back({Kind::changed, where, what, before, after});
  }
  void added(const std::string& where, const std::string& text) { out.push_back({Kind::added, where, "", "", text}); }
  void removed(const std::string& where, const std::string& text) { out.push_back({Kind::removed, where, "", text, ""}); }

  // Pairs two lists by key: f(a, b) for both, added/removed for the others.
  template <typename T, typename Key, typename Both, typename ShowA, typename ShowB>
  void pair(const std::string& where, const std::vector<T>& as, const std::vector<T>& bs, Key key, Both both,
            ShowA show_a, ShowB show_b) {
    for (const auto& x : as) {
      auto it = std::find_if(bs.begin(), bs.end(), [&](const T& y) { return key(y) == key(x); });
      if (it == bs.end()) removed(where + key(x), show_a(x));
      else both(where + key(x), x, *it);
    }
    for (const auto& y : bs)
      if (std::none_of(as.begin(), as.end(), [&](const T& x) { return key(x) == key(y); })) added(where + key(y), show_b(y));
  }

  std::string whole(const Side& s, Span span) const { return s.text(span); }

  void decl(const std::string& w, const ast::Decl& x, const ast::Decl& y) {
    if (x.index() != y.index()) {
      changed(w, "", whole(a_, span(x)), whole(b_, span(y)));
      return;
    }
    std::visit(
        [&](const auto& p) {
          using T = std::decay_t<decltype(p)>;
          const T& q = std::get<T>(y);
          compare(w, p, q);
        },
        x);
  }

  static Span span(const ast::Decl& d) {
    return std::visit([](const auto& x) { return x.span; }, d);
  }

  void compare(const std::string& w, const ast::LetDecl& p, const ast::LetDecl& q) {
    changed(w, "value", a_.expr(p.value), b_.expr(q.value));
  }
  void compare(const std::string& w, const ast::ReportDecl& p, const ast::ReportDecl& q) {
    changed(w, "value", a_.expr(p.value), b_.expr(q.value));
  }
  void compare(const std::string& w, const ast::UnitDecl& p, const ast::UnitDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    changed(w, "singular", p.singular ? p.singular->text : "", q.singular ? q.singular->text : "");
  }
  void compare(const std::string&, const ast::ConvertDecl&, const ast::ConvertDecl&) {}  // compared as a list
  void compare(const std::string&, const ast::FactsDecl&, const ast::FactsDecl&) {}      // compared as fields
  void compare(const std::string&, const ast::RemoveDecl&, const ast::RemoveDecl&) {}
  void compare(const std::string& w, const ast::EnumDecl& p, const ast::EnumDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    pair(w + " / ", p.members, q.members, [](const ast::EnumMember& m) { return m.name.text; },
         [&](const std::string& ww, const ast::EnumMember& m, const ast::EnumMember& n) {
           changed(ww, "label", opt(m.label), opt(n.label));
         },
         [](const ast::EnumMember& m) { return m.name.text; }, [](const ast::EnumMember& m) { return m.name.text; });
  }
  std::string field_text(const Side& s, const ast::FieldDecl& f) const { return s.text(f.span); }
  void fields(const std::string& w, const std::vector<ast::FieldDecl>& p, const std::vector<ast::FieldDecl>& q) {
    pair(w, p, q, [](const ast::FieldDecl& f) { return f.name.text; },
         [&](const std::string& ww, const ast::FieldDecl& f, const ast::FieldDecl& g) {
           changed(ww, "", field_text(a_, f), field_text(b_, g));
         },
         [&](const ast::FieldDecl& f) { return field_text(a_, f); }, [&](const ast::FieldDecl& f) { return field_text(b_, f); });
  }
  void compare(const std::string& w, const ast::RecordDecl& p, const ast::RecordDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    fields(w + " / ", p.fields, q.fields);
    pair(w + " / ", p.variants, q.variants, [](const ast::VariantDecl& v) { return v.name.text; },
         [&](const std::string& ww, const ast::VariantDecl& v, const ast::VariantDecl& u) { fields(ww + " / ", v.fields, u.fields); },
         [&](const ast::VariantDecl& v) { return a_.text(v.span); }, [&](const ast::VariantDecl& v) { return b_.text(v.span); });
  }
  void compare(const std::string& w, const ast::TableDecl& p, const ast::TableDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    changed(w, "cites", opt(p.cites), opt(q.cites));
    changed(w, "key", p.key.text, q.key.text);
    auto cols = [](const ast::TableDecl& t) {
      std::vector<std::string> c;
      for (const auto& k : t.keys) c.push_back(k.value.value_or("-"));
      return c;
    };
    auto ka = cols(p), kb = cols(q);
    for (const auto& rp : p.rows) {
      auto rq = std::find_if(q.rows.begin(), q.rows.end(), [&](const auto& r) { return r.name.text == rp.name.text; });
      if (rq == q.rows.end()) {
        removed(w + " / " + rp.name.text, a_.text(rp.span));
        continue;
      }
      changed(w + " / " + rp.name.text, "unit", rp.type.text, rq->type.text);
      changed(w + " / " + rp.name.text, "label", opt(rp.label), opt(rq->label));
      // Cells by column key: a column added or removed shows as cells.
      for (std::size_t i = 0; i < std::max(ka.size(), kb.size()); ++i) {
        std::string col = i < ka.size() ? ka[i] : kb[i];
        auto ia = std::find(ka.begin(), ka.end(), col) - ka.begin();
        auto ib = std::find(kb.begin(), kb.end(), col) - kb.begin();
        auto cell = [](const ast::TableRow& r, std::ptrdiff_t k) -> std::string {
          return k >= 0 && static_cast<std::size_t>(k) < r.cells.size() ? r.cells[k].value.value_or("-") : "(none)";
        };
        changed(w + " / " + rp.name.text + " [" + col + "]", "cell",
                ia < static_cast<std::ptrdiff_t>(ka.size()) ? cell(rp, ia) : "(none)",
                ib < static_cast<std::ptrdiff_t>(kb.size()) ? cell(*rq, ib) : "(none)");
      }
      for (const auto& col : kb)
        if (std::find(ka.begin(), ka.end(), col) == ka.end()) {
          auto ib = std::find(kb.begin(), kb.end(), col) - kb.begin();
          changed(w + " / " + rp.name.text + " [" + col + "]", "cell", "(none)",
                  static_cast<std::size_t>(ib) < rq->cells.size() ? rq->cells[ib].value.value_or("-") : "(none)");
        }
    }
    for (const auto& rq : q.rows)
      if (std::none_of(p.rows.begin(), p.rows.end(), [&](const auto& r) { return r.name.text == rq.name.text; }))
        added(w + " / " + rq.name.text, b_.text(rq.span));
  }
  std::string counts(const Side& s, const std::vector<ast::CountsWhen>& cs) const {
    std::string out;
    for (const auto& c : cs) out += (out.empty() ? "" : "; ") + s.expr(c.cond) + " else " + s.text(c.reason);
    return out;
  }
  void compare(const std::string& w, const ast::CategoryDecl& p, const ast::CategoryDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    changed(w, "cites", opt(p.cites), opt(q.cites));
    changed(w, "counts when", counts(a_, p.counts), counts(b_, q.counts));
    changed(w, "earns", a_.expr(p.earns), b_.expr(q.earns));
    pair(w + " / part ", p.parts, q.parts, [](const ast::PartDecl& x) { return x.name.text; },
         [&](const std::string& ww, const ast::PartDecl& x, const ast::PartDecl& y) {
           changed(ww, "label", opt(x.label), opt(y.label));
           changed(ww, "cites", opt(x.cites), opt(y.cites));
           changed(ww, "from", a_.expr(x.from), b_.expr(y.from));
           changed(ww, "counts when", counts(a_, x.counts), counts(b_, y.counts));
           changed(ww, "earns", a_.expr(x.earns), b_.expr(y.earns));
           changed(ww, "once per", a_.expr(x.once_per), b_.expr(y.once_per));
           changed(ww, "max", a_.expr(x.max), b_.expr(y.max));
         },
         [&](const ast::PartDecl& x) { return a_.text(x.span); }, [&](const ast::PartDecl& x) { return b_.text(x.span); });
  }
  void compare(const std::string& w, const ast::ExemptionDecl& p, const ast::ExemptionDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    changed(w, "when", a_.expr(p.when), b_.expr(q.when));
    auto waives = [](const ast::ExemptionDecl& e) {
      std::string s;
      for (const auto& x : e.waives) s += (s.empty() ? "" : ", ") + x.text;
      return s;
    };
    changed(w, "waives", waives(p), waives(q));
    changed(w, "lowers total by", a_.expr(p.lowers_total), b_.expr(q.lowers_total));
  }
  static std::string item_kind(const ast::StandardItem& i) {
    static const char* names[] = {"bounds ", "", "let ", "require ", "report "};
    return names[i.index()];
  }
  void compare(const std::string& w, const ast::StandardDecl& p, const ast::StandardDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    changed(w, "cites", opt(p.cites), opt(q.cites));
    changed(w, "applies when", a_.expr(p.applies), b_.expr(q.applies));
    auto key = [](const ast::StandardItem& i) { return item_kind(i) + ast::item_key(i); };
    pair(w + " / ", p.items, q.items, key,
         [&](const std::string& ww, const ast::StandardItem& x, const ast::StandardItem& y) { item(ww, x, y); },
         [&](const ast::StandardItem& x) { return std::visit([&](const auto& i) { return a_.text(i.span); }, x); },
         [&](const ast::StandardItem& x) { return std::visit([&](const auto& i) { return b_.text(i.span); }, x); });
  }
  void item(const std::string& w, const ast::StandardItem& x, const ast::StandardItem& y) {
    if (auto* b = std::get_if<ast::BoundDecl>(&x)) {
      const auto& c = std::get<ast::BoundDecl>(y);
      changed(w, "min", a_.expr(b->min), b_.expr(c.min));
      changed(w, "max", a_.expr(b->max), b_.expr(c.max));
      changed(w, "message", a_.text(b->message), b_.text(c.message));
    } else if (auto* t = std::get_if<ast::TotalDecl>(&x)) {
      const auto& u = std::get<ast::TotalDecl>(y);
      changed(w, "min", a_.expr(t->min), b_.expr(u.min));
      changed(w, "message", a_.text(t->message), b_.text(u.message));
    } else if (auto* r = std::get_if<ast::RequireDecl>(&x)) {
      const auto& s = std::get<ast::RequireDecl>(y);
      changed(w, "label", opt(r->label), opt(s.label));
      changed(w, "cites", opt(r->cites), opt(s.cites));
      changed(w, "when", a_.expr(r->when), b_.expr(s.when));
      changed(w, "condition", a_.expr(r->cond), b_.expr(s.cond));
      changed(w, "message", a_.text(r->message), b_.text(s.message));
    } else if (auto* l = std::get_if<ast::LetDecl>(&x)) {
      changed(w, "value", a_.expr(l->value), b_.expr(std::get<ast::LetDecl>(y).value));
    } else if (auto* p = std::get_if<ast::ReportDecl>(&x)) {
      changed(w, "value", a_.expr(p->value), b_.expr(std::get<ast::ReportDecl>(y).value));
    }
  }
  std::string whens(const Side& s, const ast::OutcomeDecl& o) const {
    if (o.otherwise) return "otherwise";
    std::string out;
    for (const auto& w : o.whens)
      out += (out.empty() ? "" : "; ") + std::string("when ") + s.expr(w.cond) +
             (w.reporting ? " reporting " + w.reporting->text : "");
    return out;
  }
  void compare(const std::string& w, const ast::OutcomeDecl& p, const ast::OutcomeDecl& q) {
    changed(w, "label", opt(p.label), opt(q.label));
    changed(w, "cites", opt(p.cites), opt(q.cites));
    changed(w, "when", whens(a_, p), whens(b_, q));
  }

  Side a_, b_;
  std::vector<Change> out;
};

std::string conversions(const ast::Ruleset& r) {
  std::string s;
  for (const auto& d : r.decls)
    if (auto* c = std::get_if<ast::ConvertDecl>(&d))
      s += (s.empty() ? "" : "; ") + c->from_amount + " " + c->from_unit.text + " = " + c->to_amount + " " + c->to_unit.text;
  return s;
}

const ast::FactsDecl* facts_of(const ast::Ruleset& r) {
  for (const auto& d : r.decls)
    if (auto* f = std::get_if<ast::FactsDecl>(&d)) return f;
  return nullptr;
}

}  // namespace

std::vector<Change> compare(const ast::Ruleset& a, const SourceMap& sa, const ast::Ruleset& b, const SourceMap& sb) {
  Differ d(sa, sb);
  d.changed("ruleset", "name", a.header.name.text, b.header.name.text);
  d.changed("ruleset", "label", opt(a.header.label), opt(b.header.label));
  d.changed("ruleset", "version", opt(a.header.version), opt(b.header.version));
  d.changed("conversions", "", conversions(a), conversions(b));
  const ast::FactsDecl* fa = facts_of(a);
  const ast::FactsDecl* fb = facts_of(b);
  if (fa && fb) d.fields("facts / ", fa->fields, fb->fields);
  std::vector<const ast::Decl*> named_a, named_b;
  for (const auto& x : a.decls)
    if (ast::kind_and_name(x).second) named_a.push_back(&x);
  for (const auto& y : b.decls)
    if (ast::kind_and_name(y).second) named_b.push_back(&y);
  auto key = [](const ast::Decl* x) {
    auto [k, n] = ast::kind_and_name(*x);
    return k + " " + n->text;
  };
  d.pair("", named_a, named_b, key,
         [&](const std::string& w, const ast::Decl* x, const ast::Decl* y) { d.decl(w, *x, *y); },
         [&](const ast::Decl* x) { return d.whole(d.a_, Differ::span(*x)); },
         [&](const ast::Decl* y) { return d.whole(d.b_, Differ::span(*y)); });
  // Outcomes are tried in order: a new order is a change of meaning.
  auto order = [](const ast::Ruleset& r) {
    std::string s;
    for (const auto& x : r.decls)
      if (auto* o = std::get_if<ast::OutcomeDecl>(&x)) s += (s.empty() ? "" : ", ") + o->name.text;
    return s;
  };
  d.changed("outcomes", "order", order(a), order(b));
  return d.out;
}

}  // namespace kijun::diff
