#include <catch2/catch.hpp>

#include "interpreter/facts/facts_messages.hpp"
#include "tests/unit/facts_test_schema.hpp"

using namespace kijun;
using namespace kijun::facts;
using namespace kijun::facts_testing;

TEST_CASE("type errors say what was expected and what was found", "[facts]") {
  Reader r;
  CHECK_FALSE(r.read(R"({"renewal_year": "2021", "id": "A-9", "prior_renewals": -1, "work_declaration": 1})"));
  REQUIRE(r.diags.size() == 3);
  CHECK(r.diags[0].message == R"(expected an integer, got a string ("2021"))");
  CHECK(r.diags[0].json_path == "$.renewal_year");
  CHECK(r.diags[0].subject == "applicant 'A-9'");  // the id came later in the text
  CHECK(r.diags[1].message == "expected an integer >= 0, got -1");
  CHECK(r.diags[1].json_path == "$.prior_renewals");
  CHECK(r.diags[2].message == "expected true or false, got 1");
  CHECK(r.diags[2].subject == "applicant 'A-9'");
  CHECK(r.reader.last_id() == "A-9");

  CHECK_FALSE(r.read(R"({"id": "A-1", "renewal_year": 1.5, "prior_renewals": 0, "work_declaration": true})"));
  CHECK(r.only().message == "expected an integer, got 1.5");
  CHECK(bad(R"("old_points": -5)").message == "expected an integer >= 0 points, got -5");
  CHECK(bad(R"("old_points": [])").message == "expected an integer >= 0 points, got an array");
  CHECK(bad(R"("clinical_record": "true")").message == R"(expected true or false, got a string ("true"))");
  CHECK(bad(R"("cases": {})").message == "expected an array of case records, got an object");
  CHECK(bad(R"("courses": ["x"])").message == "expected an object (a course record), got a string");
  CHECK(bad(R"("courses": [null])").message == "expected an object (a course record), got null");

  auto d = bad(course(R"("date": "2019-06-01", "category": "common", "minutes": -30, "host": "jsprs")"));
  CHECK(d.message == "expected an integer > 0 minutes, got -30");
  CHECK(d.json_path == "$.courses[1].minutes");
  CHECK(d.subject == "applicant 'A-1'");
  CHECK(bad(course(R"("date": "2019-06-01", "category": "common", "minutes": 0, "host": "jsprs")")).message ==
        "expected an integer > 0 minutes, got 0");
  CHECK(bad(course(R"("date": "2019-06-01", "category": "common", "minutes": "60", "host": "jsprs")")).message ==
        R"(expected an integer > 0 minutes, got a string ("60"))");
  CHECK(bad(course(R"("date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs", "title": 7)")).message ==
        "expected a string, got 7");
}

TEST_CASE("dates must exist", "[facts]") {
  auto date = [](const char* text) {
    return bad(course(std::string(R"("date": )") + text + R"(, "category": "common", "minutes": 60, "host": "jsprs")")).message;
  };
  CHECK(date(R"("2021-02-30")") == R"(expected a date "YYYY-MM-DD", got "2021-02-30" (no such date))");
  CHECK(date(R"("2021-13-01")") == R"(expected a date "YYYY-MM-DD", got "2021-13-01" (no such date))");
  CHECK(date(R"("2021-1-01")") == R"(expected a date "YYYY-MM-DD", got "2021-1-01")");
  CHECK(date(R"("0999-01-01")") == R"(expected a date "YYYY-MM-DD", got "0999-01-01" (years run from 1000 to 9999))");
  CHECK(date(R"("2021-01-01T10:00")") == R"(expected a date "YYYY-MM-DD", got "2021-01-01T10:00")");
  CHECK(date("20210101") == R"(expected a date "YYYY-MM-DD", got 20210101)");
}

TEST_CASE("enumerations name the choices and suggest near misses", "[facts]") {
  auto d = bad(course(R"("date": "2019-06-01", "category": "common", "minutes": 60, "host": "dinner")"));
  CHECK(d.message == R"(unknown value "dinner" for host; expected one of: jsprs, facility, medical_association, )"
                     "other_specialty, commercial, cohosted");
  CHECK(d.hint.empty());
  CHECK(d.json_path == "$.courses[1].host");
  d = bad(course(R"("date": "2019-06-01", "category": "common", "minutes": 60, "host": "facilty")"));
  CHECK(d.hint == "did you mean 'facility'?");
  d = bad(course(R"("date": "2019-06-01", "category": "common", "minutes": 60, "host": "Jsprs")"));
  CHECK(d.hint == "did you mean 'jsprs'?");
  d = bad(course(R"("date": "2019-06-01", "category": "common", "minutes": 60, "host": 3)"));
  CHECK(d.message == "expected a string, one of: jsprs, facility, medical_association, other_specialty, "
                     "commercial, cohosted; got 3");

  d = bad(R"("activities": [{"date": "2019-05-01", "kind": "banquet", "meeting": "nowhere"}])");
  CHECK(d.message == R"(unknown kind "banquet"; expected one of: attendance, presentation, paper, review, )"
                     "exam_duty, public_lecture, school_doctor, accident_committee");
  CHECK(d.json_path == "$.activities[0].kind");
  d = bad(R"("activities": [{"date": "2019-05-01", "meeting": "regional"}])");
  CHECK(d.message == "missing required field 'kind'");
  CHECK(d.json_path == "$.activities[0]");
  d = bad(R"("activities": [{"date": "2019-05-01", "kind": "attendance"}])");
  CHECK(d.message == "missing required field 'meeting'");
  d = bad(R"("activities": [{"date": "2019-05-01", "kind": "public_lecture", "minute": 30}])");
  CHECK(d.message == "missing required field 'minutes'");
  CHECK(d.hint == "is 'minute' a misspelling of 'minutes'?");
}

