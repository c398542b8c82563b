// kijun: the command line. Each subcommand is a short composition of the
// pipeline (driver/pipeline.hpp) and lives in its own cmd_*.cpp.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "interpreter/cli/cli.hpp"
#include "interpreter/diag/suggest.hpp"

namespace {

// CLI11 takes a mistyped command (`kijun evall …`) for a stray argument and
// then says only "A subcommand is required". Name the word instead, with the
// command it is closest to, and list the commands (also when none was given).
// Returns false when the error is about something else.
bool report_missing_command(const CLI::App& app, int argc, char** argv) {
  if (argc >= 2 && argv[1][0] == '-') return false;
  const std::string word = argc >= 2 ? argv[1] : "";
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) return false;
    names.push_back(sub->get_name());
  }
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  if (word.empty()) {
    std::fprintf(stderr, "kijun: a command is required\n");
  } else {
    std::string hint = kijun::did_you_mean(word, names);
    std::fprintf(stderr, "kijun: unknown command '%s'%s%s\n", word.c_str(), hint.empty() ? "" : "; ", hint.c_str());
  }
  std::fprintf(stderr, "The commands are: %s. Run with --help for more information.\n", list.c_str());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (`kijun eval … | head`) is reported as an I/O error by the
  // write that fails, not by a signal that kills the process mid-line.
  std::signal(SIGPIPE, SIG_IGN);

  CLI::App app{"kijun — certification-renewal criteria as rules: check them, evaluate applicants against them"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "kijun 0.1.0");

  kijun::cli::CheckOptions check;
  auto* c = app.add_subcommand("check", "Check a ruleset and report every error and warning, like a compiler");
  c->add_option("RULESET", check.ruleset, "ruleset file, or a directory holding DIR/DIR.kijun")->required();
  c->add_option("--format", check.format, "diagnostics as text (default) or json (one object per line)")
      ->check(CLI::IsMember({"text", "json"}));

  kijun::cli::EvalOptions eval;
  auto* e = app.add_subcommand("eval", "Evaluate one applicant (.json) or a cohort (.jsonl, or - for stdin)");
  e->add_option("RULESET", eval.ruleset, "ruleset file, or a directory holding DIR/DIR.kijun")->required();
  e->add_option("FACTS", eval.facts, "applicant .json, cohort .jsonl (one applicant per line), or - (JSON Lines on stdin)")
      ->required();
  e->add_option("--format", eval.format, "json: the verdict object, one line per applicant; text: a summary "
                                         "(default: text on a terminal, json otherwise)")
      ->check(CLI::IsMember({"text", "json"}));
  e->add_option("--lang", eval.lang, "language of messages: ja (default) or en")->check(CLI::IsMember({"ja", "en"}));
  e->add_flag("--explain", eval.explain, "explain each verdict: every record, cap, requirement and outcome");
  e->add_option("--jobs,-j", eval.jobs, "threads evaluating the cohort (default 0: every core; 1: one thread); "
                                         "output is the same, in input order")
      ->check(CLI::Range(0u, 1024u));

  kijun::cli::EvalOptions explain;
  explain.explain = true;
  auto* x = app.add_subcommand("explain", "Explain verdicts: which records counted, what caps clipped, what is missing");
  x->add_option("RULESET", explain.ruleset, "ruleset file, or a directory holding DIR/DIR.kijun")->required();
  x->add_option("FACTS", explain.facts, "applicant .json, cohort .jsonl, or - (JSON Lines on stdin)")->required();
  x->add_option("--format", explain.format, "text (default on a terminal) or json (one object per applicant)")
      ->check(CLI::IsMember({"text", "json"}));
  x->add_option("--lang", explain.lang, "ja (default) or en")->check(CLI::IsMember({"ja", "en"}));
  x->add_option("--jobs,-j", explain.jobs, "threads evaluating the cohort (default 0: every core; 1: one thread); "
                                         "output is the same, in input order")
      ->check(CLI::Range(0u, 1024u));

  kijun::cli::TableOptions table;
  auto* t = app.add_subcommand("table", "Print the ruleset's tables (requirements by renewal year) from the ruleset");
  t->add_option("RULESET", table.ruleset, "ruleset file, or a directory holding DIR/DIR.kijun")->required();
  t->add_option("--format", table.format, "text (default), csv, markdown or json")
      ->check(CLI::IsMember({"text", "csv", "markdown", "json"}));
  t->add_option("--table", table.name, "print only the table of this name");

  kijun::cli::EvalOptions sheet;
  sheet.sheet = "html";
  auto* s = app.add_subcommand("sheet", "The unit summary sheet (単位集計表) of one applicant, printable");
  s->add_option("RULESET", sheet.ruleset, "ruleset file, or a directory holding DIR/DIR.kijun")->required();
  s->add_option("FACTS", sheet.facts, "one applicant (.json)")->required();
  s->add_option("--format", sheet.sheet, "html (default: a self-contained page that prints on A4) or markdown")
      ->check(CLI::IsMember({"html", "markdown"}));
  s->add_option("--lang", sheet.lang, "ja (default) or en")->check(CLI::IsMember({"ja", "en"}));

  kijun::cli::FmtOptions format;
  auto* f = app.add_subcommand("fmt", "Rewrite rulesets in the one canonical layout (comments kept, meaning checked)");
  f->add_option("PATH", format.paths, "ruleset files or directories (every *.kijun under them); - formats stdin to stdout")
      ->required();
  auto* f_check = f->add_flag("--check", format.check, "write nothing: list the files that would change, exit 1 if any");
  f->add_flag("--stdout", format.to_stdout, "print the formatted text instead of rewriting the files")->excludes(f_check);

  kijun::cli::TestOptions test;
  auto* tc = app.add_subcommand("test", "Run the example applicants of ruleset test files (*.kijun-test) against their rulesets");
  tc->add_option("PATH", test.paths, "test files, rulesets (the tests in tests/ beside them) or directories (every "
                                     "*.kijun-test under them)")
      ->required();
  tc->add_flag("-v,--verbose", test.verbose, "list the examples that pass as well");
  tc->add_option("--format", test.format, "text (default) or json (one object: failures, coverage)")
      ->check(CLI::IsMember({"text", "json"}));
  tc->add_flag("--coverage{report}", test.coverage,
               "report which requirements the examples saw met and unmet, and which outcomes they reached; "
               "--coverage=required also fails the run when coverage is not full")
      ->check(CLI::IsMember({"report", "required"}));
  tc->add_option("--snapshot", test.snapshot,
                 "a cohort (.jsonl): compare every applicant's verdict with COHORT.verdicts.jsonl (recorded when "
                 "missing); list the changed ones and fail");
  tc->add_flag("--accept", test.accept, "record changed verdict snapshots (atomically) instead of failing");

  kijun::cli::WhatIfOptions whatif;
  auto* w = app.add_subcommand("whatif", "Evaluate a cohort under a base ruleset and a draft: who changes outcome, and why");
  w->add_option("BASE", whatif.base, "the ruleset in force")->required();
  w->add_option("DRAFT", whatif.draft, "the proposed revision")->required();
  w->add_option("COHORT", whatif.cohort, "applicants as JSON Lines (.jsonl), or - for stdin")->required();
  w->add_option("--format", whatif.format, "text (default), json, csv (one line per changed applicant) or html")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  w->add_option("--lang", whatif.lang, "language of messages: ja (default) or en")->check(CLI::IsMember({"ja", "en"}));
  w->add_option("--max-listed", whatif.max_listed, "changed applicants listed in text, json and html (default 1000)");
  w->add_option("--jobs,-j", whatif.jobs, "threads evaluating the cohort (default 0: every core; 1: one thread); "
                                         "output is the same, in input order")
      ->check(CLI::Range(0u, 1024u));

  kijun::cli::DiffOptions diff;
  auto* d = app.add_subcommand("diff", "What changed in meaning between two rulesets, or a base and its draft");
  d->add_option("A", diff.from, "the ruleset before (file or directory)")->required();
  d->add_option("B", diff.to, "the ruleset after (file or directory, or a draft)")->required();
  d->add_option("--format", diff.format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
  d->add_flag("--exit-code", diff.exit_code, "exit 1 when the rulesets differ in meaning, 0 when they do not");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& err) {
    if (report_missing_command(app, argc, argv)) return kijun::cli::usage;
    int code = app.exit(err);
    return code == 0 ? 0 : kijun::cli::usage;
  }
  try {
    if (*c) return kijun::cli::run_check(check);
    if (*e) return kijun::cli::run_eval(eval);
    if (*t) return kijun::cli::run_table(table);
    if (*x) return kijun::cli::run_eval(explain);
    if (*s) return kijun::cli::run_eval(sheet);
    if (*f) return kijun::cli::run_fmt(format);
    if (*tc) return kijun::cli::run_test(test);
    if (*w) return kijun::cli::run_whatif(whatif);
    if (*d) return kijun::cli::run_diff(diff);
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "kijun: internal error: %s\n", ex.what());
    return kijun::cli::internal;
  }
  return kijun::cli::usage;
}
