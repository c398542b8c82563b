// Private to interpreter/check: the state of one checking run. The checker
// resolves names, types every expression (units included) and emits the plan
// nodes in the same walk; declarations are laid out as cells (plan.hpp).
// Lets, parts and categories are checked on first use, so a ruleset may use a
// name before the line that defines it; cycles are found on the cell graph.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/check/types.hpp"
#include "interpreter/compile/nodes.hpp"

namespace kijun::check {

constexpr std::uint32_t no_cell = 0xFFFFFFFFu;

// Small builders of plan nodes, shared by the checker's files.
template <typename N>
std::unique_ptr<N> make_node(Span span) {
  auto n = std::make_unique<N>();
  n->span = span;
  return n;
}
inline plan::NodePtr const_node(Value v, Span span) {
  auto n = make_node<plan::Const>(span);
  n->value = v;
  return n;
}

// What a name or member stands for when it is not (yet) a value.
struct Meta {
  enum Kind : std::uint8_t { value, category, part, standard, table } kind = value;
  std::uint32_t a = 0;  // category / standard / table index
  std::uint32_t b = 0;  // part index
  int through = -1;     // category: the standard it is seen through, -1 none
};

struct Checked {
  Type type;
  plan::NodePtr node;
  Meta meta;
};

// An expression already reported as wrong: its type suppresses follow-on errors.
inline Checked bad() { return {Type::error(), make_node<plan::Const>(Span{}), {}}; }

struct Scope {
  int standard = -1;            // inside `standard` (names: total, lets, bounds)
  int category = -1;            // inside `category` (names: its parts)
  std::vector<Type> elements;   // records iterated by `where` / `part`, innermost last
};

enum class CheckState : std::uint8_t { pending, busy, done };

struct LetInfo {
  const ast::LetDecl* decl = nullptr;
  std::uint32_t cell = 0;
  CheckState state = CheckState::pending;
  Type type;
  bool used = false;
  int standard = -1;
};

struct CategoryInfo {
  const ast::CategoryDecl* decl = nullptr;
  CheckState state = CheckState::pending;
  std::vector<CheckState> part_state;
  std::vector<Type> part_elem;  // element record type per part
  std::vector<bool> part_unit_known;  // false when the part's `earns` had an error
  std::map<std::string, std::uint32_t> parts;
};

class Checker {
 public:
  Checker(const ast::Ruleset& rs, const SourceMap& sources);
  CheckResult run();

  // ---- diagnostics (checker.cpp)
  void report(Severity severity, Span at, std::string message, std::string hint);
  void error(Span at, std::string message, std::string hint = {});
  void warning(Span at, std::string message, std::string hint = {});
  void error_with_note(Span at, std::string message, Span note_at, std::string note);
  static std::string suggest(const std::string& name, const std::vector<std::string>& candidates);

  // ---- cells (checker.cpp)
  std::uint32_t add_cell(CellKind kind, std::uint32_t a, std::uint32_t b, std::string name, Span span);
  plan::NodePtr cell_ref(std::uint32_t cell, Span span);
  void depend(std::uint32_t cell);  // the cell being checked depends on `cell`
  void find_cycles();

  // ---- declarations (check_decls.cpp)
  void declare_units();
  void declare_types();
  void build_records();
  facts::FieldSchema field_schema(const ast::FieldDecl& f, int variant);
  facts::FieldSchema field_schema_unchecked(const ast::FieldDecl& f, int variant);
  void check_record_checks();
  void declare_tables();
  std::optional<Rational> conversion(std::uint32_t from, std::uint32_t to) const;
  std::uint32_t unit_of(const ast::Ident& name, bool report);
  std::string unit_name(std::uint32_t unit) const;
  std::string type_name(const Type& t) const;
  Type field_type(const facts::FieldSchema& f) const;

