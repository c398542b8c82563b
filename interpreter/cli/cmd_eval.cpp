// kijun eval RULESET FACTS: one applicant (.json) or a cohort read as a
// stream (.jsonl or -), so memory stays flat whatever the cohort's size.
// A bad applicant is reported with its line and skipped loudly; the others are
// still evaluated, and the exit code says that something was wrong.
#include <unistd.h>

#include "interpreter/cli/cli.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/facts_reader.hpp"

namespace kijun::cli {

namespace {

bool is_cohort(const std::string& path) {
  auto ends = [&](const char* s) {
    std::string x(s);
    return path.size() >= x.size() && path.compare(path.size() - x.size(), x.size(), x) == 0;
  };
  return path == "-" || ends(".jsonl") || ends(".ndjson");
}

struct Run {
  const Program& program;
  facts::FactsReader reader;
  Evaluator evaluator;
  Arena arena;
  SourceMap& sources;
  bool json;
  bool explain;
  std::string sheet;
  Lang lang;
  Verdict verdict;
  Explanation explanation;
  std::string unit;
  std::string unit_label;
  std::size_t bad = 0;
  bool output_failed = false;

  Run(const Program& p, SourceMap& s, bool j, bool e, Lang l)
      : program(p), reader(p.schema), evaluator(p, l), sources(s), json(j), explain(e), lang(l),
        unit(p.units[p.credit_unit].name),
        unit_label(p.units[p.credit_unit].label.empty() ? p.units[p.credit_unit].name : p.units[p.credit_unit].label) {}

  void one(std::string_view text, const std::string& location) {
    arena.reset();
    Diagnostics diags;
    Value facts;
    std::string out;
    bool ok = reader.read(text, arena, facts, diags, location);
    if (ok && !sheet.empty()) {
      ok = evaluator.explain(facts, arena, explanation, diags, location);
      out = sheet == "html" ? summary_sheet_html(explanation, lang) : summary_sheet_markdown(explanation, lang);
    } else if (ok && explain) {
      ok = evaluator.explain(facts, arena, explanation, diags, location);
      out = json ? explanation_json(explanation, lang) + "\n" : explanation_text(explanation, lang) + "\n";
    } else if (ok) {
      ok = evaluator.evaluate(facts, arena, verdict, diags, location);
      out = json ? verdict_json(verdict, lang) + "\n" : verdict_text(verdict, lang, unit, unit_label);
    }
    print_diagnostics(diags, sources, false);
    if (!ok) {
      ++bad;
      return;
    }
    if (!output_failed && !write_out(out)) output_failed = true;
  }
};

}  // namespace

int run_eval(const EvalOptions& o) {
  SourceMap sources;
  driver::LoadResult r = driver::load_ruleset(o.ruleset, sources);
  Diagnostics errors;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) errors.push_back(d);
  print_diagnostics(errors, sources, false);  // warnings are for `check`
  if (!r.ruleset) return errors.size() == 1 && !errors[0].span ? io_error : ruleset_errors;

  bool json = o.format.empty() ? !isatty(STDOUT_FILENO) : o.format == "json";
  Run run(*r.ruleset->program, sources, json, o.explain, parse_lang(o.lang));
  run.sheet = o.sheet;
  std::size_t count = 0;
  if (!o.sheet.empty() && is_cohort(o.facts)) {
    std::fprintf(stderr, "error: a summary sheet is for one applicant: give a .json file, not a cohort\n");
    return usage;
  }
  if (is_cohort(o.facts)) {
    facts::LineReader lines(o.facts);
    if (!lines.ok()) {
      std::fprintf(stderr, "error: %s\n", lines.error().c_str());
      return io_error;
    }
    std::string line;
    const std::string name = o.facts == "-" ? "<stdin>" : o.facts;
    while (lines.next(line) && !run.output_failed) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines separate nothing
      run.one(line, name + ":" + std::to_string(lines.line_number()));
      ++count;
    }
    if (!lines.error().empty()) {
      std::fprintf(stderr, "error: %s\n", lines.error().c_str());
      return io_error;
    }
  } else {
    std::string text, why;
    if (!driver::read_file(o.facts, text, why, facts::FactsReader::max_bytes)) {
      std::fprintf(stderr, "error: %s\n", why.c_str());
      return io_error;
    }
    run.one(text, o.facts);
    ++count;
  }
  if (run.output_failed || std::fflush(stdout) != 0) {
    std::fprintf(stderr, "error: cannot write the verdicts (output closed or disk full)\n");
    return io_error;
  }
  if (run.bad) {
    std::fprintf(stderr, "%zu of %zu applicant%s could not be evaluated\n", run.bad, count, count == 1 ? "" : "s");
    return bad_facts;
  }
  return ok;
}

}  // namespace kijun::cli
