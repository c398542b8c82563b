// Reads applicant JSON (one object, or one JSON Lines line) into a record
// Value, validated against the Schema: every problem is a Diagnostic naming
// the applicant, the JSON path and what was expected.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/eval/arena.hpp"
#include "interpreter/facts/schema.hpp"
#include "interpreter/source/limits.hpp"

namespace kijun::facts {

class FactsReader {
 public:
  explicit FactsReader(const Schema& schema);
  ~FactsReader();
  FactsReader(const FactsReader&) = delete;
  FactsReader& operator=(const FactsReader&) = delete;

  // Parses `json` (one JSON object). On success sets `out` to a record value
  // allocated in `arena` and returns true. On failure appends diagnostics
  // (location = `location`, e.g. "cohort.jsonl:17"; subject = "applicant
  // 'ID'" once the id is known; json_path; message; hint) and returns false.
  // Every field error of the applicant is reported, up to max_errors.
  bool read(std::string_view json, Arena& arena, Value& out, Diagnostics& diags,
            const std::string& location);
  // The same for a `json` followed by input_padding (batch_reader.hpp) zero
  // bytes, as a Batch holds its lines: parsed where it lies, not copied.
  bool read_padded(std::string_view json, Arena& arena, Value& out, Diagnostics& diags,
                   const std::string& location);

  // The applicant id of the last read() call, or "" if it had none.
  const std::string& last_id() const;

  // How read() reads (docs/architecture.md, "Facts"): a fast path first, and
  // when it bails the careful path, which alone reports problems. The other
  // two are for tests that compare the paths: careful_only reads as if there
  // were no fast path; fast_only fails, with one error saying so, wherever
  // the fast path bails.
  enum class Paths { fast_then_careful, fast_only, careful_only };
  void set_paths(Paths paths);

  static constexpr int max_errors = 20;
  // Longest accepted JSON text for one applicant.
  static constexpr std::size_t max_bytes = limits::max_json_size;

 private:
  bool read_any(std::string_view json, bool padded, Arena& arena, Value& out, Diagnostics& diags,
                const std::string& location);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kijun::facts
