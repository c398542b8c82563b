// Calendar arithmetic on days since 1970-01-01: the generator draws dates as day numbers.
#pragma once

namespace gen_cohort {

// ------------------------------------------------------------------ dates (days since 1970-01-01)

inline int days_from_civil(int y, int m, int d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y, m, d;
};

inline Ymd civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}

inline bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int fiscal_year(int day) {
  Ymd c = civil_from_days(day);
  return c.m >= 4 ? c.y : c.y - 1;
}

// The same date n years later; 29 February goes to 1 March in a common year.
inline int add_years(int day, int n) {
  Ymd c = civil_from_days(day);
  int y = c.y + n;
  if (c.m == 2 && c.d == 29 && !leap(y)) return days_from_civil(y, 3, 1);
  return days_from_civil(y, c.m, c.d);
}

}  // namespace gen_cohort
