// kijun fmt: the formatted text parses back to the same tree (fingerprint)
// with the same comments, formatting is idempotent, and the layout is
// canonical: scrambled layouts of a ruleset format to the same text.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "grammar/parse.hpp"
#include "interpreter/format/format.hpp"
#include "tests/unit/format_support.hpp"
#include "tests/unit/jsprs_support.hpp"

namespace {

using namespace kijun;

const std::string root = KIJUN_SOURCE_DIR;

struct Parsed {
  std::unique_ptr<SourceFile> file;
  grammar::ParseResult result;
};
Parsed parse(const std::string& text, const std::string& name = "test.kijun") {
  auto file = std::make_unique<SourceFile>(0, name, text);
  auto result = grammar::parse(*file);
  return {std::move(file), std::move(result)};
}

// The formatted text, after checking that it means the same, keeps every
// comment and parses with no diagnostic (format_source's own checks).
std::string fmt(const std::string& text, const std::string& name = "test.kijun") {
  SourceFile file(0, name, text);
  auto r = format::format_source(file);
  INFO(name << ": " << r.error);
  REQUIRE(r.status == format::Result::ok);
  return r.text;
}

std::string fingerprint(const std::string& text) {
  auto p = parse(text);
  REQUIRE(p.result.ruleset);
  return format::ast_fingerprint(*p.result.ruleset);
}

// Every property, on one file's text.
void check_formats_well(const std::string& name, const std::string& text) {
  INFO(name);
  auto before = parse(text, name);
  REQUIRE(before.result.ruleset);
  const std::string once = fmt(text, name);
  auto after = parse(once, name);
  REQUIRE(after.result.diagnostics.empty());
  REQUIRE(after.result.ruleset);
  CHECK(format::ast_fingerprint(*after.result.ruleset) == format::ast_fingerprint(*before.result.ruleset));
  CHECK(format::comment_texts(*after.result.ruleset) == format::comment_texts(*before.result.ruleset));
  CHECK(fmt(once, name) == once);
  CHECK(once.ends_with("\n"));
  CHECK(once.find("\n\n\n") == std::string::npos);
  CHECK(once.find(" \n") == std::string::npos);  // no trailing spaces (none of our comments has any)
}

std::string ruleset(const std::string& decls) { return "ruleset t\n\n" + decls; }
// The formatted form of one expression, through `let x = …`.
std::string expr(const std::string& e) {
  std::string out = fmt(ruleset("let x = " + e + "\n"));
  const std::string head = "ruleset t\n\nlet x = ";
  REQUIRE(out.starts_with(head));
  return out.substr(head.size(), out.size() - head.size() - 1);
}

}  // namespace

TEST_CASE("fmt: jsprs is idempotent, keeps its meaning and its comments", "[fmt]") {
  const std::string text = testing::read_text(root + "/rulesets/jsprs/jsprs.kijun");
  check_formats_well("jsprs.kijun", text);
  auto p = parse(text);
  CHECK(p.result.ruleset->comments.size() >= 20);  // the test is worth something
}

TEST_CASE("fmt: every ruleset under tests/ and rulesets/", "[fmt]") {
  int formatted = 0, refused = 0;
  for (const char* dir : {"/tests", "/rulesets"}) {
    for (const auto& path : testing::kijun_files(root + dir)) {
      const std::string text = testing::read_text(path);
      SourceFile file(0, path, text);
      auto r = format::format_source(file);
      INFO(path << ": " << r.error);
      REQUIRE(r.status != format::Result::internal);
      if (r.status == format::Result::syntax_error) {
        CHECK(!r.diagnostics.empty());  // a file that does not parse is left alone
        ++refused;
        continue;
      }
      check_formats_well(path, text);
      ++formatted;
    }
  }
  CHECK(formatted >= 50);
  CHECK(refused >= 10);  // the golden syntax-error cases
}

TEST_CASE("fmt: scrambled layouts format to the same text", "[fmt]") {
  std::vector<std::string> files = {root + "/rulesets/jsprs/jsprs.kijun"};
  for (const auto& f : testing::kijun_files(root + "/tests/golden/fmt")) files.push_back(f);
  int scrambled = 0;
  for (const auto& path : files) {
    const std::string text = testing::read_text(path);
    const std::string canonical = fmt(text, path);
    const std::string meaning = fingerprint(text);
    const auto comments = format::comment_texts(*parse(text).result.ruleset);
    struct Case {
      testing::Layout layout;
      std::uint32_t seed;
      const char* name;
    };
    for (const Case& c : {Case{testing::Layout::one_line, 0, "one line"}, Case{testing::Layout::token_per_line, 7, "token per line"},
                          Case{testing::Layout::random, 1, "random 1"}, Case{testing::Layout::random, 2, "random 2"},
                          Case{testing::Layout::random, 20240601, "random 3"}}) {
      const std::string messy = testing::scramble(text, c.layout, c.seed);
      INFO(path << ", " << c.name << ":\n" << messy);
      REQUIRE(messy != text);
      // The scrambler itself must not change the meaning or the comments.
      auto p = parse(messy);
      REQUIRE(p.result.ruleset);
      REQUIRE(format::ast_fingerprint(*p.result.ruleset) == meaning);
      REQUIRE(format::comment_texts(*p.result.ruleset) == comments);
      CHECK(fmt(messy) == canonical);
      ++scrambled;
    }
  }
  CHECK(scrambled >= 10);
}

