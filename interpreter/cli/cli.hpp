// Shared by the subcommands: exit codes (docs/cli.md) and output helpers.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

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
  unsigned jobs = 0;     // threads for a cohort; 0: every core
};

struct TableOptions {
  std::string ruleset;
  std::string format = "text";  // text | csv | markdown | json
  std::string name;             // one table; all when empty
};

struct WhatIfOptions {
  std::string base;
  std::string draft;
  std::string cohort;
  std::string format = "text";  // text | json | csv | html
  std::string lang = "ja";
  std::size_t max_listed = 1000;  // changed applicants listed in text, json and html
  unsigned jobs = 0;              // threads; 0: every core
};

struct DiffOptions {
  std::string from;
  std::string to;
  std::string format = "text";  // text | json
  bool exit_code = false;       // exit 1 when they differ, like diff(1)
};

int run_check(const CheckOptions& o);
int run_diff(const DiffOptions& o);
int run_whatif(const WhatIfOptions& o);
int run_eval(const EvalOptions& o);
int run_table(const TableOptions& o);

struct FmtOptions {
  std::vector<std::string> paths;  // files, directories (every *.kijun under them), or - (stdin to stdout)
  bool check = false;              // write nothing; list the files that would change, exit 1 if any
  bool to_stdout = false;          // print the formatted text instead of rewriting
};

int run_fmt(const FmtOptions& o);

struct TestOptions {
  std::vector<std::string> paths;  // test files, rulesets (their tests/ beside them) or directories
  bool verbose = false;            // list the examples that pass too
  std::string format = "text";     // text | json (one object at the end)
  std::string coverage;            // "" none, "report", or "required": incomplete coverage fails the run
  std::string snapshot;            // a cohort (.jsonl) whose verdicts are compared with COHORT.verdicts.jsonl
  bool accept = false;             // record changed snapshots instead of failing
};

int run_test(const TestOptions& o);

// Writes to stdout; false when the output is gone (closed pipe, full disk).
bool write_out(const std::string& s);
// At the end of a command: flushes stdout and, when any output was lost,
// says so on stderr ("cannot write WHAT: No space left on device"; nothing
// for a closed pipe) and returns false: the command then exits io_error.
bool finish_output(const char* what);
void print_diagnostics(const Diagnostics& ds, const SourceMap& sources, bool json);
Lang parse_lang(const std::string& s);

}  // namespace kijun::cli
