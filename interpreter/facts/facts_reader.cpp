// Applicant JSON to record Values. read() tries the fast path first
// (fast_walk.hpp: the text read straight, driven by the schema); when it
// bails, the careful path here reads the text again with simdjson On-Demand:
// one forward pass over each object, dispatching fields by name through a
// per-record hash table, and it alone reports problems. The parser, the
// padded input buffer and all scratch vectors live in Impl and are reused,
// so a cohort allocates only in the caller's Arena.
#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "interpreter/facts/batch_reader.hpp"
#include "interpreter/facts/facts_messages.hpp"
#include "interpreter/facts/facts_reader_impl.hpp"

namespace kijun::facts {

using detail::quote;

static_assert(input_padding >= simdjson::SIMDJSON_PADDING, "a Batch's lines must be padded for simdjson");
static_assert(input_padding >= FastWalk::padding_needed && simdjson::SIMDJSON_PADDING >= FastWalk::padding_needed,
              "both kinds of input must be padded for the fast path");

bool FactsReader::Impl::read(std::string_view json, bool padded, Arena& a, Value& out, Diagnostics& ds,
                             const std::string& loc) {
  arena = &a;
  diags = &ds;
  location = &loc;
  first_diag = ds.size();
  error_count = 0;
  failed = false;
  fail_reason.clear();
  fail_offset = std::string::npos;
  id.clear();
  path.clear();
  seen_top = 0;
  scratch.clear();
  unknown_keys.clear();
  length = json.size();
  input = json.data();
  doc_valid = false;

  if (json.size() > max_bytes) {
    // A cohort line may arrive cut at the limit (BatchReader): "more than".
    error("the applicant's JSON is more than " + limits::grouped(max_bytes) + " bytes (limit max_json_size)",
          "no applicant is this large: check how the file was exported");
    finish();
    return false;
  }
  std::size_t capacity = json.size() + simdjson::SIMDJSON_PADDING;
  if (padded) {
    input = json.data();
  } else {
    if (buffer_size < capacity) {
      std::size_t size = std::max(capacity, buffer_size * 2);
      buffer = std::make_unique<char[]>(size);
      buffer_size = size;
    }
    if (!json.empty()) std::memcpy(buffer.get(), json.data(), json.size());
    std::memset(buffer.get() + json.size(), 0, simdjson::SIMDJSON_PADDING);
    input = buffer.get();
    capacity = buffer_size;
  }

  Value result;
  // The fast path says nothing: it reads the applicant exactly as below
  // would, or leaves it to the careful path (docs/architecture.md, "Facts").
  if (paths != Paths::careful_only) {
    if (fast.read(input, json.size(), a, result, id)) {
      out = result;
      return true;
    }
    id.clear();  // the careful path finds it again
    if (paths == Paths::fast_only) {
      error("the fast path bailed (FactsReader::Paths::fast_only, for tests)");
      finish();
      return false;
    }
  }
  if (auto e = parser.iterate(input, json.size(), capacity).get(doc)) {
    fail(e);
  } else {
    doc_valid = true;
    read_root(result);
  }
  finish();
  if (error_count > 0 || failed) return false;
  out = result;
  return true;
}

namespace {

// A key's text as written, found backwards from its value: simdjson checked
// the colon between them, and its first pass closed the string. Scanning the
// key forwards would cost a mispredicted loop exit per key.
[[gnu::always_inline]] inline std::string_view raw_key(od::field& f) {
  const char* begin = f.key().raw();
  const char* p = f.value().raw_json_token().data() - 1;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (blank(*p)) --p;  // to the colon
  --p;
  while (blank(*p)) --p;  // to the closing quote
  return std::string_view(begin, static_cast<std::size_t>(p - begin));
}

}  // namespace

// Replaces a key written with escapes by its text. `in_place` stays true for
// the usual key without any.
bool FactsReader::Impl::key_of(od::field& f, std::string_view& key, bool& in_place) {
  in_place = !has_backslash(key.data(), key.size());
  if (in_place) return true;
  const char* at = key.data() - 1;
  if (auto e = f.unescaped_key().get(key)) return fail(e, at);
  return true;
}

bool FactsReader::Impl::read_root(Value& out) {
  od::json_type t;
  if (auto e = doc.type().get(t)) return fail(e);
  if (t != od::json_type::object) {
    static constexpr const char* nouns[] = {"an array", "an object", "a number", "a string", "true or false", "null"};
    auto k = static_cast<std::size_t>(t) - static_cast<std::size_t>(od::json_type::array);
    error(std::string("expected a JSON object (one applicant), got ") + (k < 6 ? nouns[k] : "something else"));
    return true;
  }
  od::object obj;
  if (auto e = doc.get_object().get(obj)) {
    // simdjson checks that the text ends where the object does; tell a text
    // cut short from one with something after the object.
    if (e != simdjson::INCOMPLETE_ARRAY_OR_OBJECT) return fail(e);
    std::size_t after = detail::end_of_top_value({input, length});
    if (after == std::string_view::npos) return fail(e);
    return fail("unexpected content after the object", input + after);
  }
  if (!read_record(obj, schema.root, out, 0, true)) return false;
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS)
    return fail("unexpected content after the object", rest);
  return true;
}

