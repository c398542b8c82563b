#include "interpreter/driver/pipeline.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "grammar/parse.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/resolve/resolve.hpp"

namespace kijun::driver {

namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& out, std::string& error, std::size_t limit,
               const char* limit_name) {
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
  errno = 0;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    out.append(buf, n);
    if (out.size() > limit) {
      std::fclose(f);
      error = "'" + path + "' is larger than " + std::to_string(limit / (1024 * 1024)) + " MiB (limit " + limit_name + ")";
      return false;
    }
  }
  const int read_errno = errno;
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) {
    error = "cannot read '" + path + "': " + std::strerror(read_errno != 0 ? read_errno : EIO);
    return false;
  }
  return true;
}

namespace {

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
  diags.push_back(error_in(path, found.empty() ? "no ruleset (*.kijun) in this directory"
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
    r.diagnostics.push_back(error_in(file, why));
    return r;
  }
  r = load_ruleset_text(file, std::move(text), sources);
  return r;
}

namespace {

// Override and remove make sense only against a base.
void refuse_draft_edits(const ast::Ruleset& rs, Diagnostics& diags) {
  for (const auto& d : rs.decls) {
    Span at;
    bool edit = std::visit(
        [&](const auto& x) {
          at = x.span;
          // Point at the keyword itself: `override` or `remove`.
          if constexpr (std::is_same_v<std::decay_t<decltype(x)>, ast::RemoveDecl>) {
            at.end = at.begin + 6;
            return true;
          } else if constexpr (requires { x.is_override; }) {
            at.end = at.begin + 8;
            return x.is_override;
          } else {
            return false;
          }
        },
        d);
    if (edit) {
      Diagnostic e;
      e.span = at;
      e.message = "override and remove belong in a draft: a ruleset that extends another";
      e.hint = "add to the header: extends \"../base.kijun\"";
      diags.push_back(std::move(e));
    }
  }
}

// Parses a ruleset and, for a draft, its bases, merged into one tree.
std::optional<ast::Ruleset> parse_merged(const std::string& file, std::string text, SourceMap& sources,
                                         Diagnostics& diags, std::vector<std::string>& chain) {
  const SourceFile& src = sources.add(file, std::move(text));
  grammar::ParseResult parsed = grammar::parse(src);
  diags.insert(diags.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.ruleset || has_errors(parsed.diagnostics)) return std::nullopt;
  const auto& extends = parsed.ruleset->header.extends;
  if (!extends) {
    refuse_draft_edits(*parsed.ruleset, diags);
    if (has_errors(diags)) return std::nullopt;
    return std::move(parsed.ruleset);
  }
  auto fail = [&](std::string message, std::string hint = {}) {
    Diagnostic d;
    d.span = parsed.ruleset->header.extends_span;
    d.message = std::move(message);
    d.hint = std::move(hint);
    diags.push_back(std::move(d));
    return std::nullopt;
  };
  // The base is named relative to the draft's own directory.
  fs::path base_path = (fs::path(file).parent_path() / *extends).lexically_normal();
  std::string base_file, base_text, why;
  Diagnostics found;
  std::error_code exists_ec;
  if (!fs::exists(base_path, exists_ec))
    return fail("cannot find the base ruleset '" + *extends + "'",
                "looked for " + base_path.string() + " (a path relative to this file)");
  if (!resolve(base_path.string(), base_file, found)) return fail("cannot find the base ruleset '" + *extends + "'", found[0].message);
  // Only a file: a device or a pipe (extends "/dev/stdin") could block forever.
  if (!fs::is_regular_file(base_file, exists_ec))
    return fail("the base ruleset '" + *extends + "' is not a regular file");
  std::error_code ec;
  std::string canonical = fs::weakly_canonical(base_file, ec).string();
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end())
    return fail("'" + *extends + "' extends this ruleset again: a draft cannot extend itself");
  if (static_cast<int>(chain.size()) >= resolve::max_extends_depth)
    return fail("drafts extend each other more than " + std::to_string(resolve::max_extends_depth) +
                " levels deep (limit max_extends_depth)");
  if (!read_file(base_file, base_text, why, max_ruleset_bytes)) return fail("cannot read the base ruleset: " + why);
  chain.push_back(canonical);
  auto base = parse_merged(base_file, std::move(base_text), sources, diags, chain);
  chain.pop_back();
  if (!base) return std::nullopt;
  if (!resolve::merge(*base, std::move(*parsed.ruleset), diags)) return std::nullopt;
  return base;
}

}  // namespace

LoadResult load_ruleset_text(const std::string& file, std::string text, SourceMap& sources) {
  LoadResult r;
  std::error_code ec;
  std::vector<std::string> chain{fs::weakly_canonical(file, ec).string()};
  auto merged = parse_merged(file, std::move(text), sources, r.diagnostics, chain);
  if (!merged || has_errors(r.diagnostics)) return r;
  check::CheckResult checked = check::check(*merged, sources);
  r.diagnostics.insert(r.diagnostics.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  if (!checked.program) return r;
  r.ruleset = std::make_unique<LoadedRuleset>();
  r.ruleset->path = file;
  r.ruleset->ast = std::move(*merged);
  r.ruleset->program = std::move(checked.program);
  return r;
}

}  // namespace kijun::driver
