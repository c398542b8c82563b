// Drafts (`extends`, `override`, `remove`), the semantic diff, and its use
// with git: each draft is merged into its base and checked as a whole.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "interpreter/diff/diff.hpp"
#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
namespace fs = std::filesystem;

namespace {

const std::string src = KIJUN_SOURCE_DIR;

struct Loaded {
  SourceMap sources;
  driver::LoadResult result;
  std::string text;
};

std::unique_ptr<Loaded> load(const std::string& path) {
  auto l = std::make_unique<Loaded>();
  l->result = driver::load_ruleset(path, l->sources);
  l->text = render_all(l->result.diagnostics, l->sources);
  return l;
}

// A scratch directory with a draft of jsprs in it.
std::string draft_file(const std::string& name, const std::string& body) {
  fs::path dir = testing::scratch("drafts");
  fs::create_directories(dir);
  fs::path f = dir / (name + ".kijun");
  std::ofstream(f) << "ruleset " << name << " \"test draft\"\n  extends \"" << src << "/rulesets/jsprs/jsprs.kijun\"\n"
                   << body;
  return f.string();
}

std::vector<std::string> diff_lines(const std::string& a, const std::string& b) {
  auto la = load(a);
  auto lb = load(b);
  REQUIRE(la->result.ruleset);
  REQUIRE(lb->result.ruleset);
  std::vector<std::string> out;
  for (const auto& c : diff::compare(la->result.ruleset->ast, la->sources, lb->result.ruleset->ast, lb->sources)) {
    const char* k = c.kind == diff::Kind::added ? "+" : c.kind == diff::Kind::removed ? "-" : "~";
    out.push_back(std::string(k) + " " + c.where + (c.what.empty() ? "" : ": " + c.what));
  }
  return out;
}

std::string run(const std::string& cmd) { return testing::run_command(cmd); }

}  // namespace

TEST_CASE("the shipped drafts check clean", "[drafts]") {
  for (const char* d : {"veteran_50", "mandatory_units"}) {
    auto l = load(src + "/rulesets/jsprs/drafts/" + d + ".kijun");
    INFO(l->text);
    CHECK(l->result.ruleset);
    CHECK(l->text.empty());
  }
}

TEST_CASE("kijun diff shows exactly the drafts' changes", "[drafts][diff]") {
  using L = std::vector<std::string>;
  std::string base = src + "/rulesets/jsprs";
  CHECK(diff_lines(base, src + "/rulesets/jsprs/drafts/veteran_50.kijun") ==
        L{"~ ruleset: name", "~ ruleset: label", "~ ruleset: version", "~ exemption veteran: lowers total by"});
  CHECK(diff_lines(base, src + "/rulesets/jsprs/drafts/mandatory_units.kijun") ==
        L{"~ ruleset: name", "~ ruleset: label", "~ ruleset: version", "- let mandatory_missing",
          "~ standard transition / require common_mandatory: label",
          "~ standard transition / require common_mandatory: cites",
          "~ standard transition / require common_mandatory: condition",
          "~ standard transition / require common_mandatory: message",
          "~ standard full / require common_mandatory: label", "~ standard full / require common_mandatory: cites",
          "~ standard full / require common_mandatory: condition",
          "~ standard full / require common_mandatory: message", "+ let mandatory_units"});
  CHECK(diff_lines(base, base).empty());
}

TEST_CASE("a draft changes a table cell, a bound, a part, and removes a requirement", "[drafts]") {
  std::string f = draft_file("cells", R"(
override table transition_table { domain_min 2018: 10 }
override standard full {
  domain min 18 units max 31 units
  remove work_declaration
}
override category academic {
  part review "査読" { from activities where kind == review earns 2 units }
}
)");
  auto l = load(f);
  INFO(l->text);
  REQUIRE(l->result.ruleset);
  const Program& p = *l->result.ruleset->program;
  for (const auto& t : p.tables)
    if (t.name == "transition_table")
      for (const auto& r : t.rows)
        if (r.name == "domain_min") CHECK(rational::to_string(*r.cells[3]) == "10");
  std::vector<std::string> d = diff_lines(src + "/rulesets/jsprs", f);
  CHECK(std::find(d.begin(), d.end(), "~ table transition_table / domain_min [2018]: cell") != d.end());
  CHECK(std::find(d.begin(), d.end(), "~ standard full / bounds domain: min") != d.end());
  CHECK(std::find(d.begin(), d.end(), "- standard full / require work_declaration") != d.end());
  CHECK(std::find(d.begin(), d.end(), "~ category academic / part review: counts when") != d.end());
  CHECK(std::find(d.begin(), d.end(), "~ category academic / part review: earns") != d.end());
  // The merged ruleset evaluates: a review now earns 2 units, even without an approved journal.
  testing::Loaded t;
  auto out = testing::evaluate(testing::load(f),
                               testing::applicant(R"("activities": [{"date": "2019-06-01", "kind": "review"}])"));
  REQUIRE(out.ok);
  for (const auto& c : out.verdict.categories)
    if (c.name == "academic") CHECK(rational::to_string(c.earned) == "2");
  for (const auto& u : out.verdict.unmet) CHECK(u.rule != "work_declaration");
}

