// `kijun test --coverage`: which requirements the examples saw both met and
// unmet, and which outcomes they reached (docs/testing.md, "Coverage").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/eval/evaluate.hpp"

namespace kijun::ruletest {

class Coverage {
 public:
  explicit Coverage(const Program& program);

  // One evaluated example: its outcome and the statuses of every standard's
  // requirements (empty for a standard that did not apply).
  void add(const std::string& outcome, const RequirementStatuses& statuses);

  // Every requirement of every standard seen met and unmet, every outcome reached.
  bool complete() const;
  std::string text(const std::string& ruleset) const;
  // One JSON object: {"ruleset", "examples", "complete", "standards": [...], "outcomes": [...]}.
  std::string json(const std::string& ruleset) const;

  struct Requirement {
    std::string name, label, cites;
    std::size_t met = 0, unmet = 0, waived = 0, not_applicable = 0;
    bool covered() const { return met > 0 && unmet > 0; }
  };
  struct Standard {
    std::string name, label;
    std::size_t applied = 0;  // examples to which it applied
    std::vector<Requirement> requirements;
  };
  struct Outcome {
    std::string name, label;
    std::size_t reached = 0;
  };
  const std::vector<Standard>& standards() const { return standards_; }
  const std::vector<Outcome>& outcomes() const { return outcomes_; }

 private:
  std::size_t examples_ = 0;
  std::vector<Standard> standards_;
  std::vector<Outcome> outcomes_;
};

}  // namespace kijun::ruletest
