#include "stdlib/registry.hpp"

namespace kijun::stdlib {

const std::vector<Builtin>& all() {
  static const std::vector<Builtin> table = [] {
    std::vector<Builtin> t;
    register_lists(t);
    register_numbers(t);
    register_dates(t);
    register_text(t);
    return t;
  }();
  return table;
}

const Builtin* find(std::string_view name) {
  for (const auto& b : all())
    if (name == b.name) return &b;
  return nullptr;
}

std::string describe(const check::Type& t) {
  using check::TypeKind;
  switch (t.kind) {
    case TypeKind::error: return "an invalid value";
    case TypeKind::boolean: return "a boolean";
    case TypeKind::number: return "a number";
    case TypeKind::string: return "a string";
    case TypeKind::date: return "a date";
    case TypeKind::enumeration: return "an enumeration value";
    case TypeKind::list: return "a list";
    case TypeKind::record: return "a record";
    case TypeKind::range: return "a range";
    case TypeKind::map: return "a map";
    case TypeKind::empty_list: return "an empty list";
  }
  return "a value";
}

}  // namespace kijun::stdlib
