// Helpers of the facts reader that do not touch simdjson: strict JSON number
// text to exact rationals, and the wording of its diagnostics. Internal to
// interpreter/facts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/facts/schema.hpp"
#include "stdlib/rational.hpp"

namespace kijun::facts::detail {

enum class NumberStatus { ok, syntax, out_of_range };

// `token` is one JSON number as written (RFC 8259 grammar, exponent allowed);
// the value is kept exactly. out_of_range when it does not fit an int64
// rational with a numerator in [-INT64_MAX, INT64_MAX].
NumberStatus parse_json_number(std::string_view token, Rational& out);

// A raw simdjson token runs up to the next token, so it may end in blanks.
// Inline: it is on the path of every scalar read, where there are none.
inline std::string_view trim_token(std::string_view token) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                            token.back() == '\r'))
    token.remove_suffix(1);
  return token;
}

// `text` in quotes (double by default), escaped and cut short, for quoting
// input back.
std::string quote(std::string_view text, char delimiter = '"');

// A number as written, cut short if it is absurdly long.
std::string shown(std::string_view token);

// What a number field wants: "an integer", "an integer > 0 minutes",
// "an integer number of points", "a number >= 0".
std::string expected_number(const FieldSchema& field);

// "a, b, c"
std::string join(const std::vector<std::string>& names);

// The member closest to `word` within an edit distance of 2, or "" if none.
std::string closest(std::string_view word, const std::vector<std::string>& names);

// A simdjson error code in plain words ("unclosed string").
const char* json_error_words(int simdjson_error);

// For a root that simdjson calls unbalanced: the offset of the first
// character after the top-level value has closed, or npos if it never does
// (the text was cut short).
std::size_t end_of_top_value(std::string_view text);

// Where an error found by simdjson's first pass (invalid UTF-8, a control
// character in a string, an unclosed string) is; npos if not found.
std::size_t locate_input_error(std::string_view text, int simdjson_error);

// Where `offset` is in `text`, as a person finds it: "line 3, column 14", or
// "column 14" when the text is one line (a cohort line: the location already
// names the line). Columns count characters, as in ruleset diagnostics.
std::string position_words(std::string_view text, std::size_t offset);

}  // namespace kijun::facts::detail
