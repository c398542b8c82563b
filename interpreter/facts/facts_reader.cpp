// Applicant JSON to record Values with simdjson On-Demand: one forward pass
// over each object, dispatching fields by name through a per-record hash
// table. The parser, the padded input buffer and all scratch vectors live in
// Impl and are reused, so a cohort allocates only in the caller's Arena.
#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "interpreter/facts/facts_messages.hpp"
#include "interpreter/facts/facts_reader_impl.hpp"

namespace kijun::facts {

using detail::quote;

namespace {

std::uint32_t hash_name(std::string_view s) {
  std::uint32_t h = 2166136261u;  // FNV-1a: names are short identifiers
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

// The schema comes from the checker; a broken one is a bug there, and is
// refused here rather than indexed out of bounds for every applicant.
void validate(const Schema& s) {
  auto bad = [](const std::string& what) { throw std::invalid_argument("facts schema: " + what); };
  if (s.root >= s.records.size()) bad("root record out of range");
  for (const auto& r : s.records) {
    for (const auto& f : r.fields) {
      if (f.kind == FieldKind::enumeration && f.enum_id >= s.enums.size()) bad("enum of " + r.name + "." + f.name);
      if (f.kind == FieldKind::list && f.record_id >= s.records.size()) bad("list of " + r.name + "." + f.name);
      if (f.variant >= 0 && static_cast<std::size_t>(f.variant) >= r.variants.size()) bad("variant of " + f.name);
    }
    if (r.discriminant >= 0 && (static_cast<std::size_t>(r.discriminant) >= r.fields.size() ||
                                r.fields[static_cast<std::size_t>(r.discriminant)].kind != FieldKind::enumeration))
      bad("discriminant of " + r.name);
  }
  const auto& root = s.records[s.root];
  if (s.id_field >= 0 && (static_cast<std::size_t>(s.id_field) >= root.fields.size() ||
                          root.fields[static_cast<std::size_t>(s.id_field)].kind != FieldKind::string))
    bad("id field");
}

}  // namespace

void FieldLookup::build(const RecordSchema& record) {
  std::vector<std::vector<std::uint32_t>> groups;
  for (std::uint32_t i = 0; i < record.fields.size(); ++i) {
    std::string_view name = record.fields[i].name;
    auto it = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.name == name; });
    if (it == entries.end()) {
      entries.push_back(Entry{name, 0, 0});
      groups.emplace_back();
      it = entries.end() - 1;
    }
    groups[static_cast<std::size_t>(it - entries.begin())].push_back(i);
  }
  for (std::size_t e = 0; e < entries.size(); ++e) {
    entries[e].first = static_cast<std::uint32_t>(fields.size());
    entries[e].count = static_cast<std::uint32_t>(groups[e].size());
    fields.insert(fields.end(), groups[e].begin(), groups[e].end());
  }
  std::uint32_t size = 8;
  while (size < 2 * entries.size()) size *= 2;
  table.assign(size, 0);
  mask = size - 1;
  for (std::uint32_t e = 0; e < entries.size(); ++e) {
    std::uint32_t h = hash_name(entries[e].name) & mask;
    while (table[h] != 0) h = (h + 1) & mask;
    table[h] = e + 1;
  }
}

const FieldLookup::Entry* FieldLookup::find(std::string_view key) const {
  for (std::uint32_t h = hash_name(key) & mask; table[h] != 0; h = (h + 1) & mask)
    if (entries[table[h] - 1].name == key) return &entries[table[h] - 1];
  return nullptr;
}

FactsReader::Impl::Impl(const Schema& s) : schema(s) {
  validate(s);
  lookups.resize(s.records.size());
  for (std::size_t i = 0; i < s.records.size(); ++i) lookups[i].build(s.records[i]);
}

