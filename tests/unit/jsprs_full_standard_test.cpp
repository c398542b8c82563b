// The full standard (renewal years 2020 onward) of rulesets/jsprs, rule by
// rule: each test builds a small applicant and checks the units it earns.
// The renewal year is 2021 (window 2017-01-01 … 2021-12-31) unless stated.
#include <catch2/catch.hpp>

#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
using testing::applicant;

namespace {

Verdict run(const std::string& fields) {
  auto out = testing::evaluate(testing::jsprs(), applicant(fields));
  INFO(out.diagnostics);
  REQUIRE(out.ok);
  return out.verdict;
}

const CategoryVerdict& cat(const Verdict& v, const std::string& name) {
  for (const auto& c : v.categories)
    if (c.name == name) return c;
  FAIL("no category " << name);
  throw;
}

std::string earned(const Verdict& v, const std::string& name) { return rational::to_string(cat(v, name).earned); }
std::string counted(const Verdict& v, const std::string& name) { return rational::to_string(cat(v, name).counted); }

std::string report(const Verdict& v, const std::string& name) {
  for (const auto& [k, json] : v.reports)
    if (k == name) return json;
  return "(none)";
}

bool unmet(const Verdict& v, const std::string& rule) {
  for (const auto& u : v.unmet)
    if (u.rule == rule) return true;
  return false;
}

std::string surgeries(int n, const char* role = "operator", const char* date = "2019-06-01") {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += std::string(i ? "," : "") + R"({"date": ")" + date + R"(", "list": "surgery", "role": ")" + role + R"("})";
  return s;
}

std::string course(const std::string& fields) { return "{\"date\": \"2019-06-01\", " + fields + "}"; }

std::string activity(const std::string& fields) { return "{\"date\": \"2019-06-01\", " + fields + "}"; }

// A complete applicant that meets every requirement with units to spare.
std::string passing(const std::string& extra_courses = "") {
  std::string courses = course(R"("category": "common", "topic": "safety", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "common", "topic": "infection", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "common", "topic": "ethics", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "domain", "minutes": 900, "host": "jsprs")") + "," +
                        course(R"("category": "domain", "minutes": 900, "host": "jsprs")") + extra_courses;
  std::string acts = activity(R"("kind": "attendance", "meeting": "jsprs_annual")") + "," +
                     activity(R"("kind": "attendance", "meeting": "jsprs_basic")") + "," +
                     activity(R"("kind": "paper", "authorship": "first", "peer_reviewed": true, "approved_journal": true)") + "," +
                     activity(R"("kind": "paper", "authorship": "first", "peer_reviewed": true, "approved_journal": true)") + "," +
                     activity(R"("kind": "paper", "authorship": "first", "peer_reviewed": true, "approved_journal": true)");
  return R"("clinical_record": true, "cases": [)" + surgeries(100) + R"(], "courses": [)" + courses +
         R"(], "activities": [)" + acts + "]";
}

}  // namespace

TEST_CASE("a complete applicant renews as board", "[jsprs][full]") {
  Verdict v = run(passing());
  CHECK(v.outcome == "board");
  CHECK(v.unmet.empty());
  CHECK(rational::to_string(v.total) == "55");  // 10 + 3 + 30 + 12 (attendance 6, papers 6)
  CHECK(report(v, "path") == "\"full\"");
}

TEST_CASE("i) 10 cases make 1 unit, rounded down, capped at 10", "[jsprs][full][clinical]") {
  CHECK(earned(run(R"("cases": [)" + surgeries(9) + "]"), "clinical") == "0");
  CHECK(earned(run(R"("cases": [)" + surgeries(10) + "]"), "clinical") == "1");
  CHECK(earned(run(R"("cases": [)" + surgeries(19) + "]"), "clinical") == "1");
  Verdict v = run(R"("cases": [)" + surgeries(134) + "]");
  CHECK(earned(v, "clinical") == "13");
  CHECK(counted(v, "clinical") == "10");
  CHECK(report(v, "cases_counted") == "134");
}

TEST_CASE("i) only operators and instructors count; other roles are valid and do not", "[jsprs][full][clinical]") {
  Verdict v = run(R"("cases": [)" + surgeries(10, "operator") + "," + surgeries(10, "instructor") + "," +
                  surgeries(10, "assistant") + R"(, {"date": "2019-06-01", "list": "surgery"}])");
  CHECK(report(v, "cases_counted") == "20");
}

