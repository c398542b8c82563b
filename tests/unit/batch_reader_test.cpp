// BatchReader, the one reader of JSON Lines cohorts, against hand-written
// expectations: terminators (\n, \r\n, none at the end), blank lines skipped,
// a byte order mark dropped on line 1 only, each line padded with zero bytes,
// batches bounded, over-long lines cut and read past with the line numbers
// going on, standard input streamed, open and read errors.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "interpreter/facts/batch_reader.hpp"
#include "tests/unit/jsprs_support.hpp"

using kijun::facts::Batch;
using kijun::facts::BatchReader;

namespace {

using kijun::testing::write_scratch;

const std::string bom = "\xEF\xBB\xBF";

struct Got {
  std::vector<std::string> lines;
  std::vector<std::size_t> numbers;
  std::vector<std::size_t> offsets;  // input bytes up to the end of each line: the running sum of consumed
  std::size_t consumed = 0;
  std::size_t batches = 0;
};

void take(const Batch& b, Got& g) {
  ++g.batches;
  REQUIRE_FALSE(b.lines.empty());
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    g.lines.emplace_back(b.line(i));
    g.numbers.push_back(b.lines[i].number);
    g.consumed += b.lines[i].consumed;
    g.offsets.push_back(g.consumed);
    const char* pad = b.line(i).data() + b.line(i).size();
    for (std::size_t k = 0; k < kijun::facts::input_padding; ++k) REQUIRE(pad[k] == '\0');
  }
}

Got read_all(BatchReader& r) {
  Got g;
  Batch b;
  while (r.next(b)) take(b, g);
  return g;
}

Got lines_of(const std::string& name, const std::string& text,
             std::size_t max_line = kijun::facts::FactsReader::max_bytes) {
  BatchReader r(write_scratch(name, text), max_line);
  REQUIRE(r.ok());
  Got g = read_all(r);
  CHECK(r.error().empty());
  return g;
}

using Lines = std::vector<std::string>;
using Numbers = std::vector<std::size_t>;

}  // namespace

TEST_CASE("BatchReader: each terminator ends a line", "[facts][batch]") {
  SECTION("\\n") {
    Got g = lines_of("batch-lf.jsonl", "{\"a\":1}\n{\"b\":2}\n");
    CHECK(g.lines == Lines{"{\"a\":1}", "{\"b\":2}"});
    CHECK(g.numbers == Numbers{1, 2});
    CHECK(g.offsets == Numbers{8, 16});
  }
  SECTION("\\r\\n, the \\r dropped") {
    Got g = lines_of("batch-crlf.jsonl", "{\"a\":1}\r\n{\"b\":2}\r\n");
    CHECK(g.lines == Lines{"{\"a\":1}", "{\"b\":2}"});
    CHECK(g.numbers == Numbers{1, 2});
    CHECK(g.offsets == Numbers{9, 18});
  }
  SECTION("mixed, and a \\r inside a line kept") {
    Got g = lines_of("batch-mixed.jsonl", "a\r\nb\nc\rd\r\n");
    CHECK(g.lines == Lines{"a", "b", "c\rd"});
    CHECK(g.numbers == Numbers{1, 2, 3});
  }
  SECTION("no final newline") {
    Got g = lines_of("batch-nofinal.jsonl", "{\"a\":1}\nlast");
    CHECK(g.lines == Lines{"{\"a\":1}", "last"});
    CHECK(g.numbers == Numbers{1, 2});
    CHECK(g.offsets == Numbers{8, 12});
  }
  SECTION("no final newline after a \\r") {
    Got g = lines_of("batch-nofinal-cr.jsonl", "a\nlast\r");
    CHECK(g.lines == Lines{"a", "last"});
  }
  SECTION("a single line without terminator") {
    Got g = lines_of("batch-single.jsonl", "{}");
    CHECK(g.lines == Lines{"{}"});
    CHECK(g.numbers == Numbers{1});
    CHECK(g.batches == 1);
  }
  SECTION("spaces around a line are kept") {
    Got g = lines_of("batch-spaces.jsonl", "  {\"a\":1}\t \n");
    CHECK(g.lines == Lines{"  {\"a\":1}\t "});
  }
}

TEST_CASE("BatchReader: blank lines are skipped but counted", "[facts][batch]") {
  SECTION("empty and white lines between, before and after") {
    std::string text = "\n\r\n{\"a\":1}\n\n  \t\r\n \n{\"b\":2}\n\n\r\n";
    Got g = lines_of("batch-blank.jsonl", text);
    CHECK(g.lines == Lines{"{\"a\":1}", "{\"b\":2}"});
    CHECK(g.numbers == Numbers{3, 7});
    // A blank line's bytes are counted to the next line that is returned.
    CHECK(g.offsets == Numbers{11, 27});
  }
  SECTION("only blank lines: nothing") {
    BatchReader r(write_scratch("batch-allblank.jsonl", "\n \n\t\r\n\r"));
    Batch b;
    CHECK_FALSE(r.next(b));
    CHECK(r.error().empty());
  }
  SECTION("an empty file: nothing") {
    BatchReader r(write_scratch("batch-empty.jsonl", ""));
    REQUIRE(r.ok());
    Batch b;
    CHECK_FALSE(r.next(b));
    CHECK(r.error().empty());
    CHECK_FALSE(r.next(b));  // stays at the end
  }
}

