// What each fuzz target does with one input. Header-only so that the
// libFuzzer targets (tests/fuzz/fuzz_*.cpp, clang only) and the regression
// test that replays their findings (tests/unit/fuzz_regressions_test.cpp,
// any compiler, no CMake change to tests/) run exactly the same code path.
//
// Crashes, hangs, leaks and sanitizer reports speak for themselves. The
// functions also check what the interfaces promise and return a description
// of a broken promise ("" when all is well); the targets abort on it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/eval/explanation.hpp"
#include "interpreter/facts/facts_reader.hpp"

namespace kijun::fuzz {

// A ruleset loaded once for the facts and eval targets.
struct Ruleset {
  SourceMap sources;
  driver::LoadResult result;
  const Program& program() const { return *result.ruleset->program; }
};

// Loads `path` (a ruleset file or directory) or returns null with the
// rendered diagnostics in `error`.
inline std::unique_ptr<Ruleset> load(const std::string& path, std::string& error) {
  auto rs = std::make_unique<Ruleset>();
  rs->result = driver::load_ruleset(path, rs->sources);
  if (!rs->result.ruleset) {
    error = render_all(rs->result.diagnostics, rs->sources);
    return nullptr;
  }
  return rs;
}

// Where fuzz_ruleset's text claims to be: among jsprs's drafts, so that a
// draft's `extends "../jsprs.kijun"` (and the golden drafts' longer paths)
// find their base and the draft merge is fuzzed too. Nothing is written there.
inline std::string ruleset_name(const std::string& source_dir) {
  return source_dir + "/rulesets/jsprs/drafts/fuzz.kijun";
}

// fuzz_ruleset: text -> parse, merge into its base when it is a draft, check,
// compile (kijun check), and the diagnostics rendered as the CLI renders
// them (spans on arbitrary text). `name` is from ruleset_name().
inline std::string ruleset_input(std::string_view bytes, const std::string& name) {
  SourceMap sources;
  driver::LoadResult r = driver::load_ruleset_text(name, std::string(bytes), sources);
  std::string text = render_all(r.diagnostics, sources);
  for (const auto& d : r.diagnostics) text += render_json(d, sources);
  // pipeline.hpp: the ruleset is null exactly when there are errors.
  if (!r.ruleset && !has_errors(r.diagnostics)) return "no ruleset, yet no error diagnostic";
  if (r.ruleset && has_errors(r.diagnostics)) return "a ruleset despite error diagnostics";
  if (r.ruleset && !r.ruleset->program) return "a ruleset without a program";
  return {};
}

namespace detail {

// Reads `bytes` as one applicant; renders the diagnostics either way.
inline bool read_facts(const Ruleset& rs, std::string_view bytes, Arena& arena, Value& facts,
                       Diagnostics& diags, std::string& broken) {
  facts::FactsReader reader(rs.program().schema);
  bool ok = reader.read(bytes, arena, facts, diags, "fuzz.json");
  std::string text = render_all(diags, rs.sources);
  for (const auto& d : diags) text += render_json(d, rs.sources);
  // facts_reader.hpp: on failure appends diagnostics; errors only then.
  if (!ok && !has_errors(diags)) broken = "read failed without an error diagnostic";
  if (ok && has_errors(diags)) broken = "read succeeded with an error diagnostic";
  return ok && broken.empty();
}

// The credit unit's name, as `kijun eval` passes it to verdict_text.
inline std::string credit_unit(const Ruleset& rs) { return rs.program().units[rs.program().credit_unit].name; }

}  // namespace detail

// fuzz_facts: JSON -> FactsReader::read against the ruleset's schema.
inline std::string facts_input(const Ruleset& rs, std::string_view bytes) {
  Arena arena;
  Value facts;
  Diagnostics diags;
  std::string broken;
  detail::read_facts(rs, bytes, arena, facts, diags, broken);
  return broken;
}

// fuzz_eval: JSON -> facts -> Evaluator::evaluate and Evaluator::explain, with
// every output the CLI prints for them. The language follows the input's
// length so both are exercised, yet each input always does the same.
inline std::string eval_input(const Ruleset& rs, std::string_view bytes) {
  Arena arena;
  Value facts;
  Diagnostics diags;
  std::string broken;
  if (!detail::read_facts(rs, bytes, arena, facts, diags, broken)) return broken;
  Lang lang = bytes.size() % 2 ? Lang::en : Lang::ja;
  Evaluator evaluator(rs.program(), lang);

  Verdict verdict;
  Diagnostics eval_diags;
  bool evaluated = evaluator.evaluate(facts, arena, verdict, eval_diags, "fuzz.json");
  std::string text = render_all(eval_diags, rs.sources);
  if (evaluated) text += verdict_json(verdict, lang) + verdict_text(verdict, lang, detail::credit_unit(rs));

  Explanation why;
  Diagnostics explain_diags;
  bool explained = evaluator.explain(facts, arena, why, explain_diags, "fuzz.json");
  text += render_all(explain_diags, rs.sources);
  if (explained) {
    text += explanation_text(why, lang) + explanation_json(why, lang);
    text += summary_sheet_markdown(why, lang) + summary_sheet_html(why, lang);
  }

  // evaluate.hpp: explain() is evaluate() observed, so they must agree.
  if (evaluated != explained) return evaluated ? "explain failed where evaluate succeeded"
                                               : "explain succeeded where evaluate failed";
  if (!evaluated && !has_errors(eval_diags)) return "evaluate failed without an error diagnostic";
  if (evaluated && verdict_json(verdict, lang) != verdict_json(why.verdict, lang))
    return "explain's verdict differs from evaluate's:\n" + verdict_json(verdict, lang) + "\n" +
           verdict_json(why.verdict, lang);
  return {};
}

}  // namespace kijun::fuzz
