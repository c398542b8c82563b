// Dates: construction, parts, fiscal years (年度), shifting by days and years.
#include <fmt/format.h>

#include "stdlib/dates.hpp"
#include "stdlib/registry.hpp"

namespace kijun::stdlib {
namespace {

using check::Type;
using check::TypeKind;

bool plain_number(const Type& t) { return t.is_error() || (t.is_number() && t.unit == 0); }
bool is_date(const Type& t) { return t.is_error() || t.kind == TypeKind::date; }

std::optional<Type> check_date(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  for (const auto& t : a)
    if (!plain_number(t)) {
      e = "date() expects three plain numbers (year, month, day), got " + describe(t);
      return std::nullopt;
    }
  return Type::date();
}
Value run_date(Frame&, const Value* a, std::size_t, const plan::Node& at) {
  for (int i = 0; i < 3; ++i)
    if (!rational::is_integer(a[i].num)) plan::fail(at, "date() needs whole numbers");
  auto y = a[0].num.num, m = a[1].num.num, d = a[2].num.num;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 ||
      !dates::is_valid(int(y), unsigned(m), unsigned(d)))
    plan::fail(at, fmt::format("no such date: {:04}-{:02}-{:02}", y, m, d));
  return Value::date_value(dates::from_civil(int(y), unsigned(m), unsigned(d)));
}

std::optional<Type> date_part(const std::vector<Type>& a, std::string& e, const char* fn, const Namer& describe) {
  if (is_date(a[0])) return Type::number(0);
  e = std::string(fn) + "() expects a date, got " + describe(a[0]);
  return std::nullopt;
}
std::optional<Type> check_year(const std::vector<Type>& a, std::string& e, const Namer& describe) { return date_part(a, e, "year", describe); }
std::optional<Type> check_fiscal_year(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  return date_part(a, e, "fiscal_year", describe);
}
Value run_year(Frame&, const Value* a, std::size_t, const plan::Node&) {
  return Value::integer(dates::to_civil(a[0].date).year);
}
Value run_fiscal_year(Frame&, const Value* a, std::size_t, const plan::Node&) {
  return Value::integer(dates::fiscal_year(a[0].date));
}

std::optional<Type> date_shift(const std::vector<Type>& a, std::string& e, const char* fn, const Namer& describe) {
  if (is_date(a[0]) && plain_number(a[1])) return Type::date();
  e = std::string(fn) + "() expects a date and a plain number, got " + describe(a[0]) + " and " + describe(a[1]);
  return std::nullopt;
}
std::optional<Type> check_add_days(const std::vector<Type>& a, std::string& e, const Namer& describe) { return date_shift(a, e, "add_days", describe); }
std::optional<Type> check_add_years(const std::vector<Type>& a, std::string& e, const Namer& describe) {
  return date_shift(a, e, "add_years", describe);
}

std::int64_t whole(const Value& v, const plan::Node& at, std::int64_t limit) {
  if (!rational::is_integer(v.num) || v.num.num > limit || v.num.num < -limit)
    plan::fail(at, "expected a whole number between " + std::to_string(-limit) + " and " + std::to_string(limit));
  return v.num.num;
}
Value checked_date(std::int64_t days, const plan::Node& at) {
  // Years 1000..9999, the range dates can be written in.
  if (days < dates::from_civil(1000, 1, 1) || days > dates::from_civil(9999, 12, 31))
    plan::fail(at, "date out of range (years 1000 to 9999)");
  return Value::date_value(static_cast<std::int32_t>(days));
}
Value run_add_days(Frame&, const Value* a, std::size_t, const plan::Node& at) {
  return checked_date(std::int64_t(a[0].date) + whole(a[1], at, 4'000'000), at);
}
Value run_add_years(Frame&, const Value* a, std::size_t, const plan::Node& at) {
  auto n = whole(a[1], at, 9000);
  auto y = dates::to_civil(a[0].date).year + n;
  if (y < 1000 || y > 9999) plan::fail(at, "date out of range (years 1000 to 9999)");
  return Value::date_value(dates::add_years(a[0].date, int(n)));
}

}  // namespace

void register_dates(std::vector<Builtin>& out) {
  out.push_back({"date", 3, 3, check_date, run_date, "date(year, month, day) -> date",
                 "The date of a year, month and day: date(renewal_year, 12, 31)."});
  out.push_back({"year", 1, 1, check_year, run_year, "year(date) -> number", "The calendar year of a date."});
  out.push_back({"fiscal_year", 1, 1, check_fiscal_year, run_fiscal_year, "fiscal_year(date) -> number",
                 "年度: the fiscal year (1 April – 31 March) a date falls in, named by the year it starts in."});
  out.push_back({"add_days", 2, 2, check_add_days, run_add_days, "add_days(date, n) -> date",
                 "The date n days later (earlier when n is negative)."});
  out.push_back({"add_years", 2, 2, check_add_years, run_add_years, "add_years(date, n) -> date",
                 "The same day n years later; 29 February becomes 1 March in a common year."});
}

}  // namespace kijun::stdlib
