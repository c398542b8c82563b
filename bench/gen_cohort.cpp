// kijun_gen_cohort — a reproducible synthetic cohort for the jsprs ruleset.
//
//   kijun_gen_cohort --count N --seed S [--years A-B] [--first K] [--expect FILE] > cohort.jsonl
//
//   --count N      number of applicants (one JSON object per line on stdout). Required.
//   --seed S       64-bit seed (default 1). The same seed gives byte-identical output on
//                  every machine: all randomness comes from splitmix64 + xoshiro256**
//                  below, integer arithmetic only (no <random> distributions, no floating
//                  point, no hash-map iteration order, and never two draws in one function
//                  call's arguments, whose evaluation order differs between compilers).
//   --years A-B    renewal years drawn uniformly from A..B (default 2020-2024). A single
//                  year (--years 2021) is allowed. Years 2015-2019 are the transition years:
//                  those applicants also get `old_points`. Years before 2015 are refused
//                  (they are outside the ruleset).
//   --first K      index of the first applicant (default 0). Applicant i depends only on
//                  (seed, i, years), so `--first 0 --count 500` followed by
//                  `--first 500 --count 500` is the same as `--first 0 --count 1000`:
//                  cohorts can be generated in shards.
//   --expect FILE  also write, one line per applicant, the verdict that this file's own
//                  reference implementation of ../shared/contract/jsprs-interpretation.md
//                  expects (id, outcome, path, total, required_total, earned_total,
//                  categories, cases_counted, mandatory_topics). bench/check_verdicts.py
//                  compares it with `kijun eval --format json`.
//
// What is generated (see bench/README.md): renewal years spread over --years; prior_renewals
// 0-5 (25% have >= 3, the clinical exemption); work_declaration and clinical_record mostly
// true (clinical_record sometimes false or absent); ~60-160 cases mixing surgery-list
// cases (operator / instructor, some assistant or no role) and clinical-list cases (some
// with a field missing, empty or null); dates spread over the five-year window and a few
// just outside it; common courses (the three mandatory topics, sometimes one or two
// missing) and domain courses from every host, commercial and cohosted with and without
// `approved`, 30-240 minutes, some lecturers; activities of every kind (attendance,
// presentation, paper with its flags, review, exam_duty, public_lecture, school_doctor
// with start/end incl. 29 February and exact one-year appointments, accident_committee,
// some counted_in_old). About half the applicants are built near a boundary: total
// 48-52 (38-42 when exempt), domain 14-16, a missing mandatory topic, 99-101 counted cases,
// academic 5-7, common 2-4; in transition years also old_points near the year's figure, near
// 150 or near the review threshold. An applicant line is ~10 KB, like the contract examples.
//
// Every line is valid facts per ../shared/contract/applicant-facts.md.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ------------------------------------------------------------------ PRNG

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// xoshiro256** (Blackman & Vigna), seeded from splitmix64.
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    for (auto& w : s_) w = splitmix64(x);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n) by the multiply-high method (n > 0); exact integer arithmetic.
  int below(int n) {
    if (n <= 1) return 0;
    return static_cast<int>((static_cast<unsigned __int128>(next()) * static_cast<std::uint64_t>(n)) >> 64);
  }
  int between(int lo, int hi) { return hi <= lo ? lo : lo + below(hi - lo + 1); }  // inclusive
  bool chance(int percent) { return below(100) < percent; }
  bool permille(int p) { return below(1000) < p; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& a) { return a[static_cast<std::size_t>(below(static_cast<int>(N)))]; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> s_{};
};

// ------------------------------------------------------------------ dates (days since 1970-01-01)

int days_from_civil(int y, int m, int d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y, m, d;
};

Ymd civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int fiscal_year(int day) {
  Ymd c = civil_from_days(day);
  return c.m >= 4 ? c.y : c.y - 1;
}

// The same date n years later; 29 February goes to 1 March in a common year.
int add_years(int day, int n) {
  Ymd c = civil_from_days(day);
  int y = c.y + n;
  if (c.m == 2 && c.d == 29 && !leap(y)) return days_from_civil(y, 3, 1);
  return days_from_civil(y, c.m, c.d);
}

// ------------------------------------------------------------------ the year's requirements

constexpr int none = -1;

struct Req {
  int cases, clinical, common_min, common_max, mandatory, domain_min, domain_max, academic_min, academic_max,
      total, old_points, mandatory_raised, raised_at;
};

// jsprs-interpretation.md: the full standard and the seed's transition table.
constexpr Req full_req{100, 10, 3, 10, 3, 15, 31, 6, 15, 50, 0, none, none};
constexpr std::array<Req, 5> transition_req{{
    {10, 1, 0, 1, 0, 2, none, 0, 1, 5, 135, none, none},
    {20, 2, 1, 2, 0, 4, none, 1, 2, 10, 120, 1, 20},
    {40, 4, 1, 4, 1, 6, 13, 2, 6, 20, 90, 2, 30},
    {60, 6, 2, 6, 2, 9, 18, 4, 9, 30, 60, 3, 40},
    {80, 8, 3, 8, 3, 12, 23, 6, 12, 40, 30, none, none},
}};

