// kijun fmt PATH...: rewrite rulesets in the canonical layout
// (interpreter/format/, docs/cli.md). A file is replaced only by a text that
// parses back to the same meaning with the same comments, and only
// atomically: a temporary file in the same directory, fsync, rename. On any
// error the original is untouched and no temporary file is left.

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>

#include "interpreter/cli/cli.hpp"
#include "interpreter/driver/pipeline.hpp"
#include "interpreter/format/format.hpp"

namespace kijun::cli {
namespace {

namespace fs = std::filesystem;

// The files to format: each file named, and every *.kijun and *.kijun-test
// under each directory named (hidden directories skipped), sorted. False: a
// path that does not exist or cannot be listed.
int collect(const std::string& path, std::vector<std::string>& files) {
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    std::fprintf(stderr, "kijun fmt: cannot open '%s': %s\n", path.c_str(),
                 ec ? ec.message().c_str() : "No such file or directory");
    return io_error;
  }
  if (!fs::is_directory(st)) {
    files.push_back(path);
    return ok;
  }
  std::vector<std::string> found;
  fs::recursive_directory_iterator it(path, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto name = it->path().filename().string();
    if (it->is_directory(ec) && name.starts_with('.')) {
      it.disable_recursion_pending();
    } else if ((it->path().extension() == ".kijun" || format::is_test_file(it->path().string())) &&
               it->is_regular_file(ec)) {
      found.push_back(it->path().string());
    }
  }
  if (ec) {
    std::fprintf(stderr, "kijun fmt: cannot list '%s': %s\n", path.c_str(), ec.message().c_str());
    return io_error;
  }
  if (found.empty()) {
    std::fprintf(stderr, "kijun fmt: no ruleset or test file (*.kijun, *.kijun-test) under '%s'\n", path.c_str());
    return usage;
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return ok;
}

bool read_stdin(std::string& out) {
  out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  return !std::cin.bad() && out.size() <= driver::max_ruleset_bytes;
}

}  // namespace

int run_fmt(const FmtOptions& o) {
  // Over a file size limit a write fails with EFBIG (and the temporary file
  // is removed) instead of the process being killed half-way.
  std::signal(SIGXFSZ, SIG_IGN);
  int status = ok;
  auto worst = [&](int s) { status = std::max(status, s); };  // ok < 1 < usage < io_error < internal
  std::vector<std::string> files;
  for (const auto& p : o.paths) {
    if (p == "-") files.push_back(p);
    else worst(collect(p, files));
  }
  SourceMap sources;
  for (const auto& path : files) {
    const bool from_stdin = path == "-";
    std::string text, error;
    if (from_stdin ? !read_stdin(text) : !driver::read_file(path, text, error, driver::max_ruleset_bytes)) {
      std::fprintf(stderr, "kijun fmt: %s\n", from_stdin ? "cannot read the standard input" : error.c_str());
      worst(io_error);
      continue;
    }
    const SourceFile& file = sources.add(from_stdin ? "<stdin>" : path, text);
    format::Result r = !from_stdin && format::is_test_file(path) ? format::format_test_source(file)
                                                                 : format::format_source(file);
    if (r.status == format::Result::syntax_error) {
      print_diagnostics(r.diagnostics, sources, false);
      worst(ruleset_errors);
      continue;
    }
    if (r.status == format::Result::internal) {
      std::fprintf(stderr, "kijun fmt: %s: internal error: %s; file left unchanged\n", file.path().c_str(),
                   r.error.c_str());
      worst(internal);
      continue;
    }
    if (o.to_stdout || from_stdin) {
      if (!write_out(r.text)) worst(io_error);
      continue;
    }
    if (r.text == text) continue;
    if (o.check) {
      if (!write_out(path + "\n")) worst(io_error);
      worst(ruleset_errors);
      continue;
    }
    if (!driver::write_atomically(path, r.text, error)) {
      std::fprintf(stderr, "kijun fmt: cannot rewrite '%s': %s; file left unchanged\n", path.c_str(), error.c_str());
      worst(io_error);
    }
  }
  if (!finish_output("the formatted text")) worst(io_error);
  return status;
}

}  // namespace kijun::cli
