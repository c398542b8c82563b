// The message of every expect<> point of test_grammar.hpp (the control that
// raises them is errors.hpp's). Included only by test_parse.cpp.
#pragma once

#include "grammar/errors.hpp"
#include "grammar/test_grammar.hpp"

namespace kijun::grammar {

namespace tr = test_rules;

// JSON.
template <> inline constexpr const char* error_message<tr::j_escape_char> = "unknown escape sequence";
template <> inline constexpr const char* error_hint<tr::j_escape_char> = "JSON's escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX";
template <> inline constexpr const char* error_message<tr::j_string_close> = "unterminated string";
template <> inline constexpr const char* error_hint<tr::j_string_close> = "a string ends with '\"' on the line where it starts";
template <> inline constexpr const char* error_message<tr::j_string> = "expected a string";
template <> inline constexpr const char* error_message<tr::j_colon> = "expected ':'";
template <> inline constexpr const char* error_message<tr::j_value> = "expected a JSON value";
template <> inline constexpr const char* error_message<tr::j_member> = "expected a member \"name\": value";
template <> inline constexpr const char* error_hint<tr::j_member> = "JSON allows no ',' after the last member";
template <> inline constexpr const char* error_message<tr::j_object_close> = "expected ',' or '}'";
template <> inline constexpr const char* error_message<tr::j_object> = "expected '{' and a JSON object";
template <> inline constexpr const char* error_message<tr::j_count> = "expected how many times, a whole number, after '*'";
template <> inline constexpr const char* error_message<tr::j_element> = "expected a JSON value";
template <> inline constexpr const char* error_hint<tr::j_element> = "JSON allows no ',' after the last element";
template <> inline constexpr const char* error_message<tr::j_array_close> = "expected ',', '* N' or ']'";

// The file.
template <> inline constexpr const char* error_message<tr::header> = "expected 'tests for' and the ruleset's file";
template <> inline constexpr const char* error_hint<tr::header> = "a test file starts with: tests for \"../ruleset.kijun\"";
template <> inline constexpr const char* error_message<tr::kw_for> = "expected 'for'";
template <> inline constexpr const char* error_message<tr::ruleset_path> = "expected the ruleset's file as a string";
template <> inline constexpr const char* error_message<tr::end_of_file> = "expected a declaration";
template <> inline constexpr const char* error_hint<tr::end_of_file> =
    "a test file holds applicant, example, override example, remove example and snapshot declarations";
template <> inline constexpr const char* error_message<tr::applicant_name> = "expected the applicant's name";
template <> inline constexpr const char* error_message<tr::applicant_ref> = "expected the applicant's name";
template <> inline constexpr const char* error_message<tr::applicant_body> = "expected '{' and the applicant's facts, or '= NAME with { … }'";
template <> inline constexpr const char* error_message<tr::kw_example> = "expected 'example'";
template <> inline constexpr const char* error_message<tr::example_name> = "expected the example's name as a string";
template <> inline constexpr const char* error_message<tr::facts_clause> = "expected the example's facts";
template <> inline constexpr const char* error_hint<tr::facts_clause> =
    "an example starts with applicant NAME, applicant NAME with { … }, facts { … } or facts from \"FILE\"";
template <> inline constexpr const char* error_message<tr::expect_path> = "expected what to check, e.g. outcome or categories.clinical.counted";
template <> inline constexpr const char* error_message<tr::expect_what> =
    "expected what to check, e.g. outcome or categories.clinical.counted, or error";
template <> inline constexpr const char* error_hint<tr::expect_what> =
    "expect PATH = VALUE, expect PATH includes [ … ], or expect error \"TEXT\" for facts that are refused";
template <> inline constexpr const char* error_message<tr::path_step> = "expected a name after '.'";
template <> inline constexpr const char* error_message<tr::expect_op> = "expected '=' or 'includes'";
template <> inline constexpr const char* error_message<tr::expect_value> = "expected a value";
template <> inline constexpr const char* error_hint<tr::expect_value> =
    "a value is a number, a \"string\", a name, true, false, blank, or a list [ … ] of these";
template <> inline constexpr const char* error_message<tr::v_list_close> = "expected ',' or ']'";
template <> inline constexpr const char* error_message<tr::example_close> = "expected 'expect' or '}'";
template <> inline constexpr const char* error_message<tr::override_close> = "expected 'expect' or '}'";

}  // namespace kijun::grammar
