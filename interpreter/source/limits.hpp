// Every limit on kijun's input, in one place (docs/hardening.md has the table:
// name, value, why, message). Each is far above anything a real ruleset or
// applicant needs, and low enough that memory and time stay bounded whatever
// arrives. A diagnostic that enforces one names it: "(limit max_list_length)".
#pragma once

#include <cstddef>
#include <string>

namespace kijun::limits {

// ------------------------------------------------------------------ rulesets
// One ruleset file (jsprs.kijun is 18 KB). The parse tree costs up to about
// 200 bytes per token: a MiB of "1,1,1,…" takes some 210 MB while parsing.
inline constexpr std::size_t max_ruleset_size = 1024 * 1024;
// Parentheses, blocks and interpolations inside one expression.
inline constexpr int max_nesting_depth = 64;
// Top-level declarations of one ruleset file (jsprs has 47).
inline constexpr std::size_t max_declarations = 10'000;
// Bytes of a name (a Japanese character is 3 bytes: 85 of them).
inline constexpr std::size_t max_identifier_length = 256;
// Digits of a number literal in a ruleset (exact numbers hold 18).
inline constexpr std::size_t max_number_digits = 40;
// Drafts extending drafts.
inline constexpr int max_extends_depth = 8;

// ------------------------------------------------------ rulesets and facts
// Bytes of a string: a ruleset's string literal (a label, a message), or a
// string in an applicant's facts.
inline constexpr std::size_t max_string_length = 64 * 1024;
// Items of a list: a list or set literal in a ruleset, or an array in an
// applicant's facts (a 5-year renewal has a few thousand records at most).
inline constexpr std::size_t max_list_length = 100'000;

// ------------------------------------------------------------------- facts
// One applicant's JSON text: a .json file, or one line of a cohort. A longer
// cohort line is not even held in memory: it is skipped as it is read.
inline constexpr std::size_t max_json_size = 16 * 1024 * 1024;
// Objects and arrays inside one another.
inline constexpr int max_json_depth = 100;

// 200001 -> "200,001": counts in messages are read by people.
inline std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace kijun::limits