[[gnu::always_inline]] inline bool FactsReader::Impl::read_value(const FieldSchema& f, od::value& v, Value& out,
                                                                 int depth, std::size_t seen_slot, bool is_id,
                                                                 bool is_discriminant) {
  od::json_type t;
  if (auto e = v.type().get(t)) return fail(e);
  // null stands for absent, except where a value is required: there the
  // field is present with the wrong value ("expected an integer, got null").
  if (t == od::json_type::null && !f.required) {
    bool null = false;
    if (v.is_null().get(null) != simdjson::SUCCESS || !null) return fail(simdjson::N_ATOM_ERROR);
    seen[seen_slot] = 2;
    return true;
  }
  seen[seen_slot] = 1;
  return read_field(f, v, t, out, depth, is_id, is_discriminant);
}

bool FactsReader::Impl::read_record(od::object& obj, std::uint32_t record_id, Value& out, int depth,
                                    bool root) {
  const RecordSchema& rs = schema.records[record_id];
  const NameTable& names = fields_of[record_id];
  const RecordPlan& plan = plans[record_id];
  const std::size_t nf = rs.fields.size();
  const std::size_t base = seen_top;
  if (seen.size() < base + nf) seen.resize(base + nf);
  std::fill_n(seen.begin() + static_cast<std::ptrdiff_t>(base), nf, std::uint8_t{0});
  seen_top = base + nf;
  const std::size_t unknown_base = unknown_keys.size();
  const int disc = rs.discriminant;
  const std::size_t seg = path.size();
  path.push_back({nullptr, 0, false});

  // The variant decides which fields exist, and `kind` may come after them:
  // look it up first, then rewind for the ordered pass.
  int variant = -1;
  bool kind_done = false;
  Value kind;
  if (disc >= 0) {
    const auto d = static_cast<std::size_t>(disc);
    const FieldSchema& kf = rs.fields[d];
    od::value kv;
    auto e = obj.find_field_unordered(kf.name).get(kv);
    if (e == simdjson::SUCCESS) {
      kind_done = true;
      path[seg].name = &kf.name;
      if (!read_value(kf, kv, kind, depth, base + d, false, true)) return false;
    } else if (e != simdjson::NO_SUCH_FIELD) {
      return fail(e);
    }
    if (kind.kind == ValueKind::enumeration) variant = static_cast<int>(kind.index);
    else if (seen[base + d] != 1 && !kf.required && !kf.optional && kf.default_value.kind == ValueKind::enumeration)
      variant = static_cast<int>(kf.default_value.index);  // absent or null: the default kind
    if (auto e2 = obj.reset().error()) return fail(e2);
  }
  Value* items = nullptr;
  if (nf > 0) {
    items = static_cast<Value*>(arena->allocate(nf * sizeof(Value), alignof(Value)));
    const auto& initial = plan.initial[static_cast<std::size_t>(variant + 1)];
    std::uninitialized_copy(initial.begin(), initial.end(), items);
    if (kind.kind == ValueKind::enumeration) set::enumeration(items[disc], kind.aux, kind.index);
  }

  for (auto field_result : obj) {
    if (auto e = field_result.error()) return fail(e);
    // Used in place rather than moved out with get(): GCC copies the moved
    // pair through the stack in pieces, and the store-forwarding stall on
    // every field cost more than all the schema checks together.
    od::field& f = field_result.value_unsafe();
    std::string_view key = raw_key(f);
    // Schema names have no backslash: only a key that matched none can be
    // written with escapes.
    const NameTable::Slot* entry = names.find(key, true);
    if (!entry) {
      bool in_place;
      if (!key_of(f, key, in_place)) return false;
      if (!in_place) entry = names.find(key, false);
    }
    int idx = -1;
    if (entry) {
      if (entry->tag < 0 || entry->tag == variant) {
        idx = static_cast<int>(entry->position);
      } else {
        for (std::uint32_t j = entry->first + 1; j < entry->first + entry->count && idx < 0; ++j)
          if (names.tags[names.positions[j]] == variant) idx = static_cast<int>(names.positions[j]);
      }
    } else {
      unknown_keys.push_back(key);
    }
    // Unknown names and fields of another variant are accepted and ignored.
    if (idx < 0) {
      if (!skip(f.value(), depth + 1)) return false;
      continue;
    }
    if (idx == disc && kind_done) {
      kind_done = false;  // the occurrence already read; a second one is a duplicate
      continue;
    }
    const auto i = static_cast<std::size_t>(idx);
    path[seg].name = &rs.fields[i].name;
    if (seen[base + i] != 0) {
      error("duplicate field '" + rs.fields[i].name + "'");
      if (!skip(f.value(), depth + 1)) return false;
      continue;
    }
    bool is_id = root && idx == schema.id_field;
    if (!read_value(rs.fields[i], f.value(), items[i], depth, base + i, is_id, idx == disc)) return false;
    // Only when pass 1 missed the key (written with escapes): the variant's
    // fields after it are still read, and its required ones still checked.
    if (idx == disc && variant < 0 && items[i].kind == ValueKind::enumeration) {
      variant = static_cast<int>(items[i].index);
      const auto& initial = plan.initial[static_cast<std::size_t>(variant + 1)];
      for (std::size_t k = 0; k < nf; ++k)
        if (rs.fields[k].variant == variant && seen[base + k] == 0) items[k] = initial[k];
    }
  }

  path[seg].name = nullptr;  // missing fields are reported at the record
  for (std::uint32_t i : plan.required[static_cast<std::size_t>(variant + 1)]) {
    if (seen[base + i] == 1) continue;
    const std::string& name = rs.fields[i].name;
    std::string hint;
    for (std::size_t k = unknown_base; k < unknown_keys.size() && hint.empty(); ++k)
      if (!detail::closest(unknown_keys[k], {name}).empty())
        hint = "is " + quote(unknown_keys[k], '\'') + " a misspelling of '" + name + "'?";
    error("missing required field '" + name + "'", std::move(hint));
  }
  seen_top = base;
  unknown_keys.resize(unknown_base);
  path.pop_back();
  set::sequence(out, ValueKind::record, record_id, items, static_cast<std::uint32_t>(nf), variant);
  return true;
}

