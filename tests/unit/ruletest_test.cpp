// kijun test: the test-file grammar, the facts an example stands for (`* N`,
// `with`, the default id), expectations against verdict JSON, and a draft's
// suite inheriting its base's examples.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <sys/wait.h>

#include "grammar/test_parse.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/format/format.hpp"
#include "interpreter/testing/coverage.hpp"
#include "interpreter/testing/facts_text.hpp"
#include "interpreter/testing/runner.hpp"
#include "interpreter/testing/snapshot.hpp"
#include "interpreter/testing/verdict_match.hpp"
#include "tests/unit/jsprs_support.hpp"

namespace {

using namespace kijun;
using namespace kijun::ruletest;

struct Parsed {
  std::unique_ptr<SourceFile> file;
  grammar::TestParseResult result;
};
Parsed parse(const std::string& text) {
  auto file = std::make_unique<SourceFile>(0, "t.kijun-test", text);
  auto result = grammar::parse_test_file(*file);
  return {std::move(file), std::move(result)};
}

std::string first_error(const Parsed& p) {
  REQUIRE(!p.result.diagnostics.empty());
  return p.result.diagnostics.front().message;
}

std::string facts_of(const Json& j) {
  std::string out;
  REQUIRE(write_json(j, out, 1 << 20));
  return out;
}

const char* header = "tests for \"../r.kijun\"\n";

void write(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("the test-file grammar has no loops that match nothing", "[ruletest]") {
  CHECK(grammar::test_grammar_is_sound());
}

TEST_CASE("a test file parses into applicants, examples, overrides and snapshots", "[ruletest]") {
  auto p = parse(std::string("\xEF\xBB\xBF# comment\r\n") + header + R"(
applicant 基本 { "renewal_year": 2021, "cases": [ {"a": 1} * 3, 2 ] }   # trailing comment
applicant 別 = 基本 with { "renewal_year": 2022 }
example "一" cites "③" {
  applicant 別 with { "x": [] }
  expect outcome = board
  expect categories.clinical.counted = 9.5
  expect unmet = []
  expect unmet includes [a, "b c"]
  expect window = ["2017-01-01", blank, true, false, -3]
}
example "二" { facts from "a.json" expect outcome = review }
example "三" { facts { "id": "x" } }
override example "四" { expect total = 1 }
remove example "五"
snapshot "cohort.jsonl"
)");
  INFO(render_all(p.result.diagnostics, SourceMap{}));
  REQUIRE(p.result.file);
  const TestFile& f = *p.result.file;
  CHECK(f.ruleset == "../r.kijun");
  REQUIRE(f.applicants.size() == 2);
  CHECK(f.applicants[0].name == "基本");
  CHECK(facts_of(f.applicants[0].facts.json) ==
        R"({"renewal_year":2021,"cases":[{"a":1},{"a":1},{"a":1},2]})");
  CHECK(f.applicants[1].facts.kind == FactsSource::Kind::applicant);
  CHECK(f.applicants[1].facts.applicant == "基本");
  REQUIRE(f.examples.size() == 5);
  const Example& one = f.examples[0];
  CHECK(one.cites == "③");
  CHECK(one.facts.applicant == "別");
  REQUIRE(one.expects.size() == 5);
  CHECK(one.expects[1].steps == std::vector<std::string>{"categories", "clinical", "counted"});
  CHECK(one.expects[1].value.kind == ExpectValue::Kind::number);
  CHECK(one.expects[3].includes);
  CHECK(show(one.expects[3].value) == "[a, \"b c\"]");
  CHECK(show(one.expects[4].value) == "[\"2017-01-01\", blank, true, false, -3]");
  CHECK(f.examples[1].facts.kind == FactsSource::Kind::file);
  CHECK(f.examples[1].facts.file == "a.json");
  CHECK(f.examples[2].facts.kind == FactsSource::Kind::inline_json);
  CHECK(f.examples[3].kind == Example::Kind::override_);
  CHECK(f.examples[4].kind == Example::Kind::remove);
  REQUIRE(f.snapshots.size() == 1);
  CHECK(f.snapshots[0].cohort == "cohort.jsonl");
}

TEST_CASE("test-file syntax errors say what was expected, where", "[ruletest]") {
  CHECK(first_error(parse("example \"x\" {}")) == "expected 'tests for' and the ruleset's file");
  CHECK(first_error(parse(std::string(header) + "example \"x\" { expect outcome = a }")) ==
        "expected the example's facts");
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {\"a\": 1,} }")) ==
        "expected a member \"name\": value");
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {\"a\": [1 * 0]} }")) ==
        "a repetition count is a whole number from 1 to 100000");
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {\"a\": 1} expect outcome == a }")) ==
        "expected '=' or 'includes'");
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {\"a\": \"b}}")) == "unterminated string");
  CHECK(first_error(parse(std::string(header) + "applicant a {}\napplicant a {}")) ==
        "applicant 'a' is defined twice");
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {} }\nexample \"x\" { facts {} }")) ==
        "example \"x\" is defined twice in this file");
  CHECK(first_error(parse(std::string(header) + "expect outcome = a")) == "expected a declaration");
  // Deep nesting is a diagnostic, not a stack overflow.
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {\"a\": " + std::string(5000, '[') + "} }")) ==
        "nesting deeper than 64 levels (limit max_nesting_depth)");
  auto p = parse(std::string(header) + "example \"x\" {\n  facts { \"a\": tru }\n}");
  REQUIRE(p.result.diagnostics.size() == 1);
  SourceMap sources;
  sources.add("t.kijun-test", p.file->text());
  CHECK(render_all(p.result.diagnostics, sources).find("t.kijun-test:3:16: error: expected a JSON value") == 0);
}

