// One pass of simdjson On-Demand over an applicant object: every member is
// visited once, in whatever order the line lists them, and only what the full
// standard reads is kept (see applicant.hpp). Bad input — a missing required
// field, a wrong type, an unknown enum value, an impossible date — is reported
// with the field's path; nothing is skipped silently.
#include <simdjson.h>

#include <string>

#include "bench/handwritten/applicant.hpp"

namespace handwritten {

namespace od = simdjson::ondemand;

namespace {

struct Bad {
  std::string message;
};

// A field's JSON path, spelled out only when there is something to report.
struct Where {
  const char* list;  // nullptr for the applicant's own members
  std::size_t k;
  const char* field;
  std::string str() const {
    if (!list) return field;
    std::string s = std::string(list) + "[" + std::to_string(k) + "]";
    return *field ? s + "." + field : s;
  }
};
Where at(const char* list, std::size_t k, const char* field) { return {list, k, field}; }
Where top(const char* field) { return {nullptr, 0, field}; }

[[noreturn]] void bad(const Where& w, const char* what) { throw Bad{w.str() + ": " + what}; }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& v) {
  v = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  return true;
}

// "YYYY-MM-DD" → yyyymmdd, or -1 when it is not a real calendar date.
Date parse_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4, y) || !digits(s, 5, 2, m) ||
      !digits(s, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
    return -1;
  return y * 10000 + m * 100 + d;
}

Date date_of(od::value v, const Where& path) {
  std::string_view s;
  if (v.get_string().get(s)) bad(path, "expected a date \"YYYY-MM-DD\"");
  Date d = parse_date(s);
  if (d < 0) bad(path, "not a calendar date");
  return d;
}

bool is_null(od::value& v) {
  bool n = false;
  return !v.is_null().get(n) && n;
}

// An optional boolean: absent or null is false.
bool flag_of(od::value v, const Where& path) {
  if (is_null(v)) return false;
  bool b;
  if (v.get_bool().get(b)) bad(path, "expected true or false");
  return b;
}

std::int64_t int_of(od::value v, const Where& path) {
  std::int64_t i;
  if (v.get_int64().get(i)) bad(path, "expected an integer");
  return i;
}

std::string_view string_of(od::value v, const Where& path) {
  std::string_view s;
  if (v.get_string().get(s)) bad(path, "expected a string");
  return s;
}

// An optional string: absent or null is "".
std::string_view text_of(od::value v, const Where& path) {
  if (is_null(v)) return {};
  return string_of(v, path);
}

Host host_of(std::string_view s, const Where& path) {
  if (s == "jsprs") return Host::jsprs;
  if (s == "facility") return Host::facility;
  if (s == "medical_association") return Host::medical_association;
  if (s == "other_specialty") return Host::other_specialty;
  if (s == "commercial") return Host::commercial;
  if (s == "cohosted") return Host::cohosted;
  bad(path, "unknown host");
}

Mandatory topic_of(std::string_view s, const Where& path) {
  if (s == "safety") return safety;
  if (s == "infection") return infection;
  if (s == "ethics") return ethics;
  if (s == "insurance" || s == "clinical_research" || s == "accident_review" || s == "law" || s == "economics" ||
      s == "other")
    return other_topic;
  bad(path, "unknown topic");
}

Kind kind_of(std::string_view s, const Where& path) {
  if (s == "attendance") return Kind::attendance;
  if (s == "presentation") return Kind::presentation;
  if (s == "paper") return Kind::paper;
  if (s == "review") return Kind::review;
  if (s == "exam_duty") return Kind::exam_duty;
  if (s == "public_lecture") return Kind::public_lecture;
  if (s == "school_doctor") return Kind::school_doctor;
  if (s == "accident_committee") return Kind::accident_committee;
  bad(path, "unknown kind");
}

std::uint8_t meeting_units(std::string_view s, const Where& path) {
  if (s == "jsprs_annual" || s == "jsprs_basic") return 3;
  if (s == "regional" || s == "subspecialty" || s == "international") return 2;
  if (s == "other_approved") return 1;
  bad(path, "unknown meeting");
}

od::array array_of(od::value v, const char* name) {
  od::array a;
  if (v.get_array().get(a)) bad(top(name), "expected an array");
  return a;
}

od::object object_of(od::value v, const char* list, std::size_t k) {
  od::object o;
  if (v.get_object().get(o)) bad(at(list, k, ""), "expected an object");
  return o;
}

