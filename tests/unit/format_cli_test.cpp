// `kijun fmt` end to end: rewriting in place, --check, --stdout, stdin,
// files with syntax errors, and the atomic write (a failed write leaves the
// original untouched and no temporary file behind).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/unit/jsprs_support.hpp"

namespace {

namespace fs = std::filesystem;
using kijun::testing::read_text;

const std::string root = KIJUN_SOURCE_DIR;

struct Run {
  int code = -1;
  std::string out, err;
};

// A fresh directory for one test, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("kijun-fmt-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Runs a shell command line; stdout and stderr are captured in files next
// to `dir` (which may be read-only).
Run sh(const TempDir& dir, const std::string& command) {
  const std::string out = dir.path.string() + ".out", err = dir.path.string() + ".err";
  const int status = std::system((command + " >'" + out + "' 2>'" + err + "'").c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_text(out);
  r.err = read_text(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}
Run run_kijun(const TempDir& dir, const std::string& args) { return sh(dir, std::string("'") + KIJUN_BINARY + "' " + args); }

std::vector<std::string> listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

const std::string messy = read_text(root + "/tests/golden/fmt/comments.kijun");
const std::string formatted = read_text(root + "/tests/golden/fmt/comments.fmt");

}  // namespace

TEST_CASE("kijun fmt: rewrites files, --check lists them, --stdout prints", "[fmt][cli]") {
  TempDir d;
  write(d / "a.kijun", messy);
  write(d / "sub/b.kijun", formatted);
  write(d / ".hidden/c.kijun", messy);  // hidden directories are skipped
  write(d / "notes.txt", messy);        // so are other files
  ::chmod((d / "a.kijun").c_str(), 0640);

  auto r = run_kijun(d, "fmt --check '" + d.path.string() + "'");
  CHECK(r.code == 1);
  CHECK(r.out == d / "a.kijun" + "\n");
  CHECK(read_text(d / "a.kijun") == messy);

  r = run_kijun(d, "fmt --stdout '" + (d / "a.kijun") + "'");
  CHECK(r.code == 0);
  CHECK(r.out == formatted);
  CHECK(read_text(d / "a.kijun") == messy);

  r = run_kijun(d, "fmt - < '" + (d / "a.kijun") + "'");
  CHECK(r.code == 0);
  CHECK(r.out == formatted);

  r = run_kijun(d, "fmt '" + d.path.string() + "'");
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(r.err.empty());
  CHECK(read_text(d / "a.kijun") == formatted);
  CHECK(read_text(d / "sub/b.kijun") == formatted);
  CHECK(read_text(d / ".hidden/c.kijun") == messy);
  CHECK(read_text(d / "notes.txt") == messy);
  struct stat st {};
  REQUIRE(::stat((d / "a.kijun").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);  // the permissions survive the rename
  CHECK(listing(d.path.string()) == std::vector<std::string>{".hidden", "a.kijun", "notes.txt", "sub"});

  r = run_kijun(d, "fmt --check '" + d.path.string() + "' '" + (d / "sub/b.kijun") + "'");
  CHECK(r.code == 0);
  CHECK(r.out.empty());

  // A symbolic link: the file it points to is rewritten, the link stays a link.
  write(d / "real.kijun", messy);
  fs::create_symlink(d / "real.kijun", d / "link.kijun");
  r = run_kijun(d, "fmt '" + (d / "link.kijun") + "'");
  CHECK(r.code == 0);
  CHECK(fs::is_symlink(d / "link.kijun"));
  CHECK(read_text(d / "real.kijun") == formatted);

  CHECK(run_kijun(d, "fmt --check --stdout '" + (d / "a.kijun") + "'").code == 2);
  CHECK(run_kijun(d, "fmt").code == 2);
}

TEST_CASE("kijun fmt: a file with syntax errors is left untouched", "[fmt][cli]") {
  TempDir d;
  const std::string bad = "ruleset t\nlet x = (1 +\n";
  write(d / "bad.kijun", bad);
  write(d / "good.kijun", messy);
  auto r = run_kijun(d, "fmt '" + (d / "bad.kijun") + "' '" + (d / "good.kijun") + "'");
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.kijun:3:1: error:") != std::string::npos);
  CHECK(read_text(d / "bad.kijun") == bad);
  CHECK(read_text(d / "good.kijun") == formatted);  // the other files are still formatted

  r = run_kijun(d, "fmt --check '" + (d / "bad.kijun") + "'");
  CHECK(r.code == 1);
  CHECK(r.out.empty());
}

TEST_CASE("kijun fmt: paths that are not there", "[fmt][cli]") {
  TempDir d;
  auto r = run_kijun(d, "fmt '" + (d / "missing.kijun") + "'");
  CHECK(r.code == 4);
  CHECK(r.err.find("cannot open") != std::string::npos);
  fs::create_directories(d / "empty");
  r = run_kijun(d, "fmt '" + (d / "empty") + "'");
  CHECK(r.code == 2);
  CHECK(r.err.find("no ruleset") != std::string::npos);
}

TEST_CASE("kijun fmt: a failed write leaves the original untouched and no temporary file", "[fmt][cli]") {
  TempDir d;
  write(d / "a.kijun", messy);
  // A file size limit of 0 makes every write fail (EFBIG) once the
  // temporary file exists: the failure comes half-way, even for root.
  // (Its messages go through a pipe: the limit would stop them too.)
  auto r = sh(d, "bash -c \"set -o pipefail; (ulimit -f 0; exec '" + std::string(KIJUN_BINARY) + "' fmt '" +
                     (d / "a.kijun") + "') 2>&1 | cat\"");
  CHECK(r.code == 4);
  CHECK(r.out.find("cannot rewrite") != std::string::npos);
  CHECK(r.out.find("file left unchanged") != std::string::npos);
  CHECK(read_text(d / "a.kijun") == messy);
  CHECK(listing(d.path.string()) == std::vector<std::string>{"a.kijun"});

  if (::geteuid() != 0) {  // root writes into read-only directories
    ::chmod(d.path.c_str(), 0555);
    r = run_kijun(d, "fmt '" + (d / "a.kijun") + "' 2>&1");
    ::chmod(d.path.c_str(), 0755);
    CHECK(r.code == 4);
    CHECK(read_text(d / "a.kijun") == messy);
    CHECK(listing(d.path.string()) == std::vector<std::string>{"a.kijun"});
  }
}
