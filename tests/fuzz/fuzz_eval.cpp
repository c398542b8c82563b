// libFuzzer target: bytes -> facts reader -> Evaluator::evaluate and explain
// with the ruleset named by KIJUN_FUZZ_RULESET (jsprs). See harness.hpp.
#include "tests/fuzz/facts_entry.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return kijun::fuzz::init_facts_target("fuzz_eval"); }

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return kijun::fuzz::run_facts_target("fuzz_eval", kijun::fuzz::eval_input, data, size);
}
