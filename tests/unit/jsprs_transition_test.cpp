// The transition years 2015–2019 of rulesets/jsprs: every column of the
// seed's table at and just below its figures, the conditional 必修 rules at
// and below their thresholds, the 1 April 2015 edge, every outcome and the
// review boundary; and `kijun table` against a transcription of the seed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <sstream>

#include "tests/unit/jsprs_support.hpp"

using namespace kijun;

namespace {

// An applicant built from unit counts; every record is dated 2015-06-01,
// inside the window of every transition year.
struct Spec {
  int year = 2017;
  int cases = 0;
  std::vector<std::string> topics;  // one 60-minute common course each
  int common_extra = 0;             // more common units (topic "other")
  int domain = 0;                   // domain units (one long course)
  int academic = 0;                 // presentations, 1 unit each
  int old_points = 0;
  int prior = 0;
  bool record = true;
};

std::string build(const Spec& s) {
  std::string cases, courses, acts;
  for (int i = 0; i < s.cases; ++i)
    cases += std::string(i ? "," : "") + R"({"date": "2015-06-01", "list": "surgery", "role": "operator"})";
  auto add = [&](const std::string& c) { courses += (courses.empty() ? "" : ",") + c; };
  for (const auto& t : s.topics)
    add(R"({"date": "2015-06-01", "category": "common", "topic": ")" + t + R"(", "minutes": 60, "host": "jsprs"})");
  if (s.common_extra)
    add(R"({"date": "2015-06-01", "category": "common", "topic": "other", "host": "jsprs", "minutes": )" +
        std::to_string(60 * s.common_extra) + "}");
  if (s.domain)
    add(R"({"date": "2015-06-01", "category": "domain", "host": "jsprs", "minutes": )" + std::to_string(60 * s.domain) + "}");
  for (int i = 0; i < s.academic; ++i)
    acts += std::string(i ? "," : "") + R"({"date": "2015-06-01", "kind": "presentation", "role": "chair"})";
  return "{\"id\": \"T\", \"renewal_year\": " + std::to_string(s.year) + ", \"prior_renewals\": " +
         std::to_string(s.prior) + ", \"work_declaration\": true, \"clinical_record\": " + (s.record ? "true" : "false") +
         ", \"old_points\": " + std::to_string(s.old_points) + ", \"cases\": [" + cases + "], \"courses\": [" + courses +
         "], \"activities\": [" + acts + "]}";
}

Verdict run(const Spec& s) {
  auto out = testing::evaluate(testing::jsprs(), build(s));
  INFO(out.diagnostics);
  REQUIRE(out.ok);
  return out.verdict;
}

std::vector<std::string> unmet(const Verdict& v) {
  std::vector<std::string> r;
  for (const auto& u : v.unmet) r.emplace_back(u.rule);
  return r;
}

std::string report(const Verdict& v, const std::string& name) {
  for (const auto& [k, json] : v.reports)
    if (k == name) return json;
  return "(none)";
}

std::string counted(const Verdict& v, const std::string& c) {
  for (const auto& x : v.categories)
    if (x.name == c) return rational::to_string(x.counted);
  return "?";
}

// Each year's column met exactly at its minimums, with its total.
Spec column(int year) {
  switch (year) {
    case 2015: return {2015, 10, {}, 0, 4, 0, 135};
    case 2016: return {2016, 20, {}, 1, 6, 1, 120};
    case 2017: return {2017, 40, {"safety"}, 0, 13, 2, 90};
    case 2018: return {2018, 60, {"safety", "ethics"}, 0, 18, 4, 60};
    default: return {2019, 80, {"safety", "infection", "ethics"}, 0, 23, 6, 30};
  }
}

}  // namespace

TEST_CASE("each year's column, met exactly, renews as board with that column", "[jsprs][transition]") {
  for (int year = 2015; year <= 2019; ++year) {
    INFO("year " << year);
    Verdict v = run(column(year));
    CHECK(v.outcome == "board");
    CHECK(unmet(v).empty());
    CHECK(report(v, "path") == "\"transition_" + std::to_string(year) + "\"");
    CHECK(rational::to_string(v.total) == std::to_string(std::map<int, int>{{2015, 5}, {2016, 10}, {2017, 20}, {2018, 30}, {2019, 40}}[year]));
    CHECK(report(v, "window") == "[\"2015-04-01\",\"" + std::to_string(year) + "-12-31\"]");
  }
}

