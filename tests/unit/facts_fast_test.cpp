// The facts reader's fast path (interpreter/facts/fast_walk.hpp) against its
// careful path, case by case: each input says whether the fast path must
// accept it (and then read exactly the careful path's Value and id) or bail,
// and whether the careful path accepts it. tests/fuzz/facts_paths.hpp holds
// the comparison; facts_fast_diff_test.cpp runs it over every facts file.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "interpreter/facts/fast_dates.hpp"
#include "interpreter/facts/json_scan.hpp"
#include "stdlib/dates.hpp"
#include "tests/fuzz/facts_paths.hpp"
#include "tests/unit/facts_test_schema.hpp"

using namespace kijun;
using namespace kijun::facts;
using namespace kijun::facts_testing;

namespace {

enum class Fast { accepts, bails };
enum class Careful { accepts, rejects };

// Checks one input against the expectations and the paths' promises.
void expect(const Schema& schema, const std::string& json, Fast fast, Careful careful) {
  INFO("input: " << (json.size() > 300 ? json.substr(0, 300) + "..." : json));
  fuzz::PathReaders readers(schema);
  fuzz::PathRead f = fuzz::read_with(readers.fast, json, readers.fast_arena, true);
  fuzz::PathRead c = fuzz::read_with(readers.careful, json, readers.careful_arena, false);
  INFO("careful path says: " << c.diagnostics);
  CHECK(f.ok == (fast == Fast::accepts));
  CHECK(c.ok == (careful == Careful::accepts));
  if (f.ok && c.ok) {
    CHECK(fuzz::value_difference(f.value, c.value) == "");
    CHECK(f.id == c.id);
  }
  CHECK(fuzz::paths_differ(schema, json) == "");
}

void expect(const std::string& json, Fast fast, Careful careful) { expect(jsprs_schema(), json, fast, careful); }

std::string nested(int levels, const std::string& inner) {
  return std::string(static_cast<std::size_t>(levels), '[') + inner + std::string(static_cast<std::size_t>(levels), ']');
}

const std::string case_item = R"({"date": "2019-06-01", "list": "surgery", "role": "operator"})";
const std::string course_item = R"({"date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs"})";

std::string with_course(const std::string& fields) {
  return applicant(R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs", )" +
                   fields + "}]");
}
std::string with_activity(const std::string& fields) { return applicant(R"("activities": [{)" + fields + "}]"); }

}  // namespace

