// Replays what the fuzzers found (tests/fuzz/regressions/TARGET/*) and their
// seeds (tests/fuzz/corpus/*) through the very code path of each libFuzzer
// target (tests/fuzz/harness.hpp), so any compiler and the asan build catch a
// regression without clang. A crash fails the run; a broken promise or an
// escaping exception fails the check, which names the file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "tests/fuzz/facts_paths.hpp"
#include "tests/fuzz/harness.hpp"
#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
namespace fs = std::filesystem;

namespace {

const fuzz::Ruleset& jsprs() {
  static std::unique_ptr<fuzz::Ruleset> rs = [] {
    std::string error;
    auto loaded = fuzz::load(std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs/jsprs.kijun", error);
    if (!loaded) throw std::runtime_error("jsprs does not load:\n" + error);
    return loaded;
  }();
  return *rs;
}

using Target = std::function<std::string(std::string_view)>;

Target target(const std::string& name) {
  if (name == "ruleset")
    return [](std::string_view in) { return fuzz::ruleset_input(in, fuzz::ruleset_name(KIJUN_SOURCE_DIR)); };
  if (name == "facts") return [](std::string_view in) { return fuzz::facts_input(jsprs(), in); };
  if (name == "facts_paths") return [](std::string_view in) { return fuzz::paths_input(jsprs(), in); };
  return [](std::string_view in) { return fuzz::eval_input(jsprs(), in); };
}

// Every regular file under tests/fuzz/DIR, in a stable order; none when DIR
// does not exist (no finding yet).
std::vector<fs::path> inputs(const std::string& dir) {
  std::vector<fs::path> files;
  fs::path root = fs::path(KIJUN_SOURCE_DIR) / "tests" / "fuzz" / dir;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root, ec))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Replays every input of tests/fuzz/DIR through target NAME; returns how many.
std::size_t replay(const std::string& name, const std::string& dir) {
  Target run = target(name);
  auto files = inputs(dir);
  for (const auto& f : files) {
    INFO(name << " target, " << f.string());
    std::string broken;
    CHECK_NOTHROW(broken = run(testing::read_text(f.string())));
    CHECK(broken == "");
  }
  return files.size();
}

}  // namespace

TEST_CASE("fuzz findings stay fixed", "[fuzz]") {
  for (const char* name : {"ruleset", "facts", "eval", "facts_paths"}) replay(name, std::string("regressions/") + name);
}

TEST_CASE("fuzz seeds keep the targets' promises", "[fuzz]") {
  CHECK(replay("ruleset", "corpus/ruleset") > 0);
  CHECK(replay("facts", "corpus/facts") > 0);
  CHECK(replay("eval", "corpus/facts") > 0);
  CHECK(replay("facts_paths", "corpus/facts") > 0);
  CHECK(replay("facts_paths", "corpus/facts_paths") > 0);
}
