#include "interpreter/testing/runner.hpp"

#include <filesystem>

#include "interpreter/diag/suggest.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/facts_reader.hpp"
#include "interpreter/testing/facts_text.hpp"

namespace kijun::ruletest {

namespace fs = std::filesystem;

namespace {

// `applicant B = A with { … }` chains end long before this; a circle does not.
constexpr int max_applicant_depth = 32;

}  // namespace

struct Runner::Impl {
  const Program& program;
  const SourceMap& sources;
  Diagnostics& diags;
  facts::FactsReader reader;
  Evaluator evaluator;
  Arena arena;
  VerdictMatcher matcher;

  Impl(const Program& p, const SourceMap& s, Diagnostics& d) : program(p), sources(s), diags(d), reader(p.schema), evaluator(p, Lang::ja) {}

  // The object a FactsSource of kind applicant or inline_json stands for.
  bool object(const FactsSource& src, const std::vector<const LoadedFile*>& scope, int depth, Json& out) {
    if (src.kind == FactsSource::Kind::inline_json) {
      out = src.json;
      return true;
    }
    if (depth > max_applicant_depth) {
      diags.push_back(error_at(src.span, "applicant '" + src.applicant + "' is defined in terms of itself"));
      return false;
    }
    const ApplicantDef* def = nullptr;
    std::vector<std::string> names;
    for (const LoadedFile* f : scope)
      for (const auto& a : f->file.applicants) {
        names.push_back(a.name);
        if (!def && a.name == src.applicant) def = &a;
      }
    if (!def) {
      diags.push_back(error_at(src.span, "unknown applicant '" + src.applicant + "'",
                                 names.empty() ? "define it with: applicant " + src.applicant + " { … }"
                                               : did_you_mean(src.applicant, names)));
      return false;
    }
    Json base;
    if (!object(def->facts, scope, depth + 1, base)) return false;
    out = src.with ? merge(base, *src.with) : std::move(base);
    return true;
  }
};

Runner::Runner(const Program& program, const SourceMap& sources, Diagnostics& diags)
    : impl_(std::make_unique<Impl>(program, sources, diags)) {}
Runner::~Runner() = default;

bool Runner::facts_text(const Case& c, std::string& out, bool& io) {
  io = false;
  const FactsSource& src = c.example->facts;
  out.clear();
  if (src.kind == FactsSource::Kind::file) {
    const std::string path = (fs::path(c.file->path).parent_path() / src.file).lexically_normal().string();
    std::string why;
    if (!driver::read_file(path, out, why, facts::FactsReader::max_bytes, "max_json_size")) {
      impl_->diags.push_back(error_at(src.span, why));
      io = true;
      return false;
    }
    default_id(out, c.example->name);
    return true;
  }
  Json j;
  if (!impl_->object(src, c.scope, 0, j)) return false;
  if (j.kind != Json::Kind::object) return false;  // the grammar allows only objects here
  default_id(j, c.example->name);
  if (!write_json(j, out, facts::FactsReader::max_bytes)) {
    impl_->diags.push_back(error_at(src.span, "these facts are larger than an applicant may be (16 MiB, limit max_json_size)",
                                      "a smaller '* N' is enough to cross any figure of the rules"));
    return false;
  }
  return true;
}

CaseResult Runner::run(const Case& c) {
  CaseResult r;
  std::string text;
  if (!facts_text(c, text, r.io)) {
    r.status = CaseResult::Status::error;
    return r;
  }
  auto& im = *impl_;
  im.arena.reset();
  Value facts;
  const std::string location = where(im.sources, c.example->span) + " (example \"" + c.example->name + "\")";
  const auto& expects = c.expects->expects;
  const Expectation* refusal = expects.size() == 1 && expects[0].error ? &expects[0] : nullptr;
  // An expected refusal's diagnostics are the example's result, not the run's.
  Diagnostics refused;
  Diagnostics& into = refusal ? refused : im.diags;
  const bool evaluated = im.reader.read(text, im.arena, facts, into, location) &&
                         im.evaluator.evaluate(facts, im.arena, r.verdict, into, location, &r.statuses);
  if (refusal) return expected_refusal(*refusal, evaluated, refused, std::move(r));
  if (!evaluated) {
    r.status = CaseResult::Status::bad_facts;
    return r;
  }
  r.mismatches = im.matcher.match(verdict_json(r.verdict, Lang::ja), c.expects->expects);
  r.status = r.mismatches.empty() ? CaseResult::Status::passed : CaseResult::Status::failed;
  return r;
}

CaseResult Runner::expected_refusal(const Expectation& x, bool evaluated, Diagnostics& diags, CaseResult r) {
  const std::string& text = x.value.text;
  Mismatch m;
  m.expectation = &x;
  m.expected = text.empty() ? "an error" : "an error containing \"" + text + "\"";
  if (evaluated) {
    for (auto& d : diags) impl_->diags.push_back(std::move(d));  // warnings of an evaluation that should not be
    m.got = "outcome " + std::string(r.verdict.outcome);
    r.mismatches.push_back(std::move(m));
    r.status = CaseResult::Status::failed;
    return r;
  }
  r.refused = true;
  std::string first;
  for (const auto& d : diags) {
    if (d.severity != Severity::error) continue;
    const std::string said = d.json_path.empty() ? d.message : d.json_path + ": " + d.message;
    if (said.find(text) != std::string::npos || d.hint.find(text) != std::string::npos) return r;  // passed
    if (first.empty()) first = said;
  }
  m.got = "error \"" + first + "\"";
  r.mismatches.push_back(std::move(m));
  r.status = CaseResult::Status::failed;
  return r;
}

std::string where(const SourceMap& sources, Span at) {
  const SourceFile& f = sources.file(at.file);
  return f.path() + ":" + std::to_string(f.locate(at.begin).line);
}

}  // namespace kijun::ruletest