TEST_CASE("fast path: what it accepts reads as the careful path reads it", "[facts][fast]") {
  const Fast A = Fast::accepts;
  const Careful ok = Careful::accepts;
  expect(applicant(""), A, ok);
  expect(applicant(R"("cases": [)" + case_item + "," + case_item + "]"), A, ok);
  // Whitespace everywhere JSON allows it, and only JSON's four characters.
  expect(" \t\r\n{ \"id\" :\"A-1\" ,\n\t\"renewal_year\"\r\n:\n2021,\"prior_renewals\": 0 , \"work_declaration\" : true ,"
         " \"cases\" : [ " + case_item + " , " + case_item + " ] , \"courses\" :[ ] }\n\r\t ",
         A, ok);
  // Empty lists and objects, unknown keys holding anything.
  expect(applicant(R"("cases": [], "courses": [ ], "activities": [
  ])"), A, ok);
  expect(applicant(R"("extra": {}, "more": [], "deep": {"a": [1, 2.5e3, {"x": null}, "s", true, false, [], {}], "b": -0.5E-3})"),
         A, ok);
  expect(applicant(R"("x": 1, "x": "again", "x": [true])"), A, ok);  // unknown keys may repeat
  expect(applicant(R"("huge": 123456789012345678901234567890, "tiny": 1e-400, "big": 1E+400)"), A, ok);  // only the syntax counts
  expect(applicant(R"("note": ")" + std::string("\x7f") + R"(")"), A, ok);  // DEL is allowed raw
  // null: absent for optional and defaulted fields (lists too).
  expect(applicant(R"("clinical_record": null, "old_points": null, "cases": null, "courses": [{"date": "2019-06-01",)"
                   R"( "category": "common", "topic": null, "minutes": 60, "host": "jsprs", "role": null, "title": null}])"),
         A, ok);
  // Escapes in values: unescaped on the fast path too.
  expect(with_course(R"("title": "A \"quoted\" title \\ \/ \u00e9 \u5f62 \ud83d\ude00 \b\f\n\r\t end")"), A, ok);
  expect(with_course(R"("title": "\u0000 and \u001f and \u007F")"), A, ok);
  expect(with_course(R"("title": "\uD83D\uDE00 upper-case hex")"), A, ok);
  expect(with_course(R"("title": "\\")"), A, ok);
  expect(with_course(R"("title": "")"), A, ok);
  expect(R"({"id": "A \"1\" \\ \u00e9", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true})", A, ok);
  expect(applicant(R"("courses": [{"date": "2019\u002d06-01", "category": "c\u006fmmon", "minutes": 60, "host": "\u0066acility"}])"),
         A, ok);
  // Strings around the 16-byte steps of the scanner, Japanese, and at the limit.
  for (int n : {0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 100})
    expect(with_course(R"("title": ")" + std::string(static_cast<std::size_t>(n), 'x') + R"(")"), A, ok);
  expect(with_course(R"("title": "形成外科 専門医 更新")"), A, ok);
  expect(with_course(R"("title": ")" + std::string(limits::max_string_length, 'x') + R"(")"), A, ok);
  // Numbers the careful path takes for integers.
  expect(applicant(R"("old_points": -0)"), A, ok);
  expect(applicant(R"("old_points": 1e2)"), A, ok);
  expect(applicant(R"("old_points": 1.0)"), A, ok);
  expect(applicant(R"("old_points": 12.50e1)"), A, ok);
  expect(applicant(R"("old_points": 9223372036854775807)"), A, ok);
  expect(applicant(R"("old_points": 123456789012345678)"), A, ok);
  expect(applicant(R"("old_points": 1234567890123456789)"), A, ok);
  expect(applicant(R"("old_points": 0)"), A, ok);
  expect(applicant(R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 1, "host": "jsprs"}])"), A, ok);
  // by kind: the discriminant first, last, in between; another variant's
  // fields ignored (and repeatable), shared names resolved by the variant.
  expect(with_activity(R"("kind": "attendance", "date": "2019-05-01", "meeting": "regional")"), A, ok);
  expect(with_activity(R"("date": "2019-05-01", "meeting": "regional", "kind": "attendance")"), A, ok);
  expect(with_activity(R"("meeting": "regional", "kind": "attendance", "date": "2019-05-01")"), A, ok);
  expect(with_activity(R"("approved_journal": true, "date": "2019-05-02", "kind": "review")"), A, ok);
  expect(with_activity(R"("kind": "paper", "approved_journal": true, "date": "2019-05-02", "authorship": "first")"), A, ok);
  expect(with_activity(R"("authorship": "first", "approved_journal": true, "peer_reviewed": null, "date": "2019-05-02", "kind": "paper")"),
         A, ok);
  expect(with_activity(R"("kind": "attendance", "date": "2019-05-01", "meeting": "regional", "minutes": 30, "minutes": "x")"), A, ok);
  expect(with_activity(R"("minutes": 30, "start": {"a": [1]}, "kind": "attendance", "date": "2019-05-01", "meeting": "regional")"),
         A, ok);
  expect(with_activity(R"("start": "2018-04-01", "end": "2020-03-31", "date": "2018-04-01", "kind": "school_doctor")"), A, ok);
  expect(with_activity(R"("kind": "exam_duty", "date": "2019-05-01", "counted_in_old": true)"), A, ok);
  // Nesting inside the fast path's limit.
  expect(applicant(R"("x": )" + nested(30, "1")), A, ok);
  expect(applicant(R"("x": )" + nested(31, "")), A, ok);
}

