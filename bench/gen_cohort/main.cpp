// kijun_gen_cohort — a reproducible synthetic cohort for the jsprs ruleset.
//
//   kijun_gen_cohort --count N --seed S [--years A-B] [--first K] [--expect FILE] > cohort.jsonl
//
//   --count N      number of applicants (one JSON object per line on stdout). Required.
//   --seed S       64-bit seed (default 1). The same seed gives byte-identical output on
//                  every machine: all randomness comes from splitmix64 + xoshiro256**
//                  below, integer arithmetic only (no <random> distributions, no floating
//                  point, no hash-map iteration order, and never two draws in one function
//                  call's arguments, whose evaluation order differs between compilers).
//   --years A-B    renewal years drawn uniformly from A..B (default 2020-2024). A single
//                  year (--years 2021) is allowed. Years 2015-2019 are the transition years:
//                  those applicants also get `old_points`. Years before 2015 are refused
//                  (they are outside the ruleset).
//   --first K      index of the first applicant (default 0). Applicant i depends only on
//                  (seed, i, years), so `--first 0 --count 500` followed by
//                  `--first 500 --count 500` is the same as `--first 0 --count 1000`:
//                  cohorts can be generated in shards.
//   --expect FILE  also write, one line per applicant, the verdict that this file's own
//                  reference implementation of ../shared/contract/jsprs-interpretation.md
//                  expects (id, outcome, path, total, required_total, earned_total,
//                  categories, cases_counted, mandatory_topics). bench/check_verdicts.py
//                  compares it with `kijun eval --format json`.
//
// What is generated (see bench/README.md): renewal years spread over --years; prior_renewals
// 0-5 (25% have >= 3, the clinical exemption); work_declaration and clinical_record mostly
// true (clinical_record sometimes false or absent); ~60-160 cases mixing surgery-list
// cases (operator / instructor, some assistant or no role) and clinical-list cases (some
// with a field missing, empty or null); dates spread over the five-year window and a few
// just outside it; common courses (the three mandatory topics, sometimes one or two
// missing) and domain courses from every host, commercial and cohosted with and without
// `approved`, 30-240 minutes, some lecturers; activities of every kind (attendance,
// presentation, paper with its flags, review, exam_duty, public_lecture, school_doctor
// with start/end incl. 29 February and exact one-year appointments, accident_committee,
// some counted_in_old). About half the applicants are built near a boundary: total
// 48-52 (38-42 when exempt), domain 14-16, a missing mandatory topic, 99-101 counted cases,
// academic 5-7, common 2-4; in transition years also old_points near the year's figure, near
// 150 or near the review threshold. An applicant line is ~10 KB, like the contract examples.
//
// Every line is valid facts per ../shared/contract/applicant-facts.md.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "bench/gen_cohort/generator.hpp"
#include "bench/gen_cohort/json_out.hpp"
#include "bench/gen_cohort/reference.hpp"

namespace {

using namespace gen_cohort;

[[noreturn]] void usage(const char* why, int code = 2) {
  std::fprintf(stderr,
               "kijun_gen_cohort: %s\n"
               "usage: kijun_gen_cohort --count N [--seed S] [--years A-B] [--first K] [--expect FILE] > cohort.jsonl\n",
               why);
  std::exit(code);
}

bool parse_u64(std::string_view s, std::uint64_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

bool parse_int(std::string_view s, int& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

bool write_all(std::FILE* f, std::string& buf) {
  const bool ok = std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
  buf.clear();
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t count = 0, seed = 1, first = 0;
  bool have_count = false;
  int year_lo = 2020, year_hi = 2024;
  const char* expect_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) usage("missing value after an option");
      return argv[++i];
    };
    if (arg == "--count") {
      if (!parse_u64(value(), count)) usage("--count needs a non-negative integer");
      have_count = true;
    } else if (arg == "--seed") {
      if (!parse_u64(value(), seed)) usage("--seed needs a non-negative integer");
    } else if (arg == "--first") {
      if (!parse_u64(value(), first)) usage("--first needs a non-negative integer");
    } else if (arg == "--years") {
      std::string_view v = value();
      const auto dash = v.find('-');
      if (dash == std::string_view::npos) {
        if (!parse_int(v, year_lo)) usage("--years needs A-B or a single year");
        year_hi = year_lo;
      } else if (!parse_int(v.substr(0, dash), year_lo) || !parse_int(v.substr(dash + 1), year_hi)) {
        usage("--years needs A-B or a single year");
      }
      if (year_lo < 2015 || year_hi < year_lo || year_hi > 2100)
        usage("--years must lie in 2015-2100 (years before 2015 are outside the ruleset)");
    } else if (arg == "--expect") {
      expect_path = argv[i + 1 < argc ? i + 1 : i];
      value();
    } else if (arg == "--help" || arg == "-h") {
      usage("a reproducible synthetic cohort for rulesets/jsprs (JSON Lines on stdout); options: see bench/README.md", 0);
    } else {
      usage("unknown option");
    }
  }
  if (!have_count) usage("--count is required");

  std::FILE* expect = nullptr;
  if (expect_path) {
    expect = std::fopen(expect_path, "wb");
    if (!expect) {
      std::fprintf(stderr, "kijun_gen_cohort: cannot write %s\n", expect_path);
      return 1;
    }
  }
  Out out, ref;
  for (std::uint64_t i = first; i < first + count; ++i) {
    Applicant a = Generator(seed, i, year_lo, year_hi).make();
    write_applicant(out, a);
    if (expect) write_verdict(ref, a.id, reference(a));
    if (out.buffer().size() > (1u << 20) && !write_all(stdout, out.buffer())) break;
    if (expect && ref.buffer().size() > (1u << 20) && !write_all(expect, ref.buffer())) break;
  }
  bool ok = write_all(stdout, out.buffer()) && std::fflush(stdout) == 0;
  if (expect) ok = write_all(expect, ref.buffer()) && std::fclose(expect) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "kijun_gen_cohort: write failed\n");
    return 1;
  }
  return 0;
}
