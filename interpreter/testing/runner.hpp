// Runs one example: assembles its facts, reads them with the same facts
// reader as `kijun eval`, evaluates them with the same Evaluator, and
// compares the verdict JSON with the expectations.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/eval/verdict.hpp"
#include "interpreter/testing/suite.hpp"
#include "interpreter/testing/verdict_match.hpp"

namespace kijun::ruletest {

struct CaseResult {
  enum class Status {
    passed,
    failed,     // some expectation does not hold
    bad_facts,  // the facts reader or the evaluator refused the facts
    error,      // the facts could not be assembled: unknown applicant, unreadable file (see io)
  };
  Status status = Status::passed;
  bool io = false;  // error because a facts file could not be read
  // The facts were refused, as the example expected (`expect error`): there is
  // no verdict, and the example counts for no requirement or outcome.
  bool refused = false;
  std::vector<Mismatch> mismatches;
  Verdict verdict;  // when passed or failed
  RequirementStatuses statuses;  // the same; for coverage
};

class Runner {
 public:
  Runner(const Program& program, const SourceMap& sources, Diagnostics& diags);
  ~Runner();
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  CaseResult run(const Case& c);

  // The facts of an example as JSON text; false (with diagnostics) when they
  // cannot be assembled. `io` tells an unreadable file from a test-file error.
  bool facts_text(const Case& c, std::string& out, bool& io);

 private:
  // The result of an example that expects an error, once the facts were read
  // and evaluated (`evaluated`) or refused with `diags`.
  CaseResult expected_refusal(const Expectation& x, bool evaluated, Diagnostics& diags, CaseResult r);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "FILE:LINE" of a span.
std::string where(const SourceMap& sources, Span at);

}  // namespace kijun::ruletest
