// FactsReader's state, shared by facts_reader.cpp (documents, records,
// lists), facts_fields.cpp (scalar fields), facts_errors.cpp (diagnostics)
// and facts_schema_index.cpp (tables built from the Schema). Internal: the
// only header that sees simdjson, which kijun_facts links privately.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/facts/facts_reader.hpp"
#include "interpreter/facts/facts_tables.hpp"
#include "interpreter/facts/fast_walk.hpp"

namespace kijun::facts {

namespace od = simdjson::ondemand;

struct FactsReader::Impl {
  explicit Impl(const Schema& s);

  bool read(std::string_view json, bool padded, Arena& arena, Value& out, Diagnostics& diags,
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
  // The key's text; `in_place` when it lies unescaped in the padded input.
  bool key_of(od::field& f, std::string_view& key, bool& in_place);
  // The text of a string value; `in_place` likewise.
  bool string_value(od::value& v, std::string_view& s, bool& in_place);
  // "a string (\"2021\")", "1.5", "an object": consumes and validates `v`.
  bool describe(od::value& v, od::json_type t, bool with_value, std::string& out, int depth);

  void error(std::string message, std::string hint = {});
  bool fail(simdjson::error_code e, const char* at = nullptr);
  bool fail(std::string reason, const char* at);
  const char* current_token();
  std::string render_path() const;
  void finish();

  static constexpr int max_depth = limits::max_json_depth;

  // Not copied: its string defaults point into it, so it has to outlive the
  // reader anyway (the checker's Program owns it).
  const Schema& schema;
  std::vector<NameTable> fields_of;   // per record type
  std::vector<NameTable> members_of;  // per enum
  std::vector<RecordPlan> plans;
  // The fast path, tried first (fast_walk.hpp); on the tables above.
  FastWalk fast{schema, fields_of, members_of, plans};
  Paths paths = Paths::fast_then_careful;
  od::parser parser;
  od::document doc;
  bool doc_valid = false;
  // The input copied with SIMDJSON_PADDING bytes after it, kept across calls
  // (unless it came padded).
  std::unique_ptr<char[]> buffer;
  std::size_t buffer_size = 0;
  const char* input = nullptr;  // the text parsed: buffer, or the caller's padded text
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
  // The JSON path, rendered only for an error: a record holds one segment
  // whose name it sets per field (nullptr between fields), a list one whose
  // index it sets per item, so reading a field costs one store.
  struct Segment {
    const std::string* name;
    std::uint32_t index;
    bool is_index;
  };
  std::vector<Segment> path;
  // Per field of every open record: 0 absent, 1 given, 2 given as null.
  std::vector<std::uint8_t> seen;
  std::size_t seen_top = 0;
  std::vector<Value> scratch;                // list items until the list's length is known
  std::vector<std::string_view> unknown_keys;  // for "did you mean" on missing fields
};

}  // namespace kijun::facts
