// join, and the functions for optional values (present, default).
#include "stdlib/registry.hpp"

namespace kijun::stdlib {
namespace {

using check::Type;
using check::TypeKind;

std::optional<Type> check_join(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  if (!a[0].is_listlike() && !a[0].is_error()) {
    e = "join() expects a list as its first argument, got " + describe(a[0]);
    return std::nullopt;
  }
  if (a[1].kind != TypeKind::string && !a[1].is_error()) {
    e = "join() expects a string separator, got " + describe(a[1]);
    return std::nullopt;
  }
  return Type::string();
}
Value run_join(Frame& f, const Value* a, std::size_t, const plan::Node&) {
  std::string out;
  for (std::uint32_t i = 0; i < a[0].seq.size; ++i) {
    if (i) out += a[1].as_string();
    out += plan::display(f.program, a[0].seq.items[i]);
  }
  return Value::string(f.arena.copy(out));
}

std::optional<Type> check_present(const std::vector<Type>&, std::string&, const Namer&) { return Type::boolean(); }
Value run_present(Frame&, const Value* a, std::size_t, const plan::Node&) {
  return Value::boolean(!a[0].is_none());
}

std::optional<Type> check_default(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  if (!check::same_type(a[0], a[1]) && !a[0].is_error() && !a[1].is_error()) {
    e = "default() expects a value and a fallback of the same type, got " + describe(a[0]) + " and " +
        describe(a[1]);
    return std::nullopt;
  }
  return a[1].with_optional(a[1].optional);
}
Value run_default(Frame&, const Value* a, std::size_t, const plan::Node&) {
  return a[0].is_none() ? a[1] : a[0];
}

}  // namespace

void register_text(std::vector<Builtin>& out) {
  out.push_back({"join", 2, 2, check_join, run_join, "join(list, separator) -> string",
                 "The items as text, separated: join(mandatory_missing, \"・\")."});
  out.push_back({"present", 1, 1, check_present, run_present, "present(value) -> boolean",
                 "False for an absent optional fact or a blank table cell."});
  out.push_back({"default", 2, 2, check_default, run_default, "default(value, fallback) -> value",
                 "The value, or the fallback when it is absent or blank."});
}

}  // namespace kijun::stdlib
