// editors/vscode: the extension's JSON files parse, and the TextMate grammars
// know every keyword of grammar/grammar.hpp and grammar/test_grammar.hpp (a
// keyword added to either language without its grammar fails here).
#include <catch2/catch.hpp>

#include <functional>
#include <regex>
#include <set>
#include <string>

#include <simdjson.h>

#include "tests/unit/jsprs_support.hpp"

namespace {

const std::string root = KIJUN_SOURCE_DIR;

simdjson::dom::element parse_json(simdjson::dom::parser& parser, const std::string& path) {
  INFO(path);
  const std::string text = kijun::testing::read_text(path);
  simdjson::dom::element doc;
  auto error = parser.parse(text).get(doc);
  INFO(simdjson::error_message(error));
  REQUIRE(!error);
  return doc;
}

// Every "#name" a grammar includes is defined in its repository, and there
// are at least `at_least` of them (so a walk that finds none cannot pass).
void check_includes_defined(simdjson::dom::element grammar, std::size_t at_least) {
  std::vector<std::string> includes;
  std::function<void(simdjson::dom::element)> walk = [&](simdjson::dom::element e) {
    if (e.is_object()) {
      for (auto [key, value] : e.get_object()) {
        if (key == "include" && value.is_string()) includes.emplace_back(std::string_view(value.get_string()));
        else walk(value);
      }
    } else if (e.is_array()) {
      for (auto v : e.get_array()) walk(v);
    }
  };
  walk(grammar);
  CHECK(includes.size() >= at_least);
  for (const auto& inc : includes) {
    INFO(inc);
    REQUIRE(inc.starts_with("#"));
    CHECK(!grammar["repository"][inc.substr(1)].error());
  }
}

// Every regular expression of the grammar ("match", "begin" and "end").
void regexes(simdjson::dom::element e, std::vector<std::string>& out) {
  if (e.is_object()) {
    for (auto [key, value] : e.get_object()) {
      if ((key == "match" || key == "begin" || key == "end") && value.is_string())
        out.emplace_back(std::string_view(value.get_string()));
      else
        regexes(value, out);
    }
  } else if (e.is_array()) {
    for (auto v : e.get_array()) regexes(v, out);
  }
}

// The words a pattern lists as alternatives: `(a|b|c)`, `(?:a|b)`, `a`.
std::set<std::string> words(const std::vector<std::string>& patterns) {
  std::set<std::string> out;
  const std::regex word(R"re((?:^|[(|:)\]>])([a-z_]+)(?=$|[|)(\\]))re");
  for (const auto& p : patterns)
    for (auto it = std::sregex_iterator(p.begin(), p.end(), word); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1].str());
  return out;
}

