// A verdict: what the contract's verdict JSON holds, and more. Plain data
// with no pointers into the arena, so it outlives the applicant's evaluation.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "stdlib/rational.hpp"

namespace kijun {

enum class Lang { ja, en };

struct CategoryVerdict {
  std::string name;
  std::string label;
  Rational earned;   // after sub-caps, before the category's maximum
  Rational counted;  // after the maximum
  std::optional<Rational> min;
  std::optional<Rational> max;
  bool waived = false;
};

struct UnmetVerdict {
  std::string rule;     // stable name: "domain_min", "common_mandatory"
  std::string label;
  std::string cites;
  std::string message_ja;
  std::string message_en;  // falls back to message_ja when the ruleset gives none
  const std::string& message(Lang l) const { return l == Lang::en ? message_en : message_ja; }
};

struct Verdict {
  std::string id;
  std::string outcome;
  std::string outcome_label;
  std::string standard;  // the standard whose figures are reported
  std::string standard_label;
  Rational total;
  Rational earned_total;
  Rational required_total;
  std::vector<CategoryVerdict> categories;
  std::vector<UnmetVerdict> unmet;
  std::vector<std::pair<std::string, std::string>> reports;  // name -> JSON text
};

// The contract's verdict object on one line (no trailing newline).
std::string verdict_json(const Verdict& v, Lang lang);
// A readable summary for a terminal, several lines, ending in a newline.
// `unit` is the credit unit in English ("units"), `unit_label` in Japanese ("単位").
std::string verdict_text(const Verdict& v, Lang lang, const std::string& unit, const std::string& unit_label = "");

// The member "categories":{…} of the verdict JSON (shared with kijun test's snapshots).
void append_categories_json(std::string& out, const Verdict& v);

// JSON string literal with escapes.
void append_json_string(std::string& out, std::string_view s);

}  // namespace kijun
