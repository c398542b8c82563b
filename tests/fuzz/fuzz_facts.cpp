// libFuzzer target: bytes -> FactsReader::read against the schema of the
// ruleset named by KIJUN_FUZZ_RULESET (jsprs). See harness.hpp.
#include "tests/fuzz/facts_entry.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return kijun::fuzz::init_facts_target("fuzz_facts"); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kijun::fuzz::run_facts_target("fuzz_facts", kijun::fuzz::facts_input, data, size);
}