// The words of `key<TAO_PEGTL_STRING("…")>` in a PEGTL grammar header.
std::set<std::string> pegtl_keywords(const std::string& header) {
  const std::string text = kijun::testing::read_text(header);
  std::set<std::string> out;
  const std::regex key(R"re(key<TAO_PEGTL_STRING\("([a-z_]+)"\)>)re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), key); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

}  // namespace

TEST_CASE("editors: the VS Code extension's JSON files parse", "[fmt][editors]") {
  simdjson::dom::parser p1, p2, p3;
  auto package = parse_json(p1, root + "/editors/vscode/package.json");
  auto config = parse_json(p2, root + "/editors/vscode/language-configuration.json");
  auto grammar = parse_json(p3, root + "/editors/vscode/syntaxes/kijun.tmLanguage.json");

  auto language = package["contributes"]["languages"].at(0);
  CHECK(std::string_view(language["id"].get_string()) == "kijun");
  CHECK(std::string_view(language["extensions"].at(0).get_string()) == ".kijun");
  auto contributed = package["contributes"]["grammars"].at(0);
  CHECK(std::string_view(contributed["scopeName"].get_string()) == "source.kijun");
  CHECK(std::string_view(contributed["path"].get_string()) == "./syntaxes/kijun.tmLanguage.json");
  CHECK(std::string_view(grammar["scopeName"].get_string()) == "source.kijun");
  CHECK(std::string_view(config["comments"]["lineComment"].get_string()) == "#");

  check_includes_defined(grammar, 10);
}

TEST_CASE("editors: the TextMate grammar covers every keyword of grammar.hpp", "[fmt][editors]") {
  const auto keywords = pegtl_keywords(root + "/grammar/grammar.hpp");
  REQUIRE(keywords.size() >= 50);
  REQUIRE(keywords.count("ruleset"));
  REQUIRE(keywords.count("reporting"));

  simdjson::dom::parser parser;
  auto grammar = parse_json(parser, root + "/editors/vscode/syntaxes/kijun.tmLanguage.json");
  std::vector<std::string> patterns;
  regexes(grammar, patterns);
  const auto known = words(patterns);
  for (const auto& k : keywords) {
    INFO("keyword '" << k << "' is not in editors/vscode/syntaxes/kijun.tmLanguage.json");
    CHECK(known.count(k));
  }
}

TEST_CASE("editors: the test-file grammar (.kijun-test) is registered and its regexes compile", "[fmt][editors]") {
  simdjson::dom::parser p1, p2;
  auto package = parse_json(p1, root + "/editors/vscode/package.json");
  auto grammar = parse_json(p2, root + "/editors/vscode/syntaxes/kijun-test.tmLanguage.json");

  auto language = package["contributes"]["languages"].at(1);
  CHECK(std::string_view(language["id"].get_string()) == "kijun-test");
  CHECK(std::string_view(language["extensions"].at(0).get_string()) == ".kijun-test");
  CHECK(std::string_view(language["configuration"].get_string()) == "./language-configuration.json");
  auto contributed = package["contributes"]["grammars"].at(1);
  CHECK(std::string_view(contributed["language"].get_string()) == "kijun-test");
  CHECK(std::string_view(contributed["scopeName"].get_string()) == "source.kijun-test");
  CHECK(std::string_view(contributed["path"].get_string()) == "./syntaxes/kijun-test.tmLanguage.json");
  CHECK(std::string_view(grammar["scopeName"].get_string()) == "source.kijun-test");

  check_includes_defined(grammar, 6);

  // Oniguruma (VS Code) accepts more than std::regex; keeping to the common
  // part (no lookbehind, no \p{…}) lets this test catch a broken pattern.
  std::vector<std::string> patterns;
  regexes(grammar, patterns);
  REQUIRE(patterns.size() >= 15);
  for (const auto& p : patterns) {
    INFO("pattern: " << p);
    CHECK_NOTHROW(std::regex(p, std::regex::ECMAScript));
  }
}

TEST_CASE("editors: the test-file grammar covers every keyword of test_grammar.hpp", "[fmt][editors]") {
  const auto keywords = pegtl_keywords(root + "/grammar/test_grammar.hpp");
  REQUIRE(keywords.size() >= 15);
  REQUIRE(keywords.count("tests"));
  REQUIRE(keywords.count("snapshot"));
  REQUIRE(keywords.count("error"));

  simdjson::dom::parser parser;
  auto grammar = parse_json(parser, root + "/editors/vscode/syntaxes/kijun-test.tmLanguage.json");
  std::vector<std::string> patterns;
  regexes(grammar, patterns);
  const auto known = words(patterns);
  for (const auto& k : keywords) {
    INFO("keyword '" << k << "' is not in editors/vscode/syntaxes/kijun-test.tmLanguage.json");
    CHECK(known.count(k));
  }
}

TEST_CASE("editors: the test-file grammar's patterns find the keywords, `* N` and JSON of a real test file",
          "[fmt][editors]") {
  simdjson::dom::parser parser;
  auto grammar = parse_json(parser, root + "/editors/vscode/syntaxes/kijun-test.tmLanguage.json");
  auto repo = grammar["repository"];
  const auto match_of = [&](const char* rule, std::size_t i) {
    return std::string(std::string_view(repo[rule]["patterns"].at(i)["match"].get_string()));
  };
  const auto finds = [](const std::string& pattern, const std::string& line) {
    return std::regex_search(line, std::regex(pattern, std::regex::ECMAScript));
  };
  CHECK(finds(match_of("declaration", 0), R"(tests for "../jsprs.kijun")"));
  CHECK(finds(match_of("declaration", 1), "applicant 基本 {"));
  CHECK(finds(match_of("expectation", 0), R"(  expect error "$.prior_renewals")"));
  CHECK_FALSE(finds(match_of("expectation", 0), "  expect error.x = 1"));
  CHECK(finds(match_of("expectation", 1), "  expect categories.clinical.counted = 9"));
  CHECK(finds(match_of("json", 0), R"({"date": "2018-04-01")"));
  CHECK(finds(match_of("json", 2), R"({"role": "operator"} * 100 ])"));
  CHECK(finds(match_of("json", 3), R"("renewal_year": 2021)"));
}
