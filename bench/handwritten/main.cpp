// kijun_handwritten — the jsprs full standard written by hand in C++: the speed
// limit `kijun eval` is measured against (issue 7) and a second, independent
// implementation its verdicts are checked against (kijun_bench_agree).
//
//   kijun_handwritten COHORT.jsonl > verdicts.jsonl     one applicant per line
//   kijun_handwritten APPLICANT.json > verdict.jsonl    one (pretty-printed) applicant
//   kijun_gen_cohort ... | kijun_handwritten -             JSON Lines on stdin
//
// Prints one compact JSON verdict per applicant, in input order, with the members
// `kijun eval --format json` prints for the full standard (see bench/README.md).
// Applicants of renewal years before 2020 (the transition years) are refused.
// Exit: 0 ok, 2 usage, 3 some applicant was refused (reported on stderr with its
// line; the others are still evaluated), 4 I/O error.
//
// The input is read in large blocks straight into one buffer, and each line is
// handed to simdjson in place (the block keeps simdjson's 64 bytes of padding
// readable after its end), so nothing is copied per applicant.
#include <fcntl.h>
#include <simdjson.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "bench/handwritten/applicant.hpp"

namespace {

constexpr std::size_t block = std::size_t{1} << 20;
constexpr std::size_t flush_at = std::size_t{1} << 20;

struct Run {
  handwritten::Reader reader;
  handwritten::Applicant applicant;
  std::string out;
  std::size_t line = 0;
  bool refused = false;
  bool write_failed = false;

  void flush() {
    if (!out.empty() && std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) write_failed = true;
    out.clear();
  }

  // One applicant's text, with at least `capacity - length` readable bytes after it.
  void applicant_text(const char* text, std::size_t length, std::size_t capacity) {
    std::string_view s(text, length);
    if (s.find_first_not_of(" \t\r\n") == std::string_view::npos) return;  // a blank line
    std::string error = reader.read(text, length, capacity, applicant);
    if (!error.empty()) {
      std::fprintf(stderr, "kijun_handwritten: line %zu%s%s: %s\n", line, applicant.id.empty() ? "" : ", id ",
                   applicant.id.c_str(), error.c_str());
      refused = true;
      return;
    }
    handwritten::append_verdict(applicant, out);
    if (out.size() >= flush_at) flush();
  }
};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 || (argv[1][0] == '-' && argv[1][1] != '\0')) {
    std::fprintf(stderr, "usage: kijun_handwritten COHORT.jsonl | APPLICANT.json | -\n");
    return 2;
  }
  const char* path = argv[1];
  int fd = std::strcmp(path, "-") == 0 ? STDIN_FILENO : ::open(path, O_RDONLY);
  if (fd < 0) {
    std::fprintf(stderr, "kijun_handwritten: %s: %s\n", path, std::strerror(errno));
    return 4;
  }
  Run run;
  run.out.reserve(flush_at + 64 * 1024);
  const bool whole = ends_with(path, ".json");  // one document, possibly over many lines

  std::size_t capacity = block;
  std::unique_ptr<char[]> buf(new char[capacity + simdjson::SIMDJSON_PADDING]);
  std::size_t start = 0, filled = 0;
  bool eof = false;
  while (true) {
    // Hand over every complete line in the buffer.
    if (!whole) {
      while (const void* nl = std::memchr(buf.get() + start, '\n', filled - start)) {
        const char* end = static_cast<const char*>(nl);
        ++run.line;
        run.applicant_text(buf.get() + start, static_cast<std::size_t>(end - (buf.get() + start)),
                           capacity + simdjson::SIMDJSON_PADDING - start);
        start = static_cast<std::size_t>(end - buf.get()) + 1;
      }
    }
    if (eof) {
      if (start < filled) {
        ++run.line;
        run.applicant_text(buf.get() + start, filled - start, capacity + simdjson::SIMDJSON_PADDING - start);
      }
      break;
    }
    // Keep the incomplete last line, growing the buffer for a line longer than a block.
    std::memmove(buf.get(), buf.get() + start, filled - start);
    filled -= start;
    start = 0;
    if (filled == capacity) {
      std::unique_ptr<char[]> bigger(new char[2 * capacity + simdjson::SIMDJSON_PADDING]);
      std::memcpy(bigger.get(), buf.get(), filled);
      buf = std::move(bigger);
      capacity *= 2;
    }
    ssize_t got = ::read(fd, buf.get() + filled, capacity - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      std::fprintf(stderr, "kijun_handwritten: %s: %s\n", path, std::strerror(errno));
      return 4;
    }
    if (got == 0) eof = true;
    filled += static_cast<std::size_t>(got);
    std::memset(buf.get() + filled, ' ', simdjson::SIMDJSON_PADDING);  // the padding is never uninitialised
  }
  ::close(fd);
  run.flush();
  if (std::fflush(stdout) != 0 || run.write_failed) {
    std::fprintf(stderr, "kijun_handwritten: writing the verdicts failed\n");
    return 4;
  }
  return run.refused ? 3 : 0;
}
