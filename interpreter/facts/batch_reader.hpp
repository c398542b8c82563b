// A JSON Lines cohort read in batches of whole lines, for evaluation on
// several threads: each batch owns its text, so a worker can read it while
// the next one is filled. Each line is followed by `input_padding` zero bytes,
// so the FactsReader can parse it where it lies (read_padded). Memory is one
// read chunk plus the batches in flight, whatever the cohort's size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/facts/facts_reader.hpp"

namespace kijun::facts {

// Zero bytes after each line in a Batch (≥ simdjson's SIMDJSON_PADDING,
// checked where simdjson is seen).
inline constexpr std::size_t input_padding = 64;

struct Batch {
  struct Line {
    std::size_t offset;    // into text
    std::size_t size;      // without terminator, \r and (line 1) byte order mark
    std::size_t number;    // 1-based line number in the input
    std::size_t consumed;  // input bytes up to and including this line's \n, blank lines before it included
  };
  std::vector<char> text;
  std::vector<Line> lines;

  std::string_view line(std::size_t i) const { return {text.data() + lines[i].offset, lines[i].size}; }
  void clear() {
    text.clear();
    lines.clear();
  }
};

// \n or \r\n ends a line (the last one may have neither), a byte order mark
// before line 1 is dropped, and blank lines (only spaces, tabs and \r) are
// skipped: they separate nothing, but they are counted in the line numbers. A line longer than `max_line` + 2
// bytes is returned cut there (the FactsReader then refuses it by its size)
// and the rest is read past, so a line of any length costs bounded memory.
class BatchReader {
 public:
  // path "-" is standard input. Check ok() after construction.
  explicit BatchReader(const std::string& path, std::size_t max_line = FactsReader::max_bytes);
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  bool ok() const { return fd_ >= 0; }
  // Set after a read error (next() then returns false); the lines before it
  // were all returned.
  const std::string& error() const { return error_; }
  // Replaces `b`'s content with the next lines: at least one, and no more
  // than one read of the input holds unless a line is longer. false at the
  // end of the input or after an error (see error()).
  bool next(Batch& b);

  // A batch stops growing at this many bytes or lines.
  std::size_t max_batch_bytes = 1 << 20;
  std::size_t max_batch_lines = 256;

 private:
  bool fill();  // reads more input after the unread part; false at the end or on an error

  int fd_ = -1;
  bool owned_ = false;
  bool eof_ = false;
  bool skipping_ = false;  // reading past the rest of a line that was cut
  std::size_t max_line_;
  std::string name_;  // for messages
  std::vector<char> chunk_;
  std::size_t begin_ = 0, end_ = 0;  // unread input: chunk_[begin_, end_)
  std::size_t line_no_ = 0;
  std::size_t pending_consumed_ = 0;  // bytes of blank lines not yet counted to a line
  std::string error_;
};

}  // namespace kijun::facts
