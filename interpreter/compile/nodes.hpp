// Node families of the evaluation tree. The checker has typed everything, so
// nodes do no type dispatch beyond what the value kinds require; names are
// already slots (cells, field indexes), never looked up by string at run time.
#pragma once

#include <cstring>
#include <vector>

#include "interpreter/compile/plan.hpp"
#include "interpreter/eval/frame.hpp"

namespace kijun::plan {

using BuiltinFn = Value (*)(Frame& f, const Value* args, std::size_t n, const Node& call);

// ------------------------------------------------------------ values and names
struct Const final : Node {
  Value value;
  Value eval(Frame&) const override { return value; }
};
struct CellRef final : Node {
  std::uint32_t cell = 0;
  Value eval(Frame& f) const override { return f.force(cell); }
};
struct FactField final : Node {
  std::uint32_t index = 0;
  Value eval(Frame& f) const override { return f.facts.seq.items[index]; }
};
// A field of the record that the depth-th enclosing `where`/`part` is at.
struct ElementField final : Node {
  std::uint32_t depth = 0;
  std::uint32_t index = 0;
  Value eval(Frame& f) const override;
};
struct Element final : Node {  // `it`
  std::uint32_t depth = 0;
  Value eval(Frame& f) const override { return *f.elements[f.elements.size() - 1 - depth]; }
};
struct RecordField final : Node {
  NodePtr object;
  std::uint32_t index = 0;
  Value eval(Frame& f) const override;
};
struct Project final : Node {  // list_of_records.field
  NodePtr list;
  std::uint32_t index = 0;
  Value eval(Frame& f) const override;
};
struct TableCell final : Node {
  std::uint32_t table = 0;
  std::uint32_t row = 0;
  Value eval(Frame& f) const override;
};
struct PartsMap final : Node {  // category.parts
  std::uint32_t category = 0;
  Value eval(Frame& f) const override;
};

// ------------------------------------------------------------------ operators
enum class Arith : std::uint8_t { add, sub, mul, div };
struct ArithOp final : Node {
  Arith op;
  NodePtr lhs, rhs;
  Value eval(Frame& f) const override;
};
struct Negate final : Node {
  NodePtr operand;
  Value eval(Frame& f) const override;
};
struct Not final : Node {
  NodePtr operand;
  Value eval(Frame& f) const override { return Value::boolean(!operand->eval(f).b); }
};
enum class Cmp : std::uint8_t { eq, ne, lt, le, gt, ge };
struct Compare final : Node {
  Cmp op;
  NodePtr lhs, rhs;
  // rhs's value when rhs is a Const (`kind == paper`), read without a call.
  const Value* rhs_const = nullptr;
  // lhs when it is a field of the current element (`kind` in `counts when`):
  // read without a virtual call.
  const ElementField* lhs_element = nullptr;
  Value eval(Frame& f) const override;
};
struct Member final : Node {  // x in list | x in range
  NodePtr item, collection;
  bool negate = false;
  // The collection when it is a list of constants (`role in {…}`), read
  // without a call.
  const struct MakeList* constant_list = nullptr;
  const ElementField* item_element = nullptr;  // likewise for the item
  Value eval(Frame& f) const override;
};
struct Logic final : Node {  // and / or, left to right, stopping early
  bool is_and = true;
  NodePtr lhs, rhs;
  Value eval(Frame& f) const override {
    bool l = lhs->eval(f).b;
    if (is_and ? !l : l) return Value::boolean(l);
    return Value::boolean(rhs->eval(f).b);
  }
};
struct Convert final : Node {  // x as unit: multiply by the composed factor
  NodePtr operand;
  Rational factor;
  Value eval(Frame& f) const override;
};
struct MakeRange final : Node {
  NodePtr lo, hi;
  Value eval(Frame& f) const override;
};

// ----------------------------------------------------------------- structures
struct Filter final : Node {  // list where predicate
  NodePtr list, predicate;
  const RecordTest* fused = nullptr;  // predicate, when the checker fused it: called directly
  Value eval(Frame& f) const override;
};
struct IfElse final : Node {
  NodePtr cond, then_branch, else_branch;
  Value eval(Frame& f) const override {
    return cond->eval(f).b ? then_branch->eval(f) : else_branch->eval(f);
  }
};
struct CaseOf final : Node {
  NodePtr subject;
  std::vector<std::vector<NodePtr>> arm_values;
  std::vector<NodePtr> arm_results;
  NodePtr else_branch;
  Value eval(Frame& f) const override;
};
struct MakeList final : Node {
  std::vector<NodePtr> items;
  bool is_constant = false;  // every item a Const: `folded` is the list
  std::vector<Value> folded;
  Value eval(Frame& f) const override;
};
struct MakeMap final : Node {
  std::vector<std::string_view> keys;  // interned in the Program
  std::vector<NodePtr> values;
  Value eval(Frame& f) const override;
};
struct Template final : Node {  // "text {expr} text"
  std::vector<std::string_view> literals;  // literals[i] precedes exprs[i]
  std::vector<NodePtr> exprs;              // literals.size() == exprs.size() + 1
  Value eval(Frame& f) const override;
};
struct CallBuiltin final : Node {
  BuiltinFn fn = nullptr;
  std::vector<NodePtr> args;
  Value eval(Frame& f) const override;
};

// Shared helpers (value semantics used by nodes, stdlib and the evaluator).
bool values_equal(const Value& a, const Value& b);
int compare_values(const Value& a, const Value& b);  // numbers, dates, strings, enums

// The semantics of `==`/`!=`/`<`… and of `in`, shared by Compare, Member and
// the fused record tests (record_test.hpp), so that both paths compute the
// same thing by construction. Inline, with the common kinds (enumerations,
// strings, dates, whole numbers) tested without a call.
[[gnu::always_inline]] inline bool equal(const Value& a, const Value& b) {
  if (a.kind == ValueKind::enumeration && b.kind == ValueKind::enumeration)
    return a.aux == b.aux && a.index == b.index;
  if (a.kind == ValueKind::string && b.kind == ValueKind::string)
    return a.str.size == b.str.size && (a.str.size == 0 || std::memcmp(a.str.data, b.str.data, a.str.size) == 0);
  return values_equal(a, b);
}
[[gnu::always_inline]] inline bool compare_result(Cmp op, const Value& l, const Value& r) {
  switch (op) {
    case Cmp::eq: return equal(l, r);
    case Cmp::ne: return !equal(l, r);
    default: break;
  }
  // A blank (none) side makes an ordering false: "no limit" is never reached.
  if (l.is_none() || r.is_none()) return false;
  int c;
  if (l.kind == ValueKind::number && r.kind == ValueKind::number && l.num.den == 1 && r.num.den == 1)
    c = l.num.num < r.num.num ? -1 : l.num.num > r.num.num ? 1 : 0;
  else if (l.kind == ValueKind::date && r.kind == ValueKind::date)
    c = l.date < r.date ? -1 : l.date > r.date ? 1 : 0;
  else
    c = compare_values(l, r);
  switch (op) {
    case Cmp::lt: return c < 0;
    case Cmp::le: return c <= 0;
    case Cmp::gt: return c > 0;
    case Cmp::ge: return c >= 0;
    default: return false;
  }
}
// x in c, c a range or a list (before `not in` negates it).
[[gnu::always_inline]] inline bool member_result(const Value& x, const Value& c) {
  if (c.kind == ValueKind::range) {
    const Value &lo = c.seq.items[0], &hi = c.seq.items[1];
    // Dates in a window (`date in period`), the common case, without the calls.
    if (x.kind == ValueKind::date && lo.kind == ValueKind::date && hi.kind == ValueKind::date)
      return lo.date <= x.date && x.date <= hi.date;
    return !x.is_none() && compare_values(lo, x) <= 0 && compare_values(x, hi) <= 0;
  }
  for (std::uint32_t i = 0; i < c.seq.size; ++i)
    if (equal(x, c.seq.items[i])) return true;
  return false;
}
// The field `index` of a record, none when the record has no such field
// (ElementField's reading).
inline constexpr Value no_value{};
[[gnu::always_inline]] inline const Value& field_of(const Value& rec, std::uint32_t index) {
  return index < rec.seq.size ? rec.seq.items[index] : no_value;
}
// Text of a value for messages: numbers without unit, dates ISO, enums by name.
std::string display(const Program& p, const Value& v);
void append_display(std::string& out, const Program& p, const Value& v);  // display(), appended to `out`
[[noreturn]] void fail(const Node& at, std::string message, std::string hint = {});

}  // namespace kijun::plan
