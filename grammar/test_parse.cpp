// The second translation unit that instantiates PEGTL (parse.cpp is the
// first): test files parse to a parse tree, then lower to ruletest::TestFile.
// A tree rather than actions for the same reason as parse.cpp: alternatives
// backtrack.
#include "grammar/test_parse.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>
#include <string>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/syntax_diagnostic.hpp"
#include "grammar/test_errors.hpp"
#include "grammar/test_grammar.hpp"

namespace kijun::grammar {
namespace {

namespace pt = tao::pegtl::parse_tree;
namespace t = test_rules;
using Node = pt::node;
using ruletest::ExpectValue;
using ruletest::FactsSource;
using ruletest::Json;

template <typename Rule>
using selector = pt::selector<
    Rule, pt::store_content::on<t::j_string, t::j_number, t::j_literal, t::j_object, t::j_member, t::j_array,
                                t::j_element, t::j_count, t::ruleset_path, t::header, t::applicant_name,
                                t::with_clause, t::applicant_alias, t::applicant_def, t::example_name,
                                t::cites_clause, t::facts_use, t::facts_file, t::facts_inline, t::expect_path,
                                t::op_equals, t::op_includes, t::v_true, t::v_false, t::v_blank, t::v_ident,
                                t::v_list, t::expectation, t::expect_error, t::error_text, t::example_decl, t::override_decl, t::remove_decl,
                                t::snapshot_decl>>;

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The value of a JSON string literal (the grammar has checked its escapes).
std::string decode(std::string_view lit) {
  std::string out;
  lit = lit.substr(1, lit.size() - 2);
  for (std::size_t i = 0; i < lit.size(); ++i) {
    if (lit[i] != '\\') {
      out += lit[i];
      continue;
    }
    const char e = lit[++i];
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        auto hex = [&](std::size_t at) {
          std::uint32_t v = 0;
          std::from_chars(lit.data() + at, lit.data() + at + 4, v, 16);
          return v;
        };
        std::uint32_t cp = hex(i + 1);
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < lit.size() + 1 && lit.substr(i + 1, 2) == "\\u") {
          const std::uint32_t low = hex(i + 3);
          if (low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, cp);
        break;
      }
      default: out += e;  // " \ /
    }
  }
  return out;
}

class Lowerer {
 public:
  Lowerer(const SourceFile& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  ruletest::TestFile file(const Node& root) {
    ruletest::TestFile f;
    std::set<std::string> applicants, examples;
    for (const auto& n : root.children) {
      if (n->is_type<t::header>()) {
        const Node& p = *n->children.at(0);
        f.ruleset = decode(p.string_view());
        f.ruleset_span = span(p);
      } else if (n->is_type<t::applicant_def>()) {
        ruletest::ApplicantDef a;
        a.name = n->children.at(0)->string();
        a.span = span(*n->children[0]);
        const Node& body = *n->children.at(1);
        if (body.is_type<t::j_object>()) {
          a.facts.kind = FactsSource::Kind::inline_json;
          a.facts.json = json(body);
        } else {
          a.facts = applicant_use(body);
        }
        a.facts.span = span(body);
        if (!applicants.insert(a.name).second) error(a.span, "applicant '" + a.name + "' is defined twice");
        f.applicants.push_back(std::move(a));
      } else if (n->is_type<t::snapshot_decl>()) {
        const Node& p = *n->children.at(0);
        f.snapshots.push_back({decode(p.string_view()), span(p)});
      } else {
        ruletest::Example e = example(*n);
        const bool own = e.kind == ruletest::Example::Kind::example;
        if (own && !examples.insert(e.name).second)
          error(e.name_span, "example \"" + e.name + "\" is defined twice in this file",
                "each example needs its own name: failures are reported by name");
        f.examples.push_back(std::move(e));
      }
    }
    return f;
  }

 private:
  Span span(const Node& n) const {
    return {file_.id(), static_cast<std::uint32_t>(n.m_begin.byte), static_cast<std::uint32_t>(n.m_end.byte)};
  }

  void error(Span s, std::string message, std::string hint = {}) {
    diags_.push_back(error_at(s, std::move(message), std::move(hint)));
  }

  Json json(const Node& n) {
    Json j;
    j.span = span(n);
    if (n.is_type<t::j_object>()) {
      j.kind = Json::Kind::object;
      std::set<std::string> seen;
      for (const auto& m : n.children) {
        const Node& key = *m->children.at(0);
        if (!seen.insert(decode(key.string_view())).second)
          error(span(key), "member " + key.string() + " appears twice in this object");
        j.keys.push_back(key.string());
        j.values.push_back(json(*m->children.at(1)));
      }
    } else if (n.is_type<t::j_array>()) {
      j.kind = Json::Kind::array;
      for (const auto& el : n.children) {
        j.values.push_back(json(*el->children.at(0)));
        j.repeat.push_back(el->children.size() > 1 ? count(*el->children[1]) : 1);
      }
    } else {
      j.text = n.string();
    }
    return j;
  }

  std::uint64_t count(const Node& n) {
    std::uint64_t v = 0;
    const auto text = n.string_view();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || v == 0 || v > max_repeat) {
      error(span(n), "a repetition count is a whole number from 1 to " + std::to_string(max_repeat));
      return 1;
    }
    return v;
  }

