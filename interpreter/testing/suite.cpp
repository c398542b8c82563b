#include "interpreter/testing/suite.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "grammar/test_parse.hpp"
#include "interpreter/diag/suggest.hpp"

namespace kijun::ruletest {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string path_key(const std::string& path) {
  std::error_code ec;
  auto p = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

Found find(const std::vector<std::string>& paths, Diagnostics& diags) {
  Found found;
  std::set<std::string> seen;
  std::vector<std::string> rulesets_under_dirs;
  auto add_test = [&](const std::string& p) {
    if (seen.insert(path_key(p)).second) found.test_files.push_back(fs::path(p).lexically_normal().string());
  };
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> tests, rulesets;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string p = it->path().lexically_normal().string();
        if (ends_with(p, test_extension)) tests.push_back(p);
        else if (ends_with(p, ".kijun")) rulesets.push_back(p);
      }
      if (ec) diags.push_back(error_in(path, "cannot list the directory: " + ec.message()));
      std::sort(tests.begin(), tests.end());
      std::sort(rulesets.begin(), rulesets.end());
      for (const auto& t : tests) add_test(t);
      rulesets_under_dirs.insert(rulesets_under_dirs.end(), rulesets.begin(), rulesets.end());
    } else if (!fs::exists(path, ec)) {
      diags.push_back(error_in(path, "no such file or directory"));
    } else if (ends_with(path, test_extension)) {
      add_test(path);
    } else {
      found.rulesets.push_back(path);
    }
  }
  found.untested_rulesets = std::move(rulesets_under_dirs);  // the caller removes the tested ones
  return found;
}

const LoadedFile* Loader::load(const std::string& path) {
  const std::string key = path_key(path);
  if (auto it = files_.find(key); it != files_.end()) return it->second.get();
  auto& slot = files_[key];
  std::string text, why;
  if (!driver::read_file(path, text, why, driver::max_ruleset_bytes)) {
    diags_.push_back(error_in(path, why));
    io_failed_ = true;
    ++failed_;
    return nullptr;
  }
  const SourceFile& source = sources_.add(fs::path(path).lexically_normal().string(), std::move(text));
  auto parsed = grammar::parse_test_file(source);
  diags_.insert(diags_.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.file) {
    ++failed_;
    return nullptr;
  }
  auto f = std::make_unique<LoadedFile>();
  f->path = source.path();
  f->file = std::move(*parsed.file);
  f->ruleset = (fs::path(f->path).parent_path() / f->file.ruleset).lexically_normal().string();
  f->ruleset_key = path_key(f->ruleset);
  slot = std::move(f);
  return slot.get();
}

std::vector<std::string> tests_beside(const std::string& ruleset, Loader& loader) {
  std::vector<std::string> out;
  const fs::path dir = fs::path(ruleset).parent_path() / "tests";
  std::error_code ec;
  std::vector<std::string> candidates;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && ends_with(e.path().string(), test_extension))
      candidates.push_back(e.path().lexically_normal().string());
  std::sort(candidates.begin(), candidates.end());
  const std::string key = path_key(ruleset);
  for (const auto& c : candidates) {
    const LoadedFile* f = loader.load(c);
    if (f && f->ruleset_key == key) out.push_back(c);
  }
  return out;
}

namespace {

// Keeps the nesting of drafts of drafts finite whatever the files say.
constexpr int max_draft_depth = 16;

std::vector<Case> cases(const driver::LoadedRuleset& ruleset, const std::vector<const LoadedFile*>& own,
                        Loader& loader, int depth) {
  std::vector<Case> inherited;
  std::vector<const LoadedFile*> base_files;
  const auto& extends = ruleset.ast.header.extends;
  if (extends && depth < max_draft_depth) {
    const std::string base = (fs::path(ruleset.path).parent_path() / *extends).lexically_normal().string();
    SourceMap scratch;
    driver::LoadResult b = driver::load_ruleset(base, scratch);
    std::vector<const LoadedFile*> files;
    for (const auto& p : tests_beside(base, loader))
      if (const LoadedFile* f = loader.load(p)) files.push_back(f);
    if (b.ruleset) inherited = cases(*b.ruleset, files, loader, depth + 1);
    for (auto& c : inherited) {
      c.inherited = true;
      for (const LoadedFile* s : c.scope)
        if (std::find(base_files.begin(), base_files.end(), s) == base_files.end()) base_files.push_back(s);
    }
  }
  // The draft's overrides and removals, then its own examples.
  for (const LoadedFile* f : own)
    for (const auto& e : f->file.examples) {
      if (e.kind == Example::Kind::example) continue;
      if (!extends) {
        loader.diagnostics().push_back(error_at(
            e.span, "only a draft's tests may override or remove an example",
            "this file tests " + f->ruleset + ", which extends no base"));
        continue;
      }
      bool matched = false;
      for (auto it = inherited.begin(); it != inherited.end();) {
        if (it->example->name != e.name) {
          ++it;
          continue;
        }
        matched = true;
        if (e.kind == Example::Kind::remove) {
          it = inherited.erase(it);
        } else {
          it->expects = &e;
          it->expects_file = f;
          ++it;
        }
      }
      if (!matched) {
        std::vector<std::string> names;
        for (const auto& c : inherited) names.push_back(c.example->name);
        loader.diagnostics().push_back(error_at(e.name_span, "no example \"" + e.name + "\" in the base's tests",
                                                  did_you_mean(e.name, names)));
      }
    }
  std::vector<Case> out = std::move(inherited);
  for (const LoadedFile* f : own)
    for (const auto& e : f->file.examples) {
      if (e.kind != Example::Kind::example) continue;
      Case c{&e, f, &e, f, {f}, false};
      c.scope.insert(c.scope.end(), base_files.begin(), base_files.end());
      out.push_back(std::move(c));
    }
  return out;
}

}  // namespace

std::vector<Case> suite_cases(const driver::LoadedRuleset& ruleset, const std::vector<const LoadedFile*>& own,
                              Loader& loader) {
  return cases(ruleset, own, loader, 0);
}

}  // namespace kijun::ruletest
