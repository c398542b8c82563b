#include "interpreter/compile/nodes.hpp"

#include <string>

#include "interpreter/compile/record_test.hpp"
#include "stdlib/dates.hpp"

namespace kijun::plan {

void fail(const Node& at, std::string message, std::string hint) {
  throw EvalError{at.span, std::move(message), std::move(hint)};
}

bool values_equal(const Value& a, const Value& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case ValueKind::none: return true;
    case ValueKind::boolean: return a.b == b.b;
    case ValueKind::number: return rational::equal(a.num, b.num);
    case ValueKind::string: return a.as_string() == b.as_string();
    case ValueKind::date: return a.date == b.date;
    case ValueKind::enumeration: return a.aux == b.aux && a.index == b.index;
    case ValueKind::list:
    case ValueKind::range:
    case ValueKind::map:
      if (a.seq.size != b.seq.size) return false;
      for (std::uint32_t i = 0; i < a.seq.size; ++i)
        if (!values_equal(a.seq.items[i], b.seq.items[i])) return false;
      return true;
    case ValueKind::record: return a.seq.items == b.seq.items;
  }
  return false;
}

int compare_values(const Value& a, const Value& b) {
  switch (a.kind) {
    case ValueKind::number: return rational::compare(a.num, b.num);
    case ValueKind::date: return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    case ValueKind::string: {
      int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
    case ValueKind::enumeration: return a.index < b.index ? -1 : a.index > b.index ? 1 : 0;
    case ValueKind::boolean: return int(a.b) - int(b.b);
    default: return 0;
  }
}

void append_display(std::string& out, const Program& p, const Value& v) {
  switch (v.kind) {
    case ValueKind::none: out += '-'; return;
    case ValueKind::boolean: out += v.b ? "true" : "false"; return;
    case ValueKind::number: rational::append_string(out, v.num); return;
    case ValueKind::string: out += v.as_string(); return;
    case ValueKind::date: dates::append_iso(out, v.date); return;
    case ValueKind::enumeration: out += p.schema.enums[v.aux].members[v.index]; return;
    case ValueKind::range:
      append_display(out, p, v.seq.items[0]);
      out += "..";
      append_display(out, p, v.seq.items[1]);
      return;
    case ValueKind::list:
    case ValueKind::map:
      for (std::uint32_t i = 0; i < v.seq.size; ++i) {
        if (i) out += ", ";
        append_display(out, p, v.seq.items[i]);
      }
      return;
    case ValueKind::record: out += "(record)"; return;
  }
}

std::string display(const Program& p, const Value& v) {
  std::string out;
  append_display(out, p, v);
  return out;
}

Value ElementField::eval(Frame& f) const { return field_of(*f.elements[f.elements.size() - 1 - depth], index); }

Value RecordField::eval(Frame& f) const {
  Value rec = object->eval(f);
  if (rec.kind != ValueKind::record || index >= rec.seq.size) return Value();
  return rec.seq.items[index];
}

Value Project::eval(Frame& f) const {
  Value l = list->eval(f);
  Value* out = f.arena.values(l.seq.size);
  for (std::uint32_t i = 0; i < l.seq.size; ++i) {
    const Value& rec = l.seq.items[i];
    out[i] = index < rec.seq.size ? rec.seq.items[index] : Value();
  }
  return Value::list(out, l.seq.size);
}

Value TableCell::eval(Frame& f) const {
  const TablePlan& t = f.program.tables[table];
  auto column = f.force(t.column_cell).num.num;
  const auto& cell = t.rows[row].cells[static_cast<std::size_t>(column)];
  return cell ? Value::number(*cell) : Value();
}

Value PartsMap::eval(Frame& f) const {
  const CategoryPlan& c = f.program.categories[category];
  Value* out = f.arena.values(c.parts.size() * 2);
  for (std::size_t i = 0; i < c.parts.size(); ++i) {
    out[2 * i] = Value::string(c.parts[i].name);
    out[2 * i + 1] = f.force(c.parts[i].total_cell);
  }
  Value m = Value::list(out, static_cast<std::uint32_t>(c.parts.size() * 2));
  m.kind = ValueKind::map;
  return m;
}

Value ArithOp::eval(Frame& f) const {
  Value l = lhs->eval(f);
  Value r = rhs->eval(f);
  std::optional<Rational> out;
  switch (op) {
    case Arith::add: out = rational::add(l.num, r.num); break;
    case Arith::sub: out = rational::sub(l.num, r.num); break;
    case Arith::mul: out = rational::mul(l.num, r.num); break;
    case Arith::div:
      if (r.num.num == 0) fail(*this, "division by zero");
      out = rational::div(l.num, r.num);
      break;
  }
  if (!out) fail(*this, "arithmetic overflow", "the numbers in this expression are too large");
  return Value::number(*out);
}

Value Negate::eval(Frame& f) const { return Value::number(rational::neg(operand->eval(f).num)); }

Value Compare::eval(Frame& f) const {
  Value l = lhs_element ? lhs_element->ElementField::eval(f) : lhs->eval(f);
  Value r = rhs_const ? *rhs_const : rhs->eval(f);
  return Value::boolean(compare_result(op, l, r));
}

Value Member::eval(Frame& f) const {
  Value x = item_element ? item_element->ElementField::eval(f) : item->eval(f);
  Value c = constant_list ? Value::list(constant_list->folded.data(), static_cast<std::uint32_t>(constant_list->folded.size()))
                          : collection->eval(f);
  return Value::boolean(member_result(x, c) != negate);
}

Value Convert::eval(Frame& f) const {
  Value v = operand->eval(f);
  auto out = rational::mul(v.num, factor);
  if (!out) fail(*this, "arithmetic overflow in unit conversion");
  return Value::number(*out);
}

Value MakeRange::eval(Frame& f) const {
  Value* b = f.arena.values(2);
  b[0] = lo->eval(f);
  b[1] = hi->eval(f);
  Value r = Value::list(b, 2);
  r.kind = ValueKind::range;
  return r;
}

Value Filter::eval(Frame& f) const {
  Value l = list->eval(f);
  Value* out = f.arena.values(l.seq.size);
  std::uint32_t n = 0;
  for (std::uint32_t i = 0; i < l.seq.size; ++i) {
    const Value& item = l.seq.items[i];
    bool keep;
    if (fused && fused->pure) {
      keep = fused->test(item, f);  // reads only the item's fields
    } else {
      f.elements.push_back(&item);
      keep = fused ? fused->test(item, f) : predicate->eval(f).b;
      f.elements.pop_back();
    }
    if (keep) out[n++] = item;
  }
  return Value::list(out, n);
}

Value CaseOf::eval(Frame& f) const {
  Value s = subject->eval(f);
  for (std::size_t i = 0; i < arm_values.size(); ++i)
    for (const auto& v : arm_values[i])
      if (values_equal(s, v->eval(f))) return arm_results[i]->eval(f);
  return else_branch->eval(f);
}

Value MakeList::eval(Frame& f) const {
  if (is_constant) return Value::list(folded.data(), static_cast<std::uint32_t>(folded.size()));
  Value* out = f.arena.values(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out[i] = items[i]->eval(f);
  return Value::list(out, static_cast<std::uint32_t>(items.size()));
}

Value MakeMap::eval(Frame& f) const {
  Value* out = f.arena.values(keys.size() * 2);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    out[2 * i] = Value::string(keys[i]);
    out[2 * i + 1] = values[i]->eval(f);
  }
  Value m = Value::list(out, static_cast<std::uint32_t>(keys.size() * 2));
  m.kind = ValueKind::map;
  return m;
}

Value Template::eval(Frame& f) const {
  std::string s;
  s.reserve(128);
  s += literals[0];
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    append_display(s, f.program, exprs[i]->eval(f));
    s += literals[i + 1];
  }
  return Value::string(f.arena.copy(s));
}

Value CallBuiltin::eval(Frame& f) const {
  union Args {  // only the arguments there are are written
    Value v[4];
    Args() {}
  } a;
  for (std::size_t i = 0; i < args.size(); ++i) new (&a.v[i]) Value(args[i]->eval(f));
  return fn(f, a.v, args.size(), *this);
}

}  // namespace kijun::plan
