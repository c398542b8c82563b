#include "interpreter/facts/facts_messages.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>

namespace kijun::facts::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Appends decimal digits to `m`; false on int64 overflow.
bool accumulate(std::int64_t& m, std::string_view digits) {
  for (char c : digits)
    if (__builtin_mul_overflow(m, 10, &m) || __builtin_add_overflow(m, c - '0', &m)) return false;
  return true;
}

}  // namespace

NumberStatus parse_json_number(std::string_view t, Rational& out) {
  std::size_t i = 0, n = t.size();
  bool negative = i < n && t[i] == '-';
  if (negative) ++i;
  // Integer part: "0" or a digit run without a leading zero.
  std::size_t int_begin = i;
  if (i < n && t[i] == '0') {
    ++i;
  } else if (i < n && t[i] >= '1' && t[i] <= '9') {
    while (i < n && is_digit(t[i])) ++i;
  } else {
    return NumberStatus::syntax;
  }
  std::string_view whole = t.substr(int_begin, i - int_begin), frac;
  if (i < n && t[i] == '.') {
    std::size_t b = ++i;
    while (i < n && is_digit(t[i])) ++i;
    if (i == b) return NumberStatus::syntax;
    frac = t.substr(b, i - b);
  }
  std::int64_t exp = 0;
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool exp_negative = i < n && t[i] == '-';
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    std::size_t b = i;
    for (; i < n && is_digit(t[i]); ++i)
      if (exp < 1000000) exp = exp * 10 + (t[i] - '0');  // saturate: only the range check needs it
    if (i == b) return NumberStatus::syntax;
    if (exp_negative) exp = -exp;
  }
  if (i != n) return NumberStatus::syntax;

  // value = digits(whole frac) * 10^(exp - |frac|); trailing zeros only move
  // the scale, so 1.50 and 1000e-3 stay small.
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (frac.empty())
    while (whole.size() > 1 && whole.back() == '0') {
      whole.remove_suffix(1);
      ++exp;
    }
  std::int64_t scale = exp - static_cast<std::int64_t>(frac.size());
  std::int64_t m = 0;
  if (!accumulate(m, whole) || !accumulate(m, frac)) return NumberStatus::out_of_range;
  if (m == 0) {
    out = Rational{0, 1};
    return NumberStatus::ok;
  }
  if (scale > 18 || scale < -18) return NumberStatus::out_of_range;
  std::int64_t den = 1;
  for (; scale > 0; --scale)
    if (__builtin_mul_overflow(m, 10, &m)) return NumberStatus::out_of_range;
  for (; scale < 0; ++scale) den *= 10;
  auto r = rational::make(negative ? -m : m, den);
  if (!r) return NumberStatus::out_of_range;
  out = *r;
  return NumberStatus::ok;
}

std::string quote(std::string_view text, char delimiter) {
  constexpr std::size_t limit = 60;
  std::string out(1, delimiter);
  std::size_t cut = text.size();
  if (cut > limit) {
    cut = limit;
    // Do not split a UTF-8 sequence: back up to its lead byte.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  for (std::size_t i = 0; i < cut; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == static_cast<unsigned char>(delimiter) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      continue;
    }
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  if (cut < text.size()) out += "...";
  out += delimiter;
  return out;
}

std::string shown(std::string_view token) {
  if (token.size() <= 40) return std::string(token);
  return std::string(token.substr(0, 37)) + "...";
}

std::string expected_number(const FieldSchema& f) {
  std::string out = f.kind == FieldKind::integer ? "an integer" : "a number";
  if (f.bound != Bound::none) {
    out += f.bound == Bound::gt ? " > " : " >= ";
    out += rational::to_string(f.bound_value);
    if (!f.unit_name.empty()) out += " " + f.unit_name;
  } else if (!f.unit_name.empty()) {
    out += " number of " + f.unit_name;
  }
  return out;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

std::string closest(std::string_view word, const std::vector<std::string>& names) {
  // Long input is not a typo of a short name; also bounds the work.
  if (word.empty() || word.size() > 64) return {};
  std::size_t best = 3;
  const std::string* pick = nullptr;
  std::vector<std::size_t> prev, row, next;
  for (const auto& name : names) {
    if (name.size() + 2 < word.size() || word.size() + 2 < name.size()) continue;
    // Edit distance where swapping two neighbours is one edit ("domian"),
    // computed a row at a time: `prev` is two rows up, `row` one.
    const std::size_t m = name.size();
    prev.assign(m + 1, 0);
    row.resize(m + 1);
    next.resize(m + 1);
    for (std::size_t j = 0; j <= m; ++j) row[j] = j;
    for (std::size_t i = 1; i <= word.size(); ++i) {
      next[0] = i;
      for (std::size_t j = 1; j <= m; ++j) {
        std::size_t cost = word[i - 1] == name[j - 1] ? 0 : 1;
        next[j] = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + cost});
        if (i > 1 && j > 1 && word[i - 1] == name[j - 2] && word[i - 2] == name[j - 1])
          next[j] = std::min(next[j], prev[j - 2] + 1);
      }
      std::swap(prev, row);
      std::swap(row, next);
    }
    std::size_t d = row[m];
    // A distance as long as the name would "correct" anything to it.
    if (d < best && d < m) {
      best = d;
      pick = &name;
    }
  }
  return pick ? *pick : std::string{};
}

