// The compiled evaluation tree. Expressions are trees of small Node objects
// (nodes.hpp); every named thing a ruleset defines (a let, a category's
// earnings, a standard's total, a requirement…) is a Cell: computed at most
// once per applicant, on first use, and memoised in the Frame. The checker has
// already proved the cell graph acyclic, so evaluation always terminates.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/eval/value.hpp"
#include "interpreter/facts/schema.hpp"
#include "interpreter/source/source.hpp"

namespace kijun {

struct Frame;

namespace plan {

struct Node {
  Span span;
  virtual ~Node() = default;
  virtual Value eval(Frame& f) const = 0;
};
using NodePtr = std::unique_ptr<Node>;
struct RecordTest;  // a fused condition on one record (record_test.hpp)

// A message in Japanese and (optionally) English; both are string nodes.
struct Text {
  NodePtr ja;
  NodePtr en;
};

}  // namespace plan

// A rule that cannot be evaluated for this applicant (arithmetic overflow, a
// renewal year missing from a table…): reported as a diagnostic for the
// applicant, never a crash.
struct EvalError {
  Span span;
  std::string message;
  std::string hint;
};

enum class CellKind : std::uint8_t {
  let,                 // node
  table_column,        // a = table: the column index for this applicant
  category,            // a = category: earned units; also fills its part cells
  part_total,          // a = category, b = part: the part's units after its cap
  part_records,        // a = category, b = part: counted records, each with `earned`
  exemption,           // a = exemption: boolean, does it apply
  std_applies,         // a = standard: boolean
  std_min,             // a = standard, b = category: number or none
  std_max,             // a = standard, b = category: number or none
  std_counted,         // a = standard, b = category: earned capped at max (0 when waived)
  std_total,           // a = standard: sum of counted
  std_earned_total,    // a = standard: sum of earned
  std_required_total,  // a = standard: total min lowered by exemptions
  std_let,             // a = standard: node
  std_requirement,     // a = standard, b = requirement: a RequirementStatus as integer
  std_met,             // a = standard: boolean, applies and every requirement holds
};

enum class RequirementStatus : std::uint8_t { met = 0, unmet = 1, not_applicable = 2, waived = 3 };

struct CellPlan {
  CellKind kind;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  plan::NodePtr node;  // let, std_let, std_applies, std_min, std_max
  std::string name;    // for messages
  Span span;
};

struct UnitInfo {
  std::string name;      // plural, used in English messages: "units"
  std::string singular;  // "unit"
  std::string label;     // "単位"
};

struct CountsPlan {
  plan::NodePtr cond;
  const plan::RecordTest* fused = nullptr;  // cond, when the checker fused it: called directly
  plan::Text reason;
  Span span;
};

struct PartPlan {
  std::string name;
  std::string label;
  std::string cites;
  std::uint32_t unit = 0;       // unit of its earnings (cases, units…)
  plan::NodePtr from;           // list of records
  // When `from` is `list where <pure fused test>`: the list and the test, so
  // that the record loop skips the records the test refuses without building
  // the filtered list (the test cannot fail or force a cell, so running it
  // record by record computes the same).
  const plan::Node* from_list = nullptr;
  const plan::RecordTest* from_where = nullptr;
  std::uint32_t record_id = 0;  // element record type
  std::vector<CountsPlan> counts;  // category-level clauses first
  plan::NodePtr earns;
  const Value* earns_const = nullptr;  // earns's value when it is a constant (`earns 1 case`)
  // Something evaluated per record reads it from Frame::elements (a clause
  // not fused or calling a node, `earns` not a constant, `once per`); when
  // false, and nothing observes, the record loop does not push it.
  bool reads_element = true;
  plan::NodePtr once_per;  // null: every counted record earns
  plan::NodePtr max;       // null: no sub-cap
  std::uint32_t total_cell = 0;
  std::uint32_t records_cell = 0;
  bool records_read = false;  // an expression reads `category.part.records`: evaluation builds it
  Span span;
};

struct CategoryPlan {
  std::string name;
  std::string label;
  std::string cites;
  std::vector<PartPlan> parts;
  plan::NodePtr earns;  // null: the sum of the parts
  std::uint32_t cell = 0;
  Span span;
};

struct ExemptionPlan {
  std::string name;
  std::string label;
  std::string cites;
  plan::NodePtr when;
  std::vector<std::uint32_t> waived_categories;
  std::vector<std::string> waived_requirements;
  bool lowers_total = false;
  std::uint32_t cell = 0;
  Span span;
};

enum class RequirementKind : std::uint8_t { written, category_min, total_min };

struct RequirementPlan {
  std::string name;  // stable rule name in verdicts: "common_mandatory", "domain_min"
  std::string label;
  std::string cites;
  RequirementKind kind = RequirementKind::written;
  std::uint32_t category = 0;  // category_min
  plan::NodePtr when;          // null: always applies
  plan::NodePtr cond;          // written
  plan::Text message;          // null ja: the default message for bounds
  std::uint32_t cell = 0;
  Span span;
};

struct ReportPlan {
  std::string name;
  plan::NodePtr value;
  Span span;
};

struct StandardPlan {
  std::string name;
  std::string label;
  std::string cites;
  std::string applies_text;  // the `applies when` condition as written, for messages
  std::uint32_t applies_cell = 0;
  std::vector<std::uint32_t> min_cells;      // per category
  std::vector<std::uint32_t> max_cells;      // per category
  std::vector<std::uint32_t> counted_cells;  // per category
  std::vector<bool> has_min;                 // per category, as written
  plan::NodePtr total_min;                   // null: no total requirement
  std::vector<plan::NodePtr> exemption_lowers;  // per exemption, null when it does not lower
  std::uint32_t total_cell = 0;
  std::uint32_t earned_total_cell = 0;
  std::uint32_t required_total_cell = 0;
  std::uint32_t met_cell = 0;
  std::vector<RequirementPlan> requirements;  // in the order written
  std::vector<ReportPlan> reports;
  Span span;
};

struct OutcomeWhenPlan {
  plan::NodePtr cond;
  int reporting = -1;  // standard reported when this clause decides; -1: the first that applies
  int meets = -1;      // the standard of a leading `meets(std)`, for explanations
  std::string text;    // the condition as written
  Span span;
};

struct OutcomePlan {
  std::string name;
  std::string label;
  std::string cites;
  std::vector<OutcomeWhenPlan> whens;
  bool otherwise = false;
  Span span;
};

struct TableRowPlan {
  std::string name;
  std::string label;
  std::uint32_t unit = 0;
  std::vector<std::optional<Rational>> cells;  // nullopt: blank, no limit
};

struct TablePlan {
  std::string name;
  std::string label;
  std::string cites;
  std::string key_name;
  std::uint32_t key_field = 0;  // index in the facts record
  std::vector<Rational> keys;
  std::vector<TableRowPlan> rows;
  std::uint32_t column_cell = 0;
  Span span;
};

// `invalid when` checks of one record type (or the facts), run after reading.
struct RecordCheckPlan {
  int variant = -1;  // -1: every record of the type
  plan::NodePtr cond;
  plan::Text message;
  Span span;
};

struct Program {
  std::string name;
  std::string label;
  std::string version;
  std::string source;

  std::vector<UnitInfo> units;  // [0] is the plain number
  std::uint32_t credit_unit = 0;  // the unit categories earn in
  facts::Schema schema;
  std::vector<std::vector<RecordCheckPlan>> record_checks;  // per record type

  std::vector<CellPlan> cells;
  std::vector<TablePlan> tables;
  std::vector<CategoryPlan> categories;
  std::vector<ExemptionPlan> exemptions;
  std::vector<StandardPlan> standards;
  std::vector<OutcomePlan> outcomes;
  std::vector<ReportPlan> reports;

  // Strings that nodes and defaults point to (stable addresses).
  std::vector<std::unique_ptr<std::string>> strings;
  std::string_view intern(std::string s) {
    strings.push_back(std::make_unique<std::string>(std::move(s)));
    return *strings.back();
  }
};

}  // namespace kijun
