#include "bench/gen_cohort/reference.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "bench/gen_cohort/dates.hpp"

namespace gen_cohort {

namespace {

struct Column {
  bool meets = false;
  int total = 0, required_total = 0, earned_total = 0;
  std::array<int, 4> earned{}, counted{};
};

struct Evidence {
  int cases_counted = 0;
  std::array<int, 4> earned{};  // clinical (before the exemption), common, domain, academic
  std::vector<int> mandatory;
};

bool in(int d, const Window& w) { return d >= w.start && d <= w.end; }
bool flag(int v) { return v == 1; }

Evidence evidence(const Applicant& a, const Window& w) {
  Evidence e;
  for (const Case& c : a.cases) {
    if (!in(c.date, w)) continue;
    if (c.surgery ? (c.role == 0 || c.role == 1)
                  : std::all_of(c.fields.begin(), c.fields.end(), [](int f) { return f >= 0; }))
      ++e.cases_counted;
  }
  e.earned[0] = e.cases_counted / 10;
  for (const Course& c : a.courses) {
    if (!in(c.date, w) || c.minutes < 60) continue;
    const int hours = c.minutes / 60;
    if (c.common) {
      if (!(c.host == jsprs || c.host == facility || c.host == medical_association || flag(c.approved))) continue;
      e.earned[1] += c.role == 1 ? 2 * hours : hours;
      if (c.topic >= safety && c.topic <= ethics &&
          std::find(e.mandatory.begin(), e.mandatory.end(), c.topic) == e.mandatory.end())
        e.mandatory.push_back(c.topic);
    } else {
      if (c.host == commercial || !(c.host == jsprs || flag(c.approved))) continue;
      e.earned[2] += c.role == 1 ? 2 : hours;
    }
  }
  std::sort(e.mandatory.begin(), e.mandatory.end());
  int att = 0, school = 0, rest = 0;
  std::vector<int> exam, accident;
  for (const Activity& x : a.activities) {
    if (!in(x.date, w)) continue;
    const bool old = flag(x.counted_in_old);
    switch (x.kind) {
      case attendance:
        if (!old) att += meeting_units[static_cast<std::size_t>(x.sub)];
        break;
      case presentation:
        if (!old) rest += 1;
        break;
      case paper:
        if (!old && flag(x.peer_reviewed) && flag(x.approved_journal)) rest += x.sub == 0 ? 2 : 1;
        break;
      case review:
        if (flag(x.approved_journal)) rest += 1;
        break;
      case exam_duty:
        if (std::find(exam.begin(), exam.end(), fiscal_year(x.date)) == exam.end()) exam.push_back(fiscal_year(x.date));
        break;
      case public_lecture: rest += x.minutes / 60; break;
      case school_doctor:
        if (in(x.end, w) && x.end >= add_years(x.start, 1) - 1) school += 2;
        break;
      case accident_committee:
        if (std::find(accident.begin(), accident.end(), fiscal_year(x.date)) == accident.end())
          accident.push_back(fiscal_year(x.date));
        break;
    }
  }
  e.earned[3] = std::min(att, 6) + rest + static_cast<int>(exam.size()) + std::min(school, 2) +
                2 * static_cast<int>(accident.size());
  return e;
}

Column column(const Applicant& a, const Evidence& e, const Req& q, bool with_old_points) {
  const bool exempt = a.prior >= 3;
  const std::array<int, 4> mins{q.clinical, q.common_min, q.domain_min, q.academic_min};
  const std::array<int, 4> maxs{q.clinical, q.common_max, q.domain_max, q.academic_max};
  Column c;
  bool ok = a.work;
  if (!exempt) ok = ok && a.clinical_record == 1 && e.cases_counted >= q.cases;
  for (std::size_t i = 0; i < 4; ++i) {
    c.earned[i] = i == 0 && exempt ? 0 : e.earned[i];
    c.counted[i] = maxs[i] == none ? c.earned[i] : std::min(c.earned[i], maxs[i]);
    c.total += c.counted[i];
    c.earned_total += c.earned[i];
    if (!(i == 0 && exempt) && c.counted[i] < mins[i]) ok = false;
  }
  c.required_total = q.total - (exempt ? q.clinical : 0);
  if (c.total < c.required_total) ok = false;
  int mandatory = q.mandatory;
  if (q.raised_at != none && c.earned_total >= q.raised_at) mandatory = q.mandatory_raised;
  if (static_cast<int>(e.mandatory.size()) < mandatory) ok = false;
  const int old = a.old_points >= 0 ? a.old_points : 0;
  if (with_old_points && old < q.old_points) ok = false;
  c.meets = ok;
  return c;
}

}  // namespace

Verdict reference(const Applicant& a) {
  const Window w = window_for(a.year);
  const Evidence e = evidence(a, w);
  Verdict v;
  v.cases_counted = e.cases_counted;
  v.mandatory = e.mandatory;
  auto take = [&](const Column& c, std::string path) {
    v.path = std::move(path);
    v.total = c.total, v.required_total = c.required_total, v.earned_total = c.earned_total;
    v.earned = c.earned, v.counted = c.counted;
  };
  if (a.year >= 2020) {
    const Column full = column(a, e, full_req, false);
    take(full, "full");
    v.outcome = full.meets ? "board" : "not_eligible";
    return v;
  }
  const Req& q = req_for(a.year);
  const Column tr = column(a, e, q, true);
  take(tr, "transition_" + std::to_string(a.year));
  const int old = a.old_points >= 0 ? a.old_points : 0;
  if (tr.meets) {
    v.outcome = "board";
  } else if (a.year == 2019 && column(a, e, full_req, false).meets) {
    v.outcome = "board";
    take(column(a, e, full_req, false), "full");
  } else if (old >= 150) {
    v.outcome = "society";
  } else if (150 - old <= 3 * tr.total) {
    v.outcome = "review";
  }
  return v;
}

int transition_total(const Applicant& a) {
  const Window w = window_for(a.year);
  return column(a, evidence(a, w), req_for(a.year), false).total;
}

}  // namespace gen_cohort
