// What a ruleset's `facts` and `record` declarations expect of the applicant
// JSON, resolved by the checker into plain data. The facts reader validates
// JSON against it; nothing here is specific to one specialty.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/eval/value.hpp"

namespace kijun::facts {

enum class FieldKind : std::uint8_t {
  boolean,
  integer,      // JSON integer; a quantity when unit_name is set ("minutes")
  decimal,      // JSON number
  string,
  date,         // JSON string "YYYY-MM-DD"
  enumeration,  // JSON string, one of the enum's members
  list,         // JSON array of records of type record_id
};

enum class Bound : std::uint8_t { none, gt, ge };

struct FieldSchema {
  std::string name;
  std::string label;       // as the ruleset labels it ("更新年度"), for forms and sheets
  FieldKind kind = FieldKind::string;
  std::string unit_name;   // for integer/decimal quantities, used in messages
  std::uint32_t enum_id = 0;    // enumeration
  std::uint32_t record_id = 0;  // list: element record type
  // Absent (or JSON null): required -> error; optional -> none; else default.
  bool required = true;
  bool optional = false;
  // Used when absent and neither required nor optional. Holds no arena
  // pointers: booleans, numbers, enums, dates, strings with static storage
  // (owned by the Schema), or an empty list.
  Value default_value;
  Bound bound = Bound::none;  // numbers only: value must be > or >= bound_value
  Rational bound_value;
  // -1: the field belongs to every record of the type; otherwise the index of
  // the variant (`by kind`) that owns it.
  int variant = -1;
  // Set by the checker when the field's declaration has an error, so that its
  // uses do not report the same mistake again. Never set in a checked Program.
  bool invalid = false;
};

struct VariantSchema {
  std::string name;
};

struct RecordSchema {
  std::string name;
  // Value layout: a record value's items[i] is fields[i]. Fields of variants
  // other than the record's own are none.
  std::vector<FieldSchema> fields;
  // Index of the discriminating field (`record activity by kind`): an
  // enumeration field whose members are the variant names, in variant order.
  // -1 when the record has no variants.
  int discriminant = -1;
  std::vector<VariantSchema> variants;
};

struct EnumSchema {
  std::string name;
  std::vector<std::string> members;
};

struct Schema {
  std::vector<EnumSchema> enums;
  std::vector<RecordSchema> records;
  std::uint32_t root = 0;  // the applicant record (the `facts` block)
  int id_field = -1;       // index in the root record of `id` (a string), or -1
};

}  // namespace kijun::facts
