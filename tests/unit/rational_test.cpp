#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <vector>

#include "stdlib/rational.hpp"

using namespace kijun;

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Rational R(std::int64_t n, std::int64_t d = 1) { return *rational::make(n, d); }

bool same(std::optional<Rational> a, Rational b) { return a && rational::equal(*a, b); }

}  // namespace

TEST_CASE("make normalizes sign and gcd", "[rational]") {
  CHECK(same(rational::make(6, 4), Rational{3, 2}));
  CHECK(same(rational::make(6, -4), Rational{-3, 2}));
  CHECK(same(rational::make(-6, -4), Rational{3, 2}));
  CHECK(same(rational::make(0, -7), Rational{0, 1}));
  CHECK(same(rational::make(kMax, kMax), Rational{1, 1}));
  CHECK(same(rational::make(2, kMin), Rational{-1, std::int64_t{1} << 62}));
  CHECK_FALSE(rational::make(1, 0));
  CHECK_FALSE(rational::make(kMin, 1));
  CHECK_FALSE(rational::make(kMin, 2));
  CHECK_FALSE(rational::make(1, kMin));  // 2^63 does not fit a denominator
}

TEST_CASE("arithmetic is exact", "[rational]") {
  CHECK(same(rational::add(R(1, 3), R(1, 6)), R(1, 2)));
  CHECK(same(rational::sub(R(1, 3), R(1, 2)), R(-1, 6)));
  CHECK(same(rational::sub(R(1, 3), R(1, 3)), R(0)));
  CHECK(same(rational::mul(R(2, 3), R(9, 4)), R(3, 2)));
  CHECK(same(rational::mul(R(-2, 3), R(0)), R(0)));
  CHECK(same(rational::div(R(1, 2), R(-1, 4)), R(-2)));
  CHECK(same(rational::div(R(0), R(5)), R(0)));
  CHECK_FALSE(rational::div(R(1), R(0)));
  CHECK(same(rational::add(R(90), R(60)), R(150)));
  CHECK(same(rational::div(R(150), R(30)), R(5)));
}

TEST_CASE("overflow is reported, not wrapped", "[rational]") {
  CHECK_FALSE(rational::add(R(kMax), R(1)));
  CHECK_FALSE(rational::sub(R(-kMax), R(1)));  // would be INT64_MIN
  CHECK_FALSE(rational::mul(R(kMax), R(2)));
  CHECK_FALSE(rational::div(R(kMax), R(1, 2)));
  CHECK_FALSE(rational::add(R(1, kMax), R(1, kMax - 1)));
  // Cross-reduction keeps results that fit even when a naive product would not.
  CHECK(same(rational::mul(R(kMax, 2), R(2, kMax)), R(1)));
  CHECK(same(rational::add(R(1, kMax), R(1, kMax)), R(2, kMax)));
  CHECK(same(rational::sub(R(kMax), R(kMax)), R(0)));
  CHECK(same(rational::add(R(-kMax), R(kMax)), R(0)));
}

TEST_CASE("compare, floor and ceil", "[rational]") {
  CHECK(rational::compare(R(1, 3), R(1, 2)) == -1);
  CHECK(rational::compare(R(2, 4), R(1, 2)) == 0);
  CHECK(rational::compare(R(-1, 2), R(-1, 3)) == -1);
  CHECK(rational::compare(R(kMax, kMax - 1), R(kMax - 1, kMax - 2)) == -1);  // needs 128 bits
  CHECK(rational::equal(rational::floor(R(7, 2)), R(3)));
  CHECK(rational::equal(rational::floor(R(-7, 2)), R(-4)));
  CHECK(rational::equal(rational::floor(R(-4)), R(-4)));
  CHECK(rational::equal(rational::ceil(R(7, 2)), R(4)));
  CHECK(rational::equal(rational::ceil(R(-7, 2)), R(-3)));
  CHECK(rational::equal(rational::ceil(R(5)), R(5)));
  CHECK(rational::equal(rational::neg(R(-kMax)), R(kMax)));
  CHECK(rational::is_integer(R(4, 2)));
  CHECK_FALSE(rational::is_integer(R(1, 2)));
}

TEST_CASE("parse accepts plain decimals only", "[rational]") {
  CHECK(same(rational::parse("12"), R(12)));
  CHECK(same(rational::parse("1.5"), R(3, 2)));
  CHECK(same(rational::parse("0.25"), R(1, 4)));
  CHECK(same(rational::parse("007"), R(7)));
  CHECK(same(rational::parse("1.50000000000000000000000"), R(3, 2)));
  CHECK(same(rational::parse("9223372036854775807"), R(kMax)));
  CHECK_FALSE(rational::parse("9223372036854775808"));
  CHECK_FALSE(rational::parse("0.0000000000000000001"));
  for (const char* bad : {"", ".", "1.", ".5", "-1", "+1", "1e3", "1.2.3", " 1", "1 ", "1/2", "x"})
    CHECK_FALSE(rational::parse(bad));
}

TEST_CASE("to_string and to_json", "[rational]") {
  CHECK(rational::to_string(R(12)) == "12");
  CHECK(rational::to_string(R(-12)) == "-12");
  CHECK(rational::to_string(R(3, 2)) == "1.5");
  CHECK(rational::to_string(R(-1, 8)) == "-0.125");
  CHECK(rational::to_string(R(7, 3)) == "7/3");
  CHECK(rational::to_string(R(-7, 3)) == "-7/3");
  CHECK(rational::to_string(R(1, std::int64_t{1} << 62)).size() == 64);  // 0. and 62 digits
  CHECK(rational::to_json(R(12)) == "12");
  CHECK(rational::to_json(R(-kMax)) == "-9223372036854775807");
  CHECK(rational::to_json(R(3, 2)) == "1.5");
  CHECK(rational::to_json(R(7, 3)) == "2.333333");
  CHECK(rational::to_json(R(2, 3)) == "0.666667");
  CHECK(rational::to_json(R(-2, 3)) == "-0.666667");
  CHECK(rational::to_json(R(1, 10000000)) == "0");
  CHECK(rational::to_json(R(-1, 10000000)) == "0");
  CHECK(rational::to_json(R(19999999, 10000000)) == "2");
  CHECK(rational::to_json(R(1, 8)) == "0.125");
  // Round trips through parse for every terminating decimal.
  for (auto r : {R(1, 2), R(5, 4), R(123, 1000), R(1, 1024)})
    CHECK(same(rational::parse(rational::to_string(r)), r));
}

TEST_CASE("mul's fast paths give the general path's result, overflow included", "[rational]") {
  const std::int64_t big = INT64_MAX, near = INT64_MAX / 2 + 1;
  const std::vector<std::int64_t> nums = {0, 1, -1, 2, -2, 3, 7, 10, -10, 59, 60, 61, 90, 120, -120, 3600,
                                          near, -near, big, -big, big / 60 * 60, -(big / 60 * 60)};
  const std::vector<std::int64_t> dens = {1, 2, 3, 10, 60, 1000000};
  for (auto an : nums)
    for (auto ad : dens)
      for (auto bn : nums)
        for (auto bd : dens) {
          auto a = rational::make(an, ad), b = rational::make(bn, bd);
          if (!a || !b) continue;
          auto fast = rational::mul(*a, *b), general = rational::mul_general(*a, *b);
          INFO(a->num << "/" << a->den << " * " << b->num << "/" << b->den);
          REQUIRE(fast.has_value() == general.has_value());
          if (fast) REQUIRE(rational::equal(*fast, *general));
        }
}
