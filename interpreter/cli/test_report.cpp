#include "interpreter/cli/test_report.hpp"

#include <fmt/format.h>

#include "interpreter/cli/cli.hpp"
#include "interpreter/eval/verdict.hpp"

namespace kijun::cli {

namespace {

using ruletest::Case;
using ruletest::CaseResult;

std::string json_string(const std::string& s) {
  std::string o;
  append_json_string(o, s);
  return o;
}

std::string json_list(const std::vector<std::string>& items) {
  std::string o = "[";
  for (std::size_t i = 0; i < items.size(); ++i) o += (i ? "," : "") + items[i];
  return o + "]";
}

std::uint32_t line_of(const SourceMap& sources, Span at) { return sources.file(at.file).locate(at.begin).line; }

std::string heading(const SourceMap& sources, const Case& c, const char* what, const std::string& ruleset) {
  std::string s = fmt::format("{}: {} \"{}\"", ruletest::where(sources, c.example->span), what, c.example->name);
  if (!c.example->cites.empty()) s += fmt::format(" (cites {})", c.example->cites);
  if (c.inherited) s += fmt::format(" [base's example, run against {}]", ruleset);
  return s + "\n";
}

}  // namespace

void TestReport::untested(const std::string& ruleset) {
  if (json_) untested_.push_back(json_string(ruleset));
  else text_ += ruleset + ": no tests\n";
}

void TestReport::unusable(const std::string& test_file, const std::string& ruleset, bool unreadable) {
  note(fmt::format("{}: tests for {}, which {}", test_file, ruleset, unreadable ? "cannot be read" : "does not check"));
}

void TestReport::note(const std::string& line) {
  if (json_) notes_.push_back(json_string(line));
  else text_ += line + "\n";
}

void TestReport::example(const Case& c, const CaseResult& r, const std::string& ruleset) {
  if (r.status == CaseResult::Status::passed) {
    if (verbose_ && !json_) text_ += heading(sources_, c, "ok", ruleset);
    return;
  }
  if (json_) {
    const char* problem = r.status == CaseResult::Status::failed      ? "expectations"
                          : r.status == CaseResult::Status::bad_facts ? "bad_facts"
                                                                      : "facts_not_assembled";
    std::vector<std::string> ms;
    for (const auto& m : r.mismatches)
      ms.push_back(fmt::format("{{\"file\":{},\"line\":{},\"path\":{},\"expected\":{},\"got\":{},\"detail\":{}}}",
                               json_string(sources_.file(m.expectation->span.file).path()),
                               line_of(sources_, m.expectation->span), json_string(m.expectation->path),
                               json_string(m.expected), json_string(m.got), json_string(m.detail)));
    failures_.push_back(fmt::format(
        "{{\"file\":{},\"line\":{},\"name\":{},\"cites\":{},\"ruleset\":{},\"inherited\":{},\"problem\":\"{}\","
        "\"mismatches\":{}}}",
        json_string(sources_.file(c.example->span.file).path()), line_of(sources_, c.example->span),
        json_string(c.example->name), json_string(c.example->cites), json_string(ruleset),
        c.inherited ? "true" : "false", problem, json_list(ms)));
    return;
  }
  text_ += heading(sources_, c, "FAIL", ruleset);
  switch (r.status) {
    case CaseResult::Status::failed:
      for (const auto& m : r.mismatches)
        text_ += fmt::format("  {}: {}: expected {}, got {}{}\n", ruletest::where(sources_, m.expectation->span),
                             m.expectation->path, m.expected, m.got, m.detail.empty() ? "" : " (" + m.detail + ")");
      break;
    case CaseResult::Status::bad_facts: text_ += "  the facts could not be evaluated (diagnostics above)\n"; break;
    default: text_ += "  the facts could not be assembled (diagnostics above)\n"; break;
  }
}

void TestReport::snapshot(const ruletest::SnapshotResult& r, const std::string& cohort, bool accepted) {
  if (r.io_error) return;  // the diagnostics said it
  std::string head;
  if (r.bad)
    head = fmt::format("{} applicant{} of {} could not be evaluated (diagnostics above); verdicts not recorded", r.bad,
                       r.bad == 1 ? "" : "s", cohort);
  else if (!r.existed)
    head = fmt::format("recorded {} verdict{} (there was no snapshot yet)", r.applicants, r.applicants == 1 ? "" : "s");
  else if (r.changes.empty())
    head = fmt::format("{} verdict{}, none changed", r.applicants, r.applicants == 1 ? "" : "s");
  else {
    std::size_t outcomes = 0;
    for (const auto& c : r.changes) outcomes += c.kind == ruletest::VerdictChange::Kind::changed && c.before != c.after;
    head = fmt::format("{} of {} verdict{} changed ({} in outcome){}", r.changes.size(), r.applicants,
                       r.applicants == 1 ? "" : "s", outcomes, accepted && r.written ? "; accepted and recorded" : "");
  }
  if (!r.changes.empty() && !accepted) ++snapshots_changed_;
  if (json_) {
    std::vector<std::string> changes;
    for (const auto& c : r.changes) {
      std::vector<std::string> what;
      for (const auto& w : c.what) what.push_back(json_string(w));
      const char* kind = c.kind == ruletest::VerdictChange::Kind::added     ? "added"
                         : c.kind == ruletest::VerdictChange::Kind::removed ? "removed"
                                                                            : "changed";
      changes.push_back(fmt::format("{{\"id\":{},\"change\":\"{}\",\"before\":{},\"after\":{},\"what\":{}}}",
                                    json_string(c.id), kind, json_string(c.before), json_string(c.after),
                                    json_list(what)));
    }
    snapshots_.push_back(fmt::format(
        "{{\"cohort\":{},\"verdicts\":{},\"applicants\":{},\"bad\":{},\"existed\":{},\"written\":{},"
        "\"summary\":{},\"changes\":{}}}",
        json_string(cohort), json_string(r.verdicts), r.applicants, r.bad, r.existed ? "true" : "false",
        r.written ? "true" : "false", json_string(head), json_list(changes)));
    return;
  }
  text_ += fmt::format("snapshot {}: {}\n", r.verdicts, head);
  for (const auto& c : r.changes) text_ += "  " + ruletest::describe(c) + "\n";
  if (!r.changes.empty() && !accepted)
    text_ += "  if these changes are intended, record them with --accept (and commit " + r.verdicts + ")\n";
}

void TestReport::suite_done(const std::string& ruleset, std::size_t examples, std::size_t failed, bool several) {
  if (several && !json_) text_ += fmt::format("{}: {} examples, {} failed\n", ruleset, examples, failed);
}

void TestReport::coverage(const ruletest::Coverage& cov, const std::string& ruleset) {
  if (json_) coverage_.push_back(cov.json(ruleset));
  else text_ += cov.text(ruleset);
}

void TestReport::finish(std::size_t examples, std::size_t failed, std::size_t files_not_run, bool coverage_incomplete) {
  if (json_) {
    text_ = fmt::format(
        "{{\"examples\":{},\"failed\":{},\"test_files_not_run\":{},\"failures\":{},\"untested\":{},\"notes\":{}",
        examples, failed, files_not_run, json_list(failures_), json_list(untested_), json_list(notes_));
    if (!coverage_.empty()) text_ += ",\"coverage\":" + json_list(coverage_);
    if (!snapshots_.empty()) text_ += ",\"snapshots\":" + json_list(snapshots_);
    text_ += "}\n";
    return;
  }
  text_ += fmt::format("{} example{}, {} failed", examples, examples == 1 ? "" : "s", failed);
  if (files_not_run)
    text_ += fmt::format("; {} test file{} not run (diagnostics above)", files_not_run, files_not_run == 1 ? "" : "s");
  if (coverage_incomplete) text_ += "; coverage incomplete";
  if (snapshots_changed_)
    text_ += fmt::format("; {} snapshot{} changed", snapshots_changed_, snapshots_changed_ == 1 ? "" : "s");
  text_ += '\n';
}

bool TestReport::flush() {
  const bool ok = write_out(text_);
  text_.clear();
  return ok;
}

}  // namespace kijun::cli
