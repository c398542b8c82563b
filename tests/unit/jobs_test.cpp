// --jobs: a cohort evaluated on several threads gives byte for byte what one
// thread gives (verdicts, diagnostics of bad lines in the middle, exit code),
// in input order; and run_cohort itself keeps order, stops when told and
// passes a worker's exception on.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "interpreter/cli/cohort_runner.hpp"
#include "tests/unit/jsprs_support.hpp"

using kijun::cli::CohortTask;
using kijun::cli::run_cohort;
using kijun::facts::Batch;
using kijun::facts::BatchReader;

namespace {

using kijun::testing::write_scratch;

// A cohort of generated applicants with bad lines among them: malformed
// JSON, a wrong type, a misspelt field, a cut line, and blank lines.
std::string cohort_with_bad_lines() {
  std::string generated = kijun::testing::scratch("jobs-cohort.jsonl");
  int status = 0;
  kijun::testing::run_command(std::string(KIJUN_GENERATOR) + " --count 1500 --seed 5 --years 2015-2024 > '" +
                                  generated + "'",
                              &status);
  REQUIRE(status == 0);
  std::ifstream in(generated, std::ios::binary);
  std::string line, out;
  for (int i = 0; std::getline(in, line); ++i) {
    out += line + "\n";
    if (i == 3) out += "\n   \n";
    if (i == 40) out += "{\"id\": \"broken\", \n";
    if (i == 41) out += "[1, 2]\n";
    if (i == 700) out += "{\"id\": \"A-700\", \"renewal_year\": \"2021\"}\n";
    if (i == 701) out += line.substr(0, line.size() / 2) + "\n";
    if (i == 1200) {
      std::string misspelt = line;
      auto at = misspelt.find("\"renewal_year\"");
      REQUIRE(at != std::string::npos);
      misspelt.replace(at, 14, "\"renewal_yaer\"");
      out += misspelt + "\n";
    }
  }
  return write_scratch("jobs-bad.jsonl", out);
}

struct Run {
  std::string out, err;
  int status = 0;
};

Run run_kijun(const std::string& args) {
  Run r;
  std::string err = kijun::testing::scratch("jobs-stderr.txt");
  r.out = kijun::testing::run_command(std::string(KIJUN_BINARY) + " " + args + " 2>'" + err + "'", &r.status);
  r.err = kijun::testing::read_text(err);
  return r;
}

}  // namespace

TEST_CASE("eval --jobs N prints what --jobs 1 prints, bad lines included", "[jobs][cli]") {
  const std::string cohort = cohort_with_bad_lines();
  const std::string rules = std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs";
  for (const char* format : {"json", "text"}) {
    INFO(format);
    Run one = run_kijun("eval " + rules + " '" + cohort + "' --format " + format + " --jobs 1");
    CHECK(WEXITSTATUS(one.status) == 3);
    CHECK(one.err.find("5 of 1505 applicants could not be evaluated") != std::string::npos);
    CHECK(one.err.find(":44: error: $: malformed JSON") != std::string::npos);
    for (const char* jobs : {"2", "3", "8", "0"}) {
      INFO("--jobs " << jobs);
      Run many = run_kijun("eval " + rules + " '" + cohort + "' --format " + format + " --jobs " + jobs);
      CHECK(many.status == one.status);
      CHECK(many.out == one.out);
      CHECK(many.err == one.err);
    }
  }
  // Both streams into one file: the same bytes in the same order too.
  std::string merged = kijun::testing::scratch("jobs-merged.txt");
  std::string cmd = "eval " + rules + " '" + cohort + "' --format json --jobs ";
  kijun::testing::run_command(std::string(KIJUN_BINARY) + " " + cmd + "1 >'" + merged + "' 2>&1");
  std::string one = kijun::testing::read_text(merged);
  kijun::testing::run_command(std::string(KIJUN_BINARY) + " " + cmd + "2 >'" + merged + "' 2>&1");
  CHECK(kijun::testing::read_text(merged) == one);
}

