// kijun whatif over a generated cohort of 10,000: its transition matrix must
// be what evaluating the base and the draft separately gives, applicant by
// applicant.
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "tests/unit/jsprs_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string run(const std::string& cmd) {
  int status = 0;
  std::string out = kijun::testing::run_command(cmd, &status);
  CHECK(status == 0);
  return out;
}

std::vector<std::string> outcomes(const std::string& jsonl) {
  std::vector<std::string> out;
  simdjson::dom::parser parser;
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) out.emplace_back(std::string_view(parser.parse(line)["outcome"]));
  return out;
}

}  // namespace

TEST_CASE("whatif's transition matrix matches separate evaluations of base and draft", "[whatif][drafts]") {
  fs::path cohort = kijun::testing::scratch("whatif-10k.jsonl");
  run(std::string(KIJUN_GENERATOR) + " --count 10000 --seed 11 --years 2015-2024 > '" + cohort.string() + "'");
  const std::string kijun = KIJUN_BINARY;
  const std::string base = std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs";
  auto base_outcomes = outcomes(run(kijun + " eval " + base + " '" + cohort.string() + "' --format json"));
  REQUIRE(base_outcomes.size() == 10000);
  for (const char* draft : {"veteran_50", "mandatory_units"}) {
    INFO(draft);
    std::string path = base + "/drafts/" + draft + ".kijun";
    auto draft_outcomes = outcomes(run(kijun + " eval " + path + " '" + cohort.string() + "' --format json"));
    REQUIRE(draft_outcomes.size() == 10000);
    std::map<std::pair<std::string, std::string>, std::int64_t> expected;
    std::int64_t changed = 0;
    for (std::size_t i = 0; i < base_outcomes.size(); ++i) {
      ++expected[{base_outcomes[i], draft_outcomes[i]}];
      changed += base_outcomes[i] != draft_outcomes[i];
    }
    CHECK(changed > 0);  // a draft that changes nothing would test nothing
    std::string report = run(kijun + " whatif " + base + " " + path + " '" + cohort.string() + "' --format json");
    simdjson::dom::parser parser;
    simdjson::dom::element r = parser.parse(report);
    CHECK(int64_t(r["applicants"]) == 10000);
    CHECK(int64_t(r["outcome_changed"]) == changed);
    std::map<std::pair<std::string, std::string>, std::int64_t> actual;
    for (auto cell : r["matrix"].get_array())
      actual[{std::string(std::string_view(cell["base"])), std::string(std::string_view(cell["draft"]))}] =
          int64_t(cell["applicants"]);
    CHECK(actual == expected);
    // CSV lists every changed applicant, one line each, after its header.
    std::string csv = run(kijun + " whatif " + base + " " + path + " '" + cohort.string() + "' --format csv");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == changed + 1);
  }
  fs::remove(cohort);
}
