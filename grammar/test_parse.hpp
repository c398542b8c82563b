// The PEGTL-free face of the test-file parser (grammar/test_grammar.hpp).
#pragma once

#include <optional>

#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/source/source.hpp"
#include "interpreter/testing/test_file.hpp"

namespace kijun::grammar {

struct TestParseResult {
  std::optional<ruletest::TestFile> file;  // empty when there is an error
  Diagnostics diagnostics;
};

// Parses one *.kijun-test file. Never throws for bad input: every problem is a
// diagnostic with a span in `file`.
TestParseResult parse_test_file(const SourceFile& file);

// Largest `* N` accepted.
inline constexpr std::uint64_t max_repeat = 100000;

bool test_grammar_is_sound();

}  // namespace kijun::grammar
