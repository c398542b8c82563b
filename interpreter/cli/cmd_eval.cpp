// kijun eval RULESET FACTS: one applicant (.json) or a cohort read as a
// stream (.jsonl or -), so memory stays flat whatever the cohort's size.
// A bad applicant is reported with its line and skipped loudly; the others are
// still evaluated, and the exit code says that something was wrong. A cohort
// is evaluated on --jobs threads (cohort_runner.hpp), its output in input order.
#include <unistd.h>

#include <algorithm>
#include <memory>

#include "interpreter/cli/cli.hpp"
#include "interpreter/cli/cohort_runner.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/facts_reader.hpp"

namespace kijun::cli {

namespace {

// One applicant's diagnostics and output, made by a worker thread.
struct Result {
  Diagnostics diags;
  std::string out;
  bool ok = false;
};

bool is_cohort(const std::string& path) {
  auto ends = [&](const char* s) {
    std::string x(s);
    return path.size() >= x.size() && path.compare(path.size() - x.size(), x.size(), x) == 0;
  };
  return path == "-" || ends(".jsonl") || ends(".ndjson");
}

// One thread's evaluation state: reader, evaluator and arena, reused for
// every applicant it is given.
struct Worker {
  facts::FactsReader reader;
  Evaluator evaluator;
  Arena arena;
  bool json;
  bool explain;
  std::string sheet;
  Lang lang;
  Verdict verdict;
  Explanation explanation;
  std::string unit;
  std::string unit_label;
  std::size_t line_room = 1024;

  Worker(const Program& p, bool j, bool e, const std::string& sh, Lang l)
      : reader(p.schema), evaluator(p, l), json(j), explain(e), sheet(sh), lang(l),
        unit(p.units[p.credit_unit].name),
        unit_label(p.units[p.credit_unit].label.empty() ? p.units[p.credit_unit].name : p.units[p.credit_unit].label) {}

  // `padded`: `text` is followed by facts::input_padding zero bytes.
  void one(std::string_view text, bool padded, const std::string& location, Result& r) {
    arena.reset();
    Value facts;
    bool ok = padded ? reader.read_padded(text, arena, facts, r.diags, location)
                     : reader.read(text, arena, facts, r.diags, location);
    if (ok && !sheet.empty()) {
      ok = evaluator.explain(facts, arena, explanation, r.diags, location);
      r.out = sheet == "html" ? summary_sheet_html(explanation, lang) : summary_sheet_markdown(explanation, lang);
    } else if (ok && explain) {
      ok = evaluator.explain(facts, arena, explanation, r.diags, location);
      r.out = json ? explanation_json(explanation, lang) + "\n" : explanation_text(explanation, lang) + "\n";
    } else if (ok) {
      ok = evaluator.evaluate(facts, arena, verdict, r.diags, location);
      if (json) {
        // One allocation for the line: room for the longest line so far.
        r.out.reserve(line_room);
        append_verdict_json(r.out, verdict, lang);
        r.out += '\n';
        line_room = std::max(line_room, r.out.size());
      } else {
        r.out = verdict_text(verdict, lang, unit, unit_label);
      }
    }
    r.ok = ok;
  }
};

// Prints one applicant's diagnostics and output, in input order.
struct Writer {
  SourceMap& sources;
  std::size_t bad = 0;
  std::size_t count = 0;
  bool output_failed = false;

  bool take(const Result& r) {
    ++count;
    print_diagnostics(r.diags, sources, false);
    if (!r.ok) {
      ++bad;
      return true;
    }
    if (!write_out(r.out)) output_failed = true;
    return !output_failed;
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
  const Program& program = *r.ruleset->program;
  const Lang lang = parse_lang(o.lang);
  Writer writer{sources};
  if (!o.sheet.empty() && is_cohort(o.facts)) {
    std::fprintf(stderr, "error: a summary sheet is for one applicant: give a .json file, not a cohort\n");
    return usage;
  }
  if (is_cohort(o.facts)) {
    facts::BatchReader lines(o.facts);
    if (!lines.ok()) {
      std::fprintf(stderr, "error: %s\n", lines.error().c_str());
      return io_error;
    }
    const std::string name = o.facts == "-" ? "<stdin>" : o.facts;
    CohortTask<Result> task;
    task.make_worker = [&] {
      auto w = std::make_shared<Worker>(program, json, o.explain, o.sheet, lang);
      return [w, &name](std::string_view line, const facts::Batch::Line& at, Result& out) {
        w->one(line, true, name + ":" + std::to_string(at.number), out);
      };
    };
    task.consume = [&](const facts::Batch::Line&, Result& res) { return writer.take(res); };
    run_cohort(lines, o.jobs == 0 ? default_jobs() : o.jobs, task);
    if (!writer.output_failed && !lines.error().empty()) {
      std::fprintf(stderr, "error: %s\n", lines.error().c_str());
      return io_error;
    }
  } else {
    std::string text, why;
    if (!driver::read_file(o.facts, text, why, facts::FactsReader::max_bytes, "max_json_size")) {
      std::fprintf(stderr, "error: %s\n", why.c_str());
      return io_error;
    }
    // A byte order mark at the very start, as some Windows editors write, is
    // not part of the JSON (as for line 1 of a cohort).
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
    Worker w(program, json, o.explain, o.sheet, lang);
    Result res;
    w.one(text, false, o.facts, res);
    writer.take(res);
  }
  if (!finish_output("the verdicts")) return io_error;
  if (writer.bad) {
    std::fprintf(stderr, "%zu of %zu applicant%s could not be evaluated\n", writer.bad, writer.count,
                 writer.count == 1 ? "" : "s");
    return bad_facts;
  }
  return ok;
}

}  // namespace kijun::cli
