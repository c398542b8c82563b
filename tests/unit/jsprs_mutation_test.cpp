// Mutation test of the jsprs suite (issue 6: "breaking any single figure in
// the ruleset makes at least one test fail"). Every number and date literal of
// rulesets/jsprs/jsprs.kijun is moved one step up and one step down (a date by
// one day), one at a time, and the examples of rulesets/jsprs/tests are run
// against each mutant in-process, through the same loader and runner as
// `kijun test`. A mutant is killed when an example fails (or cannot be
// evaluated), or when the mutated ruleset no longer checks and says so with
// errors. Every surviving mutant is listed as line:col original → mutant,
// except the few in `equivalent` below, which no applicant can tell apart.
#include <catch2/catch.hpp>

#include <iterator>
#include <sstream>
#include <variant>

#include "interpreter/driver/pipeline.hpp"
#include "interpreter/testing/runner.hpp"
#include "interpreter/testing/suite.hpp"
#include "tests/unit/figure_mutants.hpp"
#include "tests/unit/jsprs_support.hpp"

using namespace kijun;

namespace {

// A mutant no example can kill, because no applicant's verdict changes. (A
// mutant that only changes which error refuses an applicant, as 2015 -> 2014
// in the transition standard does, is killed by an `expect error "…"`
// example: rulesets/jsprs/tests/refused.kijun-test.) `place` is the
// declaration holding the figure (as figure_place() names it), `tail` the end
// of the figure's source line up to and including the figure: both stay the
// same when the ruleset is laid out anew (kijun fmt) or lines move.
struct Equivalent {
  const char* place;
  const char* tail;
  const char* mutant;
  const char* why;
};

const Equivalent equivalent[] = {
    {"let window_start", "renewal_year <= 2019", "2020",
     "from 2020 on the period already starts after 2015-04-01 (2016-01-01 for 2020), so max() changes no window"},
    {"category common / part lectures", "minutes >= 60", "59",
     "a common course under 60 minutes earns floor(minutes / 60) = 0 units (a lecturer 2 x 0) anyway"},
    {"let mandatory_covered", "earned >= 1", "0",
     "records holds only counted courses, and a counted common course lasts an hour or more: it earns 1 or more"},
    {"category academic / part school_doctor", "earns 2", "3",
     "the part's max 2 units caps it: any appointment that counts makes the part 2 either way"},
    {"facts", "points = 0", "1",
     "totals are whole units: 150 - 1 <= 3 x total exactly when 150 - 0 <= 3 x total; no threshold lies between"},
};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The declaration of `rs` that holds byte `offset`, named by its first word and
// its name: "let window_start", "facts", "category academic / part school_doctor",
// "table transition_table / domain_max 2018".
std::string figure_place(const ast::Ruleset& rs, std::string_view text, std::uint32_t offset) {
  auto in = [&](const Span& s) { return s.begin <= offset && offset < s.end; };
  std::string out;
  for (const auto& decl : rs.decls)
    std::visit(
        [&](const auto& d) {
          if (!in(d.span)) return;
          const std::string_view head = text.substr(d.span.begin);
          out = std::string(head.substr(0, head.find_first_of(" \t\n{")));
          if constexpr (requires { d.name.text; }) out += " " + d.name.text;
          if constexpr (requires { d.parts; })
            for (const auto& p : d.parts)
              if (in(p.span)) out += " / part " + p.name.text;
          if constexpr (requires { d.rows; }) {  // a table: its row and column
            for (const auto& k : d.keys)
              if (in(k.span)) out += " / " + d.key.text;
            for (const auto& r : d.rows)
              for (std::size_t i = 0; i < r.cells.size(); ++i)
                if (in(r.cells[i].span) && i < d.keys.size())
                  out += " / " + r.name.text + " " + d.keys[i].value.value_or("-");
          }
        },
        decl);
  return out;
}

struct Run {
  bool checks = false;     // the ruleset loaded without errors
  bool has_errors = false; // when it did not: it said why
  int examples = 0;
  int failed = 0;          // examples that failed or could not be evaluated
};

// The jsprs suite against ruleset `text`, as `kijun test rulesets/jsprs` runs it;
// the loader keeps the test files parsed from one mutant to the next. With
// `stop_at_first`, stops at the first failing example (enough to kill a mutant).
Run run_suite(ruletest::Loader& loader, const std::string& path, std::string text, bool stop_at_first) {
  Run r;
  driver::LoadResult lr = driver::load_ruleset_text(path, std::move(text), loader.sources());
  if (!lr.ruleset) {
    r.has_errors = has_errors(lr.diagnostics);
    return r;
  }
  r.checks = true;
  std::vector<const ruletest::LoadedFile*> own;
  for (const auto& p : ruletest::tests_beside(path, loader))
    if (const auto* f = loader.load(p)) own.push_back(f);
  const auto cases = ruletest::suite_cases(*lr.ruleset, own, loader);
  ruletest::Runner runner(*lr.ruleset->program, loader.sources(), loader.diagnostics());
  for (const auto& c : cases) {
    ++r.examples;
    if (runner.run(c).status != ruletest::CaseResult::Status::passed) {
      ++r.failed;
      if (stop_at_first) break;
    }
  }
  return r;
}

}  // namespace

