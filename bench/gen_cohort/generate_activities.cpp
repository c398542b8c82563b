// Activities of every kind, towards the academic target.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "bench/gen_cohort/generator.hpp"

namespace gen_cohort {

// A date inside both the window and fiscal year fy.
int Generator::in_fiscal_year(int fy) {
  const int lo = std::max(w_.start, days_from_civil(fy, 4, 1));
  const int hi = std::min(w_.end, days_from_civil(fy + 1, 3, 31));
  return r_.between(lo, hi);
}

int Generator::free_fiscal_year(std::vector<int>& used) {  // none when every fiscal year is used
  std::vector<int> free;
  for (int fy = fiscal_year(w_.start); fy <= fiscal_year(w_.end); ++fy)
    if (std::find(used.begin(), used.end(), fy) == used.end()) free.push_back(fy);
  if (free.empty()) return none;
  const int fy = free[static_cast<std::size_t>(r_.below(static_cast<int>(free.size())))];
  used.push_back(fy);
  return fy;
}

Activity Generator::activity(Kind k, int date) {
  Activity x;
  x.kind = k;
  x.date = date;
  return x;
}

// A school-doctor appointment of at least a year whose end falls in the window.
Activity Generator::school_doctor_appointment() {
  Activity x = activity(school_doctor, 0);
  if (r_.chance(10)) {  // starting on 29 February: the anniversary is 1 March
    std::vector<int> years;
    for (int y = civil_from_days(w_.start).y - 2; y <= civil_from_days(w_.end).y - 1; ++y)
      if (leap(y) && add_years(days_from_civil(y, 2, 29), 1) - 1 >= w_.start &&
          add_years(days_from_civil(y, 2, 29), 1) - 1 <= w_.end)
        years.push_back(y);
    if (!years.empty()) {
      x.start = days_from_civil(years[static_cast<std::size_t>(r_.below(static_cast<int>(years.size())))], 2, 29);
      x.end = add_years(x.start, 1) - 1;
      x.date = x.end;
      return x;
    }
  }
  const int min_end = std::max(w_.start, add_years(w_.start - 900, 1) - 1);
  x.end = r_.between(min_end, w_.end);
  const int latest_start_anniversary = x.end + 1;  // end >= anniversary - 1
  const int exact = r_.chance(20);
  int start = exact ? latest_start_anniversary : latest_start_anniversary - r_.between(1, 900);
  // start = the day whose anniversary is `start` (one year earlier)
  x.start = add_years(start, -1);
  if (add_years(x.start, 1) - 1 > x.end) x.start -= 1;  // 29 Feb corner: step back
  x.date = r_.chance(70) ? x.end : r_.between(std::max(x.start, w_.start), x.end);
  return x;
}

void Generator::make_academic(int units) {
  int left = units, attendance_used = 0;
  bool school = false;
  std::vector<int> exam_years, accident_years;
  int guard = 0;
  while (left > 0 && guard++ < 200) {
    const int k = r_.below(100);
    if (k < 38) {
      const int room = std::min(left, 6 - attendance_used);
      if (room <= 0) continue;
      int meeting = r_.below(6);
      while (meeting_units[static_cast<std::size_t>(meeting)] > room) meeting = r_.below(6);
      Activity x = activity(attendance, in_window());
      x.sub = meeting;
      if (r_.chance(10)) x.counted_in_old = 0;
      a_.activities.push_back(x);
      attendance_used += meeting_units[static_cast<std::size_t>(meeting)];
      left -= meeting_units[static_cast<std::size_t>(meeting)];
    } else if (k < 55) {
      Activity x = activity(presentation, in_window());
      x.sub = r_.below(3);
      a_.activities.push_back(x);
      left -= 1;
    } else if (k < 68) {
      Activity x = activity(paper, in_window());
      x.sub = left >= 2 && r_.chance(50) ? 0 : 1;
      x.peer_reviewed = 1;
      x.approved_journal = 1;
      a_.activities.push_back(x);
      left -= x.sub == 0 ? 2 : 1;
    } else if (k < 78) {
      Activity x = activity(review, in_window());
      x.approved_journal = 1;
      if (r_.chance(5)) x.counted_in_old = 1;  // other kinds ignore counted_in_old
      a_.activities.push_back(x);
      left -= 1;
    } else if (k < 85) {
      const int fy = free_fiscal_year(exam_years);
      if (fy == none) continue;
      Activity x = activity(exam_duty, in_fiscal_year(fy));
      if (r_.chance(5)) x.counted_in_old = 1;
      a_.activities.push_back(x);
      left -= 1;
    } else if (k < 91) {
      const int u = std::min(left, r_.chance(75) ? 1 : 2);
      Activity x = activity(public_lecture, in_window());
      x.minutes = minutes_for_hours(u);
      a_.activities.push_back(x);
      left -= u;
    } else if (k < 96) {
      if (school || left < 2) continue;
      a_.activities.push_back(school_doctor_appointment());
      school = true;
      left -= 2;
    } else {
      if (left < 2) continue;
      const int fy = free_fiscal_year(accident_years);
      if (fy == none) continue;
      a_.activities.push_back(activity(accident_committee, in_fiscal_year(fy)));
      left -= 2;
    }
  }
  // Activities that do not count (or add nothing after a cap).
  const int noise = r_.below(5);
  for (int i = 0; i < noise; ++i) {
    switch (r_.below(10)) {
      case 0: {
        Activity x = activity(attendance, in_window());
        x.sub = r_.below(6);
        x.counted_in_old = 1;
        a_.activities.push_back(x);
        break;
      }
      case 1: {
        const Kind k = r_.chance(50) ? presentation : paper;  // (argument order is unspecified)
        Activity x = activity(k, in_window());
        x.sub = r_.below(x.kind == paper ? 2 : 3);
        x.counted_in_old = 1;
        if (x.kind == paper) x.peer_reviewed = x.approved_journal = 1;
        a_.activities.push_back(x);
        break;
      }
      case 2: {
        Activity x = activity(paper, in_window());
        x.sub = r_.below(2);
        if (r_.chance(50)) {
          x.peer_reviewed = r_.pick(std::array{absent, 0, null_value});
          x.approved_journal = 1;
        } else {
          x.peer_reviewed = 1;
          x.approved_journal = r_.pick(std::array{absent, 0});
        }
        a_.activities.push_back(x);
        break;
      }
      case 3: {
        Activity x = activity(review, in_window());
        x.approved_journal = r_.pick(std::array{absent, 0});
        a_.activities.push_back(x);
        break;
      }
      case 4:  // a second exam duty in a fiscal year that already has one
        if (!exam_years.empty())
          a_.activities.push_back(activity(exam_duty, in_fiscal_year(exam_years[0])));
        break;
      case 5:
        if (!accident_years.empty())
          a_.activities.push_back(activity(accident_committee, in_fiscal_year(accident_years[0])));
        break;
      case 6: {  // a school-doctor appointment a day short of a year, or a second one (capped)
        Activity x = school_doctor_appointment();
        if (!school || r_.chance(50)) x.start = add_years(x.end + 2, -1);  // anniversary - 1 = end + 1
        a_.activities.push_back(x);
        break;
      }
      case 7: {
        Activity x = activity(public_lecture, in_window());
        x.minutes = r_.between(30, 59);
        a_.activities.push_back(x);
        break;
      }
      case 8:
        if (attendance_used >= 6) {
          Activity x = activity(attendance, in_window());
          x.sub = r_.below(6);
          a_.activities.push_back(x);
          break;
        }
        [[fallthrough]];
      default: {
        const Kind k = static_cast<Kind>(r_.below(8));
        Activity x = activity(k, just_outside());
        x.sub = r_.below(x.kind == paper ? 2 : x.kind == attendance ? 6 : 3);
        x.peer_reviewed = x.approved_journal = 1;
        x.minutes = 60 + r_.below(90);
        if (x.kind == school_doctor) {
          x.end = x.date;
          x.start = add_years(x.end, -2);
        }
        a_.activities.push_back(x);
        break;
      }
    }
  }
}

}  // namespace gen_cohort
