// One field's JSON value to a Value, with the type and range checks and the
// wording of their messages: "expected X, got Y".
#include <algorithm>

#include "interpreter/facts/facts_messages.hpp"
#include "interpreter/facts/facts_reader_impl.hpp"
#include "stdlib/dates.hpp"

namespace kijun::facts {

using detail::quote;

namespace {

// Shape of "YYYY-MM-DD" regardless of the values.
bool date_shaped(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

}  // namespace

// Strings without escapes, nearly all of them, are used where they lie in the
// padded input, which stays put until the next read(): simdjson's first pass
// has closed every string and checked its UTF-8 and that it holds no raw
// control character. The token runs to the next structural character, so
// the text is found without scanning it. Only strings with a backslash go
// through simdjson's unescaping.
bool FactsReader::Impl::string_value(od::value& v, std::string_view& s, bool& in_place) {
  std::string_view token = detail::trim_token(v.raw_json_token());
  const std::size_t n = token.size();
  in_place = n >= 2 && token[n - 1] == '"' && !has_backslash(token.data() + 1, n - 2);
  if (in_place) {
    s = token.substr(1, n - 2);
    return true;
  }
  if (auto e = v.get_string().get(s)) return fail(e, token.data());
  return true;
}

bool FactsReader::Impl::read_field(const FieldSchema& f, od::value& v, od::json_type t, Value& out,
                                   int depth, bool is_id, bool is_discriminant) {
  std::string found;  // what was there instead, on a type error
  switch (f.kind) {
    case FieldKind::boolean: {
      if (t != od::json_type::boolean) {
        if (!describe(v, t, true, found, depth)) return false;
        error("expected true or false, got " + found);
        return true;
      }
      bool b = false;
      if (auto e = v.get_bool().get(b)) return fail(e);
      set::boolean(out, b);
      return true;
    }
    case FieldKind::integer:
    case FieldKind::decimal:
      return read_number(f, v, t, out, depth);
    case FieldKind::string: {
      if (t != od::json_type::string) {
        if (!describe(v, t, true, found, depth)) return false;
        error("expected a string, got " + found);
        return true;
      }
      std::string_view s;
      bool in_place;
      if (!string_value(v, s, in_place)) return false;
      if (s.size() > limits::max_string_length) [[unlikely]] {
        error("the string is " + limits::grouped(s.size()) + " bytes long; at most " +
                  limits::grouped(limits::max_string_length) + " are allowed (limit max_string_length)",
              "no field needs this much text: check how the file was exported");
        return true;
      }
      set::string(out, arena->copy(s));
      if (is_id) id.assign(s);
      return true;
    }
    case FieldKind::date: {
      if (t != od::json_type::string) {
        if (!describe(v, t, true, found, depth)) return false;
        error("expected a date \"YYYY-MM-DD\", got " + found);
        return true;
      }
      std::string_view s;
      bool in_place;
      if (!string_value(v, s, in_place)) return false;
      if (auto days = dates::parse(s)) {
        set::date(out, *days);
        return true;
      }
      std::string why;
      if (date_shaped(s)) why = s[0] == '0' ? " (years run from 1000 to 9999)" : " (no such date)";
      error("expected a date \"YYYY-MM-DD\", got " + quote(s) + why);
      return true;
    }
    case FieldKind::enumeration:
      return read_enum(f, v, t, out, is_discriminant, depth);
    case FieldKind::list:
      if (t != od::json_type::array) {
        if (!describe(v, t, false, found, depth)) return false;
        error("expected an array of " + schema.records[f.record_id].name + " records, got " + found);
        return true;
      }
      return read_list(f, v, out, depth);
  }
  return true;
}

bool FactsReader::Impl::read_number(const FieldSchema& f, od::value& v, od::json_type t, Value& out,
                                    int depth) {
  if (t != od::json_type::number) {
    std::string found;
    if (!describe(v, t, true, found, depth)) return false;
    error("expected " + detail::expected_number(f) + ", got " + found);
    return true;
  }
  // The token as written, so 0.1 stays exactly 1/10.
  std::string_view token = detail::trim_token(v.raw_json_token());
  Rational r;
  switch (detail::parse_json_number(token, r)) {
    case detail::NumberStatus::syntax:
      return fail("invalid number " + quote(detail::shown(token)), token.data());
    case detail::NumberStatus::out_of_range:
      if (f.kind == FieldKind::integer)
        error("expected " + detail::expected_number(f) + ", got " + detail::shown(token) +
              ", which is out of range (integers run from -9223372036854775807 to 9223372036854775807)");
      else
        error("expected " + detail::expected_number(f) + ", got " + detail::shown(token) +
              ", which is too large or has too many digits to be held exactly");
      return true;
    case detail::NumberStatus::ok:
      break;
  }
  bool in_bounds = f.bound == Bound::none ||
                   (f.bound == Bound::gt ? rational::compare(r, f.bound_value) > 0
                                         : rational::compare(r, f.bound_value) >= 0);
  if ((f.kind == FieldKind::integer && !rational::is_integer(r)) || !in_bounds) {
    error("expected " + detail::expected_number(f) + ", got " + detail::shown(token));
    return true;
  }
  set::number(out, r);
  return true;
}

bool FactsReader::Impl::read_enum(const FieldSchema& f, od::value& v, od::json_type t, Value& out,
                                  bool is_discriminant, int depth) {
  const EnumSchema& en = schema.enums[f.enum_id];
  if (t != od::json_type::string) {
    std::string found;
    if (!describe(v, t, true, found, depth)) return false;
    error("expected a string, one of: " + detail::join(en.members) + "; got " + found);
    return true;
  }
  std::string_view s;
  bool in_place;
  if (!string_value(v, s, in_place)) return false;
  const NameTable& members = members_of[f.enum_id];
  if (const NameTable::Slot* e = members.find(s, in_place)) {
    set::enumeration(out, f.enum_id, e->position);
    return true;
  }
  std::string message = is_discriminant ? "unknown " + f.name + " " + quote(s)
                                        : "unknown value " + quote(s) + " for " + f.name;
  message += "; expected one of: " + detail::join(en.members);
  std::string near = detail::closest(s, en.members);
  error(std::move(message), near.empty() ? std::string{} : "did you mean '" + near + "'?");
  return true;
}

bool FactsReader::Impl::describe(od::value& v, od::json_type t, bool with_value, std::string& out,
                                 int depth) {
  switch (t) {
    case od::json_type::string: {
      std::string_view s;
      if (auto e = v.get_string().get(s)) return fail(e, v.raw_json_token().data());
      out = with_value ? "a string (" + quote(s) + ")" : "a string";
      return true;
    }
    case od::json_type::number: {
      std::string_view token = detail::trim_token(v.raw_json_token());
      Rational ignored;
      if (detail::parse_json_number(token, ignored) == detail::NumberStatus::syntax)
        return fail("invalid number " + quote(detail::shown(token)), token.data());
      out = with_value ? detail::shown(token) : "a number";
      return true;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = v.get_bool().get(b)) return fail(e);
      out = b ? "true" : "false";
      return true;
    }
    case od::json_type::null: {
      bool null = false;
      if (v.is_null().get(null) != simdjson::SUCCESS || !null) return fail(simdjson::N_ATOM_ERROR);
      out = "null";
      return true;
    }
    case od::json_type::object:
    case od::json_type::array:
      out = t == od::json_type::object ? "an object" : "an array";
      return skip(v, depth + 1);  // still validated
  }
  return fail(simdjson::TAPE_ERROR);
}

}  // namespace kijun::facts
