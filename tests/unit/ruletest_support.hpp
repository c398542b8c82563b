// Test support for the kijun test tests (ruletest_*test.cpp): parse a test
// file from text, its first diagnostic, and scratch files.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "grammar/test_parse.hpp"

namespace kijun::ruletest_testing {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  grammar::TestParseResult result;
};
inline Parsed parse(const std::string& text) {
  auto file = std::make_unique<SourceFile>(0, "t.kijun-test", text);
  auto result = grammar::parse_test_file(*file);
  return {std::move(file), std::move(result)};
}

inline std::string first_error(const Parsed& p) {
  REQUIRE(!p.result.diagnostics.empty());
  return p.result.diagnostics.front().message;
}

// The first line of a test file of a ruleset beside its tests/ directory.
inline const char* header = "tests for \"../r.kijun\"\n";

// Writes `text` to `p`, creating its directories.
inline void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace kijun::ruletest_testing