void read_case(od::object o, std::size_t k, Applicant& a) {
  Date date = -1;
  int list = -1;  // 0 surgery, 1 clinical
  bool role_counts = false;
  int filled = 0;  // non-empty among diagnosis, treatment, outcome, facility
  for (auto field : o) {
    std::string_view key = field.unescaped_key();
    od::value v = field.value();
    if (key == "date") {
      date = date_of(v, at("cases", k, "date"));
    } else if (key == "list") {
      std::string_view s = string_of(v, at("cases", k, "list"));
      if (s == "surgery") list = 0;
      else if (s == "clinical") list = 1;
      else bad(at("cases", k, "list"), "expected \"surgery\" or \"clinical\"");
    } else if (key == "role") {
      std::string_view s = text_of(v, at("cases", k, "role"));
      role_counts = s == "operator" || s == "instructor";
    } else if (key == "diagnosis" || key == "treatment" || key == "outcome" || key == "facility") {
      if (!text_of(v, at("cases", k, "diagnosis, treatment, outcome or facility")).empty()) ++filled;
    }
  }
  if (date < 0) bad(at("cases", k, "date"), "required");
  if (list < 0) bad(at("cases", k, "list"), "required");
  a.cases.push_back({date, list == 0 ? role_counts : filled == 4});
}

void read_course(od::object o, std::size_t k, Applicant& a) {
  Course c{-1, false, false, false, Host::jsprs, other_topic, 0};
  bool has_category = false, has_host = false;
  for (auto field : o) {
    std::string_view key = field.unescaped_key();
    od::value v = field.value();
    if (key == "date") {
      c.date = date_of(v, at("courses", k, "date"));
    } else if (key == "category") {
      std::string_view s = string_of(v, at("courses", k, "category"));
      if (s != "common" && s != "domain") bad(at("courses", k, "category"), "expected \"common\" or \"domain\"");
      c.domain = s == "domain";
      has_category = true;
    } else if (key == "topic") {
      if (!is_null(v)) c.topic = topic_of(string_of(v, at("courses", k, "topic")), at("courses", k, "topic"));
    } else if (key == "minutes") {
      c.minutes = int_of(v, at("courses", k, "minutes"));
      if (c.minutes <= 0) bad(at("courses", k, "minutes"), "must be > 0");
    } else if (key == "role") {
      if (is_null(v)) continue;
      std::string_view s = string_of(v, at("courses", k, "role"));
      if (s != "attendee" && s != "lecturer") bad(at("courses", k, "role"), "expected \"attendee\" or \"lecturer\"");
      c.lecturer = s == "lecturer";
    } else if (key == "host") {
      c.host = host_of(string_of(v, at("courses", k, "host")), at("courses", k, "host"));
      has_host = true;
    } else if (key == "approved") {
      c.approved = flag_of(v, at("courses", k, "approved"));
    } else if (key == "title") {
      text_of(v, at("courses", k, "title"));
    }
  }
  if (c.date < 0) bad(at("courses", k, "date"), "required");
  if (!has_category) bad(at("courses", k, "category"), "required");
  if (c.minutes == 0) bad(at("courses", k, "minutes"), "required");
  if (!has_host) bad(at("courses", k, "host"), "required");
  a.courses.push_back(c);
}

