#include <cstdio>

#include "interpreter/cli/cli.hpp"

namespace kijun::cli {

bool write_out(const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size();
}

void print_diagnostics(const Diagnostics& ds, const SourceMap& sources, bool json) {
  for (const auto& d : ds) {
    std::string s = json ? render_json(d, sources) + "\n" : render(d, sources);
    std::fwrite(s.data(), 1, s.size(), stderr);
  }
}

Lang parse_lang(const std::string& s) { return s == "en" ? Lang::en : Lang::ja; }

}  // namespace kijun::cli
