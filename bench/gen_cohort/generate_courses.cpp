// Courses: common (with the mandatory topics) and domain, earning and not, towards the targets.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "bench/gen_cohort/generator.hpp"

namespace gen_cohort {

Course Generator::common_course(Topic topic, int units) {  // earns exactly `units`
  Course c;
  c.common = true;
  c.topic = topic;
  c.date = in_window();
  if (units % 2 == 0 && units <= 8 && r_.chance(15)) {
    c.role = 1;
    c.minutes = minutes_for_hours(units / 2);
  } else {
    c.role = r_.chance(10) ? 0 : absent;
    c.minutes = minutes_for_hours(units);
  }
  const int h = r_.below(100);
  if (h < 70) {
    c.host = r_.pick(std::array{jsprs, facility, facility, medical_association});
    if (r_.chance(10)) c.approved = r_.chance(50) ? 1 : 0;
  } else {
    c.host = r_.pick(std::array{other_specialty, commercial, cohosted});
    c.approved = 1;
  }
  if (r_.chance(60)) c.title = topic <= ethics ? topic : r_.below(static_cast<int>(common_titles.size()));
  return c;
}

// A common course that earns nothing (so it never covers a mandatory topic).
Course Generator::common_noise(int topic) {
  Course c;
  c.common = true;
  c.topic = topic;
  c.date = in_window();
  c.minutes = r_.between(60, 180);
  switch (r_.below(3)) {
    case 0:
      c.host = r_.pick(std::array{other_specialty, commercial, cohosted});
      c.approved = r_.pick(std::array{absent, 0, null_value});
      break;
    case 1:
      c.host = r_.pick(std::array{jsprs, facility, medical_association});
      c.minutes = r_.between(30, 59);
      if (r_.chance(20)) c.role = 1;
      break;
    default:
      c.host = facility;
      c.date = just_outside();
      break;
  }
  if (r_.chance(50)) c.title = r_.below(static_cast<int>(common_titles.size()));
  return c;
}

void Generator::make_common(int units, int mandatory) {
  std::array<Topic, 3> m{safety, infection, ethics};
  for (int i = 2; i > 0; --i) std::swap(m[static_cast<std::size_t>(i)], m[static_cast<std::size_t>(r_.below(i + 1))]);
  mandatory = std::min(mandatory, units);
  int left = units;
  for (int i = 0; i < mandatory; ++i) {
    const int spare = left - (mandatory - i);  // keep a unit for each topic still to come
    const int u = 1 + (spare > 0 && r_.chance(25) ? r_.below(std::min(spare, 2) + 1) : 0);
    a_.courses.push_back(common_course(m[static_cast<std::size_t>(i)], u));
    left -= u;
  }
  while (left > 0) {
    const int u = 1 + r_.below(std::min(left, 3));
    Topic topic = static_cast<Topic>(r_.between(insurance, other));
    if (mandatory > 0 && r_.chance(20)) topic = m[static_cast<std::size_t>(r_.below(mandatory))];
    a_.courses.push_back(common_course(topic, u));
    left -= u;
  }
  const int noise = r_.below(3);
  for (int i = 0; i < noise; ++i) {
    // The missing topic is often there, but does not count (like the contract example).
    int topic = mandatory < 3 && r_.chance(50) ? m[static_cast<std::size_t>(mandatory)]
                                                : r_.between(safety, other);
    if (r_.chance(5)) topic = null_value;
    a_.courses.push_back(common_noise(topic));
  }
}

void Generator::make_domain(int units) {
  int left = units;
  while (left > 0) {
    Course c;
    c.common = false;
    c.date = in_window();
    if (left >= 2 && r_.chance(12)) {
      c.role = 1;
      c.minutes = r_.pick(std::array{60, 60, 90, 120, 180});
      left -= 2;
    } else {
      const int u = std::min(left, r_.pick(std::array{1, 2, 2, 3, 3, 3, 4}));
      c.role = r_.chance(5) ? 0 : absent;
      c.minutes = minutes_for_hours(u);
      left -= u;
    }
    const int h = r_.below(100);
    if (h < 80) {
      c.host = jsprs;
      if (r_.chance(5)) c.approved = r_.pick(std::array{0, 1, null_value});
    } else if (h < 88) {
      c.host = cohosted;
      c.approved = 1;
    } else {
      c.host = r_.pick(std::array{facility, medical_association, other_specialty});
      c.approved = 1;
    }
    if (r_.chance(3)) c.topic = null_value;
    if (r_.chance(50)) c.title = r_.below(static_cast<int>(domain_titles.size()));
    a_.courses.push_back(c);
  }
  const int noise = r_.below(4);
  for (int i = 0; i < noise; ++i) {
    Course c;
    c.common = false;
    c.date = in_window();
    c.minutes = r_.between(60, 240);
    switch (r_.below(5)) {
      case 0:
        c.host = commercial;  // never counts, approved or not
        c.approved = r_.pick(std::array{absent, 0, 1});
        break;
      case 1:
        c.host = cohosted;
        c.approved = r_.pick(std::array{absent, 0, null_value});
        break;
      case 2:
        c.host = r_.pick(std::array{facility, medical_association, other_specialty});
        break;
      case 3:
        c.host = jsprs;
        c.minutes = r_.between(30, 59);
        if (r_.chance(30)) c.role = 1;
        break;
      default:
        c.host = jsprs;
        c.date = just_outside();
        break;
    }
    if (r_.chance(50)) c.title = r_.below(static_cast<int>(domain_titles.size()));
    a_.courses.push_back(c);
  }
}

}  // namespace gen_cohort
