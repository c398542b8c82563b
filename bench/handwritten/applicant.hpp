// The hand-written evaluator's view of one applicant: the facts of
// ../shared/contract/applicant-facts.md that the full standard (renewal years
// 2020 onward) reads, in plain structs that are reused from one applicant to the
// next (the vectors keep their capacity, so a cohort run allocates only while the
// largest applicant so far grows them).
//
// This is the yardstick of issue 7: the jsprs rules written directly in C++ from
// the seed and ../shared/contract/jsprs-interpretation.md, sharing no code with
// the interpreter.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace handwritten {

// A date as yyyymmdd (2021-04-01 → 20210401): ordered like the calendar, and
// cheap to take apart for fiscal years and anniversaries.
using Date = std::int32_t;

enum class Host : std::uint8_t { jsprs, facility, medical_association, other_specialty, commercial, cohosted };
enum class Kind : std::uint8_t {
  attendance,
  presentation,
  paper,
  review,
  exam_duty,
  public_lecture,
  school_doctor,
  accident_committee
};

// The three 必修 topics, in the order verdicts list them; every other topic is `other_topic`.
enum Mandatory : std::uint8_t { safety, infection, ethics, other_topic };

struct Case {
  Date date;
  bool may_count;  // role / list / the four clinical fields allow it; the window is checked later
};

struct Course {
  Date date;
  bool domain;  // category: domain (else common)
  bool lecturer;
  bool approved;
  Host host;
  Mandatory topic;
  std::int64_t minutes;
};

struct Activity {
  Date date;
  Kind kind;
  bool counted_in_old;
  bool flag_a;  // paper: peer_reviewed; review: approved_journal
  bool flag_b;  // paper: approved_journal
  std::uint8_t units;  // attendance: the meeting's units; presentation: 1; paper: 2 first author, 1 coauthor
  std::int64_t minutes;  // public_lecture
  Date start, end;       // school_doctor
};

struct Applicant {
  std::string id;
  std::int64_t renewal_year = 0;
  std::int64_t prior_renewals = 0;
  bool work_declaration = false;
  bool clinical_record = false;
  std::vector<Case> cases;
  std::vector<Course> courses;
  std::vector<Activity> activities;

  void clear() {
    id.clear();
    renewal_year = prior_renewals = 0;
    work_declaration = clinical_record = false;
    cases.clear();
    courses.clear();
    activities.clear();
  }
};

// Reads one applicant object from a JSON text padded for simdjson (at least
// 64 readable bytes after `json`). Returns an empty string on success, else a
// message naming the field (the applicant is then not evaluated).
class Reader {
 public:
  Reader();
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  std::string read(const char* json, std::size_t length, std::size_t capacity, Applicant& out);

 private:
  struct Impl;
  Impl* impl_;
};

// Evaluates the full standard and appends the verdict, one JSON line, to `out`.
void append_verdict(const Applicant& a, std::string& out);

}  // namespace handwritten
