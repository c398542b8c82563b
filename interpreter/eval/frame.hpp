// The evaluation state of one applicant: the facts, the memoised cells, and
// the stack of records that `where` and `part` are iterating over.
#pragma once

#include <cstdint>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/eval/arena.hpp"

namespace kijun {

enum class CellState : std::uint8_t { pending, busy, done };

// Observes the per-record decisions of categories (for `explain`). Null in
// ordinary runs, so the hot path pays one pointer test per record.
struct RecordObserver {
  virtual ~RecordObserver() = default;
  // reason < 0: counted, with `earned`; otherwise the index of the failing
  // `counts when` clause. `duplicate`: counted, but an earlier record with the
  // same `once per` key already earned.
  virtual void record(std::uint32_t category, std::uint32_t part, std::uint32_t index, int reason,
                      bool duplicate, Rational earned) = 0;
};

struct Frame {
  Frame(const Program& p, Arena& a) : program(p), arena(a) {
    values.resize(p.cells.size());
    state.resize(p.cells.size(), CellState::pending);
  }

  void reset(Value applicant) {
    facts = applicant;
    std::fill(state.begin(), state.end(), CellState::pending);
    elements.clear();
  }

  Value force(std::uint32_t cell);  // evaluate.cpp

  const Program& program;
  Arena& arena;
  Value facts;
  std::vector<Value> values;
  std::vector<CellState> state;
  std::vector<const Value*> elements;  // innermost last
  RecordObserver* observer = nullptr;
};

}  // namespace kijun
