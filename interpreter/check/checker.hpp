// The checker: resolves and types a parsed ruleset and compiles it into a
// Program (compile/plan.hpp). All errors are reported in one run.
#pragma once

#include <memory>

#include "interpreter/ast/ast.hpp"
#include "interpreter/compile/plan.hpp"
#include "interpreter/diag/diagnostic.hpp"

namespace kijun::check {

struct CheckResult {
  std::unique_ptr<Program> program;  // null when there are errors
  Diagnostics diagnostics;           // errors and warnings
};

// `sources` holds every file the ruleset's spans point into (a draft and its bases).
CheckResult check(const ast::Ruleset& ruleset, const SourceMap& sources);

}  // namespace kijun::check