void read_activity(od::object o, std::size_t k, Applicant& a) {
  Activity x{-1, Kind::exam_duty, false, false, false, 0, 0, -1, -1};
  bool has_kind = false;
  // Kind-specific members may come before `kind`: keep them all, check them after.
  std::string_view meeting, role, authorship;
  bool peer_reviewed = false, approved_journal = false;
  for (auto field : o) {
    std::string_view key = field.unescaped_key();
    od::value v = field.value();
    if (key == "date") x.date = date_of(v, at("activities", k, "date"));
    else if (key == "kind") x.kind = kind_of(string_of(v, at("activities", k, "kind")), at("activities", k, "kind")), has_kind = true;
    else if (key == "counted_in_old") x.counted_in_old = flag_of(v, at("activities", k, "counted_in_old"));
    else if (key == "meeting") meeting = text_of(v, at("activities", k, "meeting"));
    else if (key == "role") role = text_of(v, at("activities", k, "role"));
    else if (key == "authorship") authorship = text_of(v, at("activities", k, "authorship"));
    else if (key == "peer_reviewed") peer_reviewed = flag_of(v, at("activities", k, "peer_reviewed"));
    else if (key == "approved_journal") approved_journal = flag_of(v, at("activities", k, "approved_journal"));
    else if (key == "minutes") {
      if (!is_null(v)) x.minutes = int_of(v, at("activities", k, "minutes"));
    } else if (key == "start") {
      if (!is_null(v)) x.start = date_of(v, at("activities", k, "start"));
    } else if (key == "end") {
      if (!is_null(v)) x.end = date_of(v, at("activities", k, "end"));
    }
  }
  if (x.date < 0) bad(at("activities", k, "date"), "required");
  if (!has_kind) bad(at("activities", k, "kind"), "required");
  switch (x.kind) {
    case Kind::attendance:
      if (meeting.empty()) bad(at("activities", k, "meeting"), "required");
      x.units = meeting_units(meeting, at("activities", k, "meeting"));
      break;
    case Kind::presentation:
      if (role != "first_presenter" && role != "first_coauthor" && role != "chair")
        bad(at("activities", k, "role"), "expected first_presenter, first_coauthor or chair");
      x.units = 1;
      break;
    case Kind::paper:
      if (authorship != "first" && authorship != "coauthor")
        bad(at("activities", k, "authorship"), "expected \"first\" or \"coauthor\"");
      x.units = authorship == "first" ? 2 : 1;
      x.flag_a = peer_reviewed;
      x.flag_b = approved_journal;
      break;
    case Kind::review:
      x.flag_a = approved_journal;
      break;
    case Kind::public_lecture:
      if (x.minutes <= 0) bad(at("activities", k, "minutes"), "required, > 0");
      break;
    case Kind::school_doctor:
      if (x.start < 0) bad(at("activities", k, "start"), "required");
      if (x.end < 0) bad(at("activities", k, "end"), "required");
      if (x.end < x.start) bad(at("activities", k, "end"), "the end is before the start");
      break;
    case Kind::exam_duty:
    case Kind::accident_committee:
      break;
  }
  a.activities.push_back(x);
}

}  // namespace

struct Reader::Impl {
  od::parser parser;
};

Reader::Reader() : impl_(new Impl) {}
Reader::~Reader() { delete impl_; }

std::string Reader::read(const char* json, std::size_t length, std::size_t capacity, Applicant& a) {
  a.clear();
  try {
    od::document doc = impl_->parser.iterate(simdjson::padded_string_view(json, length, capacity));
    od::object root;
    if (auto e = doc.get_object().get(root)) return std::string("expected one JSON object: ") + simdjson::error_message(e);
    bool has_id = false, has_year = false, has_prior = false, has_work = false;
    for (auto field : root) {
      std::string_view key = field.unescaped_key();
      od::value v = field.value();
      if (key == "id") {
        a.id = string_of(v, top("id"));
        has_id = true;
      } else if (key == "renewal_year") {
        a.renewal_year = int_of(v, top("renewal_year"));
        has_year = true;
      } else if (key == "prior_renewals") {
        a.prior_renewals = int_of(v, top("prior_renewals"));
        if (a.prior_renewals < 0) bad(top("prior_renewals"), "must be >= 0");
        has_prior = true;
      } else if (key == "work_declaration") {
        bool b;
        if (v.get_bool().get(b)) bad(top("work_declaration"), "expected true or false");
        a.work_declaration = b;
        has_work = true;
      } else if (key == "clinical_record") {
        a.clinical_record = flag_of(v, top("clinical_record"));
      } else if (key == "old_points") {
        if (!is_null(v) && int_of(v, top("old_points")) < 0) bad(top("old_points"), "must be >= 0");
      } else if (key == "cases") {
        std::size_t k = 0;
        for (auto e : array_of(v, "cases")) read_case(object_of(e.value(), "cases", k), k, a), ++k;
      } else if (key == "courses") {
        std::size_t k = 0;
        for (auto e : array_of(v, "courses")) read_course(object_of(e.value(), "courses", k), k, a), ++k;
      } else if (key == "activities") {
        std::size_t k = 0;
        for (auto e : array_of(v, "activities")) read_activity(object_of(e.value(), "activities", k), k, a), ++k;
      }
    }
    if (!has_id) return "id: required";
    if (!has_year) return "renewal_year: required";
    if (!has_prior) return "prior_renewals: required";
    if (!has_work) return "work_declaration: required";
    const char* rest = nullptr;  // at the end of the document there is no current location
    if (doc.current_location().get(rest) == simdjson::SUCCESS) return "unexpected content after the object";
    if (a.renewal_year < 2020)
      return "renewal_year " + std::to_string(a.renewal_year) +
             ": the hand-written evaluator implements the full standard only (2020 onward), not the transition years";
  } catch (const Bad& b) {
    return b.message;
  } catch (const simdjson::simdjson_error& e) {
    return std::string("malformed JSON: ") + e.what();
  }
  return {};
}

}  // namespace handwritten
