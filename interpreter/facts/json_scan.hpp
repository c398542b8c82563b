// JSON scanning primitives of the facts reader's fast path (fast_walk.cpp).
// The text always lies in a buffer followed by zero bytes (a Batch's
// input_padding, or the reader's own padded copy; FastWalk::padding_needed),
// and a zero byte stops every loop here: in accepted JSON it can only be
// that padding (raw NUL is neither whitespace nor allowed in a string), so
// no loop needs a bounds check and none reads more than 15 bytes past the
// first zero byte.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kijun::facts::scan {

// JSON's four whitespace characters, and no others (\f and \v are not).
inline bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

inline const char* skip_blanks(const char* p) {
  while (is_blank(*p)) ++p;
  return p;
}

// The same, when the next character is most likely not a blank: one
// compare (every blank is below '!').
inline const char* blanks(const char* p) { return static_cast<unsigned char>(*p) > ' ' ? p : skip_blanks(p); }

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The characters a JSON number is written with. A number's token is the run
// of them: the caller then requires whitespace or , ] } after it, which is
// also where simdjson's token (the careful path's) ends.
inline bool is_number_char(char c) { return is_digit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

inline const char* number_end(const char* p) {
  while (is_number_char(*p)) ++p;
  return p;
}

// Whether `word` (true, false, null) starts at p; what follows it is the
// caller's to check.
template <std::size_t N>
inline bool literal(const char* p, const char (&word)[N]) {
  return std::memcmp(p, word, N - 1) == 0;
}

// The first byte at or after p that ends a string's plain run: '"', '\\' or
// a control character (< 0x20, which a JSON string may not hold raw; the
// zero bytes after the text are among them). Three versions, so that each
// can be tested against the others; string_stop is the one for this build.
inline const char* string_stop_bytes(const char* p) {
  for (;; ++p) {
    auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) return p;
  }
}

// Eight bytes at a time in a 64-bit word (little-endian only). Each test
// flags the bytes it looks for in their top bit; a borrow can only flag
// bytes above a true hit, so the lowest flag is exact.
inline const char* string_stop_swar(const char* p) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (;; p += 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const std::uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    const std::uint64_t hit = (((q - ones) & ~q) | ((b - ones) & ~b) | ((w - ones * 0x20) & ~w)) & highs;
    if (hit) return p + std::countr_zero(hit) / 8;
  }
}

#if defined(__SSE2__)
// Sixteen bytes at a time (SSE2 is part of x86-64).
inline const char* string_stop_sse2(const char* p) {
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
  for (;; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // x <= 0x1F, unsigned: min(x, 0x1F) == x.
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                                     _mm_cmpeq_epi8(_mm_min_epu8(x, control), x));
    if (const int bits = _mm_movemask_epi8(hit)) return p + std::countr_zero(static_cast<unsigned>(bits));
  }
}
#endif

inline const char* string_stop(const char* p) {
#if defined(__SSE2__)
  return string_stop_sse2(p);
#else
  if constexpr (std::endian::native == std::endian::little) return string_stop_swar(p);
  else return string_stop_bytes(p);
#endif
}

// A name followed by its closing quote, as two words loaded from the text
// (the padding makes 16 bytes readable anywhere in it): a key or an enum
// member the walk expects is recognised by two masked compares, without
// finding the string's end or hashing it. A name of more than 15 bytes never
// matches, nor does the default Pattern.
struct Pattern {
  std::uint64_t head = 1, tail = 0, head_mask = 0, tail_mask = 0;
  std::uint32_t size = 0;  // the name's, without the quote

  void set(std::string_view name) {
    *this = Pattern{};
    if (name.size() > 15) return;
    unsigned char bytes[16] = {}, mask[16] = {};
    std::memcpy(bytes, name.data(), name.size());
    bytes[name.size()] = '"';
    std::memset(mask, 0xFF, name.size() + 1);
    std::memcpy(&head, bytes, 8);
    std::memcpy(&tail, bytes + 8, 8);
    std::memcpy(&head_mask, mask, 8);
    std::memcpy(&tail_mask, mask + 8, 8);
    size = static_cast<std::uint32_t>(name.size());
  }
  // Whether the text at p is the name and its closing quote.
  bool matches(const char* p) const {
    std::uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    return ((a & head_mask) == head) & ((b & tail_mask) == tail);
  }
};

// The value of four hex digits at p, or -1 (a zero byte is not a digit, so
// this never runs past the padding).
inline int hex4(const char* p) {
  int v = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

// One escape sequence at p (a backslash) decoded to `out`, which advances;
// returns the byte after it, or nullptr for an escape simdjson refuses too:
// an unknown letter, bad hex, a high surrogate not followed by a low one, a
// low surrogate alone. \u0000 is a zero byte, as simdjson makes it.
const char* unescape_one(const char* p, char*& out);

// A string's text. p is just past its opening quote; `buffer` has room for
// as many bytes as the string takes in the input. On success returns the
// byte after the closing quote and sets `text`: in place when the string has
// no escape (`in_place`), else unescaped into `buffer`. nullptr for a raw
// control character, a bad escape or a string never closed.
const char* string_with_escapes(const char* p, const char* stop, char* buffer, std::string_view& text);

inline const char* string(const char* p, char* buffer, std::string_view& text, bool& in_place) {
  const char* stop = string_stop(p);
  in_place = *stop == '"';
  if (in_place) {
    text = std::string_view(p, static_cast<std::size_t>(stop - p));
    return stop + 1;
  }
  return string_with_escapes(p, stop, buffer, text);
}

// A string passed over, its escapes checked: p just past the opening quote;
// returns the byte after the closing quote, or nullptr as string() would.
const char* skip_string(const char* p);

// One JSON value of an ignored field passed over, checked as strictly as the
// careful path's skip(): p at its first byte. Containers nest at most until
// `depth` reaches `max_depth` (each level adds one, as in the careful path).
// nullptr to bail: malformed JSON, a key written with a backslash (the
// careful path would unescape it; rare enough to leave to it), too deep.
const char* skip_value(const char* p, int depth, int max_depth);

}  // namespace kijun::facts::scan
