// The layout scrambler of format_test.cpp: a small lexer of kijun source
// (strings with nested interpolations are one token, comments are kept with
// where they were) and a printer that puts the tokens back in another layout.
#include "tests/unit/format_support.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace kijun::testing {
namespace {

bool ident_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

struct Token {
  std::string text;
  bool comment = false;
  bool own_line = false;       // a comment alone on its line
  bool blank_after = false;    // a comment followed by a blank line
  bool newline_before = false; // the white space before had a newline
};

class Lexer {
 public:
  explicit Lexer(const std::string& t) : s_(t) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    int newlines = 0;
    while (true) {
      newlines = 0;
      while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) newlines += s_[i_++] == '\n';
      if (!out.empty() && out.back().comment) out.back().blank_after = newlines >= 2;
      if (i_ >= s_.size()) break;
      Token t;
      t.newline_before = newlines > 0 || out.empty();
      const std::size_t b = i_;
      if (s_[i_] == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
        t.comment = true;
        t.own_line = t.newline_before;
      } else {
        token();
      }
      t.text = s_.substr(b, i_ - b);
      out.push_back(std::move(t));
    }
    return out;
  }

 private:
  void token() {
    const char c = s_[i_];
    if (c == '"') return string();
    if (std::isdigit(static_cast<unsigned char>(c))) {
      // a date 2015-04-01, else a number 12 or 1.5
      auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t k = 0; k < n; ++k)
          if (at + k >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[at + k]))) return false;
        return true;
      };
      if (digits(i_, 4) && i_ + 10 <= s_.size() && s_[i_ + 4] == '-' && digits(i_ + 5, 2) && s_[i_ + 7] == '-' &&
          digits(i_ + 8, 2) && (i_ + 10 == s_.size() || !ident_char(s_[i_ + 10]))) {
        i_ += 10;
        return;
      }
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      if (i_ + 1 < s_.size() && s_[i_] == '.' && std::isdigit(static_cast<unsigned char>(s_[i_ + 1]))) {
        ++i_;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      }
      return;
    }
    if (ident_char(c)) {
      while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
      return;
    }
    static const char* pairs[] = {"==", "!=", "<=", ">=", ".."};
    for (const char* p : pairs)
      if (s_.compare(i_, 2, p) == 0) {
        i_ += 2;
        return;
      }
    ++i_;
  }
  void string() {  // at '"'
    ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') {
        i_ += 2;
      } else if (s_[i_] == '{') {
        ++i_;
        interpolation();
      } else {
        ++i_;
      }
    }
    ++i_;
  }
  void interpolation() {  // after '{', up to and past the matching '}'
    int depth = 1;
    while (i_ < s_.size() && depth > 0) {
      const char c = s_[i_];
      if (c == '"') {
        string();
        continue;
      }
      if (c == '#') {
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
        continue;
      }
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      ++i_;
    }
  }

  const std::string& s_;
  std::size_t i_ = 0;
};

// A small generator of our own: the same sequence with every standard library.
struct Random {
  std::uint32_t state;
  std::uint32_t next(std::uint32_t n) {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state % n;
  }
};

bool is_number(const std::string& t) { return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0])); }

}  // namespace

std::string scramble(const std::string& text, Layout layout, std::uint32_t seed) {
  const auto tokens = Lexer(text).run();
  Random rnd{seed ? seed : 1};
  auto indent = [&] { return std::string(rnd.next(9), rnd.next(4) == 0 ? '\t' : ' '); };
  std::string out;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (k > 0) {
      const Token& prev = tokens[k - 1];
      if (prev.comment) {
        out += prev.blank_after ? "\n\n" : "\n";
        out += layout == Layout::one_line ? "" : indent();
      } else if (t.comment) {
        if (!t.own_line) out += layout == Layout::random ? indent() + " " : " ";
        else if (layout == Layout::random && rnd.next(3) == 0) out += "\n\n" + indent();
        else out += "\n" + (layout == Layout::one_line ? "" : indent());
      } else if (is_number(prev.text) && ident_char(t.text[0]) && !std::isdigit(static_cast<unsigned char>(t.text[0]))) {
        out += t.newline_before ? "\n" : " ";  // keep `10 cases` a quantity, and `3` + newline + `report` not
      } else if (layout == Layout::one_line) {
        out += " ";
      } else if (layout == Layout::token_per_line) {
        out += "\n" + indent();
      } else {
        static const char* seps[] = {" ", "  ", "\t", "\n", "\n\n", "\n\n\n", " \n  "};
        out += seps[rnd.next(7)];
        if (out.back() == '\n') out += indent();
      }
    }
    out += t.text;
  }
  return out + "\n";
}

