// What the generator makes: the year's requirements (the full standard and the seed's
// transition table), the applicant model with its absent/null/value fields, the word lists
// of the JSON text, and the renewal window.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "bench/gen_cohort/dates.hpp"

namespace gen_cohort {

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

inline const Req& req_for(int year) { return year >= 2020 ? full_req : transition_req[static_cast<std::size_t>(year - 2015)]; }

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

struct Window {
  int start, end;
};

inline Window window_for(int year) {
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

}  // namespace gen_cohort
