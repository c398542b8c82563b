// kijun whatif BASE DRAFT COHORT: the cohort under both rulesets, streamed;
// what changes and why. A progress bar on a terminal's standard error. The
// cohort is evaluated on --jobs threads, the summary built in input order.
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <memory>

#include "interpreter/cli/cli.hpp"
#include "interpreter/cli/cohort_runner.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/whatif/whatif.hpp"

namespace kijun::cli {

namespace {

// Loads a ruleset, printing its errors; null when it does not check.
std::unique_ptr<driver::LoadedRuleset> load(const std::string& path, SourceMap& sources, int& code) {
  driver::LoadResult r = driver::load_ruleset(path, sources);
  Diagnostics errors;
  for (const auto& d : r.diagnostics)
    if (d.severity == Severity::error) errors.push_back(d);
  print_diagnostics(errors, sources, false);
  if (!r.ruleset) code = errors.size() == 1 && !errors[0].span ? io_error : ruleset_errors;
  return std::move(r.ruleset);
}

class Progress {
 public:
  explicit Progress(const std::string& path) : on_(isatty(STDERR_FILENO) && path != "-") {
    struct stat st;
    if (on_ && ::stat(path.c_str(), &st) == 0) total_ = static_cast<double>(st.st_size);
  }
  // `bytes` read since the last step, blank lines included.
  void step(std::size_t bytes, std::size_t applicants) {
    done_ += static_cast<double>(bytes);
    if (!on_ || applicants % 2000 != 0) return;
    double f = total_ > 0 ? std::min(1.0, done_ / total_) : 0;
    int filled = static_cast<int>(f * 30);
    std::fprintf(stderr, "\r[%s%s] %3d%%  %zu applicants", std::string(filled, '#').c_str(),
                 std::string(30 - filled, ' ').c_str(), static_cast<int>(f * 100), applicants);
  }
  ~Progress() {
    if (on_) std::fprintf(stderr, "\r%60s\r", "");
  }

 private:
  bool on_;
  double total_ = 0;
  double done_ = 0;
};

}  // namespace

int run_whatif(const WhatIfOptions& o) {
  SourceMap sources;
  int code = ok;
  auto base = load(o.base, sources, code);
  auto draft = load(o.draft, sources, code);
  if (!base || !draft) return code;

  whatif::Runner runner(*base->program, *draft->program, parse_lang(o.lang), o.max_listed);
  bool csv = o.format == "csv";
  bool output_failed = false;
  if (csv) {
    output_failed = !write_out(whatif::csv_header());
    runner.on_change = [&](const whatif::Change& c) {
      if (!output_failed && !write_out(whatif::csv_row(c))) output_failed = true;
    };
  }
  facts::BatchReader lines(o.cohort);
  if (!lines.ok()) {
    std::fprintf(stderr, "error: %s\n", lines.error().c_str());
    return io_error;
  }
  const std::string name = o.cohort == "-" ? "<stdin>" : o.cohort;
  Progress progress(o.cohort);
  std::size_t count = 0;
  // Workers read and evaluate; the summary takes their verdicts in input order.
  struct Result {
    Diagnostics diags;
    Verdict base, draft;
    std::string location;
    bool ok = false;
  };
  CohortTask<Result> task;
  const Lang lang = parse_lang(o.lang);
  task.make_worker = [&] {
    auto e = std::make_shared<whatif::Evaluation>(*base->program, *draft->program, lang);
    return [e, &name](std::string_view line, const facts::Batch::Line& at, Result& r) {
      r.location = name + ":" + std::to_string(at.number);
      r.ok = e->run(line, true, r.location, r.diags, r.base, r.draft);
    };
  };
  task.consume = [&](const facts::Batch::Line& at, Result& r) {
    progress.step(at.consumed, count);
    print_diagnostics(r.diags, sources, false);
    runner.record(r.ok, r.base, r.draft, r.location);
    ++count;
    return !output_failed;
  };
  if (!output_failed) run_cohort(lines, o.jobs == 0 ? default_jobs() : o.jobs, task);
  if (!output_failed && !lines.error().empty()) {
    std::fprintf(stderr, "error: %s\n", lines.error().c_str());
    return io_error;
  }
  const whatif::Summary& s = runner.summary();
  if (!csv) {
    std::string out = o.format == "json" ? whatif::render_json(s) : o.format == "html" ? whatif::render_html(s)
                                                                                           : whatif::render_text(s);
    output_failed = !write_out(out);
  }
  if (!finish_output("the report")) return io_error;
  if (s.bad) {
    std::fprintf(stderr, "%zu of %zu applicants could not be evaluated\n", s.bad, count);
    return bad_facts;
  }
  return ok;
}

}  // namespace kijun::cli
