// A condition on one record, fused: the `counts when` clauses and `where`
// predicates of a ruleset are nearly all made of a few shapes over the
// fields of the record being tested — `date in window`, `kind == paper`,
// `host in {jsprs, facility}`, `not counted_in_old`, `diagnosis != ""`,
// `minutes >= 60 minutes`, joined by `and`/`or`. As a tree of nodes, each
// record costs a virtual call per node and a 24-byte Value per result; fused,
// the condition is one flat array of tests, each run by a small function of
// its own that reads the record's fields in place and returns a bool (the
// commonest `x or y` — a simple leaf first — is one function with no frame).
//
// Semantics are the general tree's by construction: the leaves use the same
// helpers as Compare and Member (nodes.hpp: equal, compare_result,
// member_result, field_of) or the same tests written out for one kind of
// value, `and`/`or` stop at the same operand, and whatever is not one of the
// shapes stays a call to its own node (Op::general). The general tree is kept
// (RecordTest::general) and owns every node a test points to. Fusion is per
// clause, so the index of the failing `counts when` — what `explain` reports —
// is unchanged. tests/unit/fused_conditions_test.cpp holds both forms to the
// same results.
#pragma once

#include <cstdint>
#include <vector>

#include "interpreter/compile/nodes.hpp"

namespace kijun::plan {

struct FieldTest {
  enum class Op : std::uint8_t {
    // combinators: children kids[0 .. count), left to right
    all,           // and
    any,           // or
    negate,        // not (one child)
    // leaves, on the field `field` of the record (an ElementField of depth 0)
    is_true,       // a boolean field
    enum_eq,       // == (!= when `negate`) a constant member `member` of enumeration `enum_id`
    string_eq,     // == (!= when `negate`) a constant string, *values
    integer_cmp,   // <, <=, >, >= a constant whole number, *values
    compare,       // <cmp> any other constant, *values
    compare_node,  // <cmp> any other expression (called)
    in_mask,       // in (not in when `negate`) constant members of one enumeration: bit per member
    in_strings,    // in constant strings: values[0 .. size)
    in_values,     // in other constants: values[0 .. size)
    in_cell,       // in a cell's value, a range or a list (`date in window`)
    in_node,       // in any other collection (called)
    general,       // any other condition (called; not on a field)
  };
  // Each test is run by a small function of its own (record_test.cpp), so
  // that a trivial test costs a few instructions, not the set-up of one
  // function that can do them all.
  using Fn = bool (*)(const FieldTest& t, const Value& rec, Frame& f);
  Fn fn = nullptr;
  Op op = Op::general;
  Cmp cmp = Cmp::eq;    // compare, compare_node, integer_cmp
  bool negate = false;  // enum_eq, string_eq, in_*: the negated form
  std::uint32_t field = 0;
  std::uint32_t first = 0, count = 0;  // combinators: children tests[first .. first + count)
  const FieldTest* kids = nullptr;     // &tests[first]
  std::uint32_t enum_id = 0;           // enum_eq, in_mask
  std::uint32_t member = 0;            // enum_eq
  std::uint64_t mask = 0;              // in_mask
  std::uint32_t cell = 0;              // in_cell
  const Value* values = nullptr;       // the constant(s)
  std::uint32_t size = 0;              // in_strings, in_values
  const Node* node = nullptr;          // compare_node: right side; in_node: collection; general: condition
};

struct RecordTest final : Node {
  NodePtr general;               // the condition as checked; owns what the tests point to
  std::vector<FieldTest> tests;  // tests[0] is the root; never resized once built (kids point into it)
  // Only field tests against constants: it cannot fail and forces no cell,
  // so it may be run in any order (a part's `where`, record by record).
  bool pure = false;
  // Some test calls a node of the general tree, which may read the record
  // from f.elements; otherwise the record need not be pushed there.
  bool calls = true;

  // `rec` is the record being tested; it must also be the innermost of
  // f.elements when `calls` (a general leaf reads it there).
  bool test(const Value& rec, Frame& f) const { return tests[0].fn(tests[0], rec, f); }
  Value eval(Frame& f) const override { return Value::boolean(test(*f.elements.back(), f)); }
};

// The fused form of `cond`, a condition on the record innermost in scope
// (a `counts when` clause, a `where` predicate): a RecordTest owning `cond`,
// or `cond` itself when none of it has one of the shapes above.
NodePtr fuse_record_condition(NodePtr cond);

}  // namespace kijun::plan
