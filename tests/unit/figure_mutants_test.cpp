// The figure lexer of the mutation test: only real number and date literals
// are figures; digits in comments, strings, citations and names are not.
#include <catch2/catch.hpp>

#include "tests/unit/figure_mutants.hpp"

using kijun::testing::Figure;

namespace {

std::vector<std::string> texts(std::string_view src) {
  std::vector<std::string> out;
  for (const auto& f : kijun::testing::figures(src)) out.push_back(f.text);
  return out;
}

}  // namespace

TEST_CASE("figures: comments, strings and names hold no figures", "[mutation]") {
  CHECK(texts("# 10 cases = 1 unit\nconvert 10 cases = 1 units cites \"③ i) 10症例を1単位\"") ==
        std::vector<std::string>{"10", "1"});
  CHECK(texts("let a2b = 7\nlet 症例2 = a2b + 3 # 4") == std::vector<std::string>{"7", "3"});
  CHECK(texts(R"(require x "ii) 2つ": y else "{count(z)}/3項目 \{9\} \"5\"")").empty());
}

TEST_CASE("figures: expressions interpolated in a string are code", "[mutation]") {
  CHECK(texts(R"(else "あと{required_total - 2 units}単位 {join(m, "・4")} {count({1, 2})}件")") ==
        std::vector<std::string>{"2", "1", "2"});
}

TEST_CASE("figures: dates, decimals and numbers with their spans", "[mutation]") {
  const std::string src = "let w = date(renewal_year - 4, 1, 1) .. 2015-04-01\nlet r = 1.5 * x";
  const auto figs = kijun::testing::figures(src);
  REQUIRE(figs.size() == 5);
  CHECK(figs[3].kind == Figure::Kind::date);
  CHECK(figs[3].text == "2015-04-01");
  CHECK(src.substr(figs[3].begin, figs[3].end - figs[3].begin) == "2015-04-01");
  CHECK(figs[4].text == "1.5");
  CHECK(figs[0].kind == Figure::Kind::number);
}

TEST_CASE("figures: each mutant is one step up and one step down", "[mutation]") {
  const auto ms = kijun::testing::mutants(kijun::testing::figures("a 0 b 1.5 c 0.1 d 2020-03-01 e 2015-12-31"));
  std::vector<std::string> got;
  for (const auto& m : ms) got.push_back(m.replacement);
  CHECK(got == std::vector<std::string>{"1", "-1", "1.6", "1.4", "0.2", "0.0", "2020-03-02", "2020-02-29",
                                        "2016-01-01", "2015-12-30"});
  const kijun::testing::Mutant m{{Figure::Kind::number, 2, 4, "12"}, "13"};
  CHECK(kijun::testing::apply("x 12 y", m) == "x 13 y");
}