TEST_CASE("fmt: comments anywhere are kept, and placed the same way again", "[fmt]") {
  const std::string text = testing::read_text(root + "/rulesets/jsprs/jsprs.kijun");
  const std::string meaning = fingerprint(text);
  const std::size_t comments = parse(text).result.ruleset->comments.size();
  REQUIRE(text.find("# c") == std::string::npos);
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const std::string commented = testing::with_comments(text, seed, 60);
    INFO("seed " << seed << ":\n" << commented);
    REQUIRE(fingerprint(commented) == meaning);  // the comments went between tokens
    // The parser kept every comment (Ruleset::comments), and only those.
    std::size_t injected = 0;
    for (auto at = commented.find("# c"); at != std::string::npos; at = commented.find("# c", at + 1)) ++injected;
    REQUIRE(parse(commented).result.ruleset->comments.size() == comments + injected);
    check_formats_well("commented.kijun", commented);
  }
}

TEST_CASE("fmt: golden files (tests/golden/fmt/NAME.kijun -> NAME.fmt)", "[fmt]") {
  // KIJUN_UPDATE_GOLDEN=1 rewrites the .fmt files; review them with git diff.
  const char* update = std::getenv("KIJUN_UPDATE_GOLDEN");
  const auto inputs = testing::kijun_files(root + "/tests/golden/fmt");
  REQUIRE(inputs.size() >= 4);
  for (const auto& in : inputs) {
    const std::string expected_path = in.substr(0, in.size() - 6) + ".fmt";
    const std::string got = fmt(testing::read_text(in), in);
    if (update && std::string(update) == "1") std::ofstream(expected_path, std::ios::binary) << got;
    INFO(in);
    CHECK(got == testing::read_text(expected_path));
    check_formats_well(in, testing::read_text(in));
  }
}

TEST_CASE("fmt: expressions keep only the parentheses they need", "[fmt]") {
  CHECK(expr("((1 + 2)) * 3") == "(1 + 2) * 3");
  CHECK(expr("1 + (2 * 3)") == "1 + 2 * 3");
  CHECK(expr("(1 - 2) - 3") == "1 - 2 - 3");
  CHECK(expr("1 - (2 - 3)") == "1 - (2 - 3)");
  CHECK(expr("1 + (2 + 3)") == "1 + (2 + 3)");  // the tree is kept as written, never re-associated
  CHECK(expr("(a or b) and c") == "(a or b) and c");
  CHECK(expr("a or (b and c)") == "a or b and c");
  CHECK(expr("not (a == b)") == "not a == b");
  CHECK(expr("(not a) == b") == "(not a) == b");
  CHECK(expr("(a == b) == c") == "(a == b) == c");
  CHECK(expr("a == (not b)") == "a == (not b)");
  CHECK(expr("(a .. b) in c") == "a .. b in c");
  CHECK(expr("(-x) as units") == "(-x) as units");
  CHECK(expr("-(x as units)") == "-x as units");
  CHECK(expr("- -1") == "- -1");
  CHECK(expr("-(a + b)") == "-(a + b)");
  CHECK(expr("(a.b).c") == "a.b.c");
  CHECK(expr("(a + b).c") == "(a + b).c");
  CHECK(expr("(xs where p) where q") == "(xs where p) where q");
  CHECK(expr("xs where (p where q)") == "xs where (p where q)");
  CHECK(expr("f((xs where p))") == "f(xs where p)");
  // `if` and `case` take everything to their right.
  CHECK(expr("1 + (if a then b else c)") == "1 + if a then b else c");
  CHECK(expr("(if a then b else c) + 1") == "(if a then b else c) + 1");
  CHECK(expr("1 + (if a then b else c) - 2") == "1 + (if a then b else c) - 2");
  CHECK(expr("(if a then b else c).d") == "(if a then b else c).d");
  CHECK(expr("-(if a then b else c)") == "-if a then b else c");
  CHECK(expr("if (if a then b else c) then (d) else (e + 1)") == "if if a then b else c then d else e + 1");
  CHECK(expr("case (m) when (1), 2 then (case n when 3 then x else y) else z") ==
        "case m when 1, 2 then case n when 3 then x else y else z");
  CHECK(expr("(case m when 1 then x else y) as units") == "(case m when 1 then x else y) as units");
  // Literals as written; strings re-escaped.
  CHECK(expr("10   cases") == "10 cases");
  CHECK(expr("1.50") == "1.50");
  CHECK(expr("2015-04-01") == "2015-04-01");
  CHECK(expr("2015 - 04 - 01") == "2015 - 04 - 01");
  CHECK(expr(R"("a\"b\\c\nd\{e\}f")") == R"("a\"b\\c\nd\{e\}f")");
  CHECK(expr(R"("総数 { count( xs ) }件、{ if x then "a" else "b" }")") ==
        R"("総数 {count(xs)}件、{if x then "a" else "b"}")");
  CHECK(expr("{ a , b }") == "{a, b}");
  CHECK(expr("{ }") == "{}");
  CHECK(expr("{ name : 1 , n : [ ] }") == "{name: 1, n: []}");
  CHECK(expr("f( )") == "f()");
  CHECK(expr("a  not   in b") == "a not in b");
}

TEST_CASE("fmt: random expressions in every clause keep their meaning", "[fmt]") {
  // Generated fully parenthesized; fmt keeps only the parentheses needed,
  // breaks the long ones, and format_source checks the tree is unchanged.
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    auto e = [&](int k) { return testing::random_expression(seed * 16 + k, 3 + k % 2); };
    // (Clauses on lines of their own: `1 total` on one line is a quantity.)
    const std::string text = ruleset(
        "facts { n: integer >= " + e(0) + " = " + e(1) + " \"n\" }\n"
        "let x = " + e(2) + "\n"
        "category c { part p { from " + e(3) + "\ncounts when " + e(4) + " else \"m\"\nearns " + e(5) +
        " once per " + e(6) + "\nmax " + e(7) + " }\nearns " + e(8) + " }\n"
        "standard s { applies when " + e(9) + "\nc min " + e(10) + " max " + e(11) + " else \"m\"\ntotal min " +
        e(12) + "\nrequire r when " + e(13) + ": " + e(14) + " else \"m\"\nreport y = " + e(15) + " }\n"
        "outcome o { when " + e(0) + " reporting s\nwhen " + e(1) + " }\n"
        "exemption v { when " + e(2) + "\nwaives c\nlowers total by " + e(3) + " }\n");
    INFO("seed " << seed << ":\n" << text);
    check_formats_well("random.kijun", text);
    check_formats_well("random-commented.kijun", testing::with_comments(text, seed, 20));
  }
}

