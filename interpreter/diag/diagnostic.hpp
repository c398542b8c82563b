// Diagnostics are data, collected by every stage and rendered once
// (render.cpp) as text like a compiler's, or as JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/source/source.hpp"

namespace kijun {

enum class Severity { error, warning, note };

const char* to_string(Severity s);

struct Diagnostic {
  Severity severity = Severity::error;
  // Where in a ruleset: rendered as file:line:col with the source line and a
  // caret under the span.
  std::optional<Span> span;
  // Where, when there is no ruleset span: e.g. "cohort.jsonl:17" or
  // "examples/a.json". Rendered in front of the message.
  std::string location;
  // What, for facts: e.g. "applicant 'EX-1'". Rendered after the location.
  std::string subject;
  // JSON path into facts, e.g. "$.courses[3].minutes".
  std::string json_path;
  std::string message;
  std::string hint;  // optional "hint: ..." line
  // Secondary locations ("first defined here").
  struct Note {
    std::optional<Span> span;
    std::string message;
  };
  std::vector<Note> notes;
};

using Diagnostics = std::vector<Diagnostic>;

// An error at a span of a source file (rendered with its line and caret).
inline Diagnostic error_at(Span at, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.span = at;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

// An error about a file or a line of one ("cohort.jsonl:17"), with no span.
inline Diagnostic error_in(std::string location, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.location = std::move(location);
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

inline bool has_errors(const Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::error) return true;
  return false;
}

// Text form:
//   rules.kijun:12:7: error: unknown category 'comon'
//      12 |   comon min 3 units
//         |   ^^^^^
//   hint: did you mean 'common'?
// and for facts:
//   cohort.jsonl:17: error: applicant 'EX-1': $.courses[3].minutes: expected ...
std::string render(const Diagnostic& d, const SourceMap& sources);
std::string render_all(const Diagnostics& ds, const SourceMap& sources);
// One JSON object per diagnostic: {"severity","file","line","column",
// "end_line","end_column","location","subject","path","message","hint"}.
std::string render_json(const Diagnostic& d, const SourceMap& sources);

}  // namespace kijun
