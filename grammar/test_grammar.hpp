// The grammar of ruleset test files (*.kijun-test, docs/testing.md) as PEGTL
// rules. Shares the ruleset grammar's lexical rules (comments, names,
// expect<>); the facts are JSON with one addition, `element * N`. Included
// only by test_parse.cpp.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"

namespace kijun::grammar::test_rules {

using namespace tao::pegtl;  // NOLINT: this header is the grammar, read as a table
using rules::expect;
using rules::key;
using rules::name;
using rules::nest;
using rules::sp;

struct kw_tests : key<TAO_PEGTL_STRING("tests")> {};
struct kw_for : key<TAO_PEGTL_STRING("for")> {};
struct kw_applicant : key<TAO_PEGTL_STRING("applicant")> {};
struct kw_example : key<TAO_PEGTL_STRING("example")> {};
struct kw_expect : key<TAO_PEGTL_STRING("expect")> {};
struct kw_with : key<TAO_PEGTL_STRING("with")> {};
struct kw_facts : key<TAO_PEGTL_STRING("facts")> {};
struct kw_from : key<TAO_PEGTL_STRING("from")> {};
struct kw_cites : key<TAO_PEGTL_STRING("cites")> {};
struct kw_override : key<TAO_PEGTL_STRING("override")> {};
struct kw_remove : key<TAO_PEGTL_STRING("remove")> {};
struct kw_includes : key<TAO_PEGTL_STRING("includes")> {};
struct kw_snapshot : key<TAO_PEGTL_STRING("snapshot")> {};
struct kw_true : key<TAO_PEGTL_STRING("true")> {};
struct kw_false : key<TAO_PEGTL_STRING("false")> {};
struct kw_null : key<TAO_PEGTL_STRING("null")> {};
struct kw_blank : key<TAO_PEGTL_STRING("blank")> {};
struct kw_error : key<TAO_PEGTL_STRING("error")> {};

// ---------------------------------------------------------------- JSON
struct j_escape_char : sor<one<'"', '\\', '/', 'b', 'f', 'n', 'r', 't'>, seq<one<'u'>, rep<4, xdigit>>> {};
struct j_escape : seq<one<'\\'>, expect<j_escape_char>> {};
struct j_string_close : one<'"'> {};
// A JSON string: no raw control characters, so an unclosed one ends at the line.
struct j_string : seq<one<'"'>, star<sor<j_escape, not_one<'"', '\\', '\n', '\r'>>>, expect<j_string_close>> {};
struct j_number : seq<opt<one<'-'>>, sor<one<'0'>, seq<range<'1', '9'>, star<digit>>>, opt<one<'.'>, plus<digit>>,
                      opt<one<'e', 'E'>, opt<one<'+', '-'>>, plus<digit>>, not_at<rules::ident_other>> {};
struct j_literal : sor<kw_true, kw_false, kw_null> {};
struct j_object;
struct j_array;
struct j_value : sor<j_string, j_number, j_literal, j_object, j_array> {};
struct j_colon : one<':'> {};
struct j_member : seq<j_string, sp, expect<j_colon>, sp, expect<j_value>> {};
struct j_object_close : one<'}'> {};
struct j_object : seq<one<'{'>, sp, nest<opt<j_member, star<sp, one<','>, sp, expect<j_member>>>>, sp, expect<j_object_close>> {};
struct j_count : plus<digit> {};
struct j_element : seq<j_value, opt<sp, one<'*'>, sp, expect<j_count>>> {};
struct j_array_close : one<']'> {};
struct j_array : seq<one<'['>, sp, nest<opt<j_element, star<sp, one<','>, sp, expect<j_element>>>>, sp, expect<j_array_close>> {};

// ---------------------------------------------------------------- test file
struct ruleset_path : j_string {};
struct header : seq<kw_tests, sp, expect<kw_for>, sp, expect<ruleset_path>> {};

struct applicant_name : name {};
struct with_clause : seq<kw_with, sp, expect<j_object>> {};
struct applicant_ref : seq<applicant_name, opt<sp, with_clause>> {};
struct applicant_alias : seq<rules::equals, sp, expect<applicant_ref>> {};
struct applicant_body : sor<j_object, applicant_alias> {};
struct applicant_def : seq<kw_applicant, sp, expect<applicant_name>, sp, expect<applicant_body>> {};

struct example_name : j_string {};
struct cites_clause : seq<kw_cites, sp, expect<j_string>> {};
struct facts_use : seq<kw_applicant, sp, expect<applicant_ref>> {};
struct facts_file : seq<kw_facts, sp, kw_from, sp, expect<j_string>> {};
struct facts_inline : seq<kw_facts, sp, expect<j_object>> {};
struct facts_clause : sor<facts_use, facts_file, facts_inline> {};

struct path_step : sor<name, plus<digit>> {};
struct expect_path : seq<path_step, star<one<'.'>, expect<path_step>>> {};
struct op_equals : rules::equals {};
struct op_includes : kw_includes {};
struct expect_op : sor<op_equals, op_includes> {};
struct v_true : kw_true {};
struct v_false : kw_false {};
struct v_blank : kw_blank {};
struct v_ident : name {};
struct v_list;
struct expect_value : sor<j_string, j_number, v_true, v_false, v_blank, v_ident, v_list> {};
struct v_list_close : one<']'> {};
struct v_list : seq<one<'['>, sp, nest<opt<expect_value, star<sp, one<','>, sp, expect<expect_value>>>>, sp, expect<v_list_close>> {};
struct expect_member : seq<expect_path, sp, expect<expect_op>, sp, expect<expect_value>> {};
// `expect error` / `expect error "TEXT"`: the facts are refused, by the facts
// reader or the evaluator, with an error whose text contains TEXT. `error.x`
// stays a path (the verdict has no member `error`, but that is for the matcher
// to say).
struct error_text : j_string {};
struct expect_error : seq<kw_error, not_at<one<'.'>>, opt<sp, error_text>> {};
struct expect_what : sor<expect_error, expect_member> {};
struct expectation : seq<kw_expect, sp, expect<expect_what>> {};

struct example_close : one<'}'> {};
struct example_decl : seq<kw_example, sp, expect<example_name>, opt<sp, cites_clause>, sp, expect<rules::open_brace>,
                          sp, expect<facts_clause>, star<sp, expectation>, sp, expect<example_close>> {};
struct override_close : one<'}'> {};
struct override_decl : seq<kw_override, sp, expect<kw_example>, sp, expect<example_name>, sp,
                           expect<rules::open_brace>, star<sp, expectation>, sp, expect<override_close>> {};
struct remove_decl : seq<kw_remove, sp, expect<kw_example>, sp, expect<example_name>> {};
struct snapshot_decl : seq<kw_snapshot, sp, expect<j_string>> {};

struct declaration : sor<applicant_def, example_decl, override_decl, remove_decl, snapshot_decl> {};
struct end_of_file : eof {};
struct test_file : seq<opt<rules::bom>, sp, expect<header>, star<sp, declaration>, sp, expect<end_of_file>> {};

}  // namespace kijun::grammar::test_rules
