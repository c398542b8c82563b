#include <catch2/catch.hpp>

#include <cstdio>

#include "stdlib/dates.hpp"
#include "tests/unit/facts_test_schema.hpp"

using namespace kijun;
using namespace kijun::facts;
using namespace kijun::facts_testing;

TEST_CASE("the contract examples read cleanly", "[facts]") {
  Reader r;
  for (const char* name : {"board-2021", "not-eligible-2022-mandatory", "society-2018", "transition-2017-board"}) {
    INFO(name);
    std::string json = example(name);
    REQUIRE(!json.empty());
    CHECK(r.read(json));
    CHECK(r.diags.empty());
    CHECK(r.out.kind == ValueKind::record);
    CHECK(r.out.seq.size == 9);
  }
  REQUIRE(r.read(example("board-2021")));
  const Value* f = r.out.seq.items;
  CHECK(str(f[f_id]) == "EX-2021-001");
  CHECK(r.reader.last_id() == "EX-2021-001");
  CHECK(rational::equal(f[f_renewal_year].num, Rational{2021, 1}));
  CHECK(f[f_work].b);
  CHECK(f[f_cases].kind == ValueKind::list);
  CHECK(f[f_cases].seq.size > 50);
  const Value& c0 = f[f_cases].seq.items[0];
  CHECK(c0.kind == ValueKind::record);
  CHECK(c0.aux == case_rec);
  CHECK(c0.seq.items[0].kind == ValueKind::date);
  CHECK(c0.seq.items[0].date == *dates::parse("2017-02-06"));
  CHECK(c0.seq.items[1].kind == ValueKind::enumeration);
  CHECK(c0.seq.items[1].aux == case_list);
  CHECK(c0.seq.items[1].index == 0u);  // surgery
  CHECK(str(c0.seq.items[2]) == "operator");
  CHECK(str(c0.seq.items[3]).empty());  // diagnosis defaults to ""
  // The first paper: kind is read before its variant's fields.
  const Value& acts = f[f_activities];
  const Value* paper = nullptr;
  for (std::uint32_t i = 0; i < acts.seq.size && !paper; ++i)
    if (acts.seq.items[i].seq.variant == 2) paper = &acts.seq.items[i];
  REQUIRE(paper);
  CHECK(paper->seq.items[0].index == 2u);
  CHECK(paper->seq.items[5].kind == ValueKind::enumeration);  // authorship
  CHECK(paper->seq.items[6].b);                               // peer_reviewed
  CHECK(paper->seq.items[7].b);                               // paper's approved_journal
  CHECK(paper->seq.items[8].is_none());                       // review's approved_journal
  CHECK(paper->seq.items[3].is_none());                       // attendance's meeting
}

TEST_CASE("absent fields take their defaults", "[facts]") {
  Reader r;
  REQUIRE(r.read(applicant(R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 90, "host": "jsprs"}])")));
  const Value* f = r.out.seq.items;
  CHECK(r.out.aux == applicant_rec);
  CHECK(r.out.seq.variant == -1);
  CHECK(f[f_clinical].kind == ValueKind::boolean);
  CHECK_FALSE(f[f_clinical].b);
  CHECK(rational::equal(f[f_old_points].num, Rational{0, 1}));
  CHECK(f[f_cases].kind == ValueKind::list);
  CHECK(f[f_cases].seq.size == 0);
  CHECK(f[f_activities].seq.size == 0);
  REQUIRE(f[f_courses].seq.size == 1);
  const Value* c = f[f_courses].seq.items[0].seq.items;
  CHECK(c[2].is_none());  // topic is optional
  CHECK(rational::equal(c[3].num, Rational{90, 1}));
  CHECK(c[4].kind == ValueKind::enumeration);
  CHECK(c[4].index == 0u);  // role = attendee
  CHECK(c[5].index == 0u);  // host = jsprs
  CHECK_FALSE(c[6].b);
  CHECK(c[7].kind == ValueKind::string);
  CHECK(str(c[7]).empty());
}

TEST_CASE("null is absent where a field may be absent", "[facts]") {
  Reader r;
  REQUIRE(r.read(applicant(R"("clinical_record": null, "courses": [{"date": "2019-06-01", "category": "common", "topic": null, "minutes": 90, "host": "jsprs"}])")));
  CHECK(r.out.seq.items[f_clinical].kind == ValueKind::boolean);  // the default
  CHECK_FALSE(r.out.seq.items[f_clinical].b);
  CHECK(r.out.seq.items[f_courses].seq.items[0].seq.items[2].is_none());

  // A required field given as null is there, with the wrong value.
  CHECK_FALSE(r.read(R"({"id": "A-2", "renewal_year": null, "prior_renewals": 0, "work_declaration": true})"));
  CHECK(r.only().message == "expected an integer, got null");
  CHECK(r.only().json_path == "$.renewal_year");
  CHECK(r.only().subject == "applicant 'A-2'");
  CHECK(r.only().location == "cohort.jsonl:3");
}