TEST_CASE("fast path: it bails wherever the careful path refuses", "[facts][fast]") {
  const Fast B = Fast::bails;
  const Careful no = Careful::rejects;
  // Not UTF-8, anywhere.
  expect(with_course("\"title\": \"caf\xe9\""), B, no);
  expect(applicant("\"x\": \"\xc3\x28\""), B, no);
  expect(applicant("\"x\xff\": 1"), B, no);
  expect(applicant("\"x\": \"\xed\xa0\x80\""), B, no);  // an encoded surrogate
  // Not one object.
  for (const char* text : {"", " ", "[]", "\"x\"", "1", "null", "true", "{", "}", "\xef\xbb\xbf{}"}) expect(text, B, no);
  // Content after it.
  for (const std::string& after : {std::string(" x"), std::string("{}"), std::string(","), std::string(1, '\0'),
                                    std::string(" \0 ", 3), std::string("\n\n1")})
    expect(applicant("") + after, B, no);
  // Malformed JSON, in read and in ignored fields alike.
  for (const char* bad : {R"("x": tru)", R"("x": nulll)", R"("x": fals)", R"("x": True)", R"("x": [1 2])",
                          R"("x": [1,])", R"("x": {"a": 1,})", R"("x": {"a" 1})", R"("x": {"a": 1 "b": 2})",
                          R"("x": [)", R"("x": {)", R"("x": "open)", R"("x": {1: 2})", R"("x": 'a')",
                          R"("x": 01)", R"("x": 1.)", R"("x": .5)", R"("x": -)", R"("x": +1)", R"("x": 1e)",
                          R"("x": 1e+)", R"("x": --1)", R"("x": 0x10)", R"("x": 1.5.5)", R"("x": Infinity)",
                          R"("x": NaN)", R"("x": -.5)", R"("x": 1 x)", R"("x": "a" "b")", R"("x" "y")", R"("x"::1)"})
    expect(applicant(bad), B, no);
  expect(R"({"id": "A-1", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true,})", B, no);
  expect(R"({"id": "A-1" "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true})", B, no);
  expect(R"({"id": "A-1", "renewal_year" 2021, "prior_renewals": 0, "work_declaration": true})", B, no);
  expect(R"({"id": "A-1", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": tru})", B, no);
  expect(applicant(R"("cases": [)" + case_item + ",]"), B, no);
  expect(applicant(R"("cases": [)" + case_item + " " + case_item + "]"), B, no);
  expect(applicant(R"("cases": [)" + case_item), B, no);
  expect(applicant(R"("old_points": 01)"), B, no);
  expect(applicant(R"("old_points": 1.)"), B, no);
  expect(applicant(R"("old_points": -)"), B, no);
  expect(applicant(R"("old_points": 1x)"), B, no);
  expect(applicant(R"("old_points": 1"x")"), B, no);
  // Raw control characters and bad escapes in strings, read or ignored.
  expect(with_course("\"title\": \"tab\there\""), B, no);
  expect(applicant("\"x\": \"a\x01\""), B, no);
  expect(applicant("\"x\": \"new\nline\""), B, no);
  for (const char* esc : {R"(\x)", R"(\u12G4)", R"(\u12)", R"(\ud800)", R"(\ud800\u0041)", R"(\udc00)",
                          R"(\udbff\udbff)", R"(\ud800\n)", R"(\U0041)", R"(\')", R"(\a)", R"(\)"}) {
    expect(with_course(std::string(R"("title": "a)") + esc + "\""), B, no);
    expect(applicant(std::string(R"("x": "a)") + esc + "\""), B, no);
  }
  // Fields: duplicates (null included), null where required, wrong types.
  expect(applicant(R"("id": "A-2")"), B, no);
  expect(applicant(R"("clinical_record": null, "clinical_record": true)"), B, no);
  expect(with_activity(R"("kind": "attendance", "kind": "attendance", "date": "2019-05-01", "meeting": "regional")"), B, no);
  expect(with_activity(R"("meeting": "regional", "date": "2019-05-01", "meeting": "regional", "kind": "attendance")"), B, no);
  expect(R"({"id": "A-1", "renewal_year": null, "prior_renewals": 0, "work_declaration": true})", B, no);
  expect(R"({"id": null, "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true})", B, no);
  expect(with_activity(R"("kind": null, "date": "2019-05-01")"), B, no);
  expect(R"({"id": "A-1", "renewal_year": "2021", "prior_renewals": 0, "work_declaration": true})", B, no);
  expect(R"({"id": 1, "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true})", B, no);
  expect(R"({"id": "A-1", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": 1})", B, no);
  expect(applicant(R"("cases": {})"), B, no);
  expect(applicant(R"("cases": [1])"), B, no);
  expect(applicant(R"("cases": [[]])"), B, no);
  expect(with_course(R"("approved": "yes")"), B, no);
  // Enumerations, dates, numbers out of range, bounds or kind.
  expect(with_course(R"("topic": "safetyx")"), B, no);
  expect(with_course(R"("topic": "Safety")"), B, no);
  expect(with_course(R"("topic": "")"), B, no);
  expect(with_activity(R"("kind": "lecture", "date": "2019-05-01")"), B, no);
  for (const char* date : {"2021-02-30", "2021-2-3", "0999-01-01", "2021-13-01", "2021-00-10", "2021-01-32", "2021-01-1x",
                           "2021-01-01 ", "20210101", ""})
    expect(applicant(std::string(R"("courses": [{"date": ")") + date +
                     R"(", "category": "common", "minutes": 60, "host": "jsprs"}])"),
           B, no);
  expect(applicant(R"("old_points": 9223372036854775808)"), B, no);
  expect(applicant(R"("old_points": 1e19)"), B, no);
  expect(applicant(R"("old_points": 2021.5)"), B, no);
  expect(applicant(R"("old_points": 1.23456789012345678901)"), B, no);
  expect(applicant(R"("old_points": -1)"), B, no);
  expect(R"({"id": "A-1", "renewal_year": 2021, "prior_renewals": -1, "work_declaration": true})", B, no);
  expect(applicant(R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 0, "host": "jsprs"}])"), B, no);
  // Missing required fields: the applicant's, a variant's, the discriminant.
  expect(R"({"id": "A-1", "renewal_year": 2021, "prior_renewals": 0})", B, no);
  expect(with_activity(R"("kind": "paper", "date": "2019-05-01")"), B, no);
  expect(with_activity(R"("authorship": "first", "date": "2019-05-01")"), B, no);
  expect(with_activity(R"("date": "2019-05-01")"), B, no);
  expect(with_activity(""), B, no);
  // Limits: a string one byte too long, a list one item too long, nesting.
  expect(with_course(R"("title": ")" + std::string(limits::max_string_length + 1, 'x') + R"(")"), B, no);
  {
    std::string many = R"("cases": [)";
    for (std::size_t i = 0; i <= limits::max_list_length; ++i) many += (i ? ",{" : "{") + std::string(R"("date":"2019-06-01","list":"surgery"})");
    expect(applicant(many + "]"), B, no);
  }
  expect(applicant(R"("x": )" + nested(limits::max_json_depth, "1")), B, no);
  expect(applicant(R"("x": )" + nested(5000, "")), B, no);
}

