// MonthCache's misses (fast_dates.hpp): dates::parse decides, and a month it
// accepted is remembered with the length it gives that month.
#include "interpreter/facts/fast_dates.hpp"

#include <string_view>

#include "stdlib/dates.hpp"

namespace kijun::facts {

std::optional<std::int32_t> MonthCache::parse_and_remember(const char* s, std::uint64_t prefix) {
  const auto days = dates::parse({s, 10});
  if (!days) return days;
  // The month's length as dates::parse has it: the last day it accepts.
  char probe[10];
  std::memcpy(probe, s, 8);
  std::uint32_t length = 0;
  for (const char* last : {"31", "30", "29", "28"}) {
    std::memcpy(probe + 8, last, 2);
    if (dates::parse({probe, 10})) {
      length = static_cast<std::uint32_t>((last[0] - '0') * 10 + (last[1] - '0'));
      break;
    }
  }
  // A month of another length (no such calendar here) is simply not kept.
  if (length == 0) return days;
  const int day = (s[8] - '0') * 10 + (s[9] - '0');
  Entry& e = entries_[slot(prefix)];
  e.prefix = prefix;
  e.first = *days - (day - 1);
  e.length = length;
  return days;
}

}  // namespace kijun::facts