const Req& req_for(int year) { return year >= 2020 ? full_req : transition_req[static_cast<std::size_t>(year - 2015)]; }

// ------------------------------------------------------------------ the applicant model

// Optional scalar fields: absent, JSON null, or a value.
constexpr int absent = -1;
constexpr int null_value = -2;

enum Host { jsprs, facility, medical_association, other_specialty, commercial, cohosted };
constexpr std::array<const char*, 6> host_names{"jsprs", "facility", "medical_association", "other_specialty",
                                                "commercial", "cohosted"};
enum Topic { safety, infection, ethics, insurance, clinical_research, accident_review, law, economics, other };
constexpr std::array<const char*, 9> topic_names{"safety", "infection", "ethics", "insurance", "clinical_research",
                                                 "accident_review", "law", "economics", "other"};
enum Kind { attendance, presentation, paper, review, exam_duty, public_lecture, school_doctor, accident_committee };
constexpr std::array<const char*, 8> kind_names{"attendance", "presentation", "paper", "review",
                                                "exam_duty", "public_lecture", "school_doctor", "accident_committee"};
constexpr std::array<const char*, 6> meeting_names{"jsprs_annual", "jsprs_basic",   "regional",
                                                   "subspecialty", "international", "other_approved"};
constexpr std::array<int, 6> meeting_units{3, 3, 2, 2, 2, 1};
constexpr std::array<const char*, 3> presentation_roles{"first_presenter", "first_coauthor", "chair"};

constexpr std::array<const char*, 4> surgery_roles{"operator", "instructor", "assistant", "first_assistant"};

constexpr std::array<const char*, 16> diagnoses{
    "熱傷",     "顔面骨骨折", "眼瞼下垂", "唇裂",     "口蓋裂",     "乳房再建", "褥瘡",     "皮膚悪性腫瘍",
    "色素性母斑", "瘢痕拘縮", "ケロイド", "腋臭症", "下肢潰瘍", "リンパ浮腫", "多指症", "手指外傷"};
constexpr std::array<const char*, 12> treatments{
    "植皮術",   "観血的整復固定術", "眼瞼挙筋前転術", "口唇形成術",   "口蓋形成術",   "乳房再建術",
    "皮弁形成術", "切除術・縫縮術", "レーザー治療",   "Z形成術",     "リンパ管静脈吻合術", "デブリードマン"};
constexpr std::array<const char*, 5> outcomes{"治癒", "軽快", "不変", "転院", "経過観察中"};
constexpr std::array<const char*, 10> facilities{
    "市立中央病院",   "県立医療センター", "大学病院形成外科", "赤十字病院",       "労災病院",
    "済生会病院",     "市民病院",         "形成外科クリニック", "国立病院機構 医療センター", "St. Luke's Clinic"};
constexpr std::array<const char*, 12> common_titles{
    "院内医療安全研修",      "院内感染対策研修",   "医療倫理講習会（総会）", "保険診療講習会",
    "臨床研究セミナー",      "医療事故検討会",     "医療法制講習",           "医療経済セミナー",
    "指導医講習会",          "e-learning 共通講習", "CPC \"case review\"",    "Safety / infection update"};
constexpr std::array<const char*, 10> domain_titles{
    "再建外科セミナー",   "基礎学術集会 教育講演", "顔面外傷アップデート", "創傷治癒セミナー",
    "e-learning",         "地方会 教育講演",       "マイクロサージャリー講習", "乳房再建ハンズオン",
    "Cleft lip & palate", "手外科セミナー（共催）"};

struct Case {
  int date = 0;
  bool surgery = true;
  int role = absent;                     // index into surgery_roles, absent or null
  std::array<int, 4> fields{absent, absent, absent, absent};  // diagnosis, treatment, outcome, facility
                                         // >= 0: index into the word list; absent; null; empty_text
};
constexpr int empty_text = -3;

struct Course {
  int date = 0;
  bool common = true;
  int topic = absent;  // Topic, absent or null
  int minutes = 60;
  int role = absent;   // absent (attendee), 0 attendee, 1 lecturer
  Host host = jsprs;
  int approved = absent;  // absent, null, 0, 1
  int title = absent;     // index into the title list, or absent
};

struct Activity {
  int date = 0;
  Kind kind = attendance;
  int sub = 0;  // meeting / presentation role / authorship (0 first, 1 coauthor)
  int peer_reviewed = absent, approved_journal = absent;  // absent, null, 0, 1
  int minutes = 0;
  int start = 0, end = 0;
  int counted_in_old = absent;  // absent, null, 0, 1
};

