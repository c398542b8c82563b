// floor, ceil, min, max, abs. Numbers keep their unit through these.
#include "stdlib/registry.hpp"

namespace kijun::stdlib {
namespace {

using check::Type;
using check::TypeKind;

std::optional<Type> one_number(const std::vector<Type>& a, std::string& e, const char* fn, const Namer& describe) {
  if (a[0].is_number() || a[0].is_error()) return a[0].with_optional(false);
  e = std::string(fn) + "() expects a number, got " + describe(a[0]);
  return std::nullopt;
}
std::optional<Type> check_floor(const std::vector<Type>& a, std::string& e, const Namer& describe) { return one_number(a, e, "floor", describe); }
std::optional<Type> check_ceil(const std::vector<Type>& a, std::string& e, const Namer& describe) { return one_number(a, e, "ceil", describe); }
std::optional<Type> check_abs(const std::vector<Type>& a, std::string& e, const Namer& describe) { return one_number(a, e, "abs", describe); }

Value run_floor(Frame&, const Value* a, std::size_t, const plan::Node&) { return Value::number(rational::floor(a[0].num)); }
Value run_ceil(Frame&, const Value* a, std::size_t, const plan::Node&) { return Value::number(rational::ceil(a[0].num)); }
Value run_abs(Frame&, const Value* a, std::size_t, const plan::Node&) {
  return Value::number(a[0].num.num < 0 ? rational::neg(a[0].num) : a[0].num);
}

bool orderable(const Type& t) {
  return t.is_number() || t.kind == TypeKind::date || t.kind == TypeKind::string || t.is_error();
}

// min(a, b) of two numbers in the same unit or two dates; or min(list).
std::optional<Type> extreme(const std::vector<Type>& a, std::string& e, const char* fn, const Namer& describe) {
  if (a.size() == 1) {
    if (a[0].kind == TypeKind::list && orderable(*a[0].elem)) return a[0].elem->with_optional(false);
    e = std::string(fn) + "() of one argument expects a list of numbers or dates, got " + describe(a[0]);
    return std::nullopt;
  }
  if (!orderable(a[0]) || !check::same_type(a[0], a[1])) {
    e = std::string(fn) + "() expects two numbers in the same unit or two dates, got " + describe(a[0]) +
        " and " + describe(a[1]);
    return std::nullopt;
  }
  return a[0].with_optional(false);
}
std::optional<Type> check_min(const std::vector<Type>& a, std::string& e, const Namer& describe) { return extreme(a, e, "min", describe); }
std::optional<Type> check_max(const std::vector<Type>& a, std::string& e, const Namer& describe) { return extreme(a, e, "max", describe); }

Value pick(const Value* a, std::size_t n, const plan::Node& at, bool want_max) {
  const Value* items = n == 1 ? a[0].seq.items : a;
  std::size_t count = n == 1 ? a[0].seq.size : n;
  if (count == 0) plan::fail(at, want_max ? "max() of an empty list" : "min() of an empty list");
  Value best = items[0];
  for (std::size_t i = 1; i < count; ++i) {
    int c = plan::compare_values(items[i], best);
    if (want_max ? c > 0 : c < 0) best = items[i];
  }
  return best;
}
Value run_min(Frame&, const Value* a, std::size_t n, const plan::Node& at) { return pick(a, n, at, false); }
Value run_max(Frame&, const Value* a, std::size_t n, const plan::Node& at) { return pick(a, n, at, true); }

}  // namespace

void register_numbers(std::vector<Builtin>& out) {
  out.push_back({"floor", 1, 1, check_floor, run_floor, "floor(number) -> number",
                 "Rounds down to a whole number, keeping the unit: floor(90 minutes as hours) is 1 hour."});
  out.push_back({"ceil", 1, 1, check_ceil, run_ceil, "ceil(number) -> number", "Rounds up to a whole number."});
  out.push_back({"abs", 1, 1, check_abs, run_abs, "abs(number) -> number", "The absolute value."});
  out.push_back({"min", 1, 2, check_min, run_min, "min(a, b) | min(list) -> value",
                 "The smaller of two numbers (same unit) or dates, or the smallest item of a list."});
  out.push_back({"max", 1, 2, check_max, run_max, "max(a, b) | max(list) -> value",
                 "The larger of two numbers (same unit) or dates, or the largest item of a list."});
}

}  // namespace kijun::stdlib
