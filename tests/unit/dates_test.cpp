#include <catch2/catch.hpp>

#include "stdlib/dates.hpp"

using namespace kijun;

namespace {

std::int32_t D(const char* text) { return *dates::parse(text); }

}  // namespace

TEST_CASE("civil conversions around the epoch and leap days", "[dates]") {
  CHECK(dates::from_civil(1970, 1, 1) == 0);
  CHECK(dates::from_civil(1970, 1, 2) == 1);
  CHECK(dates::from_civil(1969, 12, 31) == -1);
  CHECK(dates::from_civil(2000, 3, 1) == 11017);
  CHECK(dates::from_civil(2021, 1, 1) == 18628);
  CHECK(dates::from_civil(1000, 1, 1) == -354285);
  auto c = dates::to_civil(dates::from_civil(2020, 2, 29));
  CHECK(c.year == 2020);
  CHECK(c.month == 2u);
  CHECK(c.day == 29u);
  // Every day of four centuries survives the round trip, in order.
  std::int32_t first = dates::from_civil(1899, 1, 1), last = dates::from_civil(2301, 1, 1);
  std::int32_t expected = first;
  for (int y = 1899; y <= 2300; ++y)
    for (unsigned m = 1; m <= 12; ++m)
      for (unsigned d = 1; d <= 31; ++d) {
        if (!dates::is_valid(y, m, d)) continue;
        std::int32_t days = dates::from_civil(y, m, d);
        REQUIRE(days == expected++);
        auto back = dates::to_civil(days);
        REQUIRE((back.year == y && back.month == m && back.day == d));
      }
  CHECK(expected == last);
}

TEST_CASE("is_valid knows the Gregorian leap rule", "[dates]") {
  CHECK(dates::is_valid(2020, 2, 29));
  CHECK(dates::is_valid(2000, 2, 29));
  CHECK_FALSE(dates::is_valid(1900, 2, 29));
  CHECK_FALSE(dates::is_valid(2021, 2, 29));
  CHECK_FALSE(dates::is_valid(2021, 4, 31));
  CHECK_FALSE(dates::is_valid(2021, 0, 1));
  CHECK_FALSE(dates::is_valid(2021, 13, 1));
  CHECK_FALSE(dates::is_valid(2021, 1, 0));
  CHECK(dates::is_valid(2021, 12, 31));
}

TEST_CASE("parse is strict", "[dates]") {
  CHECK(dates::parse("2021-02-28") == dates::from_civil(2021, 2, 28));
  CHECK(dates::parse("1000-01-01"));
  CHECK(dates::parse("9999-12-31"));
  for (const char* bad : {"2021-02-30", "2021-13-01", "2021-00-10", "2021-01-00", "2021-1-01", "2021-01-1",
                          "21-01-01", "0999-12-31", "2021-01-01 ", " 2021-01-01", "2021-01-01T00:00",
                          "2021/01/01", "20210101", "", "+021-01-01", "2021-0a-01", "１９９９-01-01"})
    CHECK_FALSE(dates::parse(bad));
}

TEST_CASE("format writes ISO dates", "[dates]") {
  CHECK(dates::format(0) == "1970-01-01");
  CHECK(dates::format(D("2016-03-31")) == "2016-03-31");
  CHECK(dates::format(D("1000-01-01")) == "1000-01-01");
  CHECK(dates::format(D("9999-12-31")) == "9999-12-31");
}

TEST_CASE("fiscal years run April to March", "[dates]") {
  CHECK(dates::fiscal_year(D("2016-03-31")) == 2015);
  CHECK(dates::fiscal_year(D("2016-04-01")) == 2016);
  CHECK(dates::fiscal_year(D("2016-01-01")) == 2015);
  CHECK(dates::fiscal_year(D("2016-12-31")) == 2016);
  CHECK(dates::fiscal_year(D("1970-01-01")) == 1969);
}

TEST_CASE("add_years keeps month and day", "[dates]") {
  CHECK(dates::add_years(D("2015-04-01"), 5) == D("2020-04-01"));
  CHECK(dates::add_years(D("2020-02-29"), 1) == D("2021-03-01"));
  CHECK(dates::add_years(D("2020-02-29"), 4) == D("2024-02-29"));
  CHECK(dates::add_years(D("2020-02-29"), -1) == D("2019-03-01"));
  CHECK(dates::add_years(D("2021-12-31"), -4) == D("2017-12-31"));
  CHECK(dates::add_years(D("2021-06-15"), 0) == D("2021-06-15"));
  CHECK(dates::add_years(D("2000-02-29"), -100) == D("1900-03-01"));
}
