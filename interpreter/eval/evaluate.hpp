// Evaluates one applicant against a compiled Program: runs the facts' own
// `invalid when` checks, then the outcomes in order, and builds the Verdict
// from the standard that the deciding outcome reports.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/eval/explanation.hpp"
#include "interpreter/eval/frame.hpp"
#include "interpreter/eval/verdict.hpp"

namespace kijun {

// The status of every requirement of every standard, per standard in the
// Program's order; empty for a standard that does not apply to the applicant.
// For `kijun test --coverage`, which must see the standards the verdict does
// not report as well.
using RequirementStatuses = std::vector<std::vector<RequirementStatus>>;

class Evaluator {
 public:
  Evaluator(const Program& program, Lang lang);

  // `facts` is a record read by the FactsReader into `arena`. On failure
  // (facts that break an `invalid when`, or a rule that cannot be evaluated)
  // appends diagnostics naming the applicant and returns false.
  // With `statuses`, also fills them (see RequirementStatuses).
  bool evaluate(Value facts, Arena& arena, Verdict& out, Diagnostics& diags, const std::string& location,
                RequirementStatuses* statuses = nullptr);
  // The same, and why: the verdict is in `out.verdict`. Costs nothing to the
  // evaluate() above, which never observes records.
  bool explain(Value facts, Arena& arena, Explanation& out, Diagnostics& diags, const std::string& location);

  const Program& program() const { return program_; }
  // false: verdicts for comparison only (what-if). Outcome, standard, the
  // figures and the unmet rules' names are filled; labels, messages and
  // reports are evaluated (so an applicant fails exactly as it would) but
  // not rendered to text.
  void set_render(bool render) { render_ = render; }

 private:
  bool check_facts(Frame& f, Diagnostics& diags, const std::string& location, const std::string& id);
  bool run(Value facts, Arena& arena, Verdict& out, Diagnostics& diags, const std::string& location,
           Explanation* explain, RequirementStatuses* statuses = nullptr);
  void requirement_statuses(Frame& f, RequirementStatuses& out);
  int build_verdict(Frame& f, std::uint32_t outcome, int standard, Verdict& out);

  const Program& program_;
  Lang lang_;
  bool render_ = true;
  std::vector<bool> checked_;  // per record type: it or a list in it has `invalid when` checks
  std::unique_ptr<Frame> frame_;
  struct Step {
    const std::string* field;
    std::uint32_t index;
  };
  std::vector<Step> trail_;  // check_facts' position: list field and index per level
  std::vector<std::vector<std::uint32_t>> walked_;  // per record type: its list fields whose records are checked
  std::string scratch_;  // a report's JSON while it is written
};

// Text of a value as JSON (reports).
void append_json_value(std::string& out, const Program& p, const Value& v);

}  // namespace kijun
