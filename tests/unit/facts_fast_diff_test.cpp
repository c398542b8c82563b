// Every facts file in the repository read both ways, with the jsprs schema
// the checker builds: the fast path accepts only what the careful path
// accepts, with the identical Value and id, and kijun's reading (fast, then
// careful) gives exactly the careful path's result and diagnostics
// (tests/fuzz/facts_paths.hpp). And, since the fast path exists for speed,
// it must take every applicant of a generated cohort.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fuzz/facts_paths.hpp"
#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
namespace fs = std::filesystem;

namespace {

struct Tally {
  std::size_t texts = 0, careful_accepts = 0, fast_accepts = 0;
};

// One text, or each line of a JSON Lines text (\r\n too; blank lines skipped
// as a cohort's are).
void check_text(const std::string& name, const std::string& text, bool lines, Tally& t) {
  std::vector<std::string_view> parts;
  if (!lines) {
    parts.push_back(text);
  } else {
    std::string_view rest = text;
    while (!rest.empty()) {
      std::size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") != std::string_view::npos) parts.push_back(line);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    }
  }
  // The same readers for every line, as over a cohort.
  fuzz::PathReaders readers(testing::jsprs().program().schema);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    INFO(name << (lines ? ", line " + std::to_string(i + 1) : std::string{}));
    bool fast = false;
    CHECK(fuzz::paths_differ(readers, parts[i], &fast) == "");
    ++t.texts;
    t.careful_accepts += fuzz::read_with(readers.careful, parts[i], readers.careful_arena, false).ok ? 1 : 0;
    t.fast_accepts += fast ? 1 : 0;
  }
}

std::vector<fs::path> files_under(const fs::path& root, std::initializer_list<const char*> extensions) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file()) continue;
    const std::string ext = it->path().extension().string();
    if (extensions.size() == 0 || std::find(extensions.begin(), extensions.end(), ext) != extensions.end())
      out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("fast path: every facts file in the repository reads the same both ways", "[facts][fast]") {
  const fs::path src = KIJUN_SOURCE_DIR;
  // Facts as people and programs write them: every valid applicant among
  // them must take the fast path (none writes a key with an escape).
  Tally real;
  std::vector<fs::path> files = files_under(src / "tests" / "golden", {".json", ".jsonl"});
  for (const char* more : {"rulesets/jsprs/tests/cohort.jsonl", "bench/edge_cases.jsonl"}) files.push_back(src / more);
  for (const auto& f : files_under(fs::path(KIJUN_SHARED_DIR) / "contract" / "examples", {".json"})) files.push_back(f);
  REQUIRE(files.size() > 40);
  for (const auto& f : files) check_text(f.string(), testing::read_text(f.string()), f.extension() == ".jsonl", real);
  INFO(real.texts << " texts, " << real.careful_accepts << " accepted by the careful path, " << real.fast_accepts
                  << " by the fast path");
  CHECK(real.careful_accepts > 50);
  CHECK(real.fast_accepts == real.careful_accepts);

  // The fuzzers' seeds and findings: odd on purpose, so only the promises.
  Tally odd;
  for (const char* dir : {"corpus/facts", "corpus/facts_paths", "regressions/facts", "regressions/eval",
                          "regressions/facts_paths"})
    for (const auto& f : files_under(src / "tests" / "fuzz" / dir, {})) check_text(f.string(), testing::read_text(f.string()), false, odd);
  CHECK(odd.texts > 20);
}

TEST_CASE("fast path: a generated cohort reads the same both ways, all of it fast", "[facts][fast]") {
  int status = -1;
  const std::string cohort =
      testing::run_command(std::string(KIJUN_GENERATOR) + " --count 3000 --seed 23 --years 2015-2024", &status);
  REQUIRE(status == 0);
  Tally t;
  check_text("generated cohort", cohort, true, t);
  CHECK(t.texts == 3000);
  CHECK(t.careful_accepts == 3000);
  CHECK(t.fast_accepts == 3000);
}
