#include "interpreter/driver/pipeline.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "grammar/parse.hpp"
#include "interpreter/check/checker.hpp"

namespace kijun::driver {

namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& out, std::string& error, std::size_t limit) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    error = "'" + path + "' is a directory, not a file";
    return false;
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return false;
  }
  out.clear();
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > limit) {
      std::fclose(f);
      error = "'" + path + "' is larger than " + std::to_string(limit / (1024 * 1024)) + " MiB";
      return false;
    }
  }
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) {
    error = "cannot read '" + path + "'";
    return false;
  }
  return true;
}

namespace {

Diagnostic file_error(const std::string& path, std::string message, std::string hint = {}) {
  Diagnostic d;
  d.location = path;
  d.message = std::move(message);
  d.hint = std::move(hint);
  return d;
}

// A directory names its ruleset after itself (rulesets/jsprs/jsprs.kijun).
bool resolve(const std::string& path, std::string& file, Diagnostics& diags) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    file = path;
    return true;
  }
  fs::path dir(path);
  std::string name = (dir.filename().empty() ? dir.parent_path() : dir).filename().string();
  fs::path named = dir / (name + ".kijun");
  if (fs::is_regular_file(named, ec)) {
    file = named.string();
    return true;
  }
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".kijun" && e.is_regular_file(ec)) found.push_back(e.path());
  if (found.size() == 1) {
    file = found[0].string();
    return true;
  }
  diags.push_back(file_error(path, found.empty() ? "no ruleset (*.kijun) in this directory"
                                                 : "several rulesets in this directory; name one of them",
                             "expected " + named.string()));
  return false;
}

}  // namespace

LoadResult load_ruleset(const std::string& path, SourceMap& sources) {
  LoadResult r;
  std::string file, text, why;
  if (!resolve(path, file, r.diagnostics)) return r;
  if (!read_file(file, text, why, max_ruleset_bytes)) {
    r.diagnostics.push_back(file_error(file, why));
    return r;
  }
  r = load_ruleset_text(file, std::move(text), sources);
  return r;
}

LoadResult load_ruleset_text(const std::string& file, std::string text, SourceMap& sources) {
  LoadResult r;
  const SourceFile& src = sources.add(file, std::move(text));
  grammar::ParseResult parsed = grammar::parse(src);
  r.diagnostics = std::move(parsed.diagnostics);
  if (!parsed.ruleset || has_errors(r.diagnostics)) return r;
  check::CheckResult checked = check::check(*parsed.ruleset, src);
  r.diagnostics.insert(r.diagnostics.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  if (!checked.program) return r;
  r.ruleset = std::make_unique<LoadedRuleset>();
  r.ruleset->path = file;
  r.ruleset->ast = std::move(*parsed.ruleset);
  r.ruleset->program = std::move(checked.program);
  return r;
}

}  // namespace kijun::driver