bool FactsReader::Impl::read_list(const FieldSchema& f, od::value& v, Value& out, int depth) {
  if (depth >= max_depth) return fail("nested more than " + std::to_string(max_depth) + " levels deep (limit max_json_depth)", nullptr);
  const RecordSchema& rs = schema.records[f.record_id];
  od::array arr;
  if (auto e = v.get_array().get(arr)) return fail(e);
  const std::size_t base = scratch.size();
  const std::size_t seg = path.size();
  path.push_back({nullptr, 0, true});
  std::uint32_t index = 0;
  for (auto element : arr) {
    if (auto e = element.error()) return fail(e);
    od::value& ev = element.value_unsafe();
    if (index >= limits::max_list_length) [[unlikely]] {
      // Past the limit: counted for the message and still validated, not kept.
      if (!skip(ev, depth + 1)) return false;
      ++index;
      continue;
    }
    od::json_type t;
    if (auto e = ev.type().get(t)) return fail(e);
    path[seg].index = index++;
    if (t == od::json_type::object) {
      od::object o;
      if (auto e = ev.get_object().get(o)) return fail(e);
      // Read into a local: nested lists may grow `scratch` meanwhile.
      Value item;
      if (!read_record(o, f.record_id, item, depth + 1, false)) return false;
      scratch.emplace_back();
      set::copy_sequence(scratch.back(), item);
    } else {
      std::string found;
      if (!describe(ev, t, false, found, depth + 1)) return false;
      error("expected an object (a " + rs.name + " record), got " + found);
      scratch.emplace_back();
    }
  }
  path.pop_back();
  if (index > limits::max_list_length) [[unlikely]]
    error("the list holds " + limits::grouped(index) + " " + rs.name + " records; at most " +
              limits::grouped(limits::max_list_length) + " are allowed (limit max_list_length)",
          "no applicant has this many: check how the file was exported");
  const std::size_t n = scratch.size() - base;
  Value* items = nullptr;
  if (n > 0) {
    items = static_cast<Value*>(arena->allocate(n * sizeof(Value), alignof(Value)));
    std::uninitialized_copy(scratch.begin() + static_cast<std::ptrdiff_t>(base), scratch.end(), items);
  }
  scratch.resize(base);
  set::sequence(out, ValueKind::list, 0, items, static_cast<std::uint32_t>(n), -1);
  return true;
}

