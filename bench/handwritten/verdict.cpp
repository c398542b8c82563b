// The full standard (renewal years 2020 onward) as a programmer would write it
// from the seed's ③ and ../shared/contract/jsprs-interpretation.md, and the
// verdict line with the members kijun prints for it.
#include <algorithm>
#include <charconv>
#include <string>

#include "bench/handwritten/applicant.hpp"

namespace handwritten {

namespace {

int year_of(Date d) { return d / 10000; }
int month_of(Date d) { return d / 100 % 100; }
int day_of(Date d) { return d % 100; }
int fiscal_year(Date d) { return month_of(d) >= 4 ? year_of(d) : year_of(d) - 1; }

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// The last day an appointment from `start` must reach to have lasted a year:
// the day before the anniversary (the anniversary of 29 February is 1 March).
Date one_year_from(Date start) {
  int y = year_of(start) + 1, m = month_of(start), d = day_of(start);
  if (m == 2 && d == 29) return y * 10000 + 228;
  if (d > 1) return y * 10000 + m * 100 + d - 1;
  if (m == 1) return (y - 1) * 10000 + 1231;
  return y * 10000 + (m - 1) * 100 + days_in_month(y, m - 1);
}

// Fiscal years seen so far for a once-per-year activity: a renewal window spans
// at most six fiscal years, so a bit set relative to the window's first one.
struct FiscalYears {
  int first;
  unsigned seen = 0;
  bool add(Date d) {
    unsigned bit = 1u << (fiscal_year(d) - first);
    bool fresh = !(seen & bit);
    seen |= bit;
    return fresh;
  }
};

struct Category {
  std::int64_t earned = 0, counted = 0, min = 0, max = 0;
  void cap() { counted = std::min(earned, max); }
};

void put(std::string& out, std::int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void put_date(std::string& out, int y, const char* month_day) {
  out += '"';
  put(out, y);
  out += month_day;
  out += '"';
}

void put_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char hex[] = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

void put_category(std::string& out, const char* name, const Category& c, bool waived) {
  out += '"';
  out += name;
  out += "\":{\"earned\":";
  put(out, c.earned);
  out += ",\"counted\":";
  put(out, c.counted);
  out += ",\"min\":";
  put(out, c.min);
  out += ",\"max\":";
  put(out, c.max);
  if (waived) out += ",\"waived\":true";
  out += '}';
}

// One entry of `unmet`; entries are separated by the caller's `first` flag.
void open_unmet(std::string& out, bool& first, const char* rule) {
  if (!first) out += ',';
  first = false;
  out += "{\"rule\":\"";
  out += rule;
  out += "\",\"message\":\"";
}

void unmet_min(std::string& out, bool& first, const char* rule, const char* title, const Category& c) {
  open_unmet(out, first, rule);
  out += title;
  out += ": ";
  put(out, c.counted);
  out += "単位（最小";
  put(out, c.min);
  out += "単位、あと";
  put(out, c.min - c.counted);
  out += "単位）\"}";
}

constexpr const char* topic_names[] = {"safety", "infection", "ethics"};
// The academic parts in the order of Kind (and of the verdict's academic_parts).
constexpr int kinds = 8;
constexpr const char* kind_names[kinds] = {"attendance",     "presentation",  "paper",         "review",
                                           "exam_duty",      "public_lecture", "school_doctor", "accident_committee"};

}  // namespace

void append_verdict(const Applicant& a, std::string& out) {
  const int year = static_cast<int>(a.renewal_year);
  // A renewal for fiscal year Y covers 1 January Y−4 to 31 December Y.
  const Date from = (year - 4) * 10000 + 101, to = year * 10000 + 1231;
  auto in_window = [&](Date d) { return d >= from && d <= to; };
  const bool exempt = a.prior_renewals >= 3;  // 3回以上更新: ② and i) are waived

  // ② and i) 診療実績: ten counted cases make a unit.
  std::int64_t cases_counted = 0;
  for (const Case& c : a.cases) cases_counted += c.may_count && in_window(c.date);
  Category clinical{exempt ? 0 : cases_counted / 10, 0, 10, 10};
  clinical.cap();

  // ii) 専門医共通講習 and iii) 形成外科領域講習: courses of an hour or more.
  Category common{0, 0, 3, 10}, domain{0, 0, 15, 31};
  bool covered[3] = {false, false, false};
  for (const Course& c : a.courses) {
    if (!in_window(c.date) || c.minutes < 60) continue;
    const std::int64_t hours = c.minutes / 60;
    if (c.domain) {
      if (c.host == Host::commercial || (c.host != Host::jsprs && !c.approved)) continue;
      domain.earned += c.lecturer ? 2 : hours;
    } else {
      const bool host_counts =
          c.host == Host::jsprs || c.host == Host::facility || c.host == Host::medical_association || c.approved;
      if (!host_counts) continue;
      common.earned += c.lecturer ? 2 * hours : hours;
      if (c.topic != other_topic) covered[c.topic] = true;
    }
  }
  common.cap();
  domain.cap();

  // iv) 学術業績・診療以外の活動実績, part by part (sub-caps: attendance 6, school doctor 2).
  std::int64_t part[kinds] = {};
  FiscalYears exam_years{year - 5}, committee_years{year - 5};
  for (const Activity& x : a.activities) {
    if (!in_window(x.date)) continue;
    std::int64_t& units = part[static_cast<int>(x.kind)];
    switch (x.kind) {
      case Kind::attendance: units += x.counted_in_old ? 0 : x.units; break;
      case Kind::presentation: units += x.counted_in_old ? 0 : 1; break;
      case Kind::paper: units += !x.counted_in_old && x.flag_a && x.flag_b ? x.units : 0; break;
      case Kind::review: units += x.flag_a; break;
      case Kind::exam_duty: units += exam_years.add(x.date); break;
      case Kind::public_lecture: units += x.minutes / 60; break;
      case Kind::school_doctor: units += in_window(x.end) && x.end >= one_year_from(x.start) ? 2 : 0; break;
      case Kind::accident_committee: units += committee_years.add(x.date) ? 2 : 0; break;
    }
  }
  part[static_cast<int>(Kind::attendance)] = std::min<std::int64_t>(part[static_cast<int>(Kind::attendance)], 6);
  part[static_cast<int>(Kind::school_doctor)] = std::min<std::int64_t>(part[static_cast<int>(Kind::school_doctor)], 2);
  Category academic{0, 0, 6, 15};
  for (std::int64_t units : part) academic.earned += units;
  academic.cap();

  const std::int64_t total = clinical.counted + common.counted + domain.counted + academic.counted;
  const std::int64_t earned_total = clinical.earned + common.earned + domain.earned + academic.earned;
  const std::int64_t required_total = exempt ? 40 : 50;
  const int topics = covered[0] + covered[1] + covered[2];

  // The verdict, members in kijun's order.
  out += "{\"id\":";
  put_string(out, a.id);
  const std::size_t outcome_at = out.size() + 12;  // where the outcome goes, once the unmet list is known
  out += ",\"outcome\":\"not_eligible\",\"total\":";
  put(out, total);
  out += ",\"categories\":{";
  put_category(out, "clinical", clinical, exempt);
  out += ',';
  put_category(out, "common", common, false);
  out += ',';
  put_category(out, "domain", domain, false);
  out += ',';
  put_category(out, "academic", academic, false);
  out += "},\"unmet\":[";
  bool first = true;
  if (!a.work_declaration) {
    open_unmet(out, first, "work_declaration");
    out += "① 勤務実態の自己申告（様式2）が未提出\"}";
  }
  if (!exempt && !(a.clinical_record && cases_counted >= 100)) {
    open_unmet(out, first, "clinical_practice");
    out += a.clinical_record ? "② 診療実績: 様式3 提出、症例 " : "② 診療実績: 様式3 未提出、症例 ";
    put(out, cases_counted);
    out += "/100\"}";
  }
  if (!exempt && clinical.counted < clinical.min) unmet_min(out, first, "clinical_min", "i) 診療実績の証明", clinical);
  if (common.counted < common.min) unmet_min(out, first, "common_min", "ii) 専門医共通講習", common);
  if (topics < 3) {
    open_unmet(out, first, "common_mandatory");
    out += "ii) 必修講習: ";
    put(out, topics);
    out += "/3項目、未受講: ";
    bool sep = false;
    for (int t = 0; t < 3; ++t) {
      if (covered[t]) continue;
      if (sep) out += "・";
      out += topic_names[t];
      sep = true;
    }
    out += "\"}";
  }
  if (domain.counted < domain.min) unmet_min(out, first, "domain_min", "iii) 形成外科領域講習", domain);
  if (academic.counted < academic.min)
    unmet_min(out, first, "academic_min", "iv) 学術業績・診療以外の活動実績", academic);
  if (total < required_total) {
    open_unmet(out, first, "total_min");
    out += "③ 新基準合計 ";
    put(out, total);
    out += "単位：必要";
    put(out, required_total);
    out += "単位（あと";
    put(out, required_total - total);
    out += "単位）\"}";
  }
  if (first) out.replace(outcome_at, 12, "board");  // nothing unmet: "not_eligible" → "board"
  out += "],\"earned_total\":";
  put(out, earned_total);
  out += ",\"required_total\":";
  put(out, required_total);
  out += ",\"cases_counted\":";
  put(out, cases_counted);
  out += ",\"mandatory_topics\":[";
  bool sep = false;
  for (int t = 0; t < 3; ++t) {
    if (!covered[t]) continue;
    if (sep) out += ',';
    out += '"';
    out += topic_names[t];
    out += '"';
    sep = true;
  }
  out += "],\"academic_parts\":{";
  for (int k = 0; k < kinds; ++k) {
    out += k ? ",\"" : "\"";
    out += kind_names[k];
    out += "\":";
    put(out, part[k]);
  }
  out += "},\"window\":[";
  put_date(out, year - 4, "-01-01");
  out += ',';
  put_date(out, year, "-12-31");
  out += "],\"path\":\"full\",\"mandatory_required\":3}\n";
}

}  // namespace handwritten
