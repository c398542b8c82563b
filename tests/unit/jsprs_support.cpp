#include "tests/unit/jsprs_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace kijun::testing {

const Loaded& load(const std::string& path) {
  static std::map<std::string, std::unique_ptr<Loaded>> cache;
  auto& slot = cache[path];
  if (!slot) {
    auto l = std::make_unique<Loaded>();
    l->result = driver::load_ruleset(path, l->sources);
    if (!l->result.ruleset) throw std::runtime_error("ruleset does not check:\n" + render_all(l->result.diagnostics, l->sources));
    slot = std::move(l);
  }
  return *slot;
}

Outcome evaluate(const Loaded& rs, const std::string& json, Lang lang) {
  facts::FactsReader reader(rs.program().schema);
  Evaluator evaluator(rs.program(), lang);
  Arena arena;
  Value facts;
  Diagnostics diags;
  Outcome out;
  out.ok = reader.read(json, arena, facts, diags, "test") &&
           evaluator.evaluate(facts, arena, out.verdict, diags, "test");
  out.diagnostics = render_all(diags, rs.sources);
  return out;
}

std::string applicant(const std::string& fields) {
  std::string f = fields;
  auto has = [&](const char* k) { return f.find(std::string("\"") + k + "\"") != std::string::npos; };
  std::string pre = "{";
  if (!has("id")) pre += "\"id\": \"T\", ";
  if (!has("renewal_year")) pre += "\"renewal_year\": 2021, ";
  if (!has("prior_renewals")) pre += "\"prior_renewals\": 0, ";
  if (!has("work_declaration")) pre += "\"work_declaration\": true, ";
  return pre + f + "}";
}

std::string scratch(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("kijun-tests-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string write_scratch(const std::string& name, const std::string& text) {
  std::string path = scratch(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string run_command(const std::string& cmd, int* exit_status) {
  std::string out;
  std::FILE* p = popen(cmd.c_str(), "r");
  if (!p) throw std::runtime_error("cannot run " + cmd);
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  if (exit_status) *exit_status = status;
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace kijun::testing
