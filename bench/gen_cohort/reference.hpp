// The generator's own reference implementation of ../shared/contract/jsprs-interpretation.md:
// the verdict it expects for each applicant it makes (--expect).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "bench/gen_cohort/model.hpp"

namespace gen_cohort {

struct Verdict {
  const char* outcome = "not_eligible";
  std::string path;
  int total = 0, required_total = 0, earned_total = 0, cases_counted = 0;
  std::array<int, 4> earned{}, counted{};
  std::vector<int> mandatory;  // topics covered, sorted
};

Verdict reference(const Applicant& a);

}  // namespace gen_cohort