TEST_CASE("i) a clinical-list case counts only with diagnosis, treatment, outcome and facility", "[jsprs][full][clinical]") {
  std::string full = R"({"date": "2019-06-01", "list": "clinical", "diagnosis": "熱傷", "treatment": "植皮術", "outcome": "治癒", "facility": "市立病院"})";
  std::string missing = R"({"date": "2019-06-01", "list": "clinical", "diagnosis": "熱傷", "treatment": "植皮術", "outcome": "", "facility": "市立病院"})";
  Verdict v = run(R"("cases": [)" + full + "," + missing + "]");
  CHECK(report(v, "cases_counted") == "1");
}

TEST_CASE("② needs the clinical record and 100 counted cases", "[jsprs][full][clinical]") {
  CHECK(unmet(run(R"("clinical_record": false, "cases": [)" + surgeries(100) + "]"), "clinical_practice"));
  CHECK(unmet(run(R"("clinical_record": true, "cases": [)" + surgeries(99) + "]"), "clinical_practice"));
  CHECK(!unmet(run(R"("clinical_record": true, "cases": [)" + surgeries(100) + "]"), "clinical_practice"));
  // The cases earn their units either way.
  CHECK(earned(run(R"("clinical_record": false, "cases": [)" + surgeries(100) + "]"), "clinical") == "10");
}

TEST_CASE("the renewal window is 1 January of Y-4 to 31 December of Y, edges included", "[jsprs][full][window]") {
  CHECK(report(run(R"("cases": [)" + surgeries(1, "operator", "2016-12-31") + "]"), "cases_counted") == "0");
  CHECK(report(run(R"("cases": [)" + surgeries(1, "operator", "2017-01-01") + "]"), "cases_counted") == "1");
  CHECK(report(run(R"("cases": [)" + surgeries(1, "operator", "2021-12-31") + "]"), "cases_counted") == "1");
  CHECK(report(run(R"("cases": [)" + surgeries(1, "operator", "2022-01-01") + "]"), "cases_counted") == "0");
  CHECK(report(run(R"("renewal_year": 2021)"), "window") == R"(["2017-01-01","2021-12-31"])");
  std::string out = R"({"date": "2016-12-31", "category": "domain", "minutes": 60, "host": "jsprs"})";
  std::string in = R"({"date": "2017-01-01", "category": "domain", "minutes": 60, "host": "jsprs"})";
  CHECK(earned(run(R"("courses": [)" + out + "," + in + "]"), "domain") == "1");
  std::string act_out = R"({"date": "2022-01-01", "kind": "presentation", "role": "chair"})";
  CHECK(earned(run(R"("activities": [)" + act_out + "]"), "academic") == "0");
}

TEST_CASE("2019's full standard counts only from 1 April 2015", "[jsprs][full][window]") {
  CHECK(report(run(R"("renewal_year": 2019)"), "window") == R"(["2015-04-01","2019-12-31"])");
  Verdict v = run(R"("renewal_year": 2019, "cases": [)" + surgeries(1, "operator", "2015-03-31") + "," +
                  surgeries(1, "operator", "2015-04-01") + "]");
  CHECK(report(v, "cases_counted") == "1");
}

TEST_CASE("ii) one unit per full hour; shorter than an hour earns nothing", "[jsprs][full][common]") {
  auto common = [](int minutes) {
    return earned(run(R"("courses": [)" + course(R"("category": "common", "topic": "other", "host": "jsprs", "minutes": )" +
                                                 std::to_string(minutes)) + "]"),
                  "common");
  };
  CHECK(common(59) == "0");
  CHECK(common(60) == "1");
  CHECK(common(119) == "1");
  CHECK(common(120) == "2");
}

TEST_CASE("ii) a lecturer earns 2 units per full hour", "[jsprs][full][common]") {
  auto lecture = [](int minutes) {
    return earned(run(R"("courses": [)" +
                      course(R"("category": "common", "topic": "other", "host": "jsprs", "role": "lecturer", "minutes": )" +
                             std::to_string(minutes)) + "]"),
                  "common");
  };
  CHECK(lecture(59) == "0");
  CHECK(lecture(90) == "2");
  CHECK(lecture(120) == "4");
}

TEST_CASE("ii) hosts: society, facility and medical association count; others only when approved", "[jsprs][full][common][host]") {
  auto host = [](const std::string& h, bool approved) {
    return earned(run(R"("courses": [)" + course(R"("category": "common", "topic": "other", "minutes": 60, "host": ")" + h +
                                                 R"(", "approved": )" + (approved ? "true" : "false")) + "]"),
                  "common");
  };
  for (const char* h : {"jsprs", "facility", "medical_association"}) CHECK(host(h, false) == "1");
  for (const char* h : {"other_specialty", "commercial", "cohosted"}) {
    CHECK(host(h, false) == "0");
    CHECK(host(h, true) == "1");
  }
}