struct Applicant {
  std::string id;
  int year = 2020;
  int prior = 0;
  bool work = true;
  int clinical_record = 1;  // absent, 0, 1
  int old_points = absent;  // absent, null, or the points
  std::vector<Case> cases;
  std::vector<Course> courses;
  std::vector<Activity> activities;
  bool omit_cases = false, omit_courses = false, omit_activities = false;
  bool arrays_reversed = false;  // activities, courses, cases instead of cases, courses, activities
  int facility0 = 0, facility1 = 0;
};

// ------------------------------------------------------------------ generation

struct Window {
  int start, end;
};

Window window_for(int year) {
  int start = days_from_civil(year - 4, 1, 1);
  if (year <= 2019) start = std::max(start, days_from_civil(2015, 4, 1));
  return {start, days_from_civil(year, 12, 31)};
}

struct Targets {
  int cases = 0;      // counted cases
  int common = 0;     // common units earned
  int mandatory = 3;  // mandatory topics covered
  int domain = 0;
  int academic = 0;
};

int transition_total(const Applicant& a);  // the counted total of the year's column (below)

class Generator {
 public:
  Generator(std::uint64_t seed, std::uint64_t index, int year_lo, int year_hi)
      : r_(seed, index), seed_(seed), index_(index), year_lo_(year_lo), year_hi_(year_hi) {}

  Applicant make() {
    a_.id.assign(1, 'G');  // (not "G" + std::string: GCC 12 -O3 warns -Wrestrict on it)
    a_.id.append(std::to_string(seed_)).append(1, '-').append(pad(index_ + 1, 7));
    a_.year = r_.between(year_lo_, year_hi_);
    q_ = &req_for(a_.year);
    w_ = window_for(a_.year);
    const int p = r_.below(100);  // prior_renewals: 25% each 0,1,2; 12% 3, 8% 4, 5% 5
    a_.prior = p < 25 ? 0 : p < 50 ? 1 : p < 75 ? 2 : p < 87 ? 3 : p < 95 ? 4 : 5;
    exempt_ = a_.prior >= 3;
    a_.work = !r_.permille(35);
    const int cr = r_.below(1000);
    a_.clinical_record = cr < 50 ? 0 : cr < 75 ? absent : 1;
    a_.facility0 = r_.below(static_cast<int>(facilities.size()));
    a_.facility1 = r_.chance(40) ? r_.below(static_cast<int>(facilities.size())) : a_.facility0;
    old_points();
    Targets t = targets();
    make_cases(t.cases);
    make_common(t.common, t.mandatory);
    make_domain(t.domain);
    make_academic(t.academic);
    finish();
    return std::move(a_);
  }

 private:
  static std::string pad(std::uint64_t n, int width) {
    std::string s = std::to_string(n);
    if (static_cast<int>(s.size()) < width) s.insert(0, static_cast<std::size_t>(width) - s.size(), '0');
    return s;
  }

  int in_window() { return r_.between(w_.start, w_.end); }
  int just_outside() {
    return r_.chance(55) ? w_.start - 1 - r_.below(a_.year <= 2019 ? 300 : 60) : w_.end + 1 + r_.below(60);
  }
  // A whole-hour count of minutes, with a few spare minutes (floor keeps u), at most 240.
  int minutes_for_hours(int u) { return 60 * u + (u >= 4 ? 0 : r_.chance(60) ? 0 : r_.pick(std::array{15, 30, 45, 59})); }

  void old_points() {
    if (a_.year >= 2020) {
      if (r_.chance(4)) a_.old_points = r_.chance(50) ? 0 : r_.between(40, 160);
      if (r_.chance(1)) a_.old_points = null_value;
      return;
    }
    const int fig = q_->old_points;
    const int p = r_.below(100);
    if (p < 3)
      a_.old_points = r_.chance(50) ? absent : null_value;  // 0
    else if (p < 33)
      a_.old_points = r_.between(fig, std::min(fig + 60, 200));
    else if (p < 50)
      a_.old_points = r_.between(148, 190);                 // society, some exactly at 150
    else if (p < 70)
      a_.old_points = std::max(0, fig + r_.between(-3, 3));  // the year's figure
    else if (p < 85)
      a_.old_points = -1000;  // near the review threshold: set once the total is known (finish)
    else
      a_.old_points = r_.between(0, fig);
  }

