// Every applicant in ../shared/contract/examples/ must get exactly its
// verdicts: outcome, total, every category's earned and counted units, the
// unmet rules with their (English) messages, and the extra members.
#include <catch2/catch.hpp>
#include <simdjson.h>

#include <filesystem>

#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
namespace fs = std::filesystem;

namespace {

std::string num(simdjson::dom::element e) {
  if (e.is_int64()) return std::to_string(int64_t(e));
  return std::string(simdjson::minify(e));
}

// Compares the expected verdict member by member with ours, reparsed.
void compare(const std::string& expected_text, const std::string& actual_text) {
  simdjson::dom::parser p1, p2;
  simdjson::dom::element want = p1.parse(expected_text);
  simdjson::dom::element got = p2.parse(actual_text);
  for (auto field : simdjson::dom::object(want)) {
    std::string key(field.key);
    INFO("member " << key);
    simdjson::dom::element w = field.value, g;
    REQUIRE(got[key].get(g) == simdjson::SUCCESS);
    if (key == "unmet") {
      simdjson::dom::array wa = w, ga = g;
      REQUIRE(ga.size() == wa.size());
      for (std::size_t i = 0; i < wa.size(); ++i) {
        CHECK(std::string_view(ga.at(i)["rule"]) == std::string_view(wa.at(i)["rule"]));
        CHECK(std::string_view(ga.at(i)["message"]) == std::string_view(wa.at(i)["message"]));
      }
    } else if (key == "categories") {
      for (auto c : simdjson::dom::object(w)) {
        INFO("category " << c.key);
        simdjson::dom::element gc = g[c.key];
        CHECK(num(gc["earned"]) == num(c.value["earned"]));
        CHECK(num(gc["counted"]) == num(c.value["counted"]));
      }
    } else {
      CHECK(std::string(simdjson::minify(g)) == std::string(simdjson::minify(w)));
    }
  }
}

}  // namespace

TEST_CASE("every contract example gets exactly its verdict", "[examples][jsprs]") {
  const auto& rs = testing::jsprs();
  fs::path dir = fs::path(KIJUN_SHARED_DIR) / "contract" / "examples";
  int seen = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".json" || name.find(".verdict.") != std::string::npos) continue;
    std::string facts = testing::read_text(entry.path().string());
    SECTION(name) {
      auto out = testing::evaluate(rs, facts, Lang::en);
      INFO(out.diagnostics);
      REQUIRE(out.ok);
      std::string expected = testing::read_text((dir / (entry.path().stem().string() + ".verdict.json")).string());
      compare(expected, verdict_json(out.verdict, Lang::en));
    }
    ++seen;
  }
  CHECK(seen >= 4);
}
