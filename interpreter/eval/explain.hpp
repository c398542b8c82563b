// Internal to the evaluator: collecting an Explanation during evaluation.
#pragma once

#include <memory>
#include <unordered_map>

#include "interpreter/eval/explanation.hpp"
#include "interpreter/eval/frame.hpp"

namespace kijun {

class ExplainCollector final : public RecordObserver {
 public:
  ExplainCollector(const Program& p, Value facts, Explanation& out);
  void record(Frame& f, std::uint32_t category, std::uint32_t part, const Value& rec, int reason, bool duplicate,
              Rational earned) override;
  void part_done(std::uint32_t category, std::uint32_t part, Rational earned, Rational counted) override;
  // After the verdict: categories, requirements, outcomes, unconsidered records.
  void finish(Frame& f, std::uint32_t outcome, int standard);

 private:
  const Program& p_;
  Explanation& out_;
  struct Known {
    std::string path;
    Value record;
    bool seen = false;
  };
  std::unordered_map<const Value*, Known> records_;  // by the record's fields pointer
  std::vector<const Value*> order_;                  // records in facts order
};

// "2019-06-21 domain cohosted 創傷治癒共催セミナー": a record in one line.
std::string summarize_record(const Program& p, const Value& rec);

}  // namespace kijun