  Targets targets() {
    const Req& q = *q_;
    Targets t;
    const int dmax = q.domain_max == none ? q.domain_min + 16 : q.domain_max;
    auto comfortable = [&] {
      t.cases = exempt_ ? r_.between(30, 140) : r_.between(q.cases + 3, std::max(q.cases + 10, q.cases * 7 / 5));
      t.common = r_.between(std::max(q.common_min + 1, 3), std::max(q.common_max + 1, 4));
      t.mandatory = 3;
      t.domain = r_.between(q.domain_min + 2, dmax + 3);
      t.academic = r_.between(q.academic_min + 1, q.academic_max + 3);
    };
    comfortable();
    const int kind = r_.below(100);
    if (kind < 35) return t;  // comfortable: most of them renew
    if (kind >= 88) {         // weak: short in several places
      t.cases = r_.between(q.cases / 3, q.cases + 5);
      t.common = r_.between(0, q.common_max);
      t.mandatory = r_.between(0, 3);
      t.domain = r_.between(0, q.domain_min + 2);
      t.academic = r_.between(0, q.academic_min + 1);
      t.mandatory = std::min(t.mandatory, t.common);
      return t;
    }
    // Near a boundary: one or two foci, everything else comfortable.
    const int foci = r_.chance(25) ? 2 : 1;
    for (int i = 0; i < foci; ++i) {
      switch (r_.below(7)) {
        case 0:
        case 1: {  // the total, with every category inside its bounds
          const int clinical = exempt_ ? 0 : q.clinical;
          const int required = q.total - (exempt_ ? q.clinical : 0);
          const int total = required + r_.between(-2, 2);
          if (!exempt_) t.cases = std::max(t.cases, q.cases + r_.below(30));
          const int rest = total - clinical;
          for (int tries = 0; tries < 100; ++tries) {
            const int c = r_.between(std::max(q.common_min, 3), q.common_max);
            const int ac = r_.between(q.academic_min, q.academic_max);
            const int d = rest - c - ac;
            if (d >= q.domain_min - 1 && d <= dmax) {
              t.common = c, t.academic = ac, t.domain = std::max(0, d);
              break;
            }
          }
          t.mandatory = std::min(3, t.common);
          break;
        }
        case 2: t.domain = std::max(0, q.domain_min + r_.between(-1, 1)); break;
        case 3:  // a missing mandatory topic (sometimes two)
          t.mandatory = r_.chance(80) ? 2 : 1;
          break;
        case 4: t.cases = q.cases + (r_.chance(70) ? r_.between(-1, 1) : r_.between(-4, 4)); break;
        case 5: t.academic = std::max(0, q.academic_min + r_.between(-1, 1)); break;
        default: t.common = std::max(0, std::max(q.common_min, 3) + r_.between(-1, 1)); break;
      }
    }
    t.mandatory = std::min(t.mandatory, t.common);
    return t;
  }

  // ---------------------------------------------------------------- cases

  void clinical_fields(Case& c) {
    c.fields[0] = r_.below(static_cast<int>(diagnoses.size()));
    c.fields[1] = r_.below(static_cast<int>(treatments.size()));
    c.fields[2] = r_.below(static_cast<int>(outcomes.size()));
    c.fields[3] = r_.chance(80) ? a_.facility0 : a_.facility1;
  }

  void make_cases(int counted) {
    const int clinical_share = r_.pick(std::array{0, 5, 10, 20, 30, 50});  // % of clinical-list cases
    for (int i = 0; i < counted; ++i) {
      Case c;
      c.date = in_window();
      c.surgery = !r_.chance(clinical_share);
      if (c.surgery) {
        c.role = r_.chance(78) ? 0 : 1;
        if (r_.chance(20)) {
          c.fields[0] = r_.below(static_cast<int>(diagnoses.size()));
          c.fields[1] = r_.below(static_cast<int>(treatments.size()));
        }
      } else {
        clinical_fields(c);
      }
      a_.cases.push_back(c);
    }
    // Cases that do not count: assistants, surgeries without a role, clinical cases with a
    // field missing / empty / null, and cases just outside the window.
    const int noise = r_.below(counted / 8 + 4);
    for (int i = 0; i < noise; ++i) {
      Case c;
      c.date = in_window();
      switch (r_.below(10)) {
        case 0:
        case 1:
        case 2:
          c.role = r_.chance(80) ? 2 : 3;
          break;
        case 3:
          c.role = r_.chance(70) ? absent : null_value;
          break;
        case 4:
        case 5:
        case 6: {
          c.surgery = false;
          clinical_fields(c);
          const int missing = r_.below(4);
          c.fields[static_cast<std::size_t>(missing)] = r_.pick(std::array{absent, empty_text, null_value});
          break;
        }
        default:
          c.date = just_outside();
          if (r_.chance(70)) {
            c.role = 0;
          } else {
            c.surgery = false;
            clinical_fields(c);
          }
          break;
      }
      a_.cases.push_back(c);
    }
  }

  // ---------------------------------------------------------------- courses

