// kijun diff A B: what changed in meaning between two rulesets, or between a
// base and its draft (each merged with its own bases first). With git:
//   git difftool -y -x 'kijun diff' REV -- rulesets/jsprs/jsprs.kijun
#include "interpreter/cli/cli.hpp"
#include "interpreter/diff/diff.hpp"
#include "interpreter/driver/pipeline.hpp"

namespace kijun::cli {

int run_diff(const DiffOptions& o) {
  SourceMap sa, sb;
  driver::LoadResult a = driver::load_ruleset(o.from, sa);
  driver::LoadResult b = driver::load_ruleset(o.to, sb);
  int code = ok;
  for (auto* r : {&a, &b}) {
    Diagnostics errors;
    for (const auto& d : r->diagnostics)
      if (d.severity == Severity::error) errors.push_back(d);
    print_diagnostics(errors, r == &a ? sa : sb, false);
    if (!r->ruleset) code = errors.size() == 1 && !errors[0].span ? io_error : ruleset_errors;
  }
  if (code != ok) return code;
  auto changes = diff::compare(a.ruleset->ast, sa, b.ruleset->ast, sb);
  const std::string& an = a.ruleset->program->name;
  const std::string& bn = b.ruleset->program->name;
  std::string out = o.format == "json" ? diff::render_json(changes, an, bn) : diff::render_text(changes, an, bn);
  write_out(out);
  if (!finish_output("the differences")) return io_error;
  // Like diff(1): 0 when the meaning is the same, 1 when it differs.
  return changes.empty() ? ok : (o.exit_code ? 1 : ok);
}

}  // namespace kijun::cli
