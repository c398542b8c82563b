// count, sum, distinct, sorted over lists.
#include <algorithm>

#include "stdlib/registry.hpp"

namespace kijun::stdlib {
namespace {

using check::Type;
using check::TypeKind;

bool want_list(const Type& t, const char* fn, std::string& error, const Namer& describe) {
  if (t.is_listlike() || t.is_error()) return true;
  error = std::string(fn) + "() expects a list, got " + describe(t);
  return false;
}

std::optional<Type> check_count(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  if (!want_list(a[0], "count", e, describe)) return std::nullopt;
  return Type::number(0);
}
Value run_count(Frame&, const Value* a, std::size_t, const plan::Node&) {
  return Value::integer(a[0].seq.size);
}

std::optional<Type> check_sum(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  if (!want_list(a[0], "sum", e, describe)) return std::nullopt;
  if (a[0].kind == TypeKind::empty_list) return Type::number(0);
  if (a[0].kind == TypeKind::list && !a[0].elem->is_number() && !a[0].elem->is_error()) {
    e = "sum() expects a list of numbers, got a list of other values";
    return std::nullopt;
  }
  return a[0].kind == TypeKind::list ? Type::number(a[0].elem->unit) : Type::error();
}
Value run_sum(Frame&, const Value* a, std::size_t, const plan::Node& at) {
  Rational total{0, 1};
  for (std::uint32_t i = 0; i < a[0].seq.size; ++i) {
    const Value& v = a[0].seq.items[i];
    if (v.is_none()) continue;
    auto s = rational::add(total, v.num);
    if (!s) plan::fail(at, "arithmetic overflow in sum()");
    total = *s;
  }
  return Value::number(total);
}

std::optional<Type> same_list(const std::vector<Type>& a, std::string& e, const char* fn, const Namer& describe) {
  if (!want_list(a[0], fn, e, describe)) return std::nullopt;
  return a[0];
}
std::optional<Type> check_distinct(const std::vector<Type>& a, std::string& e, const Namer& describe) { return same_list(a, e, "distinct", describe); }
std::optional<Type> check_sorted(const std::vector<Type>& a, std::string& e, const Namer& describe) { return same_list(a, e, "sorted", describe); }

// Keeps the first occurrence of each value, in order.
Value run_distinct(Frame& f, const Value* a, std::size_t, const plan::Node&) {
  Value* out = f.arena.values(a[0].seq.size);
  std::uint32_t n = 0;
  for (std::uint32_t i = 0; i < a[0].seq.size; ++i) {
    const Value& v = a[0].seq.items[i];
    bool seen = false;
    for (std::uint32_t j = 0; j < n && !seen; ++j) seen = plan::values_equal(out[j], v);
    if (!seen) out[n++] = v;
  }
  return Value::list(out, n);
}

// Numbers and dates ascending, strings by code point, enumerations in the
// order the ruleset declares their members.
Value run_sorted(Frame& f, const Value* a, std::size_t, const plan::Node&) {
  Value* out = f.arena.values(a[0].seq.size);
  std::copy(a[0].seq.items, a[0].seq.items + a[0].seq.size, out);
  std::stable_sort(out, out + a[0].seq.size,
                   [](const Value& x, const Value& y) { return plan::compare_values(x, y) < 0; });
  return Value::list(out, a[0].seq.size);
}

}  // namespace

void register_lists(std::vector<Builtin>& out) {
  out.push_back({"count", 1, 1, check_count, run_count, "count(list) -> number",
                 "The number of items in a list."});
  out.push_back({"sum", 1, 1, check_sum, run_sum, "sum(list of numbers) -> number",
                 "The sum of a list of numbers, in their unit; blank items are skipped."});
  out.push_back({"distinct", 1, 1, check_distinct, run_distinct, "distinct(list) -> list",
                 "The list without repeated values, keeping the first of each."});
  out.push_back({"sorted", 1, 1, check_sorted, run_sorted, "sorted(list) -> list",
                 "The list in ascending order; enumeration values in the order they are declared."});
}

}  // namespace kijun::stdlib
