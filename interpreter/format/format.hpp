// kijun fmt: one canonical layout for a ruleset (docs/cli.md, "kijun fmt",
// lists the layout rules). The formatter reads the AST and the comments the
// parser kept, never the author's white space, so two files that differ only
// in layout format to the same text; the only layout taken from the input is
// a blank line written after a comment (a section heading stays detached).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::format {

// Lines are kept within this many display columns (Japanese counts 2) where
// the layout has a place to break; strings and table rows are never broken.
inline constexpr std::size_t max_width = 100;

// The canonical text of `rs`, which was parsed from `file` (the comments'
// spans and a few token positions are looked up in the file's text).
std::string format_ruleset(const ast::Ruleset& rs, const SourceFile& file);

// A canonical serialization of the tree that ignores spans and comments: two
// rulesets with equal fingerprints mean the same thing.
std::string ast_fingerprint(const ast::Ruleset& rs);

// The comments' texts, sorted: formatting must keep this multiset.
std::vector<std::string> comment_texts(const ast::Ruleset& rs);

// Parse, format and verify one file's text.
struct Result {
  enum Status {
    ok,            // `text` is the formatted file
    syntax_error,  // `diagnostics` say why; nothing was formatted
    internal,      // the output would not parse back to the same meaning or comments
  };
  Status status = ok;
  std::string text;
  Diagnostics diagnostics;  // spans refer to the SourceFile given
  std::string error;        // for `internal`
};
Result format_source(const SourceFile& file);

// The same for a ruleset test file (*.kijun-test): its lines re-indented by
// nesting, white space around them made canonical (format_test_file.cpp).
Result format_test_source(const SourceFile& file);
bool is_test_file(std::string_view path);

}  // namespace kijun::format
