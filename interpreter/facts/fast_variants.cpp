// The fast path and `record … by kind`: which fields a record has depends on
// its discriminant, which JSON may write after them. The careful path looks
// the discriminant up first and rewinds; here a variant's field met before
// it is remembered (where its value starts), passed over with its syntax
// checked, and read once the object has ended and the variant is known.
// Writers put `kind` first in practice, so this is the rare case.
#include "interpreter/facts/fast_walk.hpp"

namespace kijun::facts {

// The field named by `slot` in `variant`, as the careful path picks it: the
// name's first field if it is common or the variant's, else the variant's
// own among the others of that name; -1 when the variant has none (ignored).
int FastWalk::resolve(const NameTable& names, const NameTable::Slot& slot, int variant) {
  if (slot.tag < 0 || slot.tag == variant) return static_cast<int>(slot.position);
  for (std::uint32_t j = slot.first + 1; j < slot.first + slot.count; ++j)
    if (names.tags[names.positions[j]] == variant) return static_cast<int>(names.positions[j]);
  return -1;
}

// The discriminant has just been read (a member or null), or the object has
// ended without it. Absent or null, it takes its default, if it has one,
// as in the careful path; without one the variant stays -1 and only the
// common fields exist (a required discriminant then fails the required check).
int FastWalk::settle_variant(const RecordInfo& info, Value* items, std::uint64_t valued) {
  const auto disc = static_cast<std::uint32_t>(info.discriminant);
  const int variant = (valued >> disc) & 1 ? static_cast<int>(items[disc].index) : info.default_variant;
  if (variant < 0) return variant;
  // None of these has been met yet (they were deferred): their defaults.
  const auto v = static_cast<std::size_t>(variant);
  const auto& initial = info.plan->initial[v + 1];
  for (std::uint32_t k : info.variant_fields[v]) items[k] = initial[k];
  return variant;
}

bool FastWalk::read_deferred(RecordInfo& info, Open& r, std::size_t first, int depth, int id_index) {
  // By index: reading a value may push (and pop) nested records' entries.
  for (std::size_t i = first; i < deferred_.size(); ++i) {
    const Deferred d = deferred_[i];
    const int idx = resolve(*info.names, *d.slot, r.variant);
    if (idx < 0) continue;  // another variant's field: ignored, its syntax already checked
    if (idx == info.discriminant) return false;  // a schema where they share a name: the careful path's
    if (!late_member(info, r, static_cast<std::uint32_t>(idx), d.value, depth, id_index)) return false;
  }
  deferred_.resize(first);
  return true;
}

}  // namespace kijun::facts
