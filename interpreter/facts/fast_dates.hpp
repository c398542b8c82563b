// Dates on the facts reader's fast path: "YYYY-MM-DD" through a small cache
// of the months already met. An applicant's ~140 dates fall in a few dozen
// months, so nearly every date is one compare of its "YYYY-MM-" and the day's
// two digits, instead of a full dates::parse (about 90 instructions).
// dates::parse stays the authority: an entry is made only from what it
// accepted, and anything the cache is not sure of goes to it.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>

namespace kijun::facts {

class MonthCache {
 public:
  // The day number of the 10 bytes at s, exactly as dates::parse gives it
  // for them, or nullopt where it refuses them.
  std::optional<std::int32_t> parse(const char* s) {
    std::uint64_t prefix;
    std::memcpy(&prefix, s, 8);
    const Entry& e = entries_[slot(prefix)];
    const unsigned tens = static_cast<unsigned char>(s[8]) - unsigned{'0'};
    const unsigned ones = static_cast<unsigned char>(s[9]) - unsigned{'0'};
    // Within a month dates::parse counts one day per day, so the first of
    // the month and the month's length give every date of it.
    if (e.prefix == prefix && tens <= 9 && ones <= 9) {
      const unsigned day = tens * 10 + ones;
      if (day - 1 < e.length) return e.first + static_cast<std::int32_t>(day) - 1;
    }
    return parse_and_remember(s, prefix);
  }

 private:
  struct Entry {
    std::uint64_t prefix = 0;  // "YYYY-MM-" as loaded
    std::int32_t first = 0;    // the day number of the month's first day
    std::uint32_t length = 0;  // its days; 0: an empty entry, never used
  };
  static std::size_t slot(std::uint64_t prefix) { return static_cast<std::size_t>((prefix * 0x9E3779B97F4A7C15ull) >> 54); }
  std::optional<std::int32_t> parse_and_remember(const char* s, std::uint64_t prefix);

  Entry entries_[1024];  // 16 KiB: the months of decades, few collisions
};

}  // namespace kijun::facts
