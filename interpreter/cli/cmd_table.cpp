// kijun table RULESET: the ruleset's tables (the requirements by renewal
// year) printed back from the ruleset itself.
#include "interpreter/cli/cli.hpp"
#include "interpreter/cli/table_render.hpp"
#include "interpreter/driver/pipeline.hpp"

namespace kijun::cli {

int run_table(const TableOptions& o) {
  SourceMap sources;
  driver::LoadResult r = driver::load_ruleset(o.ruleset, sources);
  Diagnostics errors;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) errors.push_back(d);
  print_diagnostics(errors, sources, false);
  if (!r.ruleset) return errors.size() == 1 && !errors[0].span ? io_error : ruleset_errors;
  const Program& p = *r.ruleset->program;
  TableFormat format = o.format == "csv" ? TableFormat::csv
                       : o.format == "markdown" ? TableFormat::markdown
                       : o.format == "json" ? TableFormat::json
                                            : TableFormat::text;
  std::string out;
  bool found = false;
  for (const auto& t : p.tables) {
    if (!o.name.empty() && t.name != o.name) continue;
    if (found && format != TableFormat::json) out += "\n";
    out += render_table(p, t, format);
    found = true;
  }
  if (!found) {
    std::fprintf(stderr, "error: %s\n", o.name.empty() ? "the ruleset has no tables"
                                                        : ("no table named '" + o.name + "' in the ruleset").c_str());
    return usage;
  }
  write_out(out);
  return finish_output("the tables") ? ok : io_error;
}

}  // namespace kijun::cli
