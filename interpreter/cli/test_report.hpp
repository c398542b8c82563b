// What `kijun test` prints: as text (lines streamed as examples run) or as
// one JSON object at the end (--format json). docs/testing.md shows both.
#pragma once

#include <string>
#include <vector>

#include "interpreter/source/source.hpp"
#include "interpreter/testing/coverage.hpp"
#include "interpreter/testing/runner.hpp"
#include "interpreter/testing/snapshot.hpp"

namespace kijun::cli {

class TestReport {
 public:
  TestReport(const SourceMap& sources, bool json, bool verbose) : sources_(sources), json_(json), verbose_(verbose) {}

  void untested(const std::string& ruleset);
  void unusable(const std::string& test_file, const std::string& ruleset, bool unreadable);
  void example(const ruletest::Case& c, const ruletest::CaseResult& r, const std::string& ruleset);
  void suite_done(const std::string& ruleset, std::size_t examples, std::size_t failed, bool several);
  void coverage(const ruletest::Coverage& cov, const std::string& ruleset);
  void snapshot(const ruletest::SnapshotResult& r, const std::string& cohort, bool accepted);
  // Text lines about anything else; in JSON, under "notes".
  void note(const std::string& line);
  void finish(std::size_t examples, std::size_t failed, std::size_t files_not_run, bool coverage_incomplete);

  // Writes what is pending (text mode); false when stdout is gone.
  bool flush();

 private:
  const SourceMap& sources_;
  bool json_;
  bool verbose_;
  std::string text_;
  std::vector<std::string> failures_, untested_, coverage_, notes_, snapshots_;
  std::size_t snapshots_changed_ = 0;  // and not accepted
};

}  // namespace kijun::cli
