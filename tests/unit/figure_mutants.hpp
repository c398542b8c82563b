// The figures of a ruleset (its number and date literals) and their mutants,
// for the mutation test (jsprs_mutation_test.cpp): a careful lexer over the
// ruleset's text that skips comments and the literal text of strings (but
// reads the expressions interpolated in them), so that a digit in a comment,
// a citation, a message or a name is never taken for a figure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kijun::testing {

struct Figure {
  enum class Kind { number, date };
  Kind kind = Kind::number;
  std::uint32_t begin = 0;  // byte offsets in the text
  std::uint32_t end = 0;
  std::string text;         // as written: "10", "1.5", "2015-04-01"
};

// Every number and date literal of kijun source text, in order.
std::vector<Figure> figures(std::string_view text);

struct Mutant {
  Figure figure;
  std::string replacement;  // what the figure becomes
};

// Two mutants per figure: a number one step up and one step down (a step is
// 1, or one unit of the last decimal place: 1.5 → 1.6 / 1.4; 0 → -1), a date
// one day later and one day earlier.
std::vector<Mutant> mutants(const std::vector<Figure>& figures);

// `text` with the mutant's figure replaced.
std::string apply(std::string_view text, const Mutant& m);

}  // namespace kijun::testing