TEST_CASE("ii) common courses are capped at 10 units, minimum 3", "[jsprs][full][common]") {
  Verdict v = run(R"("courses": [)" + course(R"("category": "common", "topic": "other", "minutes": 720, "host": "jsprs")") + "]");
  CHECK(earned(v, "common") == "12");
  CHECK(counted(v, "common") == "10");
  Verdict low = run(R"("courses": [)" + course(R"("category": "common", "topic": "safety", "minutes": 120, "host": "jsprs")") + "]");
  CHECK(unmet(low, "common_min"));
  Verdict three = run(R"("courses": [)" + course(R"("category": "common", "topic": "safety", "minutes": 180, "host": "jsprs")") + "]");
  CHECK(!unmet(three, "common_min"));
}

TEST_CASE("ii) 必修: each of safety, infection and ethics needs a unit", "[jsprs][full][mandatory]") {
  std::string two = course(R"("category": "common", "topic": "safety", "minutes": 60, "host": "jsprs")") + "," +
                    course(R"("category": "common", "topic": "ethics", "minutes": 60, "host": "jsprs")") + "," +
                    course(R"("category": "common", "topic": "infection", "minutes": 30, "host": "jsprs")");
  Verdict v = run(R"("courses": [)" + two + "]");
  CHECK(unmet(v, "common_mandatory"));
  CHECK(report(v, "mandatory_topics") == R"(["safety","ethics"])");
  for (const auto& u : v.unmet)
    if (u.rule == "common_mandatory")
      CHECK(u.message_en == "ii) 必修講習: 2 of the mandatory topics covered, 3 required; not covered: infection");
  Verdict all = run(passing());
  CHECK(!unmet(all, "common_mandatory"));
  CHECK(report(all, "mandatory_topics") == R"(["safety","infection","ethics"])");
  // A mandatory course from an unapproved commercial host does not cover its topic.
  Verdict com = run(R"("courses": [)" + course(R"("category": "common", "topic": "safety", "minutes": 60, "host": "commercial")") + "]");
  CHECK(report(com, "mandatory_topics") == "[]");
}

TEST_CASE("iii) domain courses: hours, lecturers 2 per lecture, hosts", "[jsprs][full][domain][host]") {
  auto domain = [](const std::string& fields) {
    return earned(run(R"("courses": [)" + course(R"("category": "domain", )" + fields) + "]"), "domain");
  };
  CHECK(domain(R"("minutes": 59, "host": "jsprs")") == "0");
  CHECK(domain(R"("minutes": 150, "host": "jsprs")") == "2");
  CHECK(domain(R"("minutes": 60, "host": "jsprs", "role": "lecturer")") == "2");
  CHECK(domain(R"("minutes": 240, "host": "jsprs", "role": "lecturer")") == "2");
  CHECK(domain(R"("minutes": 30, "host": "jsprs", "role": "lecturer")") == "0");
  CHECK(domain(R"("minutes": 60, "host": "cohosted")") == "0");
  CHECK(domain(R"("minutes": 60, "host": "cohosted", "approved": true)") == "1");
  CHECK(domain(R"("minutes": 60, "host": "commercial", "approved": true)") == "0");
  CHECK(domain(R"("minutes": 60, "host": "facility")") == "0");
  CHECK(domain(R"("minutes": 60, "host": "facility", "approved": true)") == "1");
  CHECK(domain(R"("minutes": 60, "host": "medical_association", "approved": true)") == "1");
}

TEST_CASE("iii) domain is capped at 31 units, minimum 15", "[jsprs][full][domain]") {
  Verdict v = run(R"("courses": [)" + course(R"("category": "domain", "minutes": 2400, "host": "jsprs")") + "]");
  CHECK(earned(v, "domain") == "40");
  CHECK(counted(v, "domain") == "31");
  Verdict low = run(R"("courses": [)" + course(R"("category": "domain", "minutes": 840, "host": "jsprs")") + "]");
  CHECK(unmet(low, "domain_min"));
  for (const auto& u : low.unmet)
    if (u.rule == "domain_min") CHECK(u.message_en == "iii) 形成外科領域講習 14 units < minimum 15");
}

