// The message of every expect<> point of grammar.hpp, and the PEGTL control
// that raises them. Included only by parse.cpp, which turns the exception into
// a kijun::Diagnostic (the user sees these texts, never PEGTL's).
#pragma once

#include <string>

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"

namespace kijun::grammar {

// "expected X": what the parser wanted at the offending token.
template <typename Rule> inline constexpr const char* error_message = nullptr;
// An optional "hint: …" line.
template <typename Rule> inline constexpr const char* error_hint = nullptr;

namespace r = rules;

// Tokens.
template <> inline constexpr const char* error_message<r::ident> = "expected a name";
template <> inline constexpr const char* error_message<r::number> = "expected a number";
template <> inline constexpr const char* error_message<r::string_lit> = "expected a string";
template <> inline constexpr const char* error_message<r::text> = "expected a message string";
template <> inline constexpr const char* error_hint<r::text> = "a message is \"…\", optionally followed by en \"…\"";
template <> inline constexpr const char* error_message<r::equals> = "expected '='";
template <> inline constexpr const char* error_message<r::colon> = "expected ':'";
template <> inline constexpr const char* error_message<r::open_brace> = "expected '{'";
template <> inline constexpr const char* error_message<r::open_paren> = "expected '('";
template <> inline constexpr const char* error_message<r::paren_close> = "expected ')'";
template <> inline constexpr const char* error_message<r::block_close> = "expected '}'";
template <> inline constexpr const char* error_message<r::kw_when> = "expected 'when'";
template <> inline constexpr const char* error_message<r::kw_then> = "expected 'then'";
template <> inline constexpr const char* error_message<r::kw_else> = "expected 'else'";
template <> inline constexpr const char* error_message<r::kw_per> = "expected 'per' after 'once'";
template <> inline constexpr const char* error_message<r::kw_min> = "expected 'min' after 'total'";
template <> inline constexpr const char* error_message<r::kw_total> = "expected 'total' after 'lowers'";
template <> inline constexpr const char* error_message<r::kw_by> = "expected 'by'";

// Strings.
template <> inline constexpr const char* error_message<r::escape_char> = "unknown escape sequence";
template <> inline constexpr const char* error_hint<r::escape_char> = "the escapes are \\\" \\\\ \\n \\{ \\}";
template <> inline constexpr const char* error_message<r::interp_close> = "expected '}' to end the interpolation";
template <> inline constexpr const char* error_message<r::stray_brace> = "unescaped '}' in a string";
template <> inline constexpr const char* error_hint<r::stray_brace> = "write \\} for a literal '}'";
template <> inline constexpr const char* error_message<r::str_close> = "unterminated string";
template <> inline constexpr const char* error_hint<r::str_close> = "a string ends with '\"' on the line where it starts; write \\n for a line break";

// Expressions: every operand position says the same.
template <> inline constexpr const char* error_message<r::expr> = "expected an expression";
template <> inline constexpr const char* error_message<r::unary> = "expected an expression";
template <> inline constexpr const char* error_message<r::mul_expr> = "expected an expression";
template <> inline constexpr const char* error_message<r::add_expr> = "expected an expression";
template <> inline constexpr const char* error_message<r::range_expr> = "expected an expression";
template <> inline constexpr const char* error_message<r::not_level> = "expected an expression";
template <> inline constexpr const char* error_message<r::and_expr> = "expected an expression";
template <> inline constexpr const char* error_message<r::or_expr> = "expected an expression";
template <> inline constexpr const char* error_message<r::call_close> = "expected ',' or ')'";
template <> inline constexpr const char* error_message<r::record_field> = "expected a record field 'name: value'";
template <> inline constexpr const char* error_message<r::record_close> = "expected ',' or '}'";
template <> inline constexpr const char* error_message<r::set_close> = "expected ',' or '}'";
template <> inline constexpr const char* error_message<r::list_close> = "expected ',' or ']'";
template <> inline constexpr const char* error_message<r::case_arm> = "expected 'when' after the case subject";
template <> inline constexpr const char* error_message<r::case_else> = "expected 'when' or 'else'";
template <> inline constexpr const char* error_hint<r::case_else> = "a case ends with 'else' and the value when no arm matches";
template <> inline constexpr const char* error_message<r::field_name> = "expected a field name after '.'";
template <> inline constexpr const char* error_message<r::as_unit> = "expected a unit after 'as'";
template <> inline constexpr const char* error_message<r::chained_compare> = "comparisons do not chain";
template <> inline constexpr const char* error_hint<r::chained_compare> = "combine them with 'and': a < b and b < c";
template <> inline constexpr const char* error_message<r::end_of_expression> = "expected an operator or the end of the expression";

// Declarations.
template <> inline constexpr const char* error_message<r::header> = "expected 'ruleset' and the ruleset's name";
template <> inline constexpr const char* error_hint<r::header> = "a ruleset file starts with: ruleset <name> \"<label>\"";
template <> inline constexpr const char* error_message<r::end_of_file> = "expected a declaration";
template <> inline constexpr const char* error_hint<r::end_of_file> =
    "a declaration starts with unit, convert, enum, facts, record, let, table, category, exemption, standard, outcome "
    "or report (in a draft also override or remove)";
template <> inline constexpr const char* error_message<r::enum_member> = "expected an enum member";
template <> inline constexpr const char* error_message<r::enum_close> = "expected ',' or '}'";
template <> inline constexpr const char* error_message<r::type_ref> = "expected a type";
template <> inline constexpr const char* error_hint<r::type_ref> =
    "a type is a name (integer, boolean, string, date, decimal, a unit or an enum) with an optional '?', or 'list of <record>'";
template <> inline constexpr const char* error_message<r::fields_close> = "expected a field, 'invalid when' or '}'";
template <> inline constexpr const char* error_message<r::record_body_close> = "expected a field, a variant, 'invalid when' or '}'";
template <> inline constexpr const char* error_message<r::table_keyrow> = "expected the key row 'name: numbers'";
template <> inline constexpr const char* error_hint<r::table_keyrow> = "the first row names the key and its column values, e.g. renewal_year: 2015 2016 2017";
template <> inline constexpr const char* error_message<r::table_cell> = "expected a number or '-'";
template <> inline constexpr const char* error_message<r::table_close> = "expected a table row or '}'";
template <> inline constexpr const char* error_message<r::part_from> = "expected 'from' and the records the part counts";
template <> inline constexpr const char* error_message<r::part_earns> = "expected 'counts when' or 'earns'";
template <> inline constexpr const char* error_message<r::part_close> = "expected 'once per', 'max' or '}'";
template <> inline constexpr const char* error_message<r::category_close> = "expected 'counts when', 'part', 'earns' or '}'";
template <> inline constexpr const char* error_message<r::exemption_when> = "expected 'when' and the exemption's condition";
template <> inline constexpr const char* error_message<r::exemption_waives> = "expected 'waives' and what the exemption waives";
template <> inline constexpr const char* error_message<r::exemption_close> = "expected 'lowers total by' or '}'";
template <> inline constexpr const char* error_message<r::standard_close> =
    "expected a category bound, 'total min', 'require', 'let', 'report' or '}'";
template <> inline constexpr const char* error_message<r::outcome_body> = "expected 'when' or 'otherwise'";
template <> inline constexpr const char* error_message<r::outcome_close> = "expected 'when' or '}'";
template <> inline constexpr const char* error_message<r::override_target> =
    "expected what to override: let, table, category, exemption, standard, outcome or report";
template <> inline constexpr const char* error_message<r::remove_kind> =
    "expected what to remove: let, table, category, exemption, standard, outcome or report";

static_assert(max_nesting_depth == 64, "update nesting_message");
inline constexpr const char* nesting_message = "nesting deeper than 64 levels (limit max_nesting_depth)";
inline constexpr const char* nesting_hint = "name the inner parts with 'let'";

// A parse_error that also carries the hint of the rule that failed.
class syntax_error : public tao::pegtl::parse_error {
 public:
  template <typename ParseInput>
  syntax_error(const char* message, const char* hint, const ParseInput& in)
      : parse_error(message, in), hint_(hint ? hint : "") {}
  syntax_error(const std::string& message, const char* hint, tao::pegtl::position at)
      : parse_error(message, std::move(at)), hint_(hint ? hint : "") {}
  const std::string& hint() const { return hint_; }

 private:
  std::string hint_;
};

// must_if's table: messages only matter at expect<> points (raise<>), so no
// rule raises merely because one alternative failed.
struct error_messages {
  template <typename Rule> static constexpr const char* message = error_message<Rule>;
  template <typename Rule> static constexpr bool raise_on_failure = false;
};

// must_if's control, raising a syntax_error so the hint travels with it.
template <typename Rule>
struct control : tao::pegtl::must_if<error_messages>::control<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    static_assert(error_message<Rule> != nullptr, "every expect<> point needs a message in errors.hpp");
    throw syntax_error(error_message<Rule>, error_hint<Rule>, in);
  }
};

}  // namespace kijun::grammar
