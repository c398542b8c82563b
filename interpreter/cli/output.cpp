#include <cerrno>
#include <cstdio>
#include <cstring>

#include "interpreter/cli/cli.hpp"

namespace kijun::cli {

namespace {
// Why the first write to stdout failed (0: none has).
int stdout_errno = 0;
}  // namespace

bool write_out(const std::string& s) {
  if (std::fwrite(s.data(), 1, s.size(), stdout) == s.size()) return true;
  if (stdout_errno == 0) stdout_errno = errno != 0 ? errno : EIO;
  return false;
}

bool finish_output(const char* what) {
  errno = 0;
  if (std::fflush(stdout) != 0 && stdout_errno == 0) stdout_errno = errno != 0 ? errno : EIO;
  if (std::ferror(stdout) && stdout_errno == 0) stdout_errno = EIO;
  if (stdout_errno == 0) return true;
  // A closed pipe is the reader's choice (`kijun eval … | head`): no message,
  // only the exit code.
  if (stdout_errno != EPIPE)
    std::fprintf(stderr, "error: cannot write %s: %s\n", what, std::strerror(stdout_errno));
  return false;
}

void print_diagnostics(const Diagnostics& ds, const SourceMap& sources, bool json) {
  for (const auto& d : ds) {
    std::string s = json ? render_json(d, sources) + "\n" : render(d, sources);
    std::fwrite(s.data(), 1, s.size(), stderr);
  }
}

Lang parse_lang(const std::string& s) { return s == "en" ? Lang::en : Lang::ja; }

}  // namespace kijun::cli