TEST_CASE("one below each figure of a column is that requirement unmet", "[jsprs][transition]") {
  using Strings = std::vector<std::string>;
  for (int year = 2016; year <= 2019; ++year) {
    INFO("year " << year);
    Spec s = column(year);
    Spec few_cases = s;
    few_cases.cases -= 1;  // one case short: ② and i) (one unit less) and the total
    CHECK(unmet(run(few_cases)) == Strings{"clinical_practice", "clinical_min", "total_min"});
    Spec no_record = s;
    no_record.record = false;
    CHECK(unmet(run(no_record)) == Strings{"clinical_practice"});
    Spec domain = s;  // the columns fill their total with domain units: go below its minimum
    domain.domain = std::map<int, int>{{2016, 4}, {2017, 6}, {2018, 9}, {2019, 12}}[year] - 1;
    CHECK(unmet(run(domain)) == Strings{"domain_min", "total_min"});
    Spec academic = s;
    academic.academic -= 1;
    CHECK(unmet(run(academic)) == Strings{"academic_min", "total_min"});
    Spec old = s;
    old.old_points -= 1;
    CHECK(unmet(run(old)) == Strings{"old_points"});
  }
  // common: 2016's one unit is "other"; later years' are mandatory topics.
  Spec c16 = column(2016);
  c16.common_extra = 0;
  CHECK(unmet(run(c16)) == Strings{"common_min", "total_min"});
  Spec c18 = column(2018);
  c18.topics = {"safety"};
  CHECK(unmet(run(c18)) == Strings{"common_min", "common_mandatory", "total_min"});
  // 2015: no common minimum and no mandatory topic.
  CHECK(unmet(run(column(2015))).empty());
}

TEST_CASE("category maximums of each year cap the counted units; blank means no cap", "[jsprs][transition]") {
  Spec s = column(2017);
  s.cases = 95;      // 9 units, capped at 4
  s.domain = 20;     // capped at 13
  s.academic = 9;    // capped at 6
  s.common_extra = 5;  // 6 units, capped at 4
  Verdict v = run(s);
  CHECK(counted(v, "clinical") == "4");
  CHECK(counted(v, "domain") == "13");
  CHECK(counted(v, "academic") == "6");
  CHECK(counted(v, "common") == "4");
  CHECK(rational::to_string(v.total) == "27");  // 2017's counted total can never exceed 27
  Spec d15 = column(2015);
  d15.domain = 40;  // 2015 and 2016 have no domain maximum
  CHECK(counted(run(d15), "domain") == "40");
  Spec c15 = column(2015);
  c15.common_extra = 3;
  CHECK(counted(run(c15), "common") == "1");
}

TEST_CASE("conditional 必修: 2016 one topic from 20 earned units", "[jsprs][transition][mandatory]") {
  Spec s = column(2016);
  s.domain = 15;  // earned 2 + 1 + 15 + 1 = 19
  CHECK(report(run(s), "mandatory_required") == "0");
  CHECK(run(s).outcome == "board");
  s.domain = 16;  // earned 20: one topic needed, none covered
  Verdict v = run(s);
  CHECK(report(v, "mandatory_required") == "1");
  CHECK(unmet(v) == std::vector<std::string>{"common_mandatory"});
  CHECK(rational::to_string(v.earned_total) == "20");
}

TEST_CASE("conditional 必修: 2017 one topic, two from 30 earned units", "[jsprs][transition][mandatory]") {
  Spec s = column(2017);  // earned 4 + 1 + 13 + 2 = 20
  s.domain = 22;          // earned 29: still one
  CHECK(report(run(s), "mandatory_required") == "1");
  CHECK(run(s).outcome == "board");
  s.domain = 23;  // earned 30 (counted 20: the caps)
  Verdict v = run(s);
  CHECK(report(v, "mandatory_required") == "2");
  CHECK(unmet(v) == std::vector<std::string>{"common_mandatory"});
  s.topics = {"safety", "infection"};
  CHECK(run(s).outcome == "board");
}

TEST_CASE("conditional 必修: 2018 two topics, three from 40 earned units", "[jsprs][transition][mandatory]") {
  Spec s = column(2018);  // earned 6 + 2 + 18 + 4 = 30
  s.domain = 27;          // earned 39
  CHECK(report(run(s), "mandatory_required") == "2");
  s.domain = 28;  // earned 40
  Verdict v = run(s);
  CHECK(report(v, "mandatory_required") == "3");
  CHECK(unmet(v) == std::vector<std::string>{"common_mandatory"});
}

TEST_CASE("conditional 必修: 2019 always three; 2015 none", "[jsprs][transition][mandatory]") {
  Spec s = column(2019);
  s.topics = {"safety", "ethics"};
  s.common_extra = 1;
  CHECK(unmet(run(s)) == std::vector<std::string>{"common_mandatory"});
  Spec f = column(2015);
  f.domain = 40;
  CHECK(report(run(f), "mandatory_required") == "0");
}

TEST_CASE("new-standard evidence counts only from 1 April 2015", "[jsprs][transition][window]") {
  auto with = [](const char* date) {
    return testing::applicant(std::string(R"("renewal_year": 2016, "courses": [{"date": ")") + date +
                              R"(", "category": "domain", "minutes": 60, "host": "jsprs"}])");
  };
  auto domain = [&](const char* date) {
    auto out = testing::evaluate(testing::jsprs(), with(date));
    REQUIRE(out.ok);
    return counted(out.verdict, "domain");
  };
  CHECK(domain("2015-03-31") == "0");
  CHECK(domain("2015-04-01") == "1");
}

