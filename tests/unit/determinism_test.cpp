// Output must not depend on the order of a hash map: "did you mean" among
// equally close names picks the same one whatever order they come in.
#include <catch2/catch.hpp>

#include "interpreter/diag/suggest.hpp"

using namespace kijun;

TEST_CASE("did you mean: a tie goes to the name first in byte order", "[determinism]") {
  // "casez" is one edit from both.
  CHECK(did_you_mean("casez", {"cases", "cased"}) == "did you mean 'cased'?");
  CHECK(did_you_mean("casez", {"cased", "cases"}) == "did you mean 'cased'?");
  // A closer name still wins over an earlier one.
  CHECK(did_you_mean("cases", {"case", "cases"}) == "did you mean 'cases'?");
  CHECK(did_you_mean("xyz", {"cases"}).empty());
}
