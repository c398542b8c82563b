// The PEGTL-free face of the parser. Nothing outside grammar/ includes PEGTL.
#pragma once

#include <optional>

#include "interpreter/ast/ast.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/source/limits.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::grammar {

struct ParseResult {
  std::optional<ast::Ruleset> ruleset;  // empty when there is a syntax error
  Diagnostics diagnostics;
};

// Parses one ruleset file. Never throws for bad input: every problem becomes a
// diagnostic with a span in `file`.
ParseResult parse(const SourceFile& file);

// Parses a single expression (used by tests and by `kijun eval --expr`).
struct ExprResult {
  ast::ExprPtr expr;
  Diagnostics diagnostics;
};
ExprResult parse_expression(const SourceFile& file);

// Maximum nesting depth of parentheses, blocks and interpolations.
inline constexpr int max_nesting_depth = limits::max_nesting_depth;

}  // namespace kijun::grammar
