// FactsReader's state, shared by facts_reader.cpp (documents, records, lists)
// and facts_fields.cpp (scalar fields). Internal: the only header that sees
// simdjson, which kijun_facts links privately.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/facts/facts_reader.hpp"

namespace kijun::facts {

namespace od = simdjson::ondemand;

// Field names of one record type to field indices, built once per Schema.
// One name can map to several fields: variants of a `by kind` record may
// each declare it (paper and review both have approved_journal).
struct FieldLookup {
  struct Entry {
    std::string_view name;
    std::uint32_t first = 0, count = 0;  // range in `fields`
  };
  std::vector<Entry> entries;
  std::vector<std::uint32_t> fields;
  std::vector<std::uint32_t> table;  // open addressing: entry index + 1; 0 is empty
  std::uint32_t mask = 0;

  void build(const RecordSchema& record);
  const Entry* find(std::string_view key) const;
};

struct FactsReader::Impl {
  explicit Impl(const Schema& s);

  bool read(std::string_view json, Arena& arena, Value& out, Diagnostics& diags,
            const std::string& location);

  // Each returns false once the JSON has turned out malformed: the caller
  // then unwinds without touching the document again.
  bool read_root(Value& out);
  bool read_record(od::object& obj, std::uint32_t record_id, Value& out, int depth, bool root);
  bool read_value(const FieldSchema& f, od::value& v, Value& out, int depth, std::size_t seen_slot,
                  bool is_id, bool is_discriminant);
  bool read_field(const FieldSchema& f, od::value& v, od::json_type t, Value& out, int depth,
                  bool is_id, bool is_discriminant);
  bool read_number(const FieldSchema& f, od::value& v, od::json_type t, Value& out, int depth);
  bool read_enum(const FieldSchema& f, od::value& v, od::json_type t, Value& out, bool is_discriminant,
                 int depth);
  bool read_list(const FieldSchema& f, od::value& v, Value& out, int depth);
  // Walks a value nobody asked for, so malformed JSON is never accepted
  // just because it sat in an ignored field.
  bool skip(od::value& v, int depth);
  bool key_of(od::field& f, std::string_view& key);
  // "a string (\"2021\")", "1.5", "an object": consumes and validates `v`.
  bool describe(od::value& v, od::json_type t, bool with_value, std::string& out, int depth);

  void error(std::string message, std::string hint = {});
  bool fail(simdjson::error_code e, const char* at = nullptr);
  bool fail(std::string reason, const char* at);
  const char* current_token();
  std::string render_path() const;
  void finish();

  static constexpr int max_depth = 100;

  const Schema& schema;
  std::vector<FieldLookup> lookups;  // per record type
  od::parser parser;
  od::document doc;
  bool doc_valid = false;
  // The input copied with SIMDJSON_PADDING bytes after it, kept across calls.
  std::unique_ptr<char[]> buffer;
  std::size_t buffer_size = 0;
  std::size_t length = 0;

  // State of the current read().
  Arena* arena = nullptr;
  Diagnostics* diags = nullptr;
  const std::string* location = nullptr;
  std::size_t first_diag = 0;
  int error_count = 0;
  bool failed = false;
  std::string fail_reason;
  std::size_t fail_offset = std::string::npos;
  std::string id;
  struct Segment {
    const std::string* name;  // nullptr: an array index
    std::uint32_t index;
  };
  std::vector<Segment> path;
  // Per field of every open record: 0 absent, 1 given, 2 given as null.
  std::vector<std::uint8_t> seen;
  std::size_t seen_top = 0;
  std::vector<Value> scratch;                // list items until the list's length is known
  std::vector<std::string_view> unknown_keys;  // for "did you mean" on missing fields
};

}  // namespace kijun::facts
