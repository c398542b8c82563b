// Comments for the formatter, and the final text. The lines were printed
// from the AST; each comment is now given to the line whose tokens come just
// before it in the source (the last line that starts before the comment):
//  - a comment after code on its source line, or one that falls inside the
//    tokens of a line (the line was joined), ends that line: `code  # text`;
//  - any other comment (one on its own line, or a second one for a line
//    that already ends with a comment) goes on its own line just before the
//    next line, indented like it: leading comments of the next declaration
//    or item, or of the block's '}' (then indented as the block's inside).
// Comments keep their source order this way, and formatting the output
// again places every comment in the same spot, so fmt is idempotent.
//
// Blank lines: the layout's own, plus one after a comment that was followed
// by a blank line in the source when the comment leads a declaration or an
// item (a section heading stays detached); at the top level, comments before
// a declaration start a paragraph.
#include <algorithm>
#include <cctype>
#include <iterator>

#include "interpreter/format/format_impl.hpp"

namespace kijun::format::detail {
namespace {

bool ident_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

// The end of the string starting at `at` (a '"'), interpolations included.
std::uint32_t string_end(std::string_view text, std::uint32_t at) {
  const auto n = static_cast<std::uint32_t>(text.size());
  std::uint32_t i = at + 1;
  while (i < n && text[i] != '"' && text[i] != '\n') {
    if (text[i] == '\\') {
      i += 2;
    } else if (text[i] == '{') {  // an interpolation: tokens up to the matching '}'
      int depth = 1;
      std::uint32_t j = i + 1;
      while (depth > 0 && j < n) {
        auto [b, e] = next_token(text, j);
        if (b >= n) return n;
        if (text[b] == '{') ++depth;
        if (text[b] == '}') --depth;
        j = e;
      }
      i = j;
    } else {
      ++i;
    }
  }
  return std::min(n, i + 1);
}

// A comment alone on its source line (only white space before it).
bool own_line(std::string_view text, std::uint32_t at) {
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  return at == 0 || text[at - 1] == '\n';
}

// The source line after the comment ending at `end` is blank.
bool blank_after(std::string_view text, std::uint32_t end) {
  auto nl = text.find('\n', end);
  if (nl == std::string_view::npos) return false;
  for (auto i = nl + 1; i < text.size(); ++i) {
    if (text[i] == '\n') return true;
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  }
  return false;
}

}  // namespace

std::pair<std::uint32_t, std::uint32_t> next_token(std::string_view text, std::uint32_t at) {
  const auto n = static_cast<std::uint32_t>(text.size());
  while (at < n) {
    const char c = text[at];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++at;
    } else if (c == '#') {
      while (at < n && text[at] != '\n') ++at;
    } else {
      break;
    }
  }
  if (at >= n) return {n, n};
  if (text[at] == '"') return {at, string_end(text, at)};
  std::uint32_t end = at + 1;
  if (ident_char(text[at]))
    while (end < n && ident_char(text[end])) ++end;
  return {at, end};
}

std::string render(const Lines& in, const ast::Ruleset& rs, const SourceFile& file) {
  const std::string_view text = file.text();
  Lines lines = in;
  Line eof;  // where comments after the last line go
  eof.item_start = eof.top = true;
  lines.push_back(eof);

  // Ranges must increase for the search below; a line out of order (none
  // should be) simply takes no comment.
  std::vector<std::size_t> coded;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (!lines[i].has_range) continue;
    if (!coded.empty() && lines[i].b <= lines[coded.back()].b) {
      lines[i].has_range = false;
      continue;
    }
    coded.push_back(i);
  }

  std::vector<std::vector<const ast::Comment*>> before(lines.size());
  std::vector<const ast::Comment*> trailing(lines.size(), nullptr);
  for (const auto& c : rs.comments) {
    const auto at = c.span.begin;
    auto it = std::partition_point(coded.begin(), coded.end(), [&](std::size_t i) { return lines[i].b < at; });
    if (it == coded.begin()) {  // before the first token: the file's leading comments
      before[coded.empty() ? lines.size() - 1 : coded.front()].push_back(&c);
      continue;
    }
    const std::size_t l = *std::prev(it);
    const bool inside = at < lines[l].e;
    if ((inside || !own_line(text, at)) && !trailing[l]) {
      trailing[l] = &c;
    } else {
      std::size_t next = l + 1;
      while (next + 1 < lines.size() && lines[next].blank) ++next;
      before[next].push_back(&c);
    }
  }

  std::string out;
  bool at_blank = true;  // at the start of the file or after a blank line
  auto blank = [&] {
    if (!at_blank) out += '\n';
    at_blank = true;
  };
  auto emit = [&](std::size_t indent, const std::string& s) {
    out.append(indent, ' ');
    out += s;
    out += '\n';
    at_blank = false;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (!before[i].empty() && line.top) blank();
    for (const auto* c : before[i]) {
      emit(line.comment_indent, "#" + c->text);
      if (line.item_start && blank_after(text, c->span.end)) blank();
    }
    if (line.blank) {
      blank();
    } else if (i + 1 < lines.size()) {
      emit(line.indent, line.text + (trailing[i] ? "  #" + trailing[i]->text : ""));
    }
  }
  while (out.size() >= 2 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace kijun::format::detail
