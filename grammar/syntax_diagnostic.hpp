// What both PEGTL translation units (parse.cpp for rulesets, test_parse.cpp
// for test files) share: the input that counts nesting, the diagnostic a
// parse_error becomes, and the check that the text is UTF-8. Included only by those two files.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

#include <tao/pegtl.hpp>

#include "grammar/errors.hpp"
#include "interpreter/diag/diagnostic.hpp"

namespace kijun::grammar {
namespace pegtl = tao::pegtl;

// The input rules::nest counts expression nesting on.
class Input : public pegtl::memory_input<> {
 public:
  using pegtl::memory_input<>::memory_input;
  int nesting = 0;
  [[noreturn]] void too_deep() const { throw syntax_error(nesting_message, nesting_hint, *this); }
  [[noreturn]] void too_many(const char* message, const char* hint, const iterator_t& at) const {
    throw syntax_error(message, hint, position(at));
  }
};

// The span a diagnostic underlines at a syntax error: the offending token.
inline std::uint32_t token_length(std::string_view text, std::size_t at) {
  if (at >= text.size()) return 0;
  auto c = static_cast<unsigned char>(text[at]);
  auto ident_char = [](unsigned char ch) { return std::isalnum(ch) || ch == '_' || ch >= 0x80; };
  std::size_t end = at + 1;
  if (ident_char(c)) {
    while (end < text.size() && ident_char(static_cast<unsigned char>(text[end]))) ++end;
  } else if (c == '"') {
    while (end < text.size() && text[end] != '"' && text[end] != '\n') end += text[end] == '\\' ? 2 : 1;
    end = std::min(end + 1, text.size());
    if (text[end - 1] != '"') end = at + 1;
  } else if (c == '\\' && end < text.size()) {
    end = at + 2;  // the escape sequence
  } else if (end < text.size() && text.substr(at, 2) == "==") {
    end = at + 2;
  } else if (end < text.size() && (c == '!' || c == '<' || c == '>') && text[end] == '=') {
    end = at + 2;
  } else if (end < text.size() && text.substr(at, 2) == "..") {
    end = at + 2;
  }
  return static_cast<std::uint32_t>(end - at);
}

inline Diagnostic syntax_diagnostic(const SourceFile& file, const pegtl::parse_error& e, std::string hint) {
  Diagnostic d;
  d.severity = Severity::error;
  const auto at = e.positions().empty() ? file.text().size() : e.positions().front().byte;
  const auto begin = static_cast<std::uint32_t>(std::min(at, file.text().size()));
  d.span = Span{file.id(), begin, begin + token_length(file.text(), begin)};
  d.message = std::string(e.message());
  d.hint = std::move(hint);
  // A lone '=' where the grammar wanted something else is, almost always, a
  // comparison written with one '='.
  const std::string& t = file.text();
  bool lone_equals = begin < t.size() && t[begin] == '=' && (begin + 1 >= t.size() || t[begin + 1] != '=');
  if (lone_equals) d.hint = "to compare two values write '=='; a single '=' only defines a name";
  return d;
}

// The text is UTF-8, with a byte-order mark at most at its very start: checked
// before parsing, so that stray bytes are reported where they are and never
// taken for part of a name (the grammar reads any byte >= 0x80 as a letter).
inline bool check_encoding(const SourceFile& file, Diagnostics& diags) {
  const std::string& t = file.text();
  auto at = [&](std::size_t i, std::size_t n, std::string message, std::string hint) {
    Diagnostic d;
    d.span = Span{file.id(), static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + n)};
    d.message = std::move(message);
    d.hint = std::move(hint);
    diags.push_back(std::move(d));
  };
  for (std::size_t i = 0; i < t.size();) {
    if (static_cast<unsigned char>(t[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode_utf8(t, i, cp);
    if (n == 0) {
      static constexpr char hex[] = "0123456789ABCDEF";
      const auto b = static_cast<unsigned char>(t[i]);
      at(i, 1, std::string("the text is not valid UTF-8 here (byte 0x") + hex[b >> 4] + hex[b & 15] + ")",
         "save the file as UTF-8; kijun does not read Shift_JIS or other encodings");
      return false;
    }
    if (cp == 0xFEFF) {
      if (i != 0) {
        at(i, n, "a byte-order mark (U+FEFF) inside the text",
           "it is invisible in most editors: delete the character at this position (files joined together "
           "keep each file's mark)");
        return false;
      }
      Diagnostic w;
      w.severity = Severity::warning;
      w.span = Span{file.id(), 0, 3};
      w.message = "a byte-order mark (U+FEFF) starts the file; it is ignored";
      w.hint = "save the file as UTF-8 without BOM, or run kijun fmt, which drops it";
      diags.push_back(std::move(w));
    }
    i += n;
  }
  return true;
}


}  // namespace kijun::grammar
