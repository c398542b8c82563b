// A verdict: what the contract's verdict JSON holds, and more. Plain data
// with no pointers into the arena, so it outlives the applicant's evaluation.
// Names, labels and citations are views of the Program's strings (a verdict
// never outlives the Program it was made with), so that building a verdict
// copies none of them; the id, messages and reports are its own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "stdlib/rational.hpp"

namespace kijun {

enum class Lang { ja, en };

struct CategoryVerdict {
  std::string_view name;
  std::string_view label;
  Rational earned;   // after sub-caps, before the category's maximum
  Rational counted;  // after the maximum
  std::optional<Rational> min;
  std::optional<Rational> max;
  bool waived = false;
};

struct UnmetVerdict {
  std::string_view rule;  // stable name: "domain_min", "common_mandatory"
  std::string_view label;
  std::string_view cites;
  std::string message_ja;
  std::string message_en;  // falls back to message_ja when the ruleset gives none
  const std::string& message(Lang l) const { return l == Lang::en ? message_en : message_ja; }
};

struct Verdict {
  std::string id;
  std::string_view outcome;
  std::string_view outcome_label;
  std::string_view standard;  // the standard whose figures are reported
  std::string_view standard_label;
  Rational total;
  Rational earned_total;
  Rational required_total;
  std::vector<CategoryVerdict> categories;
  std::vector<UnmetVerdict> unmet;
  std::vector<std::pair<std::string_view, std::string>> reports;  // name -> JSON text

  // Back to a default Verdict, keeping the memory of its strings and
  // vectors for the next applicant.
  void clear() {
    id.clear();
    outcome = outcome_label = standard = standard_label = {};
    total = earned_total = required_total = Rational{};
    categories.clear();
    unmet.clear();
    reports.clear();
  }
};

// The contract's verdict object on one line (no trailing newline).
std::string verdict_json(const Verdict& v, Lang lang);
void append_verdict_json(std::string& out, const Verdict& v, Lang lang);  // the same, appended to `out`
// A readable summary for a terminal, several lines, ending in a newline.
// `unit` is the credit unit in English ("units"), `unit_label` in Japanese ("単位").
std::string verdict_text(const Verdict& v, Lang lang, const std::string& unit, const std::string& unit_label = "");

// The member "categories":{…} of the verdict JSON (shared with kijun test's snapshots).
void append_categories_json(std::string& out, const Verdict& v);

// JSON string literal with escapes.
void append_json_string(std::string& out, std::string_view s);

}  // namespace kijun
