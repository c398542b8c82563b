// Test support for the parser tests (grammar_*test.cpp): parse a ruleset or
// an expression, render an expression tree compactly for precedence and
// shape checks, and give the first diagnostic as "line:column: message".
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "grammar/parse.hpp"

namespace kijun::grammar_testing {

// A compact rendering of an expression tree: "(+ a (* b c))", "10[cases]".
std::string show(const ast::Expr& e);
std::string show(const ast::ExprPtr& e);
std::string show_all(const std::vector<ast::ExprPtr>& es);

struct Parsed {
  std::unique_ptr<SourceFile> file;
  grammar::ParseResult result;
};
Parsed parse(std::string text);
// A ruleset of one header line and `decls`; must parse cleanly.
ast::Ruleset ruleset(const std::string& decls);
// show() of an expression that must parse cleanly.
std::string expr(const std::string& text);
// "line:column: message" of the first diagnostic.
std::string error_of(const std::string& text, bool expression = false);
// error_of() for `decls` after a header line.
std::string error_in(const std::string& decls);
// The text of `s` in `f`.
std::string slice(const SourceFile& f, Span s);

template <typename D> const D& decl(const ast::Ruleset& rs, const std::string& name) {
  for (const auto& d : rs.decls)
    if (const auto* p = std::get_if<D>(&d))
      if (p->name.text == name) return *p;
  FAIL("no declaration " << name);
  throw;
}
template <typename D> int count(const ast::Ruleset& rs) {
  int n = 0;
  for (const auto& d : rs.decls) n += std::holds_alternative<D>(d);
  return n;
}

}  // namespace kijun::grammar_testing
