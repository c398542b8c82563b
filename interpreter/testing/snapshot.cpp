#include "interpreter/testing/snapshot.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <simdjson.h>

#include "interpreter/driver/pipeline.hpp"
#include "interpreter/eval/evaluate.hpp"
#include "interpreter/facts/batch_reader.hpp"

namespace kijun::ruletest {

namespace dom = simdjson::dom;

std::string snapshot_line(const Verdict& v) {
  std::string o = "{\"id\":";
  append_json_string(o, v.id);
  o += ",\"outcome\":";
  append_json_string(o, v.outcome);
  o += ",\"standard\":";
  append_json_string(o, v.standard);
  o += ",\"total\":" + rational::to_json(v.total) + ",\"earned_total\":" + rational::to_json(v.earned_total) +
       ",\"required_total\":" + rational::to_json(v.required_total) + ',';
  append_categories_json(o, v);
  o += ",\"unmet\":[";
  for (std::size_t i = 0; i < v.unmet.size(); ++i) {
    if (i) o += ',';
    append_json_string(o, v.unmet[i].rule);
  }
  o += ']';
  for (const auto& [name, json] : v.reports) {
    o += ',';
    append_json_string(o, name);
    o += ':' + json;
  }
  return o + '}';
}

std::string verdicts_path(const std::string& cohort) {
  for (const char* ext : {".jsonl", ".ndjson"}) {
    const std::string e(ext);
    if (cohort.size() > e.size() && cohort.compare(cohort.size() - e.size(), e.size(), e) == 0)
      return cohort.substr(0, cohort.size() - e.size()) + ".verdicts.jsonl";
  }
  return cohort + ".verdicts.jsonl";
}

namespace {

std::string shown(dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(e);
}

// What differs between two recorded verdicts, member by member down to the
// leaves; `unmet` as a set of rules.
void differences(dom::element a, dom::element b, const std::string& path, std::vector<std::string>& out) {
  dom::object oa, ob;
  if (a.get_object().get(oa) == simdjson::SUCCESS && b.get_object().get(ob) == simdjson::SUCCESS) {
    std::set<std::string_view> seen;
    for (auto [key, va] : oa) {
      seen.insert(key);
      const std::string p = path.empty() ? std::string(key) : path + "." + std::string(key);
      if (path.empty() && (key == "id" || key == "outcome")) continue;
      dom::element vb;
      if (ob[key].get(vb) != simdjson::SUCCESS) out.push_back(fmt::format("{} {} → (absent)", p, shown(va)));
      else differences(va, vb, p, out);
    }
    for (auto [key, vb] : ob)
      if (!seen.count(key))
        out.push_back(fmt::format("{} (absent) → {}", path.empty() ? std::string(key) : path + "." + std::string(key),
                                  shown(vb)));
    return;
  }
  if (path == "unmet") {
    std::vector<std::string> before, after;
    dom::array arr;
    if (a.get_array().get(arr) == simdjson::SUCCESS)
      for (dom::element x : arr) before.push_back(shown(x));
    if (b.get_array().get(arr) == simdjson::SUCCESS)
      for (dom::element x : arr) after.push_back(shown(x));
    std::string d;
    for (const auto& x : after)
      if (std::find(before.begin(), before.end(), x) == before.end()) d += " +" + x;
    for (const auto& x : before)
      if (std::find(after.begin(), after.end(), x) == after.end()) d += " -" + x;
    if (!d.empty()) out.push_back("unmet" + d);
    return;
  }
  const std::string sa = simdjson::minify(a), sb = simdjson::minify(b);
  if (sa != sb) out.push_back(fmt::format("{} {} → {}", path, shown(a), shown(b)));
}

std::string outcome_in(dom::element e) {
  std::string_view s;
  return e["outcome"].get_string().get(s) == simdjson::SUCCESS ? std::string(s) : "?";
}

std::string outcome_of(dom::parser& parser, const std::string& line) {
  dom::element e;
  return parser.parse(line).get(e) == simdjson::SUCCESS ? outcome_in(e) : "?";
}

struct Recorded {
  std::vector<std::string> keys;             // in file order
  std::map<std::string, std::string> lines;  // by key
};

// "id", or "id#2" for the second applicant of the same id.
void add(Recorded& r, std::map<std::string, int>& seen, const std::string& id, std::string line) {
  const int n = ++seen[id];
  std::string key = n == 1 ? id : id + "#" + std::to_string(n);
  r.keys.push_back(key);
  r.lines[key] = std::move(line);
}

}  // namespace

SnapshotResult run_snapshot(const Program& program, const std::string& cohort, bool accept, Diagnostics& diags) {
  SnapshotResult r;
  r.verdicts = verdicts_path(cohort);
  Recorded now, before;
  {
    facts::BatchReader lines(cohort);
    if (!lines.ok()) {
      diags.push_back(error_in(cohort, lines.error()));
      r.io_error = true;
      return r;
    }
    facts::FactsReader reader(program.schema);
    Evaluator evaluator(program, Lang::ja);
    Arena arena;
    std::map<std::string, int> seen;
    facts::Batch batch;  // blank lines are skipped by the reader
    while (lines.next(batch))
      for (std::size_t i = 0; i < batch.lines.size(); ++i) {
        arena.reset();
        Value facts;
        Verdict v;
        const std::string location = cohort + ":" + std::to_string(batch.lines[i].number);
        if (!reader.read_padded(batch.line(i), arena, facts, diags, location) ||
            !evaluator.evaluate(facts, arena, v, diags, location)) {
          ++r.bad;
          continue;
        }
        ++r.applicants;
        add(now, seen, v.id, snapshot_line(v));
      }
    if (!lines.error().empty()) {
      diags.push_back(error_in(cohort, lines.error()));
      r.io_error = true;
      return r;
    }
  }
  std::error_code ec;
  r.existed = std::filesystem::exists(r.verdicts, ec);
  if (r.existed) {
    facts::BatchReader lines(r.verdicts);
    dom::parser parser;
    std::map<std::string, int> seen;
    facts::Batch batch;
    while (lines.ok() && lines.next(batch))
      for (std::size_t i = 0; i < batch.lines.size(); ++i) {
        std::string line(batch.line(i));
        dom::element e;
        std::string_view id;
        if (parser.parse(line).get(e) != simdjson::SUCCESS || e["id"].get_string().get(id) != simdjson::SUCCESS) {
          diags.push_back(error_in(r.verdicts + ":" + std::to_string(batch.lines[i].number),
                                   "not a recorded verdict (a JSON object with an \"id\")"));
          continue;
        }
        add(before, seen, std::string(id), std::move(line));
      }
    if (!lines.ok() || !lines.error().empty()) {
      diags.push_back(error_in(r.verdicts, lines.ok() ? lines.error() : "cannot be read"));
      r.io_error = true;
      return r;
    }
    dom::parser pa, pb;
    for (const auto& key : now.keys) {
      auto old = before.lines.find(key);
      if (old == before.lines.end()) {
        r.changes.push_back({VerdictChange::Kind::added, key, "", outcome_of(pb, now.lines[key]), {}});
        continue;
      }
      if (old->second == now.lines[key]) continue;
      dom::element a, b;
      if (pa.parse(old->second).get(a) != simdjson::SUCCESS || pb.parse(now.lines[key]).get(b) != simdjson::SUCCESS)
        continue;  // unreadable lines were reported above
      VerdictChange c{VerdictChange::Kind::changed, key, outcome_in(a), outcome_in(b), {}};
      differences(a, b, "", c.what);
      r.changes.push_back(std::move(c));
    }
    for (const auto& key : before.keys)
      if (!now.lines.count(key)) {
        r.changes.push_back({VerdictChange::Kind::removed, key, outcome_of(pa, before.lines[key]), "", {}});
      }
  }
  const bool write = r.bad == 0 && (!r.existed || (accept && !r.changes.empty()));
  if (write) {
    std::string text;
    for (const auto& key : now.keys) text += now.lines[key] + "\n";
    std::string why;
    if (!driver::write_atomically(r.verdicts, text, why)) {
      diags.push_back(error_in(r.verdicts, "cannot record the verdicts: " + why));
      r.io_error = true;
      return r;
    }
    r.written = true;
  }
  return r;
}

std::string describe(const VerdictChange& c) {
  switch (c.kind) {
    case VerdictChange::Kind::added: return fmt::format("{}: (not in the snapshot) → {}", c.id, c.after);
    case VerdictChange::Kind::removed: return fmt::format("{}: {} → (no longer in the cohort)", c.id, c.before);
    case VerdictChange::Kind::changed: break;
  }
  std::string s = fmt::format("{}: {} → {}", c.id, c.before, c.after);
  for (const auto& w : c.what) s += "; " + w;
  return s;
}

}  // namespace kijun::ruletest