TEST_CASE("with replaces top-level members; the example's name is the default id", "[ruletest]") {
  auto p = parse(std::string(header) + R"(applicant a { "x": 1, "y": [2 * 2] }
example "e" { applicant a with { "y": 3, "z": "\u00e9" } })");
  REQUIRE(p.result.file);
  const auto& f = *p.result.file;
  Json merged = merge(f.applicants[0].facts.json, *f.examples[0].facts.with);
  default_id(merged, "名前 \"q\"");
  CHECK(facts_of(merged) == R"({"id":"名前 \"q\"","x":1,"y":3,"z":"\u00e9"})");
  Json with_id = f.applicants[0].facts.json;
  with_id.keys.insert(with_id.keys.begin(), "\"id\"");
  with_id.values.insert(with_id.values.begin(), Json{Json::Kind::scalar, "\"A\"", {}, {}, {}, {}});
  default_id(with_id, "ignored");
  CHECK(facts_of(with_id) == R"({"id":"A","x":1,"y":[2,2]})");

  std::string text = " {\"x\": 1}";
  default_id(text, "n");
  CHECK(text == " {\"id\":\"n\",\"x\": 1}");
  text = "{}";
  default_id(text, "n");
  CHECK(text == "{\"id\":\"n\"}");
  text = "{\"id\": \"k\"}";
  default_id(text, "n");
  CHECK(text == "{\"id\": \"k\"}");
  text = "{broken";
  default_id(text, "n");
  CHECK(text == "{broken");
}

TEST_CASE("expanding `* N` stops at the size limit", "[ruletest]") {
  auto p = parse(std::string(header) + R"(example "e" { facts { "a": [ "0123456789" * 100000 ] } })");
  REQUIRE(p.result.file);
  std::string out;
  CHECK_FALSE(write_json(p.result.file->examples[0].facts.json, out, 100000));
}

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

TEST_CASE("fmt lays out a test file: indentation by nesting, canonical white space, values untouched", "[ruletest]") {
  const std::string messy = std::string("\xEF\xBB\xBF\n") + header +
                            "\r\n\n\napplicant a {   \r\n\"x\": [\n        1 * 2,\n   {\"a\": \"b # { [\"}\n   ]   # c {\n"
                            "   }\nexample \"e\" {\napplicant a\n      expect outcome = board\n}\n\n\n";
  SourceFile file(0, "t.kijun-test", messy);
  format::Result r = format::format_test_source(file);
  REQUIRE(r.status == format::Result::ok);
  CHECK(r.text == std::string(header) +
                      "\napplicant a {\n  \"x\": [\n    1 * 2,\n    {\"a\": \"b # { [\"}\n  ]   # c {\n}\n"
                      "example \"e\" {\n  applicant a\n  expect outcome = board\n}\n");
  SourceFile again(0, "t.kijun-test", r.text);
  CHECK(format::format_test_source(again).text == r.text);

  SourceFile broken(0, "t.kijun-test", std::string(header) + "example {");
  CHECK(format::format_test_source(broken).status == format::Result::syntax_error);
  CHECK(format::is_test_file("a/b.kijun-test"));
  CHECK_FALSE(format::is_test_file("a/b.kijun"));
}

TEST_CASE("deeply nested expectation lists are a diagnostic, not a stack overflow", "[ruletest]") {
  CHECK(first_error(parse(std::string(header) + "example \"x\" { facts {} expect a = " + std::string(100000, '[') +
                          " }")) == "nesting deeper than 64 levels (limit max_nesting_depth)");
}

