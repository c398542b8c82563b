// The pipeline, in order: read -> parse (grammar/) -> check and compile
// (check/) -> a Program ready for the Evaluator (eval/). This is the only place
// that knows the order; every CLI command is a short composition of these.
#pragma once

#include <memory>
#include <string>

#include "interpreter/ast/ast.hpp"
#include "interpreter/compile/plan.hpp"
#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/source/limits.hpp"
#include "interpreter/source/source.hpp"

namespace kijun::driver {

struct LoadedRuleset {
  std::string path;       // the ruleset file actually read
  ast::Ruleset ast;
  std::unique_ptr<Program> program;
};

struct LoadResult {
  std::unique_ptr<LoadedRuleset> ruleset;  // null when there are errors
  Diagnostics diagnostics;                 // errors and warnings
};

// Largest ruleset file accepted.
inline constexpr std::size_t max_ruleset_bytes = limits::max_ruleset_size;

// `path` is a ruleset file or a directory holding one: DIR/<DIR's name>.kijun,
// or else the only *.kijun file directly in DIR.
LoadResult load_ruleset(const std::string& path, SourceMap& sources);

// The same for ruleset text already in memory (tests, stdin); `name` is the
// file name shown in diagnostics.
LoadResult load_ruleset_text(const std::string& name, std::string text, SourceMap& sources);

// Reads a whole file; on failure returns false with a readable reason.
// `limit_name` names the limit in the message when the file is too large.
bool read_file(const std::string& path, std::string& out, std::string& error, std::size_t limit,
               const char* limit_name = "max_ruleset_size");

// Replaces (or creates) the file at `path` by `text` atomically: a temporary
// file in the same directory, fsync, rename; the old file's permissions kept.
// On failure the file is as it was, no temporary is left, and `error` says why.
bool write_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace kijun::driver
