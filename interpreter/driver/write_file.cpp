// Writing a file so that a reader (or a crash) sees the old text or the new,
// never a part: used by `kijun fmt` and by `kijun test --accept`.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "interpreter/driver/pipeline.hpp"

namespace kijun::driver {

namespace fs = std::filesystem;

namespace {
std::string why() { return std::strerror(errno); }
}  // namespace

bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
  std::error_code ec;
  // Through a symbolic link: the file it points to is rewritten, the link stays.
  // A missing file is created: only a link's target needs resolving.
  fs::path target = fs::is_symlink(fs::symlink_status(path, ec)) ? fs::canonical(path, ec) : fs::path(path);
  if (ec && ec != std::errc::no_such_file_or_directory) {
    error = ec.message();
    return false;
  }
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string temp = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot create a temporary file in '" + dir.string() + "': " + why();
    return false;
  }
  auto fail = [&](const std::string& what) {
    error = what + ": " + why();
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  // The new file keeps the old one's permissions and, when allowed, owner.
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0) {
    if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set the permissions of '" + temp + "'");
    if (::fchown(fd, st.st_uid, st.st_gid) != 0) {
      // Only root may give a file away; anyone else's file stays theirs by the rename.
    }
  } else {
    // A new file gets what open(2) would have given it, not mkstemp's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) return fail("cannot set the permissions of '" + temp + "'");
  }
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write '" + temp + "'");
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot write '" + temp + "' to disk");
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot write '" + temp + "'");
  if (std::rename(temp.c_str(), target.c_str()) != 0) return fail("cannot replace '" + target.string() + "'");
  // Make the rename itself durable (best effort: not every file system can).
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace kijun::driver
