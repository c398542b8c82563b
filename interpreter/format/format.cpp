// kijun fmt's entry points: format a parsed ruleset, and format a file's
// text with the checks that make it safe to write the result over the file.
#include "interpreter/format/format.hpp"

#include <algorithm>

#include "grammar/parse.hpp"
#include "interpreter/format/format_impl.hpp"

namespace kijun::format {

std::string format_ruleset(const ast::Ruleset& rs, const SourceFile& file) {
  detail::DeclPrinter printer(file);
  return detail::render(printer.ruleset(rs), rs, file);
}

std::vector<std::string> comment_texts(const ast::Ruleset& rs) {
  std::vector<std::string> out;
  for (const auto& c : rs.comments) out.push_back(c.text);
  std::sort(out.begin(), out.end());
  return out;
}

// The output is parsed again and must mean the same and keep every comment:
// a formatter bug then costs a refusal, never a changed ruleset.
Result format_source(const SourceFile& file) {
  Result r;
  auto parsed = grammar::parse(file);
  if (!parsed.ruleset || has_errors(parsed.diagnostics)) {
    r.status = Result::syntax_error;
    r.diagnostics = std::move(parsed.diagnostics);
    return r;
  }
  std::string text = format_ruleset(*parsed.ruleset, file);
  SourceFile out(file.id(), file.path(), text);
  auto again = grammar::parse(out);
  r.status = Result::internal;
  if (!again.ruleset || !again.diagnostics.empty())
    r.error = "formatting produced text that does not parse";
  else if (ast_fingerprint(*again.ruleset) != ast_fingerprint(*parsed.ruleset))
    r.error = "formatting would change the meaning";
  else if (comment_texts(*again.ruleset) != comment_texts(*parsed.ruleset))
    r.error = "formatting would lose or change a comment";
  else
    r.status = Result::ok;
  if (r.status == Result::ok) r.text = std::move(text);
  return r;
}

}  // namespace kijun::format