bool FactsReader::Impl::read(std::string_view json, Arena& a, Value& out, Diagnostics& ds,
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
  doc_valid = false;

  if (json.size() > max_bytes) {
    error("the applicant's JSON is " + std::to_string(json.size()) + " bytes, more than the limit of " +
          std::to_string(max_bytes));
    finish();
    return false;
  }
  std::size_t need = json.size() + simdjson::SIMDJSON_PADDING;
  if (buffer_size < need) {
    std::size_t size = std::max(need, buffer_size * 2);
    buffer = std::make_unique<char[]>(size);
    buffer_size = size;
  }
  if (!json.empty()) std::memcpy(buffer.get(), json.data(), json.size());
  std::memset(buffer.get() + json.size(), 0, simdjson::SIMDJSON_PADDING);

  Value result;
  if (auto e = parser.iterate(buffer.get(), json.size(), buffer_size).get(doc)) {
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

// Fields are used in place (value_unsafe() after the error check) rather
// than moved out of simdjson's result: GCC copies the moved pair through the
// stack in pieces, and the store-forwarding stall on every field cost more
// than all the schema checks together.
[[gnu::always_inline]] inline bool FactsReader::Impl::key_of(od::field& f, std::string_view& key) {
  // Keys are nearly always plain: use them in place. The closing quote is
  // guaranteed by simdjson's first pass.
  const char* begin = f.key().raw();
  const char* p = begin;
  while (*p != '"' && *p != '\\') ++p;
  if (*p == '"') {
    key = std::string_view(begin, static_cast<std::size_t>(p - begin));
    return true;
  }
  if (auto e = f.unescaped_key().get(key)) return fail(e, begin - 1);
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
    std::size_t after = detail::end_of_top_value({buffer.get(), length});
    if (after == std::string_view::npos) return fail(e);
    return fail("unexpected content after the object", buffer.get() + after);
  }
  if (!read_record(obj, schema.root, out, 0, true)) return false;
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS)
    return fail("unexpected content after the object", rest);
  return true;
}

