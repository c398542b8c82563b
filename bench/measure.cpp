// kijun_bench_measure — run a command and record its wall time, CPU time and peak
// memory, so that bench/run.sh needs nothing beyond the build (no GNU time).
//
//   kijun_bench_measure -o FILE -- COMMAND [ARGS...]
//
// Appends one line to FILE: "WALL_S USER_S SYS_S MAXRSS_KIB STATUS" — wall seconds
// (monotonic clock around fork/exec/wait), user and system CPU seconds and the peak
// resident set size of the command (wait4's rusage: ru_maxrss, KiB on Linux), and its
// exit status (128 + signal when killed). The command inherits stdin, stdout and
// stderr. Exits with the command's status; 127 when it cannot be started.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace {

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; }

double now() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const char* out = nullptr;
  int i = 1;
  if (i + 1 < argc && std::strcmp(argv[i], "-o") == 0) out = argv[i + 1], i += 2;
  if (i < argc && std::strcmp(argv[i], "--") == 0) ++i;
  if (!out || i >= argc) {
    std::fprintf(stderr, "usage: kijun_bench_measure -o FILE -- COMMAND [ARGS...]\n");
    return 2;
  }
  std::FILE* f = std::fopen(out, "a");
  if (!f) {
    std::fprintf(stderr, "kijun_bench_measure: cannot write %s: %s\n", out, std::strerror(errno));
    return 2;
  }
  const double start = now();
  pid_t pid = fork();
  if (pid < 0) {
    std::fprintf(stderr, "kijun_bench_measure: fork: %s\n", std::strerror(errno));
    return 127;
  }
  if (pid == 0) {
    execvp(argv[i], argv + i);
    std::fprintf(stderr, "kijun_bench_measure: cannot run %s: %s\n", argv[i], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  while (wait4(pid, &status, 0, &ru) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "kijun_bench_measure: wait4: %s\n", std::strerror(errno));
      return 127;
    }
  }
  const double wall = now() - start;
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::fprintf(f, "%.6f %.6f %.6f %ld %d\n", wall, seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss, code);
  if (std::fclose(f) != 0) return 2;
  return code;
}
