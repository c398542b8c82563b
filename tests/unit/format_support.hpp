// Test support for kijun fmt: parse and format text, and scramble a
// ruleset's layout without changing its tokens, comments or meaning.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kijun::testing {

// How scramble() lays the tokens out.
enum class Layout {
  one_line,        // every run of white space a single space (comments still end their line)
  token_per_line,  // every token on its own line, randomly indented
  random,          // random spaces, tabs, newlines, blank lines and indentation
};

// The same tokens and comments as `text` in another layout. A comment stays
// after the same token, on its own line or after code as it was, and keeps
// a blank line that followed it; a number stays on the line of a name that
// follows it (else the name would no longer be its unit). `seed` makes
// Layout::random reproducible.
std::string scramble(const std::string& text, Layout layout, std::uint32_t seed);

// `text` with `count` comments `# cN` put after random tokens, each on its
// own line or after the token on its line.
std::string with_comments(const std::string& text, std::uint32_t seed, int count);

// A random expression with every operator and literal of the language, fully
// parenthesized so that its tree is the one generated; `seed` picks it.
std::string random_expression(std::uint32_t seed, int depth = 4);

// Every *.kijun under `dir`, sorted.
std::vector<std::string> kijun_files(const std::string& dir);

}  // namespace kijun::testing
