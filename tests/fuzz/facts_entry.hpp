// The libFuzzer entry points shared by the targets that feed one applicant's
// JSON to a harness function with the jsprs ruleset (fuzz_facts, fuzz_eval):
// they differ only in the harness they call.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/harness.hpp"

namespace kijun::fuzz {

using FactsHarness = std::string (*)(const Ruleset&, std::string_view);

inline const Ruleset* facts_ruleset = nullptr;

// Loads KIJUN_FUZZ_RULESET once; a target that cannot load it stops at once.
inline int init_facts_target(const char* target) {
  std::string error;
  static auto rs = load(KIJUN_FUZZ_RULESET, error);
  if (!rs) {
    std::fprintf(stderr, "%s: cannot load %s:\n%s", target, KIJUN_FUZZ_RULESET, error.c_str());
    std::exit(2);
  }
  facts_ruleset = rs.get();
  return 0;
}

inline int run_facts_target(const char* target, FactsHarness harness, const std::uint8_t* data, std::size_t size) {
  std::string broken = harness(*facts_ruleset, {reinterpret_cast<const char*>(data), size});
  if (!broken.empty()) {
    std::fprintf(stderr, "%s: %s\n", target, broken.c_str());
    std::abort();  // a finding, like a crash
  }
  return 0;
}

}  // namespace kijun::fuzz