const char* json_error_words(int code) {
  switch (static_cast<simdjson::error_code>(code)) {
    case simdjson::TAPE_ERROR: return "misplaced or missing comma, colon, brace or bracket";
    case simdjson::DEPTH_ERROR: return "nested too deeply";
    case simdjson::STRING_ERROR: return "invalid escape sequence in a string";
    case simdjson::T_ATOM_ERROR: return "invalid literal (did you mean true?)";
    case simdjson::F_ATOM_ERROR: return "invalid literal (did you mean false?)";
    case simdjson::N_ATOM_ERROR: return "invalid literal (did you mean null?)";
    case simdjson::NUMBER_ERROR: return "invalid number";
    case simdjson::UTF8_ERROR: return "the text is not valid UTF-8";
    case simdjson::EMPTY: return "empty input";
    case simdjson::UNESCAPED_CHARS: return "control character inside a string (write it escaped, e.g. \\n)";
    case simdjson::UNCLOSED_STRING: return "a string is not closed";
    case simdjson::INCORRECT_TYPE: return "invalid value";
    case simdjson::NUMBER_OUT_OF_RANGE: return "number out of range";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT: return "unexpected end of input: an object or array is not closed";
    case simdjson::TRAILING_CONTENT: return "unexpected content after the object";
    case simdjson::CAPACITY: return "the input is too large";
    case simdjson::MEMALLOC: return "out of memory";
    default: return simdjson::error_message(static_cast<simdjson::error_code>(code));
  }
}

std::size_t end_of_top_value(std::string_view text) {
  int depth = 0;
  bool in_string = false, started = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') ++depth, started = true;
    else if (c == '}' || c == ']') --depth;
    if (started && depth <= 0) {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
      return j < text.size() ? j : std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

}  // namespace kijun::facts::detail

namespace kijun::facts::detail {

namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 if it is invalid.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  unsigned c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  unsigned c1 = byte(i + 1);
  // Overlong forms, surrogates and code points past U+10FFFF.
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
      (c == 0xF4 && c1 > 0x8F))
    return 0;
  return n;
}

}  // namespace

std::string position_words(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') ++line, start = i + 1;
  std::size_t column = 1;
  for (std::size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  const bool one_line = text.find('\n') == std::string_view::npos ||
                        text.find_first_not_of(" \t\r\n", text.find('\n')) == std::string_view::npos;
  std::string out = one_line ? "" : "line " + std::to_string(line) + ", ";
  return out + "column " + std::to_string(column);
}

std::size_t locate_input_error(std::string_view text, int code) {
  auto e = static_cast<simdjson::error_code>(code);
  if (e == simdjson::UTF8_ERROR) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n = utf8_length(text, i);
      if (n == 0) return i;
      i += n;
    }
    return std::string_view::npos;
  }
  if (e != simdjson::UNESCAPED_CHARS && e != simdjson::UNCLOSED_STRING) return std::string_view::npos;
  // simdjson pairs quotes from the start, so after a string left open every
  // later quote is off by one and the "unclosed" one is the last of the text.
  // The string really left open is the first whose supposed closing quote is
  // followed by something no string can be followed by (usually the key it
  // swallowed the opening quote of).
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  bool in_string = false;
  std::size_t opened = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!in_string) {
      if (c == '"') in_string = true, opened = i;
      continue;
    }
    if (c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = false;
      if (e == simdjson::UNCLOSED_STRING) {
        std::size_t j = i + 1;
        while (j < text.size() && blank(text[j])) ++j;
        if (j < text.size() && std::string_view(",:}]").find(text[j]) == std::string_view::npos) return opened;
      }
    } else if (e == simdjson::UNESCAPED_CHARS && static_cast<unsigned char>(c) < 0x20) {
      return i;
    }
  }
  return in_string && e == simdjson::UNCLOSED_STRING ? opened : std::string_view::npos;
}

}  // namespace kijun::facts::detail
