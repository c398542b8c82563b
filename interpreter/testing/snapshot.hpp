// Verdict snapshots: every applicant of a cohort evaluated under a ruleset and
// recorded in COHORT.verdicts.jsonl; on the next run, exactly the applicants
// whose verdict changed, and what changed (docs/testing.md, "Snapshots").
#pragma once

#include <string>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/eval/verdict.hpp"

namespace kijun::ruletest {

// The recorded form of one verdict, one line of JSON: the verdict without its
// messages (their wording is not the verdict), unmet as rule names.
std::string snapshot_line(const Verdict& v);

// COHORT.jsonl -> COHORT.verdicts.jsonl (any other name gets the suffix appended).
std::string verdicts_path(const std::string& cohort);

struct VerdictChange {
  enum class Kind { changed, added, removed };
  Kind kind = Kind::changed;
  std::string id;
  std::string before, after;  // the outcomes ("" for an added or removed applicant)
  std::vector<std::string> what;  // "unmet +total_min", "total 52 → 48", "categories.clinical.counted 10 → 9"
};

struct SnapshotResult {
  std::string verdicts;          // the verdicts file
  bool existed = false;          // it was there before this run
  bool written = false;          // this run wrote it (missing, or --accept with changes)
  bool io_error = false;         // the cohort or the verdicts file could not be read or written
  std::size_t applicants = 0;    // evaluated
  std::size_t bad = 0;           // refused by the facts reader or the evaluator (diagnostics)
  std::vector<VerdictChange> changes;
};

// Evaluates `cohort` under `program` and compares with, or records, its
// verdicts file. With `accept`, a changed snapshot is rewritten (atomically);
// never when some applicant could not be evaluated.
SnapshotResult run_snapshot(const Program& program, const std::string& cohort, bool accept, Diagnostics& diags);

// "G-0001: board → not_eligible; unmet +total_min; total 52 → 48"
std::string describe(const VerdictChange& c);

}  // namespace kijun::ruletest
