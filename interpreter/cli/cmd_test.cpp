// kijun test PATH…: runs the examples of ruleset test files (docs/testing.md)
// and reports each failure as expected vs actual with its file:line.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "interpreter/cli/cli.hpp"
#include "interpreter/testing/runner.hpp"
#include "interpreter/testing/suite.hpp"

namespace kijun::cli {

namespace {

using ruletest::Case;
using ruletest::CaseResult;

struct Group {
  std::string ruleset;
  std::vector<const ruletest::LoadedFile*> files;
};

// The exit code of the whole run: the worst of what happened.
struct Status {
  bool io = false, bad_facts = false, errors = false, failures = false;
  int code() const { return io ? io_error : bad_facts ? Exit::bad_facts : (errors || failures) ? ruleset_errors : ok; }
};

std::string heading(const SourceMap& sources, const Case& c, const char* what, const std::string& ruleset) {
  std::string s = fmt::format("{}: {} \"{}\"", ruletest::where(sources, c.example->span), what, c.example->name);
  if (!c.example->cites.empty()) s += fmt::format(" (cites {})", c.example->cites);
  if (c.inherited) s += fmt::format(" [base's example, run against {}]", ruleset);
  return s + "\n";
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
  flush();
  status.errors = false;

  ruletest::Loader loader(sources, diags);
  std::vector<Group> groups;
  std::map<std::string, std::size_t> by_key;
  auto group = [&](const std::string& key, const std::string& ruleset) -> Group& {
    auto [it, added] = by_key.emplace(key, groups.size());
    if (added) groups.push_back({ruleset, {}});
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

  std::string out;
  for (const auto& r : found.untested_rulesets)
    if (!by_key.count(ruletest::path_key(r))) out += r + ": no tests\n";

  std::size_t total = 0, failed = 0;
  for (const auto& g : groups) {
    driver::LoadResult loaded = driver::load_ruleset(g.ruleset, sources);
    for (const auto& d : loaded.diagnostics)
      if (d.severity == Severity::error) diags.push_back(d);
    if (!loaded.ruleset) {
      const bool missing = diags.size() == 1 && !diags[0].span;
      status.io = status.io || missing;
      for (const auto* f : g.files)
        out += fmt::format("{}: tests for {}, which {}\n", f->path, g.ruleset, missing ? "cannot be read" : "does not check");
      flush();
      continue;
    }
    std::vector<Case> cases = ruletest::suite_cases(*loaded.ruleset, g.files, loader);
    flush();
    if (cases.empty()) {
      out += g.ruleset + ": no tests\n";
      continue;
    }
    ruletest::Runner runner(*loaded.ruleset->program, sources, diags);
    std::size_t group_failed = 0;
    for (const auto& c : cases) {
      CaseResult r = runner.run(c);
      ++total;
      switch (r.status) {
        case CaseResult::Status::passed:
          if (o.verbose) out += heading(sources, c, "ok", g.ruleset);
          break;
        case CaseResult::Status::failed:
          status.failures = true;
          out += heading(sources, c, "FAIL", g.ruleset);
          for (const auto& m : r.mismatches)
            out += fmt::format("  {}: {}: expected {}, got {}{}\n", ruletest::where(sources, m.expectation->span),
                               m.expectation->path, m.expected, m.got, m.detail.empty() ? "" : " (" + m.detail + ")");
          break;
        case CaseResult::Status::bad_facts:
          status.bad_facts = true;
          out += heading(sources, c, "FAIL", g.ruleset) + "  the facts could not be evaluated (diagnostics above)\n";
          break;
        case CaseResult::Status::error:
          status.io = status.io || r.io;
          out += heading(sources, c, "FAIL", g.ruleset) + "  the facts could not be assembled (diagnostics above)\n";
          break;
      }
      if (r.status != CaseResult::Status::passed) ++group_failed;
      // Diagnostics first, so that stderr and stdout read in order on a terminal.
      flush();
      if (!write_out(out)) return io_error;
      out.clear();
    }
    failed += group_failed;
    if (groups.size() > 1) out += fmt::format("{}: {} examples, {} failed\n", g.ruleset, cases.size(), group_failed);
  }
  out += fmt::format("{} example{}, {} failed", total, total == 1 ? "" : "s", failed);
  if (loader.failed())
    out += fmt::format("; {} test file{} not run (diagnostics above)", loader.failed(), loader.failed() == 1 ? "" : "s");
  out += '\n';
  if (!write_out(out) || std::fflush(stdout) != 0) return io_error;
  return status.code();
}

}  // namespace kijun::cli