TEST_CASE("mangled test files never crash the parser or the runner", "[ruletest]") {
  // A deterministic poor man's fuzzer (tests/fuzz has the real ones): bytes of
  // real test files deleted, duplicated or replaced by the characters that
  // matter to the grammar; whatever parses is run against jsprs.
  const std::string root = KIJUN_SOURCE_DIR;
  const auto& jsprs = kijun::testing::jsprs();
  std::vector<std::string> seeds;
  for (const char* f : {"/tests/golden/test/pass.kijun-test", "/tests/golden/test/fail.kijun-test",
                        "/tests/golden/test/bad-facts.kijun-test"})
    seeds.push_back(kijun::testing::read_text(root + f));
  const std::string specials = "{}[]\"*#\\,:=. 0\n\xE3";
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&](std::size_t n) {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return static_cast<std::size_t>(state % n);
  };
  std::size_t parsed = 0, ran = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string text = seeds[next(seeds.size())];
    for (int edits = 1 + static_cast<int>(next(4)); edits > 0 && !text.empty(); --edits) {
      const std::size_t at = next(text.size());
      switch (next(3)) {
        case 0: text.erase(at, 1 + next(8)); break;
        case 1: text.insert(at, text.substr(at, 1 + next(16))); break;
        default: text[at] = specials[next(specials.size())]; break;
      }
    }
    SourceMap sources;
    const SourceFile& file = sources.add("tests/golden/test/m.kijun-test", text);
    auto result = grammar::parse_test_file(file);
    CHECK((result.file.has_value() || has_errors(result.diagnostics)));
    if (!result.file) continue;
    ++parsed;
    LoadedFile loaded;
    loaded.path = file.path();
    loaded.file = std::move(*result.file);
    Diagnostics diags;
    Runner runner(jsprs.program(), sources, diags);
    for (const auto& e : loaded.file.examples) {
      if (e.kind != Example::Kind::example) continue;
      Case c{&e, &loaded, &e, &loaded, {&loaded}, false};
      CaseResult r = runner.run(c);
      if (r.status == CaseResult::Status::passed || r.status == CaseResult::Status::failed) ++ran;
      else CHECK(has_errors(diags));
      diags.clear();
    }
  }
  CHECK(parsed > 50);  // the test exercises the runner, not only the parser's errors
  CHECK(ran > 50);
}

TEST_CASE("expect error parses, alone in its example", "[ruletest]") {
  auto p = parse(std::string(header) + R"(
example "一" { facts { } expect error "2014" }
example "二" { facts { } expect error }   # any error
example "三" { facts { } expect errors = 1 expect error.x = 2 }
override example "四" { expect error "負" }
)");
  INFO(render_all(p.result.diagnostics, SourceMap{}));
  REQUIRE(p.result.file);
  const auto& ex = p.result.file->examples;
  REQUIRE(ex[0].expects.size() == 1);
  CHECK(ex[0].expects[0].error);
  CHECK(ex[0].expects[0].path == "error");
  CHECK(ex[0].expects[0].value.text == "2014");
  CHECK(ex[1].expects[0].error);
  CHECK(ex[1].expects[0].value.text.empty());
  // `errors` and `error.x` are paths of the verdict, not the keyword.
  REQUIRE(ex[2].expects.size() == 2);
  CHECK_FALSE(ex[2].expects[0].error);
  CHECK(ex[2].expects[0].path == "errors");
  CHECK_FALSE(ex[2].expects[1].error);
  CHECK(ex[2].expects[1].path == "error.x");
  CHECK(ex[3].expects[0].error);

  auto mixed = parse(std::string(header) + "example \"x\" { facts { } expect error \"a\" expect outcome = board }\n");
  CHECK_FALSE(mixed.result.file);
  CHECK(first_error(mixed) == "an example that expects an error has no other expectations");
  auto twice = parse(std::string(header) + "example \"x\" { facts { } expect error expect error \"b\" }\n");
  CHECK_FALSE(twice.result.file);
  CHECK(first_error(twice) == "an example expects an error once");
  auto bad = parse(std::string(header) + "example \"x\" { facts { } expect error 2014 }\n");
  CHECK_FALSE(bad.result.file);
  CHECK(first_error(bad) == "expected 'expect' or '}'");
  auto nothing = parse(std::string(header) + "example \"x\" { facts { } expect = 1 }\n");
  CHECK(first_error(nothing) == "expected what to check, e.g. outcome or categories.clinical.counted, or error");
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