TEST_CASE("fast path: it may bail on what the careful path accepts", "[facts][fast]") {
  const Fast B = Fast::bails;
  const Careful ok = Careful::accepts;
  // Keys written with escapes (the careful path unescapes them).
  expect(R"({"\u0069d": "A-3", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true})", B, ok);
  expect(applicant(R"("\u0078": 1)"), B, ok);
  expect(applicant(R"("x": {"\n": 1})"), B, ok);
  expect(with_activity(R"("\u006bind": "paper", "date": "2019-05-01", "authorship": "first")"), B, ok);
  // Nesting past the fast path's limit but within the careful path's.
  expect(applicant(R"("x": )" + nested(31, "1")), B, ok);
  expect(applicant(R"("x": )" + nested(40, "")), B, ok);
}

TEST_CASE("fast path: other schemas", "[facts][fast]") {
  const Fast A = Fast::accepts, B = Fast::bails;
  const Careful ok = Careful::accepts, no = Careful::rejects;

  SECTION("a discriminant with a default, decimals and long names") {
    Schema s;
    s.enums = {{"shape.kind", {"circle", "square"}}};
    RecordSchema shape{"shape", {}, 0, {{"circle"}, {"square"}}};
    auto kind = with_default(enum_field("kind", 0), Value::enumeration(0, 1));
    auto radius = in_variant(field("radius", FieldKind::decimal), 0);
    auto side = in_variant(with_default(integer("side"), Value::integer(1)), 1);
    auto weight = with_default(field("weight", FieldKind::decimal), Value::number(Rational{1, 2}));
    weight.bound = Bound::gt;
    weight.bound_value = Rational{1, 4};
    auto label = with_default(field("a_name_of_exactly_15", FieldKind::string), Value::string(""));
    label.name = "fifteen_bytes_x";
    auto longer = with_default(field("a_field_name_longer_than_sixteen", FieldKind::boolean), Value::boolean(false));
    shape.fields = {kind, radius, side, weight, label, longer};
    s.records = {shape};
    expect(s, R"({"radius": 3})", A, ok);  // a square: radius ignored
    expect(s, R"({"radius": 3, "kind": "circle"})", A, ok);
    expect(s, R"({"kind": null, "side": 4})", A, ok);
    expect(s, R"({"side": 4, "kind": null})", A, ok);
    expect(s, R"({"kind": "circle", "radius": 1.50})", A, ok);
    expect(s, R"({"kind": "circle", "radius": -2.5e-3, "weight": 0.3})", A, ok);
    expect(s, R"({"kind": "circle", "radius": 1, "weight": 0.25})", B, no);  // not > 1/4
    expect(s, R"({"kind": "circle"})", B, no);
    expect(s, R"({"kind": "circle", "radius": 1, "radius": 2})", B, no);
    expect(s, R"({"kind": "square", "side": 1.5})", B, no);
    expect(s, R"({"fifteen_bytes_x": "a", "a_field_name_longer_than_sixteen": true})", A, ok);
    expect(s, R"({"fifteen_bytes_": "a", "a_field_name_longer_than_sixteeN": true, "fifteen_bytes_xy": 1})", A, ok);
    expect(s, R"({"kind": "circle", "radius": 1e-19})", B, no);  // too many digits to hold exactly
  }

  SECTION("an optional discriminant") {
    Schema s;
    s.enums = {{"k", {"a", "b"}}};
    RecordSchema r{"r", {}, 0, {{"a"}, {"b"}}};
    auto kind = enum_field("kind", 0);
    kind.required = false;
    kind.optional = true;
    r.fields = {kind, in_variant(integer("x"), 0), in_variant(with_default(integer("y"), Value::integer(7)), 1)};
    s.records = {r};
    expect(s, R"({})", A, ok);
    expect(s, R"({"x": "not read", "y": [1]})", A, ok);  // no variant: both ignored
    expect(s, R"({"kind": null, "x": 1})", A, ok);
    expect(s, R"({"x": 1, "kind": "a"})", A, ok);
    expect(s, R"({"y": 2, "kind": "b"})", A, ok);
    expect(s, R"({"kind": "a"})", B, no);
  }

  SECTION("more than 64 fields: always the careful path") {
    Schema s;
    RecordSchema r{"wide", {}, -1, {}};
    for (int i = 0; i < 70; ++i) r.fields.push_back(with_default(integer("f" + std::to_string(i)), Value::integer(0)));
    s.records = {r};
    expect(s, R"({"f1": 1, "f69": 2})", B, ok);
  }
}

