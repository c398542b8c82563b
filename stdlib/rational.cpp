// Exact int64 rationals. Every operation reduces by gcd before multiplying so
// that results which fit are not refused because an intermediate did not.
#include "stdlib/rational.hpp"

#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>

namespace kijun::rational {
namespace {

using u64 = std::uint64_t;
constexpr std::int64_t max64 = std::numeric_limits<std::int64_t>::max();

// |x| as unsigned, defined for INT64_MIN too.
u64 magnitude(std::int64_t x) { return x < 0 ? 0 - static_cast<u64>(x) : static_cast<u64>(x); }

// Builds num/den from a sign and magnitudes; refuses results that do not fit
// with a numerator in [-INT64_MAX, INT64_MAX] (so neg() can never overflow).
std::optional<Rational> from_parts(bool negative, u64 n, u64 d) {
  if (d == 0) return std::nullopt;
  if (n == 0) return Rational{0, 1};
  u64 g = std::gcd(n, d);
  n /= g;
  d /= g;
  if (n > static_cast<u64>(max64) || d > static_cast<u64>(max64)) return std::nullopt;
  auto sn = static_cast<std::int64_t>(n);
  return Rational{negative ? -sn : sn, static_cast<std::int64_t>(d)};
}

std::optional<Rational> normalize(std::int64_t num, std::int64_t den) {
  return from_parts((num < 0) != (den < 0), magnitude(num), magnitude(den));
}

std::int64_t gcd64(std::int64_t a, std::int64_t b) {
  // Operands here are never INT64_MIN, so the result fits.
  return static_cast<std::int64_t>(std::gcd(magnitude(a), magnitude(b)));
}

std::optional<Rational> add_impl(Rational a, std::int64_t c, std::int64_t d) {
  // a.num/a.den + c/d with g = gcd(a.den, d): the common denominator is
  // a.den/g * d, and the sum can share a further factor only with g.
  std::int64_t g = gcd64(a.den, d);
  std::int64_t b1 = a.den / g, d1 = d / g;
  std::int64_t x, y, num;
  if (__builtin_mul_overflow(a.num, d1, &x) || __builtin_mul_overflow(c, b1, &y) ||
      __builtin_add_overflow(x, y, &num))
    return std::nullopt;
  if (num == 0) return Rational{0, 1};
  std::int64_t g2 = static_cast<std::int64_t>(std::gcd(magnitude(num), static_cast<u64>(g)));
  std::int64_t den;
  if (__builtin_mul_overflow(b1, d / g2, &den)) return std::nullopt;
  return normalize(num / g2, den);
}

}  // namespace

std::optional<Rational> make(std::int64_t num, std::int64_t den) {
  if (num == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  return normalize(num, den);
}

std::optional<Rational> add_general(Rational a, Rational b) { return add_impl(a, b.num, b.den); }

std::optional<Rational> sub_general(Rational a, Rational b) { return add_impl(a, -b.num, b.den); }

std::optional<Rational> mul_general(Rational a, Rational b) {
  if (a.num == 0 || b.num == 0) return Rational{0, 1};
  // Cross-reduce first: a.num with b.den and b.num with a.den.
  std::int64_t g1 = gcd64(a.num, b.den), g2 = gcd64(b.num, a.den);
  std::int64_t num, den;
  if (__builtin_mul_overflow(a.num / g1, b.num / g2, &num) ||
      __builtin_mul_overflow(a.den / g2, b.den / g1, &den))
    return std::nullopt;
  return normalize(num, den);
}

std::optional<Rational> div(Rational a, Rational b) {
  if (b.num == 0) return std::nullopt;
  if (a.num == 0) return Rational{0, 1};
  std::int64_t g1 = gcd64(a.num, b.num), g2 = gcd64(a.den, b.den);
  std::int64_t num, den;
  if (__builtin_mul_overflow(a.num / g1, b.den / g2, &num) ||
      __builtin_mul_overflow(a.den / g2, b.num / g1, &den))
    return std::nullopt;
  return normalize(num, den);
}

Rational neg(Rational a) { return Rational{-a.num, a.den}; }

int compare(Rational a, Rational b) {
  // 128-bit cross products are exact for any pair of int64 rationals.
  __int128 l = static_cast<__int128>(a.num) * b.den;
  __int128 r = static_cast<__int128>(b.num) * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

std::optional<Rational> parse(std::string_view text) {
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
  // Trailing zeros of the fraction do not change the value; dropping them keeps
  // "1.50000000000000000000" representable.
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  std::int64_t num = 0, den = 1;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    if (__builtin_mul_overflow(num, 10, &num) || __builtin_add_overflow(num, c - '0', &num))
      return std::nullopt;
  }
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
    if (__builtin_mul_overflow(num, 10, &num) || __builtin_add_overflow(num, c - '0', &num) ||
        __builtin_mul_overflow(den, 10, &den))
      return std::nullopt;
  }
  // A '.' anywhere but between two digit runs was caught above: a second '.'
  // lands in frac and fails the digit test.
  return make(num, den);
}

namespace {

// Decimal digits of an unsigned 64-bit value.
char* write_u64(char* out, u64 v) {
  char buf[24];
  int n = 24;
  do {
    buf[--n] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  std::memcpy(out, buf + n, static_cast<std::size_t>(24 - n));
  return out + (24 - n);
}

void append_u64(std::string& out, u64 v) {
  char buf[24];
  out.append(buf, static_cast<std::size_t>(write_u64(buf, v) - buf));
}

bool terminates(std::int64_t den) {
  while (den % 2 == 0) den /= 2;
  while (den % 5 == 0) den /= 5;
  return den == 1;
}

}  // namespace

void append_string(std::string& out, Rational a) {
  if (a.num < 0) out.push_back('-');
  u64 n = magnitude(a.num), d = static_cast<u64>(a.den);
  if (a.den == 1) {
    append_u64(out, n);
    return;
  }
  if (!terminates(a.den)) {
    append_u64(out, n);
    out.push_back('/');
    append_u64(out, d);
    return;
  }
  // Long division: a denominator of 2^a 5^b ends after max(a, b) <= 63 digits.
  append_u64(out, n / d);
  out.push_back('.');
  unsigned __int128 r = n % d;
  while (r != 0) {
    r *= 10;
    out.push_back(static_cast<char>('0' + static_cast<int>(r / d)));
    r %= d;
  }
}

std::string to_string(Rational a) {
  std::string out;
  append_string(out, a);
  return out;
}

char* write_json(char* out, Rational a) {
  if (a.num < 0 && a.den == 1) *out++ = '-';
  if (a.den == 1) return write_u64(out, magnitude(a.num));
  // Round half away from zero at the sixth decimal place.
  constexpr u64 scale = 1000000;
  unsigned __int128 n = static_cast<unsigned __int128>(magnitude(a.num)) * scale;
  u64 d = static_cast<u64>(a.den);
  unsigned __int128 q = n / d, r = n % d;
  if (2 * r >= d) ++q;
  if (a.num < 0 && q != 0) *out++ = '-';
  out = write_u64(out, static_cast<u64>(q / scale));
  auto frac = static_cast<u64>(q % scale);
  if (frac != 0) {
    char digits[7];
    for (int i = 5; i >= 0; --i) {
      digits[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    int len = 6;
    while (digits[len - 1] == '0') --len;
    *out++ = '.';
    std::memcpy(out, digits, static_cast<std::size_t>(len));
    out += len;
  }
  return out;
}

void append_json(std::string& out, Rational a) {
  char buf[json_room];
  out.append(buf, static_cast<std::size_t>(write_json(buf, a) - buf));
}

std::string to_json(Rational a) {
  std::string out;
  append_json(out, a);
  return out;
}

}  // namespace kijun::rational
