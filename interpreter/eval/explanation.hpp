// Why a verdict is what it is, as data: every record of the facts with the
// part that counted it (and what it earned) or the reason it did not count,
// each cap as earned -> counted, each requirement of the reported standard
// met or not with its shortfall and citation, and for the outcome, why each
// earlier outcome did not apply. Built from the evaluation itself (an
// observer on the same run), never from a second copy of the rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/eval/verdict.hpp"

namespace kijun {

struct RecordTrace {
  std::string path;     // "$.courses[3]"
  std::string summary;  // "2019-06-21 domain cohosted 創傷治癒共催セミナー"
  bool counted = false;
  bool duplicate = false;  // counted, but an earlier record of the same `once per` key earned
  Rational earned;
  std::string reason_ja;  // why it did not count (the failing `counts when`)
  std::string reason_en;
};

struct PartTrace {
  std::string name;
  std::string label;
  std::string cites;
  std::string unit;       // of its earnings, as in English text ("cases")
  std::string unit_one;   // its singular ("case")
  std::string unit_label; // and in Japanese ("症例")
  Rational earned;       // before the part's own cap
  Rational counted;      // after it
  std::optional<Rational> max;
  std::vector<RecordTrace> records;
};

struct CategoryTrace {
  std::string name;
  std::string label;
  std::string cites;
  Rational earned;
  Rational counted;
  std::optional<Rational> min;
  std::optional<Rational> max;
  std::string waived_by;  // exemption label, when waived
  std::vector<PartTrace> parts;
};

struct RequirementTrace {
  std::string name;
  std::string label;  // empty for the total
  std::string cites;
  RequirementStatus status = RequirementStatus::met;
  std::string message_ja;  // for unmet requirements
  std::string message_en;
  std::optional<Rational> shortfall;  // bounds and total: how many units are missing
  std::string waived_by;
};

struct ClauseTrace {
  std::string text;  // the `when` condition as written
  bool holds = false;
  std::string standard;                  // set when the clause is `meets(std) …`
  bool standard_applies = true;
  std::string standard_applies_text;     // "applies when renewal_year >= 2019"
  std::vector<std::string> unmet;        // the standard's unmet requirements
};

struct OutcomeTrace {
  std::string name;
  std::string label;
  std::string cites;
  bool chosen = false;
  bool otherwise = false;
  std::vector<ClauseTrace> clauses;
};

struct Explanation {
  Verdict verdict;
  std::string ruleset_label;  // "形成外科領域専門医更新基準"
  // The applicant's own scalar facts, as (label, value): 更新年度 2021, …
  std::vector<std::pair<std::string, std::string>> applicant;
  std::string unit;        // the credit unit: "units"
  std::string unit_one;    // its singular: "unit"
  std::string unit_label;  // "単位"
  std::vector<CategoryTrace> categories;
  std::vector<RequirementTrace> requirements;  // of the reported standard
  std::vector<OutcomeTrace> outcomes;          // up to and including the chosen one
  std::vector<RecordTrace> unconsidered;       // records no part looked at
};

std::string explanation_text(const Explanation& e, Lang lang);
std::string explanation_json(const Explanation& e, Lang lang);

// 単位集計表 (様式1-2): the unit summary sheet an applicant submits, for one
// applicant, as a self-contained printable HTML page or as Markdown.
std::string summary_sheet_html(const Explanation& e, Lang lang);
std::string summary_sheet_markdown(const Explanation& e, Lang lang);

}  // namespace kijun
