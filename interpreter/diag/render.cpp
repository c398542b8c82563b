// The one renderer of diagnostics: compiler-style text with a source snippet
// and carets, and a compact JSON object for --format=json. No colour, so the
// golden files can compare the text exactly.
//
// Snippet conventions (the tests pin them):
//  * the line number is right-aligned in a 5-column gutter, then " | ";
//  * tabs and other ASCII control characters in the source line are shown as
//    one space each, so a byte still maps to at most one column and the caret
//    padding stays simple; a CR before the line end is not shown;
//  * invalid UTF-8 bytes are shown as U+FFFD, one column each, as
//    display_width counts them; a byte-order mark (U+FEFF) is not shown;
//  * carets underline the span's display width (two under a wide character);
//    a span running past its first line is underlined to the end of that line;
//    an empty span, or one with no visible width, gets one caret.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/diag/diagnostic.hpp"

namespace kijun {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The file a span points into, or null if the span is absent or its file id
// is unknown (a bug elsewhere should not turn into a crash here).
const SourceFile* file_of(const std::optional<Span>& span, const SourceMap& sources) {
  if (!span || span->file >= sources.size()) return nullptr;
  return &sources.file(span->file);
}

// Source text made safe to print: see the conventions above.
std::string printable(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(raw, i, cp);
    if (len == 0) {
      out += kReplacement;
      i += 1;
    } else {
      if (cp < 0x20 || cp == 0x7F)
        out += ' ';
      else if (cp == 0xFEFF)  // a byte-order mark: invisible, no column
        ;
      else
        out.append(raw.substr(i, len));
      i += len;
    }
  }
  return out;
}

// "   12 | text" and "      | ^^^" for the first line of the span.
void append_snippet(std::string& out, const SourceFile& file, const Span& span) {
  const auto size = static_cast<std::uint32_t>(file.text().size());
  const std::uint32_t begin = std::min(span.begin, size);
  const std::uint32_t end = std::clamp(span.end, begin, size);
  const std::uint32_t line = file.locate(begin).line;
  const std::string_view text = file.line_text(line);
  const std::uint32_t start = file.line_start(line);
  // Offsets into the line; begin may sit on the CR/LF that line_text drops.
  const std::size_t b = std::min<std::size_t>(begin - start, text.size());
  const std::size_t e = std::min<std::size_t>(end - start, text.size());

  const std::string before = printable(text.substr(0, b));
  const std::string spanned = printable(text.substr(b, e - b));
  const std::string after = printable(text.substr(e));
  const std::string number = std::to_string(line);
  const std::size_t gutter = std::max<std::size_t>(5, number.size());

  out += fmt::format("{:>{}} |", number, gutter);
  // No trailing blank after the bar on an empty line: editors strip it from
  // golden files.
  if (!text.empty()) out += fmt::format(" {}{}{}", before, spanned, after);
  out += '\n';
  const std::size_t carets = std::max<std::size_t>(1, display_width(spanned));
  out += std::string(gutter, ' ') + " | " + std::string(display_width(before), ' ');
  out += std::string(carets, '^') + '\n';
}

// "path:line:col" for a span, or the diagnostic's own location.
std::string where(const SourceFile* file, const std::optional<Span>& span,
                  const std::string& location) {
  if (!file) return location;
  LineCol lc = file->locate(span->begin);
  return fmt::format("{}:{}:{}", file->path(), lc.line, lc.column);
}

void append_joined(std::string& out, std::string_view part) {
  if (part.empty()) return;
  if (!out.empty()) out += ": ";
  out += part;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(s, i, cp);
    if (len == 0) {  // keep the output valid JSON whatever the input
      out += "\\ufffd";
      i += 1;
      continue;
    }
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
        else
          out.append(s.substr(i, len));
    }
    i += len;
  }
  out += '"';
}

// Appends ,"key":"value" (or "key":"value" first); empty values are omitted.
void json_member(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  if (out.size() > 1) out += ',';
  append_json_string(out, key);
  out += ':';
  append_json_string(out, value);
}

void json_member(std::string& out, std::string_view key, std::uint32_t value) {
  if (out.size() > 1) out += ',';
  append_json_string(out, key);
  out += fmt::format(":{}", value);
}

// "file","line","column","end_line","end_column" of a span; end is exclusive.
void json_span(std::string& out, const SourceFile& file, const Span& span) {
  LineCol b = file.locate(span.begin);
  LineCol e = file.locate(std::max(span.begin, span.end));
  json_member(out, "file", file.path());
  json_member(out, "line", b.line);
  json_member(out, "column", b.column);
  json_member(out, "end_line", e.line);
  json_member(out, "end_column", e.column);
}

}  // namespace

std::string render(const Diagnostic& d, const SourceMap& sources) {
  std::string out;
  const SourceFile* file = file_of(d.span, sources);
  append_joined(out, where(file, d.span, d.location));
  append_joined(out, to_string(d.severity));
  append_joined(out, d.subject);
  append_joined(out, d.json_path);
  append_joined(out, d.message);
  out += '\n';
  if (file) append_snippet(out, *file, *d.span);

  for (const auto& note : d.notes) {
    const SourceFile* note_file = file_of(note.span, sources);
    std::string head = where(note_file, note.span, "");
    append_joined(head, "note");
    append_joined(head, note.message);
    out += head;
    out += '\n';
    if (note_file) append_snippet(out, *note_file, *note.span);
  }
  if (!d.hint.empty()) out += fmt::format("hint: {}\n", d.hint);
  return out;
}

std::string render_all(const Diagnostics& ds, const SourceMap& sources) {
  std::string out;
  for (const auto& d : ds) out += render(d, sources);
  return out;
}

std::string render_json(const Diagnostic& d, const SourceMap& sources) {
  std::string out = "{";
  json_member(out, "severity", to_string(d.severity));
  if (const SourceFile* file = file_of(d.span, sources)) json_span(out, *file, *d.span);
  json_member(out, "location", d.location);
  json_member(out, "subject", d.subject);
  json_member(out, "path", d.json_path);
  // Always present, even if empty: consumers key on it.
  if (out.size() > 1) out += ',';
  out += "\"message\":";
  append_json_string(out, d.message);
  json_member(out, "hint", d.hint);
  // Notes are not in the header's member list; they are added only when
  // present, so a consumer that ignores them sees the documented object.
  if (!d.notes.empty()) {
    out += ",\"notes\":[";
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
      const auto& note = d.notes[i];
      std::string obj = "{";
      if (const SourceFile* file = file_of(note.span, sources)) json_span(obj, *file, *note.span);
      json_member(obj, "message", note.message);
      obj += '}';
      if (i > 0) out += ',';
      out += obj;
    }
    out += ']';
  }
  out += '}';
  return out;
}

}  // namespace kijun
