// kijun test PATH…: runs the examples of ruleset test files (docs/testing.md)
// and reports each failure as expected vs actual with its file:line; with
// --coverage, which requirements and outcomes the examples exercised.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "interpreter/cli/cli.hpp"
#include "interpreter/cli/test_report.hpp"
#include "interpreter/testing/coverage.hpp"
#include "interpreter/testing/runner.hpp"
#include "interpreter/testing/snapshot.hpp"
#include "interpreter/testing/suite.hpp"

namespace kijun::cli {

namespace {

using ruletest::Case;
using ruletest::CaseResult;

struct Group {
  std::string key;  // ruletest::path_key of the ruleset
  std::string ruleset;
  std::vector<const ruletest::LoadedFile*> files;
};

// The exit code of the whole run: the worst of what happened.
struct Status {
  bool io = false, bad_facts = false, errors = false, failures = false;
  int code() const { return io ? io_error : bad_facts ? Exit::bad_facts : (errors || failures) ? ruleset_errors : ok; }
};

// The cohorts whose verdicts a suite snapshots: its own test files' `snapshot`
// declarations (not a base's: a draft is meant to change verdicts), and the
// command line's --snapshot.
std::vector<std::string> snapshots_of(const Group& g, const std::string& extra) {
  std::vector<std::string> out;
  for (const auto* f : g.files)
    for (const auto& s : f->file.snapshots)
      out.push_back((std::filesystem::path(f->path).parent_path() / s.cohort).lexically_normal().string());
  if (!extra.empty()) out.push_back(extra);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

int run_test(const TestOptions& o) {
  SourceMap sources;
  Diagnostics diags;
  Status status;
  auto flush = [&] {
    if (has_errors(diags)) status.errors = true;
    print_diagnostics(diags, sources, false);
    diags.clear();
  };
  ruletest::Found found = ruletest::find(o.paths, diags);
  status.io = !diags.empty();
  print_diagnostics(diags, sources, false);
  diags.clear();
  // Paths that hold neither a test file nor a ruleset: a typo or a moved
  // folder, which must not pass as "nothing failed" (in CI above all).
  if (!status.io && found.test_files.empty() && found.rulesets.empty() && found.untested_rulesets.empty()) {
    std::string named;
    for (const auto& p : o.paths) named += (named.empty() ? "'" : ", '") + p + "'";
    std::fprintf(stderr,
                 "error: no ruleset test files (*.kijun-test) and no rulesets (*.kijun) under %s\n"
                 "  hint: name a test file, a ruleset, or a folder that holds them (e.g. rulesets/)\n",
                 named.c_str());
    return ruleset_errors;
  }

  // Test files grouped by the ruleset they name, in the order found.
  ruletest::Loader loader(sources, diags);
  std::vector<Group> groups;
  std::map<std::string, std::size_t> by_key;
  auto group = [&](const std::string& key, const std::string& ruleset) -> Group& {
    auto [it, added] = by_key.emplace(key, groups.size());
    if (added) groups.push_back({key, ruleset, {}});
    return groups[it->second];
  };
  for (const auto& path : found.test_files)
    if (const auto* f = loader.load(path)) group(f->ruleset_key, f->ruleset).files.push_back(f);
  for (const auto& r : found.rulesets) {
    Group& g = group(ruletest::path_key(r), r);
    for (const auto& path : ruletest::tests_beside(r, loader))
      if (const auto* f = loader.load(path))
        if (std::find(g.files.begin(), g.files.end(), f) == g.files.end()) g.files.push_back(f);
  }
  status.io = status.io || loader.io_failed();
  flush();

  // The ruleset --snapshot's cohort is evaluated under: the one PATH names
  // (a ruleset, or a directory holding DIR/DIR.kijun, whose drafts' tests
  // still run), or else the only one found.
  std::string snapshot_key;
  if (!o.snapshot.empty()) {
    if (o.paths.size() == 1) {
      const std::filesystem::path p(o.paths[0]);
      const auto named = p / ((p.filename().empty() ? p.parent_path() : p).filename().string() + ".kijun");
      std::error_code ec;
      if (std::filesystem::is_directory(p, ec) && std::filesystem::is_regular_file(named, ec))
        snapshot_key = group(ruletest::path_key(named.string()), named.lexically_normal().string()).key;
    }
    if (snapshot_key.empty() && groups.size() == 1) snapshot_key = groups[0].key;
    if (snapshot_key.empty()) {
      std::fprintf(stderr, "error: --snapshot needs one ruleset to evaluate the cohort under (%zu found)\n",
                   groups.size());
      return usage;
    }
  }
  TestReport report(sources, o.format == "json", o.verbose);
  for (const auto& r : found.untested_rulesets)
    if (!by_key.count(ruletest::path_key(r))) report.untested(r);

  std::size_t total = 0, failed = 0;
  bool coverage_incomplete = false;
  for (const auto& g : groups) {
    driver::LoadResult loaded = driver::load_ruleset(g.ruleset, sources);
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Severity::error) diags.push_back(d);
    if (!loaded.ruleset) {
      const bool unreadable = diags.size() == 1 && !diags[0].span;
      status.io = status.io || unreadable;
      for (const auto* f : g.files) report.unusable(f->path, g.ruleset, unreadable);
      flush();
      continue;
    }
    const Program& program = *loaded.ruleset->program;
    std::vector<Case> cases = ruletest::suite_cases(*loaded.ruleset, g.files, loader);
    flush();
    const std::vector<std::string> snapshots = snapshots_of(g, g.key == snapshot_key ? o.snapshot : "");
    if (cases.empty() && snapshots.empty()) {
      report.untested(g.ruleset);
      continue;
    }
    ruletest::Runner runner(program, sources, diags);
    std::optional<ruletest::Coverage> coverage;
    if (!o.coverage.empty()) coverage.emplace(program);
    std::size_t group_failed = 0;
    for (const auto& c : cases) {
      CaseResult r = runner.run(c);
      ++total;
      if (r.status == CaseResult::Status::failed) status.failures = true;
      if (r.status == CaseResult::Status::bad_facts) status.bad_facts = true;
      if (r.status == CaseResult::Status::error) status.io = status.io || r.io;
      if (r.status != CaseResult::Status::passed) ++group_failed;
      // A refused applicant (`expect error`) reached no requirement and no outcome.
      const bool evaluated =
          !r.refused && (r.status == CaseResult::Status::passed || r.status == CaseResult::Status::failed);
      if (coverage && evaluated) coverage->add(std::string(r.verdict.outcome), r.statuses);
      report.example(c, r, g.ruleset);
      // Diagnostics first, so that stderr and stdout read in order on a terminal.
      flush();
      if (!report.flush()) return io_error;
    }
    failed += group_failed;
    for (const auto& cohort : snapshots) {
      ruletest::SnapshotResult r = ruletest::run_snapshot(program, cohort, o.accept, diags);
      flush();
      report.snapshot(r, cohort, o.accept);
      status.io = status.io || r.io_error;
      status.bad_facts = status.bad_facts || r.bad > 0;
      if (!r.changes.empty() && !o.accept) status.failures = true;
    }
    report.suite_done(g.ruleset, cases.size(), group_failed, groups.size() > 1);
    if (coverage) {
      report.coverage(*coverage, g.ruleset);
      coverage_incomplete = coverage_incomplete || !coverage->complete();
    }
  }
  const bool coverage_fails = o.coverage == "required" && coverage_incomplete;
  report.finish(total, failed, loader.failed(), coverage_fails);
  report.flush();
  if (!finish_output("the test report")) return io_error;
  if (coverage_fails) status.failures = true;
  return status.code();
}

}  // namespace kijun::cli
