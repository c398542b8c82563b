// The JSON text of the cohort and of the reference verdicts: a small appending writer.
#pragma once

#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

#include "bench/gen_cohort/model.hpp"
#include "bench/gen_cohort/reference.hpp"

namespace gen_cohort {

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
    char tmp[40];  // room for any int, which GCC cannot rule out
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

void write_applicant(Out& o, const Applicant& a);
void write_verdict(Out& o, const std::string& id, const Verdict& v);

}  // namespace gen_cohort
