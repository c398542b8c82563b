// Which examples run against which ruleset: test files found from the
// command line's paths, grouped by the ruleset they name, and a draft's suite
// made of its base's examples (with the draft's overrides and removals) and
// its own (docs/testing.md).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/testing/test_file.hpp"

namespace kijun::ruletest {

inline constexpr const char* test_extension = ".kijun-test";

struct LoadedFile {
  std::string path;     // as shown: the path found, made lexically normal
  std::string ruleset;  // the ruleset it names, relative to the working directory
  std::string ruleset_key;  // the same, canonical: identifies the ruleset
  TestFile file;
};

// One example ready to run: whose facts, whose expectations.
struct Case {
  const Example* example = nullptr;  // where the facts come from
  const LoadedFile* file = nullptr;  // the file of `example`
  const Example* expects = nullptr;  // `example`, or the override that replaced its expectations
  const LoadedFile* expects_file = nullptr;
  std::vector<const LoadedFile*> scope;  // the files whose applicants `example` may name, nearest first
  bool inherited = false;                // from a base's tests
};

// What `kijun test PATH…` found.
struct Found {
  std::vector<std::string> test_files;        // in the order found, each once
  std::vector<std::string> untested_rulesets;  // rulesets found under a directory that no test file names
  std::vector<std::string> rulesets;           // rulesets named on the command line (their tests are looked up)
};

// Lists test files and rulesets; a path that does not exist becomes a
// diagnostic (the caller exits with the I/O code).
Found find(const std::vector<std::string>& paths, Diagnostics& diags);

// Parses test files, each once; its diagnostics go to `diags`.
class Loader {
 public:
  Loader(SourceMap& sources, Diagnostics& diags) : sources_(sources), diags_(diags) {}
  // Null when the file cannot be read (an I/O diagnostic) or does not parse.
  const LoadedFile* load(const std::string& path);
  bool io_failed() const { return io_failed_; }
  // Test files that could not be read or parsed.
  std::size_t failed() const { return failed_; }
  SourceMap& sources() { return sources_; }
  Diagnostics& diagnostics() { return diags_; }

 private:
  SourceMap& sources_;
  Diagnostics& diags_;
  std::map<std::string, std::unique_ptr<LoadedFile>> files_;  // by canonical path; null when it failed
  bool io_failed_ = false;
  std::size_t failed_ = 0;
};

// Test files in tests/ beside `ruleset` that name it.
std::vector<std::string> tests_beside(const std::string& ruleset, Loader& loader);

// The cases of the suite of `ruleset` (already loaded) whose own test files
// are `own`: for a draft, its base's cases first (overridden and removed as
// `own` says), then `own`'s examples. Errors (an override naming no example)
// go to the loader's diagnostics.
std::vector<Case> suite_cases(const driver::LoadedRuleset& ruleset, const std::vector<const LoadedFile*>& own,
                              Loader& loader);

// A canonical key for a path, to tell whether two paths name the same file.
std::string path_key(const std::string& path);

}  // namespace kijun::ruletest
