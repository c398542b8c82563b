// Cases: surgery-list and clinical-list entries, counted and not, towards the target count.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "bench/gen_cohort/generator.hpp"

namespace gen_cohort {

void Generator::clinical_fields(Case& c) {
  c.fields[0] = r_.below(static_cast<int>(diagnoses.size()));
  c.fields[1] = r_.below(static_cast<int>(treatments.size()));
  c.fields[2] = r_.below(static_cast<int>(outcomes.size()));
  c.fields[3] = r_.chance(80) ? a_.facility0 : a_.facility1;
}

void Generator::make_cases(int counted) {
  const int clinical_share = r_.pick(std::array{0, 5, 10, 20, 30, 50});  // % of clinical-list cases
  for (int i = 0; i < counted; ++i) {
    Case c;
    c.date = in_window();
    c.surgery = !r_.chance(clinical_share);
    if (c.surgery) {
      c.role = r_.chance(78) ? 0 : 1;
      if (r_.chance(20)) {
        c.fields[0] = r_.below(static_cast<int>(diagnoses.size()));
        c.fields[1] = r_.below(static_cast<int>(treatments.size()));
      }
    } else {
      clinical_fields(c);
    }
    a_.cases.push_back(c);
  }
  // Cases that do not count: assistants, surgeries without a role, clinical cases with a
  // field missing / empty / null, and cases just outside the window.
  const int noise = r_.below(counted / 8 + 4);
  for (int i = 0; i < noise; ++i) {
    Case c;
    c.date = in_window();
    switch (r_.below(10)) {
      case 0:
      case 1:
      case 2:
        c.role = r_.chance(80) ? 2 : 3;
        break;
      case 3:
        c.role = r_.chance(70) ? absent : null_value;
        break;
      case 4:
      case 5:
      case 6: {
        c.surgery = false;
        clinical_fields(c);
        const int missing = r_.below(4);
        c.fields[static_cast<std::size_t>(missing)] = r_.pick(std::array{absent, empty_text, null_value});
        break;
      }
      default:
        c.date = just_outside();
        if (r_.chance(70)) {
          c.role = 0;
        } else {
          c.surgery = false;
          clinical_fields(c);
        }
        break;
    }
    a_.cases.push_back(c);
  }
}

}  // namespace gen_cohort
