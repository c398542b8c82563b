// Line-at-a-time input for JSON Lines cohorts, with POSIX getline so that a
// line of any length (or with stray NUL bytes) is read whole.
#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "interpreter/facts/facts_reader.hpp"

namespace kijun::facts {
namespace {

// getline's buffer. One per thread, because the header keeps LineReader's
// layout fixed; each line is copied out before the next call, so readers on
// the same thread can share it.
struct LineBuffer {
  char* data = nullptr;
  std::size_t capacity = 0;
  ~LineBuffer() { std::free(data); }
};
thread_local LineBuffer line_buffer;

}  // namespace

LineReader::LineReader(const std::string& path) {
  if (path == "-") {
    file_ = stdin;
    return;
  }
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

LineReader::~LineReader() {
  if (owned_ && file_) std::fclose(file_);
}

bool LineReader::next(std::string& line) {
  line.clear();
  if (!file_) return false;
  errno = 0;
  ssize_t n = getline(&line_buffer.data, &line_buffer.capacity, file_);
  if (n < 0) {
    if (std::ferror(file_)) {
      error_ = std::string("read error after line ") + std::to_string(line_no_) + ": " +
               std::strerror(errno != 0 ? errno : EIO);
      std::clearerr(file_);
    }
    return false;
  }
  auto len = static_cast<std::size_t>(n);
  if (len > 0 && line_buffer.data[len - 1] == '\n') --len;
  if (len > 0 && line_buffer.data[len - 1] == '\r') --len;
  std::size_t start = 0;
  // A byte order mark, as some Windows editors write, is not part of line 1.
  if (line_no_ == 0 && len >= 3 && std::memcmp(line_buffer.data, "\xEF\xBB\xBF", 3) == 0) start = 3;
  line.assign(line_buffer.data + start, len - start);
  ++line_no_;
  return true;
}

}  // namespace kijun::facts