TEST_CASE("fast path: its string scanners agree", "[facts][fast]") {
  // Random text over the bytes that matter (quote, backslash, controls,
  // ASCII, non-ASCII), padded as the reader's input is: every version finds
  // the same first stop from every offset.
  std::mt19937 rng(7);
  const std::string alphabet = std::string("\"\\\x01\x1f\x20\x7f\x80\xff" "abc~") + '\0';
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t n = rng() % 80;
    for (std::size_t i = 0; i < n; ++i)
      text += rng() % 4 ? static_cast<char>('a' + rng() % 26) : alphabet[rng() % alphabet.size()];
    text.append(64, '\0');
    for (std::size_t at = 0; at <= n; ++at) {
      const char* p = text.data() + at;
      const char* want = scan::string_stop_bytes(p);
      CHECK(scan::string_stop_swar(p) == want);
#if defined(__SSE2__)
      CHECK(scan::string_stop_sse2(p) == want);
#endif
      CHECK(scan::string_stop(p) == want);
    }
  }
}

TEST_CASE("fast path: patterns match a name and its closing quote only", "[facts][fast]") {
  scan::Pattern date;
  date.set("date");
  const std::string padding(64, '\0');
  CHECK(date.matches((std::string("date\":") + padding).c_str()));
  CHECK_FALSE(date.matches((std::string("dates\"") + padding).c_str()));
  CHECK_FALSE(date.matches((std::string("dat\"") + padding).c_str()));
  CHECK_FALSE(date.matches((std::string("Date\"") + padding).c_str()));
  scan::Pattern fifteen;
  fifteen.set("fifteen_bytes_x");
  CHECK(fifteen.matches((std::string("fifteen_bytes_x\"") + padding).c_str()));
  CHECK_FALSE(fifteen.matches((std::string("fifteen_bytes_xy") + padding).c_str()));
  scan::Pattern sixteen;
  sixteen.set("sixteen_bytes_xy");  // too long to hold with its quote: never matches
  CHECK_FALSE(sixteen.matches((std::string("sixteen_bytes_xy\"") + padding).c_str()));
  scan::Pattern none;
  CHECK_FALSE(none.matches(padding.c_str()));
  scan::Pattern empty;
  empty.set("");
  CHECK(empty.matches((std::string("\"") + padding).c_str()));
}