TEST_CASE("fmt: long clauses are broken, short ones joined", "[fmt]") {
  const std::string in = ruleset(
      "let long_condition = renewal_year >= 2019 and clinical_record or prior_renewals >= 3 and work_declaration or "
      "old_points >= 150 points\n"
      "let chosen = if present(transition_table.raised_at) and earned_total >= transition_table.raised_at then "
      "transition_table.mandatory_raised else transition_table.mandatory\n"
      "let short =\n  if a\n  then b\n  else c\n");
  CHECK(fmt(in) ==
        "ruleset t\n\n"
        "let long_condition =\n"
        "  renewal_year >= 2019 and clinical_record\n"
        "  or prior_renewals >= 3 and work_declaration\n"
        "  or old_points >= 150 points\n"
        "let chosen =\n"
        "  if present(transition_table.raised_at) and earned_total >= transition_table.raised_at\n"
        "  then transition_table.mandatory_raised\n"
        "  else transition_table.mandatory\n"
        "let short = if a then b else c\n");
}

TEST_CASE("fmt: blank lines and comments", "[fmt]") {
  // Paragraphs come from the kinds of declarations, not from the input; a
  // blank line after a comment is kept; top-level comments start a paragraph.
  CHECK(fmt("ruleset t unit a unit b\n\n\n\nunit c convert 1 a = 1 b let x = 1\n\n\nlet y = 2") ==
        "ruleset t\n\nunit a\nunit b\nunit c\n\nconvert 1 a = 1 b\n\nlet x = 1\nlet y = 2\n");
  CHECK(fmt("ruleset t\nlet x = 1\n# why y\nlet y = 2\n") == "ruleset t\n\nlet x = 1\n\n# why y\nlet y = 2\n");
  CHECK(fmt("ruleset t\n# section\n\n\n\nlet x = 1 # one\n") == "ruleset t\n\n# section\n\nlet x = 1  # one\n");
  // A comment inside a line that is joined ends the line; a second one
  // for the same line goes on its own line, before the next.
  CHECK(fmt("ruleset t\nlet x = a # first\n  + b # second\nlet y = 1\n") ==
        "ruleset t\n\nlet x = a + b  # first\n\n# second\nlet y = 1\n");
  CHECK(fmt("ruleset t\noutcome o {\n when a # first\n or b # second\n when c\n}\n") ==
        "ruleset t\n\noutcome o {\n  when a or b  # first\n  # second\n  when c\n}\n");
  // Comments before a '}' stay inside the block.
  CHECK(fmt("ruleset t\noutcome o {\n  otherwise\n# last\n}\n") == "ruleset t\n\noutcome o {\n  otherwise\n  # last\n}\n");
  // Comments at the very end and the very beginning.
  CHECK(fmt("#a\n\n#b\nruleset t #c\n#d") == "#a\n\n#b\nruleset t  #c\n\n#d\n");
  // '#' inside a string is not a comment.
  CHECK(fmt("ruleset t \"a # b\"\nlet s = \"{x # c\n}\"\n") == "ruleset t \"a # b\"\n\nlet s = \"{x}\"  # c\n");
}
