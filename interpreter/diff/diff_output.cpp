// A semantic diff as text for review, or as JSON.
#include <fmt/format.h>

#include "interpreter/diff/diff.hpp"
#include "interpreter/eval/verdict.hpp"

namespace kijun::diff {

std::string render_text(const std::vector<Change>& changes, const std::string& a, const std::string& b) {
  std::string o = fmt::format("kijun diff: {} → {}: {} change{}\n", a, b, changes.size(), changes.size() == 1 ? "" : "s");
  for (const auto& c : changes) {
    switch (c.kind) {
      case Kind::added: o += fmt::format("+ {}\n    {}\n", c.where, c.after); break;
      case Kind::removed: o += fmt::format("- {}\n    {}\n", c.where, c.before); break;
      case Kind::changed: {
        std::string head = c.what.empty() ? c.where : c.where + ": " + c.what;
        bool short_values = c.before.size() + c.after.size() < 60 && c.before.find('\n') == std::string::npos;
        if (short_values)
          o += fmt::format("~ {}: {} → {}\n", head, c.before.empty() ? "(none)" : c.before,
                           c.after.empty() ? "(none)" : c.after);
        else
          o += fmt::format("~ {}\n    - {}\n    + {}\n", head, c.before.empty() ? "(none)" : c.before,
                           c.after.empty() ? "(none)" : c.after);
        break;
      }
    }
  }
  return o;
}

std::string render_json(const std::vector<Change>& changes, const std::string& a, const std::string& b) {
  auto q = [](const std::string& s) {
    std::string out;
    append_json_string(out, s);
    return out;
  };
  std::string o = "{\"from\":" + q(a) + ",\"to\":" + q(b) + ",\"changes\":[";
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& c = changes[i];
    const char* kind = c.kind == Kind::added ? "added" : c.kind == Kind::removed ? "removed" : "changed";
    o += (i ? ",{" : "{") + std::string("\"kind\":\"") + kind + "\",\"where\":" + q(c.where) + ",\"what\":" + q(c.what) +
         ",\"before\":" + q(c.before) + ",\"after\":" + q(c.after) + "}";
  }
  return o + "]}\n";
}

}  // namespace kijun::diff