TEST_CASE("BatchReader: a byte order mark is dropped on line 1 only", "[facts][batch]") {
  SECTION("before line 1") {
    Got g = lines_of("batch-bom.jsonl", bom + "{\"a\":1}\r\n" + bom + "{\"b\":2}\n");
    CHECK(g.lines == Lines{"{\"a\":1}", bom + "{\"b\":2}"});
    CHECK(g.numbers == Numbers{1, 2});
    CHECK(g.offsets == Numbers{12, 23});
  }
  SECTION("a mark alone on line 1 makes it blank") {
    Got g = lines_of("batch-bom-blank.jsonl", bom + "\n{}\n");
    CHECK(g.lines == Lines{"{}"});
    CHECK(g.numbers == Numbers{2});
  }
  SECTION("not on line 2 even when line 1 is blank") {
    Got g = lines_of("batch-bom-late.jsonl", "\n" + bom + "{}\n");
    CHECK(g.lines == Lines{bom + "{}"});
    CHECK(g.numbers == Numbers{2});
  }
  SECTION("a mark in the middle of line 1 is kept") {
    Got g = lines_of("batch-bom-mid.jsonl", "{}" + bom + "\n");
    CHECK(g.lines == Lines{"{}" + bom});
  }
  SECTION("part of a mark is not one") {
    Got g = lines_of("batch-bom-part.jsonl", "\xEF\xBB{}\n");
    CHECK(g.lines == Lines{"\xEF\xBB{}"});
  }
  SECTION("the whole file only a mark") {
    BatchReader r(write_scratch("batch-bom-only.jsonl", bom));
    Batch b;
    CHECK_FALSE(r.next(b));
  }
}

TEST_CASE("BatchReader: a line past the limit is cut at limit + 2, the rest read past", "[facts][batch]") {
  // Limit 10: a line of 12 bytes is whole (a line at the limit and its \r),
  // a longer one is cut to 12 bytes, and its \r is no longer dropped.
  std::string text = "0123456789\n"        // 1: at the limit
                     "0123456789\r\n"      // 2: at the limit, CRLF
                     "0123456789A\r\n"     // 3: one past, CRLF: 12 bytes with the \r, whole
                     "0123456789AB\n"      // 4: two past: whole
                     "0123456789ABC\n"     // 5: three past: cut
                     "0123456789A\rB\r\n"  // 6: cut, the \r inside kept
                     "012345678901234567\n"  // 7: cut
                     "\n"                    // 8: blank
                     "next\n"                // 9: the line after a cut one
                     "0123456789ABCDEF";     // 10: cut, no final newline
  Got g = lines_of("batch-limit.jsonl", text, 10);
  CHECK(g.lines == Lines{"0123456789", "0123456789", "0123456789A", "0123456789AB", "0123456789AB", "0123456789A\r",
                         "012345678901", "next", "0123456789AB"});
  CHECK(g.numbers == Numbers{1, 2, 3, 4, 5, 6, 7, 9, 10});
  CHECK(g.offsets.back() == text.size());
  CHECK(g.offsets[6] == text.find("\n\nnext") + 1);  // a cut line consumes its whole length
}

TEST_CASE("BatchReader: a cut line longer than a read is read past", "[facts][batch]") {
  std::string longer(3'000'000, 'x');  // longer than one read of the input (1 MiB)
  std::string text = "first\n" + longer + "\nnext\n" + longer + "\r\n\n" + longer + "\nlast\n" + longer;
  BatchReader r(write_scratch("batch-cut.jsonl", text), 1000);
  Got g = read_all(r);
  CHECK(r.error().empty());
  const std::string cut(1002, 'x');
  CHECK(g.lines == Lines{"first", cut, "next", cut, cut, "last", cut});
  CHECK(g.numbers == Numbers{1, 2, 3, 4, 6, 7, 8});
  // Everything up to "last" is counted, whichever line the rest of a cut one
  // is counted to.
  CHECK(g.offsets[0] == 6);
  CHECK(g.offsets[2] == 6 + longer.size() + 1 + 5);
  CHECK(g.offsets[5] == text.size() - longer.size());
}

