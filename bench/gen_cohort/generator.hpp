// One applicant from (seed, index, years): the generator's state and its parts, defined in
// generator.cpp (the applicant as a whole), generate_cases.cpp, generate_courses.cpp and
// generate_activities.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/gen_cohort/model.hpp"
#include "bench/gen_cohort/rng.hpp"

namespace gen_cohort {

int transition_total(const Applicant& a);  // the counted total of the year's column (reference.cpp)

class Generator {
 public:
  Generator(std::uint64_t seed, std::uint64_t index, int year_lo, int year_hi)
      : r_(seed, index), seed_(seed), index_(index), year_lo_(year_lo), year_hi_(year_hi) {}

  Applicant make();

 private:
  static std::string pad(std::uint64_t n, int width) {
    std::string s = std::to_string(n);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
  }

  int in_window() { return r_.between(w_.start, w_.end); }
  int just_outside() {
    return r_.chance(55) ? w_.start - 1 - r_.below(a_.year <= 2019 ? 300 : 60) : w_.end + 1 + r_.below(60);
  }
  // A whole-hour count of minutes, with a few spare minutes (floor keeps u), at most 240.
  int minutes_for_hours(int u) { return 60 * u + (u >= 4 ? 0 : r_.chance(60) ? 0 : r_.pick(std::array{15, 30, 45, 59})); }

  void old_points();
  Targets targets();

  // ---------------------------------------------------------------- cases (generate_cases.cpp)

  void clinical_fields(Case& c);
  void make_cases(int counted);

  // ---------------------------------------------------------------- courses (generate_courses.cpp)

  Course common_course(Topic topic, int units);
  Course common_noise(int topic);
  void make_common(int units, int mandatory);
  void make_domain(int units);

  // ---------------------------------------------------------------- activities (generate_activities.cpp)

  int in_fiscal_year(int fy);
  int free_fiscal_year(std::vector<int>& used);
  Activity activity(Kind k, int date);
  Activity school_doctor_appointment();
  void make_academic(int units);
  void finish();

 private:
  Rng r_;
  std::uint64_t seed_, index_;
  int year_lo_, year_hi_;
  Applicant a_;
  const Req* q_ = nullptr;
  Window w_{};
  bool exempt_ = false;
};

}  // namespace gen_cohort
