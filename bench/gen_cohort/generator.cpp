// The applicant as a whole: renewal year, prior renewals, declarations, old points, the
// targets each part is built towards (comfortable, near a boundary or weak), and the final
// ordering.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "bench/gen_cohort/generator.hpp"

namespace gen_cohort {

Applicant Generator::make() {
  a_.id.assign(1, 'G');  // (not "G" + std::string: GCC 12 -O3 warns -Wrestrict on it)
  a_.id.append(std::to_string(seed_)).append(1, '-').append(pad(index_ + 1, 7));
  a_.year = r_.between(year_lo_, year_hi_);
  q_ = &req_for(a_.year);
  w_ = window_for(a_.year);
  const int p = r_.below(100);  // prior_renewals: 25% each 0,1,2; 12% 3, 8% 4, 5% 5
  a_.prior = p < 25 ? 0 : p < 50 ? 1 : p < 75 ? 2 : p < 87 ? 3 : p < 95 ? 4 : 5;
  exempt_ = a_.prior >= 3;
  a_.work = !r_.permille(35);
  const int cr = r_.below(1000);
  a_.clinical_record = cr < 50 ? 0 : cr < 75 ? absent : 1;
  a_.facility0 = r_.below(static_cast<int>(facilities.size()));
  a_.facility1 = r_.chance(40) ? r_.below(static_cast<int>(facilities.size())) : a_.facility0;
  old_points();
  Targets t = targets();
  make_cases(t.cases);
  make_common(t.common, t.mandatory);
  make_domain(t.domain);
  make_academic(t.academic);
  finish();
  return std::move(a_);
}

void Generator::old_points() {
  if (a_.year >= 2020) {
    if (r_.chance(4)) a_.old_points = r_.chance(50) ? 0 : r_.between(40, 160);
    if (r_.chance(1)) a_.old_points = null_value;
    return;
  }
  const int fig = q_->old_points;
  const int p = r_.below(100);
  if (p < 3)
    a_.old_points = r_.chance(50) ? absent : null_value;  // 0
  else if (p < 33)
    a_.old_points = r_.between(fig, std::min(fig + 60, 200));
  else if (p < 50)
    a_.old_points = r_.between(148, 190);                 // society, some exactly at 150
  else if (p < 70)
    a_.old_points = std::max(0, fig + r_.between(-3, 3));  // the year's figure
  else if (p < 85)
    a_.old_points = -1000;  // near the review threshold: set once the total is known (finish)
  else
    a_.old_points = r_.between(0, fig);
}

Targets Generator::targets() {
  const Req& q = *q_;
  Targets t;
  const int dmax = q.domain_max == none ? q.domain_min + 16 : q.domain_max;
  auto comfortable = [&] {
    t.cases = exempt_ ? r_.between(30, 140) : r_.between(q.cases + 3, std::max(q.cases + 10, q.cases * 7 / 5));
    t.common = r_.between(std::max(q.common_min + 1, 3), std::max(q.common_max + 1, 4));
    t.mandatory = 3;
    t.domain = r_.between(q.domain_min + 2, dmax + 3);
    t.academic = r_.between(q.academic_min + 1, q.academic_max + 3);
  };
  comfortable();
  const int kind = r_.below(100);
  if (kind < 35) return t;  // comfortable: most of them renew
  if (kind >= 88) {         // weak: short in several places
    t.cases = r_.between(q.cases / 3, q.cases + 5);
    t.common = r_.between(0, q.common_max);
    t.mandatory = r_.between(0, 3);
    t.domain = r_.between(0, q.domain_min + 2);
    t.academic = r_.between(0, q.academic_min + 1);
    t.mandatory = std::min(t.mandatory, t.common);
    return t;
  }
  // Near a boundary: one or two foci, everything else comfortable.
  const int foci = r_.chance(25) ? 2 : 1;
  for (int i = 0; i < foci; ++i) {
    switch (r_.below(7)) {
      case 0:
      case 1: {  // the total, with every category inside its bounds
        const int clinical = exempt_ ? 0 : q.clinical;
        const int required = q.total - (exempt_ ? q.clinical : 0);
        const int total = required + r_.between(-2, 2);
        if (!exempt_) t.cases = std::max(t.cases, q.cases + r_.below(30));
        const int rest = total - clinical;
        for (int tries = 0; tries < 100; ++tries) {
          const int c = r_.between(std::max(q.common_min, 3), q.common_max);
          const int ac = r_.between(q.academic_min, q.academic_max);
          const int d = rest - c - ac;
          if (d >= q.domain_min - 1 && d <= dmax) {
            t.common = c, t.academic = ac, t.domain = std::max(0, d);
            break;
          }
        }
        t.mandatory = std::min(3, t.common);
        break;
      }
      case 2: t.domain = std::max(0, q.domain_min + r_.between(-1, 1)); break;
      case 3:  // a missing mandatory topic (sometimes two)
        t.mandatory = r_.chance(80) ? 2 : 1;
        break;
      case 4: t.cases = q.cases + (r_.chance(70) ? r_.between(-1, 1) : r_.between(-4, 4)); break;
      case 5: t.academic = std::max(0, q.academic_min + r_.between(-1, 1)); break;
      default: t.common = std::max(0, std::max(q.common_min, 3) + r_.between(-1, 1)); break;
    }
  }
  t.mandatory = std::min(t.mandatory, t.common);
  return t;
}

void Generator::finish() {
  std::stable_sort(a_.cases.begin(), a_.cases.end(), [](const Case& x, const Case& y) { return x.date < y.date; });
  std::stable_sort(a_.courses.begin(), a_.courses.end(), [](const Course& x, const Course& y) {
    return x.common != y.common ? x.common : x.date < y.date;
  });
  std::stable_sort(a_.activities.begin(), a_.activities.end(), [](const Activity& x, const Activity& y) {
    return x.kind != y.kind ? x.kind < y.kind : x.date < y.date;
  });
  a_.omit_cases = a_.cases.empty() && r_.chance(50);
  a_.omit_courses = a_.courses.empty() && r_.chance(50);
  a_.omit_activities = a_.activities.empty() && r_.chance(50);
  a_.arrays_reversed = r_.chance(3);
  if (a_.old_points == -1000) {  // near the review threshold: 150 - old_points <= 3 × total
    const int threshold = std::max(0, 150 - 3 * transition_total(a_));
    a_.old_points = std::clamp(threshold + r_.between(-2, 2), 0, 149);
  }
}

}  // namespace gen_cohort