bool FactsReader::Impl::skip(od::value& v, int depth) {
  if (depth >= max_depth) return fail("nested more than " + std::to_string(max_depth) + " levels deep (limit max_json_depth)", nullptr);
  od::json_type t;
  if (auto e = v.type().get(t)) return fail(e);
  switch (t) {
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return fail(e);
      for (auto field_result : o) {
        if (auto e = field_result.error()) return fail(e);
        od::field& f = field_result.value_unsafe();
        std::string_view key = raw_key(f);
        bool in_place;
        if (!key_of(f, key, in_place) || !skip(f.value(), depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return fail(e);
      for (auto element : a) {
        if (auto e = element.error()) return fail(e);
        od::value& ev = element.value_unsafe();
        if (!skip(ev, depth + 1)) return false;
      }
      return true;
    }
    case od::json_type::string: {
      std::string_view text;
      bool in_place;
      return string_value(v, text, in_place);  // unescapes, so checks, any escapes
    }
    case od::json_type::number: {
      std::string_view token = detail::trim_token(v.raw_json_token());
      Rational ignored;
      if (detail::parse_json_number(token, ignored) == detail::NumberStatus::syntax)
        return fail("invalid number " + quote(detail::shown(token)), token.data());
      return true;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = v.get_bool().get(b)) return fail(e);
      return true;
    }
    case od::json_type::null: {
      bool null = false;
      if (v.is_null().get(null) != simdjson::SUCCESS || !null) return fail(simdjson::N_ATOM_ERROR);
      return true;
    }
  }
  return fail(simdjson::TAPE_ERROR);
}

FactsReader::FactsReader(const Schema& schema) : impl_(std::make_unique<Impl>(schema)) {}
FactsReader::~FactsReader() = default;

bool FactsReader::read(std::string_view json, Arena& arena, Value& out, Diagnostics& diags,
                       const std::string& location) {
  return read_any(json, false, arena, out, diags, location);
}

bool FactsReader::read_padded(std::string_view json, Arena& arena, Value& out, Diagnostics& diags,
                              const std::string& location) {
  return read_any(json, true, arena, out, diags, location);
}

bool FactsReader::read_any(std::string_view json, bool padded, Arena& arena, Value& out, Diagnostics& diags,
                           const std::string& location) {
  try {
    return impl_->read(json, padded, arena, out, diags, location);
  } catch (const std::exception& e) {  // only std::bad_alloc is expected here
    Diagnostic d;
    d.location = location;
    d.json_path = "$";
    d.message = std::string("cannot read the applicant: ") + e.what();
    try {
      diags.push_back(std::move(d));
    } catch (...) {
    }
    return false;
  }
}

const std::string& FactsReader::last_id() const { return impl_->id; }

void FactsReader::set_paths(Paths paths) { impl_->paths = paths; }

}  // namespace kijun::facts
