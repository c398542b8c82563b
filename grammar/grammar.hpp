// The kijun grammar as PEGTL rules, one rule per line (grammar/README.md is
// the EBNF this table follows). Included only by parse.cpp.
//
// Conventions:
//  - Tokens never swallow white space; `sp` (spaces and comments) is written
//    between them, inside `opt<sp, …>` so that a node's span ends at its last
//    token and an error points at the token that was expected.
//  - `expect<R>` is our must<R>: it rewinds before raising, so the error is at
//    the start of R; the message of R is in errors.hpp.
//  - Rules that become parse-tree nodes (parse.cpp's selector) or carry an
//    error message are named structs.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "grammar/parse.hpp"

namespace kijun::grammar::rules {

using namespace tao::pegtl;  // NOLINT: this header is the grammar, read as a table

// Must-point: R or a parse_error with R's message, raised where R was tried.
template <typename R> struct expect : sor<R, raise<R>> {};

// Counts expression nesting on the input (parse.cpp's input type) so that
// 100000 '(' become a diagnostic instead of a stack overflow.
template <typename... R>
struct nest {
  using rule_t = nest;
  using subs_t = type_list<seq<R...>>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    // The top-level expression is level 0; each nested one adds a level.
    if (++in.nesting > max_nesting_depth + 1) in.too_deep();
    const bool ok = Control<seq<R...>>::template match<A, M, Action, Control>(in, st...);
    --in.nesting;
    return ok;
  }
};

// star<Sep, Item> that refuses the repetition past Tag::limit (counting
// Tag::first items before the star): the items of a list literal and the
// declarations of a ruleset are bounded while parsing, before the parse tree
// grows. The error points at the first item too many.
template <typename Tag, typename Sep, typename Item>
struct star_at_most {
  using rule_t = star_at_most;
  using subs_t = type_list<Sep, Item>;

