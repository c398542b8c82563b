// What-if: every applicant of a cohort evaluated under a base ruleset and a
// draft, read once (when both expect the same facts) and evaluated twice.
// Keeps only counts and the changed applicants, so memory does not grow with
// the cohort (the list of changes is capped; CSV streams every change).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/facts_reader.hpp"

namespace kijun::whatif {

struct Change {
  std::string id;
  std::string location;  // cohort.jsonl:17
  std::string base_outcome;
  std::string draft_outcome;
  Rational base_total;
  Rational draft_total;
  std::vector<std::string> newly_unmet;  // unmet under the draft only: what made it worse
  std::vector<std::string> newly_met;    // unmet under the base only: what the draft relieved
};

struct CategoryDelta {
  std::string name;
  std::string label;
  std::size_t up = 0;    // applicants who count more under the draft
  std::size_t down = 0;  // … fewer
  Rational base_sum;     // counted units over the cohort
  Rational draft_sum;
};

struct Summary {
  std::string base_name;
  std::string draft_name;
  std::vector<std::string> outcomes;  // base's outcomes in order, then the draft's new ones
  std::map<std::pair<std::string, std::string>, std::size_t> matrix;  // (base, draft) -> applicants
  std::size_t applicants = 0;  // evaluated under both
  std::size_t bad = 0;         // could not be evaluated (reported as diagnostics)
  std::size_t outcome_changed = 0;
  std::vector<CategoryDelta> categories;
  std::map<std::string, std::size_t> deciding_rules;  // rule -> applicants whose outcome it changed
  std::vector<Change> changes;  // the first max_listed outcome changes
  std::size_t max_listed = 1000;

  std::size_t base_count(const std::string& outcome) const;
  std::size_t draft_count(const std::string& outcome) const;
};

// One applicant read (once, when both rulesets expect the same facts) and
// evaluated under both: the part of a what-if that threads share out, each
// with its own Evaluation.
class Evaluation {
 public:
  Evaluation(const Program& base, const Program& draft, Lang lang);

  // false, with `diags`, when the applicant cannot be evaluated. `padded`:
  // `json` is followed by facts::input_padding zero bytes (a Batch's line).
  bool run(std::string_view json, bool padded, const std::string& location, Diagnostics& diags, Verdict& base,
           Verdict& draft);

 private:
  bool same_facts_;
  facts::FactsReader base_reader_;
  facts::FactsReader draft_reader_;
  Evaluator base_eval_;
  Evaluator draft_eval_;
  Arena arena_;
};

class Runner {
 public:
  Runner(const Program& base, const Program& draft, Lang lang, std::size_t max_listed);

  // One applicant (a JSON object). Problems go to `diags`; the applicant is
  // then counted as bad and left out of the comparison.
  void add(std::string_view json, const std::string& location, Diagnostics& diags);
  // The second half of add(), for an Evaluation's verdicts (ok: run() was
  // true), taken in input order.
  void record(bool ok, const Verdict& base, const Verdict& draft, const std::string& location);

  const Summary& summary() const { return summary_; }
  // Called for every outcome change, also beyond max_listed (CSV streams these).
  std::function<void(const Change&)> on_change;

 private:
  Evaluation evaluation_;
  Verdict base_verdict_;
  Verdict draft_verdict_;
  Summary summary_;
};

// Whether two rulesets expect exactly the same facts (then one read serves both).
bool same_schema(const facts::Schema& a, const facts::Schema& b);

std::string render_text(const Summary& s);
std::string render_json(const Summary& s);
std::string csv_header();
std::string csv_row(const Change& c);
// A self-contained page (tables and an SVG chart; no scripts, no network).
std::string render_html(const Summary& s);

}  // namespace kijun::whatif