TEST_CASE("fast path: the month cache gives exactly what dates::parse gives", "[facts][fast]") {
  // Every day number 00..39 of months 00..13 of years around the leap-year
  // rules, each read twice (a miss that fills the cache, then a hit), with
  // other months read in between so that entries are replaced.
  MonthCache cache;
  char text[32] = {};  // the cache reads the 10 bytes only
  std::size_t accepted = 0;
  for (int round = 0; round < 2; ++round) {
    for (int year : {1000, 1600, 1700, 1900, 1999, 2000, 2019, 2020, 2021, 2024, 2100, 2400, 9999}) {
      for (int month = 0; month <= 13; ++month) {
        for (int day = 0; day <= 39; ++day) {
          std::snprintf(text, 11, "%04d-%02d-%02d", year, month, day);
          const auto want = dates::parse({text, 10});
          INFO(std::string(text, 10));
          CHECK(cache.parse(text) == want);
          CHECK(cache.parse(text) == want);
          accepted += want ? 1 : 0;
        }
      }
    }
  }
  CHECK(accepted == 2 * (13 * 365 + 5));  // 13 years, 5 of them leap: 1600, 2000, 2020, 2024, 2400
  // The day's two bytes after a month the cache holds: only digits are days.
  for (const char* odd : {"2020-01-0x", "2020-01-x1", "2020-01-1 ", "2020-01- 1", "2020-01-/1", "2020-01-:1", "2020-01-1:",
                          "2020-01-\x001", "2020-01-1\x00"}) {
    std::memcpy(text, odd, 10);
    CHECK(cache.parse("2020-01-15") == dates::parse("2020-01-15"));
    CHECK_FALSE(cache.parse(text).has_value());
  }
}
