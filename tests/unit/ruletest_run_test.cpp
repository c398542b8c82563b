// kijun test, running test files: expectations compared with the verdict
// JSON, a draft's suite inheriting its base's examples, coverage, verdict
// snapshots, and `expect error`.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "interpreter/driver/pipeline.hpp"
#include "interpreter/testing/coverage.hpp"
#include "interpreter/testing/snapshot.hpp"
#include "interpreter/testing/verdict_match.hpp"
#include "tests/unit/jsprs_support.hpp"
#include "tests/unit/ruletest_support.hpp"

using namespace kijun;
using namespace kijun::ruletest;
using namespace kijun::ruletest_testing;

TEST_CASE("expectations compare members of the verdict JSON", "[ruletest]") {
  auto p = parse(std::string(header) + R"(example "e" { facts {}
  expect outcome = board
  expect total = 50
  expect total = 50.0
  expect cats.c.counted = 9.5
  expect unmet = [b, a]
  expect unmet includes [a]
  expect window = ["2017-01-01", blank]
  expect window includes "2017-01-01"
  expect window.0 = "2017-01-01"
  expect flag = true
  expect outcome = society
  expect unmet = [a]
  expect nothing.here = 1
  expect total = "50"
})");
  REQUIRE(p.result.file);
  const auto& ex = p.result.file->examples[0].expects;
  VerdictMatcher m;
  auto mismatches = m.match(
      R"({"outcome":"board","total":50,"cats":{"c":{"counted":9.5}},"unmet":[{"rule":"a"},{"rule":"b"}],)"
      R"("window":["2017-01-01",null],"flag":true})",
      ex);
  REQUIRE(mismatches.size() == 4);
  CHECK(mismatches[0].expectation == &ex[10]);
  CHECK(mismatches[0].expected == "society");
  CHECK(mismatches[0].got == "board");
  CHECK(mismatches[1].got == "[a, b]");
  CHECK(mismatches[1].detail == "unexpected b");
  CHECK(mismatches[2].got == "(absent)");
  CHECK(mismatches[3].expected == "\"50\"");
  CHECK(mismatches[3].got == "50");
}