  template <apply_mode A, rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    for (std::size_t n = Tag::first;; ++n) {
      auto m = in.template mark<rewind_mode::required>();
      if (!Control<Sep>::template match<A, rewind_mode::active, Action, Control>(in, st...)) return true;
      const auto item = in.iterator();
      if (!Control<Item>::template match<A, rewind_mode::active, Action, Control>(in, st...)) return true;
      if (n >= Tag::limit) in.too_many(Tag::message, Tag::hint, item);
      (void)m(true);
    }
  }
};
struct list_items_tag {
  static constexpr std::size_t first = 1, limit = limits::max_list_length;
  static_assert(limit == 100'000, "update the message");
  static constexpr const char* message = "more than 100,000 items in this list (limit max_list_length)";
  static constexpr const char* hint = "a list this long cannot be meant: look for text pasted by mistake";
};
struct declarations_tag {
  static constexpr std::size_t first = 0, limit = limits::max_declarations;
  static_assert(limit == 10'000, "update the message");
  static constexpr const char* message = "more than 10,000 declarations in this ruleset (limit max_declarations)";
  static constexpr const char* hint = "split the ruleset, or use tables for values that vary by year";
};

// ------------------------------------------------------------------- lexical
struct comment : seq<one<'#'>, star<not_one<'\n'>>> {};
struct sp : star<sor<space, comment>> {};
struct non_ascii : range<'\x80', '\xff'> {};  // any byte of a multi-byte UTF-8 character
struct ident_first : sor<alpha, one<'_'>, non_ascii> {};
struct ident_other : sor<alnum, one<'_'>, non_ascii> {};
struct name : seq<ident_first, star<ident_other>> {};
template <typename S> struct key : seq<S, not_at<ident_other>> {};

struct kw_and : key<TAO_PEGTL_STRING("and")> {};
struct kw_applies : key<TAO_PEGTL_STRING("applies")> {};
struct kw_as : key<TAO_PEGTL_STRING("as")> {};
struct kw_by : key<TAO_PEGTL_STRING("by")> {};
struct kw_case : key<TAO_PEGTL_STRING("case")> {};
struct kw_category : key<TAO_PEGTL_STRING("category")> {};
struct kw_cites : key<TAO_PEGTL_STRING("cites")> {};
struct kw_convert : key<TAO_PEGTL_STRING("convert")> {};
struct kw_counts : key<TAO_PEGTL_STRING("counts")> {};
struct kw_earns : key<TAO_PEGTL_STRING("earns")> {};
struct kw_else : key<TAO_PEGTL_STRING("else")> {};
struct kw_en : key<TAO_PEGTL_STRING("en")> {};
struct kw_enum : key<TAO_PEGTL_STRING("enum")> {};
struct kw_exemption : key<TAO_PEGTL_STRING("exemption")> {};
struct kw_extends : key<TAO_PEGTL_STRING("extends")> {};
struct kw_facts : key<TAO_PEGTL_STRING("facts")> {};
struct kw_false : key<TAO_PEGTL_STRING("false")> {};
struct kw_from : key<TAO_PEGTL_STRING("from")> {};
struct kw_if : key<TAO_PEGTL_STRING("if")> {};
struct kw_in : key<TAO_PEGTL_STRING("in")> {};
struct kw_invalid : key<TAO_PEGTL_STRING("invalid")> {};
struct kw_it : key<TAO_PEGTL_STRING("it")> {};
struct kw_let : key<TAO_PEGTL_STRING("let")> {};
struct kw_list : key<TAO_PEGTL_STRING("list")> {};
struct kw_lowers : key<TAO_PEGTL_STRING("lowers")> {};
struct kw_max : key<TAO_PEGTL_STRING("max")> {};
struct kw_min : key<TAO_PEGTL_STRING("min")> {};
struct kw_not : key<TAO_PEGTL_STRING("not")> {};
struct kw_of : key<TAO_PEGTL_STRING("of")> {};
struct kw_once : key<TAO_PEGTL_STRING("once")> {};
struct kw_or : key<TAO_PEGTL_STRING("or")> {};
struct kw_otherwise : key<TAO_PEGTL_STRING("otherwise")> {};
struct kw_outcome : key<TAO_PEGTL_STRING("outcome")> {};
struct kw_override : key<TAO_PEGTL_STRING("override")> {};
struct kw_part : key<TAO_PEGTL_STRING("part")> {};
struct kw_per : key<TAO_PEGTL_STRING("per")> {};
struct kw_record : key<TAO_PEGTL_STRING("record")> {};
struct kw_remove : key<TAO_PEGTL_STRING("remove")> {};
struct kw_report : key<TAO_PEGTL_STRING("report")> {};
struct kw_reporting : key<TAO_PEGTL_STRING("reporting")> {};
struct kw_require : key<TAO_PEGTL_STRING("require")> {};
struct kw_ruleset : key<TAO_PEGTL_STRING("ruleset")> {};
struct kw_source : key<TAO_PEGTL_STRING("source")> {};
struct kw_standard : key<TAO_PEGTL_STRING("standard")> {};
struct kw_table : key<TAO_PEGTL_STRING("table")> {};
struct kw_then : key<TAO_PEGTL_STRING("then")> {};
struct kw_total : key<TAO_PEGTL_STRING("total")> {};
struct kw_true : key<TAO_PEGTL_STRING("true")> {};
struct kw_unit : key<TAO_PEGTL_STRING("unit")> {};
struct kw_version : key<TAO_PEGTL_STRING("version")> {};
struct kw_waives : key<TAO_PEGTL_STRING("waives")> {};
struct kw_when : key<TAO_PEGTL_STRING("when")> {};
struct kw_where : key<TAO_PEGTL_STRING("where")> {};

// Words that cannot name a value or a function in an expression.
struct expr_reserved : sor<kw_and, kw_or, kw_not, kw_in, kw_as, kw_where, kw_if, kw_then, kw_else, kw_case, kw_when, kw_true, kw_false, kw_it> {};
// Words that cannot be a number's unit: operators and the clause words that
// may follow an expression on the same line, README's list plus `waives`,
// `earns` and `counts` (`{ when n >= 3 waives x }`). `1 case` and `1 unit`
// stay units: they are declared unit names.
struct unit_reserved : sor<kw_and, kw_or, kw_not, kw_in, kw_as, kw_where, kw_if, kw_then, kw_else, kw_when, kw_true, kw_false, kw_it, kw_min, kw_max, kw_once, kw_per, kw_en, kw_cites, kw_reporting, kw_waives, kw_earns, kw_counts> {};

// ------------------------------------------------------------------- tokens
struct ident : name {};                       // a declared or referenced name; keywords allowed
struct number : seq<plus<digit>, opt<one<'.'>, plus<digit>>> {};
struct equals : seq<one<'='>, not_at<one<'='>>> {};
struct colon : one<':'> {};
struct open_brace : one<'{'> {};
struct open_paren : one<'('> {};
struct paren_close : one<')'> {};
struct block_close : one<'}'> {};

// ------------------------------------------------------------------- strings
struct expr;
struct str_plain : plus<not_one<'"', '\\', '{', '}', '\n', '\r'>> {};
struct escape_char : one<'"', '\\', 'n', '{', '}'> {};
struct str_escape : seq<one<'\\'>, escape_char> {};
struct interp_close : one<'}'> {};
struct str_interp : seq<one<'{'>, sp, expect<expr>, sp, expect<interp_close>> {};
struct stray_brace : one<'}'> {};
struct str_close : one<'"'> {};
// Why a string stopped early: a stray '}', a bad escape, or no closing '"'.
struct str_end : sor<str_close, seq<at<one<'}'>>, raise<stray_brace>>, seq<at<one<'\\'>>, raise<escape_char>>, raise<str_close>> {};
struct string_lit : seq<one<'"'>, star<sor<str_plain, str_escape, str_interp>>, str_end> {};
struct en_text : seq<kw_en, sp, expect<string_lit>> {};
struct text : seq<string_lit, opt<sp, en_text>> {};             // "日本語" en "English"
struct cites : seq<kw_cites, sp, expect<string_lit>> {};

// --------------------------------------------------------------- expressions
struct date_lit : seq<rep<4, digit>, one<'-'>, rep<2, digit>, one<'-'>, rep<2, digit>, not_at<ident_other>> {};
struct unit_name : seq<not_at<unit_reserved>, name> {};
struct number_lit : seq<number, opt<star<blank>, unit_name>> {};  // the unit is on the number's line
struct true_lit : kw_true {};
struct false_lit : kw_false {};
struct it_ref : kw_it {};
struct name_ref : seq<not_at<expr_reserved>, name> {};
struct callee : seq<not_at<expr_reserved>, name> {};
struct call_close : one<')'> {};
struct call : seq<callee, sp, one<'('>, sp, sor<one<')'>, seq<expect<expr>, star<sp, one<','>, sp, expect<expr>>, sp, expect<call_close>>>> {};
struct paren_expr : seq<one<'('>, sp, expect<expr>, sp, expect<paren_close>> {};
struct record_field : seq<ident, sp, one<':'>, sp, expect<expr>> {};
struct record_close : one<'}'> {};
struct record_lit : seq<one<'{'>, sp, record_field, star<sp, one<','>, sp, expect<record_field>>, sp, expect<record_close>> {};
struct set_close : one<'}'> {};
struct item_sep : seq<sp, one<','>, sp> {};
struct set_lit : seq<one<'{'>, sp, opt<expr, star_at_most<list_items_tag, item_sep, expect<expr>>>, sp, expect<set_close>> {};
struct list_close : one<']'> {};
struct list_lit : seq<one<'['>, sp, opt<expr, star_at_most<list_items_tag, item_sep, expect<expr>>>, sp, expect<list_close>> {};
struct if_expr : seq<kw_if, sp, expect<expr>, sp, expect<kw_then>, sp, expect<expr>, sp, expect<kw_else>, sp, expect<expr>> {};
struct case_arm : seq<kw_when, sp, expect<expr>, star<sp, one<','>, sp, expect<expr>>, sp, expect<kw_then>, sp, expect<expr>> {};
struct case_else : seq<kw_else, sp, expect<expr>> {};
struct case_expr : seq<kw_case, sp, expect<expr>, sp, expect<case_arm>, star<sp, case_arm>, sp, expect<case_else>> {};
struct primary : sor<date_lit, number_lit, string_lit, true_lit, false_lit, it_ref, if_expr, case_expr, call, name_ref, paren_expr, record_lit, set_lit, list_lit> {};
struct field_name : name {};
struct postfix_expr : seq<primary, star<sp, one<'.'>, not_at<one<'.'>>, sp, expect<field_name>>> {};
struct as_unit : name {};
struct as_expr : seq<postfix_expr, star<sp, kw_as, sp, expect<as_unit>>> {};
struct unary;
struct neg : seq<one<'-'>, sp, nest<expect<unary>>> {};
struct unary : sor<neg, as_expr> {};
struct op_mul : one<'*'> {};
struct op_div : one<'/'> {};
struct mul_expr : seq<unary, star<sp, sor<op_mul, op_div>, sp, expect<unary>>> {};
struct op_add : one<'+'> {};
struct op_sub : one<'-'> {};
struct add_expr : seq<mul_expr, star<sp, sor<op_add, op_sub>, sp, expect<mul_expr>>> {};
struct range_expr : seq<add_expr, opt<sp, string<'.', '.'>, sp, expect<add_expr>>> {};
struct op_eq : string<'=', '='> {};
struct op_ne : string<'!', '='> {};
struct op_le : string<'<', '='> {};
struct op_ge : string<'>', '='> {};
struct op_lt : one<'<'> {};
struct op_gt : one<'>'> {};
struct op_not_in : seq<kw_not, sp, kw_in> {};
struct op_in : kw_in {};
struct compare_op : sor<op_eq, op_ne, op_le, op_ge, op_lt, op_gt, op_not_in, op_in> {};
struct chained_compare : compare_op {};                        // a < b < c is refused
struct compare_expr : seq<range_expr, opt<sp, compare_op, sp, expect<range_expr>, opt<sp, at<compare_op>, raise<chained_compare>>>> {};
struct not_level;
struct not_expr : seq<kw_not, sp, nest<expect<not_level>>> {};
struct not_level : sor<not_expr, compare_expr> {};
struct and_expr : seq<not_level, star<sp, kw_and, sp, expect<not_level>>> {};
struct or_expr : seq<and_expr, star<sp, kw_or, sp, expect<and_expr>>> {};
struct where_expr : seq<or_expr, opt<sp, kw_where, sp, expect<or_expr>>> {};
struct expr : nest<where_expr> {};

// -------------------------------------------------------------- declarations
struct header_version : seq<kw_version, sp, expect<string_lit>> {};
struct header_source : seq<kw_source, sp, expect<string_lit>> {};
struct header_extends : seq<kw_extends, sp, expect<string_lit>> {};
struct header : seq<kw_ruleset, sp, expect<ident>, opt<sp, string_lit>, opt<sp, header_version>, opt<sp, header_source>, opt<sp, header_extends>> {};

struct unit_singular : seq<open_paren, sp, expect<ident>, sp, expect<paren_close>> {};
struct unit_decl : seq<kw_unit, sp, expect<ident>, opt<sp, unit_singular>, opt<sp, string_lit>> {};
struct convert_decl : seq<kw_convert, sp, expect<number>, sp, expect<ident>, sp, expect<equals>, sp, expect<number>, sp, expect<ident>, opt<sp, cites>> {};

struct enum_member : seq<ident, opt<sp, string_lit>> {};
struct enum_close : one<'}'> {};
struct enum_decl : seq<kw_enum, sp, expect<ident>, opt<sp, string_lit>, sp, expect<open_brace>, sp, expect<enum_member>, star<sp, one<','>, sp, enum_member>, opt<sp, one<','>>, sp, expect<enum_close>> {};

struct list_type : seq<kw_list, sp, kw_of, sp, expect<ident>> {};
struct optional_mark : one<'?'> {};
struct named_type : seq<ident, opt<sp, optional_mark>> {};
struct type_ref : sor<list_type, named_type> {};
struct constraint : seq<sor<op_ge, op_gt>, sp, expect<expr>> {};
struct field_default : seq<equals, sp, expect<expr>> {};
struct field : seq<ident, sp, colon, sp, expect<type_ref>, opt<sp, constraint>, opt<sp, field_default>, opt<sp, string_lit>> {};
struct invalid_when : seq<kw_invalid, sp, expect<kw_when>, sp, expect<expr>, sp, expect<text>> {};
struct fields_close : one<'}'> {};
struct facts_decl : seq<kw_facts, sp, expect<open_brace>, star<sp, sor<field, invalid_when>>, sp, expect<fields_close>> {};
struct variant : seq<ident, opt<sp, string_lit>, sp, open_brace, star<sp, sor<field, invalid_when>>, sp, expect<fields_close>> {};
struct record_by : seq<kw_by, sp, expect<ident>> {};
struct record_body_close : one<'}'> {};
struct record_decl : seq<kw_record, sp, expect<ident>, opt<sp, string_lit>, opt<sp, record_by>, sp, expect<open_brace>, star<sp, sor<field, variant, invalid_when>>, sp, expect<record_body_close>> {};

struct let_decl : seq<kw_let, sp, expect<ident>, sp, expect<equals>, sp, expect<expr>> {};
struct report_decl : seq<kw_report, sp, expect<ident>, sp, expect<equals>, sp, expect<expr>> {};

struct blank_cell : one<'-'> {};
struct table_cell : sor<number, blank_cell> {};
struct table_keyrow : seq<ident, sp, expect<colon>, sp, expect<number>, star<sp, number>> {};
struct table_row : seq<ident, sp, expect<open_paren>, sp, expect<ident>, sp, expect<paren_close>, opt<sp, string_lit>, sp, expect<colon>, sp, expect<table_cell>, star<sp, table_cell>> {};
struct table_close : one<'}'> {};
struct table_decl : seq<kw_table, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, sp, expect<table_keyrow>, star<sp, table_row>, sp, expect<table_close>> {};

struct counts_when : seq<kw_counts, sp, expect<kw_when>, sp, expect<expr>, sp, expect<kw_else>, sp, expect<text>> {};
struct part_from : seq<kw_from, sp, expect<expr>> {};
struct part_earns : seq<kw_earns, sp, expect<expr>> {};
struct part_once_per : seq<kw_once, sp, expect<kw_per>, sp, expect<expr>> {};
struct part_max : seq<kw_max, sp, expect<expr>> {};
struct part_close : one<'}'> {};
struct part_decl : seq<kw_part, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, sp, expect<part_from>, star<sp, counts_when>, sp, expect<part_earns>, opt<sp, part_once_per>, opt<sp, part_max>, sp, expect<part_close>> {};
struct category_earns : seq<kw_earns, sp, expect<expr>> {};
struct category_close : one<'}'> {};
struct category_decl : seq<kw_category, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, star<sp, sor<counts_when, part_decl, category_earns>>, sp, expect<category_close>> {};

struct exemption_when : seq<kw_when, sp, expect<expr>> {};
struct exemption_waives : seq<kw_waives, sp, expect<ident>, star<sp, one<','>, sp, expect<ident>>> {};
struct exemption_lowers : seq<kw_lowers, sp, expect<kw_total>, sp, expect<kw_by>, sp, expect<expr>> {};
struct exemption_close : one<'}'> {};
struct exemption_decl : seq<kw_exemption, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, sp, expect<exemption_when>, sp, expect<exemption_waives>, opt<sp, exemption_lowers>, sp, expect<exemption_close>> {};

struct standard_applies : seq<kw_applies, sp, expect<kw_when>, sp, expect<expr>> {};
struct total_decl : seq<kw_total, sp, expect<kw_min>, sp, expect<expr>, opt<sp, kw_else, sp, expect<text>>> {};
struct require_when : seq<kw_when, sp, expect<expr>> {};
struct require_decl : seq<kw_require, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, opt<sp, require_when>, sp, expect<colon>, sp, expect<expr>, sp, expect<kw_else>, sp, expect<text>> {};
struct bound_min : seq<kw_min, sp, expect<expr>> {};
struct bound_max : seq<kw_max, sp, expect<expr>> {};
struct bound_decl : seq<ident, opt<sp, bound_min>, opt<sp, bound_max>, opt<sp, kw_else, sp, expect<text>>> {};
struct std_item : sor<total_decl, let_decl, report_decl, require_decl, bound_decl> {};
struct standard_close : one<'}'> {};
struct standard_decl : seq<kw_standard, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, opt<sp, standard_applies>, star<sp, std_item>, sp, expect<standard_close>> {};

struct otherwise : kw_otherwise {};
struct outcome_reporting : seq<kw_reporting, sp, expect<ident>> {};
struct outcome_when : seq<kw_when, sp, expect<expr>, opt<sp, outcome_reporting>> {};
struct outcome_close : one<'}'> {};
struct outcome_body : sor<seq<otherwise, sp, expect<block_close>>, seq<outcome_when, star<sp, outcome_when>, sp, expect<outcome_close>>> {};
struct outcome_decl : seq<kw_outcome, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, sp, expect<outcome_body>> {};

// Drafts: a ruleset that `extends` a base overrides or removes what changes.
struct remove_item : seq<kw_remove, sp, expect<ident>> {};
struct table_edit : seq<ident, sp, number, sp, expect<colon>, sp, expect<table_cell>> {};
struct table_override : seq<kw_table, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, star<sp, sor<table_edit, table_row>>, sp, expect<table_close>> {};
struct category_override : seq<kw_category, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, star<sp, sor<remove_item, counts_when, part_decl, category_earns>>, sp, expect<category_close>> {};
struct standard_override : seq<kw_standard, sp, expect<ident>, opt<sp, string_lit>, opt<sp, cites>, sp, expect<open_brace>, opt<sp, standard_applies>, star<sp, sor<remove_item, std_item>>, sp, expect<standard_close>> {};
struct override_target : sor<let_decl, table_override, category_override, exemption_decl, standard_override, outcome_decl, report_decl> {};
struct override_decl : seq<kw_override, sp, expect<override_target>> {};
struct remove_kind : sor<kw_let, kw_table, kw_category, kw_exemption, kw_standard, kw_outcome, kw_report> {};
struct remove_decl : seq<kw_remove, sp, expect<remove_kind>, sp, expect<ident>> {};

struct decl : sor<override_decl, remove_decl, unit_decl, convert_decl, enum_decl, facts_decl, record_decl, let_decl, table_decl, category_decl, exemption_decl, standard_decl, outcome_decl, report_decl> {};
struct end_of_file : eof {};
struct bom : string<'\xEF', '\xBB', '\xBF'> {};  // a UTF-8 byte order mark some editors write
struct ruleset : seq<opt<bom>, sp, expect<header>, star_at_most<declarations_tag, sp, decl>, sp, expect<end_of_file>> {};

// A lone expression (tests, `kijun eval --expr`).
struct end_of_expression : eof {};
struct expression : seq<sp, expect<expr>, sp, expect<end_of_expression>> {};

}  // namespace kijun::grammar::rules

// analyze<>() sees through nest<> as through seq<>, and star_at_most<> as
// through star<>.
template <typename Name, typename... R>
struct tao::pegtl::analyze_traits<Name, kijun::grammar::rules::nest<R...>>
    : analyze_traits<Name, typename seq<R...>::rule_t> {};
template <typename Name, typename Tag, typename Sep, typename Item>
struct tao::pegtl::analyze_traits<Name, kijun::grammar::rules::star_at_most<Tag, Sep, Item>>
    : analyze_traits<Name, typename star<Sep, Item>::rule_t> {};