TEST_CASE("iv) attendance: 3, 2 or 1 by meeting, capped at 6 together", "[jsprs][full][academic]") {
  auto meet = [](const std::string& m) {
    return earned(run(R"("activities": [)" + activity(R"("kind": "attendance", "meeting": ")" + m + "\"") + "]"), "academic");
  };
  CHECK(meet("jsprs_annual") == "3");
  CHECK(meet("jsprs_basic") == "3");
  CHECK(meet("regional") == "2");
  CHECK(meet("subspecialty") == "2");
  CHECK(meet("international") == "2");
  CHECK(meet("other_approved") == "1");
  std::string three = activity(R"("kind": "attendance", "meeting": "jsprs_annual")");
  Verdict v = run(R"("activities": [)" + three + "," + three + "," + three + "]");
  CHECK(earned(v, "academic") == "6");
  CHECK(report(v, "academic_parts").find("\"attendance\":6") != std::string::npos);
}

TEST_CASE("iv) presentations 1; papers 2 or 1 only when peer reviewed in an approved journal; reviews 1", "[jsprs][full][academic]") {
  auto acad = [](const std::string& a) { return earned(run(R"("activities": [)" + activity(a) + "]"), "academic"); };
  CHECK(acad(R"("kind": "presentation", "role": "first_presenter")") == "1");
  CHECK(acad(R"("kind": "presentation", "role": "first_coauthor")") == "1");
  CHECK(acad(R"("kind": "presentation", "role": "chair")") == "1");
  CHECK(acad(R"("kind": "paper", "authorship": "first", "peer_reviewed": true, "approved_journal": true)") == "2");
  CHECK(acad(R"("kind": "paper", "authorship": "coauthor", "peer_reviewed": true, "approved_journal": true)") == "1");
  CHECK(acad(R"("kind": "paper", "authorship": "first", "peer_reviewed": false, "approved_journal": true)") == "0");
  CHECK(acad(R"("kind": "paper", "authorship": "first", "peer_reviewed": true)") == "0");
  CHECK(acad(R"("kind": "review", "approved_journal": true)") == "1");
  CHECK(acad(R"("kind": "review")") == "0");
}

TEST_CASE("iv) achievements counted under the old standard do not count again", "[jsprs][full][academic]") {
  auto acad = [](const std::string& a) { return earned(run(R"("activities": [)" + activity(a) + "]"), "academic"); };
  CHECK(acad(R"("kind": "attendance", "meeting": "jsprs_annual", "counted_in_old": true)") == "0");
  CHECK(acad(R"("kind": "presentation", "role": "chair", "counted_in_old": true)") == "0");
  CHECK(acad(R"("kind": "paper", "authorship": "first", "peer_reviewed": true, "approved_journal": true, "counted_in_old": true)") == "0");
  CHECK(acad(R"("kind": "review", "approved_journal": true, "counted_in_old": true)") == "1");
}

TEST_CASE("iv) exam duty 1 and accident committee 2 per fiscal year with any", "[jsprs][full][academic]") {
  auto acts = [](const std::string& kind, std::initializer_list<const char*> dates) {
    std::string s;
    for (auto d : dates) s += std::string(s.empty() ? "" : ",") + "{\"date\": \"" + d + "\", \"kind\": \"" + kind + "\"}";
    return earned(run(R"("activities": [)" + s + "]"), "academic");
  };
  CHECK(acts("exam_duty", {"2019-04-01", "2020-03-31"}) == "1");  // one fiscal year (2019年度)
  CHECK(acts("exam_duty", {"2019-03-31", "2019-04-01"}) == "2");  // two fiscal years
  CHECK(acts("accident_committee", {"2018-05-01", "2018-09-01"}) == "2");
  CHECK(acts("accident_committee", {"2018-05-01", "2019-05-01"}) == "4");
}

TEST_CASE("iv) public lectures earn 1 per full hour", "[jsprs][full][academic]") {
  auto lec = [](int m) {
    return earned(run(R"("activities": [)" + activity(R"("kind": "public_lecture", "minutes": )" + std::to_string(m)) + "]"),
                  "academic");
  };
  CHECK(lec(59) == "0");
  CHECK(lec(60) == "1");
  CHECK(lec(150) == "2");
}

