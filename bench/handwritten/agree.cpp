// kijun_bench_agree — do two runs of the full standard give the same verdicts?
//
//   kijun_bench_agree KIJUN.jsonl HANDWRITTEN.jsonl [--show N] [--no-messages]
//
// Reads two files of verdicts (JSON Lines or whitespace-separated documents, e.g.
// `kijun eval --format json` and `kijun_handwritten`), pairs them in order and
// reports every applicant whose id, outcome, total, earned_total, required_total,
// cases_counted, path, mandatory_required, categories (earned, counted, waived), unmet rules (names and
// messages), mandatory_topics, academic_parts or window differ: the count and the
// first N differences (default 10). --no-messages compares the unmet rules by
// name only (the contract's example verdicts carry English messages). Exit 0 when every applicant agrees, 1 on any
// difference (or a different number of verdicts), 2 usage, 4 unreadable input.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace dom = simdjson::dom;

// A member as compact JSON text, or "(absent)".
std::string member(dom::object o, std::string_view key) {
  dom::element e;
  if (o.at_key(key).get(e)) return "(absent)";
  return simdjson::minify(e);
}

// The unmet list as sorted "rule: message" entries (the order of the list is not compared).
bool with_messages = true;

std::vector<std::string> unmet(dom::object o) {
  std::vector<std::string> out;
  dom::array list;
  if (o.at_key("unmet").get_array().get(list)) return {"(absent)"};
  for (dom::element u : list) {
    dom::object entry;
    if (u.get_object().get(entry)) {
      out.push_back("(not an object)");
      continue;
    }
    out.push_back(with_messages ? member(entry, "rule") + ": " + member(entry, "message") : member(entry, "rule"));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s = "[";
  for (const auto& x : v) s += (s.size() > 1 ? ", " : "") + x;
  return s + "]";
}

struct Differences {
  std::vector<std::string> fields;
  void check(const std::string& name, const std::string& a, const std::string& b) {
    if (a != b) fields.push_back(name + ": " + a + " vs " + b);
  }
};

Differences compare(dom::object a, dom::object b) {
  Differences d;
  for (const char* key : {"id", "outcome", "total", "earned_total", "required_total", "cases_counted", "path",
                          "mandatory_required", "mandatory_topics", "window"})
    d.check(key, member(a, key), member(b, key));
  for (const char* category : {"clinical", "common", "domain", "academic"}) {
    dom::object ca, cb;
    bool missing_a = a.at_key("categories").at_key(category).get_object().get(ca) != simdjson::SUCCESS;
    bool missing_b = b.at_key("categories").at_key(category).get_object().get(cb) != simdjson::SUCCESS;
    if (missing_a || missing_b) {
      d.check(std::string("categories.") + category, missing_a ? "(absent)" : "present",
              missing_b ? "(absent)" : "present");
      continue;
    }
    for (const char* key : {"earned", "counted", "waived"})
      d.check(std::string("categories.") + category + "." + key, member(ca, key), member(cb, key));
  }
  dom::object pa, pb;
  if (a.at_key("academic_parts").get_object().get(pa) || b.at_key("academic_parts").get_object().get(pb)) {
    d.check("academic_parts", member(a, "academic_parts"), member(b, "academic_parts"));
  } else {
    d.check("academic_parts (count)", std::to_string(pa.size()), std::to_string(pb.size()));
    for (auto [key, value] : pa) d.check(std::string("academic_parts.") + std::string(key), simdjson::minify(value),
                                         member(pb, key));
  }
  auto ua = unmet(a), ub = unmet(b);
  if (ua != ub) {
    std::vector<std::string> only_a, only_b;
    std::set_difference(ua.begin(), ua.end(), ub.begin(), ub.end(), std::back_inserter(only_a));
    std::set_difference(ub.begin(), ub.end(), ua.begin(), ua.end(), std::back_inserter(only_b));
    d.fields.push_back("unmet: only in a " + joined(only_a) + ", only in b " + joined(only_b));
  }
  return d;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<const char*> files;
  long show = 10;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--show") == 0 && i + 1 < argc) show = std::strtol(argv[++i], nullptr, 10);
    else if (std::strcmp(argv[i], "--no-messages") == 0) with_messages = false;
    else files.push_back(argv[i]);
  }
  if (files.size() != 2) {
    std::fprintf(stderr, "usage: kijun_bench_agree KIJUN.jsonl HANDWRITTEN.jsonl [--show N] [--no-messages]\n");
    return 2;
  }
  simdjson::padded_string text[2];
  dom::parser parser[2];
  dom::document_stream stream[2];
  for (int k = 0; k < 2; ++k) {
    if (simdjson::padded_string::load(files[k]).get(text[k]) ||
        parser[k].parse_many(text[k]).get(stream[k])) {
      std::fprintf(stderr, "kijun_bench_agree: cannot read %s\n", files[k]);
      return 4;
    }
  }
  std::printf("a = %s\nb = %s\n", files[0], files[1]);
  auto ia = stream[0].begin(), ib = stream[1].begin();
  std::size_t n = 0, differing = 0;
  for (; ia != stream[0].end() && ib != stream[1].end(); ++ia, ++ib) {
    ++n;
    dom::object a, b;
    if ((*ia).get_object().get(a) || (*ib).get_object().get(b)) {
      std::fprintf(stderr, "kijun_bench_agree: verdict %zu is not a JSON object\n", n);
      return 4;
    }
    Differences d = compare(a, b);
    if (d.fields.empty()) continue;
    if (static_cast<long>(differing++) < show) {
      std::printf("verdict %zu, id %s:\n", n, member(a, "id").c_str());
      for (const auto& f : d.fields) std::printf("  %s\n", f.c_str());
    }
  }
  std::size_t extra_a = 0, extra_b = 0;
  for (; ia != stream[0].end(); ++ia) ++extra_a;
  for (; ib != stream[1].end(); ++ib) ++extra_b;
  if (extra_a || extra_b)
    std::printf("different numbers of verdicts: a has %zu more, b has %zu more\n", extra_a, extra_b);
  std::printf("%zu verdicts compared, %zu differ\n", n, differing);
  return differing || extra_a || extra_b || n == 0 ? 1 : 0;
}
