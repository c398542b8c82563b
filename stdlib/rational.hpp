// Exact rational arithmetic for every number in a ruleset. Units are counted
// in whole cases, minutes and points, but conversions ("30 points = 1 year")
// and ratios must not round behind the committee's back: rounding happens only
// where the ruleset says floor() or ceil(). Overflow is reported, not wrapped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kijun {

struct Rational {
  std::int64_t num = 0;
  std::int64_t den = 1;  // always > 0, and gcd(num, den) == 1
};

namespace rational {

// All return nullopt on int64 overflow or division by zero.
std::optional<Rational> make(std::int64_t num, std::int64_t den);
std::optional<Rational> add_general(Rational a, Rational b);
std::optional<Rational> sub_general(Rational a, Rational b);
// Sums of whole numbers (nearly every credit sum) skip the gcd work; the
// result is the same as the general path's, INT64_MIN refused alike.
inline std::optional<Rational> add(Rational a, Rational b) {
  std::int64_t n;
  if (a.den == 1 && b.den == 1 && !__builtin_add_overflow(a.num, b.num, &n) && n != INT64_MIN) return Rational{n, 1};
  return add_general(a, b);
}
inline std::optional<Rational> sub(Rational a, Rational b) {
  std::int64_t n;
  if (a.den == 1 && b.den == 1 && !__builtin_sub_overflow(a.num, b.num, &n) && n != INT64_MIN) return Rational{n, 1};
  return sub_general(a, b);
}
std::optional<Rational> mul_general(Rational a, Rational b);
// Whole numbers times whole numbers, and a whole number converted by 1/q
// that q divides (90 minutes as hours is not, 120 is), skip the gcd work;
// the result is the general path's, INT64_MIN refused alike.
inline std::optional<Rational> mul(Rational a, Rational b) {
  std::int64_t n;
  if (a.den == 1 && b.den == 1) {
    if (!__builtin_mul_overflow(a.num, b.num, &n) && n != INT64_MIN) return Rational{n, 1};
  } else if (a.den == 1 && b.num == 1 && a.num % b.den == 0) {
    return Rational{a.num / b.den, 1};
  }
  return mul_general(a, b);
}
std::optional<Rational> div(Rational a, Rational b);
Rational neg(Rational a);  // num is never INT64_MIN (make() refuses it)
int compare(Rational a, Rational b);  // -1, 0, 1; exact
inline Rational floor(Rational a) {
  std::int64_t q = a.num / a.den;
  if (a.num % a.den != 0 && a.num < 0) --q;
  return Rational{q, 1};
}
inline Rational ceil(Rational a) {
  std::int64_t q = a.num / a.den;
  if (a.num % a.den != 0 && a.num > 0) ++q;
  return Rational{q, 1};
}
inline bool is_integer(Rational a) { return a.den == 1; }
inline bool equal(Rational a, Rational b) { return a.num == b.num && a.den == b.den; }

// "12", "1.5", "0.25"; nullopt for anything else or on overflow.
std::optional<Rational> parse(std::string_view text);
// Integers as "12"; terminating fractions as decimals "1.5"; others "7/3".
std::string to_string(Rational a);
// For JSON: integers exactly, others as a decimal with up to 6 places.
std::string to_json(Rational a);
// The same, appended to `out` (no string of their own).
void append_string(std::string& out, Rational a);
void append_json(std::string& out, Rational a);
// to_json's characters written at `out`, which has room for json_room; returns their end.
constexpr std::size_t json_room = 32;
char* write_json(char* out, Rational a);

}  // namespace rational
}  // namespace kijun
