#include "interpreter/compile/record_test.hpp"

#include <cstring>

namespace kijun::plan {

namespace {

// ---------------------------------------------------------------- the tests

// The bytes of two strings of the same length n are equal: word by word,
// the last word overlapping, with no call (so that the tests using it need
// no stack frame).
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, std::uint32_t n) {
  if (n >= 8) {
    std::uint64_t x, y;
    for (std::uint32_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    std::uint32_t x, y, u, v;
    std::memcpy(&x, a, 4);
    std::memcpy(&y, b, 4);
    std::memcpy(&u, a + n - 4, 4);
    std::memcpy(&v, b + n - 4, 4);
    return x == y && u == v;
  }
  for (std::uint32_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
// equal() of a value and a constant string.
[[gnu::always_inline]] inline bool is_string(const Value& x, const Value& c) {
  return x.kind == ValueKind::string && x.str.size == c.str.size && same_bytes(x.str.data, c.str.data, x.str.size);
}

// The leaves that need no call, inline wherever they are used.
template <FieldTest::Op op>
[[gnu::always_inline]] inline bool simple_as(const FieldTest& t, const Value& rec) {
  using Op = FieldTest::Op;
  const Value& x = field_of(rec, t.field);
  if constexpr (op == Op::is_true) {
    return x.b;
  } else if constexpr (op == Op::enum_eq) {
    return (x.kind == ValueKind::enumeration && x.aux == t.enum_id && x.index == t.member) != t.negate;
  } else if constexpr (op == Op::string_eq) {
    return is_string(x, *t.values) != t.negate;
  } else if constexpr (op == Op::in_mask) {
    return (x.kind == ValueKind::enumeration && x.aux == t.enum_id && x.index < 64 && ((t.mask >> x.index) & 1)) !=
           t.negate;
  } else {
    static_assert(op == Op::in_strings);
    bool found = false;
    for (std::uint32_t k = 0; k < t.size && !found; ++k) found = is_string(x, t.values[k]);
    return found != t.negate;
  }
}
bool is_simple(FieldTest::Op op) {
  using Op = FieldTest::Op;
  return op == Op::is_true || op == Op::enum_eq || op == Op::string_eq || op == Op::in_mask || op == Op::in_strings;
}
[[gnu::always_inline]] inline bool simple(const FieldTest& t, const Value& rec) {
  using Op = FieldTest::Op;
  switch (t.op) {
    case Op::is_true: return simple_as<Op::is_true>(t, rec);
    case Op::enum_eq: return simple_as<Op::enum_eq>(t, rec);
    case Op::string_eq: return simple_as<Op::string_eq>(t, rec);
    case Op::in_mask: return simple_as<Op::in_mask>(t, rec);
    default: return simple_as<Op::in_strings>(t, rec);
  }
}
template <FieldTest::Op op>
bool leaf(const FieldTest& t, const Value& rec, Frame&) {
  return simple_as<op>(t, rec);
}

// `and`/`or`. The last child is a tail call: its result is the combinator's.
// When every child but the last is a simple leaf (`list == surgery or …`),
// they are tested inline and the function makes no call but that last jump.
bool all(const FieldTest& t, const Value& rec, Frame& f) {
  const std::uint32_t last = t.count - 1;
  for (std::uint32_t k = 0; k < last; ++k)
    if (!t.kids[k].fn(t.kids[k], rec, f)) return false;
  return t.kids[last].fn(t.kids[last], rec, f);
}
bool any(const FieldTest& t, const Value& rec, Frame& f) {
  const std::uint32_t last = t.count - 1;
  for (std::uint32_t k = 0; k < last; ++k)
    if (t.kids[k].fn(t.kids[k], rec, f)) return true;
  return t.kids[last].fn(t.kids[last], rec, f);
}
bool all_simple_then(const FieldTest& t, const Value& rec, Frame& f) {
  const std::uint32_t last = t.count - 1;
  for (std::uint32_t k = 0; k < last; ++k)
    if (!simple(t.kids[k], rec)) return false;
  return t.kids[last].fn(t.kids[last], rec, f);
}
bool any_simple_then(const FieldTest& t, const Value& rec, Frame& f) {
  const std::uint32_t last = t.count - 1;
  for (std::uint32_t k = 0; k < last; ++k)
    if (simple(t.kids[k], rec)) return true;
  return t.kids[last].fn(t.kids[last], rec, f);
}
// Two children, the first a simple leaf of a known kind (`list == clinical or
// role in {…}`): no loop, no switch, no frame.
template <FieldTest::Op first>
bool all2(const FieldTest& t, const Value& rec, Frame& f) {
  if (!simple_as<first>(t.kids[0], rec)) return false;
  return t.kids[1].fn(t.kids[1], rec, f);
}
template <FieldTest::Op first>
bool any2(const FieldTest& t, const Value& rec, Frame& f) {
  if (simple_as<first>(t.kids[0], rec)) return true;
  return t.kids[1].fn(t.kids[1], rec, f);
}
bool negate(const FieldTest& t, const Value& rec, Frame& f) { return !t.kids[0].fn(t.kids[0], rec, f); }

template <template <FieldTest::Op> class Pick>
FieldTest::Fn by_first(FieldTest::Op op) {
  using Op = FieldTest::Op;
  switch (op) {
    case Op::is_true: return Pick<Op::is_true>::fn;
    case Op::enum_eq: return Pick<Op::enum_eq>::fn;
    case Op::string_eq: return Pick<Op::string_eq>::fn;
    case Op::in_mask: return Pick<Op::in_mask>::fn;
    default: return Pick<Op::in_strings>::fn;
  }
}
template <FieldTest::Op op>
struct All2 {
  static constexpr FieldTest::Fn fn = all2<op>;
};
template <FieldTest::Op op>
struct Any2 {
  static constexpr FieldTest::Fn fn = any2<op>;
};

bool integer_cmp(const FieldTest& t, const Value& rec, Frame&) {
  const Value& x = field_of(rec, t.field);
  if (x.kind != ValueKind::number || x.num.den != 1) return compare_result(t.cmp, x, *t.values);
  std::int64_t a = x.num.num, b = t.values->num.num;
  switch (t.cmp) {
    case Cmp::lt: return a < b;
    case Cmp::le: return a <= b;
    case Cmp::gt: return a > b;
    default: return a >= b;
  }
}
bool compare(const FieldTest& t, const Value& rec, Frame&) {
  return compare_result(t.cmp, field_of(rec, t.field), *t.values);
}
bool compare_node(const FieldTest& t, const Value& rec, Frame& f) {
  Value l = field_of(rec, t.field);
  return compare_result(t.cmp, l, t.node->eval(f));
}
bool in_values(const FieldTest& t, const Value& rec, Frame&) {
  const Value& x = field_of(rec, t.field);
  bool found = false;
  for (std::uint32_t k = 0; k < t.size && !found; ++k) found = equal(x, t.values[k]);
  return found != t.negate;
}
[[gnu::noinline]] bool in_cell_called(const FieldTest& t, const Value& rec, Frame& f) {
  Value x = field_of(rec, t.field);
  return member_result(x, f.force(t.cell)) != t.negate;
}
bool in_cell(const FieldTest& t, const Value& rec, Frame& f) {
  const Value& x = field_of(rec, t.field);
  // A date in a window already computed (`date in window`, after the first
  // record): member_result's first case, read in place.
  if (f.state[t.cell] == CellState::done && x.kind == ValueKind::date) {
    const Value& c = f.values[t.cell];
    if (c.kind == ValueKind::range && c.seq.items[0].kind == ValueKind::date &&
        c.seq.items[1].kind == ValueKind::date)
      return (c.seq.items[0].date <= x.date && x.date <= c.seq.items[1].date) != t.negate;
  }
  return in_cell_called(t, rec, f);
}
bool in_node(const FieldTest& t, const Value& rec, Frame& f) {
  Value x = field_of(rec, t.field);
  return member_result(x, t.node->eval(f)) != t.negate;
}
bool general(const FieldTest& t, const Value&, Frame& f) { return t.node->eval(f).b; }

FieldTest::Fn function_of(const FieldTest& t) {
  using Op = FieldTest::Op;
  switch (t.op) {
    case Op::all:
    case Op::any: {
      bool simple_then = true;
      for (std::uint32_t k = 0; k + 1 < t.count; ++k) simple_then = simple_then && is_simple(t.kids[k].op);
      if (simple_then && t.count == 2) return t.op == Op::all ? by_first<All2>(t.kids[0].op) : by_first<Any2>(t.kids[0].op);
      if (t.op == Op::all) return simple_then ? all_simple_then : all;
      return simple_then ? any_simple_then : any;
    }
    case Op::negate: return negate;
    case Op::is_true: return leaf<Op::is_true>;
    case Op::enum_eq: return leaf<Op::enum_eq>;
    case Op::string_eq: return leaf<Op::string_eq>;
    case Op::in_mask: return leaf<Op::in_mask>;
    case Op::in_strings: return leaf<Op::in_strings>;
    case Op::integer_cmp: return integer_cmp;
    case Op::compare: return compare;
    case Op::compare_node: return compare_node;
    case Op::in_values: return in_values;
    case Op::in_cell: return in_cell;
    case Op::in_node: return in_node;
    case Op::general: return general;
  }
  return general;
}

// ---------------------------------------------------------------- building

// Lays out the tests of a condition: a combinator's children are adjacent,
// so `all`/`any` loop over a range.
struct Builder {
  std::vector<FieldTest>& tests;
  bool pure = true;     // no cell, no call
  bool calls = false;   // a test calls a node of the general tree
  std::uint32_t fields = 0;  // leaves on a field of the record

  static const ElementField* field(const Node* n) {
    auto* e = dynamic_cast<const ElementField*>(n);
    return e && e->depth == 0 ? e : nullptr;
  }

  // `a and b and c`, however it nests, is one `all` of three, in order.
  static void flatten(const Node* n, bool is_and, std::vector<const Node*>& out) {
    if (auto* l = dynamic_cast<const Logic*>(n); l && l->is_and == is_and) {
      flatten(l->lhs.get(), is_and, out);
      flatten(l->rhs.get(), is_and, out);
    } else {
      out.push_back(n);
    }
  }

  // One bit per member when every item is a member of the same enumeration
  // (and there are few enough members).
  static bool mask_of(const std::vector<Value>& items, FieldTest& t) {
    if (items.empty() || items[0].kind != ValueKind::enumeration) return false;
    t.enum_id = items[0].aux;
    for (const Value& v : items) {
      if (v.kind != ValueKind::enumeration || v.aux != t.enum_id || v.index >= 64) return false;
      t.mask |= std::uint64_t{1} << v.index;
    }
    return true;
  }

  void fill(std::uint32_t slot, const Node* n) {
    using Op = FieldTest::Op;
    FieldTest t;
    auto children = [&](Op op, const std::vector<const Node*>& kids) {
      t.op = op;
      t.first = static_cast<std::uint32_t>(tests.size());
      t.count = static_cast<std::uint32_t>(kids.size());
      tests[slot] = t;
      tests.resize(tests.size() + kids.size());
      for (std::uint32_t k = 0; k < t.count; ++k) fill(t.first + k, kids[k]);
    };
    if (auto* l = dynamic_cast<const Logic*>(n)) {
      std::vector<const Node*> kids;
      flatten(n, l->is_and, kids);
      return children(l->is_and ? Op::all : Op::any, kids);
    }
    if (auto* x = dynamic_cast<const Not*>(n)) return children(Op::negate, {x->operand.get()});
    if (auto* c = dynamic_cast<const Compare*>(n)) {
      if (auto* e = field(c->lhs.get())) {
        t.field = e->index;
        t.cmp = c->op;
        if (auto* k = dynamic_cast<const Const*>(c->rhs.get())) {
          const Value& v = k->value;
          bool equality = c->op == Cmp::eq || c->op == Cmp::ne;
          t.values = &v;
          t.negate = c->op == Cmp::ne;
          if (equality && v.kind == ValueKind::enumeration) {
            t.op = Op::enum_eq;
            t.enum_id = v.aux;
            t.member = v.index;
          } else if (equality && v.kind == ValueKind::string) {
            t.op = Op::string_eq;
          } else if (!equality && v.kind == ValueKind::number && v.num.den == 1) {
            t.op = Op::integer_cmp;
          } else {
            t.op = Op::compare;
            t.negate = false;
          }
        } else {
          t.op = Op::compare_node;
          t.node = c->rhs.get();
          pure = false;
          calls = true;
        }
        ++fields;
        tests[slot] = t;
        return;
      }
    }
    if (auto* m = dynamic_cast<const Member*>(n)) {
      if (auto* e = field(m->item.get())) {
        t.field = e->index;
        t.negate = m->negate;
        if (auto* l = dynamic_cast<const MakeList*>(m->collection.get()); l && l->is_constant) {
          bool strings = !l->folded.empty();
          for (const Value& v : l->folded) strings = strings && v.kind == ValueKind::string;
          if (mask_of(l->folded, t)) {
            t.op = Op::in_mask;
          } else if (strings) {
            t.op = Op::in_strings;
            t.values = l->folded.data();
            t.size = static_cast<std::uint32_t>(l->folded.size());
          } else {
            t.op = Op::in_values;
            t.values = l->folded.data();
            t.size = static_cast<std::uint32_t>(l->folded.size());
          }
        } else if (auto* r = dynamic_cast<const CellRef*>(m->collection.get())) {
          t.op = Op::in_cell;
          t.cell = r->cell;
          pure = false;
        } else {
          t.op = Op::in_node;
          t.node = m->collection.get();
          pure = false;
          calls = true;
        }
        ++fields;
        tests[slot] = t;
        return;
      }
    }
    if (auto* e = field(n)) {
      t.op = Op::is_true;
      t.field = e->index;
      ++fields;
      tests[slot] = t;
      return;
    }
    t.op = Op::general;
    t.node = n;
    pure = false;
    calls = true;
    tests[slot] = t;
  }
};

}  // namespace

NodePtr fuse_record_condition(NodePtr cond) {
  auto r = std::make_unique<RecordTest>();
  r->span = cond->span;
  r->tests.resize(1);
  Builder b{r->tests};
  b.fill(0, cond.get());
  if (b.fields == 0) return cond;  // not a test of the record: nothing to gain
  for (auto& t : r->tests) t.kids = r->tests.data() + t.first;
  for (auto& t : r->tests) t.fn = function_of(t);
  r->pure = b.pure;
  r->calls = b.calls;
  r->general = std::move(cond);
  return r;
}

}  // namespace kijun::plan