  Course common_course(Topic topic, int units) {  // earns exactly `units`
    Course c;
    c.common = true;
    c.topic = topic;
    c.date = in_window();
    if (units % 2 == 0 && units <= 8 && r_.chance(15)) {
      c.role = 1;
      c.minutes = minutes_for_hours(units / 2);
    } else {
      c.role = r_.chance(10) ? 0 : absent;
      c.minutes = minutes_for_hours(units);
    }
    const int h = r_.below(100);
    if (h < 70) {
      c.host = r_.pick(std::array{jsprs, facility, facility, medical_association});
      if (r_.chance(10)) c.approved = r_.chance(50) ? 1 : 0;
    } else {
      c.host = r_.pick(std::array{other_specialty, commercial, cohosted});
      c.approved = 1;
    }
    if (r_.chance(60)) c.title = topic <= ethics ? topic : r_.below(static_cast<int>(common_titles.size()));
    return c;
  }

  // A common course that earns nothing (so it never covers a mandatory topic).
  Course common_noise(int topic) {
    Course c;
    c.common = true;
    c.topic = topic;
    c.date = in_window();
    c.minutes = r_.between(60, 180);
    switch (r_.below(3)) {
      case 0:
        c.host = r_.pick(std::array{other_specialty, commercial, cohosted});
        c.approved = r_.pick(std::array{absent, 0, null_value});
        break;
      case 1:
        c.host = r_.pick(std::array{jsprs, facility, medical_association});
        c.minutes = r_.between(30, 59);
        if (r_.chance(20)) c.role = 1;
        break;
      default:
        c.host = facility;
        c.date = just_outside();
        break;
    }
    if (r_.chance(50)) c.title = r_.below(static_cast<int>(common_titles.size()));
    return c;
  }

  void make_common(int units, int mandatory) {
    std::array<Topic, 3> m{safety, infection, ethics};
    for (int i = 2; i > 0; --i) std::swap(m[static_cast<std::size_t>(i)], m[static_cast<std::size_t>(r_.below(i + 1))]);
    mandatory = std::min(mandatory, units);
    int left = units;
    for (int i = 0; i < mandatory; ++i) {
      const int spare = left - (mandatory - i);  // keep a unit for each topic still to come
      const int u = 1 + (spare > 0 && r_.chance(25) ? r_.below(std::min(spare, 2) + 1) : 0);
      a_.courses.push_back(common_course(m[static_cast<std::size_t>(i)], u));
      left -= u;
    }
    while (left > 0) {
      const int u = 1 + r_.below(std::min(left, 3));
      Topic topic = static_cast<Topic>(r_.between(insurance, other));
      if (mandatory > 0 && r_.chance(20)) topic = m[static_cast<std::size_t>(r_.below(mandatory))];
      a_.courses.push_back(common_course(topic, u));
      left -= u;
    }
    const int noise = r_.below(3);
    for (int i = 0; i < noise; ++i) {
      // The missing topic is often there, but does not count (like the contract example).
      int topic = mandatory < 3 && r_.chance(50) ? m[static_cast<std::size_t>(mandatory)]
                                                  : r_.between(safety, other);
      if (r_.chance(5)) topic = null_value;
      a_.courses.push_back(common_noise(topic));
    }
  }

  void make_domain(int units) {
    int left = units;
    while (left > 0) {
      Course c;
      c.common = false;
      c.date = in_window();
      if (left >= 2 && r_.chance(12)) {
        c.role = 1;
        c.minutes = r_.pick(std::array{60, 60, 90, 120, 180});
        left -= 2;
      } else {
        const int u = std::min(left, r_.pick(std::array{1, 2, 2, 3, 3, 3, 4}));
        c.role = r_.chance(5) ? 0 : absent;
        c.minutes = minutes_for_hours(u);
        left -= u;
      }
      const int h = r_.below(100);
      if (h < 80) {
        c.host = jsprs;
        if (r_.chance(5)) c.approved = r_.pick(std::array{0, 1, null_value});
      } else if (h < 88) {
        c.host = cohosted;
        c.approved = 1;
      } else {
        c.host = r_.pick(std::array{facility, medical_association, other_specialty});
        c.approved = 1;
      }
      if (r_.chance(3)) c.topic = null_value;
      if (r_.chance(50)) c.title = r_.below(static_cast<int>(domain_titles.size()));
      a_.courses.push_back(c);
    }
    const int noise = r_.below(4);
    for (int i = 0; i < noise; ++i) {
      Course c;
      c.common = false;
      c.date = in_window();
      c.minutes = r_.between(60, 240);
      switch (r_.below(5)) {
        case 0:
          c.host = commercial;  // never counts, approved or not
          c.approved = r_.pick(std::array{absent, 0, 1});
          break;
        case 1:
          c.host = cohosted;
          c.approved = r_.pick(std::array{absent, 0, null_value});
          break;
        case 2:
          c.host = r_.pick(std::array{facility, medical_association, other_specialty});
          break;
        case 3:
          c.host = jsprs;
          c.minutes = r_.between(30, 59);
          if (r_.chance(30)) c.role = 1;
          break;
        default:
          c.host = jsprs;
          c.date = just_outside();
          break;
      }
      if (r_.chance(50)) c.title = r_.below(static_cast<int>(domain_titles.size()));
      a_.courses.push_back(c);
    }
  }

