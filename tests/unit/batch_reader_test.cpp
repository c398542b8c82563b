// BatchReader: the cohort's lines as LineReader gives them (terminators, \r,
// byte order mark), blank lines skipped, each line padded with zero bytes,
// batches bounded, over-long lines cut and read past.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "interpreter/facts/batch_reader.hpp"
#include "tests/unit/jsprs_support.hpp"

using kijun::facts::Batch;
using kijun::facts::BatchReader;

namespace {

using kijun::testing::write_scratch;

struct Got {
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::size_t consumed = 0;
  std::size_t batches = 0;
};

Got read_all(BatchReader& r) {
  Got g;
  Batch b;
  while (r.next(b)) {
    ++g.batches;
    REQUIRE_FALSE(b.lines.empty());
    for (std::size_t i = 0; i < b.lines.size(); ++i) {
      g.lines.emplace_back(b.line(i));
      g.numbers.push_back(b.lines[i].number);
      g.consumed += b.lines[i].consumed;
      const char* pad = b.line(i).data() + b.line(i).size();
      for (std::size_t k = 0; k < kijun::facts::input_padding; ++k) REQUIRE(pad[k] == '\0');
    }
  }
  return g;
}

}  // namespace

TEST_CASE("BatchReader splits lines like LineReader and skips blank ones", "[facts][batch]") {
  std::string text = "\xEF\xBB\xBF{\"a\":1}\r\n\n  \t\r\n{\"b\":2}\nlast";
  std::string path = write_scratch("batch-lines.jsonl", text);
  BatchReader r(path);
  REQUIRE(r.ok());
  Got g = read_all(r);
  CHECK(g.lines == std::vector<std::string>{"{\"a\":1}", "{\"b\":2}", "last"});
  CHECK(g.numbers == std::vector<std::size_t>{1, 4, 5});
  CHECK(g.consumed == text.size());
  CHECK(r.error().empty());
  Batch b;
  CHECK_FALSE(r.next(b));  // stays at the end
}

TEST_CASE("BatchReader bounds its batches and keeps lines longer than a read whole", "[facts][batch]") {
  std::string text;
  std::vector<std::string> expected;
  for (int i = 0; i < 1000; ++i) {
    // Every 100th line is 1.5 MB, longer than one read of the input.
    std::string line = "{\"i\":" + std::to_string(i) + "}" + std::string(i % 100 == 7 ? 1'500'000 : i % 13, ' ');
    expected.push_back(line);
    text += line + (i % 2 ? "\r\n" : "\n");
  }
  std::string path = write_scratch("batch-sizes.jsonl", text);
  BatchReader r(path);
  r.max_batch_lines = 64;
  Got g = read_all(r);
  CHECK(g.lines == expected);
  CHECK(g.batches >= 1000 / 64);
  CHECK(g.numbers.back() == 1000);
  CHECK(g.consumed == text.size());
}

TEST_CASE("BatchReader cuts a line past its limit and reads on after it", "[facts][batch]") {
  std::string longer(3'000'000, 'x');  // longer than one read of the input
  std::string text = "first\n" + longer + "\nnext\n" + longer;
  std::string path = write_scratch("batch-cut.jsonl", text);
  BatchReader r(path, 1000);
  Got g = read_all(r);
  REQUIRE(g.lines.size() == 4);
  CHECK(g.lines[0] == "first");
  CHECK(g.lines[1] == std::string(1002, 'x'));
  CHECK(g.lines[2] == "next");
  CHECK(g.lines[3] == std::string(1002, 'x'));
  CHECK(g.numbers == std::vector<std::size_t>{1, 2, 3, 4});
}

TEST_CASE("BatchReader reports open errors as LineReader does", "[facts][batch]") {
  BatchReader missing("/nonexistent/x.jsonl");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error() == "cannot open '/nonexistent/x.jsonl': No such file or directory");
  Batch b;
  CHECK_FALSE(missing.next(b));
  BatchReader dir("/tmp");
  CHECK_FALSE(dir.ok());
  CHECK(dir.error() == "cannot open '/tmp': Is a directory");
  CHECK(BatchReader("-").ok());
  std::string empty = write_scratch("batch-empty.jsonl", "");
  BatchReader none(empty);
  CHECK_FALSE(none.next(b));
  CHECK(none.error().empty());
}
