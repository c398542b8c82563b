// libFuzzer target: bytes -> the facts reader's two paths compared against
// the schema of KIJUN_FUZZ_RULESET (jsprs): fast only, careful only, and the
// normal reading (fast, then careful). A broken promise of
// tests/fuzz/facts_paths.hpp (the fast path accepting what the careful path
// refuses, or reading another Value) aborts like a crash.
#include "tests/fuzz/facts_entry.hpp"
#include "tests/fuzz/facts_paths.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return kijun::fuzz::init_facts_target("fuzz_facts_paths"); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kijun::fuzz::run_facts_target("fuzz_facts_paths", kijun::fuzz::paths_input, data, size);
}
