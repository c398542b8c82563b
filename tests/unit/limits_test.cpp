// Every limit of interpreter/source/limits.hpp at its value (accepted) and one
// past it (refused with a message that names the limit). The inputs are too
// large for golden files; docs/hardening.md shows the messages.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "grammar/parse.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/facts/batch_reader.hpp"
#include "interpreter/source/limits.hpp"
#include "tests/unit/facts_test_schema.hpp"
#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
using namespace kijun::facts_testing;

namespace {

// "line:column: message" of the first error, or "ok" when the ruleset parses.
std::string parse_error(const std::string& decls) {
  SourceFile file(0, "limits.kijun", "ruleset t\n" + decls);
  auto r = grammar::parse(file);
  for (const auto& d : r.diagnostics) {
    if (d.severity != Severity::error) continue;
    const auto lc = file.locate(d.span ? d.span->begin : 0);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + d.message;
  }
  return r.ruleset ? "ok" : "no ruleset and no error";
}

std::string items(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ",1" : "1";
  return out;
}

const char* good_course = R"({"date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs"})";

std::string courses(std::size_t n) {
  std::string out = R"("courses": [)";
  for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + std::string(good_course);
  return out + "]";
}

}  // namespace

TEST_CASE("limits: the values", "[limits]") {
  // Changing one is a decision: update docs/hardening.md and the messages.
  CHECK(limits::max_ruleset_size == 1024 * 1024);
  CHECK(limits::max_nesting_depth == 64);
  CHECK(limits::max_declarations == 10'000);
  CHECK(limits::max_identifier_length == 256);
  CHECK(limits::max_number_digits == 40);
  CHECK(limits::max_extends_depth == 8);
  CHECK(limits::max_string_length == 65'536);
  CHECK(limits::max_list_length == 100'000);
  CHECK(limits::max_json_size == 16 * 1024 * 1024);
  CHECK(limits::max_json_depth == 100);
  CHECK(limits::grouped(0) == "0");
  CHECK(limits::grouped(999) == "999");
  CHECK(limits::grouped(1000) == "1,000");
  CHECK(limits::grouped(200001) == "200,001");
  CHECK(limits::grouped(16777216) == "16,777,216");
}

TEST_CASE("limits: a name of at most max_identifier_length bytes", "[limits]") {
  CHECK(parse_error("let " + std::string(256, 'a') + " = 1") == "ok");
  CHECK(parse_error("let " + std::string(257, 'a') + " = 1") ==
        "2:5: a name of 257 bytes; at most 256 are allowed (limit max_identifier_length)");
  // Japanese: 85 characters of 3 bytes fit, 86 do not; also where a name is used.
  std::string ja85;
  for (int i = 0; i < 85; ++i) ja85 += "単";
  CHECK(parse_error("let " + ja85 + " = 1") == "ok");
  CHECK(parse_error("let a = " + ja85 + "位 + 1") ==
        "2:9: a name of 258 bytes; at most 256 are allowed (limit max_identifier_length)");
}

TEST_CASE("limits: a number of at most max_number_digits digits", "[limits]") {
  CHECK(parse_error("let a = " + std::string(40, '9')) == "ok");
  CHECK(parse_error("let a = 1." + std::string(39, '5')) == "ok");
  CHECK(parse_error("let a = " + std::string(41, '9')) ==
        "2:9: a number of 41 digits; at most 40 are allowed (limit max_number_digits)");
  CHECK(parse_error("let a = 0." + std::string(40, '0')) ==
        "2:9: a number of 41 digits; at most 40 are allowed (limit max_number_digits)");
}

TEST_CASE("limits: a ruleset string of at most max_string_length bytes", "[limits]") {
  CHECK(parse_error("let s = \"" + std::string(65536, 'x') + "\"") == "ok");
  CHECK(parse_error("let s = \"" + std::string(65537, 'x') + "\"") ==
        "2:9: a string of 65,537 bytes; at most 65,536 are allowed (limit max_string_length)");
}

TEST_CASE("limits: a list literal of at most max_list_length items", "[limits]") {
  CHECK(parse_error("let xs = [" + items(100000) + "]") == "ok");
  // The item too many is pointed at: column 11 + 2 * 100,000.
  CHECK(parse_error("let xs = [" + items(100001) + "]") ==
        "2:200011: more than 100,000 items in this list (limit max_list_length)");
  CHECK(parse_error("let xs = {" + items(100001) + "}") ==
        "2:200011: more than 100,000 items in this list (limit max_list_length)");
}

TEST_CASE("limits: at most max_declarations declarations", "[limits]") {
  std::string lets;
  for (int i = 0; i < 10000; ++i) lets += "let l" + std::to_string(i) + " = 1\n";
  CHECK(parse_error(lets) == "ok");
  CHECK(parse_error(lets + "let too_many = 1\n") ==
        "10002:1: more than 10,000 declarations in this ruleset (limit max_declarations)");
}

TEST_CASE("limits: a facts string of at most max_string_length bytes", "[limits]") {
  auto title = [](std::size_t n) {
    return R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs", "title": ")" +
           std::string(n, 'x') + "\"}]";
  };
  Reader r;
  CHECK(r.read(applicant(title(65536))));
  auto d = bad(title(65537));
  CHECK(d.json_path == "$.courses[0].title");
  CHECK(d.message == "the string is 65,537 bytes long; at most 65,536 are allowed (limit max_string_length)");
  CHECK(d.subject == "applicant 'A-1'");
}

TEST_CASE("limits: a facts array of at most max_list_length records", "[limits]") {
  Reader r;
  REQUIRE(r.read(applicant(courses(100000))));
  auto d = bad(courses(100001));
  CHECK(d.json_path == "$.courses");
  CHECK(d.message == "the list holds 100,001 course records; at most 100,000 are allowed (limit max_list_length)");
  // What lies past the limit is still checked as JSON.
  CHECK_FALSE(r.read(applicant(courses(100001) + ", \"x\": [1, 2.]")));
  CHECK(r.only().message.find("invalid number") != std::string::npos);
}

TEST_CASE("limits: one applicant's JSON of at most max_json_size bytes", "[limits]") {
  Reader r;
  std::string padded = applicant("");
  padded.insert(1, limits::max_json_size - padded.size(), ' ');
  REQUIRE(padded.size() == limits::max_json_size);
  CHECK(r.read(padded));
  padded.insert(1, " ");
  CHECK_FALSE(r.read(padded));
  CHECK(r.only().message == "the applicant's JSON is more than 16,777,216 bytes (limit max_json_size)");
}

TEST_CASE("limits: JSON nested at most max_json_depth levels", "[limits]") {
  // The applicant is level 1; an ignored field holds the rest.
  auto nested = [](int levels) {
    return applicant("\"x\": " + std::string(levels - 1, '[') + std::string(levels - 1, ']'));
  };
  Reader r;
  CHECK(r.read(nested(100)));
  CHECK_FALSE(r.read(nested(101)));
  CHECK(r.only().message.find("nested more than 100 levels deep (limit max_json_depth)") != std::string::npos);
}

TEST_CASE("limits: a ruleset file of at most max_ruleset_size bytes", "[limits]") {
  const std::string path = kijun::testing::scratch("limits-size.kijun");
  auto write = [&](std::size_t n) {
    std::ofstream out(path, std::ios::binary);
    out << std::string(n, '#');
  };
  std::string text, why;
  write(limits::max_ruleset_size);
  CHECK(driver::read_file(path, text, why, driver::max_ruleset_bytes));
  CHECK(text.size() == limits::max_ruleset_size);
  write(limits::max_ruleset_size + 1);
  CHECK_FALSE(driver::read_file(path, text, why, driver::max_ruleset_bytes));
  CHECK(why == "'" + path + "' is larger than 1 MiB (limit max_ruleset_size)");
  std::remove(path.c_str());
}

TEST_CASE("limits: a cohort line is batched only up to the limit", "[limits]") {
  const std::string path = kijun::testing::scratch("limits-batch.jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << "0123456789\n0123456789\r\n012345678901234567\nnext";
  }
  facts::BatchReader reader(path, 10);
  REQUIRE(reader.ok());
  std::vector<std::string> got;
  std::vector<std::size_t> numbers;
  facts::Batch batch;
  while (reader.next(batch))
    for (std::size_t i = 0; i < batch.lines.size(); ++i) {
      got.emplace_back(batch.line(i));
      numbers.push_back(batch.lines[i].number);
    }
  CHECK(got == std::vector<std::string>{"0123456789", "0123456789", "012345678901", "next"});
  CHECK(numbers == std::vector<std::size_t>{1, 2, 3, 4});
  CHECK(reader.error().empty());
  std::remove(path.c_str());
}
