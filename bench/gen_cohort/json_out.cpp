#include "bench/gen_cohort/json_out.hpp"

#include <array>
#include <string>

namespace gen_cohort {

namespace {

void write_case(Out& o, const Case& c) {
  o.comma();
  o.open('{');
  o.key("date");
  o.date(c.date);
  o.key("list");
  o.str(c.surgery ? "surgery" : "clinical");
  if (c.role != absent) {
    o.key("role");
    if (c.role == null_value)
      o.raw("null");
    else
      o.str(surgery_roles[static_cast<std::size_t>(c.role)]);
  }
  static constexpr std::array<const char*, 4> names{"diagnosis", "treatment", "outcome", "facility"};
  for (std::size_t i = 0; i < 4; ++i) {
    const int f = c.fields[i];
    if (f == absent) continue;
    o.key(names[i]);
    if (f == null_value) {
      o.raw("null");
    } else if (f == empty_text) {
      o.str("");
    } else {
      const auto u = static_cast<std::size_t>(f);
      o.str(i == 0 ? diagnoses[u] : i == 1 ? treatments[u] : i == 2 ? outcomes[u] : facilities[u]);
    }
  }
  o.close('}');
}

void write_course(Out& o, const Course& c) {
  o.comma();
  o.open('{');
  o.key("date");
  o.date(c.date);
  o.key("category");
  o.str(c.common ? "common" : "domain");
  if (c.topic != absent) {
    o.key("topic");
    if (c.topic == null_value)
      o.raw("null");
    else
      o.str(topic_names[static_cast<std::size_t>(c.topic)]);
  }
  o.key("minutes");
  o.num(c.minutes);
  if (c.role != absent) {
    o.key("role");
    o.str(c.role == 1 ? "lecturer" : "attendee");
  }
  o.key("host");
  o.str(host_names[static_cast<std::size_t>(c.host)]);
  o.opt_bool("approved", c.approved);
  if (c.title != absent) {
    o.key("title");
    o.str(c.common ? common_titles[static_cast<std::size_t>(c.title)] : domain_titles[static_cast<std::size_t>(c.title)]);
  }
  o.close('}');
}

void write_activity(Out& o, const Activity& x) {
  o.comma();
  o.open('{');
  o.key("date");
  o.date(x.date);
  o.key("kind");
  o.str(kind_names[static_cast<std::size_t>(x.kind)]);
  switch (x.kind) {
    case attendance:
      o.key("meeting");
      o.str(meeting_names[static_cast<std::size_t>(x.sub)]);
      break;
    case presentation:
      o.key("role");
      o.str(presentation_roles[static_cast<std::size_t>(x.sub)]);
      break;
    case paper:
      o.key("authorship");
      o.str(x.sub == 0 ? "first" : "coauthor");
      o.opt_bool("peer_reviewed", x.peer_reviewed);
      o.opt_bool("approved_journal", x.approved_journal);
      break;
    case review: o.opt_bool("approved_journal", x.approved_journal); break;
    case public_lecture:
      o.key("minutes");
      o.num(x.minutes);
      break;
    case school_doctor:
      o.key("start");
      o.date(x.start);
      o.key("end");
      o.date(x.end);
      break;
    default: break;
  }
  o.opt_bool("counted_in_old", x.counted_in_old);
  o.close('}');
}

}  // namespace

void write_applicant(Out& o, const Applicant& a) {
  o.open('{');
  o.key("id");
  o.str(a.id);
  o.key("renewal_year");
  o.num(a.year);
  o.key("prior_renewals");
  o.num(a.prior);
  o.key("work_declaration");
  o.boolean(a.work);
  o.opt_bool("clinical_record", a.clinical_record);
  if (a.old_points != absent) {
    o.key("old_points");
    if (a.old_points == null_value)
      o.raw("null");
    else
      o.num(a.old_points);
  }
  auto cases = [&] {
    if (a.omit_cases) return;
    o.key("cases");
    o.open('[');
    for (const Case& c : a.cases) write_case(o, c);
    o.close(']');
  };
  auto courses = [&] {
    if (a.omit_courses) return;
    o.key("courses");
    o.open('[');
    for (const Course& c : a.courses) write_course(o, c);
    o.close(']');
  };
  auto activities = [&] {
    if (a.omit_activities) return;
    o.key("activities");
    o.open('[');
    for (const Activity& x : a.activities) write_activity(o, x);
    o.close(']');
  };
  if (a.arrays_reversed) {
    activities(), courses(), cases();
  } else {
    cases(), courses(), activities();
  }
  o.close('}');
  o.raw("\n");
}

void write_verdict(Out& o, const std::string& id, const Verdict& v) {
  static constexpr std::array<const char*, 4> names{"clinical", "common", "domain", "academic"};
  o.open('{');
  o.key("id");
  o.str(id);
  o.key("outcome");
  o.str(v.outcome);
  o.key("path");
  o.str(v.path);
  o.key("total");
  o.num(v.total);
  o.key("required_total");
  o.num(v.required_total);
  o.key("earned_total");
  o.num(v.earned_total);
  o.key("categories");
  o.open('{');
  for (std::size_t i = 0; i < 4; ++i) {
    o.key(names[i]);
    o.open('{');
    o.key("earned");
    o.num(v.earned[i]);
    o.key("counted");
    o.num(v.counted[i]);
    o.close('}');
  }
  o.close('}');
  o.key("cases_counted");
  o.num(v.cases_counted);
  o.key("mandatory_topics");
  o.open('[');
  for (int t : v.mandatory) {
    o.comma();
    o.str(topic_names[static_cast<std::size_t>(t)]);
  }
  o.close(']');
  o.close('}');
  o.raw("\n");
}

}  // namespace gen_cohort
