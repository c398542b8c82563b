// Paths walk the verdict's objects by member name and its arrays by index;
// `unmet` is compared as the set of its rules' names (docs/testing.md).
#include "interpreter/testing/verdict_match.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cstdlib>
#include <optional>

#include <simdjson.h>

namespace kijun::ruletest {

namespace dom = simdjson::dom;

namespace {

bool plain_name(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || c == '_' || u >= 0x80;
  });
}

std::string show_string(std::string_view s) {
  if (plain_name(s) && s != "true" && s != "false" && s != "blank") return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

std::string show_number(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return ec == std::errc{} ? std::string(buf, end) : "?";
}

std::string show(dom::element e) {
  switch (e.type()) {
    case dom::element_type::STRING: return show_string(std::string_view(e.get_string().value()));
    case dom::element_type::INT64: return std::to_string(int64_t(e.get_int64().value()));
    case dom::element_type::UINT64: return std::to_string(uint64_t(e.get_uint64().value()));
    case dom::element_type::DOUBLE: return show_number(double(e.get_double().value()));
    case dom::element_type::BOOL: return e.get_bool().value() ? "true" : "false";
    case dom::element_type::NULL_VALUE: return "blank";
    case dom::element_type::ARRAY: {
      std::string out = "[";
      const dom::array items = e.get_array().value();
      for (dom::element x : items) out += (out.size() > 1 ? ", " : "") + show(x);
      return out + "]";
    }
    case dom::element_type::OBJECT: return simdjson::minify(e);
  }
  return "?";
}

std::optional<double> number_of(dom::element e) {
  switch (e.type()) {
    case dom::element_type::INT64: return double(e.get_int64().value());
    case dom::element_type::UINT64: return double(e.get_uint64().value());
    case dom::element_type::DOUBLE: return double(e.get_double().value());
    default: return std::nullopt;
  }
}

bool equal(const ExpectValue& want, dom::element got) {
  switch (want.kind) {
    case ExpectValue::Kind::number: {
      auto n = number_of(got);
      // from_chars, not strtod: the same in every locale.
      double w = 0;
      const char* end = want.text.data() + want.text.size();
      return n && std::from_chars(want.text.data(), end, w).ec == std::errc() && *n == w;
    }
    case ExpectValue::Kind::string:
      return got.type() == dom::element_type::STRING && std::string_view(got.get_string().value()) == want.text;
    case ExpectValue::Kind::boolean: return got.type() == dom::element_type::BOOL && got.get_bool().value() == want.boolean;
    case ExpectValue::Kind::blank: return got.type() == dom::element_type::NULL_VALUE;
    case ExpectValue::Kind::list: {
      if (got.type() != dom::element_type::ARRAY) return false;
      dom::array a = got.get_array().value();
      if (a.size() != want.items.size()) return false;
      std::size_t i = 0;
      for (dom::element x : a)
        if (!equal(want.items[i++], x)) return false;
      return true;
    }
  }
  return false;
}

// Whether `want` equals some element of the array `got`.
bool among(const ExpectValue& want, dom::array got) {
  for (dom::element x : got)
    if (equal(want, x)) return true;
  return false;
}

const std::vector<ExpectValue>& as_list(const ExpectValue& v, std::vector<ExpectValue>& one) {
  if (v.kind == ExpectValue::Kind::list) return v.items;
  one = {v};
  return one;
}

}  // namespace

std::string show(const ExpectValue& v) {
  switch (v.kind) {
    case ExpectValue::Kind::number: return v.text;
    case ExpectValue::Kind::string: return show_string(v.text);
    case ExpectValue::Kind::boolean: return v.boolean ? "true" : "false";
    case ExpectValue::Kind::blank: return "blank";
    case ExpectValue::Kind::list: {
      std::string out = "[";
      for (const auto& x : v.items) out += (out.size() > 1 ? ", " : "") + show(x);
      return out + "]";
    }
  }
  return "?";
}

struct VerdictMatcher::Impl {
  dom::parser parser;
};

VerdictMatcher::VerdictMatcher() : impl_(std::make_unique<Impl>()) {}
VerdictMatcher::~VerdictMatcher() = default;

std::vector<Mismatch> VerdictMatcher::match(const std::string& verdict_json, const std::vector<Expectation>& expects) {
  std::vector<Mismatch> out;
  dom::element root;
  if (impl_->parser.parse(verdict_json).get(root) != simdjson::SUCCESS) {
    out.push_back({nullptr, "a verdict", "unreadable verdict JSON", ""});  // the evaluator wrote bad JSON
    return out;
  }
  for (const auto& x : expects) {
    std::vector<ExpectValue> one;
    const auto& wanted = as_list(x.value, one);
    // unmet: the set of rule names.
    if (x.steps.size() == 1 && x.steps[0] == "unmet") {
      std::vector<std::string> got;
      dom::array unmet;
      if (root["unmet"].get_array().get(unmet) == simdjson::SUCCESS)
        for (dom::element u : unmet) {
          std::string_view rule;
          if (u["rule"].get_string().get(rule) == simdjson::SUCCESS) got.emplace_back(rule);
        }
      std::vector<std::string> want;
      for (const auto& w : wanted) want.push_back(w.kind == ExpectValue::Kind::string ? w.text : show(w));
      std::string missing, extra;
      for (const auto& w : want)
        if (std::find(got.begin(), got.end(), w) == got.end()) missing += (missing.empty() ? "" : ", ") + w;
      if (!x.includes)
        for (const auto& g : got)
          if (std::find(want.begin(), want.end(), g) == want.end()) extra += (extra.empty() ? "" : ", ") + g;
      if (missing.empty() && extra.empty()) continue;
      std::string shown = "[";
      for (const auto& g : got) shown += (shown.size() > 1 ? ", " : "") + show_string(g);
      Mismatch m{&x, (x.includes ? "includes " : "") + show(x.value), shown + "]", ""};
      if (!missing.empty()) m.detail = "missing " + missing;
      if (!extra.empty()) m.detail += (m.detail.empty() ? "unexpected " : "; unexpected ") + extra;
      out.push_back(std::move(m));
      continue;
    }
    dom::element at = root;
    bool found = true;
    for (const auto& step : x.steps) {
      if (at.type() == dom::element_type::ARRAY) {
        std::size_t i = 0;
        auto [p, ec] = std::from_chars(step.data(), step.data() + step.size(), i);
        found = ec == std::errc{} && p == step.data() + step.size() && at.at(i).get(at) == simdjson::SUCCESS;
      } else {
        found = at.type() == dom::element_type::OBJECT && at[step].get(at) == simdjson::SUCCESS;
      }
      if (!found) break;
    }
    const std::string expected = (x.includes ? "includes " : "") + show(x.value);
    if (!found) {
      out.push_back({&x, expected, "(absent)", "the verdict has no member " + x.path});
      continue;
    }
    bool ok;
    if (x.includes) {
      ok = at.type() == dom::element_type::ARRAY;
      if (ok)
        for (const auto& w : wanted) ok = ok && among(w, at.get_array().value());
    } else {
      ok = equal(x.value, at);
    }
    if (!ok) out.push_back({&x, expected, show(at), ""});
  }
  return out;
}

}  // namespace kijun::ruletest