bool FactsReader::Impl::read_record(od::object& obj, std::uint32_t record_id, Value& out, int depth,
                                    bool root) {
  const RecordSchema& rs = schema.records[record_id];
  const FieldLookup& lookup = lookups[record_id];
  const std::size_t nf = rs.fields.size();
  Value* items = arena->values(nf);
  const std::size_t base = seen_top;
  if (seen.size() < base + nf) seen.resize(base + nf);
  std::fill_n(seen.begin() + static_cast<std::ptrdiff_t>(base), nf, std::uint8_t{0});
  seen_top = base + nf;
  const std::size_t unknown_base = unknown_keys.size();
  int variant = -1;
  const int disc = rs.discriminant;

  // The variant decides which fields exist, and `kind` may come after them:
  // look it up first, then rewind for the ordered pass.
  bool kind_done = false;
  if (disc >= 0) {
    const auto d = static_cast<std::size_t>(disc);
    const FieldSchema& kf = rs.fields[d];
    od::value kv;
    auto e = obj.find_field_unordered(kf.name).get(kv);
    if (e == simdjson::SUCCESS) {
      kind_done = true;
      if (!read_value(kf, kv, items[d], depth, base + d, false, true)) return false;
    } else if (e != simdjson::NO_SUCH_FIELD) {
      return fail(e);
    }
    if (auto e2 = obj.reset().error()) return fail(e2);
  }

  for (auto field_result : obj) {
    if (auto e = field_result.error()) return fail(e);
    od::field& f = field_result.value_unsafe();  // see key_of: no copy
    std::string_view key;
    if (!key_of(f, key)) return false;
    const FieldLookup::Entry* entry = lookup.find(key);
    int idx = -1;
    if (entry) {
      int cur = disc >= 0 && items[static_cast<std::size_t>(disc)].kind == ValueKind::enumeration
                    ? static_cast<int>(items[static_cast<std::size_t>(disc)].index)
                    : -1;
      for (std::uint32_t j = entry->first; j < entry->first + entry->count && idx < 0; ++j) {
        int v = rs.fields[lookup.fields[j]].variant;
        if (v < 0 || v == cur) idx = static_cast<int>(lookup.fields[j]);
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
    if (seen[base + i] != 0) {
      path.push_back({&rs.fields[i].name, 0});
      error("duplicate field '" + rs.fields[i].name + "'");
      path.pop_back();
      if (!skip(f.value(), depth + 1)) return false;
      continue;
    }
    bool is_id = root && idx == schema.id_field;
    if (!read_value(rs.fields[i], f.value(), items[i], depth, base + i, is_id, idx == disc)) return false;
  }

  if (disc >= 0) {
    const Value& k = items[static_cast<std::size_t>(disc)];
    if (k.kind == ValueKind::enumeration) variant = static_cast<int>(k.index);
    else if (seen[base + static_cast<std::size_t>(disc)] != 1) {
      const FieldSchema& kf = rs.fields[static_cast<std::size_t>(disc)];
      if (!kf.required && !kf.optional && kf.default_value.kind == ValueKind::enumeration)
        variant = static_cast<int>(kf.default_value.index);
    }
  }
  for (std::size_t i = 0; i < nf; ++i) {
    if (seen[base + i] == 1) continue;
    const FieldSchema& fs = rs.fields[i];
    if (fs.variant >= 0 && fs.variant != variant) continue;
    if (fs.required) {
      std::string hint;
      for (std::size_t k = unknown_base; k < unknown_keys.size() && hint.empty(); ++k)
        if (!detail::closest(unknown_keys[k], {fs.name}).empty())
          hint = "is " + quote(unknown_keys[k], '\'') + " a misspelling of '" + fs.name + "'?";
      error("missing required field '" + fs.name + "'", std::move(hint));
    } else if (!fs.optional) {
      items[i] = fs.default_value;
    }
  }
  seen_top = base;
  unknown_keys.resize(unknown_base);
  out = Value::record(record_id, variant, items, static_cast<std::uint32_t>(nf));
  return true;
}

bool FactsReader::Impl::read_value(const FieldSchema& f, od::value& v, Value& out, int depth,
                                   std::size_t seen_slot, bool is_id, bool is_discriminant) {
  od::json_type t;
  if (auto e = v.type().get(t)) return fail(e);
  if (t == od::json_type::null) {
    bool null = false;
    if (v.is_null().get(null) != simdjson::SUCCESS || !null) return fail(simdjson::N_ATOM_ERROR);
    seen[seen_slot] = 2;  // treated as absent
    return true;
  }
  seen[seen_slot] = 1;
  path.push_back({&f.name, 0});
  bool ok = read_field(f, v, t, out, depth, is_id, is_discriminant);
  path.pop_back();
  return ok;
}

bool FactsReader::Impl::read_list(const FieldSchema& f, od::value& v, Value& out, int depth) {
  if (depth >= max_depth) return fail("nested more than " + std::to_string(max_depth) + " levels deep", nullptr);
  const RecordSchema& rs = schema.records[f.record_id];
  od::array arr;
  if (auto e = v.get_array().get(arr)) return fail(e);
  const std::size_t base = scratch.size();
  std::uint32_t index = 0;
  for (auto element : arr) {
    if (auto e = element.error()) return fail(e);
    od::value& ev = element.value_unsafe();
    od::json_type t;
    if (auto e = ev.type().get(t)) return fail(e);
    path.push_back({nullptr, index++});
    Value item;
    if (t == od::json_type::object) {
      od::object o;
      if (auto e = ev.get_object().get(o)) return fail(e);
      if (!read_record(o, f.record_id, item, depth + 1, false)) return false;
    } else {
      std::string found;
      if (!describe(ev, t, false, found, depth + 1)) return false;
      error("expected an object (a " + rs.name + " record), got " + found);
    }
    path.pop_back();
    scratch.push_back(item);
  }
  const std::size_t n = scratch.size() - base;
  Value* items = nullptr;
  if (n > 0) {
    items = static_cast<Value*>(arena->allocate(n * sizeof(Value), alignof(Value)));
    std::uninitialized_copy(scratch.begin() + static_cast<std::ptrdiff_t>(base), scratch.end(), items);
  }
  scratch.resize(base);
  out = Value::list(items, static_cast<std::uint32_t>(n));
  return true;
}

bool FactsReader::Impl::skip(od::value& v, int depth) {
  if (depth >= max_depth) return fail("nested more than " + std::to_string(max_depth) + " levels deep", nullptr);
  od::json_type t;
  if (auto e = v.type().get(t)) return fail(e);
  switch (t) {
    case od::json_type::object: {
      od::object o;
      if (auto e = v.get_object().get(o)) return fail(e);
      for (auto field_result : o) {
        if (auto e = field_result.error()) return fail(e);
        od::field& f = field_result.value_unsafe();
        std::string_view key;
        if (!key_of(f, key) || !skip(f.value(), depth + 1)) return false;
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
      if (auto e = v.get_string().get(text)) return fail(e, v.raw_json_token().data());
      return true;
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

void FactsReader::Impl::error(std::string message, std::string hint) {
  if (++error_count > max_errors) return;
  Diagnostic d;
  d.location = *location;
  d.json_path = render_path();
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags->push_back(std::move(d));
}

bool FactsReader::Impl::fail(simdjson::error_code e, const char* at) {
  if (!doc_valid && !at) {
    // simdjson's first pass gives no position; find it in the text.
    std::size_t off = detail::locate_input_error({buffer.get(), length}, e);
    if (off != std::string_view::npos) at = buffer.get() + off;
  }
  if (!at && doc_valid) at = current_token();
  const bool in_text = at && at >= buffer.get() && at < buffer.get() + length;
  // simdjson calls a bad true/false/null INCORRECT_TYPE: name the literal.
  if (e == simdjson::INCORRECT_TYPE && in_text)
    e = *at == 't' ? simdjson::T_ATOM_ERROR : *at == 'f' ? simdjson::F_ATOM_ERROR
                   : *at == 'n' ? simdjson::N_ATOM_ERROR : e;
  // The end of the input is where this one is: no position to show.
  if (e == simdjson::INCOMPLETE_ARRAY_OR_OBJECT) at = buffer.get() + length;
  std::string reason = detail::json_error_words(e);
  if (e == simdjson::TAPE_ERROR && in_text && *at >= 0x21 && *at <= 0x7E)
    reason += std::string(" (found '") + *at + "')";
  return fail(std::move(reason), at);
}

bool FactsReader::Impl::fail(std::string reason, const char* at) {
  if (!failed) {
    failed = true;
    fail_reason = std::move(reason);
    if (!at && doc_valid) at = current_token();
    if (at && at >= buffer.get() && at <= buffer.get() + length)
      fail_offset = static_cast<std::size_t>(at - buffer.get());
  }
  return false;
}

const char* FactsReader::Impl::current_token() {
  // After an error simdjson points at the offending token.
  const char* loc = nullptr;
  return doc.current_location().get(loc) == simdjson::SUCCESS ? loc : nullptr;
}

std::string FactsReader::Impl::render_path() const {
  std::string out = "$";
  for (const auto& s : path) {
    if (s.name) {
      out += '.';
      out += *s.name;
    } else {
      out += '[';
      out += std::to_string(s.index);
      out += ']';
    }
  }
  return out;
}

void FactsReader::Impl::finish() {
  if (failed) {
    // Field errors found before the JSON broke are dropped: the text has to
    // be fixed first, and what follows the break was never checked.
    diags->erase(diags->begin() + static_cast<std::ptrdiff_t>(first_diag), diags->end());
    Diagnostic d;
    d.location = *location;
    d.json_path = "$";
    d.message = "malformed JSON: " + fail_reason;
    if (fail_offset < length) d.message += " at byte " + std::to_string(fail_offset + 1);
    diags->push_back(std::move(d));
  } else if (error_count > max_errors) {
    Diagnostic d;
    d.severity = Severity::note;
    d.location = *location;
    d.message = std::to_string(error_count - max_errors) + " more errors in this applicant not shown";
    diags->push_back(std::move(d));
  }
  if (!id.empty()) {
    std::string subject = "applicant " + quote(id, '\'');
    for (std::size_t i = first_diag; i < diags->size(); ++i) (*diags)[i].subject = subject;
  }
}

FactsReader::FactsReader(const Schema& schema) : impl_(std::make_unique<Impl>(schema)) {}
FactsReader::~FactsReader() = default;

bool FactsReader::read(std::string_view json, Arena& arena, Value& out, Diagnostics& diags,
                       const std::string& location) {
  try {
    return impl_->read(json, arena, out, diags, location);
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

}  // namespace kijun::facts
