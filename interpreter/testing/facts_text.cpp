#include "interpreter/testing/facts_text.hpp"

#include <simdjson.h>

#include "interpreter/eval/verdict.hpp"

namespace kijun::ruletest {

bool write_json(const Json& j, std::string& out, std::size_t limit) {
  if (out.size() > limit) return false;
  switch (j.kind) {
    case Json::Kind::scalar: out += j.text; break;
    case Json::Kind::object:
      out += '{';
      for (std::size_t i = 0; i < j.keys.size(); ++i) {
        if (i) out += ',';
        out += j.keys[i];
        out += ':';
        if (!write_json(j.values[i], out, limit)) return false;
      }
      out += '}';
      break;
    case Json::Kind::array: {
      out += '[';
      bool first = true;
      for (std::size_t i = 0; i < j.values.size(); ++i)
        for (std::uint64_t n = 0; n < j.repeat[i]; ++n) {
          if (!first) out += ',';
          first = false;
          if (!write_json(j.values[i], out, limit)) return false;
        }
      out += ']';
      break;
    }
  }
  return out.size() <= limit;
}

Json merge(const Json& base, const Json& with) {
  Json out = base;
  for (std::size_t i = 0; i < with.keys.size(); ++i) {
    std::size_t k = 0;
    while (k < out.keys.size() && out.keys[k] != with.keys[i]) ++k;
    if (k == out.keys.size()) {
      out.keys.push_back(with.keys[i]);
      out.values.push_back(with.values[i]);
    } else {
      out.values[k] = with.values[i];
    }
  }
  return out;
}

void default_id(Json& object, const std::string& name) {
  for (const auto& k : object.keys)
    if (k == "\"id\"") return;
  Json id;
  append_json_string(id.text, name);
  object.keys.insert(object.keys.begin(), "\"id\"");
  object.values.insert(object.values.begin(), std::move(id));
}

void default_id(std::string& text, const std::string& name) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(text).get_object().get(object) != simdjson::SUCCESS) return;
  simdjson::dom::element id;
  if (object["id"].get(id) == simdjson::SUCCESS) return;
  const auto brace = text.find('{');
  std::string member = "\"id\":";
  append_json_string(member, name);
  text.insert(brace + 1, object.size() ? member + "," : member);
}

}  // namespace kijun::ruletest
