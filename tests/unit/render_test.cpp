// Exact text of rendered diagnostics (the golden files depend on it) and the
// display widths the caret line is built from.
#include <catch2/catch.hpp>

#include <string>

#include "interpreter/diag/diagnostic.hpp"

using namespace kijun;

namespace {

// The span of the first occurrence of `needle` in the file.
Span span_of(const SourceFile& f, std::string_view needle) {
  auto pos = f.text().find(needle);
  REQUIRE(pos != std::string::npos);
  return {f.id(), static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
}

}  // namespace

TEST_CASE("display_width counts terminal columns", "[diag]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("common") == 6);
  CHECK(display_width("日本語") == 6);
  CHECK(display_width("ひらがな・カタカナ") == 18);
  CHECK(display_width("한국") == 4);
  CHECK(display_width("\xF0\xA0\x80\x8B") == 2);  // U+2000B, CJK extension B
  CHECK(display_width("ＡＢ") == 4);                // full-width forms
  CHECK(display_width("￥") == 2);                  // U+FFE5
  CHECK(display_width("ｱｲ") == 2);                  // half-width katakana
  CHECK(display_width("　") == 2);                  // ideographic space U+3000
  CHECK(display_width("①") == 1);                   // East Asian ambiguous
  CHECK(display_width("😀") == 2);
  CHECK(display_width("e\xCC\x81") == 1);                // e + U+0301
  CHECK(display_width("\xE3\x81\x8B\xE3\x82\x99") == 2);  // か + U+3099
  CHECK(display_width("a\tb\x7F") == 2);                  // controls take none
  CHECK(display_width("\xE2\x80\x8B") == 0);              // zero-width space
}

TEST_CASE("display_width counts each invalid UTF-8 byte as one column", "[diag]") {
  CHECK(display_width("\xFF\xFE") == 2);
  CHECK(display_width("\xE6\x97") == 2);              // truncated 日
  CHECK(display_width("a\x80z") == 3);                // stray continuation
  CHECK(display_width("\xC0\xAF") == 2);              // overlong '/'
  CHECK(display_width("\xED\xA0\x80") == 3);          // surrogate
  CHECK(display_width("\xF4\x90\x80\x80") == 4);      // beyond U+10FFFF
  CHECK(display_width("\xE6\x97\xA5\xE6") == 3);      // 日 then a cut-off byte
}

TEST_CASE("render: ASCII span with a hint", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("rules.kijun", "ruleset jsprs\ncategory common {\n  comon min 3 units\n}\n");
  Diagnostic d = error_at(span_of(f, "comon "), "unknown category 'comon'");
  d.span->end -= 1;
  d.hint = "did you mean 'common'?";
  CHECK(render(d, sm) ==
        "rules.kijun:3:3: error: unknown category 'comon'\n"
        "    3 |   comon min 3 units\n"
        "      |   ^^^^^\n"
        "hint: did you mean 'common'?\n");
}

TEST_CASE("render: columns count code points, carets follow display width", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("k.kijun", "category 共通講習 min 3 単位\n");

  SECTION("span after wide characters") {
    Diagnostic d = error_at(span_of(f, "min"), "expected 'max'");
    d.severity = Severity::warning;
    CHECK(render(d, sm) ==
          "k.kijun:1:15: warning: expected 'max'\n"
          "    1 | category 共通講習 min 3 単位\n"
          "      |                   ^^^\n");
  }
  SECTION("span on wide characters gets two carets each") {
    CHECK(render(error_at(span_of(f, "単位"), "unknown unit '単位'"), sm) ==
          "k.kijun:1:21: error: unknown unit '単位'\n"
          "    1 | category 共通講習 min 3 単位\n"
          "      |                         ^^^^\n");
    CHECK(render(error_at(span_of(f, "講"), "x"), sm) ==
          "k.kijun:1:12: error: x\n"
          "    1 | category 共通講習 min 3 単位\n"
          "      |              ^^\n");
  }
}

TEST_CASE("render: a span over several lines is underlined to the end of its first", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("m.kijun", "standard 更新 {\n  x\n}\n");
  Span s = span_of(f, "更新 {\n  x\n}");
  CHECK(render(error_at(s, "empty standard"), sm) ==
        "m.kijun:1:10: error: empty standard\n"
        "    1 | standard 更新 {\n"
        "      |          ^^^^^^\n");
}

TEST_CASE("render: an empty span gets one caret", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("z.kijun", "unit 単位 \"x\"\n");
  Span s = span_of(f, " \"x\"");
  s.end = s.begin;
  CHECK(render(error_at(s, "expected '('"), sm) ==
        "z.kijun:1:8: error: expected '('\n"
        "    1 | unit 単位 \"x\"\n"
        "      |          ^\n");
}

TEST_CASE("render: CRLF line endings are not shown", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("w.kijun", "a\r\nbb cc\r\ndd\r\n");
  CHECK(render(error_at(span_of(f, "cc\r\n"), "bad"), sm) ==
        "w.kijun:2:4: error: bad\n"
        "    2 | bb cc\n"
        "      |    ^^\n");
  Span at_cr = span_of(f, "\r\ndd");
  at_cr.end = at_cr.begin + 1;
  CHECK(render(error_at(at_cr, "expected ';'"), sm) ==
        "w.kijun:2:6: error: expected ';'\n"
        "    2 | bb cc\n"
        "      |      ^\n");
}

TEST_CASE("render: spans at or beyond the end of the file", "[diag]") {
  SourceMap sm;
  const auto& no_newline = sm.add("a.kijun", "ruleset x");
  const auto& with_newline = sm.add("b.kijun", "ruleset x\n");
  const auto& empty = sm.add("c.kijun", "");

  CHECK(render(error_at({no_newline.id(), 9, 9}, "expected '{'"), sm) ==
        "a.kijun:1:10: error: expected '{'\n"
        "    1 | ruleset x\n"
        "      |          ^\n");
  CHECK(render(error_at({no_newline.id(), 100, 120}, "past the end"), sm) ==
        "a.kijun:1:10: error: past the end\n"
        "    1 | ruleset x\n"
        "      |          ^\n");
  CHECK(render(error_at({with_newline.id(), 10, 10}, "expected '{'"), sm) ==
        "b.kijun:2:1: error: expected '{'\n"
        "    2 |\n"
        "      | ^\n");
  CHECK(render(error_at({empty.id(), 0, 5}, "expected 'ruleset'"), sm) ==
        "c.kijun:1:1: error: expected 'ruleset'\n"
        "    1 |\n"
        "      | ^\n");
}

TEST_CASE("render: tabs, controls and invalid UTF-8 in the source line", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("t.kijun", "\tlet\x01x = \xFF\xFE y\n");
  CHECK(render(error_at(span_of(f, "y"), "unknown name 'y'"), sm) ==
        "t.kijun:1:13: error: unknown name 'y'\n"
        "    1 |  let x = \xEF\xBF\xBD\xEF\xBF\xBD y\n"
        "      |             ^\n");
}

TEST_CASE("render: wide gutter for long files", "[diag]") {
  std::string text;
  for (int i = 0; i < 123456; ++i) text += "\n";
  text += "oops\n";
  SourceMap sm;
  const auto& f = sm.add("big.kijun", text);
  CHECK(render(error_at(span_of(f, "oops"), "bad"), sm) ==
        "big.kijun:123457:1: error: bad\n"
        "123457 | oops\n"
        "       | ^^^^\n");
}

TEST_CASE("render: facts diagnostics without a span", "[diag]") {
  SourceMap sm;
  Diagnostic d;
  d.location = "cohort.jsonl:17";
  d.subject = "applicant 'EX-1'";
  d.json_path = "$.courses[3].minutes";
  d.message = "expected an integer > 0 minutes, got -30";
  CHECK(render(d, sm) ==
        "cohort.jsonl:17: error: applicant 'EX-1': $.courses[3].minutes: "
        "expected an integer > 0 minutes, got -30\n");

  Diagnostic bare;
  bare.severity = Severity::warning;
  bare.json_path = "$.license_date";
  bare.message = "missing";
  bare.hint = "add it";
  CHECK(render(bare, sm) == "warning: $.license_date: missing\nhint: add it\n");

  // A span into a file the map does not hold falls back to the location.
  Diagnostic stray = error_at({7, 0, 1}, "lost");
  stray.location = "x.json";
  CHECK(render(stray, sm) == "x.json: error: lost\n");
}

TEST_CASE("render: notes with and without a span, then the hint", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("r.kijun", "category 共通 {}\ncategory 共通 {}\n");
  Span first = span_of(f, "共通");
  auto again = static_cast<std::uint32_t>(f.text().find("共通", first.end));
  Span second{f.id(), again, again + (first.end - first.begin)};
  Diagnostic d = error_at(second, "category '共通' is defined twice");
  d.notes.push_back({first, "first defined here"});
  d.notes.push_back({std::nullopt, "categories share one namespace"});
  d.hint = "rename one of them";
  const std::string expected =
      "r.kijun:2:10: error: category '共通' is defined twice\n"
      "    2 | category 共通 {}\n"
      "      |          ^^^^\n"
      "r.kijun:1:10: note: first defined here\n"
      "    1 | category 共通 {}\n"
      "      |          ^^^^\n"
      "note: categories share one namespace\n"
      "hint: rename one of them\n";
  CHECK(render(d, sm) == expected);

  Diagnostic other;
  other.location = "a.json";
  other.message = "second";
  CHECK(render_all({d, other}, sm) == expected + "a.json: error: second\n");
  CHECK(render_all({}, sm).empty());
}

TEST_CASE("render_json: members, omissions and escaping", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("rules.kijun", "x\n  comon 単位\n");

  Diagnostic d = error_at(span_of(f, "comon"), "unknown category 'comon'");
  d.hint = "did you mean 'common'?";
  CHECK(render_json(d, sm) ==
        R"({"severity":"error","file":"rules.kijun","line":2,"column":3,"end_line":2,)"
        R"("end_column":8,"message":"unknown category 'comon'","hint":"did you mean 'common'?"})");

  Diagnostic w = error_at(span_of(f, "単位\n"), "単位");
  w.severity = Severity::warning;
  CHECK(render_json(w, sm) ==
        R"({"severity":"warning","file":"rules.kijun","line":2,"column":9,"end_line":3,)"
        R"("end_column":1,"message":"単位"})");

  Diagnostic facts;
  facts.location = "cohort.jsonl:17";
  facts.subject = "applicant \"EX-1\"";
  facts.json_path = "$.a\\b";
  facts.message = std::string("tab\there\nnew\rcr\x01\x1F\b\f \xE6\x97\xA5 bad\xFF!");
  CHECK(render_json(facts, sm) ==
        R"({"severity":"error","location":"cohort.jsonl:17","subject":"applicant \"EX-1\"",)"
        R"("path":"$.a\\b","message":"tab\there\nnew\rcr\u0001\u001f\b\f 日 bad\ufffd!"})");
}

TEST_CASE("render_json: notes are listed only when present", "[diag]") {
  SourceMap sm;
  const auto& f = sm.add("n.kijun", "ab\n");
  Diagnostic d = error_at({f.id(), 1, 2}, "dup");
  d.notes.push_back({Span{f.id(), 0, 1}, "here"});
  d.notes.push_back({std::nullopt, "why"});
  CHECK(render_json(d, sm) ==
        R"({"severity":"error","file":"n.kijun","line":1,"column":2,"end_line":1,"end_column":3,)"
        R"("message":"dup","notes":[{"file":"n.kijun","line":1,"column":1,"end_line":1,)"
        R"("end_column":2,"message":"here"},{"message":"why"}]})");
  CHECK(std::string(to_string(Severity::note)) == "note");
}