TEST_CASE("2019: the full standard is an alternative that needs no old points", "[jsprs][transition]") {
  Spec s{2019, 100, {"safety", "infection", "ethics"}, 0, 31, 6, 0};  // full: 10 + 3 + 31 + 6 = 50
  Verdict v = run(s);
  CHECK(v.outcome == "board");
  CHECK(v.standard == "full");
  CHECK(report(v, "path") == "\"full\"");
  s.old_points = 30;  // both hold: the year's column is reported
  Verdict both = run(s);
  CHECK(both.outcome == "board");
  CHECK(report(both, "path") == "\"transition_2019\"");
}

TEST_CASE("outcomes in order: board, society, review, not eligible; the review boundary is exact", "[jsprs][transition][outcomes]") {
  Spec s = column(2018);
  s.domain = 8;  // the column fails (domain 8 < 9); total 6 + 2 + 8 + 4 = 20
  s.old_points = 150;
  CHECK(run(s).outcome == "society");
  // review: 150 − old ≤ 3 × total, i.e. (150 − old) / 30 years ≤ total / 10 years
  s.old_points = 150 - 3 * 20;  // 90: 60 points short = 2 years = 20 units, exactly covered
  Verdict r = run(s);
  CHECK(rational::to_string(r.total) == "20");
  CHECK(r.outcome == "review");
  CHECK(report(r, "path") == "\"transition_2018\"");
  s.old_points = 89;  // one point more to cover
  CHECK(run(s).outcome == "not_eligible");
  // society and review do not look at ① or ②.
  Spec t = column(2017);
  t.record = false;
  t.old_points = 160;
  CHECK(run(t).outcome == "society");
}

TEST_CASE("3+ renewals in a transition year: clinical exempt, the total lowered by the year's clinical units", "[jsprs][transition][exemption]") {
  Spec s = column(2017);
  s.prior = 3;
  s.cases = 0;
  s.record = false;
  s.domain = 13;
  s.common_extra = 0;  // 0 + 1 + 13 + 2 = 16
  Verdict v = run(s);
  CHECK(v.outcome == "board");
  CHECK(rational::to_string(v.required_total) == "16");
  s.domain = 12;  // 15 < 16
  CHECK(unmet(run(s)) == std::vector<std::string>{"total_min"});
  s.domain = 5;  // below 2017's domain minimum 6 as well
  CHECK(unmet(run(s)) == std::vector<std::string>{"domain_min", "total_min"});
}

TEST_CASE("a renewal year before 2015 is an error, not a verdict", "[jsprs][transition]") {
  auto out = testing::evaluate(testing::jsprs(), testing::applicant(R"("renewal_year": 2014)"));
  CHECK_FALSE(out.ok);
  CHECK(out.diagnostics.find("no standard of this ruleset applies to this applicant") != std::string::npos);
  CHECK(out.diagnostics.find("transition: applies when renewal_year in 2015 .. 2019") != std::string::npos);
}

namespace {

std::vector<long> numbers_in(const std::string& cell) {
  std::vector<long> out;
  if (cell.find("義務なし") != std::string::npos) return {0};
  long n = -1;
  for (char c : cell) {
    if (c >= '0' && c <= '9') n = (n < 0 ? 0 : n * 10) + (c - '0');
    else if (n >= 0) out.push_back(n), n = -1;
  }
  if (n >= 0) out.push_back(n);
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.push_back("");
  return out;
}

}  // namespace

TEST_CASE("`kijun table` prints the seed's table, cell by cell", "[jsprs][transition][table]") {
  std::string cmd = std::string(KIJUN_BINARY) + " table " + KIJUN_SOURCE_DIR + "/rulesets/jsprs --format csv";
  int status = -1;
  std::string csv = testing::run_command(cmd, &status);
  REQUIRE(status == 0);
  std::map<std::string, std::vector<std::string>> rows;  // row name -> cells 2015..2019
  for (const auto& line : split(csv, '\n')) {
    auto f = split(line, ',');
    if (f.size() == 8 && f[0] != "row") rows[f[0]] = {f.begin() + 3, f.end()};
  }
  std::string seed = testing::read_text(std::string(KIJUN_SOURCE_DIR) + "/tests/data/seed_transition_table.tsv");
  int compared = 0;
  for (const auto& line : split(seed, '\n')) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    REQUIRE(f.size() == 7);
    auto names = split(f[0], ',');
    for (int year = 0; year < 5; ++year) {
      auto values = numbers_in(f[2 + year]);
      for (std::size_t k = 0; k < names.size(); ++k) {
        INFO(names[k] << " " << (2015 + year) << ": seed \"" << f[2 + year] << "\"");
        REQUIRE(rows.count(names[k]));
        std::string want = values.empty() ? "" : std::to_string(values.at(k));
        CHECK(rows[names[k]][year] == want);
        ++compared;
      }
    }
  }
  CHECK(compared == 55);
}