TEST_CASE("every field error of an applicant is reported", "[facts]") {
  Reader r;
  CHECK_FALSE(r.read(R"({"renewal_year": 2021, "courses": [{"date": "2021-02-30", "minutes": 0, "host": "x"}, 5], "id": "B-7"})"));
  std::vector<std::string> paths;
  for (const auto& d : r.diags) {
    paths.push_back(d.json_path + ": " + d.message);
    CHECK(d.subject == "applicant 'B-7'");
  }
  CHECK(paths == std::vector<std::string>{
                     R"($.courses[0].date: expected a date "YYYY-MM-DD", got "2021-02-30" (no such date))",
                     "$.courses[0].minutes: expected an integer > 0 minutes, got 0",
                     R"($.courses[0].host: unknown value "x" for host; expected one of: jsprs, facility, medical_association, other_specialty, commercial, cohosted)",
                     "$.courses[0]: missing required field 'category'",
                     "$.courses[1]: expected an object (a course record), got a number",
                     "$: missing required field 'prior_renewals'",
                     "$: missing required field 'work_declaration'",
                 });

  std::string many = R"({"id": "C-1", "courses": [)";
  for (int i = 0; i < 30; ++i) many += std::string(i ? "," : "") + R"({"date": "2019-06-01", "category": "common", "minutes": -1, "host": "jsprs"})";
  many += "]}";
  CHECK_FALSE(r.read(many));
  REQUIRE(r.diags.size() == FactsReader::max_errors + 1);
  CHECK(r.diags.back().severity == Severity::note);
  CHECK(r.diags.back().message == "13 more errors in this applicant not shown");  // 30 + 3 missing - 20
}

TEST_CASE("duplicate fields are refused", "[facts]") {
  auto d = bad(R"("clinical_record": true, "clinical_record": false)");
  CHECK(d.message == "duplicate field 'clinical_record'");
  CHECK(d.json_path == "$.clinical_record");
  d = bad(R"("activities": [{"kind": "exam_duty", "date": "2019-05-01", "kind": "review"}])");
  CHECK(d.message == "duplicate field 'kind'");
}

