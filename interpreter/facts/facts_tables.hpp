// The tables FactsReader builds once per Schema (facts_schema_index.cpp) and
// both of its paths read from: key and enum-member lookup (NameTable), each
// record's starting values and required fields (RecordPlan), and the member-
// wise Value setters. No simdjson here: the fast path (fast_walk.cpp) does
// without it.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/eval/value.hpp"

namespace kijun::facts {

// Whether [p, p + n) holds a backslash, eight bytes at a time (no branch per
// character: string lengths vary, and every mispredicted loop exit costs as
// much as the whole test). p + n + 8 must be readable: the padded input.
inline bool has_backslash(const char* p, std::size_t n) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  for (std::size_t i = 0; i < n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if constexpr (std::endian::native == std::endian::little) {
      if (n - i < 8) w &= (std::uint64_t{1} << (8 * (n - i))) - 1;  // bytes past the end become 0
    } else {
      for (std::size_t k = n - i; k < 8; ++k) reinterpret_cast<unsigned char*>(&w)[k] = 0;
    }
    std::uint64_t x = w ^ (ones * '\\');  // a zero byte where w has a backslash
    if ((x - ones) & ~x & highs) return true;
  }
  return false;
}

// Names to their positions (a record's field names to field indices, an
// enum's members to member indices), built once per Schema. Entries sit in
// the open-addressed slots themselves and carry the first position and its
// tag (a field's variant), so a lookup is one dependent load after the hash.
// One name can map to several fields: variants of a `by kind` record may each
// declare it (paper and review both have approved_journal).
struct NameTable {
  struct Slot {
    // The name's first 16 bytes, zero-filled: keys are compared as two words
    // instead of with memcmp.
    std::uint64_t head = 0, tail = 0;
    const char* name = nullptr;  // nullptr: an empty slot
    std::uint32_t size = 0;
    std::uint32_t position = 0;        // the first position of this name
    std::int32_t tag = -1;             // its tag
    std::uint32_t first = 0, count = 0;  // all of them: a range in `positions`
  };
  std::vector<Slot> slots;
  std::vector<std::uint32_t> positions;
  std::vector<std::int32_t> tags;  // per position
  std::uint32_t mask = 0;

  void build(const std::vector<std::string_view>& names, const std::vector<std::int32_t>& name_tags);

  static std::uint32_t hash(std::uint64_t head, std::uint64_t tail, std::size_t n) {
    return static_cast<std::uint32_t>(((head ^ (tail << 1) ^ n) * 0x9E3779B97F4A7C15ull) >> 40);
  }

  // `padded`: 16 bytes can be read from key.data() (text in place in the
  // padded input), so its words are loaded whole and masked.
  [[gnu::always_inline]] const Slot* find(std::string_view key, bool padded) const {
    const std::size_t n = key.size();
    std::uint64_t head = 0, tail = 0;
    if (padded && std::endian::native == std::endian::little) {
      std::memcpy(&head, key.data(), 8);
      std::memcpy(&tail, key.data() + 8, 8);
      if (n < 8) head &= (std::uint64_t{1} << (8 * n)) - 1;
      if (n <= 8) tail = 0;
      else if (n < 16) tail &= (std::uint64_t{1} << (8 * (n - 8))) - 1;
    } else {
      std::memcpy(&head, key.data(), n < 8 ? n : 8);
      if (n > 8) std::memcpy(&tail, key.data() + 8, n < 16 ? n - 8 : 8);
    }
    for (std::uint32_t h = hash(head, tail, n) & mask;; h = (h + 1) & mask) {
      const Slot& e = slots[h];
      if (!e.name) return nullptr;
      if (e.head == head && e.tail == tail && e.size == n &&
          (n <= 16 || std::memcmp(e.name + 16, key.data() + 16, n - 16) == 0))
        return &e;
    }
  }
};

// Values are set member by member, in place. Value's factories build a
// temporary (after the constructor's own stores to `num`) and the assignment
// copies it at once with wider loads, which x86 cannot forward from the
// narrower stores still in flight: a stall on every field of every applicant.
namespace set {
inline void boolean(Value& v, bool b) {
  v.kind = ValueKind::boolean;
  v.b = b;
}
inline void number(Value& v, Rational r) {
  v.kind = ValueKind::number;
  v.num = r;
}
inline void string(Value& v, std::string_view s) {
  v.kind = ValueKind::string;
  v.str.data = s.data();
  v.str.size = static_cast<std::uint32_t>(s.size());
}
inline void date(Value& v, std::int32_t days) {
  v.kind = ValueKind::date;
  v.date = days;
}
inline void enumeration(Value& v, std::uint32_t enum_id, std::uint32_t member) {
  v.kind = ValueKind::enumeration;
  v.aux = enum_id;
  v.index = member;
}
inline void sequence(Value& v, ValueKind kind, std::uint32_t aux, const Value* items, std::uint32_t size,
                     std::int32_t variant) {
  v.kind = kind;
  v.aux = aux;
  v.seq.items = items;
  v.seq.size = size;
  v.seq.variant = variant;
}
// Copies a list or record member by member, for the same reason.
inline void copy_sequence(Value& to, const Value& from) {
  sequence(to, from.kind, from.aux, from.seq.items, from.seq.size, from.seq.variant);
}
}  // namespace set

// Per record type and variant + 1 (0: no variant or an unknown one): the
// record as it starts, with every default in place (defaults hold no arena
// pointers, so they are copied as they are), and the required fields.
struct RecordPlan {
  std::vector<std::vector<Value>> initial;
  std::vector<std::vector<std::uint32_t>> required;
};

}  // namespace kijun::facts
