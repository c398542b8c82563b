// Shared by the subcommands: exit codes (docs/cli.md) and output helpers.
#pragma once

#include <cstdio>
#include <string>

#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/eval/verdict.hpp"

namespace kijun::cli {

enum Exit : int {
  ok = 0,
  ruleset_errors = 1,  // the ruleset does not check
  usage = 2,           // bad command line
  bad_facts = 3,       // some applicants could not be evaluated (the others were)
  io_error = 4,        // a file could not be read, or output could not be written
  internal = 70,
};

struct CheckOptions {
  std::string ruleset;
  std::string format = "text";  // text | json
};

struct EvalOptions {
  std::string ruleset;
  std::string facts;
  std::string format;  // text | json; default: text on a terminal, else json
  std::string lang = "ja";
  bool explain = false;  // the explanation instead of the bare verdict
  std::string sheet;     // "html" or "markdown": the unit summary sheet instead
};

struct TableOptions {
  std::string ruleset;
  std::string format = "text";  // text | csv | markdown | json
  std::string name;             // one table; all when empty
};

int run_check(const CheckOptions& o);
int run_eval(const EvalOptions& o);
int run_table(const TableOptions& o);

// Writes to stdout; false when the output is gone (closed pipe, full disk).
bool write_out(const std::string& s);
void print_diagnostics(const Diagnostics& ds, const SourceMap& sources, bool json);
Lang parse_lang(const std::string& s);

}  // namespace kijun::cli
