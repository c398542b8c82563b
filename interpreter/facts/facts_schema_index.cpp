// What FactsReader precomputes from a Schema: the schema's consistency, and a
// hash table from JSON key to field per record type, and from text to
// member per enum.
#include <algorithm>
#include <stdexcept>

#include "interpreter/facts/facts_reader_impl.hpp"

namespace kijun::facts {

namespace {

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

void NameTable::build(const std::vector<std::string_view>& names, const std::vector<std::int32_t>& name_tags) {
  // Group the positions of equal names, in order.
  std::vector<std::string_view> distinct;
  std::vector<std::vector<std::uint32_t>> groups;
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    auto it = std::find(distinct.begin(), distinct.end(), names[i]);
    if (it == distinct.end()) {
      distinct.push_back(names[i]);
      groups.emplace_back();
      it = distinct.end() - 1;
    }
    groups[static_cast<std::size_t>(it - distinct.begin())].push_back(i);
  }
  std::uint32_t size = 8;
  while (size < 2 * distinct.size()) size *= 2;
  slots.assign(size, Slot{});
  mask = size - 1;
  tags = name_tags;
  for (std::size_t d = 0; d < distinct.size(); ++d) {
    std::string_view name = distinct[d];
    Slot slot;
    std::memcpy(&slot.head, name.data(), std::min<std::size_t>(name.size(), 8));
    if (name.size() > 8) std::memcpy(&slot.tail, name.data() + 8, std::min<std::size_t>(name.size() - 8, 8));
    slot.name = name.data();
    slot.size = static_cast<std::uint32_t>(name.size());
    slot.position = groups[d][0];
    slot.tag = name_tags[groups[d][0]];
    slot.first = static_cast<std::uint32_t>(positions.size());
    slot.count = static_cast<std::uint32_t>(groups[d].size());
    positions.insert(positions.end(), groups[d].begin(), groups[d].end());
    std::uint32_t h = hash(slot.head, slot.tail, name.size()) & mask;
    while (slots[h].name) h = (h + 1) & mask;
    slots[h] = slot;
  }
}

FactsReader::Impl::Impl(const Schema& s) : schema(s) {
  validate(s);
  std::vector<std::string_view> names;
  std::vector<std::int32_t> tags;
  fields_of.resize(s.records.size());
  for (std::size_t i = 0; i < s.records.size(); ++i) {
    names.clear();
    tags.clear();
    for (const auto& f : s.records[i].fields) {
      names.push_back(f.name);
      tags.push_back(f.variant);
    }
    fields_of[i].build(names, tags);
  }
  plans.resize(s.records.size());
  for (std::size_t i = 0; i < s.records.size(); ++i) {
    const RecordSchema& r = s.records[i];
    for (int v = -1; v < static_cast<int>(r.variants.size()); ++v) {
      std::vector<Value> initial(r.fields.size());
      std::vector<std::uint32_t> required;
      for (std::uint32_t k = 0; k < r.fields.size(); ++k) {
        const FieldSchema& f = r.fields[k];
        if (f.variant >= 0 && f.variant != v) continue;  // another variant's: none
        if (f.required) required.push_back(k);
        else if (!f.optional) initial[k] = f.default_value;
      }
      plans[i].initial.push_back(std::move(initial));
      plans[i].required.push_back(std::move(required));
    }
  }
  members_of.resize(s.enums.size());
  for (std::size_t i = 0; i < s.enums.size(); ++i) {
    names.assign(s.enums[i].members.begin(), s.enums[i].members.end());
    tags.assign(names.size(), -1);
    members_of[i].build(names, tags);
  }
  fast.prepare();
}

}  // namespace kijun::facts
