// Test support: load a ruleset once and evaluate applicants given as JSON text.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/facts_reader.hpp"

namespace kijun::testing {

struct Loaded {
  SourceMap sources;
  driver::LoadResult result;
  const Program& program() const { return *result.ruleset->program; }
};

// Throws (failing the test with the rendered diagnostics) if the ruleset has errors.
const Loaded& load(const std::string& path);
inline const Loaded& jsprs() { return load(std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs"); }

struct Outcome {
  bool ok = false;
  Verdict verdict;
  std::string diagnostics;  // rendered, when !ok
};

Outcome evaluate(const Loaded& rs, const std::string& json, Lang lang = Lang::en);

// An applicant of the full standard built from a JSON fragment:
// applicant(R"("renewal_year": 2021, "courses": [...])"). Missing required
// fields get neutral values (id "T", prior_renewals 0, work_declaration true).
std::string applicant(const std::string& fields);

std::string read_text(const std::string& path);

// A scratch path of this test process (unique per process, so that two test
// runs at once, or ctest -j, never share files).
std::string scratch(const std::string& name);
// Writes `text` to scratch(name) and returns that path.
std::string write_scratch(const std::string& name, const std::string& text);

// Runs a shell command and returns its standard output.
std::string run_command(const std::string& cmd, int* exit_status = nullptr);

}  // namespace kijun::testing