TEST_CASE("draft mistakes are diagnostics in the draft", "[drafts]") {
  auto unknown = load(draft_file("unknown", "override let windw = 1\n"));
  CHECK(unknown->text.find("override of let 'windw': the base has no let of that name") != std::string::npos);
  auto twice = load(draft_file("twice", "let window = 1\n"));
  CHECK(twice->text.find("'window' is already defined in the base ruleset") != std::string::npos);
  CHECK(twice->text.find("write `override let window …` to change it") != std::string::npos);
  auto gone = load(draft_file("gone", "remove outcome nosuch\n"));
  CHECK(gone->text.find("the base has no outcome 'nosuch' to remove") != std::string::npos);
  auto cell = load(draft_file("cell", "override table transition_table { domain_min 2014: 1 }\n"));
  CHECK(cell->text.find("table transition_table has no column 2014") != std::string::npos);
  auto missing = load(draft_file("missing", "").replace(0, 0, ""));
  CHECK(missing->result.ruleset);
  // override outside a draft
  SourceMap sm;
  auto plain = driver::load_ruleset_text("plain.kijun", "ruleset plain\noverride let x = 1\n", sm);
  CHECK(render_all(plain.diagnostics, sm).find("override and remove belong in a draft") != std::string::npos);
  // a base that does not exist, and a draft that extends itself
  fs::path dir = testing::scratch("drafts");
  std::ofstream(dir / "self.kijun") << "ruleset self extends \"self.kijun\"\n";
  CHECK(load((dir / "self.kijun").string())->text.find("a draft cannot extend itself") != std::string::npos);
  std::ofstream(dir / "nobase.kijun") << "ruleset nobase extends \"no/such/base.kijun\"\n";
  CHECK(load((dir / "nobase.kijun").string())->text.find("cannot find the base ruleset 'no/such/base.kijun'") !=
        std::string::npos);
}

TEST_CASE("kijun diff with git: comparing the ruleset at two revisions", "[drafts][diff][git]") {
  if (run("command -v git").empty()) FAIL("git is needed for this test");
  fs::path repo = testing::scratch("git-recipe");
  fs::remove_all(repo);
  fs::create_directories(repo / "rulesets" / "jsprs");
  fs::copy_file(src + "/rulesets/jsprs/jsprs.kijun", repo / "rulesets" / "jsprs" / "jsprs.kijun");
  std::string git = "cd '" + repo.string() + "' && git -c user.name=t -c user.email=t@t ";
  run(git + "init -q && " + git + "add . && " + git + "commit -qm base");
  std::string text = testing::read_text((repo / "rulesets/jsprs/jsprs.kijun").string());
  auto at = text.find("  domain min 15 units max 31 units");
  REQUIRE(at != std::string::npos);
  text.replace(at, 34, "  domain min 16 units max 31 units");
  std::ofstream(repo / "rulesets/jsprs/jsprs.kijun") << text;
  run(git + "commit -qam 'domain min 16'");
  // The recipe of docs/drafts.md: git hands kijun the two versions.
  std::string out = run("cd '" + repo.string() + "' && git difftool -y -x '" + KIJUN_BINARY +
                        " diff' HEAD~1 HEAD -- rulesets/jsprs/jsprs.kijun 2>&1");
  INFO(out);
  CHECK(out.find("1 change\n") != std::string::npos);
  CHECK(out.find("~ standard full / bounds domain: min: 15 units → 16 units") != std::string::npos);
}
