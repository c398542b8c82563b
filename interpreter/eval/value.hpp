// Runtime values. A Value is 24 bytes and trivially copyable; lists, records
// and strings point into the per-applicant Arena (eval/arena.hpp), which is
// reset between applicants so a cohort runs in flat memory.
#pragma once

#include <cstdint>
#include <string_view>

#include "stdlib/rational.hpp"

namespace kijun {

enum class ValueKind : std::uint8_t {
  none,         // an absent optional field or a blank table cell
  boolean,
  number,       // exact rational; its unit is static (checker), not stored
  string,
  date,         // days since 1970-01-01
  enumeration,  // aux = enum id, index = member
  list,
  record,       // aux = record type id, variant = variant index or -1
  range,        // two values: items[0] .. items[1]
  map,          // items[2i] = key (string), items[2i+1] = value
};

struct Value {
  ValueKind kind = ValueKind::none;
  std::uint32_t aux = 0;
  union {
    bool b;
    Rational num;
    std::int32_t date;
    std::uint32_t index;  // enumeration member
    struct {
      const char* data;
      std::uint32_t size;
    } str;
    struct {
      const Value* items;  // list items, record fields, range bounds, map entries
      std::uint32_t size;
      std::int32_t variant;  // record only
    } seq;
  };

  constexpr Value() : num{0, 1} {}

  static Value none() { return Value(); }
  static Value boolean(bool v) {
    Value x;
    x.kind = ValueKind::boolean;
    x.b = v;
    return x;
  }
  static Value number(Rational r) {
    Value x;
    x.kind = ValueKind::number;
    x.num = r;
    return x;
  }
  static Value integer(std::int64_t n) { return number(Rational{n, 1}); }
  static Value string(std::string_view s) {
    Value x;
    x.kind = ValueKind::string;
    x.str.data = s.data();
    x.str.size = static_cast<std::uint32_t>(s.size());
    return x;
  }
  static Value date_value(std::int32_t days) {
    Value x;
    x.kind = ValueKind::date;
    x.date = days;
    return x;
  }
  static Value enumeration(std::uint32_t enum_id, std::uint32_t member) {
    Value x;
    x.kind = ValueKind::enumeration;
    x.aux = enum_id;
    x.index = member;
    return x;
  }
  static Value list(const Value* items, std::uint32_t size) {
    Value x;
    x.kind = ValueKind::list;
    x.seq.items = items;
    x.seq.size = size;
    x.seq.variant = -1;
    return x;
  }
  static Value record(std::uint32_t type, std::int32_t variant, const Value* fields, std::uint32_t size) {
    Value x;
    x.kind = ValueKind::record;
    x.aux = type;
    x.seq.items = fields;
    x.seq.size = size;
    x.seq.variant = variant;
    return x;
  }

  bool is_none() const { return kind == ValueKind::none; }
  std::string_view as_string() const { return {str.data, str.size}; }
};

static_assert(sizeof(Value) <= 24, "Value must stay small: it is copied everywhere");

}  // namespace kijun