TEST_CASE("iv) school doctor: 2 for at least a year ending in the window, capped at 2", "[jsprs][full][academic]") {
  auto school = [](const char* start, const char* end) {
    return std::string(R"({"date": ")") + start + R"(", "kind": "school_doctor", "start": ")" + start + R"(", "end": ")" +
           end + "\"}";
  };
  auto acad = [](const std::string& list) { return earned(run(R"("activities": [)" + list + "]"), "academic"); };
  CHECK(acad(school("2019-04-01", "2020-03-31")) == "2");  // exactly one year
  CHECK(acad(school("2019-04-01", "2020-03-30")) == "0");  // a day short
  CHECK(acad(school("2020-02-29", "2021-02-28")) == "2");  // the anniversary of 29 February is 1 March
  CHECK(acad(school("2020-02-29", "2021-02-27")) == "0");
  CHECK(acad(school("2019-04-01", "2020-03-31") + "," + school("2020-04-01", "2021-03-31")) == "2");  // cap
  // Started before the window: still counts when its date and end are inside.
  CHECK(acad(R"({"date": "2017-06-01", "kind": "school_doctor", "start": "2015-04-01", "end": "2019-09-01"})") == "2");
  CHECK(acad(school("2021-04-01", "2022-03-31")) == "0");  // ends after the window
}

TEST_CASE("iv) academic is capped at 15 units, minimum 6", "[jsprs][full][academic]") {
  std::string papers;
  for (int i = 0; i < 10; ++i)
    papers += std::string(i ? "," : "") +
              activity(R"("kind": "paper", "authorship": "first", "peer_reviewed": true, "approved_journal": true)");
  Verdict v = run(R"("activities": [)" + papers + "]");
  CHECK(earned(v, "academic") == "20");
  CHECK(counted(v, "academic") == "15");
  Verdict low = run(R"("activities": [)" + activity(R"("kind": "presentation", "role": "chair")") + "]");
  CHECK(unmet(low, "academic_min"));
}

TEST_CASE("① the work declaration is required", "[jsprs][full]") {
  Verdict v = run(passing() + R"(, "work_declaration": false)");
  CHECK(v.outcome == "not_eligible");
  REQUIRE(v.unmet.size() == 1);
  CHECK(v.unmet[0].rule == "work_declaration");
}

TEST_CASE("the total needs 50 units after every cap", "[jsprs][full][total]") {
  // 10 + 3 + 15 + 6 = 34: every category minimum is met, the total is not.
  std::string courses = course(R"("category": "common", "topic": "safety", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "common", "topic": "infection", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "common", "topic": "ethics", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "domain", "minutes": 900, "host": "jsprs")");
  std::string acts = activity(R"("kind": "attendance", "meeting": "jsprs_annual")") + "," +
                     activity(R"("kind": "attendance", "meeting": "jsprs_annual")");
  Verdict v = run(R"("clinical_record": true, "cases": [)" + surgeries(100) + R"(], "courses": [)" + courses +
                  R"(], "activities": [)" + acts + "]");
  CHECK(rational::to_string(v.total) == "34");
  CHECK(v.outcome == "not_eligible");
  REQUIRE(unmet(v, "total_min"));
  for (const auto& u : v.unmet)
    if (u.rule == "total_min") CHECK(u.message_en == "③ new-standard total 34 units < 50 required");
}

TEST_CASE("3+ renewals: clinical practice exempt, total lowered to 40", "[jsprs][full][exemption]") {
  std::string courses = course(R"("category": "common", "topic": "safety", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "common", "topic": "infection", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "common", "topic": "ethics", "minutes": 60, "host": "jsprs")") + "," +
                        course(R"("category": "domain", "minutes": 1860, "host": "jsprs")");
  std::string acts = activity(R"("kind": "attendance", "meeting": "jsprs_annual")") + "," +
                     activity(R"("kind": "attendance", "meeting": "jsprs_annual")");
  // 3 + 31 + 6 = 40, no cases, no clinical record.
  Verdict v = run(R"("prior_renewals": 3, "courses": [)" + courses + R"(], "activities": [)" + acts + "]");
  CHECK(v.outcome == "board");
  CHECK(rational::to_string(v.required_total) == "40");
  CHECK(cat(v, "clinical").waived);
  Verdict two = run(R"("prior_renewals": 2, "courses": [)" + courses + R"(], "activities": [)" + acts + "]");
  CHECK(two.outcome == "not_eligible");
  CHECK(unmet(two, "clinical_practice"));
  CHECK(rational::to_string(two.required_total) == "50");
  // An exempt applicant's cases earn nothing.
  Verdict cases = run(R"("prior_renewals": 4, "cases": [)" + surgeries(100) + "]");
  CHECK(earned(cases, "clinical") == "0");
}
