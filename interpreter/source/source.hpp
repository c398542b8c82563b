// Source files and spans. A span is a byte range in one file; line and column
// are computed only when a diagnostic is rendered (PEGTL counts bytes, but the
// rulesets are full of Japanese, so the column a reader sees is different).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kijun {

using FileId = std::uint16_t;

struct Span {
  FileId file = 0;
  std::uint32_t begin = 0;  // byte offset, inclusive
  std::uint32_t end = 0;    // byte offset, exclusive
};

struct LineCol {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, counted in code points
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  FileId id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  LineCol locate(std::uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_start(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Owns every source file of a run; FileId indexes into it.
class SourceMap {
 public:
  const SourceFile& add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// The code point of the UTF-8 sequence at s[i] and its length, or 0 when the
// bytes there are not valid UTF-8 (overlong forms and surrogates included).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

// Display width of UTF-8 text in terminal columns: East Asian wide and
// full-width characters count 2, combining marks 0, everything else 1.
std::size_t display_width(std::string_view utf8);

}  // namespace kijun
