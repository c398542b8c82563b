// A semantic diff of two rulesets (or a base and its draft, merged): what
// changed in meaning — figures, table cells, bounds, requirements, categories,
// outcomes — rather than which lines moved. Expressions are compared as
// written, with layout and comments ignored.
#pragma once

#include <string>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::diff {

enum class Kind { added, removed, changed };

struct Change {
  Kind kind;
  std::string where;   // "standard full / bounds domain", "table transition_table [2018] domain_min"
  std::string what;    // "min", "condition", "cell", "" for a whole declaration
  std::string before;  // empty when added
  std::string after;   // empty when removed
};

std::vector<Change> compare(const ast::Ruleset& a, const SourceMap& sa, const ast::Ruleset& b, const SourceMap& sb);

std::string render_text(const std::vector<Change>& changes, const std::string& a_name, const std::string& b_name);
std::string render_json(const std::vector<Change>& changes, const std::string& a_name, const std::string& b_name);

}  // namespace kijun::diff
