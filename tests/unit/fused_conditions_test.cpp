// Fused record conditions (interpreter/compile/record_test.hpp): a fused
// `counts when` / `where` must compute what the general tree of nodes it
// replaces computes, for every record — absent and blank fields, the other
// variant's records, the window's edges, fractions — and the checker must
// keep choosing the fused form for the shapes the jsprs ruleset is made of
// (a checker change that silently lost it would lose the speed-up).
#include <catch2/catch.hpp>

#include <map>

#include "interpreter/compile/record_test.hpp"
#include "interpreter/eval/explain.hpp"
#include "stdlib/dates.hpp"
#include "tests/unit/jsprs_support.hpp"

using namespace kijun;
using Op = plan::FieldTest::Op;

namespace {

// One part whose clauses are the shapes to test, one per clause, and a part
// of variant `a` records for its own fields.
const char* ruleset = R"(
ruleset f "fusion"
unit units (unit) "単位"
unit minutes (minute) "分"
convert 60 minutes = 1 units
enum color { red "赤", green "緑", blue "青" }
facts {
  id: string
  year: integer
  items: list of item = []
}
record item by kind {
  date: date
  color: color?
  name: string = ""
  flag: boolean = false
  minutes: minutes = 0 minutes
  a "A" { end: date }
  b "B" { }
}
let window = date(year, 1, 1) .. date(year, 12, 31)
let favourites = {red, blue}
category c "c" {
  part shapes "shapes" {
    from items
    counts when date in window else "0"
    counts when color == red else "1"
    counts when color != red else "2"
    counts when color in {red, green} else "3"
    counts when color not in {red, green} else "4"
    counts when color in favourites else "5"
    counts when name == "" else "6"
    counts when name != "abc" else "7"
    counts when name in {"abc", "a much longer name than sixteen bytes", "abcdefgh"} else "8"
    counts when name not in {"x"} else "9"
    counts when flag else "10"
    counts when not flag else "11"
    counts when minutes >= 60 minutes else "12"
    counts when minutes < 30 minutes else "13"
    counts when date > 2020-06-30 else "14"
    counts when color == red or name != "" and flag else "15"
    counts when not (color == green or flag) else "16"
    counts when date in window and (color in {blue} or minutes > 0 minutes) else "17"
    counts when name <= "m" else "18"
    counts when kind == a else "19"
    counts when date not in window or not flag else "20"
    earns 1 unit
  }
  part ends "ends" {
    from items where kind == a
    counts when end >= date else "0"
    counts when end in window and end != date else "1"
    earns 1 unit
  }
}
standard s "s" {
  applies when year >= 2000
  total min 1 units
}
outcome ok "ok" { when meets(s) }
outcome no "no" { otherwise }
)";

struct Fixture {
  SourceMap sources;
  driver::LoadResult loaded;
  const Program* program = nullptr;
  Fixture() {
    loaded = driver::load_ruleset_text("f.kijun", ruleset, sources);
    INFO(render_all(loaded.diagnostics, sources));
    REQUIRE(loaded.ruleset);
    program = loaded.ruleset->program.get();
  }
};

std::uint32_t field_index(const facts::RecordSchema& r, const std::string& name) {
  for (std::uint32_t i = 0; i < r.fields.size(); ++i)
    if (r.fields[i].name == name) return i;
  FAIL("no field " << name);
  return 0;
}

