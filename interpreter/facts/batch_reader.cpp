// Batches of whole lines from a file or standard input, read with read(2) in
// large chunks: one copy per line (chunk to batch) where getline and the
// FactsReader's padded buffer made three.
#include "interpreter/facts/batch_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kijun::facts {

namespace {
constexpr std::size_t chunk_size = 1 << 20;
}

BatchReader::BatchReader(const std::string& path, std::size_t max_line)
    : max_line_(max_line), name_(path == "-" ? "<stdin>" : path) {
  if (path == "-") {
    fd_ = STDIN_FILENO;
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error_ = "cannot open '" + path + "': " + std::strerror(errno);
      return;
    }
    // open succeeds on a directory and the first read fails with EISDIR;
    // refuse it here, with the same wording as other open failures.
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      error_ = "cannot open '" + path + "': " + std::strerror(EISDIR);
      return;
    }
    fd_ = fd;
    owned_ = true;
  }
  chunk_.resize(chunk_size);
}

BatchReader::~BatchReader() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

bool BatchReader::fill() {
  if (begin_ > 0) {  // keep the unread part (a partial line) at the front
    std::memmove(chunk_.data(), chunk_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (skipping_) end_ = 0;  // nothing of a cut line's rest is kept
  if (end_ == chunk_.size()) chunk_.resize(chunk_.size() * 2);  // a line longer than the chunk
  for (;;) {
    ssize_t n = ::read(fd_, chunk_.data() + end_, chunk_.size() - end_);
    if (n > 0) {
      end_ += static_cast<std::size_t>(n);
      return true;
    }
    if (n == 0) {
      eof_ = true;
      return false;
    }
    if (errno == EINTR) continue;
    error_ = "cannot read '" + name_ + "' after line " + std::to_string(line_no_) + ": " + std::strerror(errno);
    return false;
  }
}

bool BatchReader::next(Batch& b) {
  b.clear();
  if (fd_ < 0 || !error_.empty()) return false;
  // Room for a line at the limit and its \r; a longer one is cut to this.
  const std::size_t keep = max_line_ + 2;
  for (;;) {
    if (skipping_ && begin_ < end_) {  // the rest of a line that was cut
      const void* nl = std::memchr(chunk_.data() + begin_, '\n', end_ - begin_);
      std::size_t to = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - chunk_.data()) + 1 : end_;
      pending_consumed_ += to - begin_;
      begin_ = to;
      skipping_ = !nl;
    }
    while (!skipping_ && b.lines.size() < max_batch_lines && b.text.size() < max_batch_bytes && begin_ < end_) {
      const char* p = chunk_.data() + begin_;
      const std::size_t avail = end_ - begin_;
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', avail));
      std::size_t len = nl ? static_cast<std::size_t>(nl - p) : avail;
      if (!nl && !eof_ && len <= keep) break;  // the line goes on in the next read
      const bool cut = len > keep;
      std::size_t advance = nl ? len + 1 : avail;
      if (cut) {
        len = keep;
        skipping_ = !nl && !eof_;
      }
      begin_ += advance;
      ++line_no_;
      if (!cut && len > 0 && p[len - 1] == '\r') --len;
      std::size_t start = 0;
      // A byte order mark, as some Windows editors write, is not part of line 1.
      if (line_no_ == 1 && len >= 3 && std::memcmp(p, "\xEF\xBB\xBF", 3) == 0) start = 3;
      std::size_t i = start;
      while (i < len && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r')) ++i;
      pending_consumed_ += advance;
      if (i == len) continue;  // blank
      Batch::Line line{b.text.size(), len - start, line_no_, pending_consumed_};
      pending_consumed_ = 0;
      b.text.insert(b.text.end(), p + start, p + len);
      b.text.insert(b.text.end(), input_padding, '\0');
      b.lines.push_back(line);
    }
    if (!b.lines.empty()) return true;
    if (eof_ || !fill()) {
      if (!error_.empty() || begin_ == end_) return false;
    }
  }
}

}  // namespace kijun::facts
