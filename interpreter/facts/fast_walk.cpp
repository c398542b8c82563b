// The fast path's schema-directed walk (fast_walk.hpp): one plain loop per
// object, keys matched against the record's NameTable where they lie in the
// padded text, values read by the kind the schema gives the field. Every
// `return nullptr` is a bail: the careful path reads the text again and says
// what is wrong, so nothing here needs to know.
#include "interpreter/facts/fast_walk.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstring>

#include "interpreter/facts/facts_messages.hpp"
#include "stdlib/dates.hpp"

namespace kijun::facts {

FastWalk::FastWalk(const Schema& schema, const std::vector<NameTable>& fields_of,
                   const std::vector<NameTable>& members_of, const std::vector<RecordPlan>& plans)
    : schema_(schema), fields_of_(fields_of), members_of_(members_of), plans_(plans) {}

void FastWalk::prepare() {
  info_.assign(schema_.records.size(), RecordInfo{});
  for (std::size_t i = 0; i < schema_.records.size(); ++i) {
    const RecordSchema& rs = schema_.records[i];
    RecordInfo& in = info_[i];
    const std::size_t variants = rs.variants.size();
    in.size = static_cast<std::uint32_t>(rs.fields.size());
    in.usable = in.size <= 64;
    in.discriminant = rs.discriminant;
    in.names = &fields_of_[i];
    in.plan = &plans_[i];
    in.initial = plans_[i].initial[0].data();
    if (rs.discriminant >= 0) {
      const FieldSchema& kf = rs.fields[static_cast<std::size_t>(rs.discriminant)];
      // The careful path takes the variant from the member's index, and
      // checks nothing of this: leave any other shape to it.
      if (kf.variant >= 0 || schema_.enums[kf.enum_id].members.size() != variants) in.usable = false;
      if (!kf.required && !kf.optional && kf.default_value.kind == ValueKind::enumeration) {
        in.default_variant = static_cast<int>(kf.default_value.index);
        if (kf.default_value.index >= variants) in.usable = false;
      }
    }
    in.fields.resize(in.size + 1);  // the last: "no guess"
    for (std::uint32_t k = 0; k < in.size; ++k) {
      FieldInfo& f = in.fields[k];
      f.schema = &rs.fields[k];
      f.kind = f.schema->kind;
      f.required = f.schema->required;
      f.enum_id = f.schema->enum_id;
      f.slot = in.names->find(f.schema->name, false);
      f.common = f.slot->tag < 0 ? static_cast<int>(f.slot->position) : -1;
      f.key.set(f.schema->name);
      f.next = k + 1;  // at first, the schema's order
    }
    in.first = 0;
    in.variant_fields.assign(variants, {});
    for (std::uint32_t k = 0; k < in.size; ++k) {
      const int v = rs.fields[k].variant;
      if (v >= 0 && static_cast<std::size_t>(v) < variants) in.variant_fields[static_cast<std::size_t>(v)].push_back(k);
    }
    if (!in.usable) continue;
    for (const auto& required : plans_[i].required) {
      std::uint64_t mask = 0;
      for (std::uint32_t k : required) mask |= std::uint64_t{1} << k;
      in.required.push_back(mask);
    }
  }
  enums_.assign(schema_.enums.size(), EnumInfo{});
  for (std::size_t e = 0; e < schema_.enums.size(); ++e) {
    for (const auto& name : schema_.enums[e].members) {
      enums_[e].members.emplace_back();
      enums_[e].members.back().set(name);
      enums_[e].positions.push_back(members_of_[e].find(name, false)->position);
    }
    if (enums_[e].members.empty()) {  // so that a guess of member 0 is valid: it never matches
      enums_[e].members.emplace_back();
      enums_[e].positions.push_back(0);
    }
  }
}

bool FastWalk::read(const char* input, std::size_t length, Arena& arena, Value& out, std::string& id) {
  // The careful path's stage 1 checks the whole text, ignored fields and
  // all; simdjson's checker is dispatched to the machine's fastest kernel.
  if (!simdjson::validate_utf8(input, length)) return false;
  arena_ = &arena;
  id_ = &id;
  scratch_top_ = 0;
  deferred_.clear();
  if (unescaped_size_ < length + 16) {
    unescaped_size_ = std::max(length + 16, 2 * unescaped_size_);
    // Zeroed once: keep() copies whole 16-byte blocks out of it.
    unescaped_ = std::make_unique<char[]>(unescaped_size_);
  }
  const char* p = scan::skip_blanks(input);
  if (*p != '{') return false;
  Value result;
  p = record(p + 1, schema_.root, result, 0, true);
  if (!p || scan::skip_blanks(p) != input + length) return false;
  out = result;
  return true;
}

const char* FastWalk::record(const char* p, std::uint32_t record_id, Value& out, int depth, bool root) {
  RecordInfo& info = info_[record_id];
  if (!info.usable) return nullptr;
  Open r;
  r.decided = info.discriminant < 0;
  if (info.size > 0) {
    // Every field as if absent: defaults in place, another variant's none.
    // A variant's own defaults are added once the variant is known.
    r.items = static_cast<Value*>(arena_->allocate(info.size * sizeof(Value), alignof(Value)));
    std::memcpy(static_cast<void*>(r.items), info.initial, info.size * sizeof(Value));
  }
  const int id_index = root ? schema_.id_field : -1;
  const std::size_t first_deferred = deferred_.size();
  std::uint32_t* guess = &info.first;

  p = scan::blanks(p);
  if (*p == '}') {
    ++p;
  } else {
    for (;;) {
      if (*p != '"') return nullptr;
      const char* key = p + 1;
      // The key the text had after the previous one the last time, first:
      // one compare of two words when it comes again, as it mostly does.
      const FieldInfo& expected = info.fields[*guess];
      const NameTable::Slot* slot;
      int idx = -1;
      if (expected.key.matches(key)) {
        slot = expected.slot;
        idx = expected.common;
        p = key + expected.key.size + 1;
      } else {
        const char* stop = scan::string_stop(key);
        if (*stop != '"') return nullptr;  // escapes in the key: the careful path unescapes them
        // In place in the padded text, so the table compares whole words.
        slot = info.names->find({key, static_cast<std::size_t>(stop - key)}, true);
        p = stop + 1;
        if (slot) {
          *guess = slot->position;
          if (slot->tag < 0) idx = static_cast<int>(slot->position);
        }
      }
      // Blanks are skipped only where the expected character is not found:
      // compact JSON, the usual, then costs one compare per separator.
      if (*p != ':') {
        p = scan::skip_blanks(p);
        if (*p != ':') return nullptr;
      }
      p = scan::blanks(p + 1);
      if (slot) {
        guess = &info.fields[slot->position].next;
        if (idx < 0) {  // a variant's field
          if (r.decided) idx = resolve(*info.names, *slot, r.variant);
          else deferred_.push_back({slot, p});  // before the discriminant: checked now, read later
        }
      }
      // Unknown keys, another variant's fields and deferred ones are passed
      // over, yet checked: malformed JSON is never accepted.
      p = idx < 0 ? scan::skip_value(p, depth + 1, fast_max_depth)
                  : member(info, r, static_cast<std::uint32_t>(idx), p, depth, id_index);
      if (!p) return nullptr;
      if (*p != ',' && *p != '}') p = scan::skip_blanks(p);
      if (*p == ',') {
        p = scan::blanks(p + 1);
        continue;
      }
      if (*p != '}') return nullptr;
      ++p;
      break;
    }
  }

  if (!r.decided) {  // no discriminant in the object
    r.variant = settle_variant(info, r.items, r.valued);
    r.decided = true;
  }
  if (deferred_.size() > first_deferred) {
    Open late = r;  // not r itself: its address would keep it out of registers above
    if (!read_deferred(info, late, first_deferred, depth, id_index)) return nullptr;
    r = late;
  }
  const std::uint64_t required = info.required[static_cast<std::size_t>(r.variant + 1)];
  if ((r.valued & required) != required) return nullptr;
  set::sequence(out, ValueKind::record, record_id, r.items, info.size, r.variant);
  return p;
}

[[gnu::always_inline]] inline const char* FastWalk::member(RecordInfo& info, Open& r, std::uint32_t idx,
                                                            const char* p, int depth, int id_index) {
  const std::uint64_t bit = std::uint64_t{1} << idx;
  if (r.given & bit) return nullptr;  // a duplicate field
  r.given |= bit;
  FieldInfo& f = info.fields[idx];
  if (*p == 'n') {
    // null is absent, except where a value is required (a type error there).
    if (f.required || !scan::literal(p, "null")) return nullptr;
    p += 4;
  } else {
    r.valued |= bit;
    p = value(p, f, r.items[idx], depth, static_cast<int>(idx) == id_index);
    if (!p) return nullptr;
  }
  if (!r.decided && static_cast<int>(idx) == info.discriminant) {
    r.variant = settle_variant(info, r.items, r.valued);
    r.decided = true;
  }
  return p;
}

const char* FastWalk::late_member(RecordInfo& info, Open& r, std::uint32_t idx, const char* p, int depth,
                                  int id_index) {
  return member(info, r, idx, p, depth, id_index);
}

[[gnu::always_inline]] inline std::string_view FastWalk::keep(std::string_view s) {
  // Most strings are short ("operator", a name): copied as one 16-byte
  // block, which both sources allow (the padded text, and the unescaping
  // buffer, 16 bytes larger than the text), into 16 bytes of the arena.
  if (s.size() <= 16) {
    if (s.empty()) return {};
    char* to = static_cast<char*>(arena_->allocate(16, 1));
    std::memcpy(to, s.data(), 16);
    return {to, s.size()};
  }
  return arena_->copy(s);
}

const char* FastWalk::text(const char* p, std::string_view& s, bool& in_place) {
  if (*p != '"') return nullptr;
  return scan::string(p + 1, unescaped_.get(), s, in_place);
}

[[gnu::always_inline]] inline const char* FastWalk::value(const char* p, FieldInfo& fi, Value& out, int depth,
                                                           bool is_id) {
  std::string_view s;
  bool in_place;
  switch (fi.kind) {
    case FieldKind::boolean:
      if (scan::literal(p, "true")) {
        set::boolean(out, true);
        return p + 4;
      }
      if (scan::literal(p, "false")) {
        set::boolean(out, false);
        return p + 5;
      }
      return nullptr;
    case FieldKind::integer:
    case FieldKind::decimal:
      return number(p, *fi.schema, out);
    case FieldKind::string:
      p = text(p, s, in_place);
      if (!p || s.size() > limits::max_string_length) return nullptr;
      set::string(out, keep(s));
      if (is_id) id_->assign(s);
      return p;
    case FieldKind::date: {
      // "YYYY-MM-DD" and its quotes, the usual shape: a date parse()
      // accepts holds only digits and dashes, so no escape and no quote.
      if (*p == '"' && p[11] == '"') {
        if (const auto days = months_.parse(p + 1)) {
          set::date(out, *days);
          return p + 12;
        }
      }
      p = text(p, s, in_place);
      if (!p) return nullptr;
      const auto days = dates::parse(s);
      if (!days) return nullptr;
      set::date(out, *days);
      return p;
    }
    case FieldKind::enumeration:
      return enumeration(p, fi, out);
    case FieldKind::list:
      return *p == '[' ? list(p + 1, *fi.schema, out, depth) : nullptr;
  }
  return nullptr;
}

[[gnu::always_inline]] inline const char* FastWalk::enumeration(const char* p, FieldInfo& fi, Value& out) {
  // The member read last in this field, first: one compare when it repeats.
  const std::uint32_t e = fi.enum_id;
  const EnumInfo& en = enums_[e];
  if (*p == '"' && en.members[fi.member].matches(p + 1)) {
    set::enumeration(out, e, en.positions[fi.member]);
    return p + en.members[fi.member].size + 2;
  }
  return enumeration_by_name(p, fi, out);
}

const char* FastWalk::enumeration_by_name(const char* p, FieldInfo& fi, Value& out) {
  const std::uint32_t e = fi.enum_id;
  const EnumInfo& en = enums_[e];
  if (*p == '"') {
    // Then the one before it (fields that alternate between two members),
    // then, in a short enumeration, the others: each one compare, cheaper
    // than finding the string's end and hashing it.
    std::uint32_t k = fi.other_member;
    bool found = en.members[k].matches(p + 1);
    for (std::uint32_t j = 0; !found && j < en.members.size() && en.members.size() <= 12; ++j)
      if (en.members[j].matches(p + 1)) k = j, found = true;
    if (found) {
      fi.other_member = fi.member;
      fi.member = k;
      set::enumeration(out, e, en.positions[k]);
      return p + en.members[k].size + 2;
    }
  }
  std::string_view s;
  bool in_place;
  p = text(p, s, in_place);
  if (!p) return nullptr;
  // In place, 16 bytes can be read from the text: whole-word compares.
  const NameTable::Slot* m = members_of_[e].find(s, in_place);
  if (!m) return nullptr;
  set::enumeration(out, e, m->position);
  return p;
}

const char* FastWalk::number(const char* p, const FieldSchema& f, Value& out) {
  Rational r;
  const char* end = nullptr;
  // Plain integers (years, minutes, counts) without the general parser:
  // up to 18 digits fit an int64, and the value is the one it gives.
  const bool negative = *p == '-';
  const char* q = p + (negative ? 1 : 0);
  if (*q >= '1' && *q <= '9') {
    std::int64_t n = *q++ - '0';
    for (int digits = 1; digits < 18 && scan::is_digit(*q); ++digits) n = n * 10 + (*q++ - '0');
    if (!scan::is_number_char(*q)) {
      r = Rational{negative ? -n : n, 1};
      end = q;
    }
  } else if (*q == '0' && !scan::is_number_char(q[1])) {
    r = Rational{0, 1};
    end = q + 1;
  }
  if (!end) {
    // The same token as the careful path's: the caller requires
    // whitespace or , ] } after it.
    end = scan::number_end(p);
    if (detail::parse_json_number({p, static_cast<std::size_t>(end - p)}, r) != detail::NumberStatus::ok)
      return nullptr;
  }
  if (f.kind == FieldKind::integer && !rational::is_integer(r)) return nullptr;
  if (f.bound != Bound::none) {
    const Rational& b = f.bound_value;
    const int c = r.den == 1 && b.den == 1 ? (r.num > b.num) - (r.num < b.num) : rational::compare(r, b);
    if (f.bound == Bound::gt ? c <= 0 : c < 0) return nullptr;
  }
  set::number(out, r);
  return end;
}

const char* FastWalk::list(const char* p, const FieldSchema& f, Value& out, int depth) {
  if (depth >= fast_max_depth) return nullptr;
  const std::size_t base = scratch_top_;
  p = scan::blanks(p);
  if (*p != ']') {
    for (;;) {
      if (*p != '{') return nullptr;  // an item that is not a record
      if (scratch_top_ - base >= limits::max_list_length) return nullptr;
      // Read into a local: nested lists may grow `scratch_` meanwhile.
      Value item;
      p = record(p + 1, f.record_id, item, depth + 1, false);
      if (!p) return nullptr;
      if (scratch_top_ == scratch_size_) grow_scratch();
      set::copy_sequence(scratch_[scratch_top_++], item);
      if (*p != ',' && *p != ']') p = scan::skip_blanks(p);
      if (*p == ']') break;
      if (*p != ',') return nullptr;
      p = scan::blanks(p + 1);
    }
  }
  const std::size_t n = scratch_top_ - base;
  Value* items = nullptr;
  if (n > 0) {
    items = static_cast<Value*>(arena_->allocate(n * sizeof(Value), alignof(Value)));
    std::memcpy(static_cast<void*>(items), &scratch_[base], n * sizeof(Value));
  }
  scratch_top_ = base;
  set::sequence(out, ValueKind::list, 0, items, static_cast<std::uint32_t>(n), -1);
  return p + 1;
}

void FastWalk::grow_scratch() {
  const std::size_t size = std::max<std::size_t>(256, 2 * scratch_size_);
  auto bigger = std::make_unique<Value[]>(size);
  if (scratch_top_ > 0) std::memcpy(static_cast<void*>(bigger.get()), scratch_.get(), scratch_top_ * sizeof(Value));
  scratch_ = std::move(bigger);
  scratch_size_ = size;
}

}  // namespace kijun::facts
