// The syntax tree of a kijun ruleset: data only, built by grammar/ and read by
// the checker, the compiler, and later the formatter and diff. Every node
// keeps the span it was parsed from. Names are plain strings here; the checker
// resolves them and keeps its results in side tables, so the tree stays as
// written (docs/language.md is the reference for each construct).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "interpreter/source/source.hpp"

namespace kijun::ast {

struct Ident {
  std::string text;
  Span span;
};

// ---------------------------------------------------------------- expressions

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

// 10, 1.5, "10 cases" (unit = "cases"): the number is kept as written.
struct NumberLit {
  std::string text;
  std::optional<Ident> unit;
};
struct DateLit {
  std::string text;  // "2015-04-01", validated by the checker
};
struct BoolLit {
  bool value = false;
};
// "text {expr} more": literal pieces and interpolated expressions in order.
// Escapes (\" \\ \n \{ \}) are already decoded in the literal pieces.
struct StringLit {
  std::vector<std::variant<std::string, ExprPtr>> parts;
};
struct NameRef {
  std::string name;
};
struct ItRef {};  // `it`: the current element inside `where`
struct Member {
  ExprPtr object;
  Ident name;
};
struct Call {
  Ident callee;
  std::vector<ExprPtr> args;
};
enum class UnaryOp { neg, not_ };
struct Unary {
  UnaryOp op;
  ExprPtr operand;
};
enum class BinaryOp { add, sub, mul, div, eq, ne, lt, le, gt, ge, in, not_in, and_, or_, range };
struct Binary {
  BinaryOp op;
  ExprPtr lhs;
  ExprPtr rhs;
};
// `expr as units`: conversion along the declared `convert` lines.
struct As {
  ExprPtr operand;
  Ident unit;
};
// `list where predicate`: inside the predicate the element's fields are in
// scope by name, and `it` is the element itself.
struct Where {
  ExprPtr list;
  ExprPtr predicate;
};
struct If {
  ExprPtr cond;
  ExprPtr then_branch;
  ExprPtr else_branch;
};
struct CaseArm {
  std::vector<ExprPtr> values;
  ExprPtr result;
  Span span;
};
// case subject when a, b then x when c then y else z
struct Case {
  ExprPtr subject;
  std::vector<CaseArm> arms;
  ExprPtr else_branch;
};
struct SetLit {  // {a, b, c}
  std::vector<ExprPtr> items;
};
struct ListLit {  // [a, b, c]
  std::vector<ExprPtr> items;
};
struct RecordLit {  // {name: expr, other: expr}
  std::vector<std::pair<Ident, ExprPtr>> fields;
};

struct Expr {
  Span span;
  std::variant<NumberLit, DateLit, BoolLit, StringLit, NameRef, ItRef, Member, Call, Unary, Binary,
               As, Where, If, Case, SetLit, ListLit, RecordLit>
      kind;
};

// A message in the committee's language with an optional English form:
//   "日本語の文" en "English sentence"
struct Text {
  ExprPtr ja;                // a StringLit expression (may interpolate)
  ExprPtr en;                // null when absent
  Span span;
};

// --------------------------------------------------------------- declarations

struct Header {
  Ident name;                       // ruleset jsprs
  std::optional<std::string> label; // "形成外科領域専門医更新基準"
  std::optional<std::string> version;
  std::optional<std::string> source;
  std::optional<std::string> extends;  // a draft's base, relative to the draft's file
  Span extends_span;                   // the path as written
  Span span;
};

// unit cases (case) "症例"
struct UnitDecl {
  Ident name;                      // plural form used in literals: 10 cases
  std::optional<Ident> singular;   // 1 case
  std::optional<std::string> label;     // 症例
  Span span;
};

// convert 10 cases = 1 units cites "③ i)"
struct ConvertDecl {
  std::string from_amount;
  Ident from_unit;
  std::string to_amount;
  Ident to_unit;
  std::optional<std::string> cites;
  Span span;
};

struct EnumMember {
  Ident name;
  std::optional<std::string> label;
};
// enum host "主催" { jsprs "日本形成外科学会", facility "研修施設", ... }
struct EnumDecl {
  Ident name;
  std::optional<std::string> label;
  std::vector<EnumMember> members;
  Span span;
};

// integer | boolean | string | date | decimal | <unit> | <enum> | list of <record>
// and a trailing '?' for optional (absent or null allowed, no default).
struct TypeRef {
  bool is_list = false;
  Ident name;
  bool optional = false;
  Span span;
};

enum class ConstraintOp { gt, ge };
struct Constraint {
  ConstraintOp op;
  ExprPtr bound;  // a constant
  Span span;
};

// name: type [> bound | >= bound] [= default] ["label"]
struct FieldDecl {
  Ident name;
  TypeRef type;
  std::optional<Constraint> constraint;
  ExprPtr default_value;  // null: required (or optional when type.optional)
  std::optional<std::string> label;
  Span span;
};

// invalid when end < start "終了日が開始日より前" en "end is before start"
struct InvalidWhen {
  ExprPtr cond;
  Text message;
  Span span;
};

// One kind of a record discriminated `by kind`:  paper "学術論文" { fields }
struct VariantDecl {
  Ident name;
  std::optional<std::string> label;
  std::vector<FieldDecl> fields;
  std::vector<InvalidWhen> checks;
  Span span;
};

// record activity "活動" by kind { common fields; variants; checks }
struct RecordDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<Ident> discriminant;  // `by kind`: kind's values are the variant names
  std::vector<FieldDecl> fields;
  std::vector<VariantDecl> variants;
  std::vector<InvalidWhen> checks;
  Span span;
};

