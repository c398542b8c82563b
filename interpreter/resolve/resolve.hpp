// Drafts: a ruleset that `extends` a base is merged into a copy of the base's
// syntax tree before checking, so the checker validates the result as a whole
// and every diagnostic points into the file that wrote the line.
//
//   - a declaration that the base does not have is added (a new outcome goes
//     before the base's `otherwise`);
//   - `override …` replaces the base's declaration of that name; a standard
//     and a category merge item by item (bounds by category, `total`,
//     requirements, lets and reports by name; parts by name), a table takes
//     cell edits (`domain_min 2018: 10`) and whole rows;
//   - `remove KIND name` and, inside an override, `remove name` delete.
#pragma once

#include "interpreter/ast/ast.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/source/limits.hpp"

namespace kijun::resolve {

// Applies `draft` to `base` (both already parsed). Returns false with
// diagnostics when an edit does not fit the base; `base` is then unspecified.
bool merge(ast::Ruleset& base, ast::Ruleset&& draft, Diagnostics& diags);

// Longest chain of drafts extending drafts.
inline constexpr int max_extends_depth = limits::max_extends_depth;

}  // namespace kijun::resolve