  // ---------------------------------------------------------------- activities

  // A date inside both the window and fiscal year fy.
  int in_fiscal_year(int fy) {
    const int lo = std::max(w_.start, days_from_civil(fy, 4, 1));
    const int hi = std::min(w_.end, days_from_civil(fy + 1, 3, 31));
    return r_.between(lo, hi);
  }

  int free_fiscal_year(std::vector<int>& used) {  // none when every fiscal year is used
    std::vector<int> free;
    for (int fy = fiscal_year(w_.start); fy <= fiscal_year(w_.end); ++fy)
      if (std::find(used.begin(), used.end(), fy) == used.end()) free.push_back(fy);
    if (free.empty()) return none;
    const int fy = free[static_cast<std::size_t>(r_.below(static_cast<int>(free.size())))];
    used.push_back(fy);
    return fy;
  }

  Activity activity(Kind k, int date) {
    Activity x;
    x.kind = k;
    x.date = date;
    return x;
  }

  // A school-doctor appointment of at least a year whose end falls in the window.
  Activity school_doctor_appointment() {
    Activity x = activity(school_doctor, 0);
    if (r_.chance(10)) {  // starting on 29 February: the anniversary is 1 March
      std::vector<int> years;
      for (int y = civil_from_days(w_.start).y - 2; y <= civil_from_days(w_.end).y - 1; ++y)
        if (leap(y) && add_years(days_from_civil(y, 2, 29), 1) - 1 >= w_.start &&
            add_years(days_from_civil(y, 2, 29), 1) - 1 <= w_.end)
          years.push_back(y);
      if (!years.empty()) {
        x.start = days_from_civil(years[static_cast<std::size_t>(r_.below(static_cast<int>(years.size())))], 2, 29);
        x.end = add_years(x.start, 1) - 1;
        x.date = x.end;
        return x;
      }
    }
    const int min_end = std::max(w_.start, add_years(w_.start - 900, 1) - 1);
    x.end = r_.between(min_end, w_.end);
    const int latest_start_anniversary = x.end + 1;  // end >= anniversary - 1
    const int exact = r_.chance(20);
    int start = exact ? latest_start_anniversary : latest_start_anniversary - r_.between(1, 900);
    // start = the day whose anniversary is `start` (one year earlier)
    x.start = add_years(start, -1);
    if (add_years(x.start, 1) - 1 > x.end) x.start -= 1;  // 29 Feb corner: step back
    x.date = r_.chance(70) ? x.end : r_.between(std::max(x.start, w_.start), x.end);
    return x;
  }