std::string with_comments(const std::string& text, std::uint32_t seed, int count) {
  const auto tokens = Lexer(text).run();
  Random rnd{seed ? seed : 1};
  std::vector<int> after(tokens.size(), 0);  // after token k: 0 none, 1 own line, 2 at the end of its line
  for (int n = 0; n < count; ++n) {
    const auto k = rnd.next(static_cast<std::uint32_t>(tokens.size()));
    const bool unit_next = k + 1 < tokens.size() && is_number(tokens[k].text) && ident_char(tokens[k + 1].text[0]) &&
                           !tokens[k + 1].newline_before;
    if (!unit_next && !tokens[k].comment) after[k] = 1 + static_cast<int>(rnd.next(2));
  }
  std::string out;
  int n = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (k > 0) {
      if (tokens[k - 1].comment) out += tokens[k - 1].blank_after ? "\n\n" : "\n";
      else if (after[k - 1]) out += "\n";
      else out += t.newline_before || t.comment ? (t.comment && !t.own_line ? " " : "\n") : " ";
    }
    out += t.text;
    if (after[k] == 1) out += "\n# c" + std::to_string(n++);
    if (after[k] == 2) out += " # c" + std::to_string(n++);
  }
  return out + "\n";
}

namespace {

std::string expression(Random& r, int depth) {
  static const char* names[] = {"a", "b", "renewal_year", "date", "window", "list", "category", "症例数", "xs"};
  static const char* units[] = {"units", "cases", "minutes", "case", "単位"};
  static const char* binary[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or", ".."};
  // The operands are generated first, in order: the order in which the
  // operands of `+` are evaluated is the compiler's choice.
  std::string s[5];
  for (auto& x : s) x = depth > 0 ? "(" + expression(r, depth - 1) + ")" : "";
  const std::uint32_t pick = depth <= 0 ? r.next(8) : r.next(22);
  switch (pick) {
    case 0: case 1: return names[r.next(9)];
    case 2: return std::to_string(r.next(100)) + (r.next(2) ? std::string(" ") + units[r.next(5)] : "");
    case 3: return r.next(2) ? "1.50" : "2015-04-01";
    case 4: return r.next(2) ? "true" : "it";
    case 5: return r.next(2) ? "\"a \\\" {b} \\{c\\}\"" : "\"日本語\"";
    case 6: return r.next(2) ? "{}" : "[]";
    case 7: return "f()";
    case 8: case 9: case 10: case 11: return s[0] + " " + binary[r.next(15)] + " " + s[1];
    case 12: return (r.next(2) ? "not " : "-") + s[0];
    case 13: return s[0] + " as " + units[r.next(5)];
    case 14: return s[0] + "." + names[r.next(9)];
    case 15: return s[0] + " where " + s[1];
    case 16: return "if " + s[0] + " then " + s[1] + " else " + s[2];
    case 17: return "case " + s[0] + " when " + s[1] + ", " + s[2] + " then " + s[3] + " else " + s[4];
    case 18: return "max(" + s[0] + ", " + s[1] + ")";
    case 19: return "{" + s[0] + ", " + s[1] + "}";
    case 20: return "{n: " + s[0] + ", m: [" + s[1] + "]}";
    default: return "\"x {" + s[0] + "} y\"";
  }
}

}  // namespace

std::string random_expression(std::uint32_t seed, int depth) {
  Random r{seed * 2654435761u + 1};
  return expression(r, depth);
}

std::vector<std::string> kijun_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".kijun") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kijun::testing
