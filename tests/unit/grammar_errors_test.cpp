// The parser's errors: syntax errors (exact message and line:column, span
// and hint), errors found while lowering, and the nesting and height limits;
// and what it accepts that editors add (byte order mark, CRLF).
#include <catch2/catch.hpp>

#include <string>
#include <variant>

#include "tests/unit/grammar_support.hpp"

using namespace kijun;
using namespace kijun::grammar_testing;

TEST_CASE("grammar: syntax errors carry our message at the offending token", "[grammar]") {
  CHECK(error_of("rulesett x") == "1:1: expected 'ruleset' and the ruleset's name");
  CHECK(error_in("let a = (1 + )") == "2:14: expected an expression");
  CHECK(error_in("let a 1") == "2:7: expected '='");
  CHECK(error_in("let a = \"abc\nlet b = 1") == "2:13: unterminated string");
  CHECK(error_in("let a = \"a}b\"") == "2:11: unescaped '}' in a string");
  CHECK(error_in("let a = \"a\\qb\"") == "2:11: unknown escape sequence");
  CHECK(error_in("let a = \"x {y\"") == "2:14: expected '}' to end the interpolation");
  CHECK(error_in("let a = 1 < 2 < 3") == "2:15: comparisons do not chain");
  CHECK(error_in("foo") == "2:1: expected a declaration");
  CHECK(error_in("let a = if x then 1\nlet b = 2") == "3:1: expected 'else'");
  CHECK(error_in("let a = f(1, 2\nlet b = 1") == "3:1: expected ',' or ')'");
  CHECK(error_in("let a = case x when 1 then 2\nlet b = 1") == "3:1: expected 'when' or 'else'");
  CHECK(error_in("let a = x.)") == "2:11: expected a field name after '.'");
  CHECK(error_in("let 合計 = 症例 +") == "2:14: expected an expression");
  CHECK(error_in("enum e { a b }") == "2:12: expected ',' or '}'");
  CHECK(error_in("facts { a: }") == "2:12: expected a type");
  CHECK(error_in("record r by k { v { a: integer b } }") == "2:32: expected a field, 'invalid when' or '}'");
  CHECK(error_in("category c {\n  part p { earns 1 }\n}") == "3:12: expected 'from' and the records the part counts");
  CHECK(error_in("category c { counts when x \"r\" }") == "2:28: expected 'else'");
  CHECK(error_in("exemption e { when x }") == "2:22: expected 'waives' and what the exemption waives");
  CHECK(error_in("standard s { total 3 }") == "2:20: expected 'min' after 'total'");
  CHECK(error_in("table t { y: 1 2\n  row: 1 }") == "3:6: expected '('");
  CHECK(error_in("table t { y: 1 2\n  r (units): x }") == "3:14: expected a number or '-'");
  CHECK(error_in("outcome o { }") == "2:13: expected 'when' or 'otherwise'");
  CHECK(error_of("1 2", true) == "1:3: expected an operator or the end of the expression");
}

TEST_CASE("grammar: errors found while building the tree", "[grammar]") {
  CHECK(error_in("unit u \"{x}\"") == "2:10: a label cannot interpolate an expression");
  CHECK(error_in("category c { part p { from xs earns 1 } earns 1 earns 2 }") ==
        "2:49: a category has at most one 'earns'");
}

TEST_CASE("grammar: a byte order mark and CRLF line ends are accepted", "[grammar]") {
  auto p = parse("\xEF\xBB\xBFruleset t\r\nlet a = 1 # c\r\nlet b = \"x\"\r\n");
  REQUIRE(p.result.ruleset);
  CHECK(p.result.ruleset->decls.size() == 2);
  CHECK(p.result.ruleset->comments.at(0).text == " c");
}

TEST_CASE("grammar: a syntax error's span and hint", "[grammar]") {
  auto p = parse("ruleset t\nfoo bar");
  REQUIRE(p.result.diagnostics.size() == 1);
  const auto& d = p.result.diagnostics[0];
  CHECK(slice(*p.file, *d.span) == "foo");
  CHECK(d.hint.find("a declaration starts with") == 0);
  auto eof = parse("ruleset t\nlet a =");
  REQUIRE(eof.result.diagnostics.size() == 1);
  CHECK(eof.result.diagnostics[0].span->begin == eof.file->text().size());
  auto escape = parse("ruleset t\nlet a = \"\\q\"");
  CHECK(slice(*escape.file, *escape.result.diagnostics.at(0).span) == "\\q");
}

TEST_CASE("grammar: nesting is limited, never a stack overflow", "[grammar]") {
  auto nested = [](int depth) { return std::string(depth, '(') + "x" + std::string(depth, ')'); };
  CHECK(expr(nested(64)) == "x");
  CHECK(error_of(nested(65), true) == "1:66: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + nested(10000)) == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + std::string(100000, '(')) == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + std::string(100000, '-') + "1") == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  CHECK(error_in("let a = " + std::string(100000, '[')) == "2:74: nesting deeper than 64 levels (limit max_nesting_depth)");
  std::string nots;
  for (int i = 0; i < 20000; ++i) nots += "not ";
  CHECK(error_in("let a = " + nots + "x").find("nesting deeper than 64 levels (limit max_nesting_depth)") != std::string::npos);
  std::string strings;
  for (int i = 0; i < 20000; ++i) strings += "\"{";
  CHECK(error_in("let a = " + strings).find("nesting deeper than 64 levels (limit max_nesting_depth)") != std::string::npos);
  // Long flat chains fold into tall trees: refused before they are built.
  std::string sum = "1";
  for (int i = 0; i < 300; ++i) sum += " + 1";
  CHECK_NOTHROW(ruleset("let a = " + sum));
  sum = "1";
  for (int i = 0; i < 100000; ++i) sum += "+1";
  CHECK(error_in("let a = " + sum) == "2:9: expression is too long or too deeply nested");
}