TEST_CASE("a draft's suite runs its base's examples, overridden and removed, then its own", "[ruletest]") {
  namespace fs = std::filesystem;
  const fs::path dir = kijun::testing::scratch("ruletest-draft");
  fs::remove_all(dir);
  const std::string root = KIJUN_SOURCE_DIR;
  write(dir / "jsprs.kijun", kijun::testing::read_text(root + "/rulesets/jsprs/jsprs.kijun"));
  write(dir / "drafts/veteran_50.kijun", kijun::testing::read_text(root + "/rulesets/jsprs/drafts/veteran_50.kijun"));
  const std::string base_applicant = R"(applicant 基本 {
  "renewal_year": 2021, "prior_renewals": 3, "work_declaration": true, "clinical_record": true, "cases": [] }
)";
  write(dir / "tests/base.kijun-test", "tests for \"../jsprs.kijun\"\n" + base_applicant + R"(
example "残す" { applicant 基本 expect outcome = not_eligible }
example "書き換える" { applicant 基本 expect outcome = board }
example "消す" { applicant 基本 expect outcome = board }
)");
  write(dir / "drafts/tests/veteran.kijun-test", R"(tests for "../veteran_50.kijun"
override example "書き換える" { expect outcome = not_eligible }
remove example "消す"
example "自分の例" { applicant 基本 with { "prior_renewals": 1 } expect outcome = not_eligible }
)");
  int status = 0;
  const std::string out = kijun::testing::run_command(
      std::string(KIJUN_BINARY) + " test -v " + (dir / "drafts/veteran_50.kijun").string() + " 2>&1", &status);
  INFO(out);
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(out.find("ok \"残す\" [base's example") != std::string::npos);
  CHECK(out.find("ok \"書き換える\" [base's example") != std::string::npos);
  CHECK(out.find("消す") == std::string::npos);
  CHECK(out.find("ok \"自分の例\"\n") != std::string::npos);
  CHECK(out.find("3 examples, 0 failed") != std::string::npos);

  // The base alone still fails its own wrong expectation; an override that
  // names no example is an error of the draft's test file.
  const std::string base = kijun::testing::run_command(
      std::string(KIJUN_BINARY) + " test " + (dir / "jsprs.kijun").string() + " 2>&1", &status);
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(base.find("FAIL \"書き換える\"") != std::string::npos);
  write(dir / "drafts/tests/veteran.kijun-test", R"(tests for "../veteran_50.kijun"
override example "書き換え" { expect outcome = board }
)");
  const std::string typo = kijun::testing::run_command(
      std::string(KIJUN_BINARY) + " test " + (dir / "drafts").string() + " 2>&1", &status);
  INFO(typo);
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(typo.find("error: no example \"書き換え\" in the base's tests") != std::string::npos);
  CHECK(typo.find("did you mean '書き換える'?") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("coverage counts a requirement only where its standard applies, and needs it met and unmet", "[ruletest]") {
  const Program& p = kijun::testing::jsprs().program();
  REQUIRE(p.standards.size() == 2);
  Coverage cov(p);
  CHECK_FALSE(cov.complete());
  using S = RequirementStatus;
  // Only the second standard applies; every requirement met, then every one unmet.
  RequirementStatuses st(2);
  st[1].assign(p.standards[1].requirements.size(), S::met);
  cov.add("board", st);
  st[1].assign(p.standards[1].requirements.size(), S::unmet);
  st[1][0] = S::waived;
  cov.add("not_eligible", st);
  CHECK(cov.standards()[0].applied == 0);
  CHECK(cov.standards()[1].applied == 2);
  CHECK_FALSE(cov.standards()[1].requirements[0].covered());  // met once, waived once: never unmet
  CHECK(cov.standards()[1].requirements[0].waived == 1);
  CHECK(cov.standards()[1].requirements[1].covered());
  CHECK(cov.outcomes()[0].reached == 1);
  CHECK_FALSE(cov.complete());
  // The first standard, and the remaining outcomes and requirement, complete it.
  RequirementStatuses both(2);
  both[0].assign(p.standards[0].requirements.size(), S::met);
  both[1].assign(p.standards[1].requirements.size(), S::unmet);
  cov.add("society", both);
  both[0].assign(p.standards[0].requirements.size(), S::unmet);
  cov.add("review", both);
  CHECK(cov.complete());
  CHECK(cov.text("r").find("full coverage") != std::string::npos);
  CHECK(cov.json("r").find("\"complete\":true") != std::string::npos);
}

TEST_CASE("a snapshot is recorded when missing, lists exactly the changed verdicts, and is rewritten only on accept",
          "[ruletest]") {
  namespace fs = std::filesystem;
  const Program& p = kijun::testing::jsprs().program();
  const fs::path dir = kijun::testing::scratch("ruletest-snapshot");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string cohort = (dir / "c.jsonl").string();
  kijun::testing::run_command(std::string(KIJUN_GENERATOR) + " --count 5 --seed 3 --years 2015-2024 > " + cohort);
  CHECK(verdicts_path(cohort) == (dir / "c.verdicts.jsonl").string());
  CHECK(verdicts_path("a.txt") == "a.txt.verdicts.jsonl");
  Diagnostics diags;

  SnapshotResult first = run_snapshot(p, cohort, false, diags);
  CHECK(diags.empty());
  CHECK_FALSE(first.existed);
  CHECK(first.written);
  CHECK(first.applicants == 5);
  const std::string recorded = kijun::testing::read_text(first.verdicts);
  CHECK(std::count(recorded.begin(), recorded.end(), '\n') == 5);

  SnapshotResult same = run_snapshot(p, cohort, true, diags);
  CHECK(same.existed);
  CHECK(same.changes.empty());
  CHECK_FALSE(same.written);

  // The second applicant recorded with another outcome and total.
  std::string edited = recorded;
  const auto second = edited.find('\n') + 1;
  const auto outcome = edited.find("\"outcome\":\"", second) + 11;
  const auto end = edited.find('"', outcome);
  const std::string was = edited.substr(outcome, end - outcome);
  const std::string other = was == "board" ? "review" : "board";
  edited.replace(outcome, end - outcome, other);
  write(first.verdicts, edited);
  SnapshotResult changed = run_snapshot(p, cohort, false, diags);
  REQUIRE(changed.changes.size() == 1);
  CHECK(changed.changes[0].before == other);
  CHECK(changed.changes[0].after == was);
  CHECK(describe(changed.changes[0]).find(": " + other + " → " + was) != std::string::npos);
  CHECK_FALSE(changed.written);
  CHECK(kijun::testing::read_text(first.verdicts) == edited);

  SnapshotResult accepted = run_snapshot(p, cohort, true, diags);
  CHECK(accepted.changes.size() == 1);
  CHECK(accepted.written);
  CHECK(kijun::testing::read_text(first.verdicts) == recorded);
  // Written atomically: no temporary file is left beside it.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  CHECK(files == 2);

  // An applicant the reader refuses is reported at its line (blank lines
  // skipped but counted); nothing is recorded.
  std::ofstream(cohort, std::ios::app) << "\r\n{\"id\": \"bad\"}\r\n";
  write(first.verdicts, edited);
  SnapshotResult bad = run_snapshot(p, cohort, true, diags);
  CHECK(bad.bad == 1);
  CHECK(bad.applicants == 5);
  CHECK_FALSE(bad.written);
  CHECK(has_errors(diags));
  CHECK(std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) { return d.location == cohort + ":7"; }));
  CHECK(kijun::testing::read_text(first.verdicts) == edited);

  // A recorded line that is not a verdict is reported at its line.
  diags.clear();
  write(first.verdicts, "\n" + recorded + "not json\n");
  SnapshotResult unreadable = run_snapshot(p, cohort, false, diags);
  CHECK(unreadable.changes.empty());
  CHECK(std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) {
    return d.location == first.verdicts + ":7" && d.message.find("not a recorded verdict") != std::string::npos;
  }));
  fs::remove_all(dir);
}
TEST_CASE("expect error passes when the facts are refused with that text, and says what came otherwise",
          "[ruletest]") {
  namespace fs = std::filesystem;
  const fs::path dir = kijun::testing::scratch("ruletest-error");
  fs::remove_all(dir);
  write(dir / "jsprs.kijun", kijun::testing::read_text(std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs/jsprs.kijun"));
  const std::string base = R"(tests for "../jsprs.kijun"
applicant 基本 {
  "renewal_year": 2021, "prior_renewals": 1, "work_declaration": true, "clinical_record": true, "cases": [] }
)";
  write(dir / "tests/pass.kijun-test", base + R"(
example "2014年" { applicant 基本 with { "renewal_year": 2014 } expect error "no standard of this ruleset applies" }
example "負の回数" { applicant 基本 with { "prior_renewals": -1 } expect error "$.prior_renewals" }
example "何かの誤り" { applicant 基本 with { "renewal_year": "x" } expect error }
example "評価される" { applicant 基本 expect outcome = not_eligible }
)");
  int status = 0;
  const std::string kijun = KIJUN_BINARY;
  const std::string pass =
      kijun::testing::run_command(kijun + " test --coverage " + (dir / "tests/pass.kijun-test").string() + " 2>&1", &status);
  INFO(pass);
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(pass.find("4 examples, 0 failed") != std::string::npos);
  CHECK(pass.find("(1 example evaluated)") != std::string::npos);  // the refused ones reach no requirement
  CHECK(pass.find("error:") == std::string::npos);                  // an expected refusal is no diagnostic

  write(dir / "tests/fail.kijun-test", base + R"(
example "評価されてしまう" { applicant 基本 expect error "2014" }
example "別の誤り" { applicant 基本 with { "renewal_year": 2014 } expect error "not a column" }
)");
  const std::string fail =
      kijun::testing::run_command(kijun + " test " + (dir / "tests/fail.kijun-test").string() + " 2>&1", &status);
  INFO(fail);
  CHECK(WEXITSTATUS(status) == 1);  // a failing example, not bad facts
  CHECK(fail.find("fail.kijun-test:5: error: expected an error containing \"2014\", got outcome not_eligible") !=
        std::string::npos);
  CHECK(fail.find("fail.kijun-test:6: error: expected an error containing \"not a column\", got error \"no standard "
                  "of this ruleset applies to this applicant\"") != std::string::npos);
  CHECK(fail.find("2 examples, 2 failed") != std::string::npos);
  fs::remove_all(dir);
}
