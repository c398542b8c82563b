// libFuzzer target: bytes -> facts reader -> Evaluator::evaluate and explain
// with the ruleset named by KIJUN_FUZZ_RULESET (jsprs). See harness.hpp.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/harness.hpp"

namespace {
const kijun::fuzz::Ruleset* ruleset = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string error;
  static auto rs = kijun::fuzz::load(KIJUN_FUZZ_RULESET, error);
  if (!rs) {
    std::fprintf(stderr, "fuzz_eval: cannot load %s:\n%s", KIJUN_FUZZ_RULESET, error.c_str());
    std::exit(2);
  }
  ruleset = rs.get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string broken = kijun::fuzz::eval_input(*ruleset, {reinterpret_cast<const char*>(data), size});
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_eval: %s\n", broken.c_str());
    std::abort();  // a finding, like a crash
  }
  return 0;
}
