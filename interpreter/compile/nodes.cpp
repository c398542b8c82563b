#include "interpreter/compile/nodes.hpp"

#include <string>

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

namespace {
// values_equal for the common case, enumerations (`kind == paper`, `role in
// {…}`), without a call: values_equal recurses, so it is never inlined.
[[gnu::always_inline]] inline bool equal(const Value& a, const Value& b) {
  if (a.kind == ValueKind::enumeration && b.kind == ValueKind::enumeration)
    return a.aux == b.aux && a.index == b.index;
  return values_equal(a, b);
}
}  // namespace

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

std::string display(const Program& p, const Value& v) {
  switch (v.kind) {
    case ValueKind::none: return "-";
    case ValueKind::boolean: return v.b ? "true" : "false";
    case ValueKind::number: return rational::to_string(v.num);
    case ValueKind::string: return std::string(v.as_string());
    case ValueKind::date: return dates::format(v.date);
    case ValueKind::enumeration: return p.schema.enums[v.aux].members[v.index];
    case ValueKind::range: return display(p, v.seq.items[0]) + ".." + display(p, v.seq.items[1]);
    case ValueKind::list:
    case ValueKind::map: {
      std::string out;
      for (std::uint32_t i = 0; i < v.seq.size; ++i) {
        if (i) out += ", ";
        out += display(p, v.seq.items[i]);
      }
      return out;
    }
    case ValueKind::record: return "(record)";
  }
  return "";
}

Value ElementField::eval(Frame& f) const {
  const Value& rec = *f.elements[f.elements.size() - 1 - depth];
  return index < rec.seq.size ? rec.seq.items[index] : Value();
}

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
  switch (op) {
    case Cmp::eq: return Value::boolean(equal(l, r));
    case Cmp::ne: return Value::boolean(!equal(l, r));
    default: break;
  }
  // A blank (none) side makes an ordering false: "no limit" is never reached.
  if (l.is_none() || r.is_none()) return Value::boolean(false);
  int c = compare_values(l, r);
  switch (op) {
    case Cmp::lt: return Value::boolean(c < 0);
    case Cmp::le: return Value::boolean(c <= 0);
    case Cmp::gt: return Value::boolean(c > 0);
    case Cmp::ge: return Value::boolean(c >= 0);
    default: return Value::boolean(false);
  }
}

Value Member::eval(Frame& f) const {
  Value x = item_element ? item_element->ElementField::eval(f) : item->eval(f);
  Value c = constant_list ? Value::list(constant_list->folded.data(), static_cast<std::uint32_t>(constant_list->folded.size()))
                          : collection->eval(f);
  bool found = false;
  if (c.kind == ValueKind::range) {
    const Value &lo = c.seq.items[0], &hi = c.seq.items[1];
    // Dates in a window (`date in period`), the common case, without the calls.
    if (x.kind == ValueKind::date && lo.kind == ValueKind::date && hi.kind == ValueKind::date)
      found = lo.date <= x.date && x.date <= hi.date;
    else
      found = !x.is_none() && compare_values(lo, x) <= 0 && compare_values(x, hi) <= 0;
  } else {
    for (std::uint32_t i = 0; i < c.seq.size && !found; ++i) found = equal(x, c.seq.items[i]);
  }
  return Value::boolean(found != negate);
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
    f.elements.push_back(&l.seq.items[i]);
    bool keep = predicate->eval(f).b;
    f.elements.pop_back();
    if (keep) out[n++] = l.seq.items[i];
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
  std::string s(literals[0]);
  for (std::size_t i = 0; i < exprs.size(); ++i) {
    s += display(f.program, exprs[i]->eval(f));
    s += literals[i + 1];
  }
  return Value::string(f.arena.copy(s));
}

Value CallBuiltin::eval(Frame& f) const {
  Value args_buf[4];
  for (std::size_t i = 0; i < args.size(); ++i) args_buf[i] = args[i]->eval(f);
  return fn(f, args_buf, args.size(), *this);
}

}  // namespace kijun::plan
