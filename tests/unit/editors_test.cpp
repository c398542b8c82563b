// editors/vscode: the extension's JSON files parse, and the TextMate grammar
// knows every keyword of grammar/grammar.hpp (a keyword added to the language
// without the grammar fails here).
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

  // Every "#name" included is defined in the repository.
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
  CHECK(includes.size() >= 10);
  for (const auto& inc : includes) {
    INFO(inc);
    REQUIRE(inc.starts_with("#"));
    CHECK(!grammar["repository"][inc.substr(1)].error());
  }
}

TEST_CASE("editors: the TextMate grammar covers every keyword of grammar.hpp", "[fmt][editors]") {
  const std::string grammar_hpp = kijun::testing::read_text(root + "/grammar/grammar.hpp");
  std::set<std::string> keywords;
  const std::regex key(R"re(key<TAO_PEGTL_STRING\("([a-z_]+)"\)>)re");
  for (auto it = std::sregex_iterator(grammar_hpp.begin(), grammar_hpp.end(), key); it != std::sregex_iterator(); ++it)
    keywords.insert((*it)[1].str());
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