  void make_academic(int units) {
    int left = units, attendance_used = 0;
    bool school = false;
    std::vector<int> exam_years, accident_years;
    int guard = 0;
    while (left > 0 && guard++ < 200) {
      const int k = r_.below(100);
      if (k < 38) {
        const int room = std::min(left, 6 - attendance_used);
        if (room <= 0) continue;
        int meeting = r_.below(6);
        while (meeting_units[static_cast<std::size_t>(meeting)] > room) meeting = r_.below(6);
        Activity x = activity(attendance, in_window());
        x.sub = meeting;
        if (r_.chance(10)) x.counted_in_old = 0;
        a_.activities.push_back(x);
        attendance_used += meeting_units[static_cast<std::size_t>(meeting)];
        left -= meeting_units[static_cast<std::size_t>(meeting)];
      } else if (k < 55) {
        Activity x = activity(presentation, in_window());
        x.sub = r_.below(3);
        a_.activities.push_back(x);
        left -= 1;
      } else if (k < 68) {
        Activity x = activity(paper, in_window());
        x.sub = left >= 2 && r_.chance(50) ? 0 : 1;
        x.peer_reviewed = 1;
        x.approved_journal = 1;
        a_.activities.push_back(x);
        left -= x.sub == 0 ? 2 : 1;
      } else if (k < 78) {
        Activity x = activity(review, in_window());
        x.approved_journal = 1;
        if (r_.chance(5)) x.counted_in_old = 1;  // other kinds ignore counted_in_old
        a_.activities.push_back(x);
        left -= 1;
      } else if (k < 85) {
        const int fy = free_fiscal_year(exam_years);
        if (fy == none) continue;
        Activity x = activity(exam_duty, in_fiscal_year(fy));
        if (r_.chance(5)) x.counted_in_old = 1;
        a_.activities.push_back(x);
        left -= 1;
      } else if (k < 91) {
        const int u = std::min(left, r_.chance(75) ? 1 : 2);
        Activity x = activity(public_lecture, in_window());
        x.minutes = minutes_for_hours(u);
        a_.activities.push_back(x);
        left -= u;
      } else if (k < 96) {
        if (school || left < 2) continue;
        a_.activities.push_back(school_doctor_appointment());
        school = true;
        left -= 2;
      } else {
        if (left < 2) continue;
        const int fy = free_fiscal_year(accident_years);
        if (fy == none) continue;
        a_.activities.push_back(activity(accident_committee, in_fiscal_year(fy)));
        left -= 2;
      }
    }
    // Activities that do not count (or add nothing after a cap).
    const int noise = r_.below(5);
    for (int i = 0; i < noise; ++i) {
      switch (r_.below(10)) {
        case 0: {
          Activity x = activity(attendance, in_window());
          x.sub = r_.below(6);
          x.counted_in_old = 1;
          a_.activities.push_back(x);
          break;
        }
        case 1: {
          const Kind k = r_.chance(50) ? presentation : paper;  // (argument order is unspecified)
          Activity x = activity(k, in_window());
          x.sub = r_.below(x.kind == paper ? 2 : 3);
          x.counted_in_old = 1;
          if (x.kind == paper) x.peer_reviewed = x.approved_journal = 1;
          a_.activities.push_back(x);
          break;
        }
        case 2: {
          Activity x = activity(paper, in_window());
          x.sub = r_.below(2);
          if (r_.chance(50)) {
            x.peer_reviewed = r_.pick(std::array{absent, 0, null_value});
            x.approved_journal = 1;
          } else {
            x.peer_reviewed = 1;
            x.approved_journal = r_.pick(std::array{absent, 0});
          }
          a_.activities.push_back(x);
          break;
        }
        case 3: {
          Activity x = activity(review, in_window());
          x.approved_journal = r_.pick(std::array{absent, 0});
          a_.activities.push_back(x);
          break;
        }
        case 4:  // a second exam duty in a fiscal year that already has one
          if (!exam_years.empty())
            a_.activities.push_back(activity(exam_duty, in_fiscal_year(exam_years[0])));
          break;
        case 5:
          if (!accident_years.empty())
            a_.activities.push_back(activity(accident_committee, in_fiscal_year(accident_years[0])));
          break;
        case 6: {  // a school-doctor appointment a day short of a year, or a second one (capped)
          Activity x = school_doctor_appointment();
          if (!school || r_.chance(50)) x.start = add_years(x.end + 2, -1);  // anniversary - 1 = end + 1
          a_.activities.push_back(x);
          break;
        }
        case 7: {
          Activity x = activity(public_lecture, in_window());
          x.minutes = r_.between(30, 59);
          a_.activities.push_back(x);
          break;
        }
        case 8:
          if (attendance_used >= 6) {
            Activity x = activity(attendance, in_window());
            x.sub = r_.below(6);
            a_.activities.push_back(x);
            break;
          }
          [[fallthrough]];
        default: {
          const Kind k = static_cast<Kind>(r_.below(8));
          Activity x = activity(k, just_outside());
          x.sub = r_.below(x.kind == paper ? 2 : x.kind == attendance ? 6 : 3);
          x.peer_reviewed = x.approved_journal = 1;
          x.minutes = 60 + r_.below(90);
          if (x.kind == school_doctor) {
            x.end = x.date;
            x.start = add_years(x.end, -2);
          }
          a_.activities.push_back(x);
          break;
        }
      }
    }
  }

  void finish() {
    std::stable_sort(a_.cases.begin(), a_.cases.end(), [](const Case& x, const Case& y) { return x.date < y.date; });
    std::stable_sort(a_.courses.begin(), a_.courses.end(), [](const Course& x, const Course& y) {
      return x.common != y.common ? x.common : x.date < y.date;
    });
    std::stable_sort(a_.activities.begin(), a_.activities.end(), [](const Activity& x, const Activity& y) {
      return x.kind != y.kind ? x.kind < y.kind : x.date < y.date;
    });
    a_.omit_cases = a_.cases.empty() && r_.chance(50);
    a_.omit_courses = a_.courses.empty() && r_.chance(50);
    a_.omit_activities = a_.activities.empty() && r_.chance(50);
    a_.arrays_reversed = r_.chance(3);
    if (a_.old_points == -1000) {  // near the review threshold: 150 - old_points <= 3 × total
      const int threshold = std::max(0, 150 - 3 * transition_total(a_));
      a_.old_points = std::clamp(threshold + r_.between(-2, 2), 0, 149);
    }
  }

 private:
  Rng r_;
  std::uint64_t seed_, index_;
  int year_lo_, year_hi_;
  Applicant a_;
  const Req* q_ = nullptr;
  Window w_{};
  bool exempt_ = false;
};

// ------------------------------------------------------------------ reference verdict

struct Verdict {
  const char* outcome = "not_eligible";
  std::string path;
  int total = 0, required_total = 0, earned_total = 0, cases_counted = 0;
  std::array<int, 4> earned{}, counted{};
  std::vector<int> mandatory;  // topics covered, sorted
};

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

// ------------------------------------------------------------------ JSON output

