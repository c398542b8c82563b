// The evaluation state of one applicant: the facts, the memoised cells, and
// the stack of records that `where` and `part` are iterating over.
#pragma once

#include <cstdint>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/eval/arena.hpp"

namespace kijun {

enum class CellState : std::uint8_t { pending, busy, done };

struct Frame;

// Observes the per-record decisions of categories (for `explain`). Null in
// ordinary runs, so the hot path pays one pointer test per record.
struct RecordObserver {
  virtual ~RecordObserver() = default;
  // Called while `rec` is still the innermost element of `f`, so a reason may
  // be rendered for this very record. reason < 0: counted, with `earned`;
  // otherwise the index of the failing `counts when` clause. `duplicate`:
  // counted, but an earlier record with the same `once per` key earned.
  virtual void record(Frame& f, std::uint32_t category, std::uint32_t part, const Value& rec, int reason,
                      bool duplicate, Rational earned) = 0;
  // A part's units before and after its own cap.
  virtual void part_done(std::uint32_t category, std::uint32_t part, Rational earned, Rational counted) = 0;
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

  // A cell's value, computed on first use. Inline for the usual case, a
  // value already there; cells.cpp computes the others.
  Value force(std::uint32_t cell) {
    if (state[cell] == CellState::done) return values[cell];
    return compute_cell(cell);
  }
  Value compute_cell(std::uint32_t cell);  // cells.cpp

  const Program& program;
  Arena& arena;
  Value facts;
  std::vector<Value> values;
  std::vector<CellState> state;
  std::vector<const Value*> elements;  // innermost last
  RecordObserver* observer = nullptr;
};

}  // namespace kijun
