// kijun test, the test files themselves: their grammar, the facts an
// example stands for (`* N`, `with`, the default id), syntax errors and
// limits, their layout by fmt, and robustness against mangled files.
// Running them (expectations, drafts, coverage, snapshots) is in
// ruletest_run_test.cpp.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "grammar/test_parse.hpp"
#include "interpreter/format/format.hpp"
#include "interpreter/testing/facts_text.hpp"
#include "interpreter/testing/runner.hpp"
#include "tests/unit/jsprs_support.hpp"
#include "tests/unit/ruletest_support.hpp"

using namespace kijun;
using namespace kijun::ruletest;
using namespace kijun::ruletest_testing;

namespace {

std::string facts_of(const Json& j) {
  std::string out;
  REQUIRE(write_json(j, out, 1 << 20));
  return out;
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