  // ---- expressions (check_expr.cpp)
  Checked expr(const ast::Expr& e, const Scope& s, const Type* hint = nullptr);
  Checked value(const ast::Expr& e, const Scope& s, const Type* hint = nullptr);
  plan::NodePtr boolean(const ast::Expr& e, const Scope& s);
  plan::NodePtr number_in(const ast::Expr& e, const Scope& s, std::uint32_t unit, const char* what);
  // A number in the credit unit; not checked while that unit is unknown
  // (every category's `earns` had an error, already reported).
  plan::NodePtr credits(const ast::Expr& e, const Scope& s, const char* what);
  Type credit_type() const { return credit_unit_known_ ? Type::number(prog_->credit_unit) : Type::error(); }
  plan::Text text(const ast::Text& t, const Scope& s);
  Checked string_lit(const ast::StringLit& lit, const ast::Expr& e, const Scope& s);
  Checked binary(const ast::Binary& b, const ast::Expr& e, const Scope& s);
  Checked arithmetic(const ast::Binary& b, const ast::Expr& e, const Scope& s);
  Checked comparison(const ast::Binary& b, const ast::Expr& e, const Scope& s);
  Checked where(const ast::Where& w, const ast::Expr& e, const Scope& s);
  Checked case_of(const ast::Case& c, const ast::Expr& e, const Scope& s, const Type* hint);
  Checked collection(const std::vector<ast::ExprPtr>& items, const ast::Expr& e, const Scope& s, const Type* hint,
                     bool set);
  std::optional<Type> unify(const Type& a, const Type& b) const;
  int narrowed_variant(const ast::Expr& predicate, const Type& elem) const;

  // ---- names, members and calls (check_names.cpp)
  Checked name(const ast::NameRef& n, const ast::Expr& e, const Scope& s, const Type* hint);
  Checked member(const ast::Member& m, const ast::Expr& e, const Scope& s);
  Checked call(const ast::Call& c, const ast::Expr& e, const Scope& s);
  Checked record_field(plan::NodePtr object, const Type& t, const ast::Ident& field, Span span, bool project);
  std::optional<std::pair<std::uint32_t, std::uint32_t>> enum_member(const std::string& name, const Type* hint) const;
  Checked let_ref(LetInfo& let, Span span);

  // ---- rules (check_rules.cpp)
  void declare_rules();
  void ensure_category(std::uint32_t c);
  void ensure_part(std::uint32_t c, std::uint32_t p);
  void check_exemptions();
  void check_standards();
  void check_standard(std::uint32_t s);
  void check_min_max(std::uint32_t s, const ast::BoundDecl& b, std::uint32_t c);
  void check_outcomes();
  void check_reports();
  void warn_unused();

  // The text of a span as written (for messages about conditions).
  std::string source_text(Span s) const {
    const std::string& t = sources_.file(s.file).text();
    return s.end <= t.size() && s.begin <= s.end ? t.substr(s.begin, s.end - s.begin) : std::string();
  }

  const ast::Ruleset& rs_;
  const SourceMap& sources_;
  Diagnostics diags_;
  std::unique_ptr<Program> prog_;

  std::unordered_map<std::string, std::uint32_t> unit_ids_;
  std::vector<std::vector<std::pair<std::uint32_t, Rational>>> conversions_;  // per unit: (to, factor)
  std::unordered_map<std::string, std::uint32_t> enum_ids_;
  std::unordered_map<std::string, std::uint32_t> record_ids_;
  std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> members_;
  std::vector<const ast::RecordDecl*> record_decls_;  // per record id (null for facts)
  std::vector<const ast::EnumDecl*> enum_decls_;

  std::unordered_map<std::string, std::uint32_t> lets_by_name_;
  std::vector<LetInfo> lets_;  // global and standard lets
  std::vector<std::unordered_map<std::string, std::uint32_t>> std_lets_;  // per standard: name -> lets_ index
  std::unordered_map<std::string, std::uint32_t> categories_by_name_;
  std::vector<CategoryInfo> categories_;
  std::unordered_map<std::string, std::uint32_t> tables_by_name_;
  std::vector<bool> table_used_;
  std::unordered_map<std::string, std::uint32_t> standards_by_name_;
  std::vector<const ast::StandardDecl*> standard_decls_;
  std::vector<const ast::ExemptionDecl*> exemption_decls_;
  std::vector<const ast::OutcomeDecl*> outcome_decls_;
  std::vector<const ast::ReportDecl*> report_decls_;

  std::vector<std::vector<std::uint32_t>> deps_;  // per cell
  std::uint32_t current_cell_ = no_cell;
  bool credit_unit_known_ = false;
};

}  // namespace kijun::check