  // `NAME` or `NAME with { … }`, as children of `n`.
  FactsSource applicant_use(const Node& n) {
    FactsSource f;
    f.kind = FactsSource::Kind::applicant;
    f.span = span(n);
    for (const auto& c : n.children) {
      if (c->is_type<t::applicant_name>()) f.applicant = c->string();
      if (c->is_type<t::with_clause>()) f.with = json(*c->children.at(0));
    }
    return f;
  }

  FactsSource facts(const Node& n) {
    if (n.is_type<t::facts_use>()) return applicant_use(n);
    FactsSource f;
    f.span = span(n);
    if (n.is_type<t::facts_file>()) {
      f.kind = FactsSource::Kind::file;
      f.file = decode(n.children.at(0)->string_view());
    } else {
      f.kind = FactsSource::Kind::inline_json;
      f.json = json(*n.children.at(0));
    }
    return f;
  }

  ExpectValue value(const Node& n) {
    ExpectValue v;
    v.span = span(n);
    if (n.is_type<t::j_number>()) {
      v.kind = ExpectValue::Kind::number;
      v.text = n.string();
    } else if (n.is_type<t::j_string>()) {
      v.text = decode(n.string_view());
    } else if (n.is_type<t::v_ident>()) {
      v.text = n.string();
    } else if (n.is_type<t::v_true>() || n.is_type<t::v_false>()) {
      v.kind = ExpectValue::Kind::boolean;
      v.boolean = n.is_type<t::v_true>();
    } else if (n.is_type<t::v_blank>()) {
      v.kind = ExpectValue::Kind::blank;
    } else {
      v.kind = ExpectValue::Kind::list;
      for (const auto& c : n.children) v.items.push_back(value(*c));
    }
    return v;
  }

  ruletest::Expectation expectation(const Node& n) {
    ruletest::Expectation x;
    x.span = span(n);
    if (n.children.at(0)->is_type<t::expect_error>()) {
      const Node& e = *n.children[0];
      x.error = true;
      x.path = "error";
      x.steps = {x.path};
      if (!e.children.empty()) {
        x.value.text = decode(e.children[0]->string_view());
        x.value.span = span(*e.children[0]);
      }
      return x;
    }
    x.path = n.children.at(0)->string();
    std::size_t start = 0;
    for (std::size_t dot; (dot = x.path.find('.', start)) != std::string::npos; start = dot + 1)
      x.steps.push_back(x.path.substr(start, dot - start));
    x.steps.push_back(x.path.substr(start));
    x.includes = n.children.at(1)->is_type<t::op_includes>();
    x.value = value(*n.children.at(2));
    return x;
  }

  ruletest::Example example(const Node& n) {
    ruletest::Example e;
    e.span = span(n);
    e.kind = n.is_type<t::example_decl>()    ? ruletest::Example::Kind::example
             : n.is_type<t::override_decl>() ? ruletest::Example::Kind::override_
                                             : ruletest::Example::Kind::remove;
    for (const auto& c : n.children) {
      if (c->is_type<t::example_name>()) {
        e.name = decode(c->string_view());
        e.name_span = span(*c);
      } else if (c->is_type<t::cites_clause>()) {
        e.cites = decode(c->children.at(0)->string_view());
      } else if (c->is_type<t::expectation>()) {
        e.expects.push_back(expectation(*c));
      } else {
        e.facts = facts(*c);
      }
    }
    // A refused applicant has no verdict: nothing else can be compared.
    const auto refused = std::find_if(e.expects.begin(), e.expects.end(), [](const auto& x) { return x.error; });
    if (refused != e.expects.end())
      for (const auto& x : e.expects)
        if (&x != &*refused)
          error(x.span,
                x.error ? "an example expects an error once" : "an example that expects an error has no other expectations",
                "a refused applicant has no verdict to compare; expect the verdict's members in another example");
    return e;
  }

  const SourceFile& file_;
  Diagnostics& diags_;
};

}  // namespace

TestParseResult parse_test_file(const SourceFile& file) {
  TestParseResult result;
  if (file.text().size() > std::numeric_limits<std::uint32_t>::max()) {
    Diagnostic d;
    d.location = file.path();
    d.message = "file too large (over 4 GiB)";
    result.diagnostics.push_back(std::move(d));
    return result;
  }
  if (!check_encoding(file, result.diagnostics)) return result;
  try {
    Input in(file.text(), file.path());
    auto root = pt::parse<t::test_file, selector, pegtl::nothing, control>(in);
    if (!root) throw syntax_error(error_message<t::end_of_file>, nullptr, in);  // unreachable: expect<> raises
    Lowerer lowerer(file, result.diagnostics);
    ruletest::TestFile f = lowerer.file(*root);
    if (!has_errors(result.diagnostics)) result.file = std::move(f);
  } catch (const syntax_error& e) {
    result.diagnostics.push_back(syntax_diagnostic(file, e, e.hint()));
  } catch (const pegtl::parse_error& e) {
    result.diagnostics.push_back(syntax_diagnostic(file, e, {}));
  } catch (...) {  // e.g. bad_alloc: parse_test_file() never throws
    Diagnostic d;
    d.span = Span{file.id(), 0, 0};
    d.message = "internal error while parsing";
    result.diagnostics.push_back(std::move(d));
  }
  return result;
}

bool test_grammar_is_sound() { return pegtl::analyze<t::test_file>() == 0; }

}  // namespace kijun::grammar
