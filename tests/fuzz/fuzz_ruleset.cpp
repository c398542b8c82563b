// libFuzzer target: bytes -> driver::load_ruleset_text (parse, merge a draft
// into its base, check, compile) and the diagnostics rendered. See
// harness.hpp and docs/hardening.md.
#include <cstdio>
#include <cstdlib>

#include "tests/fuzz/harness.hpp"

namespace {
const std::string name = kijun::fuzz::ruleset_name(KIJUN_FUZZ_SOURCE_DIR);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string broken = kijun::fuzz::ruleset_input({reinterpret_cast<const char*>(data), size}, name);
  if (!broken.empty()) {
    std::fprintf(stderr, "fuzz_ruleset: %s\n", broken.c_str());
    std::abort();  // a finding, like a crash
  }
  return 0;
}
