// The verdict as the contract's JSON object, and as a summary for a terminal.
#include <fmt/format.h>

#include <cstdint>
#include <cstring>

#include "interpreter/eval/verdict.hpp"

namespace kijun {

namespace {

// Does any of the 8 bytes of `w` need an escape in a JSON string: '"', '\\'
// or a control character (< 0x20)? Exact (no false positives or negatives)
// for the question "any byte", which is all the scan below asks.
inline bool needs_escape(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
  const bool control = ((w - ones * 0x20) & ~w & highs) != 0;  // some byte < 0x20
  return control || has_zero(w ^ (ones * '"')) || has_zero(w ^ (ones * '\\'));
}

void append_escaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: {
      static constexpr char hex[] = "0123456789abcdef";
      const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      out.append(u, 6);
    }
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  const char* p = s.data();
  const char* const end = p + s.size();
  // Runs of bytes that need no escape are appended whole; they are found 8
  // bytes at a time.
  const char* run = p;
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, 8);
      if (!needs_escape(w)) {
        p += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\' || c < 0x20) {
      out.append(run, static_cast<std::size_t>(p - run));
      append_escaped(out, c);
      run = p + 1;
    }
    ++p;
  }
  out.append(run, static_cast<std::size_t>(end - run));
  out += '"';
}

namespace {

// The fixed parts of the verdict (keys, numbers) gathered on the stack and
// appended to the string in one go, rather than a call per piece.
struct Pieces {
  explicit Pieces(std::string& o) : out(o) {}
  std::string& out;
  char buf[512];
  std::size_t n = 0;
  template <std::size_t N>
  void add(const char (&s)[N]) {
    room(N);
    std::memcpy(buf + n, s, N - 1);
    n += N - 1;
  }
  void add(Rational r) {
    room(rational::json_room);
    n = static_cast<std::size_t>(rational::write_json(buf + n, r) - buf);
  }
  void string(std::string_view s) {  // escaped, through the string itself
    flush();
    append_json_string(out, s);
  }
  void room(std::size_t k) {
    if (n + k > sizeof buf) flush();
  }
  void flush() {
    out.append(buf, n);
    n = 0;
  }
};

void categories(Pieces& o, const Verdict& v) {
  o.add("\"categories\":{");
  for (std::size_t i = 0; i < v.categories.size(); ++i) {
    const auto& c = v.categories[i];
    if (i) o.add(",");
    o.string(c.name);
    o.add(":{\"earned\":");
    o.add(c.earned);
    o.add(",\"counted\":");
    o.add(c.counted);
    if (c.min) {
      o.add(",\"min\":");
      o.add(*c.min);
    }
    if (c.max) {
      o.add(",\"max\":");
      o.add(*c.max);
    }
    if (c.waived) o.add(",\"waived\":true");
    o.add("}");
  }
  o.add("}");
}

}  // namespace

void append_categories_json(std::string& out, const Verdict& v) {
  Pieces o(out);
  categories(o, v);
  o.flush();
}

void append_verdict_json(std::string& out, const Verdict& v, Lang lang) {
  Pieces o(out);
  o.add("{\"id\":");
  o.string(v.id);
  o.add(",\"outcome\":");
  o.string(v.outcome);
  o.add(",\"total\":");
  o.add(v.total);
  o.add(",");
  categories(o, v);
  o.add(",\"unmet\":[");
  for (std::size_t i = 0; i < v.unmet.size(); ++i) {
    if (i) o.add(",");
    o.add("{\"rule\":");
    o.string(v.unmet[i].rule);
    o.add(",\"message\":");
    o.string(v.unmet[i].message(lang));
    if (!v.unmet[i].cites.empty()) {
      o.add(",\"cites\":");
      o.string(v.unmet[i].cites);
    }
    o.add("}");
  }
  o.add("],\"standard\":");
  o.string(v.standard);
  o.add(",\"earned_total\":");
  o.add(v.earned_total);
  o.add(",\"required_total\":");
  o.add(v.required_total);
  for (const auto& [name, json] : v.reports) {
    o.add(",");
    o.string(name);
    o.add(":");
    o.flush();
    out += json;
  }
  o.add("}");
  o.flush();
}

std::string verdict_json(const Verdict& v, Lang lang) {
  std::string o;
  append_verdict_json(o, v, lang);
  return o;
}

std::string verdict_text(const Verdict& v, Lang lang, const std::string& unit, const std::string& unit_label) {
  const bool ja = lang == Lang::ja;
  const char* min_word = ja ? "下限" : "min";
  const char* max_word = ja ? "上限" : "max";
  std::string o = fmt::format("{}: {} ({})\n", v.id, v.outcome, v.outcome_label);
  o += fmt::format("  {}: {}\n", ja ? "基準" : "standard", v.standard_label);
  o += fmt::format("  {} {} / {}{}  ({} {})\n", ja ? "合計" : "total", rational::to_string(v.total),
                   rational::to_string(v.required_total), ja ? (unit_label.empty() ? unit : unit_label) : " " + unit, ja ? "取得" : "earned",
                   rational::to_string(v.earned_total));
  for (const auto& c : v.categories) {
    std::string bounds;
    if (c.waived) bounds = ja ? "免除" : "waived";
    else {
      if (c.min) bounds += std::string(min_word) + " " + rational::to_string(*c.min);
      if (c.max) bounds += std::string(bounds.empty() ? "" : ", ") + max_word + " " + rational::to_string(*c.max);
    }
    o += fmt::format("  {}: {} → {}{}\n", c.label, rational::to_string(c.earned), rational::to_string(c.counted),
                     bounds.empty() ? "" : "  (" + bounds + ")");
  }
  if (v.unmet.empty()) {
    o += ja ? "  未達の要件なし\n" : "  every requirement is met\n";
  } else {
    for (const auto& u : v.unmet)
      o += fmt::format("  ✗ {}{}\n", u.message(lang), u.cites.empty() ? "" : "  [" + std::string(u.cites) + "]");
  }
  return o;
}

}  // namespace kijun
