// Calendar dates as days since 1970-01-01 (proleptic Gregorian), and the
// fiscal year (年度: 1 April – 31 March, named by the year it starts in).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kijun::dates {

struct Civil {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

bool is_valid(int year, unsigned month, unsigned day);
std::int32_t from_civil(int year, unsigned month, unsigned day);  // no validation
Civil to_civil(std::int32_t days);

// Strict "YYYY-MM-DD" (years 1000..9999); nullopt for any other text or an
// impossible date such as 2021-02-30.
std::optional<std::int32_t> parse(std::string_view text);
std::string format(std::int32_t days);
void append_iso(std::string& out, std::int32_t days);  // format(), appended to `out`

int fiscal_year(std::int32_t days);
// Same month and day n years later; 29 February becomes 1 March in a common year.
std::int32_t add_years(std::int32_t days, int n);

}  // namespace kijun::dates
