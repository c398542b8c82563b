#include "tests/unit/figure_mutants.hpp"

#include <cctype>
#include <stdexcept>

#include "stdlib/dates.hpp"

namespace kijun::testing {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
// Names: a letter, '_' or any non-ASCII byte, then also digits (docs/language.md §3).
bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80; }
bool name_char(char c) { return name_start(c) || digit(c); }

class Lexer {
 public:
  explicit Lexer(std::string_view t) : t_(t) {}

  // Code from `i` to the end, or (inside an interpolation) to the '}' that
  // closes it; returns the offset after what was read.
  std::size_t code(std::size_t i, bool interpolation) {
    int depth = 0;  // braces opened inside the interpolation: {a, b}
    while (i < t_.size()) {
      const char c = t_[i];
      if (c == '#') {
        while (i < t_.size() && t_[i] != '\n') ++i;
      } else if (c == '"') {
        i = string(i);
      } else if (name_start(c)) {
        while (i < t_.size() && name_char(t_[i])) ++i;
      } else if (digit(c)) {
        i = literal(i);
      } else {
        if (interpolation && c == '{') ++depth;
        if (interpolation && c == '}' && depth-- == 0) return i + 1;
        ++i;
      }
    }
    return i;
  }

  std::vector<Figure> found;

 private:
  // A string from its opening quote: escapes skipped, interpolations read as code.
  std::size_t string(std::size_t i) {
    ++i;
    while (i < t_.size() && t_[i] != '"' && t_[i] != '\n') {
      if (t_[i] == '\\')
        i += 2;
      else if (t_[i] == '{')
        i = code(i + 1, true);
      else
        ++i;
    }
    return i + 1;
  }

  std::size_t run(std::size_t i) const {
    while (i < t_.size() && digit(t_[i])) ++i;
    return i;
  }

  std::size_t literal(std::size_t i) {
    const std::size_t b = i;
    std::size_t e = run(i);
    // YYYY-MM-DD: exactly four, two and two digits.
    if (e - b == 4 && e + 6 <= t_.size() && t_[e] == '-' && run(e + 1) == e + 3 && t_[e + 3] == '-' &&
        run(e + 4) == e + 6) {
      add(Figure::Kind::date, b, e + 6);
      return e + 6;
    }
    if (e + 1 < t_.size() && t_[e] == '.' && digit(t_[e + 1])) e = run(e + 1);
    add(Figure::Kind::number, b, e);
    return e;
  }

  void add(Figure::Kind k, std::size_t b, std::size_t e) {
    found.push_back({k, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), std::string(t_.substr(b, e - b))});
  }

  std::string_view t_;
};

// "1.5" + 1 step → "1.6"; "0" − 1 → "-1"; the number of decimals is kept.
std::string step(const std::string& text, int by) {
  const auto dot = text.find('.');
  const std::size_t decimals = dot == std::string::npos ? 0 : text.size() - dot - 1;
  std::string digits = text;
  if (dot != std::string::npos) digits.erase(dot, 1);
  const long long v = std::stoll(digits) + by;
  std::string out = std::to_string(v < 0 ? -v : v);
  if (decimals > 0) {
    if (out.size() <= decimals) out = std::string(decimals + 1 - out.size(), '0') + out;
    out = out.substr(0, out.size() - decimals) + "." + out.substr(out.size() - decimals);
  }
  return (v < 0 ? std::string("-") : std::string()) + out;
}

}  // namespace

std::vector<Figure> figures(std::string_view text) {
  Lexer lx(text);
  lx.code(0, false);
  return std::move(lx.found);
}

std::vector<Mutant> mutants(const std::vector<Figure>& figs) {
  std::vector<Mutant> out;
  for (const auto& f : figs) {
    if (f.kind == Figure::Kind::date) {
      const auto days = dates::parse(f.text);
      if (!days) throw std::runtime_error("not a date: " + f.text);
      out.push_back({f, dates::format(*days + 1)});
      out.push_back({f, dates::format(*days - 1)});
    } else {
      out.push_back({f, step(f.text, +1)});
      out.push_back({f, step(f.text, -1)});
    }
  }
  return out;
}

std::string apply(std::string_view text, const Mutant& m) {
  std::string out(text.substr(0, m.figure.begin));
  out += m.replacement;
  out += text.substr(m.figure.end);
  return out;
}

}  // namespace kijun::testing