TEST_CASE("malformed JSON is one error at $", "[facts]") {
  Reader r;
  auto malformed = [&](const std::string& json) {
    CHECK_FALSE(r.read(json));
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].json_path == "$");
    return r.diags[0].message;
  };
  CHECK(malformed(R"({"id": "A", "renewal_year": 2021,})") ==
        "malformed JSON at column 34: misplaced or missing comma, colon, brace or bracket (found '}')");
  CHECK(r.diags[0].subject == "applicant 'A'");
  CHECK(malformed(R"({"id": "A" "renewal_year": 2021})") ==
        "malformed JSON at column 12: misplaced or missing comma, colon, brace or bracket (found '\"')");
  CHECK(malformed(R"({"id": "A", "renewal_year": 2021)") ==
        "malformed JSON: unexpected end of input: an object or array is not closed");
  CHECK(malformed(R"({"id": "A"} x)") == "malformed JSON at column 13: unexpected content after the object");
  CHECK(malformed(R"({"id": "A"}{})") == "malformed JSON at column 12: unexpected content after the object");
  CHECK(malformed(R"({"id": "A"},)") == "malformed JSON at column 12: unexpected content after the object");
  CHECK(malformed(R"({"id": "A\q"})") == "malformed JSON at column 8: invalid escape sequence in a string");
  CHECK(malformed(R"({"id": "A)") == "malformed JSON at column 8: a string is not closed");
  // The string left open, not the last quote of the text, which simdjson's
  // quote pairing calls unclosed.
  CHECK(malformed("{\n  \"id\": \"A,\n  \"renewal_year\": 2021\n}") ==
        "malformed JSON at line 2, column 9: a string is not closed");
  CHECK(malformed(R"({"id": "A, "renewal_year": 2021, "prior_renewals": 0})") ==
        "malformed JSON at column 8: a string is not closed");
  // Ignored fields are still checked.
  CHECK(malformed(R"({"id": "A", "x": "\u00zz"})") == "malformed JSON at column 18: invalid escape sequence in a string");
  CHECK(malformed(R"({"id": "A", "x\q": 1})") == "malformed JSON at column 13: invalid escape sequence in a string");
  CHECK(malformed(R"({"id": "A", "x": [1, 2.]})") == R"(malformed JSON at column 22: invalid number "2.")");
  CHECK(malformed("{\"id\": \"A\tB\"}").find("control character inside a string") != std::string::npos);
  CHECK(malformed("{\"id\": \"\xff\"}") == "malformed JSON at column 9: the text is not valid UTF-8 (byte 0xFF)");
  CHECK(malformed(R"({"id": "A", "renewal_year": 01})") == R"(malformed JSON at column 29: invalid number "01")");
  CHECK(malformed(R"({"id": "A", "x": [1, tru]})").find("invalid literal") != std::string::npos);
  CHECK(malformed(R"({"id": "A", "x": {"y": -}})").find("invalid number") != std::string::npos);
  CHECK(malformed(R"({"id": "A", "x": nul})").find("invalid literal") != std::string::npos);
  CHECK(malformed("").find("malformed JSON: empty input") == 0);
  CHECK(malformed(std::string(200, '[') + std::string(200, ']')).find("a JSON object") != std::string::npos);
  CHECK(malformed(R"({"x": )" + std::string(200, '[') + std::string(200, ']') + "}") ==
        "malformed JSON at column 106: nested more than 100 levels deep (limit max_json_depth)");
  // Field errors found before the break are dropped in favour of the break.
  CHECK(malformed(R"({"id": "A", "renewal_year": "x", ])").find("malformed JSON") == 0);
}

TEST_CASE("the top level must be one object", "[facts]") {
  Reader r;
  CHECK_FALSE(r.read("[1, 2]"));
  CHECK(r.only().message == "expected a JSON object (one applicant), got an array");
  CHECK(r.only().json_path == "$");
  CHECK_FALSE(r.read(R"("applicant")"));
  CHECK(r.only().message == "expected a JSON object (one applicant), got a string");
  CHECK_FALSE(r.read("null"));
  CHECK(r.only().message == "expected a JSON object (one applicant), got null");
  CHECK(r.reader.last_id().empty());
}

TEST_CASE("input over max_bytes is refused without parsing", "[facts]") {
  Reader r;
  std::string huge(FactsReader::max_bytes + 1, ' ');
  CHECK_FALSE(r.read(huge));
  CHECK(r.only().message == "the applicant's JSON is more than 16,777,216 bytes (limit max_json_size)");
  // At the limit it is read (and found to be no JSON at all).
  huge.pop_back();
  CHECK_FALSE(r.read(huge));
  CHECK(r.only().message == "malformed JSON: empty input");
}

TEST_CASE("damaged input never crashes the reader", "[facts]") {
  Reader r;
  std::string json = example("not-eligible-2022-mandatory");
  REQUIRE(r.read(json));
  // Every prefix, and a byte changed at many positions to characters that
  // matter to JSON: no exception, no crash (ASan/UBSan builds), and a failed
  // read always says why.
  for (std::size_t n = 0; n < json.size(); n += 7) {
    bool ok = r.read(std::string_view(json).substr(0, n));
    REQUIRE((!ok && !r.diags.empty()));
  }
  std::uint32_t seed = 12345;
  const char swaps[] = "{}[]\":,\\ 0-.etnf\x01\xc3";
  for (int i = 0; i < 3000; ++i) {
    seed = seed * 1103515245u + 12345u;
    std::string m = json;
    m[(seed >> 8) % m.size()] = swaps[(seed >> 3) % (sizeof swaps - 1)];
    bool ok = r.read(m);
    REQUIRE((ok || !r.diags.empty()));
  }
}

TEST_CASE("near misses: at most two edits, a swap counting one", "[facts]") {
  const std::vector<std::string> hosts = jsprs_schema().enums[host].members;
  CHECK(detail::closest("facilty", hosts) == "facility");
  CHECK(detail::closest("facliity", hosts) == "facility");   // one swap
  CHECK(detail::closest("fcaility", hosts) == "facility");   // one swap
  CHECK(detail::closest("fcailtiy", hosts) == "facility");   // two swaps
  CHECK(detail::closest("commerical", hosts) == "commercial");
  CHECK(detail::closest("dinner", hosts).empty());
  CHECK(detail::closest("", hosts).empty());
  CHECK(detail::closest("xy", {"ab"}).empty());  // as long as the name: no suggestion
  CHECK(detail::closest("domian", {"common", "domain"}) == "domain");
}