// facts { fields; checks }: the applicant record.
struct FactsDecl {
  std::vector<FieldDecl> fields;
  std::vector<InvalidWhen> checks;
  Span span;
};

// let name = expr
struct LetDecl {
  Ident name;
  ExprPtr value;
  Span span;
  bool is_override = false;  // `override let …` in a draft: replaces the base's
};

struct TableCell {
  std::optional<std::string> value;  // number as written; nullopt for '-' (blank)
  Span span;
};
// name (unit) "label": cells...
struct TableRow {
  Ident name;
  Ident type;  // a unit name, integer or decimal
  std::optional<std::string> label;
  std::vector<TableCell> cells;
  Span span;
};
// In a draft's `override table`: row key: value, e.g. `domain_min 2018: 10`.
struct TableCellEdit {
  Ident row;
  TableCell key;
  TableCell value;
  Span span;
};

// table transition "移行措置…" cites "…" { renewal_year: 2015 2016 …  rows }
struct TableDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  Ident key;                  // the fact the table is keyed by (empty in an override)
  std::vector<TableCell> keys;  // the column headers (integers)
  std::vector<TableRow> rows;  // in an override: rows added or replaced whole
  Span span;
  bool is_override = false;
  std::vector<TableCellEdit> edits;  // override only: single cells changed
};

// counts when <cond> else "reason" [en "reason"]
struct CountsWhen {
  ExprPtr cond;
  Text reason;
  Span span;
};

// part name "label" cites "…" { from <list [where …]>; counts when …; earns <expr> [once per <expr>]; [max <expr>] }
struct PartDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  ExprPtr from;                 // a list expression, usually `list where pred`
  std::vector<CountsWhen> counts;
  ExprPtr earns;                // per counted record
  ExprPtr once_per;             // null, or a key: only the first counted record per key earns
  ExprPtr max;                  // null: no sub-cap
  Span span;
};

// category name "label" cites "…" { counts when … (apply to every part); parts; [earns <expr>] }
struct CategoryDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  std::vector<CountsWhen> counts;
  std::vector<PartDecl> parts;
  ExprPtr earns;  // null: the sum of the parts
  Span span;
  bool is_override = false;    // in a draft: parts merged by name into the base's
  std::vector<Ident> removes;  // override only: parts removed
};

// exemption name "label" cites "…" { when <cond>  waives a, b  lowers total by <expr> }
struct ExemptionDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  ExprPtr when;
  std::vector<Ident> waives;  // categories and requirements
  ExprPtr lowers_total;       // null: the total is not lowered
  Span span;
  bool is_override = false;
};

// Inside a standard: <category> [min <expr>] [max <expr>] [else <text>]
struct BoundDecl {
  Ident category;
  ExprPtr min;  // null: no minimum
  ExprPtr max;  // null: no cap; a blank table cell at run time also means no cap
  std::optional<Text> message;
  Span span;
};
// total min <expr> [else <text>]
struct TotalDecl {
  ExprPtr min;
  std::optional<Text> message;
  Span span;
};
// require name "label" cites "…" [when <cond>]: <expr> else <text>
struct RequireDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  ExprPtr when;  // null: always applies
  ExprPtr cond;
  Text message;
  Span span;
};
// report name = <expr>
struct ReportDecl {
  Ident name;
  ExprPtr value;
  Span span;
  bool is_override = false;
};

using StandardItem = std::variant<BoundDecl, TotalDecl, LetDecl, RequireDecl, ReportDecl>;

// standard name "label" cites "…" { applies when <cond>; items }
struct StandardDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  ExprPtr applies;  // null: always applies
  std::vector<StandardItem> items;
  Span span;
  // In a draft: items merged into the base's by key (a bound by its
  // category, `total`, a requirement, let or report by its name).
  bool is_override = false;
  std::vector<Ident> removes;  // override only: items removed by key
};

// when <cond> [reporting <standard>]
struct OutcomeWhen {
  ExprPtr cond;
  std::optional<Ident> reporting;
  Span span;
};
// outcome name "label" cites "…" { when …  when … | otherwise }
struct OutcomeDecl {
  Ident name;
  std::optional<std::string> label;
  std::optional<std::string> cites;
  std::vector<OutcomeWhen> whens;
  std::optional<Span> otherwise;  // set when the block is `otherwise`
  Span span;
  bool is_override = false;
};

// In a draft: remove let|table|category|exemption|standard|outcome|report NAME
struct RemoveDecl {
  Ident kind;
  Ident name;
  Span span;
};

using Decl = std::variant<UnitDecl, ConvertDecl, EnumDecl, FactsDecl, RecordDecl, LetDecl, TableDecl,
                          CategoryDecl, ExemptionDecl, StandardDecl, OutcomeDecl, ReportDecl, RemoveDecl>;

struct Comment {
  std::string text;  // without the leading '#'
  Span span;
};

struct Ruleset {
  Header header;
  std::vector<Decl> decls;
  std::vector<Comment> comments;  // kept for the formatter, in source order
};

}  // namespace kijun::ast