TEST_CASE("jsprs mutation: breaking any single figure of the ruleset makes an example fail", "[mutation][jsprs]") {
  const std::string path = std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs/jsprs.kijun";
  const std::string text = testing::read_text(path);
  const SourceFile original(0, path, text);
  SourceMap parsed;
  const driver::LoadResult tree = driver::load_ruleset_text(path, text, parsed);
  REQUIRE(tree.ruleset);

  SourceMap sources;  // one for the whole run: the test files and every mutant
  Diagnostics diags;
  ruletest::Loader loader(sources, diags);
  const Run clean = run_suite(loader, path, text, false);
  REQUIRE(clean.checks);
  REQUIRE(clean.examples >= 30);
  {
    INFO(render_all(diags, sources));
    REQUIRE(clean.failed == 0);  // otherwise every mutant would look killed
  }

  const auto figs = testing::figures(text);
  const auto muts = testing::mutants(figs);
  REQUIRE(figs.size() >= 100);  // jsprs.kijun has about 120 figures; far fewer means the lexer lost them

  int by_examples = 0, by_checker = 0;
  std::vector<std::string> survivors;
  std::vector<bool> used(std::size(equivalent), false);
  for (const auto& m : muts) {
    const Run r = run_suite(loader, path, testing::apply(text, m), true);
    if (!r.checks) {
      INFO("a mutant that does not load must say why: " << m.figure.text << " -> " << m.replacement);
      CHECK(r.has_errors);
      ++by_checker;
      continue;
    }
    if (r.failed > 0) {
      ++by_examples;
      continue;
    }
    const auto at = original.locate(m.figure.begin);
    const std::string place = figure_place(tree.ruleset->ast, text, m.figure.begin);
    const std::uint32_t line_begin = original.line_start(at.line);
    const std::string upto = trim(std::string_view(text).substr(line_begin, m.figure.end - line_begin));
    bool allowed = false;
    for (std::size_t i = 0; i < std::size(equivalent); ++i)
      if (place == equivalent[i].place && ends_with(upto, equivalent[i].tail) &&
          m.replacement == equivalent[i].mutant) {
        allowed = used[i] = true;
      }
    if (!allowed)
      survivors.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + m.figure.text + " -> " +
                          m.replacement + "   [" + place + "] " + trim(original.line_text(at.line)));
  }

  std::ostringstream list;
  for (const auto& s : survivors) list << "\n  " << s;
  {
    INFO(figs.size() << " figures, " << muts.size() << " mutants: " << by_examples << " killed by an example, "
                     << by_checker << " by the checker; surviving mutants (add an example that kills each):"
                     << list.str());
    CHECK(survivors.empty());
  }

  // An entry of `equivalent` that no longer matches a surviving mutant is stale:
  // its figure moved or changed, or an example now kills it. Remove or fix it.
  for (std::size_t i = 0; i < std::size(equivalent); ++i) {
    INFO("equivalent mutant no longer seen: [" << equivalent[i].place << "] " << equivalent[i].tail << " -> "
                                               << equivalent[i].mutant << " (listed because " << equivalent[i].why
                                               << ")");
    CHECK(used[i]);
  }
  CHECK(by_examples + by_checker + int(std::size(equivalent)) == int(muts.size()));
}
