// Compares an example's expectations with the verdict JSON (the object
// `kijun eval --format json` prints) and says, for each that does not hold,
// what was expected and what came.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/testing/test_file.hpp"

namespace kijun::ruletest {

struct Mismatch {
  const Expectation* expectation = nullptr;
  std::string expected;  // as a reader would write it: board, 50, [a, b]
  std::string got;       // the same notation; "(absent)" when the verdict has no such member
  std::string detail;    // for unmet: "missing a; unexpected b"
};

class VerdictMatcher {
 public:
  VerdictMatcher();
  ~VerdictMatcher();
  VerdictMatcher(const VerdictMatcher&) = delete;
  VerdictMatcher& operator=(const VerdictMatcher&) = delete;

  // The mismatches of `expects` against `verdict_json`; empty when all hold.
  std::vector<Mismatch> match(const std::string& verdict_json, const std::vector<Expectation>& expects);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// An expected value in the notation of the failure lines.
std::string show(const ExpectValue& v);

}  // namespace kijun::ruletest
