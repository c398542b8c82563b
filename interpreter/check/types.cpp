#include "interpreter/check/types.hpp"

namespace kijun::check {

bool same_type(const Type& a, const Type& b) {
  if (a.kind == TypeKind::empty_list) return b.kind == TypeKind::list || b.kind == TypeKind::empty_list;
  if (b.kind == TypeKind::empty_list) return a.kind == TypeKind::list;
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case TypeKind::number: return a.unit == b.unit;
    case TypeKind::enumeration:
    case TypeKind::record: return a.id == b.id;
    case TypeKind::list:
    case TypeKind::range: return same_type(*a.elem, *b.elem);
    default: return true;
  }
}

}  // namespace kijun::check
