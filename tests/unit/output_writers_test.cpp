// The writers behind the verdict JSON, made faster without changing a byte:
// JSON strings are scanned 8 bytes at a time for what needs an escape,
// dates are formatted without snprintf, numbers appended in place. Each is
// compared here with the straightforward version it replaced.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "interpreter/eval/verdict.hpp"
#include "stdlib/dates.hpp"
#include "stdlib/rational.hpp"

using namespace kijun;

namespace {

// append_json_string as it was: byte by byte.
std::string reference_json_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += ch;
    }
  }
  return out + "\"";
}

std::string json_string(std::string_view s) {
  std::string out = "x";  // appended, not assigned
  append_json_string(out, s);
  return out.substr(1);
}

}  // namespace

TEST_CASE("JSON strings: every byte escaped as before, wherever it falls", "[output]") {
  // Each byte value alone, and at every position of strings of 1..40 bytes
  // (so that it falls in a scanned word, at its edges and in the tail).
  for (int b = 0; b < 256; ++b) {
    std::string one(1, static_cast<char>(b));
    REQUIRE(json_string(one) == reference_json_string(one));
    for (std::size_t len = 1; len <= 40; ++len)
      for (std::size_t at = 0; at < len; ++at) {
        std::string s(len, 'a');
        s[at] = static_cast<char>(b);
        INFO("byte " << b << " at " << at << " of " << len);
        REQUIRE(json_string(s) == reference_json_string(s));
      }
  }
  // Random strings over a small alphabet rich in what needs escaping, and
  // Japanese text.
  const std::string alphabet = std::string("ab\"\\\n\r\t\x01\x1f\x7f\x80 ") + "形成外科" + std::string(1, '\0');
  std::uint64_t x = 88172645463325252ull;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    std::string s;
    for (std::size_t n = x % 50; n > 0; --n) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      s += alphabet[x % alphabet.size()];
    }
    REQUIRE(json_string(s) == reference_json_string(s));
  }
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("申請者 \"EX\"\\1") == "\"申請者 \\\"EX\\\"\\\\1\"");
}

TEST_CASE("dates are written as snprintf wrote them, every year", "[output][dates]") {
  auto reference = [](std::int32_t days) {
    dates::Civil c = dates::to_civil(days);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    return std::string(buf);
  };
  // Every day of years -2 … 10002 (4-digit years, the padded ones, the
  // 5-digit ones and negative ones), then the ends of the int32 range.
  std::size_t days = 0, differ = 0;
  for (std::int32_t d = dates::from_civil(-2, 1, 1); d <= dates::from_civil(10002, 12, 31); ++d, ++days) {
    std::string out = "x";
    dates::append_iso(out, d);
    if (out.substr(1) != reference(d) || (d % 997 == 0 && dates::format(d) != reference(d))) {
      if (differ++ == 0) CHECK(out.substr(1) == reference(d));  // show the first
    }
  }
  CHECK(differ == 0);
  CHECK(days > 3650000);
  for (std::int32_t d : {INT32_MIN, INT32_MIN + 1, -1, 0, 1, INT32_MAX - 1, INT32_MAX}) {
    REQUIRE(dates::format(d) == reference(d));
  }
}

TEST_CASE("numbers appended in place read as to_json and to_string", "[output][rational]") {
  for (Rational r : {Rational{0, 1}, Rational{1, 1}, Rational{-1, 1}, Rational{50, 1}, Rational{3, 2}, Rational{-3, 2},
                     Rational{1, 3}, Rational{-2, 3}, Rational{1, 1000000}, Rational{1, 3000000}, Rational{-1, 3000000},
                     Rational{INT64_MAX, 1}, Rational{-INT64_MAX, 1}, Rational{INT64_MAX, 7}, Rational{7, 1024}}) {
    std::string a = "x", b = "y";
    rational::append_json(a, r);
    rational::append_string(b, r);
    INFO(r.num << "/" << r.den);
    CHECK(a == "x" + rational::to_json(r));
    CHECK(b == "y" + rational::to_string(r));
  }
  CHECK(rational::to_json(Rational{3, 2}) == "1.5");
  CHECK(rational::to_json(Rational{1, 3}) == "0.333333");
  CHECK(rational::to_json(Rational{-1, 3000000}) == "0");
  CHECK(rational::to_string(Rational{1, 3}) == "1/3");
  CHECK(rational::to_string(Rational{-7, 4}) == "-1.75");
  CHECK(rational::to_string(Rational{INT64_MAX, 1}) == "9223372036854775807");
}