class Out {
 public:
  void raw(std::string_view s) { buf_.append(s); }
  void ch(char c) { buf_.push_back(c); }
  void num(long long n) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, n);
    buf_.append(tmp, r.ptr);
  }
  void str(std::string_view s) {
    buf_.push_back('"');
    for (char c : s) {
      if (c == '"' || c == '\\') {
        buf_.push_back('\\');
        buf_.push_back(c);
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char tmp[8];
        std::snprintf(tmp, sizeof tmp, "\\u%04x", c);
        buf_.append(tmp);
      } else {
        buf_.push_back(c);
      }
    }
    buf_.push_back('"');
  }
  void date(int day) {
    Ymd c = civil_from_days(day);
    char tmp[16];
    std::snprintf(tmp, sizeof tmp, "\"%04d-%02d-%02d\"", c.y, c.m, c.d);
    buf_.append(tmp);
  }
  void key(std::string_view k) {
    if (!first_) buf_.push_back(',');
    first_ = false;
    str(k);
    buf_.push_back(':');
  }
  void open(char c) {
    buf_.push_back(c);
    first_ = true;
  }
  void close(char c) {
    buf_.push_back(c);
    first_ = false;
  }
  void comma() {
    if (!first_) buf_.push_back(',');
    first_ = false;
  }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  // An optional boolean: absent (nothing), null, false or true.
  void opt_bool(std::string_view k, int v) {
    if (v == absent) return;
    key(k);
    if (v == null_value)
      raw("null");
    else
      boolean(v == 1);
  }
  std::string& buffer() { return buf_; }

 private:
  std::string buf_;
  bool first_ = true;
};

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

// ------------------------------------------------------------------ command line

[[noreturn]] void usage(const char* why, int code = 2) {
  std::fprintf(stderr,
               "kijun_gen_cohort: %s\n"
               "usage: kijun_gen_cohort --count N [--seed S] [--years A-B] [--first K] [--expect FILE] > cohort.jsonl\n",
               why);
  std::exit(code);
}

bool parse_u64(std::string_view s, std::uint64_t& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

bool parse_int(std::string_view s, int& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

bool write_all(std::FILE* f, std::string& buf) {
  const bool ok = std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
  buf.clear();
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t count = 0, seed = 1, first = 0;
  bool have_count = false;
  int year_lo = 2020, year_hi = 2024;
  const char* expect_path = nullptr;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> std::string_view {
      if (i + 1 >= argc) usage("missing value after an option");
      return argv[++i];
    };
    if (arg == "--count") {
      if (!parse_u64(value(), count)) usage("--count needs a non-negative integer");
      have_count = true;
    } else if (arg == "--seed") {
      if (!parse_u64(value(), seed)) usage("--seed needs a non-negative integer");
    } else if (arg == "--first") {
      if (!parse_u64(value(), first)) usage("--first needs a non-negative integer");
    } else if (arg == "--years") {
      std::string_view v = value();
      const auto dash = v.find('-');
      if (dash == std::string_view::npos) {
        if (!parse_int(v, year_lo)) usage("--years needs A-B or a single year");
        year_hi = year_lo;
      } else if (!parse_int(v.substr(0, dash), year_lo) || !parse_int(v.substr(dash + 1), year_hi)) {
        usage("--years needs A-B or a single year");
      }
      if (year_lo < 2015 || year_hi < year_lo || year_hi > 2100)
        usage("--years must lie in 2015-2100 (years before 2015 are outside the ruleset)");
    } else if (arg == "--expect") {
      expect_path = argv[i + 1 < argc ? i + 1 : i];
      value();
    } else if (arg == "--help" || arg == "-h") {
      usage("a reproducible synthetic cohort for rulesets/jsprs (JSON Lines on stdout); options: see bench/README.md", 0);
    } else {
      usage("unknown option");
    }
  }
  if (!have_count) usage("--count is required");

  std::FILE* expect = nullptr;
  if (expect_path) {
    expect = std::fopen(expect_path, "wb");
    if (!expect) {
      std::fprintf(stderr, "kijun_gen_cohort: cannot write %s\n", expect_path);
      return 1;
    }
  }
  Out out, ref;
  for (std::uint64_t i = first; i < first + count; ++i) {
    Applicant a = Generator(seed, i, year_lo, year_hi).make();
    write_applicant(out, a);
    if (expect) write_verdict(ref, a.id, reference(a));
    if (out.buffer().size() > (1u << 20) && !write_all(stdout, out.buffer())) break;
    if (expect && ref.buffer().size() > (1u << 20) && !write_all(expect, ref.buffer())) break;
  }
  bool ok = write_all(stdout, out.buffer()) && std::fflush(stdout) == 0;
  if (expect) ok = write_all(expect, ref.buffer()) && std::fclose(expect) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "kijun_gen_cohort: write failed\n");
    return 1;
  }
  return 0;
}
