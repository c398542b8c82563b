// Static types of kijun expressions. Numbers carry their unit (cases,
// minutes, units, points…) so the checker can refuse to add points to units.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace kijun::check {

enum class TypeKind : std::uint8_t {
  error,        // already reported; suppresses follow-on errors
  boolean,
  number,       // unit = unit id, 0 for a plain number
  string,
  date,
  enumeration,  // id = enum id
  list,         // elem
  record,       // id = record id; variant >= 0 when narrowed; part_unit >= 0 adds `earned`
  range,        // elem
  map,          // category.parts: name -> number
  empty_list,   // [] and {}: a list of anything
};

struct Type {
  TypeKind kind = TypeKind::error;
  std::uint32_t unit = 0;
  std::uint32_t id = 0;
  std::int32_t variant = -1;
  std::int32_t earned_unit = -1;  // part records: the unit of their `earned` field
  bool optional = false;          // may be none (absent optional field, blank table cell)
  std::shared_ptr<const Type> elem;

  static Type error() { return {}; }
  static Type boolean() { return make(TypeKind::boolean); }
  static Type string() { return make(TypeKind::string); }
  static Type date() { return make(TypeKind::date); }
  static Type number(std::uint32_t unit) {
    Type t = make(TypeKind::number);
    t.unit = unit;
    return t;
  }
  static Type enumeration(std::uint32_t id) {
    Type t = make(TypeKind::enumeration);
    t.id = id;
    return t;
  }
  static Type record(std::uint32_t id, std::int32_t variant = -1) {
    Type t = make(TypeKind::record);
    t.id = id;
    t.variant = variant;
    return t;
  }
  static Type list(Type elem) {
    Type t = make(TypeKind::list);
    t.elem = std::make_shared<const Type>(std::move(elem));
    return t;
  }
  static Type range(Type elem) {
    Type t = make(TypeKind::range);
    t.elem = std::make_shared<const Type>(std::move(elem));
    return t;
  }
  static Type make(TypeKind k) {
    Type t;
    t.kind = k;
    return t;
  }

  bool is_error() const { return kind == TypeKind::error; }
  bool is_number() const { return kind == TypeKind::number; }
  bool is_listlike() const { return kind == TypeKind::list || kind == TypeKind::empty_list; }
  Type with_optional(bool o) const {
    Type t = *this;
    t.optional = o;
    return t;
  }
};

// Same shape (ignores optional and record narrowing).
bool same_type(const Type& a, const Type& b);

}  // namespace kijun::check
