// The facts reader's fast path: an applicant's JSON text read straight into
// its record Value, driven by the Schema, in one forward pass without a
// general JSON parser (no simdjson stage 1, no On-Demand walk).
//
// It never reports anything. It either returns the very Value the careful
// path (facts_reader.cpp, simdjson On-Demand) would, or it *bails* and
// FactsReader reads the text again with the careful path, which finds and
// words every problem. So it only has to recognise the input it is sure of:
//
//   fast accepts  =>  careful accepts, with an identical Value and id;
//   careful rejects  =>  fast bails.
//
// Anything unusual bails: malformed JSON anywhere (ignored fields included),
// invalid UTF-8, a key written with a backslash, a duplicate field, null
// where a value is required, a wrong type, an unknown enum member, a bad
// date, a number out of range or bounds, a missing required field, a string
// or list over its limit, nesting past fast_max_depth. Checked by
// tests/unit/facts_fast_test.cpp, facts_fast_diff_test.cpp and the fuzz
// target fuzz_facts_paths (docs/architecture.md, "Facts").
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/eval/arena.hpp"
#include "interpreter/facts/facts_tables.hpp"
#include "interpreter/facts/fast_dates.hpp"
#include "interpreter/facts/json_scan.hpp"
#include "interpreter/facts/schema.hpp"
#include "interpreter/source/limits.hpp"

namespace kijun::facts {

class FastWalk {
 public:
  // The tables are FactsReader::Impl's, built from `schema`; prepare() once
  // they are.
  FastWalk(const Schema& schema, const std::vector<NameTable>& fields_of, const std::vector<NameTable>& members_of,
           const std::vector<RecordPlan>& plans);
  void prepare();

  // [text, text + length) followed by padding_needed zero bytes. On success
  // sets `out` (in `arena`) and `id` (the applicant's id, or left as it is
  // when there is none) and returns true; false: bail. May leave unused
  // values in the arena when it bails.
  bool read(const char* text, std::size_t length, Arena& arena, Value& out, std::string& id);

  // Zero bytes the text must be followed by: no scan reads more than 15
  // bytes past the first zero byte (a 16-byte load that starts on it).
  static constexpr std::size_t padding_needed = 16;

  // Far below limits::max_json_depth (where the careful path stops), so
  // that the recursion stays shallow and a text the careful path refuses
  // for its depth always bails here first. The contract nests 3 deep.
  static constexpr int fast_max_depth = 32;
  static_assert(fast_max_depth < limits::max_json_depth);

 private:
  struct FieldInfo {
    const FieldSchema* schema = nullptr;
    // Copied from it, so that a field's kind is one load away, not two.
    FieldKind kind = FieldKind::string;
    bool required = false;
    std::uint32_t enum_id = 0;
    const NameTable::Slot* slot = nullptr;  // its name's entry in the record's table
    // The field a key with this name is, when that does not depend on the
    // variant (slot->tag < 0); -1 otherwise. Saves a look into the slot.
    int common = -1;
    scan::Pattern key;                      // its name as a key
    // Guesses, updated as the text goes (each reader has its own walk):
    // the field whose key followed this one's last time, and for an
    // enumeration the member read last. A wrong guess costs one compare.
    std::uint32_t next = 0;
    std::uint32_t member = 0, other_member = 0;  // the last two different ones
  };
  // What the walk needs per record type besides the Impl's tables.
  struct RecordInfo {
    bool usable = false;  // at most 64 fields (seen-flags are bits), a sound discriminant
    int discriminant = -1;
    int default_variant = -1;  // the variant of an absent or null discriminant
    std::uint32_t size = 0;    // fields
    const NameTable* names = nullptr;
    const RecordPlan* plan = nullptr;
    const Value* initial = nullptr;  // RecordPlan::initial[0]: no variant's fields
    std::uint32_t first = 0;         // guess: the first key
    std::vector<FieldInfo> fields;   // and one more, never matching: a guess of "none"
    std::vector<std::vector<std::uint32_t>> variant_fields;  // per variant: its own fields
    std::vector<std::uint64_t> required;  // per variant + 1, as RecordPlan::required
  };
  struct EnumInfo {
    std::vector<scan::Pattern> members;
    std::vector<std::uint32_t> positions;  // as the enum's NameTable gives them
  };
  // A variant's field met before the discriminant: where its value starts.
  struct Deferred {
    const NameTable::Slot* slot;
    const char* value;
  };

  // What is known of one record being read. record() keeps it in locals,
  // so that it stays in registers; read_deferred() gets a copy.
  struct Open {
    Value* items = nullptr;
    std::uint64_t given = 0;   // fields met, null included: a second one is a duplicate
    std::uint64_t valued = 0;  // fields met with a value other than null
    int variant = -1;
    bool decided = true;  // whether `variant` is known (false until a discriminant settles it)
  };

  // fast_walk.cpp. Each takes p at the value's first byte (records and
  // lists: just past { or [) and returns the byte after it, or nullptr.
  const char* record(const char* p, std::uint32_t record_id, Value& out, int depth, bool root);
  // Field `idx` of a record, null included: marks it in `r` and settles the
  // variant when it is the discriminant. `id_index`: the field that is the
  // applicant's id, or -1.
  const char* member(RecordInfo& info, Open& r, std::uint32_t idx, const char* p, int depth, int id_index);
  // The same, not inlined: for read_deferred.
  const char* late_member(RecordInfo& info, Open& r, std::uint32_t idx, const char* p, int depth, int id_index);
  // A field's value other than null, by the kind the schema gives it.
  const char* value(const char* p, FieldInfo& f, Value& out, int depth, bool is_id);
  const char* enumeration(const char* p, FieldInfo& f, Value& out);
  const char* enumeration_by_name(const char* p, FieldInfo& f, Value& out);
  const char* number(const char* p, const FieldSchema& f, Value& out);
  const char* list(const char* p, const FieldSchema& f, Value& out, int depth);
  void grow_scratch();
  const char* text(const char* p, std::string_view& s, bool& in_place);
  // A string value's copy in the arena.
  std::string_view keep(std::string_view s);

  // fast_variants.cpp: the variant once the discriminant has been read or
  // the object has ended without it, and the fields that had to wait for it.
  // Returns the variant, its own fields' defaults put in `items`.
  static int settle_variant(const RecordInfo& info, Value* items, std::uint64_t valued);
  bool read_deferred(RecordInfo& info, Open& r, std::size_t first, int depth, int id_index);
  static int resolve(const NameTable& names, const NameTable::Slot& slot, int variant);

  const Schema& schema_;
  const std::vector<NameTable>& fields_of_;
  const std::vector<NameTable>& members_of_;
  const std::vector<RecordPlan>& plans_;
  std::vector<RecordInfo> info_;
  std::vector<EnumInfo> enums_;

  // State of one read(); the vectors keep their capacity across reads.
  Arena* arena_ = nullptr;
  std::string* id_ = nullptr;
  std::size_t length_ = 0;
  // List items until the list's length is known; grown by hand (as a
  // vector's size and capacity checks cost more than the copy).
  std::unique_ptr<Value[]> scratch_;
  std::size_t scratch_top_ = 0, scratch_size_ = 0;
  std::vector<Deferred> deferred_;
  MonthCache months_;
  // Strings with escapes are unescaped here before they are copied into the
  // arena: as large as the text, so any string fits.
  std::unique_ptr<char[]> unescaped_;
  std::size_t unescaped_size_ = 0;
};

}  // namespace kijun::facts
