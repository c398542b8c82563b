// The canonical layout of a ruleset test file (*.kijun-test). Test files are
// mostly JSON the author lays out to be read, so the layout is kept line by
// line; what is made canonical is the white space around the lines: each line
// indented two spaces per open `{` or `[` (a line that starts by closing one
// is indented as its opening line), no trailing spaces, LF line ends, at most
// one blank line in a row, none at the start or the end, no byte order mark.
// Strings cannot span lines, so none of this touches a value.
#include <string_view>

#include "grammar/test_parse.hpp"
#include "interpreter/format/format.hpp"

namespace kijun::format {

namespace {

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// How the line changes the nesting depth, strings and comments skipped.
int depth_change(std::string_view line) {
  int d = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      break;
    } else if (c == '{' || c == '[') {
      ++d;
    } else if (c == '}' || c == ']') {
      --d;
    }
  }
  return d;
}

std::string layout(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string out;
  int depth = 0;
  bool blank_pending = false;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view raw = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    const std::string_view line = trim(raw);
    if (line.empty()) {
      blank_pending = !out.empty();
      continue;
    }
    if (blank_pending) out += '\n';
    blank_pending = false;
    int closing = 0;  // the closers the line starts with
    while (closing < static_cast<int>(line.size()) && (line[closing] == '}' || line[closing] == ']')) ++closing;
    const int indent = std::max(0, depth - closing);
    out.append(2 * static_cast<std::size_t>(indent), ' ');
    out += line;
    out += '\n';
    depth = std::max(0, depth + depth_change(line));
  }
  return out;
}

// The lines that carry something, without their surrounding white space:
// what the layout may not change.
std::vector<std::string_view> content(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const auto line = trim(text.substr(0, nl));
    if (!line.empty()) lines.push_back(line);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
  return lines;
}

}  // namespace

bool is_test_file(std::string_view path) { return path.ends_with(".kijun-test"); }

Result format_test_source(const SourceFile& file) {
  Result r;
  auto parsed = grammar::parse_test_file(file);
  if (!parsed.file) {
    r.status = Result::syntax_error;
    r.diagnostics = std::move(parsed.diagnostics);
    return r;
  }
  r.text = layout(file.text());
  SourceFile again(file.id(), file.path(), r.text);
  if (!grammar::parse_test_file(again).file || content(r.text) != content(file.text())) {
    r.status = Result::internal;
    r.error = "the formatted test file would not read the same";
    r.text.clear();
  }
  return r;
}

}  // namespace kijun::format