TEST_CASE("whatif --jobs N reports what --jobs 1 reports", "[jobs][cli][whatif]") {
  const std::string cohort = cohort_with_bad_lines();
  const std::string rules = std::string(KIJUN_SOURCE_DIR) + "/rulesets/jsprs";
  const std::string draft = rules + "/drafts/veteran_50.kijun";
  for (const char* format : {"json", "csv"}) {
    INFO(format);
    Run one = run_kijun("whatif " + rules + " " + draft + " '" + cohort + "' --format " + format + " --jobs 1");
    CHECK(WEXITSTATUS(one.status) == 3);
    CHECK(one.out.size() > 100);
    Run many = run_kijun("whatif " + rules + " " + draft + " '" + cohort + "' --format " + format + " --jobs 3");
    CHECK(many.status == one.status);
    CHECK(many.out == one.out);
    CHECK(many.err == one.err);
  }
}

TEST_CASE("run_cohort consumes results in input order whatever the workers' speed", "[jobs]") {
  std::string text;
  for (int i = 1; i <= 3000; ++i) text += std::to_string(i) + (i % 10 == 0 ? "\n\n" : "\n");
  const std::string path = write_scratch("jobs-numbers.txt", text);
  for (unsigned jobs : {1u, 2u, 4u}) {
    INFO("jobs " << jobs);
    BatchReader in(path);
    in.max_batch_lines = 7;
    CohortTask<std::string> task;
    std::atomic<int> workers{0};
    task.make_worker = [&] {
      int me = workers++;
      return [me](std::string_view line, const Batch::Line&, std::string& out) {
        // Uneven work, so that later batches often finish first.
        if ((line.size() + static_cast<std::size_t>(me)) % 3 == 0)
          std::this_thread::sleep_for(std::chrono::microseconds(50));
        out = std::string(line);
      };
    };
    std::vector<std::string> seen;
    std::vector<std::size_t> numbers;
    task.consume = [&](const Batch::Line& at, std::string& r) {
      seen.push_back(r);
      numbers.push_back(at.number);
      return true;
    };
    run_cohort(in, jobs, task);
    CHECK(workers == static_cast<int>(jobs));
    REQUIRE(seen.size() == 3000);
    bool in_order = true;
    for (int i = 0; i < 3000; ++i) in_order = in_order && seen[i] == std::to_string(i + 1);
    CHECK(in_order);
    CHECK(numbers.back() == 3000 + 299);  // blank lines count as lines
  }
}

TEST_CASE("run_cohort stops when the consumer says so, and passes exceptions on", "[jobs]") {
  std::string text;
  for (int i = 1; i <= 5000; ++i) text += std::to_string(i) + "\n";
  const std::string path = write_scratch("jobs-stop.txt", text);
  for (unsigned jobs : {1u, 2u}) {
    INFO("jobs " << jobs);
    BatchReader in(path);
    in.max_batch_lines = 16;
    CohortTask<int> task;
    task.make_worker = [] {
      return [](std::string_view line, const Batch::Line&, int& out) { out = std::stoi(std::string(line)); };
    };
    int last = 0;
    task.consume = [&](const Batch::Line&, int& r) {
      last = r;
      return r < 100;
    };
    run_cohort(in, jobs, task);
    CHECK(last == 100);

    BatchReader again(path);
    again.max_batch_lines = 16;
    task.make_worker = [] {
      return [](std::string_view line, const Batch::Line&, int& out) {
        out = std::stoi(std::string(line));
        if (out == 2500) throw std::runtime_error("worker failed");
      };
    };
    std::size_t consumed = 0;
    task.consume = [&](const Batch::Line&, int&) {
      ++consumed;
      return true;
    };
    CHECK_THROWS_WITH(run_cohort(again, jobs, task), "worker failed");
    CHECK(consumed < 2500);
  }
}
