// The facts reader's two paths compared (docs/architecture.md, "Facts"):
// the fast path (fast_walk.hpp) may only accept what the careful path
// accepts, with the identical Value and id, and must bail wherever the
// careful path refuses. Header-only, shared by the libFuzzer target
// fuzz_facts_paths, its regression replay (tests/unit/fuzz_regressions_test.cpp)
// and the unit tests (tests/unit/facts_fast_test.cpp, facts_fast_diff_test.cpp).
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "interpreter/diag/diagnostic.hpp"
#include "interpreter/facts/facts_reader.hpp"
#include "tests/fuzz/harness.hpp"

namespace kijun::fuzz {

// "" when `a` and `b` are the same facts: kinds, every payload, strings byte
// for byte, lists in order, record types and variants. Otherwise where and
// how they differ.
inline std::string value_difference(const Value& a, const Value& b, const std::string& at = "$") {
  if (a.kind != b.kind)
    return at + ": kinds " + std::to_string(static_cast<int>(a.kind)) + " and " + std::to_string(static_cast<int>(b.kind));
  switch (a.kind) {
    case ValueKind::none:
      return {};
    case ValueKind::boolean:
      return a.b == b.b ? std::string{} : at + ": booleans differ";
    case ValueKind::number:
      return a.num.num == b.num.num && a.num.den == b.num.den ? std::string{} : at + ": numbers differ";
    case ValueKind::string:
      return a.as_string() == b.as_string()
                 ? std::string{}
                 : at + ": strings \"" + std::string(a.as_string()) + "\" and \"" + std::string(b.as_string()) + "\"";
    case ValueKind::date:
      return a.date == b.date ? std::string{} : at + ": dates differ";
    case ValueKind::enumeration:
      return a.aux == b.aux && a.index == b.index ? std::string{} : at + ": enumeration members differ";
    case ValueKind::list:
    case ValueKind::record:
    case ValueKind::range:
    case ValueKind::map:
      if (a.aux != b.aux) return at + ": types differ";
      if (a.seq.size != b.seq.size) return at + ": sizes differ";
      if (a.seq.variant != b.seq.variant) return at + ": variants differ";
      for (std::uint32_t i = 0; i < a.seq.size; ++i) {
        std::string d = value_difference(a.seq.items[i], b.seq.items[i], at + "[" + std::to_string(i) + "]");
        if (!d.empty()) return d;
      }
      return {};
  }
  return at + ": unknown kind";
}

// One reading of `bytes`.
struct PathRead {
  bool ok = false;
  Value value;
  std::string id;
  std::string diagnostics;  // rendered, as the CLI prints them
};

// `padded`: through read_padded, from a copy followed by exactly the 64 zero
// bytes a Batch gives (so that AddressSanitizer sees any read past them).
inline PathRead read_with(facts::FactsReader& reader, std::string_view bytes, Arena& arena, bool padded) {
  PathRead r;
  Diagnostics diags;
  arena.reset();
  if (padded) {
    auto copy = std::make_unique<char[]>(bytes.size() + 64);  // zeroed
    if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
    r.ok = reader.read_padded({copy.get(), bytes.size()}, arena, r.value, diags, "paths.json");
  } else {
    r.ok = reader.read(bytes, arena, r.value, diags, "paths.json");
  }
  r.id = reader.last_id();
  SourceMap no_sources;
  r.diagnostics = render_all(diags, no_sources);
  return r;
}

// A reader per way of reading, kept from one input to the next as kijun
// keeps them over a cohort (the fast path adapts its guesses as it reads:
// they must never change what it reads).
struct PathReaders {
  explicit PathReaders(const facts::Schema& schema) : fast(schema), careful(schema), normal(schema) {
    fast.set_paths(facts::FactsReader::Paths::fast_only);
    careful.set_paths(facts::FactsReader::Paths::careful_only);
  }
  facts::FactsReader fast, careful, normal;
  Arena fast_arena, careful_arena, normal_arena;
};

// Reads `bytes` fast-only, careful-only and as kijun does (fast, then careful
// when it bails), and returns "" when the promises hold:
//  - fast accepts => careful accepts, with an identical Value and id;
//  - careful rejects => fast bailed;
//  - the normal reading gives exactly the careful reading: its result, its
//    Value, its id and its diagnostics, byte for byte.
// `fast_accepted` tells which way it went.
inline std::string paths_differ(PathReaders& readers, std::string_view bytes, bool* fast_accepted = nullptr) {
  PathRead fast = read_with(readers.fast, bytes, readers.fast_arena, true);
  PathRead careful = read_with(readers.careful, bytes, readers.careful_arena, false);
  PathRead normal = read_with(readers.normal, bytes, readers.normal_arena, bytes.size() % 2 == 0);
  if (fast_accepted) *fast_accepted = fast.ok;
  if (fast.ok && !careful.ok) return "the fast path accepted what the careful path refuses:\n" + careful.diagnostics;
  if (fast.ok) {
    std::string d = value_difference(fast.value, careful.value);
    if (!d.empty()) return "the paths read different values: " + d;
    if (fast.id != careful.id) return "the paths read different ids: '" + fast.id + "' and '" + careful.id + "'";
  }
  if (normal.ok != careful.ok) return normal.ok ? "kijun accepted what the careful path refuses" : "kijun refused what the careful path accepts";
  if (normal.diagnostics != careful.diagnostics)
    return "kijun's diagnostics differ from the careful path's:\n" + normal.diagnostics + "---\n" + careful.diagnostics;
  if (normal.id != careful.id) return "kijun's id differs from the careful path's";
  if (normal.ok) {
    std::string d = value_difference(normal.value, careful.value);
    if (!d.empty()) return "kijun's value differs from the careful path's: " + d;
  }
  return {};
}

inline std::string paths_differ(const facts::Schema& schema, std::string_view bytes, bool* fast_accepted = nullptr) {
  PathReaders readers(schema);
  return paths_differ(readers, bytes, fast_accepted);
}

// fuzz_facts_paths: the above with the ruleset's (jsprs's) schema, for the
// bytes as they are and set into a valid applicant: as the value of an
// unknown field, as a list of cases, of courses and of activities. Most
// fuzzed bytes are no applicant at all, and would test little beyond the
// first bail; set in a valid one, they test how each path checks and reads
// a value nested anywhere.
inline std::string paths_input(const Ruleset& rs, std::string_view bytes) {
  static PathReaders readers(rs.program().schema);  // one ruleset per process: the fuzz target's
  std::string broken = paths_differ(readers, bytes);
  if (!broken.empty()) return broken;
  const std::string head = R"({"id":"F-1","renewal_year":2021,"prior_renewals":0,"work_declaration":true,)";
  for (const char* field : {"\"x\":", "\"cases\":[", "\"courses\":[", "\"activities\":["}) {
    const bool list = field[std::strlen(field) - 1] == '[';
    std::string text = head + field + std::string(bytes) + (list ? "]}" : "}");
    broken = paths_differ(readers, text);
    if (!broken.empty()) return "set into an applicant as " + std::string(field) + "...: " + broken;
  }
  return {};
}

}  // namespace kijun::fuzz