TEST_CASE("BatchReader bounds its batches and keeps lines longer than a read whole", "[facts][batch]") {
  std::string text;
  Lines expected;
  for (int i = 0; i < 1000; ++i) {
    // Every 100th line is 1.5 MB, longer than one read of the input.
    std::string line = "{\"i\":" + std::to_string(i) + "}" + std::string(i % 100 == 7 ? 1'500'000 : i % 13, ' ');
    expected.push_back(line);
    text += line + (i % 2 ? "\r\n" : "\n");
  }
  BatchReader r(write_scratch("batch-sizes.jsonl", text));
  r.max_batch_lines = 64;
  Got g = read_all(r);
  CHECK(r.error().empty());
  CHECK(g.lines == expected);
  Numbers one_to_1000(1000);
  std::iota(one_to_1000.begin(), one_to_1000.end(), 1);
  CHECK(g.numbers == one_to_1000);
  CHECK(g.batches >= 1000 / 64);
  CHECK(g.consumed == text.size());

  // And by bytes: a batch stops once it holds max_batch_bytes.
  BatchReader by_bytes(write_scratch("batch-sizes.jsonl", text));
  by_bytes.max_batch_bytes = 4096;
  Batch b;
  std::size_t lines = 0;
  while (by_bytes.next(b)) {
    lines += b.lines.size();
    // A line is added only while the batch holds less than the bound.
    CHECK(b.lines.back().offset < 4096);
  }
  CHECK(lines == 1000);
}

namespace {

// Standard input replaced by a pipe for the life of the object.
struct PipedStdin {
  int saved = ::dup(STDIN_FILENO);
  int write_end = -1;
  PipedStdin() {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    // Non-blocking: a reader that read again before returning a whole line
    // fails (EAGAIN) instead of hanging the test.
    REQUIRE(::fcntl(fds[0], F_SETFL, O_NONBLOCK) == 0);
    REQUIRE(::dup2(fds[0], STDIN_FILENO) == STDIN_FILENO);
    ::close(fds[0]);
    write_end = fds[1];
  }
  void write(const std::string& s) const {
    REQUIRE(::write(write_end, s.data(), s.size()) == static_cast<ssize_t>(s.size()));
  }
  void close() {
    if (write_end >= 0) ::close(write_end);
    write_end = -1;
  }
  ~PipedStdin() {
    close();
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
  }
};

}  // namespace

TEST_CASE("BatchReader: standard input, each line as soon as it arrives", "[facts][batch]") {
  PipedStdin in;
  BatchReader r("-");
  REQUIRE(r.ok());
  Got g;
  Batch b;
  // A whole line is returned without waiting for more input (the pipe is
  // still open: a reader that waited would block here).
  in.write(bom + "{\"a\":1}\r\n\n");
  REQUIRE(r.next(b));
  take(b, g);
  CHECK(g.lines == Lines{"{\"a\":1}"});
  // A line without its newline yet is held until the rest comes.
  in.write("{\"b\"");
  in.write(":2}\nla");
  REQUIRE(r.next(b));
  take(b, g);
  in.write("st");
  in.close();
  while (r.next(b)) take(b, g);
  CHECK(r.error().empty());
  CHECK(g.lines == Lines{"{\"a\":1}", "{\"b\":2}", "last"});
  CHECK(g.numbers == Numbers{1, 3, 4});
  CHECK(g.consumed == 3 + 9 + 1 + 8 + 4);  // the blank line after the first one included
}

TEST_CASE("BatchReader: standard input, a cut line returned before its end arrives", "[facts][batch]") {
  // Memory stays bounded: the reader does not wait for the newline of a line
  // already past the limit.
  PipedStdin in;
  BatchReader r("-", 1000);
  Got g;
  Batch b;
  in.write(std::string(5000, 'x'));
  REQUIRE(r.next(b));
  take(b, g);
  CHECK(g.lines == Lines{std::string(1002, 'x')});
  in.write(std::string(3000, 'x') + "\nafter\n");
  in.close();
  while (r.next(b)) take(b, g);
  CHECK(r.error().empty());
  CHECK(g.lines == Lines{std::string(1002, 'x'), "after"});
  CHECK(g.numbers == Numbers{1, 2});
  CHECK(g.consumed == 8007);
}

TEST_CASE("BatchReader reports open and read errors", "[facts][batch]") {
  BatchReader missing("/nonexistent/x.jsonl");
  CHECK_FALSE(missing.ok());
  CHECK(missing.error() == "cannot open '/nonexistent/x.jsonl': No such file or directory");
  Batch b;
  CHECK_FALSE(missing.next(b));
  BatchReader dir("/tmp");
  CHECK_FALSE(dir.ok());
  CHECK(dir.error() == "cannot open '/tmp': Is a directory");
  CHECK_FALSE(dir.next(b));
  // /proc/self/mem opens, and its first read (address 0) fails with EIO.
  BatchReader eio("/proc/self/mem");
  REQUIRE(eio.ok());
  CHECK_FALSE(eio.next(b));
  CHECK(eio.error() == "cannot read '/proc/self/mem' after line 0: Input/output error");
  CHECK_FALSE(eio.next(b));  // stays failed
}