TEST_CASE("strings are unescaped and copied into the arena", "[facts]") {
  Reader r;
  std::string json = applicant(R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs", "title": "A \"quoted\" \u5f62\u6210 title\n"}])");
  REQUIRE(r.read(json));
  const Value& title = r.out.seq.items[f_courses].seq.items[0].seq.items[7];
  CHECK(str(title) == "A \"quoted\" 形成 title\n");
  // The value must not point into the input or simdjson's buffers.
  const char* p = title.str.data;
  CHECK((p < json.data() || p >= json.data() + json.size()));
  json.assign(json.size(), 'x');
  r.reader.read("{}", r.arena, r.out, r.diags, "x");  // reuses the reader's buffers
  CHECK(std::string_view(p, 4) == "A \"q");
}

TEST_CASE("unknown fields are ignored, escaped keys are matched", "[facts]") {
  Reader r;
  REQUIRE(r.read(R"({"\u0069d": "A-3", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true,
      "extra": {"deep": [1, 2.5e3, {"x": null}, "s", true]}, "note": "ok",
      "activities": [{"date": "2019-05-01", "kind": "attendance", "meeting": "regional", "minutes": 30}]})"));
  CHECK(str(r.out.seq.items[f_id]) == "A-3");
  const Value& a = r.out.seq.items[f_activities].seq.items[0];
  CHECK(a.seq.items[9].is_none());  // minutes belongs to public_lecture
}

TEST_CASE("the discriminant may come after its variant's fields", "[facts]") {
  Reader r;
  REQUIRE(r.read(applicant(R"("activities": [
      {"date": "2019-05-01", "meeting": "regional", "kind": "attendance"},
      {"approved_journal": true, "date": "2019-05-02", "kind": "review"},
      {"start": "2018-04-01", "end": "2020-03-31", "date": "2018-04-01", "kind": "school_doctor"},
      {"minutes": 45, "date": "2019-05-03", "kind": "public_lecture", "counted_in_old": true}])")));
  const Value& acts = r.out.seq.items[f_activities];
  REQUIRE(acts.seq.size == 4);
  CHECK(acts.seq.items[0].seq.variant == 0);
  CHECK(acts.seq.items[0].seq.items[3].index == 2u);  // regional
  CHECK(acts.seq.items[1].seq.variant == 3);
  CHECK(acts.seq.items[1].seq.items[7].is_none());  // paper's approved_journal
  CHECK(acts.seq.items[1].seq.items[8].b);          // review's
  CHECK(acts.seq.items[2].seq.items[10].date == *dates::parse("2018-04-01"));
  CHECK(acts.seq.items[2].seq.items[11].date == *dates::parse("2020-03-31"));
  CHECK(rational::equal(acts.seq.items[3].seq.items[9].num, Rational{45, 1}));
  CHECK(acts.seq.items[3].seq.items[2].b);
  CHECK(acts.seq.items[3].aux == activity_rec);
}

TEST_CASE("numbers are read exactly from their text", "[facts]") {
  Reader r;
  REQUIRE(r.read(R"({"id": "A-1", "renewal_year": 2.021e3, "prior_renewals": 0, "work_declaration": true})"));
  CHECK(rational::equal(r.out.seq.items[f_renewal_year].num, Rational{2021, 1}));
  CHECK(bad(R"("old_points": 99999999999999999999)").message ==
        "expected an integer >= 0 points, got 99999999999999999999, which is out of range "
        "(integers run from -9223372036854775807 to 9223372036854775807)");
  CHECK(bad(R"("old_points": -9223372036854775808)").message.find("out of range") != std::string::npos);
  CHECK(bad(R"("old_points": 1e400)").message.find("out of range") != std::string::npos);
  // Integers written with a fraction or exponent are still integers.
  for (const char* ok : {"100.0", "1e2", "1E+2", "10000e-2", "0.1e3"}) {
    INFO(ok);
    REQUIRE(r.read(applicant(std::string(R"("old_points": )") + ok)));
    CHECK(rational::equal(r.out.seq.items[f_old_points].num, Rational{100, 1}));
  }
  REQUIRE(r.read(applicant(R"("old_points": 9223372036854775807)")));
  CHECK(r.out.seq.items[f_old_points].num.num == 9223372036854775807);
}

TEST_CASE("decimal fields keep exact values", "[facts]") {
  Schema s;
  RecordSchema root{"applicant", {}, -1, {}};
  auto ratio = field("ratio", FieldKind::decimal);
  auto hours = field("hours", FieldKind::decimal);
  hours.bound = Bound::ge;
  hours.bound_value = Rational{1, 2};
  hours.unit_name = "hours";
  hours.required = false;
  hours.optional = true;
  root.fields = {ratio, hours};
  s.records = {root};
  FactsReader reader(s);
  Arena arena;
  Diagnostics diags;
  Value out;
  auto ratio_of = [&](const std::string& text) -> std::optional<Rational> {
    diags.clear();
    if (!reader.read(R"({"ratio": )" + text + "}", arena, out, diags, "t")) return std::nullopt;
    return out.seq.items[0].num;
  };
  CHECK(rational::equal(*ratio_of("0.1"), Rational{1, 10}));
  CHECK(rational::equal(*ratio_of("-2.50"), Rational{-5, 2}));
  CHECK(rational::equal(*ratio_of("1.25e-1"), Rational{1, 8}));
  CHECK(rational::equal(*ratio_of("0"), Rational{0, 1}));
  CHECK(rational::equal(*ratio_of("-0.0"), Rational{0, 1}));
  CHECK_FALSE(ratio_of("0.0000000000000000000001"));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "expected a number, got 0.0000000000000000000001, which is too large or has too many "
                            "digits to be held exactly");
  CHECK(diags[0].subject.empty());  // this schema has no id
  diags.clear();
  CHECK_FALSE(reader.read(R"({"ratio": 1, "hours": 0.25})", arena, out, diags, "t"));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "expected a number >= 0.5 hours, got 0.25");
}

