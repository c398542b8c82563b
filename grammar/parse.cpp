// The one translation unit that instantiates PEGTL: parse to a parse tree
// (grammar.hpp, nodes chosen by `selector`), then lower the tree to the
// ast::Ruleset (lower.hpp, lower_expr.hpp, lower_decls.hpp). A parse tree
// rather than actions with a builder stack because PEG alternatives
// backtrack, and the tree drops abandoned nodes for free.
#include "grammar/parse.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <utility>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "grammar/analyze.hpp"
#include "grammar/errors.hpp"
#include "grammar/grammar.hpp"
#include "grammar/lower.hpp"
#include "grammar/lower_decls.hpp"
#include "grammar/lower_expr.hpp"
#include "grammar/syntax_diagnostic.hpp"

namespace kijun::grammar {
namespace {

namespace pegtl = tao::pegtl;
namespace pt = tao::pegtl::parse_tree;
using Node = pt::node;
using lowering::Lowerer;

// Replace a node that has a single child by the child, keeping the content
// (pegtl's fold_one drops it, and with it the end of the span).
struct fold_keep : pt::apply<fold_keep> {
  template <typename N, typename... States>
  static void transform(std::unique_ptr<N>& n, States&&... /*unused*/) noexcept {
    if (n->children.size() == 1) n = std::move(n->children.front());
  }
};

template <typename Rule>
using selector = pt::selector<
    Rule,
    pt::store_content::on<
        r::ident, r::number, r::string_lit, r::str_plain, r::str_escape, r::text, r::en_text, r::cites,
        r::date_lit, r::unit_name, r::number_lit, r::true_lit, r::false_lit, r::it_ref, r::name_ref,
        r::callee, r::call, r::record_field, r::record_lit, r::set_lit, r::list_lit, r::if_expr,
        r::case_arm, r::case_else, r::case_expr, r::field_name, r::as_unit, r::neg, r::not_expr,
        r::op_mul, r::op_div, r::op_add, r::op_sub, r::op_eq, r::op_ne, r::op_le, r::op_ge, r::op_lt,
        r::op_gt, r::op_not_in, r::op_in,
        r::header_version, r::header_source, r::header_extends, r::header, r::unit_singular, r::unit_decl,
        r::convert_decl, r::enum_member, r::enum_decl, r::list_type, r::optional_mark, r::named_type,
        r::constraint, r::field_default, r::field, r::invalid_when, r::facts_decl, r::variant, r::record_by,
        r::record_decl, r::let_decl, r::report_decl, r::blank_cell, r::table_keyrow, r::table_row,
        r::table_decl, r::counts_when, r::part_from, r::part_earns, r::part_once_per, r::part_max,
        r::part_decl, r::category_earns, r::category_decl, r::exemption_when, r::exemption_waives,
        r::exemption_lowers, r::exemption_decl, r::standard_applies, r::total_decl, r::require_when,
        r::require_decl, r::bound_min, r::bound_max, r::bound_decl, r::standard_decl, r::otherwise,
        r::outcome_reporting, r::outcome_when, r::outcome_decl, r::remove_item, r::table_edit,
        r::table_override, r::category_override, r::standard_override, r::override_decl, r::remove_kind,
        r::remove_decl>,
    fold_keep::on<r::postfix_expr, r::as_expr, r::mul_expr, r::add_expr, r::range_expr, r::compare_expr,
                  r::and_expr, r::or_expr, r::where_expr>>;

// Comments are collected by an action, keyed by offset: backtracking may
// match the same comment more than once.
using CommentMap = std::map<std::uint32_t, ast::Comment>;

template <typename Rule> struct action : pegtl::nothing<Rule> {};
template <> struct action<r::comment> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, CommentMap& comments) {
    auto text = in.string().substr(1);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    const auto begin = static_cast<std::uint32_t>(in.iterator().byte);
    comments[begin] = ast::Comment{std::move(text), Span{0, begin, static_cast<std::uint32_t>(begin + in.size())}};
  }
};