// Every combination of a few values per field, as records built by hand
// (so that blanks, wrong-variant records and short records can be made).
std::vector<std::vector<Value>> record_table(const Program& p, std::uint32_t type, int year) {
  const auto& r = p.schema.records[type];
  const std::uint32_t n = static_cast<std::uint32_t>(r.fields.size());
  const std::int32_t first = dates::from_civil(year, 1, 1), last = dates::from_civil(year, 12, 31);
  const std::vector<Value> dates_ = {Value::date_value(first),     Value::date_value(last),
                                     Value::date_value(first - 1), Value::date_value(last + 1),
                                     Value::date_value(first + 180), Value()};
  std::vector<Value> colors = {Value()};
  for (std::uint32_t m = 0; m < 3; ++m) colors.push_back(Value::enumeration(p.schema.records[type].fields[field_index(r, "color")].enum_id, m));
  static const char* names[] = {"", "abc", "abd", "ab", "abcdefgh", "abcdefgi", "x",
                                "a much longer name than sixteen bytes", "a much longer name than sixteen bytez", "zz"};
  std::vector<Value> name_values;
  for (const char* s : names) name_values.push_back(Value::string(s));
  name_values.push_back(Value());
  const std::vector<Value> flags = {Value::boolean(true), Value::boolean(false), Value()};
  const std::vector<Value> minutes = {Value::integer(0),  Value::integer(29), Value::integer(30), Value::integer(59),
                                      Value::integer(60), Value::integer(61), Value::number(Rational{121, 2}),
                                      Value::number(Rational{59, 2}), Value()};
  const std::uint32_t disc = static_cast<std::uint32_t>(r.discriminant);
  const std::uint32_t kind_enum = r.fields[disc].enum_id;
  std::vector<std::vector<Value>> out;
  std::uint64_t x = 12345;
  for (int i = 0; i < 3000; ++i) {
    // A fixed pseudo-random walk over the combinations (xorshift).
    auto pick = [&](std::size_t size) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return static_cast<std::size_t>(x % size);
    };
    std::vector<Value> f(n);
    std::uint32_t variant = static_cast<std::uint32_t>(pick(2));
    f[disc] = Value::enumeration(kind_enum, variant);
    f[field_index(r, "date")] = dates_[pick(dates_.size())];
    f[field_index(r, "color")] = colors[pick(colors.size())];
    f[field_index(r, "name")] = name_values[pick(name_values.size())];
    f[field_index(r, "flag")] = flags[pick(flags.size())];
    f[field_index(r, "minutes")] = minutes[pick(minutes.size())];
    if (variant == 0) f[field_index(r, "end")] = dates_[pick(dates_.size())];
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

TEST_CASE("fused record tests compute what the general tree computes", "[eval][fused]") {
  Fixture fx;
  const Program& p = *fx.program;
  const auto& cat = p.categories[0];
  const std::uint32_t type = cat.parts[0].record_id;
  const int year = 2021;

  // The applicant: the window's cell reads its year.
  const auto& root = p.schema.records[p.schema.root];
  std::vector<Value> root_fields(root.fields.size());
  root_fields[field_index(root, "id")] = Value::string("T");
  root_fields[field_index(root, "year")] = Value::integer(year);
  root_fields[field_index(root, "items")] = Value::list(nullptr, 0);
  Value facts = Value::record(p.schema.root, -1, root_fields.data(), static_cast<std::uint32_t>(root_fields.size()));

  auto table = record_table(p, type, year);
  Arena arena;
  Frame f(p, arena);
  std::map<std::string, int> outcomes;  // both results seen for every clause
  for (const auto& part : cat.parts)
    for (std::size_t k = 0; k < part.counts.size(); ++k) {
      const auto& cw = part.counts[k];
      INFO(part.name << " clause " << k);
      REQUIRE(cw.fused != nullptr);
      REQUIRE(cw.fused == cw.cond.get());
      for (int fused_first = 0; fused_first < 2; ++fused_first) {
        // The first records are tested with the cells (the window) not yet
        // computed, by one path and then by the other.
        f.reset(facts);
        for (std::size_t i = 0; i < table.size(); ++i) {
          const auto& fields = table[i];
          // Records shorter than their type (as a reader may leave the other
          // variant's fields out) read those fields as blank.
          std::uint32_t size = static_cast<std::uint32_t>(i % 7 == 6 ? fields.size() - 3 : fields.size());
          Value rec = Value::record(type, fields[p.schema.records[type].discriminant].index == 0 ? 0 : 1, fields.data(), size);
          f.elements.push_back(&rec);
          bool fused = false, general = false;
          if (fused_first) {
            fused = cw.fused->test(rec, f);
            general = cw.fused->general->eval(f).b;
          } else {
            general = cw.fused->general->eval(f).b;
            fused = cw.fused->test(rec, f);
          }
          bool via_node = cw.fused->eval(f).b;
          f.elements.pop_back();
          INFO("record " << i);
          REQUIRE(fused == general);
          REQUIRE(via_node == general);
          outcomes[part.name + std::to_string(k) + (general ? "+" : "-")]++;
          if (i < 3) f.reset(facts);  // the cells uncomputed again for the next record
        }
      }
    }
  // Every clause was seen both true and false: the table reaches both sides.
  for (const auto& part : cat.parts)
    for (std::size_t k = 0; k < part.counts.size(); ++k) {
      INFO(part.name << " clause " << k);
      CHECK(outcomes[part.name + std::to_string(k) + "+"] > 0);
      CHECK(outcomes[part.name + std::to_string(k) + "-"] > 0);
    }
}

TEST_CASE("the checker fuses each shape into the test meant for it", "[eval][fused]") {
  Fixture fx;
  const auto& shapes = fx.program->categories[0].parts[0];
  auto root = [&](std::size_t k) { return shapes.counts[k].fused->tests[0]; };
  CHECK(root(0).op == Op::in_cell);
  CHECK(root(1).op == Op::enum_eq);
  CHECK((root(2).op == Op::enum_eq && root(2).negate));
  CHECK(root(3).op == Op::in_mask);
  CHECK((root(4).op == Op::in_mask && root(4).negate));
  CHECK(root(5).op == Op::in_cell);
  CHECK(root(6).op == Op::string_eq);
  CHECK((root(7).op == Op::string_eq && root(7).negate));
  CHECK(root(8).op == Op::in_strings);
  CHECK((root(9).op == Op::in_strings && root(9).negate));
  CHECK(root(10).op == Op::is_true);
  CHECK(root(11).op == Op::negate);
  CHECK(root(12).op == Op::integer_cmp);
  CHECK(root(13).op == Op::integer_cmp);
  CHECK(root(14).op == Op::compare);
  CHECK(root(15).op == Op::any);
  CHECK(root(16).op == Op::negate);
  CHECK(root(17).op == Op::all);
  CHECK(root(18).op == Op::compare);
  CHECK(root(19).op == Op::enum_eq);
  const auto& ends = fx.program->categories[0].parts[1];
  CHECK(ends.counts[0].fused->tests[0].op == Op::compare_node);
  CHECK(ends.from_where != nullptr);  // `where kind == a`: tested in the record loop
  CHECK(ends.from_where->pure);
  CHECK_FALSE(shapes.from_where);  // no `where`
  // A condition that reads no field of the record is left as it is.
  auto lone = plan::fuse_record_condition(std::make_unique<plan::Const>());
  CHECK(dynamic_cast<const plan::RecordTest*>(lone.get()) == nullptr);
}

TEST_CASE("jsprs: every counts when and where of a part is fused", "[eval][fused][jsprs]") {
  const Program& p = testing::jsprs().program();
  std::map<std::string, const PartPlan*> parts;
  for (const auto& c : p.categories)
    for (const auto& part : c.parts) {
      parts[c.name + "." + part.name] = &part;
      INFO(c.name << "." << part.name);
      for (const auto& cw : part.counts) CHECK(cw.fused != nullptr);
      // Every part but clinical's reads a filtered list (`from … where kind == …`):
      // its `where` is tested record by record, without building the list.
      if (c.name != "clinical") CHECK(part.from_where != nullptr);
    }
  auto ops = [&](const std::string& part, std::size_t k) {
    std::vector<Op> out;
    for (const auto& t : parts.at(part)->counts[k].fused->tests) out.push_back(t.op);
    return out;
  };
  // clinical.cases_counted: the window, `list == clinical or role in {…}`,
  // `list == surgery or diagnosis != "" and treatment != "" and …`.
  CHECK(ops("clinical.cases_counted", 0) == std::vector<Op>{Op::in_cell});
  CHECK(ops("clinical.cases_counted", 1) == std::vector<Op>{Op::any, Op::enum_eq, Op::in_strings});
  CHECK(ops("clinical.cases_counted", 2) ==
        std::vector<Op>{Op::any, Op::enum_eq, Op::all, Op::string_eq, Op::string_eq, Op::string_eq, Op::string_eq});
  CHECK_FALSE(parts.at("clinical.cases_counted")->reads_element);  // nothing per case needs Frame::elements
  CHECK(ops("common.lectures", 1) == std::vector<Op>{Op::any, Op::in_mask, Op::is_true});
  CHECK(ops("common.lectures", 2) == std::vector<Op>{Op::integer_cmp});
  CHECK(ops("domain.lectures", 1) == std::vector<Op>{Op::enum_eq});
  CHECK(ops("academic.attendance", 1) == std::vector<Op>{Op::negate, Op::is_true});
  CHECK(ops("academic.paper", 2) == std::vector<Op>{Op::all, Op::is_true, Op::is_true});
  CHECK(ops("academic.school_doctor", 2) == std::vector<Op>{Op::compare_node});
}

namespace {

// Re-derives, for every record the evaluation reports, the first clause the
// general trees fail: explain must report that one.
struct SecondOpinion final : RecordObserver {
  int records = 0, excluded = 0;
  void record(Frame& f, std::uint32_t c, std::uint32_t part, const Value& rec, int reason, bool, Rational) override {
    const auto& counts = f.program.categories[c].parts[part].counts;
    REQUIRE(f.elements.back() == &rec);
    int first = -1;
    for (std::size_t k = 0; k < counts.size() && first < 0; ++k) {
      const plan::Node& general = counts[k].fused ? *counts[k].fused->general : *counts[k].cond;
      if (!general.eval(f).b) first = static_cast<int>(k);
    }
    CHECK(reason == first);
    ++records;
    excluded += reason >= 0;
  }
  void part_done(std::uint32_t, std::uint32_t, Rational, Rational) override {}
};

}  // namespace

TEST_CASE("the clause a fused part reports as the reason is the general tree's first failure", "[eval][fused][explain]") {
  const auto& rs = testing::jsprs();
  const Program& p = rs.program();
  std::string cohort = testing::read_text(std::string(KIJUN_SOURCE_DIR) + "/bench/edge_cases.jsonl");
  cohort += testing::read_text(std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs/tests/cohort.jsonl");
  facts::FactsReader reader(p.schema);
  Arena arena;
  SecondOpinion opinion;
  std::size_t applicants = 0;
  for (std::size_t at = 0; at < cohort.size();) {
    std::size_t end = cohort.find('\n', at);
    if (end == std::string::npos) end = cohort.size();
    std::string line = cohort.substr(at, end - at);
    at = end + 1;
    if (line.find('{') == std::string::npos) continue;
    arena.reset();
    Value facts;
    Diagnostics diags;
    if (!reader.read(line, arena, facts, diags, "t")) continue;
    Frame f(p, arena);
    f.reset(facts);
    f.observer = &opinion;
    try {
      for (const auto& c : p.categories) f.force(c.cell);
    } catch (const EvalError&) {
      // A year outside every table: the categories that ran were checked.
    }
    ++applicants;
  }
  CHECK(applicants > 20);
  CHECK(opinion.records > 1000);
  CHECK(opinion.excluded > 100);
}