TEST_CASE("reading a cohort reuses memory", "[facts]") {
  Reader r;
  std::string json = example("board-2021");
  REQUIRE(r.read(json));
  std::size_t reserved = r.arena.bytes_reserved();
  for (int i = 0; i < 200; ++i) REQUIRE(r.read(json));
  CHECK(r.arena.bytes_reserved() == reserved);
}

TEST_CASE("keys match whole names only, whatever their length or layout", "[facts]") {
  Schema s;
  RecordSchema root{"applicant", {}, -1, {}};
  auto long_name = with_default(field("a_field_name_longer_than_sixteen", FieldKind::string), Value::string(""));
  auto other = with_default(field("a_field_name_longer_than_sixteen_too", FieldKind::string), Value::string(""));
  auto eight = with_default(field("eight_ch", FieldKind::boolean), Value::boolean(false));
  root.fields = {long_name, other, eight};
  s.records = {root};
  FactsReader reader(s);
  Arena arena;
  Diagnostics diags;
  Value out;
  REQUIRE(reader.read(R"({"a_field_name_longer_than_sixteen_too": "b", "a_field_name_longer_than_sixteen": "a",
                          "eight_c": true, "eight_chx": true, "": 1, "a_field_name_longer_than_sixteeN": "x"})",
                      arena, out, diags, "t"));
  CHECK(str(out.seq.items[0]) == "a");
  CHECK(str(out.seq.items[1]) == "b");
  CHECK_FALSE(out.seq.items[2].b);  // neither near miss is eight_ch
  // Pretty-printed JSON: blanks around every colon and comma.
  REQUIRE(reader.read("{\n  \"eight_ch\" \t:\r\n true ,\n  \"a_field_name_longer_than_sixteen\"  :  \"a\\u0062\"\n}\n",
                      arena, out, diags, "t"));
  CHECK(out.seq.items[2].b);
  CHECK(str(out.seq.items[0]) == "ab");
}

TEST_CASE("escapes in keys and enumeration values", "[facts]") {
  Reader r;
  // "\u006bind" is "kind": not found before the variant's fields, but read
  // when it comes, with the variant's defaults and required fields.
  REQUIRE(r.read(applicant(R"("activities": [{"\u006bind": "paper", "date": "2019-05-01", "authorship": "\u0066irst"}])")));
  const Value& paper = r.out.seq.items[f_activities].seq.items[0];
  CHECK(paper.seq.variant == 2);
  CHECK(paper.seq.items[5].index == 0u);                    // authorship = first
  CHECK(paper.seq.items[6].kind == ValueKind::boolean);     // peer_reviewed default
  CHECK(bad(R"("activities": [{"\u006bind": "paper", "date": "2019-05-01"}])").message ==
        "missing required field 'authorship'");
  REQUIRE(r.read(applicant(R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 60, "host": "\u0066acility"}])")));
  CHECK(r.out.seq.items[f_courses].seq.items[0].seq.items[5].index == 1u);
}

TEST_CASE("a discriminant with a default picks that variant when absent", "[facts]") {
  Schema s;
  s.enums = {{"shape.kind", {"circle", "square"}}};
  RecordSchema shape{"shape", {}, 0, {{"circle"}, {"square"}}};
  auto kind = with_default(enum_field("kind", 0), Value::enumeration(0, 1));
  auto radius = in_variant(integer("radius"), 0);
  auto side = in_variant(with_default(integer("side"), Value::integer(1)), 1);
  shape.fields = {kind, radius, side};
  s.records = {shape};
  FactsReader reader(s);
  Arena arena;
  Diagnostics diags;
  Value out;
  REQUIRE(reader.read(R"({"radius": 3})", arena, out, diags, "t"));  // a square: radius is ignored
  CHECK(out.seq.variant == 1);
  CHECK(out.seq.items[0].index == 1u);
  CHECK(out.seq.items[1].is_none());
  CHECK(rational::equal(out.seq.items[2].num, Rational{1, 1}));
  REQUIRE(reader.read(R"({"kind": null, "side": 4})", arena, out, diags, "t"));
  CHECK(out.seq.variant == 1);
  CHECK(rational::equal(out.seq.items[2].num, Rational{4, 1}));
  CHECK_FALSE(reader.read(R"({"kind": "circle"})", arena, out, diags, "t"));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].message == "missing required field 'radius'");
}
