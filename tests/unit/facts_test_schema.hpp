// The facts Schema of rulesets/jsprs/jsprs.kijun written out by hand, as the
// checker builds it, and helpers shared by the facts reader tests.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "interpreter/facts/facts_reader.hpp"

namespace kijun::facts_testing {

using namespace kijun::facts;

enum : std::uint32_t { case_list, course_category, topic, course_role, host, meeting, presentation_role, authorship, activity_kind };
enum : std::uint32_t { applicant_rec, case_rec, course_rec, activity_rec };

inline FieldSchema field(std::string name, FieldKind kind) {
  FieldSchema f;
  f.name = std::move(name);
  f.kind = kind;
  return f;
}
inline FieldSchema with_default(FieldSchema f, Value v) {
  f.required = false;
  f.default_value = v;
  return f;
}
inline FieldSchema enum_field(std::string name, std::uint32_t id) {
  auto f = field(std::move(name), FieldKind::enumeration);
  f.enum_id = id;
  return f;
}
inline FieldSchema integer(std::string name, Bound b = Bound::none, std::int64_t bound = 0, std::string unit = "") {
  auto f = field(std::move(name), FieldKind::integer);
  f.bound = b;
  f.bound_value = Rational{bound, 1};
  f.unit_name = std::move(unit);
  return f;
}
inline FieldSchema list_of(std::string name, std::uint32_t record) {
  auto f = field(std::move(name), FieldKind::list);
  f.record_id = record;
  return with_default(f, Value::list(nullptr, 0));
}
inline FieldSchema in_variant(FieldSchema f, int v) {
  f.variant = v;
  return f;
}
inline FieldSchema text_default(std::string name) { return with_default(field(std::move(name), FieldKind::string), Value::string("")); }
inline FieldSchema flag_default(std::string name) { return with_default(field(std::move(name), FieldKind::boolean), Value::boolean(false)); }

inline const Schema& jsprs_schema() {
  static const Schema s = [] {
    Schema s;
    s.enums = {
        {"case_list", {"surgery", "clinical"}},
        {"course_category", {"common", "domain"}},
        {"topic", {"safety", "infection", "ethics", "insurance", "clinical_research", "accident_review", "law", "economics", "other"}},
        {"course_role", {"attendee", "lecturer"}},
        {"host", {"jsprs", "facility", "medical_association", "other_specialty", "commercial", "cohosted"}},
        {"meeting", {"jsprs_annual", "jsprs_basic", "regional", "subspecialty", "international", "other_approved"}},
        {"presentation_role", {"first_presenter", "first_coauthor", "chair"}},
        {"authorship", {"first", "coauthor"}},
        {"activity.kind", {"attendance", "presentation", "paper", "review", "exam_duty", "public_lecture", "school_doctor", "accident_committee"}},
    };
    RecordSchema root{"applicant", {}, -1, {}};
    root.fields = {field("id", FieldKind::string),
                   integer("renewal_year"),
                   integer("prior_renewals", Bound::ge, 0),
                   field("work_declaration", FieldKind::boolean),
                   flag_default("clinical_record"),
                   with_default(integer("old_points", Bound::ge, 0, "points"), Value::integer(0)),
                   list_of("cases", case_rec),
                   list_of("courses", course_rec),
                   list_of("activities", activity_rec)};
    RecordSchema kase{"case", {}, -1, {}};
    kase.fields = {field("date", FieldKind::date), enum_field("list", case_list), text_default("role"),
                   text_default("diagnosis"), text_default("treatment"), text_default("outcome"),
                   text_default("facility")};
    RecordSchema course{"course", {}, -1, {}};
    auto topic_field = enum_field("topic", topic);
    topic_field.required = false;
    topic_field.optional = true;
    course.fields = {field("date", FieldKind::date),
                     enum_field("category", course_category),
                     topic_field,
                     integer("minutes", Bound::gt, 0, "minutes"),
                     with_default(enum_field("role", course_role), Value::enumeration(course_role, 0)),
                     enum_field("host", host),
                     flag_default("approved"),
                     text_default("title")};
    RecordSchema activity{"activity", {}, 0, {}};
    for (const auto& v : s.enums[activity_kind].members) activity.variants.push_back({v});
    activity.fields = {enum_field("kind", activity_kind),
                       field("date", FieldKind::date),
                       flag_default("counted_in_old"),
                       in_variant(enum_field("meeting", meeting), 0),
                       in_variant(enum_field("role", presentation_role), 1),
                       in_variant(enum_field("authorship", authorship), 2),
                       in_variant(flag_default("peer_reviewed"), 2),
                       in_variant(flag_default("approved_journal"), 2),
                       in_variant(flag_default("approved_journal"), 3),
                       in_variant(integer("minutes", Bound::gt, 0, "minutes"), 5),
                       in_variant(field("start", FieldKind::date), 6),
                       in_variant(field("end", FieldKind::date), 6)};
    s.records = {root, kase, course, activity};
    s.root = applicant_rec;
    s.id_field = 0;
    return s;
  }();
  return s;
}

// Root field indices.
enum : std::uint32_t { f_id, f_renewal_year, f_prior, f_work, f_clinical, f_old_points, f_cases, f_courses, f_activities };

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Reader {
  FactsReader reader{jsprs_schema()};
  Arena arena;
  Diagnostics diags;
  Value out;

  bool read(std::string_view json) {
    diags.clear();
    arena.reset();
    return reader.read(json, arena, out, diags, "cohort.jsonl:3");
  }
  // The single diagnostic of a failed read.
  const Diagnostic& only() {
    REQUIRE(diags.size() == 1);
    return diags[0];
  }
};

inline const char* minimal = R"({"id": "A-1", "renewal_year": 2021, "prior_renewals": 0, "work_declaration": true)";

// The minimal applicant with `extra` fields added.
inline std::string applicant(const std::string& extra) {
  return std::string(minimal) + (extra.empty() ? "" : ", ") + extra + "}";
}

inline std::string str(const Value& v) { return std::string(v.as_string()); }

// An example applicant from ../shared/contract/examples.
inline std::string example(const std::string& name) {
  return slurp(std::string(KIJUN_SHARED_DIR) + "/contract/examples/" + name + ".json");
}

// The one diagnostic of a bad applicant built from `extra` fields.
inline Diagnostic bad(const std::string& extra) {
  Reader r;
  CHECK_FALSE(r.read(applicant(extra)));
  REQUIRE(r.diags.size() == 1);
  return r.diags[0];
}

// `courses` with a good course first and one made of `fields` second.
inline std::string course(const std::string& fields) {
  return R"("courses": [{"date": "2019-06-01", "category": "common", "minutes": 60, "host": "jsprs"}, {)" + fields +
         "}]";
}

}  // namespace kijun::facts_testing
