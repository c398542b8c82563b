// kijun check RULESET: every diagnostic on stderr; a one-line summary on
// stdout when the ruleset is sound.
#include <fmt/format.h>

#include "interpreter/cli/cli.hpp"
#include "interpreter/driver/pipeline.hpp"

namespace kijun::cli {

int run_check(const CheckOptions& o) {
  SourceMap sources;
  driver::LoadResult r = driver::load_ruleset(o.ruleset, sources);
  print_diagnostics(r.diagnostics, sources, o.format == "json");
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : r.diagnostics) (d.severity == Severity::error ? errors : warnings)++;
  if (!r.ruleset) {
    if (errors == 0) return io_error;
    if (o.format == "text")  // JSON output is only the diagnostics, one per line
      std::fprintf(stderr, "%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
                   warnings == 1 ? "" : "s");
    // A ruleset that cannot even be read is an I/O problem, not a rule error.
    bool unreadable = r.diagnostics.size() == 1 && !r.diagnostics[0].span;
    return unreadable ? io_error : ruleset_errors;
  }
  const Program& p = *r.ruleset->program;
  auto count = [](std::size_t n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); };
  std::string summary = fmt::format("{}: ok ({}, {}, {}{})\n", r.ruleset->path, count(p.categories.size(), "category", "categories"),
                                    count(p.standards.size(), "standard", "standards"), count(p.outcomes.size(), "outcome", "outcomes"),
                                    warnings ? ", " + count(warnings, "warning", "warnings") : "");
  if (o.format == "text") write_out(summary);
  return finish_output("the summary") ? ok : io_error;
}

}  // namespace kijun::cli
