// A ruleset test file (*.kijun-test) as parsed: the format is docs/testing.md.
// Plain data, PEGTL-free; grammar/test_parse.cpp builds it, testing/ runs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/source/source.hpp"

namespace kijun::ruletest {

// A JSON value as written in the test file. Scalars keep their text exactly
// (a string with its quotes and escapes), so that what reaches the facts
// reader is what the author wrote; an array element may carry `* N`.
struct Json {
  enum class Kind { scalar, object, array };
  Kind kind = Kind::scalar;
  std::string text;                   // scalar: the token as written
  std::vector<std::string> keys;      // object: member names as written, with quotes
  std::vector<Json> values;           // object: member values; array: elements
  std::vector<std::uint64_t> repeat;  // array: how many times each element stands (1 unless `* N`)
  Span span;
};

// Where an example's (or a named applicant's) facts come from.
struct FactsSource {
  enum class Kind { applicant, inline_json, file };
  Kind kind = Kind::inline_json;
  std::string applicant;     // applicant: the named applicant
  std::optional<Json> with;  // applicant: `with { … }`, members replacing the named one's
  Json json;                 // inline_json: the whole applicant
  std::string file;          // file: as written, relative to the test file
  Span span;
};

struct ApplicantDef {
  std::string name;
  FactsSource facts;  // inline_json (`applicant A { … }`) or applicant (`applicant B = A with { … }`)
  Span span;          // the name
};

// The right-hand side of `expect PATH = VALUE`.
struct ExpectValue {
  enum class Kind { number, string, boolean, blank, list };
  Kind kind = Kind::string;
  std::string text;  // number: as written; string: decoded (a bare identifier is a string)
  bool boolean = false;
  std::vector<ExpectValue> items;
  Span span;
};

struct Expectation {
  std::string path;                // as written: "categories.clinical.counted"
  std::vector<std::string> steps;  // the path split at '.'
  bool includes = false;           // `expect P includes [ … ]` rather than `=`
  // `expect error "TEXT"`: the facts are refused (by the facts reader or the
  // evaluator) with an error containing value.text ("" when no TEXT: any
  // error). path is "error". The example has no other expectation.
  bool error = false;
  ExpectValue value;
  Span span;                       // the whole expectation
};

struct Example {
  enum class Kind { example, override_, remove };
  Kind kind = Kind::example;
  std::string name;
  std::string cites;
  FactsSource facts;  // example only
  std::vector<Expectation> expects;
  Span span;       // the keyword
  Span name_span;  // the name string
};

struct Snapshot {
  std::string cohort;  // as written, relative to the test file
  Span span;
};

struct TestFile {
  std::string ruleset;  // as written in the header, relative to the file
  Span ruleset_span;
  std::vector<ApplicantDef> applicants;
  std::vector<Example> examples;  // in file order, overrides and removals included
  std::vector<Snapshot> snapshots;
};

}  // namespace kijun::ruletest
