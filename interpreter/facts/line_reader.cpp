// Line-at-a-time input for JSON Lines cohorts: blocks read with read(2) (so
// standard input streams a line as soon as it arrives) and split with memchr.
// A line is kept only up to the limit: a cohort line of any length (or with
// stray NUL bytes) costs bounded memory.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "interpreter/facts/facts_reader.hpp"

namespace kijun::facts {
namespace {

constexpr std::size_t block_size = 64 * 1024;

}  // namespace

LineReader::LineReader(const std::string& path, std::size_t max_line) : max_line_(max_line) {
  if (path == "-") {
    file_ = stdin;
  } else {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
      error_ = "cannot open '" + path + "': " + std::strerror(errno);
      return;
    }
    // fopen succeeds on a directory and the first read fails with EISDIR;
    // refuse it here, with the same wording as other open failures.
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
      std::fclose(f);
      error_ = "cannot open '" + path + "': " + std::strerror(EISDIR);
      return;
    }
    file_ = f;
    owned_ = true;
  }
  buffer_ = std::make_unique<char[]>(block_size);
}

LineReader::~LineReader() {
  if (owned_ && file_) std::fclose(file_);
}

// Reads the next block; false at the end of the input or on an error.
bool LineReader::fill() {
  if (at_end_) return false;
  for (;;) {
    ssize_t n = ::read(fileno(file_), buffer_.get(), block_size);
    if (n > 0) {
      begin_ = 0;
      end_ = static_cast<std::size_t>(n);
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      error_ = std::string("read error after line ") + std::to_string(line_no_) + ": " + std::strerror(errno);
    at_end_ = true;
    return false;
  }
}

bool LineReader::next(std::string& line) {
  line.clear();
  if (!file_) return false;
  // Room for a line at the limit and its \r; a longer one is cut to this.
  const std::size_t keep = max_line_ + 2;
  bool any = false, cut = false;
  for (;;) {
    if (begin_ == end_ && !fill()) break;
    any = true;
    const char* from = buffer_.get() + begin_;
    const std::size_t avail = end_ - begin_;
    const auto* nl = static_cast<const char*>(std::memchr(from, '\n', avail));
    const std::size_t take = nl ? static_cast<std::size_t>(nl - from) : avail;
    if (line.size() + take > keep) cut = true;
    if (line.size() < keep) line.append(from, std::min(take, keep - line.size()));
    begin_ += take;
    if (nl) {
      ++begin_;
      break;
    }
  }
  if (!any) return false;
  if (!cut && !line.empty() && line.back() == '\r') line.pop_back();
  // A byte order mark, as some Windows editors write, is not part of line 1.
  if (line_no_ == 0 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  ++line_no_;
  return true;
}

}  // namespace kijun::facts