// Tokens longer than a limit are refused where they are matched (limits.hpp).
template <typename ActionInput>
[[noreturn]] void too_long(const ActionInput& in, std::size_t size, std::string_view what, std::string_view unit,
                           std::size_t limit, std::string_view name, const char* hint) {
  throw syntax_error(std::string(what) + " of " + limits::grouped(size) + " " + std::string(unit) + "; at most " +
                         limits::grouped(limit) + " are allowed (limit " + std::string(name) + ")",
                     hint, in.position());
}
struct name_length {
  template <typename ActionInput>
  static void apply(const ActionInput& in, CommentMap&) {
    if (in.size() > limits::max_identifier_length)
      too_long(in, in.size(), "a name", "bytes", limits::max_identifier_length, "max_identifier_length",
               "give it a shorter name; its label (\"…\") can say the rest");
  }
};
// Every rule that matches a name: `name` itself and the rules derived from it.
template <> struct action<r::name> : name_length {};
template <> struct action<r::ident> : name_length {};
template <> struct action<r::field_name> : name_length {};
template <> struct action<r::as_unit> : name_length {};
template <> struct action<r::number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, CommentMap&) {
    const std::size_t digits = in.size() - (in.string_view().find('.') == std::string_view::npos ? 0 : 1);
    if (digits > limits::max_number_digits)
      too_long(in, digits, "a number", "digits", limits::max_number_digits, "max_number_digits",
               "numbers are exact up to 18 digits");
  }
};
template <> struct action<r::string_lit> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, CommentMap&) {
    if (in.size() - 2 > limits::max_string_length)
      too_long(in, in.size() - 2, "a string", "bytes", limits::max_string_length, "max_string_length",
               "a label or a message is a sentence or two; put long texts in the society's documents");
  }
};

template <typename Rule>
bool run(const SourceFile& file, Diagnostics& diags, auto&& lower) {
  if (file.text().size() > std::numeric_limits<std::uint32_t>::max()) {
    Diagnostic d;
    d.location = file.path();
    d.message = "file too large (over 4 GiB)";
    diags.push_back(std::move(d));
    return false;
  }
  if (!check_encoding(file, diags)) return false;
  try {
    Input in(file.text(), file.path());
    CommentMap comments;
    auto root = pt::parse<Rule, selector, action, control>(in, comments);
    if (!root) throw syntax_error(error_message<r::end_of_file>, nullptr, in);  // unreachable: expect<> raises
    Lowerer lowerer(file, diags);
    lower(lowerer, *root, comments);
    return !has_errors(diags);
  } catch (const syntax_error& e) {
    diags.push_back(syntax_diagnostic(file, e, e.hint()));
  } catch (const pegtl::parse_error& e) {
    diags.push_back(syntax_diagnostic(file, e, {}));
  } catch (...) {  // e.g. bad_alloc: parse() never throws
    Diagnostic d;
    d.span = Span{file.id(), 0, 0};
    d.message = "internal error while parsing";
    diags.push_back(std::move(d));
  }
  return false;
}

}  // namespace

ParseResult parse(const SourceFile& file) {
  ParseResult result;
  ast::Ruleset rs;
  const bool ok = run<r::ruleset>(file, result.diagnostics, [&](Lowerer& lw, const Node& root, CommentMap& cm) {
    rs = lw.ruleset(root);
    for (auto& [offset, c] : cm) {
      c.span.file = file.id();
      rs.comments.push_back(std::move(c));
    }
  });
  if (ok) result.ruleset = std::move(rs);
  return result;
}

ExprResult parse_expression(const SourceFile& file) {
  ExprResult result;
  ast::ExprPtr e;
  const bool ok = run<r::expression>(file, result.diagnostics,
                                     [&](Lowerer& lw, const Node& root, CommentMap&) { e = lw.expression(root); });
  if (ok) result.expr = std::move(e);
  return result;
}

bool grammar_is_sound() {
  return pegtl::analyze<rules::ruleset>() == 0 && pegtl::analyze<rules::expression>() == 0;
}

}  // namespace kijun::grammar
